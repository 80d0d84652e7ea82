/**
 * From a level table to one value per area and factor: picks the best
 * indicator option the table has (one option per level, never spliced per
 * area, so two sources are never mixed within a frame), derives ratios,
 * complements, means and pooled count rates. Pure.
 */
import type { IndicatorMeta, LevelTable } from './dataset-format.ts';
import { MissingReason, type MissingReasonCode } from './missing.ts';
import type { FactorDef, IndicatorOption } from './kompas/types.ts';
import type { IndicatorUsed, TrendPoint } from './scoring-types.ts';
import { medianInPlace } from './stats.ts';

export interface SeriesYear {
  index: number;
  year: number;
  meta: IndicatorMeta;
  /** A full year (no `period` like "jan–sep 2017"). */
  complete: boolean;
}

/** series id → its years in the table, newest first. */
export type SeriesIndex = Map<string, SeriesYear[]>;

export function seriesIndexOf(table: LevelTable): SeriesIndex {
  const map: SeriesIndex = new Map();
  table.indicators.forEach((meta, index) => {
    const series = meta.series ?? meta.id.replace(/\.\d{4}$/, '');
    const list = map.get(series) ?? [];
    list.push({ index, year: meta.year, meta, complete: !meta.period });
    map.set(series, list);
  });
  for (const list of map.values()) list.sort((a, b) => b.year - a.year);
  return map;
}

export interface FactorInput {
  optionIndex: number;
  option: IndicatorOption;
  /** Value per area as derived (rates: unshrunk, in `per` units). NaN = missing. */
  value: Float64Array;
  reason: Uint8Array;
  /** Rates only: pooled count and exposure so that y/n = rate. */
  y?: Float64Array;
  n?: Float64Array;
  indicator: IndicatorUsed;
  /** Share of areas with a value. */
  availability: number;
  /** Table indicator indices per year for the trend (newest first); empty if single-year. */
  trendSeries: SeriesYear[];
}

const latest = (idx: SeriesIndex, series: string): SeriesYear | undefined => idx.get(series)?.[0];

/**
 * The option's label, saying how many years were really pooled: a rate
 * defined over 3 years that found only one (a single imported year) must not
 * read "gemiddelde van 3 jaar".
 */
