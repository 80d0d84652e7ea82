/**
 * Area table file → table of text cells: CSV through the shared reader
 * (src/enrichment/read-text.ts), XLSX through read-excel-file, imported
 * lazily so the spreadsheet code is only downloaded when someone actually
 * opens a spreadsheet. Runs in workers/import-file.worker.ts.
 */
import { checkTableSize, decodeFileText, ImportFileError, isFooterRow, readCsvText, uniqueColumns, type RawTable } from '../read-text.ts';
import { refuseTooLarge } from '../contract.ts';
import { AREA_TABLE } from './kind.ts';
import { guardXlsx, XlsxGuardError } from './xlsx-guard.ts';
import type { PercentCells } from './xlsx-percent.ts';

/** A spreadsheet header: at least two non-empty cells (title rows above it have one). */
const looksLikeHeader = (cells: string[]) => cells.filter((c) => c.trim() !== '').length >= 2;

/** One spreadsheet cell as text; a percent-formatted number as Excel shows it (0.125 → 12.5, without the float noise of ×100). */
function cellText(v: unknown, percent = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(percent ? Number((v * 100).toPrecision(15)) : v) : '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export async function readXlsx(data: ArrayBuffer, fileName: string): Promise<RawTable> {
  let sheets: { sheet: string; data: unknown[][] }[];
  let percent: PercentCells;
  try {
    const checked = guardXlsx(data, fileName);
    percent = checked.percentCells;
    const mod = await import('read-excel-file/universal');
    sheets = (await mod.default(checked.buffer)) as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    if (error instanceof XlsxGuardError) throw new ImportFileError(error.message);
    // The library's own words are English: name the file and the way out instead.
    throw new ImportFileError(`${fileName}: het Excel-bestand kon niet worden gelezen; het is beschadigd of geen gewoon werkblad. Sla het opnieuw op als .xlsx of als CSV.`);
  }
  // The first sheet with a table (Swing exports put a cover sheet first at times).
  for (const s of sheets) {
    const shown = percent.get(s.sheet);
    const rows = s.data.map((r, i) => r.map((v, k) => cellText(v, shown?.has(`${i + 1}:${k + 1}`))));
    checkTableSize(fileName, rows.reduce((m, r) => Math.max(m, r.length), 0), rows.length);
    const h = rows.findIndex(looksLikeHeader);
    if (h < 0) continue;
    const columns = uniqueColumns(rows[h].map((c) => c.trim()));
    const body: string[][] = [];
    const lineNumbers: number[] = [];
    for (let r = h + 1; r < rows.length; r++) {
      const cells = rows[r];
      if (cells.every((c) => c.trim() === '')) continue;
      if (isFooterRow(cells, columns)) break;
      body.push(columns.map((_, k) => cells[k] ?? ''));
      lineNumbers.push(r + 1);
    }
    const title = rows.slice(0, h).map((r) => r.join(' ').trim()).filter(Boolean).join(' ');
    return { fileName, columns, rows: body, lineNumbers, sheet: s.sheet, decimalComma: false, ...(title ? { title } : {}) };
  }
  throw new ImportFileError(`${fileName}: geen werkblad met een kopregel (minstens twee kolommen) gevonden.`);
}

/** Reads a File chosen by the user (CSV/TXT or XLSX) on this thread; the dialog uses src/enrichment/area-table/read-file-client.ts. */
export async function readImportFile(file: File): Promise<RawTable> {
  refuseTooLarge(AREA_TABLE, file);
  return readImportBuffer(await file.arrayBuffer(), file.name);
}

export type ReadTableResult = { ok: true; table: RawTable } | { ok: false; message: string };

/** What crosses the worker boundary: a table or a Dutch message (Error classes do not survive postMessage). */
export async function readTableResult(buffer: ArrayBuffer, fileName: string): Promise<ReadTableResult> {
  try {
    return { ok: true, table: await readImportBuffer(buffer, fileName) };
  } catch (error) {
    // Anything else is the browser's or a library's own (English) text: name the file and the way out instead.
    return { ok: false, message: error instanceof ImportFileError ? error.message : `${fileName}: het bestand kon niet worden gelezen. Is het een CSV-bestand (tekst) of een Excel-bestand (.xlsx)? Sla het opnieuw op en probeer het nog eens.` };
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
  return readCsvText(decodeFileText(buffer, fileName), fileName);
}
