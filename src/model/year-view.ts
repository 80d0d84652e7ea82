/**
 * Years on the map: which years a score target can be shown for, and the
 * level table "as of" one year. Pure.
 *
 * A year view shows a target as it was in one year: every series that has
 * several years in the table uses its latest year up to and including that
 * year, and a count rate counts that one year (not the pooled last three
 * years of the default view, so "2022" means 2022). Series with one year
 * (inwoners, WOZ, …) are structure, not a time series: they stay as they are,
 * and the drill-down names their year as always.
 */
import type { LevelTable } from './dataset-format.ts';
import type { FactorDef } from './kompas/types.ts';
import type { FactorInput } from './factor-inputs.ts';

/** One year a target can be shown for, with the area division (indeling) its figures are in. */
export interface TargetYear {
  year: number;
  /** Indeling year(s) of the figures of that year, e.g. [2024] for crime 2021 counted on buurten 2024. */
  indelingYears: number[];
}

/** A count series of a target that can be compared between two years (change view). */
export interface CountSeriesYears {
  series: string;
  label: string;
  /** Complete years, oldest first. */
  years: number[];
}

const seriesOf = (id: string, series?: string) => series ?? id.replace(/\.\d{4}$/, '');

/** The table as it was in `year`: years after it are dropped from every multi-year series. */
export function tableAsOfYear(table: LevelTable, year: number): LevelTable {
  const count = new Map<string, number>();
  for (const m of table.indicators) {
    const s = seriesOf(m.id, m.series);
    count.set(s, (count.get(s) ?? 0) + 1);
  }
  const keep: number[] = [];
  table.indicators.forEach((m, i) => {
    if ((count.get(seriesOf(m.id, m.series)) ?? 0) < 2 || m.year <= year) keep.push(i);
  });
  if (keep.length === table.indicators.length) return table;
  return { ...table, indicators: keep.map((i) => table.indicators[i]), values: keep.map((i) => table.values[i]), reasons: keep.map((i) => table.reasons[i]) };
}

/** The factors of a year view: a count rate counts one year. */
export function factorsForYearView(factors: readonly FactorDef[]): FactorDef[] {
  return factors.map((f) => f.options.some((o) => o.kind === 'rate' && o.years !== 1)
    ? { ...f, options: f.options.map((o) => (o.kind === 'rate' ? { ...o, years: 1 } : o)) }
    : f);
}

/**
 * Years of the time series the given factor inputs read (complete years only,
 * oldest first); empty when none has more than one year.
 */
export function yearsOfInputs(inputs: readonly (FactorInput | null | undefined)[]): TargetYear[] {
  const byYear = new Map<number, Set<number>>();
  for (const input of inputs) {
    if (!input || input.trendSeries.length < 2) continue;
    for (const s of input.trendSeries) {
      if (!s.complete) continue;
      const set = byYear.get(s.year) ?? new Set<number>();
      set.add(s.meta.indelingYear);
      byYear.set(s.year, set);
    }
  }
  if (byYear.size < 2) return [];
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, ind]) => ({ year, indelingYears: [...ind].sort((a, b) => a - b) }));
}

/** Count series (rates of a count) among the inputs with two or more complete years. */
export function countSeriesOfInputs(inputs: readonly (FactorInput | null | undefined)[]): CountSeriesYears[] {
  const out = new Map<string, CountSeriesYears>();
  for (const input of inputs) {
    if (!input || input.option.kind !== 'rate' || out.has(input.option.series)) continue;
    const years = input.trendSeries.filter((s) => s.complete && s.meta.kind === 'count').map((s) => s.year).sort((a, b) => a - b);
    if (years.length >= 2) out.set(input.option.series, { series: input.option.series, label: input.trendSeries[0].meta.label, years });
  }
  return [...out.values()];
}

/** Indeling text for a year, e.g. "gebiedsindeling 2024". */
export function indelingText(years: readonly number[]): string {
  return years.length ? `gebiedsindeling ${years.join(' en ')}` : 'gebiedsindeling onbekend';
}

/** Plural noun phrase of a count series for sentences ("meer … dan in 2021"). */
export function countNoun(series: string, label: string): string {
  const nouns: Record<string, string> = {
    misdrijven_totaal: 'geregistreerde misdrijven',
    fietsdiefstal: 'geregistreerde fietsdiefstallen',
  };
  return nouns[series] ?? label.charAt(0).toLowerCase() + label.slice(1);
}
