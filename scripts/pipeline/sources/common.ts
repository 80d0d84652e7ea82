/**
 * Shared helpers for the shipped-source readers: CSV loading with Dutch
 * errors naming file, line and column, and indicator-column construction.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDelimited, type DelimitedTable } from '../../../src/model/formats/delimited.ts';
import { parseCbsNumber, type MissingReasonCode } from '../../../src/model/missing.ts';
import type { IndicatorMeta, Level } from '../../../src/model/dataset-format.ts';
import { seriesWords } from '../../../src/model/kompas/series.ts';
import { isAreaCode } from '../../../src/model/area-code.ts';
import type { CellValue, IndicatorColumn } from '../types.ts';

export class InputError extends Error {
  override name = 'InputError';
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export interface Csv {
  file: string;
  table: DelimitedTable;
  /** Column index by name; throws a Dutch error when absent. */
  col(name: string): number;
  /** Trimmed text of a cell. */
  text(row: number, column: string): string;
  /** Parse a number; empty → `emptyMeans`; anything non-numeric stops the run. */
  cell(row: number, column: string, emptyMeans: Exclude<MissingReasonCode, 0>): CellValue;
  /** Line number (1-based) of a data row. */
  line(row: number): number;
}

export function readCsv(path: string): Csv {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: bestand kan niet gelezen worden (${(e as Error).message})`);
  }
  const table = parseDelimited(text, { file });
  refuseTruncated(text, table, file);
  const index = new Map(table.columns.map((c, i) => [c, i]));
  const col = (name: string) => {
    const i = index.get(name);
    if (i === undefined) throw new InputError(`${file}: kolom "${name}" ontbreekt (verwacht in de kopregel; gevonden: ${table.columns.slice(0, 10).join(', ')}…)`);
    return i;
  };
  return {
    file,
    table,
    col,
    line: (row) => table.lineNumbers[row],
    text: (row, column) => table.rows[row][col(column)].trim(),
    cell: (row, column, emptyMeans) => {
      const raw = table.rows[row][col(column)];
      const parsed = parseCbsNumber(raw, emptyMeans);
      if (!parsed) throw new InputError(`${file}, regel ${table.lineNumbers[row]}, kolom "${column}": verwacht een getal (punt als decimaalteken) of leeg, gevonden "${raw.trim()}"`);
      // Every shipped source holds counts, shares or averages: a negative value is a broken export, not data.
      if (parsed.value !== null && parsed.value < 0) throw new InputError(`${file}, regel ${table.lineNumbers[row]}, kolom "${column}": negatief getal "${raw.trim()}"; aantallen, percentages en gemiddelden in deze bron kunnen niet negatief zijn`);
      return { value: parsed.value, reason: parsed.reason };
    },
  };
}

/**
 * A file that does not end with a line end stops inside its last row (a cut
 * download or copy): the cells of that row may be cut too, and every row
 * after it is missing, so the run stops with the place.
 */
function refuseTruncated(text: string, table: DelimitedTable, file: string): void {
  if (text === '' || /[\r\n]$/.test(text)) return;
  const last = table.rows.length - 1;
  const line = last >= 0 ? table.lineNumbers[last] : 1;
  const lastLine = text.slice(text.search(/[^\r\n]*$/));
  const column = table.columns[Math.min(lastLine.split(table.separator).length, table.columns.length) - 1] ?? table.columns[0];
  throw new InputError(`${file}, regel ${line}, kolom "${column}": het bestand houdt midden in deze regel op (afgebroken download of kopie?); de rest ontbreekt. Haal het bestand opnieuw op.`);
}

/** The cell as a CBS code of `level` (src/model/area-code.ts), or a Dutch error naming file, line and column. */
export function expectCode(csv: Csv, row: number, column: string, level: Level, what: string): string {
  const code = csv.text(row, column);
  if (!isAreaCode(code, level)) throw new InputError(`${csv.file}, regel ${csv.line(row)}, kolom "${column}": verwacht een ${what}, gevonden "${code}"`);
  return code;
}


/** A series a source writes: its id (label, unit and kind come from src/model/kompas/series.ts) and a note about this source. */
export interface SeriesSpec {
  series: string;
  note?: string;
}

/** A series read from one named source column. */
export type ColumnSpec = SeriesSpec & { column: string };

/** A source's column mapping written as `series: column`, in table order, with notes for some series. */
export function seriesColumns(columns: Record<string, string>, notes: Record<string, string> = {}): ColumnSpec[] {
  return Object.entries(columns).map(([series, column]) => (notes[series] ? { series, column, note: notes[series] } : { series, column }));
}

export function meta(spec: SeriesSpec, year: number, rest: Omit<IndicatorMeta, 'id' | 'series' | 'label' | 'unit' | 'kind' | 'year'>): IndicatorMeta {
  const m: IndicatorMeta = { id: `${spec.series}.${year}`, series: spec.series, ...seriesWords(spec.series), year, ...rest };
  if (spec.note && !m.note) m.note = spec.note;
  return m;
}

export function column(m: IndicatorMeta, level: Level, values: Map<string, CellValue>, joinSource?: string): IndicatorColumn {
  return joinSource ? { meta: m, level, values, joinSource } : { meta: m, level, values };
}
