/**
 * A chosen file → text → table of text cells, shared by the three kinds of
 * enrichment (area tables, points, survey) and the resident answers: bytes
 * decoded as UTF-8 or Windows-1252 (empty and binary files refused in Dutch),
 * and CSV through the shared delimited parser (BOM, `;`/`,`/tab, quoting,
 * StatLine title and "Bron:" footer lines, each skipped line reported).
 */
import { DelimitedError, parseDelimited } from '../model/formats/delimited.ts';
import { parseCbsNumber, type ParsedCell } from '../model/missing.ts';
import { ImportFileError } from './errors.ts';
import { looksLikeAreaCode } from '../model/area-code.ts';

export { ImportFileError };

/** Rows and columns of one file's table (a sheet can hold more than the dataset has areas, e.g. several years). */
export const TABLE_LIMITS = { maxRows: 100_000, maxColumns: 1_000 } as const;

/** A year (1950–2099) standing on its own in a name: "meldingen-2024.csv", "MORA 2023". */
export function yearFrom(text: string): number | null {
  const m = /(?:^|\D)(19[5-9]\d|20\d{2})(?:\D|$)/.exec(text);
  return m ? Number(m[1]) : null;
}

export interface RawTable {
  fileName: string;
  columns: string[];
  /** Cells as text; XLSX numbers are written with a decimal point. */
  rows: string[][];
  /** Line (CSV) or spreadsheet row (XLSX) number of each data row, 1-based, for messages. */
  lineNumbers: number[];
  /** XLSX: the sheet read. */
  sheet?: string;
  /** CSV: the separator found. */
  separator?: ';' | ',' | '\t';
  /**
   * The file writes decimals with a comma, so "1.204" is a thousands point
   * (1204). True when any cell has a decimal comma, or for `;` and tab files
   * without any decimals (Dutch Excel); XLSX cells are numbers already (false).
   */
  decimalComma: boolean;
  /**
   * Lines that were not read as data, for the "overgeslagen" report: title
   * lines above the header, the source footer and (where the caller allows
   * it) rows with a wrong number of cells.
   */
  skippedLines?: SkippedLine[];
  /** Text of the title lines above the header ("Buurten gemeente Groningen, 2024"), for the year it names. */
  title?: string;
}

export interface SkippedLine {
  /** First line (1-based) of what was skipped. */
  line: number;
  /** Last line, for a block of title lines. */
  toLine?: number;
  kind: 'titel' | 'bron' | 'kolommen';
  /** 'kolommen': how many cells the row had. */
  cells?: number;
  /** Dutch, without the line number: "titelregel "Buurten 2024"". */
  message: string;
}

/** "regel 3: …" / "regels 1–2: …" for a skipped line, as shown to the user. */
export function skippedLineText(s: SkippedLine): string {
  return `${s.toLine && s.toLine > s.line ? `regels ${s.line}–${s.toLine}` : `regel ${s.line}`}: ${s.message}`;
}

/**
 * Without a decimal in sight, the separator decides: Dutch Excel writes `;`
 * for CSV and its tab export uses the same decimal comma, so there "1.234" is
 * a thousands point; in a `,` file the comma cannot be the decimal sign.
 */
function decimalCommaOf(rows: string[][], sep: string): boolean {
  let comma = false, point = false;
  for (const r of rows.slice(0, 500)) for (const c of r) {
    const t = c.trim();
    if (/^-?\d{1,3}(\.\d{3})*,\d+$/.test(t)) comma = true;
    else if (/^-?\d+\.\d{1,2}$|^-?\d+\.\d{4,}$/.test(t)) point = true;
  }
  if (comma) return true;
  if (point) return false;
  return sep !== ',';
}

/**
 * The one number reader of the area and survey imports: parseCbsNumber, plus
 * what a Dutch spreadsheet writes: a thousands point in a decimal-comma file
 * ("1.204" is 1204; "0.125" never is) and a trailing percent sign ("12,5 %").
 */
export function parseImportNumber(text: string, decimalComma: boolean): ParsedCell | null {
  const t = text.trim().replace(/(\d)\s*%$/, '$1');
  if (decimalComma && /^-?[1-9]\d{0,2}(\.\d{3})+$/.test(t)) return parseCbsNumber(t.replace(/\./g, ''));
  return parseCbsNumber(t);
}


