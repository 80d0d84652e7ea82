/**
 * Step 5 of scoring, per factor of one area: value as used and raw, the
 * reference median and percentile among the frame's reference areas, z,
 * weights and exact contribution — or, for a witte vlek, the missing reason
 * and the source that would fill it. Reads the columns of steps 1–2; pure.
 */
import { MissingReason, missingReasonLabel, type MissingReasonCode } from './missing.ts';
import type { FactorDef } from './kompas/types.ts';
import { isHigh } from './percentile-bands.ts';
import { missingReasonColumn, missingReasonIn, trendFor, trendNote, type FactorInput } from './factor-inputs.ts';
import { percentileOfSorted } from './stats.ts';
import type { FactorExplanation } from './scoring-types.ts';
import type { Container } from './scoring-containers.ts';
import type { FrameState } from './scoring-frame-state.ts';
import { readsCrimeCounts, type LevelState } from './scoring-level-state.ts';

export function medianOfSorted(a: Float64Array): number {
  const n = a.length;
  return n % 2 ? a[n >> 1] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

export function missingLabelFor(reason: MissingReasonCode, noOption: boolean): string {
  if (noOption && reason === MissingReason.notJoined) return 'geen bron in deze dataset';
  return missingReasonLabel[reason] ?? 'ontbreekt';
}

/** Missing reason per area of factor k (without an input at this level), computed once per level. */
export function missingReasonsOf(ls: LevelState, k: number): Uint8Array | null {
  if (!ls.missingReasons.has(k)) ls.missingReasons.set(k, missingReasonColumn(ls.table, ls.idx, ls.factors[k]));
  return ls.missingReasons.get(k)!;
}

/** Sorted values of the reference areas per group (index groupCount = dataset-wide) of one factor column. */
function sortedPerGroup(ls: LevelState, fs: FrameState, src: Float64Array): Float64Array[] {
  // Count, then fill typed arrays and sort them numerically: no boxed numbers (the first explanation pays for every factor).
  const G = fs.groupCount, groupOf = fs.groupOf, grouped = G > 1;
  const counts = new Int32Array(G + 1);
  for (let i = 0; i < src.length; i++) {
    if (!ls.reference[i] || !Number.isFinite(src[i])) continue;
    counts[G]++;
    if (grouped && groupOf[i] >= 0) counts[groupOf[i]]++;
  }
  const lists = Array.from(counts, (c) => new Float64Array(c));
  const fill = new Int32Array(G + 1);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (!ls.reference[i] || !Number.isFinite(v)) continue;
    lists[G][fill[G]++] = v;
    if (grouped && groupOf[i] >= 0) lists[groupOf[i]][fill[groupOf[i]]++] = v;
  }
  return lists.map((l) => l.sort());
}

/** The sorted reference values area group `group` is compared with (its group if it has ≥ 3, else the whole level). */
export function sortedRef(ls: LevelState, fs: FrameState, k: number, kind: 'oriented' | 'used', group: number): Float64Array {
  const map = kind === 'oriented' ? fs.sortedOriented : fs.sortedUsed;
  let perGroup = map.get(k);
  if (!perGroup) {
    perGroup = sortedPerGroup(ls, fs, (kind === 'oriented' ? fs.oriented[k] : fs.used[k])!);
    map.set(k, perGroup);
  }
  const g = group >= 0 && fs.groupCount > 1 && perGroup[group].length >= 3 ? group : fs.groupCount;
  return perGroup[g];
}

/** Build what every explanation of a level and frame reads: sorted reference values, missing reasons. */
export function prepareFactorReferences(ls: LevelState, fs: FrameState): void {
  for (let k = 0; k < ls.factors.length; k++) {
    if (!ls.inputs[k]) missingReasonsOf(ls, k);
    else if (fs.used[k] && fs.oriented[k]) {
      sortedRef(ls, fs, k, 'used', -1);
      sortedRef(ls, fs, k, 'oriented', -1);
    }
  }
}

/**
 * RIVM 50090NED values that did not join on code say how they got here
 * (pipeline column rivm_koppeling, which describes that table's join only:
 * 50150NED and other RIVM figures come per buurt as they are).
 */
function rivmJoinNote(ls: LevelState, input: FactorInput, i: number): string | null {
  if (!/\b50090NED\b/.test(input.indicator.source)) return null;
  const k = ls.idx.get('rivm_koppeling')?.[0];
  const how = k ? ls.table.values[k.index][i] : NaN;
  switch (how) {
    case 1: return 'gekoppeld op naam: de code veranderde na 2020 (bijvoorbeeld Amsterdam 2023 of een herindeling)';
    case 2: return 'wijkwaarde: deze buurt heeft geen eigen RIVM-schatting; de waarde van de wijk geldt, met een grotere onzekerheid';
    case 3: return 'gemeentewaarde: buurt of wijk heeft geen eigen RIVM-schatting; de waarde van de gemeente geldt, met een grotere onzekerheid';
    case 4: return 'gemiddelde van de wijken: de gemeente bestond in 2020 nog niet';
    case 5: return 'gemiddelde van de buurten: de wijkcode veranderde na 2020';
    default: return null;
  }
}

