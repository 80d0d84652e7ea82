/**
 * The one contract of enrichment: what the gemeente adds to the public data
 * (area tables, points, survey figures). Each kind describes itself with an
 * EnrichmentKind (src/enrichment/<kind>/kind.ts); the dialogs in
 * src/ui/enrichment read and refuse files through the helpers below, so the
 * three say the same things in the same words.
 *
 * Only what the three kinds really share is here. What a result becomes for
 * the scoring worker is not: area tables and points become ImportedValues
 * (src/enrichment/area-table/to-worker.ts, src/enrichment/points/rates.ts),
 * survey figures go to ScoringEngine.setSurvey as they are.
 */
import { ImportFileError } from './errors.ts';
import { decodeFileText } from './read-text.ts';

export type EnrichmentKindId = 'gebiedstabel' | 'punten' | 'enquete';

export interface EnrichmentKind {
  readonly id: EnrichmentKindId;
  /** Dutch name, as the dialog's heading. */
  readonly title: string;
  /** The file input's `accept` list. */
  readonly accept: string;
  /** Largest file read, in bytes; checked before anything is read. */
  readonly maxFileBytes: number;
  /** The limits in Dutch, shown beside the file input before a file is chosen. */
  readonly limitsText: string;
  /** What to do about a file that is too large, in Dutch (after the size); empty for no advice. */
  readonly tooLargeAdvice: string;
  /**
   * Where an applied result is kept in the workspace (and its file,
   * src/workspace/file-format.ts), and the file version that added the
   * field: an older file reads as having none.
   */
  readonly workspace: { readonly field: 'imports' | 'surveys'; readonly sinceVersion: number };
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** "Maximaal 10 MB en 100.000 rijen.": a text file's limits in words, `what` naming what is counted. */
export function sizeAndCountLimits(limits: { maxFileBytes: number; maxRows: number }, what: string): string {
  return `Maximaal ${megabytes(limits.maxFileBytes)} MB en ${limits.maxRows.toLocaleString('nl-NL')} ${what}.`;
}

/** The Dutch refusal of a file past the kind's size limit, naming the file; null when it fits. */
export function tooLargeMessage(kind: EnrichmentKind, fileName: string, bytes: number): string | null {
  if (bytes <= kind.maxFileBytes) return null;
  const advice = kind.tooLargeAdvice ? ` ${kind.tooLargeAdvice}` : '';
  return `${fileName}: het bestand is ${megabytes(bytes).toFixed(1)} MB; maximaal ${megabytes(kind.maxFileBytes)} MB.${advice}`;
}

/** Throws ImportFileError (an EnrichmentError) for a file past the kind's size limit. */
export function refuseTooLarge(kind: EnrichmentKind, file: { name: string; size: number }): void {
  const message = tooLargeMessage(kind, file.name, file.size);
  if (message) throw new ImportFileError(message);
}

/**
 * A chosen text file (CSV, GeoJSON) as text: the size limit first, then UTF-8
 * or Windows-1252, with a Dutch refusal for an empty or binary file.
 */
export async function readChosenText(kind: EnrichmentKind, file: File): Promise<string> {
  refuseTooLarge(kind, file);
  return decodeFileText(await file.arrayBuffer(), file.name);
}
