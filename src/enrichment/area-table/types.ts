/**
 * Area data import: a table of figures per CBS buurt/wijk/gemeente from the
 * gemeente's data expert (Swing/"gemeente in cijfers", StatLine, own
 * registers). Plain JSON-able data: an applied import is stored in the
 * workspace (and its export file) exactly as defined here.
 *
 * Privacy (docs/import.md, "Privacy"): only aggregated figures per area are kept; the
 * columns the user did not map are never stored.
 */
import type { Level } from '../../model/dataset-format.ts';
import type { CategoryId } from '../../model/kompas/types.ts';
import { TABLE_LIMITS } from '../read-text.ts';

/** How the file identifies areas. */
export type KeyKind = 'code' | 'naam';

/**
 * What a column's numbers are:
 * - aantal: a count for the whole area (meldingen, verhuizingen);
 * - per: a rate "per `per` <denominator>" (meldingen per 1.000 inwoners);
 * - waarde: a percentage, score or mean used as is.
 */
export type Measure = 'aantal' | 'per' | 'waarde';
export const MEASURES: readonly Measure[] = ['aantal', 'per', 'waarde'];

/** Denominators a count or rate may refer to (series shipped in every dataset). */
export const DENOMINATORS = ['inwoners', 'huishoudens', 'woningvoorraad'] as const;
export type Denominator = (typeof DENOMINATORS)[number];
export const DENOMINATOR_LABELS: Record<Denominator, string> = {
  inwoners: 'inwoners',
  huishoudens: 'huishoudens',
  woningvoorraad: 'woningen',
};

export type ImportTarget =
  /** Fills a series the kompas model knows (src/model/kompas/series.ts); factors using it get data. */
  | { kind: 'series'; series: string }
  /**
   * A new local indicator: shown in the drill-down under `category`, with its
   * percentile in the frame, but not weighted into any score (the model's
   * weights are evidence-based; a new indicator has no weight yet).
   */
  | { kind: 'nieuw'; label: string; category: CategoryId; direction: 1 | -1 };

/** The user's choice for one column of the file. */
export interface ColumnMapping {
  /** Column header as in the file. */
  column: string;
  /** null = do not import this column. */
  target: ImportTarget | null;
  year: number;
  /** Unit as the user describes the file's numbers (shown in the preview). */
  unit: string;
  measure: Measure;
  denominator: Denominator;
  /** For measure 'per' (and counts turned into a rate for a new indicator): per 1, 100, 1.000 … */
  per: number;
}

/** One applied column: the values as used (already converted to the target's unit). */
export interface AreaImportColumn {
  /** Column header as in the file. */
  column: string;
  target: ImportTarget;
  year: number;
  /** Unit of `values` (the series' unit, or the new indicator's). */
  unit: string;
  /** What the file held and how it was converted, in Dutch (for the drill-down). */
  conversion: string;
  /** Values by CBS area code; null = missing in the file (".", empty). */
  values: Record<string, number | null>;
}

/** An applied import, as stored in the workspace. */
export interface AreaImport {
  id: string;
  fileName: string;
  /** ISO date-time of applying. */
  importedAt: string;
  /** Dataset whose area codes (indeling) the figures were matched to. */
  datasetId: string;
  level: Level;
  keyKind: KeyKind;
  /** Gemeente the names were matched in (name key), else null. */
  gemeenteCode: string | null;
  /** Rows left out by the user (line numbers in the file). */
  skippedRows: number[];
  columns: AreaImportColumn[];
}

/** The earliest year imported figures may have (area tables, and points counted per area). */
export const FIRST_IMPORT_YEAR = 1990;

/** Why `year` cannot be the year of imported figures, in Dutch; null when it can (up to next year: a plan year). */
export function importYearProblem(year: unknown, thisYear = new Date().getFullYear()): string | null {
  if (typeof year === 'number' && Number.isInteger(year) && year >= FIRST_IMPORT_YEAR && year <= thisYear + 1) return null;
  if (year === null || year === undefined || year === '' || Number.isNaN(year)) return `geen jaar ingevuld (${FIRST_IMPORT_YEAR}–${thisYear + 1})`;
  return `jaar ${String(year)} is ongeldig (${FIRST_IMPORT_YEAR}–${thisYear + 1})`;
}

/** Limits that keep a hostile or mistaken file from filling the browser storage. */
export const IMPORT_LIMITS = {
  maxColumns: 40,
  maxAreas: 20_000,
  maxFileBytes: 25 * 1024 * 1024,
  maxLabel: 200,
  maxFileRows: TABLE_LIMITS.maxRows,
  maxFileColumns: TABLE_LIMITS.maxColumns,
  /** An .xlsx is a zip: its unpacked size, so a small file cannot unpack into gigabytes. */
  maxUnpackedBytes: 60 * 1024 * 1024,
} as const;