function labelFor(option: IndicatorOption, years?: number[]): string {
  if (option.kind !== 'rate' || !years || years.length >= option.years) return option.label;
  const pooled = years.length === 1 ? `alleen ${years[0]}` : `gemiddelde van ${years.length} jaar`;
  return option.label.replace(/\((gemiddelde van )?\d+ jaar/, `(${pooled}`);
}

function describe(parts: SeriesYear[], option: IndicatorOption, years?: number[]): IndicatorUsed {
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  return {
    id: parts.map((p) => p.meta.id).join(option.kind === 'ratio' ? ' ÷ ' : ', '),
    label: labelFor(option, years),
    unit: option.unit,
    year: parts.length ? Math.max(...parts.map((p) => p.year)) : null,
    ...(years ? { years } : {}),
    source: uniq(parts.map((p) => p.meta.source)).join('; '),
    sourceVariable: uniq(parts.map((p) => p.meta.sourceVariable)).join(option.kind === 'ratio' ? ' ÷ ' : ', '),
    proxy: !!option.proxy,
    ...(option.sign === -1 ? { inverse: true } : {}),
    ...(option.note ? { note: option.note } : {}),
  };
}

/** Compute one option over all areas; null when the table lacks a needed series. */
export function computeOption(table: LevelTable, idx: SeriesIndex, option: IndicatorOption): Omit<FactorInput, 'optionIndex' | 'availability'> | null {
  const n = table.codes.length;
  // Bail out before allocating when a needed series is absent (most witte-vlek options).
  const needs = option.kind === 'ratio' ? [option.numerator, option.denominator]
    : option.kind === 'rate' ? [option.series, option.denominator]
      : option.kind === 'mean' ? option.series : [option.series];
  if (needs.some((x) => !idx.has(x))) return null;
  const value = new Float64Array(n).fill(NaN);
  const reason = new Uint8Array(n);
  const vals = (s: SeriesYear) => table.values[s.index];
  const why = (s: SeriesYear, i: number): MissingReasonCode => (table.reasons[s.index][i] || MissingReason.unknown) as MissingReasonCode;

  switch (option.kind) {
    case 'series':
    case 'complement': {
      const s = latest(idx, option.series);
      if (!s) return null;
      const v = vals(s);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (Number.isFinite(x)) value[i] = option.kind === 'complement' ? 100 - x : x;
        else reason[i] = why(s, i);
      }
      const trendSeries = idx.get(option.series) ?? [];
      return { option, value, reason, indicator: describe([s], option), trendSeries: trendSeries.length > 1 ? trendSeries : [] };
    }
    case 'ratio': {
      const a = latest(idx, option.numerator);
      const b = latest(idx, option.denominator);
      if (!a || !b) return null;
      const va = vals(a), vb = vals(b);
      for (let i = 0; i < n; i++) {
        const x = va[i], d = vb[i];
        if (!Number.isFinite(x)) reason[i] = why(a, i);
        else if (!Number.isFinite(d)) reason[i] = why(b, i);
        else if (!(d > 0)) reason[i] = MissingReason.unknown;
        else value[i] = (option.scale * x) / d;
      }
      return { option, value, reason, indicator: describe([a, b], option), trendSeries: [] };
    }
    case 'mean': {
      const parts = option.series.map((s) => latest(idx, s));
      if (parts.some((p) => !p)) return null;
      const ps = parts as SeriesYear[];
      const cols = ps.map(vals);
      const nc = cols.length;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        let c = 0;
        for (; c < nc; c++) {
          const x = cols[c][i];
          if (x !== x) break;
          sum += x;
        }
        if (c === nc) value[i] = sum / nc;
        else reason[i] = why(ps[c], i);
      }
      return { option, value, reason, indicator: describe(ps, option), trendSeries: [] };
    }
    case 'relativeToGemeente': {
      const s = latest(idx, option.series);
      if (!s) return null;
      const v = vals(s);
      // Median per gemeente (at gemeente level: one dataset-wide median), via typed buffers.
      const group = gemeenteGroups(table);
      const G = group.count;
      const offsets = new Int32Array(G + 1);
      for (let i = 0; i < n; i++) if (v[i] === v[i]) offsets[group.of[i] + 1]++;
      for (let g = 0; g < G; g++) offsets[g + 1] += offsets[g];
      const fill = offsets.slice(0, G);
      const buf = new Float64Array(offsets[G]);
      for (let i = 0; i < n; i++) if (v[i] === v[i]) buf[fill[group.of[i]]++] = v[i];
      const medians = new Float64Array(G);
      for (let g = 0; g < G; g++) medians[g] = medianInPlace(buf.subarray(offsets[g], offsets[g + 1]), offsets[g + 1] - offsets[g]);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (x !== x) { reason[i] = why(s, i); continue; }
        const m = medians[group.of[i]];
        if (m > 0) value[i] = x / m; else reason[i] = MissingReason.unknown;
      }
      return { option, value, reason, indicator: describe([s], option), trendSeries: [] };
    }
    case 'rate': {
      const all = idx.get(option.series);
      const den = latest(idx, option.denominator);
      if (!all || !den) return null;
      // Last `years` complete years; fall back to the newest (partial) year only if none is complete.
      let used = all.filter((x) => x.complete).slice(0, option.years);
      if (used.length === 0) used = all.slice(0, 1);
      const y = new Float64Array(n).fill(NaN);
      const nn = new Float64Array(n).fill(NaN);
      const vd = vals(den);
      const cols = used.map(vals);
      const nc = cols.length;
      for (let i = 0; i < n; i++) {
        let sum = 0, k = 0;
        for (let c = 0; c < nc; c++) {
          const x = cols[c][i];
          if (x === x) { sum += x; k++; }
        }
        if (k === 0) { reason[i] = why(used[0], i); continue; }
        const d = vd[i];
        if (d !== d) { reason[i] = why(den, i); continue; }
        if (!(d > 0)) { reason[i] = MissingReason.unknown; continue; }
        y[i] = sum;
        nn[i] = (d * k) / option.per;
        value[i] = sum / nn[i];
      }
      return {
        option, value, reason, y, n: nn,
        indicator: describe([...used, den], option, used.map((u) => u.year).sort((a, b) => a - b)),
        trendSeries: all.length > 1 ? all : [],
      };
    }
  }
}

const groupCache = new WeakMap<LevelTable, { of: Int32Array; count: number }>();

