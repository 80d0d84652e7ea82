/**
 * File → table of text cells. CSV through the shared delimited parser (BOM,
 * `;`/`,`/tab, quoting, StatLine title and "Bron:" footer lines); XLSX
 * through read-excel-file, imported lazily so the spreadsheet code is only
 * downloaded when someone actually opens a spreadsheet.
 */
import { DelimitedError, parseDelimited } from '../model/formats/delimited.ts';
import { IMPORT_LIMITS } from './types.ts';
import { guardXlsx, XlsxGuardError } from './xlsx-guard.ts';

export interface RawTable {
  fileName: string;
  columns: string[];
  /** Cells as text; XLSX numbers are written with a decimal point. */
  rows: string[][];
  /** Line (CSV) or spreadsheet row (XLSX) number of each data row, 1-based, for messages. */
  lineNumbers: number[];
  /** XLSX: the sheet read. */
  sheet?: string;
  /**
   * The file writes decimals with a comma, so "1.204" is a thousands point
   * (1204). True when any cell has a decimal comma, or for `;` files without
   * any decimals (Dutch Excel); XLSX cells are numbers already (false).
   */
  decimalComma: boolean;
}

function decimalCommaOf(rows: string[][], sep: string): boolean {
  let comma = false, point = false;
  for (const r of rows.slice(0, 500)) for (const c of r) {
    const t = c.trim();
    if (/^-?\d{1,3}(\.\d{3})*,\d+$/.test(t)) comma = true;
    else if (/^-?\d+\.\d{1,2}$|^-?\d+\.\d{4,}$/.test(t)) point = true;
  }
  if (comma) return true;
  if (point) return false;
  return sep === ';';
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const FOOTER = /^\s*(bron|source|©|toelichting|verklaring|cbs,|https?:)/i;

/** A spreadsheet header: at least two non-empty cells (title rows above it have one). */
const looksLikeHeader = (cells: string[]) => cells.filter((c) => c.trim() !== '').length >= 2;

/**
 * Index of the header line: the first line with at least two cells that has
 * no fewer cells than the line after it (a StatLine title such as
 * "Buurten gemeente Groningen, 2024" splits into fewer cells than the table).
 */
function headerIndex(text: string, sep: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 30);
  const count = (l: string | undefined) => (l ?? '').split(sep).filter((c) => c.replace(/"/g, '').trim() !== '').length;
  for (let i = 0; i < lines.length; i++) {
    const here = count(lines[i]);
    if (here < 2) continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    if (next === undefined || count(next) <= here) return i;
  }
  return 0;
}

function detectSeparator(text: string): string {
  const head = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 30).join('\n');
  const counts = [';', '\t', ','].map((s) => [s, head.split(s).length - 1] as const);
  // Semicolon first: Dutch exports use it because the comma is the decimal sign.
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

const nlInt = (n: number) => n.toLocaleString('nl-NL');

/** Refuses a table past the row or column limit, in Dutch. */
function checkTableSize(fileName: string, columns: number, rows: number): void {
  if (columns > IMPORT_LIMITS.maxFileColumns) throw new ImportFileError(`${fileName}: ${nlInt(columns)} kolommen; de import leest er maximaal ${nlInt(IMPORT_LIMITS.maxFileColumns)}. Bewaar alleen de kolommen die u nodig hebt.`);
  if (rows > IMPORT_LIMITS.maxFileRows) throw new ImportFileError(`${fileName}: ${nlInt(rows)} rijen; de import leest er maximaal ${nlInt(IMPORT_LIMITS.maxFileRows)}. Splits het bestand of laat rijen weg.`);
}

export function readCsvText(text: string, fileName: string): RawTable {
  try {
    const separator = detectSeparator(text);
    const t = parseDelimited(text, {
      file: fileName,
      separator,
      skipLines: headerIndex(text, separator),
      isFooter: (cells) => FOOTER.test(cells[0] ?? '') && cells.slice(1).every((c) => c.trim() === ''),
    });
    checkTableSize(fileName, t.columns.length, t.rows.length);
    return { fileName, columns: uniqueColumns(t.columns), rows: t.rows, lineNumbers: t.lineNumbers, decimalComma: decimalCommaOf(t.rows, separator) };
  } catch (error) {
    if (error instanceof DelimitedError) throw new ImportFileError(error.message);
    throw error;
  }
}

/** Cells of one spreadsheet row as text. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export async function readXlsx(data: ArrayBuffer, fileName: string): Promise<RawTable> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const checked = guardXlsx(data, fileName);
    const mod = await import('read-excel-file/universal');
    sheets = (await mod.default(checked)) as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    if (error instanceof XlsxGuardError) throw new ImportFileError(error.message);
    // The library's own words are English: name the file and the way out instead.
    throw new ImportFileError(`${fileName}: het Excel-bestand kon niet worden gelezen; het is beschadigd of geen gewoon werkblad. Sla het opnieuw op als .xlsx of als CSV.`);
  }
  // The first sheet with a table (Swing exports put a cover sheet first at times).
  for (const s of sheets) {
    const rows = s.data.map((r) => r.map(cellText));
    checkTableSize(fileName, rows.reduce((m, r) => Math.max(m, r.length), 0), rows.length);
    const h = rows.findIndex(looksLikeHeader);
    if (h < 0) continue;
    const columns = uniqueColumns(rows[h].map((c) => c.trim()));
    const body: string[][] = [];
    const lineNumbers: number[] = [];
    for (let r = h + 1; r < rows.length; r++) {
      const cells = rows[r];
      if (cells.every((c) => c.trim() === '')) continue;
      if (FOOTER.test(cells[0] ?? '') && cells.slice(1).every((c) => c.trim() === '')) break;
      body.push(columns.map((_, k) => cells[k] ?? ''));
      lineNumbers.push(r + 1);
    }
    return { fileName, columns, rows: body, lineNumbers, sheet: s.sheet, decimalComma: false };
  }
  throw new ImportFileError(`${fileName}: geen werkblad met een kopregel (minstens twee kolommen) gevonden.`);
}

/** Size check before anything is read, in Dutch. */
export function checkImportFileSize(file: { name: string; size: number }): void {
  if (file.size > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportFileError(`${file.name}: het bestand is ${(file.size / 1024 / 1024).toFixed(1)} MB; maximaal ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB. Exporteer alleen de kolommen die u nodig hebt.`);
  }
}

/** Reads a File chosen by the user (CSV/TXT or XLSX) on this thread; the dialog uses src/import/read-file-client.ts. */
export async function readImportFile(file: File): Promise<RawTable> {
  checkImportFileSize(file);
  return readImportBuffer(await file.arrayBuffer(), file.name);
}

export type ReadTableResult = { ok: true; table: RawTable } | { ok: false; message: string };

/** What crosses the worker boundary: a table or a Dutch message (Error classes do not survive postMessage). */
export async function readTableResult(buffer: ArrayBuffer, fileName: string): Promise<ReadTableResult> {
  try {
    return { ok: true, table: await readImportBuffer(buffer, fileName) };
  } catch (error) {
    return { ok: false, message: error instanceof ImportFileError ? error.message : `${fileName}: het bestand kon niet worden gelezen (${(error as Error)?.message ?? String(error)}).` };
  }
}

export interface ImportFileWorkerApi {
  read(buffer: ArrayBuffer, fileName: string): Promise<ReadTableResult>;
}

export async function readImportBuffer(buffer: ArrayBuffer, fileName: string): Promise<RawTable> {
  const head = new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength));
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isZip) return readXlsx(buffer, fileName);
  if (/\.xls$/i.test(fileName) || (head[0] === 0xd0 && head[1] === 0xcf)) {
    throw new ImportFileError(`${fileName}: het oude Excel-formaat (.xls) wordt niet gelezen. Sla het op als .xlsx of als CSV.`);
  }
  return readCsvText(decodeText(buffer), fileName);
}

/** UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (older Excel CSV exports). */
export function decodeText(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** Empty or repeated headers get a position suffix, so every column can be named in messages. */
function uniqueColumns(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c, i) => {
    const base = c || `kolom ${i + 1}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return k ? `${base} (${k + 1})` : base;
  });
}