/** How a factor weighs for one area: default, active and (after missing factors gave theirs away) effective weight. */
export interface FactorWeights { defaultWeight: number; weight: number; effective: number; substitutesFor?: string[] }

const EMPTY_VALUES = { value: null, rawValue: null, reliability: null, referenceMedian: null, timesMedian: null, percentile: null, z: null, contribution: null, flagged: false } as const;

function factorHead(f: FactorDef, w: FactorWeights) {
  return {
    id: f.id, label: f.label, direction: f.direction,
    directionLabel: f.direction === 1 ? '↑ hoger is kwetsbaarder' : '↓ lager is kwetsbaarder',
    defaultWeight: w.defaultWeight, weight: w.weight, measurable: f.measurable, exposure: !!f.exposure, shownOnly: !!f.shownOnly,
    ...(w.substitutesFor ? { substitutesFor: w.substitutesFor } : {}),
  };
}

export function explainFactor(ls: LevelState, fs: FrameState, k: number, i: number, w: FactorWeights): FactorExplanation {
  const f = ls.factors[k];
  const input = ls.inputs[k];
  const base = factorHead(f, w);
  if (!input) {
    const reason = missingReasonIn(missingReasonsOf(ls, k), i);
    return { ...base, effectiveWeight: 0, indicator: null, ...EMPTY_VALUES, missingReason: reason, missingLabel: missingLabelFor(reason, true), fillHint: f.fillHint, trend: [] };
  }
  const used = fs.used[k]![i];
  const zv = fs.z[k]![i];
  if (!Number.isFinite(used) || !Number.isFinite(zv)) {
    const reason = (input.reason[i] || MissingReason.unknown) as MissingReasonCode;
    return { ...base, effectiveWeight: 0, indicator: input.indicator, ...EMPTY_VALUES, missingReason: reason, missingLabel: missingLabelFor(reason, false), fillHint: f.fillHint, trend: trendFor(ls.table, ls.idx, input, i) };
  }
  const g = fs.groupOf[i];
  const sortedUsed = sortedRef(ls, fs, k, 'used', g);
  const med = sortedUsed.length ? medianOfSorted(sortedUsed) : NaN;
  const pct = percentileOfSorted(sortedRef(ls, fs, k, 'oriented', g), fs.oriented[k]![i]);
  const rel = fs.reliability[k];
  return {
    ...base, effectiveWeight: w.effective, indicator: input.indicator,
    value: used,
    rawValue: rel ? input.value[i] : null,
    reliability: rel ? rel[i] : null,
    referenceMedian: Number.isFinite(med) ? med : null,
    timesMedian: Number.isFinite(med) && med !== 0 ? used / med : null,
    percentile: Number.isFinite(pct) ? pct : null,
    referenceCount: sortedUsed.length,
    z: zv,
    contribution: w.effective * zv,
    flagged: isHigh(pct) && !f.shownOnly,
    missingReason: null, missingLabel: null, fillHint: null,
    trend: trendFor(ls.table, ls.idx, input, i),
    trendNote: trendNote(ls.idx, input),
    joinNote: rivmJoinNote(ls, input, i),
    ...(readsCrimeCounts(input) && Number.isFinite(ls.crimeCounted[i]) ? { countedShare: ls.crimeCounted[i] } : {}),
  };
}

/** The factors of a category or dial for area i, with the weights as used there (substitution included), normalised. */
export function explainContainer(ls: LevelState, fs: FrameState, c: Container, act: number[], i: number, allEntries: { f: number; def: number }[]): FactorExplanation[] {
  const avail = (f: number) => { const z = fs.z[f]; return !!z && Number.isFinite(z[i]); };
  const weights = new Map<number, { def: number; act: number; subs?: string[] }>();
  c.entries.forEach((e, p) => weights.set(e.f, { def: e.def, act: act[p] }));
  for (const s of c.subs) {
    const replacedAvail = s.replaced.some((p) => avail(c.entries[p].f));
    const use = avail(s.f) && !replacedAvail;
    weights.set(s.f, {
      def: use ? s.replaced.reduce((a, p) => a + c.entries[p].def, 0) : 0,
      act: use ? s.replaced.reduce((a, p) => a + act[p], 0) : 0,
      ...(use ? { subs: s.replaced.map((p) => ls.factors[c.entries[p].f].id) } : {}),
    });
  }
  let wsum = 0;
  for (const [f, w] of weights) if (avail(f)) wsum += w.act;
  return allEntries.map((e) => {
    const w = weights.get(e.f) ?? { def: e.def, act: e.def };
    const effective = avail(e.f) && wsum > 0 ? w.act / wsum : 0;
    return explainFactor(ls, fs, e.f, i, { defaultWeight: e.def, weight: w.act, effective, ...(w.subs ? { substitutesFor: w.subs } : {}) });
  });
}
