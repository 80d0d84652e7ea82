/**
 * Dutch error messages for the official-format readers. Every message names
 * the file, where in it (row or feature), the column and what was expected, so
 * a gemeente employee can find and fix the cell.
 */

export class ReaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderError';
  }
}

/** `kwb.csv, regel 14, kolom "AantalInwoners_5": verwacht een getal, gevonden "abc"` */
export function cellError(file: string, where: string, column: string, expected: string, found?: unknown): ReaderError {
  const foundText = found === undefined ? '' : `, gevonden ${JSON.stringify(found === null ? 'leeg' : String(found))}`;
  return new ReaderError(`${file}, ${where}, kolom "${column}": verwacht ${expected}${foundText}`);
}

export function fileError(file: string, message: string): ReaderError {
  return new ReaderError(`${file}: ${message}`);
}
