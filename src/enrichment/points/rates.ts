/**
 * From counts per area to what can feed a factor: the count itself, a rate
 * per 1.000 inwoners or a density per km² (land). Denominators come from the
 * loaded level table (newest year of `inwoners` and `oppervlakte_land`).
 * Pure: no DOM.
 */
import type { Level, LevelTable } from '../../model/dataset-format.ts';
import type { ImportedColumn, ImportedValues } from '../../model/scoring-types.ts';

export const APPROXIMATE_NOTE = 'telling bij benadering aan buurtgrenzen (gereconstrueerde geometrie, afwijking tientallen meters)';

export type PointMeasure = 'count' | 'per1000' | 'perKm2';

export const measureLabel: Record<PointMeasure, string> = {
  count: 'aantal',
  per1000: 'per 1.000 inwoners',
  perKm2: 'per km² land',
};

/** Below this many inwoners a rate per 1.000 is noise, not a figure. */
export const MIN_INWONERS_RATE = 50;

function newestSeries(table: LevelTable, series: string): Float32Array | null {
  let best = -1, year = -Infinity;
  table.indicators.forEach((m, i) => {
    const s = m.series ?? m.id.replace(/\.\d{4}$/, '');
    if (s === series && m.year > year) { best = i; year = m.year; }
  });
  return best >= 0 ? table.values[best] : null;
}

export interface AreaFigures {
  codes: string[];
  counts: ArrayLike<number>;
  /** NaN where the denominator is missing or too small. */
  per1000: Float64Array;
  perKm2: Float64Array;
}

export function areaFigures(table: LevelTable, codes: string[], counts: ArrayLike<number>): AreaFigures {
  const inwoners = newestSeries(table, 'inwoners');
  const hectare = newestSeries(table, 'oppervlakte_land');
  const row = new Map(table.codes.map((c, i) => [c, i]));
  const per1000 = new Float64Array(codes.length).fill(NaN);
  const perKm2 = new Float64Array(codes.length).fill(NaN);
  codes.forEach((code, k) => {
    const i = row.get(code);
    if (i === undefined) return;
    per1000[k] = rate(counts[k], inwoners ? inwoners[i] : NaN, 'per1000');
    perKm2[k] = rate(counts[k], hectare ? hectare[i] : NaN, 'perKm2');
  });
  return { codes, counts, per1000, perKm2 };
}

/** count ÷ inwoners × 1000, or count ÷ (ha / 100); NaN without a usable denominator. */
export function rate(count: number, denominator: number, measure: Exclude<PointMeasure, 'count'>): number {
  if (!Number.isFinite(denominator)) return NaN;
  if (measure === 'per1000') return denominator >= MIN_INWONERS_RATE ? (1000 * count) / denominator : NaN;
  return denominator > 0 ? count / (denominator / 100) : NaN;
}

export interface ColumnOptions {
  series: string;
  year: number;
  measure: PointMeasure;
  label: string;
  fileName: string;
  /** ISO date of the import. */
  date: string;
  /** The dataset's area geometry is reconstructed (Nederland 2024): say the count is approximate. */
  approximate: boolean;
  /**
   * Areas the file covers. A file of one gemeente says nothing about the
   * rest of the country: there a 0 would be a false "no meldingen", so
   * areas outside get no value (they stay a witte vlek). Default: all.
   */
  covers?: (code: string) => boolean;
}

/** One imported column for the scoring worker: values by code for one level. */
export function importedColumn(level: Level, figures: AreaFigures, options: ColumnOptions): ImportedValues {
  const values: Record<string, number | null> = {};
  figures.codes.forEach((code, k) => {
    if (options.covers && !options.covers(code)) return;
    const v = options.measure === 'count' ? figures.counts[k] : options.measure === 'per1000' ? figures.per1000[k] : figures.perKm2[k];
    values[code] = Number.isFinite(v) ? v : null;
  });
  const column: ImportedColumn = {
    series: options.series,
    year: options.year,
    values,
    label: options.label,
    unit: measureLabel[options.measure],
    source: `gemeente-import (punten): ${options.fileName}, ${options.date}`,
    sourceVariable: `punten geteld per ${level}`,
    licence: 'lokaal',
    ...(options.approximate ? { note: APPROXIMATE_NOTE } : {}),
  };
  return { level, columns: [column] };
}

/** A gemeente with at least this many points counts as covered, whatever the file's size. */
export const COVERAGE_MIN_POINTS = 20;
/** … or with at least this share of the points that fell in an area. */
export const COVERAGE_MIN_SHARE = 0.05;

export interface Coverage {
  /** Gemeenten the file plausibly covers: their areas get a value, 0 included. */
  covered: Set<string>;
  /** Gemeenten with a few stray points only: no values there (witte vlek), and the user is told. */
  stray: Map<string, number>;
}

/**
 * Which gemeenten a point file covers. A file of one gemeente says nothing
 * about its neighbours, so a 0 there would be a false "geen meldingen"; and
 * two stray points across the border must not give a whole gemeente zeros.
 * Rule (docs/points.md): a gemeente is covered when it holds at least
 * COVERAGE_MIN_POINTS points, or at least COVERAGE_MIN_SHARE of the points
 * that fell in any area. Other gemeenten with points are `stray`.
 * `gemeenteOf` maps an area code of the counted level to its gemeente code.
 */
export function coverage(codes: string[], counts: ArrayLike<number>, gemeenteOf: (code: string) => string): Coverage {
  const perGemeente = new Map<string, number>();
  let total = 0;
  codes.forEach((code, k) => {
    if (counts[k] <= 0) return;
    const g = gemeenteOf(code);
    perGemeente.set(g, (perGemeente.get(g) ?? 0) + counts[k]);
    total += counts[k];
  });
  const covered = new Set<string>();
  const stray = new Map<string, number>();
  for (const [g, n] of perGemeente) {
    if (n >= COVERAGE_MIN_POINTS || n >= COVERAGE_MIN_SHARE * total) covered.add(g);
    else stray.set(g, n);
  }
  return { covered, stray };
}