/** A source or notes line under the table ("Bron: CBS", "Toelichting …"); not "Bronckhorst". */
const FOOTER = /^\s*"?\s*(bron\b|bronnen\b|source\b|©|toelichting\b|verklaring\b|cbs,|https?:)/i;

/** "Bron:", "Toelichting:": with the colon no area name reads like this. */
const LABELLED_FOOTER = /^\s*"?\s*(bron|bronnen|source|toelichting|verklaring)\s*:/i;

/**
 * A footer row: "Bron: …" whatever follows (an unquoted `;` in "Bron: CBS;
 * bewerking gemeente" splits it into cells), or another source/notes text in
 * the first cell with either nothing else or a different number of cells
 * than the header, so a real row is never taken for one.
 */
export const isFooterRow = (cells: string[], columns: { length: number }) =>
  LABELLED_FOOTER.test(cells[0] ?? '') ||
  (FOOTER.test(cells[0] ?? '') && (cells.slice(1).every((c) => c.trim() === '') || cells.length !== columns.length));


/**
 * Index of the header line: the first line with at least two filled cells
 * that reaches no less far than the line after it (a StatLine title such as
 * "Buurten gemeente Groningen, 2024;;;" ends before the table's columns do),
 * unless the line after it holds only numbers: that is a data row (with
 * decimal commas in a comma file, "52,4,5,1" under "lat,lon"), not a header.
 * Reach is up to the last filled cell. A line with empty cells that the
 * line after it fills is a header ("buurtcode;;meldingen" above data) when
 * that line holds data (a number or an area code), and a title
 * ("Meldingen;;;2024" above "code;naam;meldingen;jaar") when it does not.
 */
function headerIndex(text: string, sep: string): number {
  const lines = headLines(text);
  const reach = (cells: string[]) => {
    let n = cells.length;
    while (n > 0 && cells[n - 1].trim() === '') n--;
    return n;
  };
  const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;
  const numeric = (c: string) => /^[\s\d.,+\-eE%]*$/.test(c);
  const holdsData = (cells: string[]) => cells.some((c) => (/\d/.test(c) && numeric(c)) || looksLikeAreaCode(c));
  for (let i = 0; i < lines.length; i++) {
    const here = cellsOutsideQuotes(lines[i], sep);
    if (filled(here) < 2) continue;
    const line = lines.slice(i + 1).find((l) => l.trim() !== '');
    const next = line === undefined ? [] : cellsOutsideQuotes(line, sep);
    if (next.every(numeric)) return i;
    if (reach(next) <= reach(here) && (filled(next) <= filled(here) || holdsData(next))) return i;
  }
  return 0;
}

/** The first 30 lines, without a BOM. */
const headLines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 30);

/** One line's cells, not splitting inside quotes (a quoted "x;y" is one cell). */
function cellsOutsideQuotes(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = '', quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * The separator used on at least half of the first lines: `;` first, since
 * Dutch exports use it because the comma is the decimal sign ("6,56;53,21"
 * holds more commas than semicolons), then tab, then comma.
 */
function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = headLines(text).filter((l) => l.trim() !== '');
  for (const sep of [';', '\t'] as const) {
    if (lines.length && lines.filter((l) => cellsOutsideQuotes(l, sep).length > 1).length * 2 >= lines.length) return sep;
  }
  return ',';
}

const nlInt = (n: number) => n.toLocaleString('nl-NL');

/** Refuses a table past the row or column limit, in Dutch. */
export function checkTableSize(fileName: string, columns: number, rows: number, maxRows: number = TABLE_LIMITS.maxRows): void {
  if (columns > TABLE_LIMITS.maxColumns) throw new ImportFileError(`${fileName}: ${nlInt(columns)} kolommen; de import leest er maximaal ${nlInt(TABLE_LIMITS.maxColumns)}. Bewaar alleen de kolommen die u nodig hebt.`);
  if (rows > maxRows) throw new ImportFileError(`${fileName}: ${nlInt(rows)} rijen; de import leest er maximaal ${nlInt(maxRows)}. Splits het bestand of laat rijen weg.`);
}

export interface CsvReadOptions {
  /** Most data rows (default: the area import's limit). */
  maxRows?: number;
  /** 'skip': rows with a wrong number of cells are left out and listed in `skippedLines` (survey and point imports). */
  raggedRows?: 'throw' | 'skip';
}

