/**
 * Gemeente imports in scoring: an imported series replaces a shipped one of
 * the same id and year and then feeds factors like any other; a new local
 * indicator is shown under its category with weight 0, never scored. Pure.
 */
import type { LevelTable } from './dataset-format.ts';
import { MissingReason, type MissingReasonCode } from './missing.ts';
import { seriesReadBy, type KompasModel } from './kompas/types.ts';
import type { FactorExplanation, ImportedColumn, ImportedValues } from './scoring-types.ts';
import type { FrameState } from './scoring-frame-state.ts';
import type { LevelState } from './scoring-level-state.ts';
import { medianOfSorted, missingLabelFor } from './scoring-explain-factors.ts';


/** Throws (Dutch) on a series the model does not know, or a new indicator that is not new; returns the count of unknown area codes. */
export function checkImportedColumns(model: KompasModel, base: LevelTable, imports: ImportedValues): number {
  const known = seriesReadBy(model);
  let unknownCodes = 0;
  const codeIndex = new Map(base.codes.map((c, i) => [c, i]));
  for (const col of imports.columns) {
    // A new local indicator (extra) may use its own series id; it is shown, never weighted.
    if (!known.has(col.series) && !col.extra) throw new Error(`onbekende reeks ${col.series}: niet in het kompasmodel`);
    if (col.extra && known.has(col.series)) throw new Error(`reeks ${col.series} staat al in het kompasmodel; importeer haar niet als nieuwe indicator`);
    for (const code of Object.keys(col.values)) if (!codeIndex.has(code)) unknownCodes++;
  }
  return unknownCodes;
}

/** One imported column as a table column: value and missing reason per area. */
function importedColumn(col: ImportedColumn, codeIndex: Map<string, number>, n: number) {
  const v = new Float32Array(n).fill(NaN);
  const r = new Uint8Array(n).fill(MissingReason.notJoined);
  for (const [code, x] of Object.entries(col.values)) {
    const i = codeIndex.get(code);
    if (i === undefined) continue;
    if (x === null || !Number.isFinite(x)) { r[i] = MissingReason.unknown; continue; }
    v[i] = x; r[i] = 0;
  }
  return { v, r };
}

/** The level table with the imported columns in place of the shipped ones they replace. */
export function tableWithImports(base: LevelTable, imp: ImportedValues | undefined): LevelTable {
  if (!imp || !imp.columns.length) return base;
  const n = base.codes.length;
  const codeIndex = new Map(base.codes.map((c, i) => [c, i]));
  const replaced = new Set(imp.columns.map((c) => `${c.series}.${c.year}`));
  const keep = base.indicators.map((m, i) => ({ m, i })).filter(({ m }) => !replaced.has(m.id));
  const indicators = keep.map(({ m }) => m);
  const values = keep.map(({ i }) => base.values[i]);
  const reasons = keep.map(({ i }) => base.reasons[i]);
  for (const col of imp.columns) {
    const { v, r } = importedColumn(col, codeIndex, n);
    indicators.push({
      id: `${col.series}.${col.year}`, series: col.series, label: col.label ?? col.series, unit: col.unit ?? '',
      kind: 'value', year: col.year, indelingYear: base.indelingYear, publisher: 'gemeente',
      source: col.source ?? 'gemeente-import', sourceVariable: col.sourceVariable ?? col.series,
      licence: col.licence ?? 'lokaal', ...(col.note ? { note: col.note } : {}),
    });
    values.push(v);
    reasons.push(r);
  }
  return { ...base, indicators, values, reasons };
}

/** Sorted values of a column among the reference areas of group g (−1 = all). */
function sortedReference(ls: LevelState, fs: FrameState, v: Float32Array, g: number): number[] {
  const ref: number[] = [];
  for (let j = 0; j < v.length; j++) {
    if (!ls.reference[j] || !Number.isFinite(v[j])) continue;
    if (g >= 0 && fs.groupOf[j] !== g) continue;
    ref.push(v[j]);
  }
  return ref.sort((a, b) => a - b);
}

/** Mid-rank percentile of x among the sorted reference, oriented by the indicator's direction; null below 3 areas. */
function orientedPercentile(ref: number[], x: number, direction: number): number | null {
  if (!Number.isFinite(x) || ref.length < 3) return null;
  let below = 0, eq = 0;
  for (const r of ref) { if (r < x) below++; else if (r === x) eq++; }
  const p = (100 * (below + 0.5 * eq)) / ref.length;
  return direction === 1 ? p : 100 - p;
}

/**
 * New local indicators from a gemeente import, shown under their category:
 * value, percentile and median among the frame's reference areas (oriented
 * by the indicator's direction), but weight 0 — never part of a score.
 */
export function explainExtras(imp: ImportedValues | undefined, ls: LevelState, fs: FrameState, category: string, i: number): FactorExplanation[] {
  if (!imp) return [];
  const out: FactorExplanation[] = [];
  for (const col of imp.columns) {
    if (!col.extra || col.extra.category !== category) continue;
    const k = ls.table.indicators.findIndex((m) => m.id === `${col.series}.${col.year}`);
    if (k < 0) continue;
    const v = ls.table.values[k];
    const meta = ls.table.indicators[k];
    const dir = col.extra.direction;
    const ref = sortedReference(ls, fs, v, fs.groupCount > 1 ? fs.groupOf[i] : -1);
    const x = v[i];
    const have = Number.isFinite(x);
    const med = ref.length ? medianOfSorted(Float64Array.from(ref)) : NaN;
    const pct = orientedPercentile(ref, x, dir);
    const reason = have ? null : ((ls.table.reasons[k][i] || MissingReason.unknown) as MissingReasonCode);
    out.push({
      id: col.series, label: meta.label, direction: dir,
      directionLabel: dir === 1 ? '↑ hoger is kwetsbaarder' : '↓ lager is kwetsbaarder',
      defaultWeight: 0, weight: 0, effectiveWeight: 0, measurable: 'lokaal', exposure: false, shownOnly: true, localIndicator: true,
      indicator: { id: meta.id, label: meta.label, unit: meta.unit, year: meta.year, source: meta.source, sourceVariable: meta.sourceVariable, proxy: false, ...(meta.note ? { note: meta.note } : {}) },
      value: have ? x : null, rawValue: null, reliability: null,
      referenceMedian: Number.isFinite(med) ? med : null,
      timesMedian: have && Number.isFinite(med) && med !== 0 ? x / med : null,
      percentile: pct, ...(pct !== null ? { referenceCount: ref.length } : {}), z: null, contribution: null, flagged: false,
      missingReason: reason, missingLabel: reason === null ? null : missingLabelFor(reason, false),
      fillHint: have ? null : 'niet in het importbestand', trend: [],
    });
  }
  return out;
}
