/**
 * Delimited text (CSV) as exported by CBS StatLine, "Kerncijfers wijken en
 * buurten", Swing/"gemeente in cijfers" and spreadsheets. Shared by the Node
 * pipeline and the in-browser import, so both read a file the same way.
 *
 * Handles: UTF-8 BOM, `;` `,` or tab separators (detected from the header
 * line), RFC 4180 quoting with doubled quotes, CRLF/LF/CR line ends, and
 * trailing empty lines. Cells keep their padding; callers trim codes and use
 * `parseCbsNumber` for numbers so that "." and sentinels never become values.
 */

export interface DelimitedTable {
  /** Column names, trimmed. */
  columns: string[];
  /** Data rows; every row has `columns.length` cells. */
  rows: string[][];
  /** 1-based line number in the file of each data row, for error messages. */
  lineNumbers: number[];
  separator: string;
  /** The footer record `isFooter` stopped at (line and its text), if any; the caller reports it. */
  footer?: { line: number; text: string };
  /** Rows with a different number of cells, skipped under `raggedRows: 'skip'`. */
  raggedRows?: { line: number; cells: number; message: string }[];
}

export class DelimitedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}, regel ${line}: ${message}`);
    this.name = 'DelimitedError';
  }
}

export interface DelimitedOptions {
  /** Name of the file, used in error messages. */
  file?: string;
  /** Force a separator instead of detecting it. */
  separator?: string;
  /** Number of lines before the header (StatLine exports have title lines). */
  skipLines?: number;
  /**
   * Skip lines before the header until one contains this many separators.
   * Used for StatLine downloads with a title block.
   */
  findHeader?: (cells: string[]) => boolean;
  /** Stop at the first record this returns true for (e.g. a "Bron: CBS" footer); `columns` is the header. */
  isFooter?: (cells: string[], columns: string[]) => boolean;
  /**
   * A row with another number of cells than the header: 'throw' (default)
   * refuses the file; 'skip' leaves the row out and lists it in `raggedRows`,
   * for imports that skip bad rows and report them.
   */
  raggedRows?: 'throw' | 'skip';
}

function detectSeparator(headerLine: string): string {
  const counts = [';', ',', '\t'].map((sep) => [sep, countOutsideQuotes(headerLine, sep)] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

function countOutsideQuotes(line: string, sep: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === sep && !inQuotes) count++;
  }
  return count;
}

/** Split text into records of cells, honouring quotes across line breaks. */
function* records(text: string, sep: string): Generator<{ cells: string[]; line: number }> {
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') { inQuotes = true; cell = ''; cellStarted = true; continue; }
    if (ch === sep) { cells.push(cell); cell = ''; cellStarted = true; continue; }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      yield { cells, line: recordLine };
      cells = []; cell = ''; cellStarted = false;
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    cellStarted = true;
  }
  if (inQuotes) throw new DelimitedError('', recordLine, 'een aanhalingsteken wordt niet gesloten');
  if (cellStarted || cell !== '' || cells.length > 0) {
    cells.push(cell);
    yield { cells, line: recordLine };
  }
}

export function parseDelimited(input: string, options: DelimitedOptions = {}): DelimitedTable {
  const file = options.file ?? 'bestand';
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = text.split(/\r\n|\n|\r/);
  let headerIndex = options.skipLines ?? 0;
  if (options.findHeader) {
    const isHeader = (line: string) => options.findHeader!(line.split(options.separator ?? detectSeparator(line)).map((c) => c.replace(/^"|"$/g, '').trim()));
    while (headerIndex < lines.length && !isHeader(lines[headerIndex])) headerIndex++;
    if (headerIndex >= lines.length) throw new DelimitedError(file, 1, 'geen kopregel met de verwachte kolommen gevonden');
  }
  const separator = options.separator ?? detectSeparator(lines[headerIndex] ?? '');
  let columns: string[] | null = null;
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  const raggedRows: NonNullable<DelimitedTable['raggedRows']> = [];
  let footer: DelimitedTable['footer'];
  try {
    for (const record of records(text, separator)) {
      if (record.line <= headerIndex) continue;
      if (columns === null) {
        columns = record.cells.map((c) => c.trim());
        if (columns.length < 2) throw new DelimitedError(file, record.line, 'kopregel heeft minder dan twee kolommen; is het scheidingsteken ; of , ?');
        continue;
      }
      // A blank line, also as Excel writes a formatted empty row (";;", with as many separators as it likes).
      if (record.cells.every((c) => c.trim() === '')) continue;
      if (options.isFooter?.(record.cells, columns)) {
        footer = { line: record.line, text: record.cells.join(separator).trim() };
        break;
      }
      if (record.cells.length !== columns.length) {
        const n = record.cells.length;
        const where = n < columns.length ? `; vanaf kolom "${columns[n]}" ontbreekt alles` : `; na kolom "${columns[columns.length - 1]}" staan nog ${n - columns.length} cel(len)`;
        const message = `verwacht ${columns.length} kolommen, gevonden ${n}${where}`;
        if (options.raggedRows !== 'skip') throw new DelimitedError(file, record.line, message);
        raggedRows.push({ line: record.line, cells: n, message });
        continue;
      }
      rows.push(record.cells);
      lineNumbers.push(record.line);
    }
  } catch (error) {
    if (error instanceof DelimitedError && error.file === '') throw new DelimitedError(file, error.line, error.message.replace(/^, regel \d+: /, ''));
    throw error;
  }
  if (columns === null) throw new DelimitedError(file, 1, 'bestand is leeg');
  return { columns, rows, lineNumbers, separator, ...(footer ? { footer } : {}), ...(raggedRows.length ? { raggedRows } : {}) };
}

/** Index of a column by exact (trimmed) name; throws a Dutch error naming the file. */
export function columnIndex(table: DelimitedTable, name: string, file = 'bestand'): number {
  const index = table.columns.indexOf(name);
  if (index < 0) throw new Error(`${file}: kolom "${name}" ontbreekt (gevonden: ${table.columns.slice(0, 12).join(', ')}${table.columns.length > 12 ? ', …' : ''})`);
  return index;
}