/** Gemeente group index per area (one group at gemeente level). Cached per table. */
export function gemeenteGroups(table: LevelTable): { of: Int32Array; count: number } {
  const hit = groupCache.get(table);
  if (hit) return hit;
  const n = table.codes.length;
  const of = new Int32Array(n);
  let count = 1;
  if (table.level !== 'gemeente') {
    const ids = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = table.gemeenteCodes[i] ?? '';
      let k = ids.get(key);
      if (k === undefined) { k = ids.size; ids.set(key, k); }
      of[i] = k;
    }
    count = Math.max(1, ids.size);
  }
  const out = { of, count };
  groupCache.set(table, out);
  return out;
}

/** Minimum share of areas with a value for an option to be preferred over a later one. */
export const OPTION_MIN_AVAILABILITY = 0.5;

/**
 * Pick the option for a factor at this level: the first option with values
 * for ≥ 50 % of the areas, otherwise the one with the most values. Null when
 * no option has any value (the factor is a witte vlek at this level).
 */
export function resolveFactor(table: LevelTable, idx: SeriesIndex, factor: FactorDef): FactorInput | null {
  let best: FactorInput | null = null;
  const n = table.codes.length || 1;
  for (let k = 0; k < factor.options.length; k++) {
    const c = computeOption(table, idx, factor.options[k]);
    if (!c) continue;
    let have = 0;
    const v = c.value;
    for (let i = 0; i < v.length; i++) if (v[i] === v[i]) have++;
    const input: FactorInput = { ...c, optionIndex: k, availability: have / n };
    if (input.availability >= OPTION_MIN_AVAILABILITY) return input;
    if (have > 0 && (!best || input.availability > best.availability)) best = input;
  }
  return best;
}

/** Dutch note for a rate trend whose years lack their own denominator; null when every year has one. */
export function trendNote(idx: SeriesIndex, input: FactorInput): string | null {
  const option = input.option;
  if (option.kind !== 'rate' || input.trendSeries.length < 2) return null;
  const dens = idx.get(option.denominator) ?? [];
  const have = new Set(dens.map((d) => d.year));
  const without = input.trendSeries.filter((s) => !have.has(s.year)).map((s) => s.year).sort((a, b) => a - b);
  if (!without.length || !dens.length) return null;
  const unit = dens[0].meta.label.toLowerCase();
  return `${without.join(', ')}: gedeeld door ${unit} ${dens[0].year}, want de bron heeft geen ${unit} per jaar; bij een groeiende bevolking lijken eerdere jaren daardoor iets gunstiger.`;
}

/**
 * Missing reason per area of a factor without an input at this level: from
 * the first option the table can compute; null when none can (no source).
 * One column for all areas, so a caller explaining many areas computes it once.
 */
export function missingReasonColumn(table: LevelTable, idx: SeriesIndex, factor: FactorDef): Uint8Array | null {
  for (const option of factor.options) {
    const c = computeOption(table, idx, option);
    if (c) return c.reason;
  }
  return null;
}

/** One area's reason from a missingReasonColumn. */
export function missingReasonIn(column: Uint8Array | null, area: number): MissingReasonCode {
  return column ? ((column[area] || MissingReason.unknown) as MissingReasonCode) : MissingReason.notJoined;
}

/**
 * Per-year values of the chosen indicator for one area (rates per year,
 * raw). A rate divides each year by that year's denominator where the table
 * has it, else by the latest one (trendNote says so).
 */
export function trendFor(table: LevelTable, idx: SeriesIndex, input: FactorInput, area: number): TrendPoint[] {
  if (!input.trendSeries.length) return [];
  const option = input.option;
  const out: TrendPoint[] = [];
  const dens = option.kind === 'rate' ? idx.get(option.denominator) ?? [] : [];
  for (const s of [...input.trendSeries].reverse()) {
    let v = table.values[s.index][area];
    if (!Number.isFinite(v)) continue;
    if (option.kind === 'rate') {
      const den = dens.find((d) => d.year === s.year) ?? dens[0];
      const d = den ? table.values[den.index][area] : NaN;
      if (!(d > 0)) continue;
      v = (v / d) * option.per;
    } else if (option.kind === 'complement') v = 100 - v;
    out.push({ year: s.year, value: v, ...(s.meta.period ? { period: s.meta.period } : {}) });
  }
  return out;
}