/**
 * Delimited text → table, the one reading path of the area, survey and point
 * imports: separator detection, title lines above the header and a source
 * footer skipped and reported.
 */
export function readCsvText(text: string, fileName: string, options: CsvReadOptions = {}): RawTable {
  try {
    const separator = detectSeparator(text);
    const skipLines = headerIndex(text, separator);
    const t = parseDelimited(text, { file: fileName, separator, skipLines, isFooter: isFooterRow, raggedRows: options.raggedRows ?? 'throw' });
    const { rows, lineNumbers } = t;
    checkTableSize(fileName, t.columns.length, rows.length, options.maxRows);
    const skippedLines: SkippedLine[] = [];
    const titles = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, skipLines).filter((l) => l.trim() !== '');
    if (titles.length) {
      const shown = titles.map((l) => `“${clipText(l.split(separator).join(' ').replace(/"/g, ''))}”`).join(', ');
      skippedLines.push({ line: 1, toLine: skipLines, kind: 'titel', message: `${titles.length === 1 ? 'titelregel' : 'titelregels'} boven de kopregel overgeslagen (${shown})` });
    }
    for (const r of t.raggedRows ?? []) skippedLines.push({ line: r.line, kind: 'kolommen', cells: r.cells, message: `${r.message}; regel overgeslagen` });
    if (t.footer) skippedLines.push({ line: t.footer.line, kind: 'bron', message: `bronvermelding onder de tabel overgeslagen (“${clipText(t.footer.text)}”), met alles daarna` });
    return {
      fileName, columns: uniqueColumns(t.columns), rows, lineNumbers, decimalComma: decimalCommaOf(rows, separator), separator,
      ...(skippedLines.length ? { skippedLines } : {}),
      ...(titles.length ? { title: titles.join(' ') } : {}),
    };
  } catch (error) {
    if (error instanceof DelimitedError) throw new ImportFileError(error.message);
    throw error;
  }
}

export const clipText = (s: string, max = 60) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max)}…` : t;
};


/** What a binary file probably is, from its first bytes, for the message; null for text. */
function binaryKind(bytes: Uint8Array): string | null {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'een afbeelding (PNG)';
  if (starts(0xff, 0xd8, 0xff)) return 'een afbeelding (JPEG)';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'een afbeelding (GIF)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'een PDF-document';
  if (starts(0x50, 0x4b)) return 'een ingepakt bestand (zip, Excel of Word)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'een oud Office-bestand (.xls of .doc)';
  if (starts(0x1f, 0x8b)) return 'een gecomprimeerd bestand (gzip)';
  // Text never holds NUL bytes; UTF-16 text does, but no export we read is UTF-16.
  return bytes.subarray(0, 4096).includes(0) ? 'een binair bestand' : null;
}

/** Windows-1252's characters for bytes 0x80–0x9F (€, ‚, „, …, –, —, ‘, ’, “, ”); 0 = unassigned. */
const CP1252_HIGH = [0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178];

/**
 * Windows-1252 text. Browsers decode it fully; some Node builds (small ICU)
 * treat the label as Latin-1 and leave 0x80–0x9F as control characters, so
 * those are mapped here and both read an export the same way.
 */
function fromWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

/**
 * A chosen file's bytes as text: UTF-8, or Windows-1252 when the bytes are
 * not valid UTF-8 (older Excel CSV exports write "X-coördinaat" that way).
 * An empty or binary file (an image, a PDF) is refused in Dutch, so its
 * bytes never reach the user as garbled text.
 */
export function decodeFileText(buffer: ArrayBuffer, fileName: string): string {
  const bytes = new Uint8Array(buffer);
  if (bytes.length === 0) throw new ImportFileError(`${fileName}: het bestand is leeg (0 bytes).`);
  const kind = binaryKind(bytes);
  if (kind) throw new ImportFileError(`${fileName}: dit is geen tekstbestand maar ${kind}. Kies een CSV-bestand (tekst, met ; of , tussen de kolommen).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = fromWindows1252(bytes);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportFileError(`${fileName}: het bestand bevat alleen witruimte, geen tabel.`);
  return text;
}

/** Empty or repeated headers get a position suffix, so every column can be named in messages. */
export function uniqueColumns(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c, i) => {
    const base = c || `kolom ${i + 1}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return k ? `${base} (${k + 1})` : base;
  });
}