/**
 * The one error type of enrichment: what went wrong with a user's file, in
 * Dutch, each problem naming where (file, line or object, column). A dialog
 * shows `problems` as a list; nothing the user made is changed.
 */
export class EnrichmentError extends Error {
  constructor(readonly problems: string[], readonly total = problems.length) {
    super(problems.join('\n'));
    this.name = 'EnrichmentError';
  }
}

/** A file that cannot be read at all (empty, binary, too large, not a table); one message naming the file. */
export class ImportFileError extends EnrichmentError {
  constructor(message: string) {
    super([message]);
    this.name = 'ImportFileError';
  }
}
