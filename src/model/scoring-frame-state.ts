/**
 * Step 2 of scoring, per level and reference frame (the cold path): the
 * comparison groups, then per factor the value as used (rates shrunk toward
 * their group with empirical Bayes), transformed and oriented (higher = less
 * safe), and its robust z within the group. Re-weighting only reads these
 * columns; pure.
 */
import type { Level } from './dataset-format.ts';
import type { FactorDef } from './kompas/types.ts';
import type { FactorInput } from './factor-inputs.ts';
import { gemeenteGroups } from './factor-inputs.ts';
import {
  fitShrinkage, logTransform, logitPercent, robustScaleOfBuffer, robustZ, shrinkRate,
  type RobustScale, type ShrinkageFit,
} from './stats.ts';
import { MIN_GROUP_SIZE, type FrameId } from './scoring-types.ts';
import type { LevelState } from './scoring-level-state.ts';
import type { CompositeBasis, PreparedContainer } from './scoring-aggregate.ts';
import type { Ranking } from './scoring-percentiles.ts';

export { MIN_GROUP_SIZE };


/**
 * One target's columns for a request, with the key (weights, ranking) it was made for and its scored
 * areas in order of z (scoring-percentiles.ts). The status stamp changes whenever its statuses may
 * have changed; a sphere or the overall score keeps the basis of its statuses while its members' stamps stay.
 */
export interface TargetCache {
  key: string; z: Float32Array; coverage: Float32Array; status: Uint8Array; percentile: Float32Array; ranking: Ranking;
  statusStamp: number; basis?: CompositeBasis;
  /** A category's or dial's z where it scores and 0 elsewhere: what a sphere or the overall score adds without a branch per area. */
  scoredZ?: Float32Array;
}

/** A category or dial (scoring-aggregate.ts), which a sphere or the overall score reads. */
export type CategoryTarget = TargetCache & { scoredZ: Float32Array };

export interface FrameState {
  frame: FrameId;
  /** Group per area; −1 = dataset-wide reference. */
  groupOf: Int32Array;
  groupCount: number;
  notes: string[];
  areaNote: (string | null)[];
  /** Value as used (rates shrunk), oriented transformed value, z — per factor. */
  used: (Float64Array | null)[];
  oriented: (Float64Array | null)[];
  z: (Float32Array | null)[];
  reliability: (Float32Array | null)[];
  /** Robust scale per factor per group (index groupCount = dataset-wide). */
  scales: (RobustScale[] | null)[];
  /** Lazily: sorted oriented and sorted used values of reference areas per group. */
  sortedOriented: Map<number, Float64Array[]>;
  sortedUsed: Map<number, Float64Array[]>;
  targets: Map<string, TargetCache>;
  /** Per category or dial: its weight-independent columns (scoring-aggregate.ts). */
  prepared: Map<string, PreparedContainer>;
}

interface Groups { groupOf: Int32Array; groupCount: number; notes: string[]; areaNote: (string | null)[] }

/** The comparison group of every area in a frame, before small groups fall back. */
function frameGroups(ls: LevelState, level: Level, frame: FrameId): Groups {
  const { table, idx } = ls;
  const n = table.codes.length;
  let groupOf = new Int32Array(n);
  const notes: string[] = [];
  const areaNote: (string | null)[] = new Array(n).fill(null);
  let groupCount = 1;
  if (frame === 'gemeente' && level === 'gemeente') {
    notes.push('Op gemeenteniveau is "binnen de gemeente" niet zinvol: vergeleken met alle gemeenten.');
  } else if (frame === 'gemeente') {
    // A copy: small groups are set to −1 below, and gemeenteGroups caches its result per table.
    const g = gemeenteGroups(table);
    groupOf = g.of.slice();
    groupCount = n ? g.count : 0;
    notes.push('Relatief binnen de gemeente.');
  } else if (frame === 'stedelijkheid') {
    const s = idx.get('stedelijkheid')?.[0];
    groupCount = 5;
    let fallback = 0;
    for (let i = 0; i < n; i++) {
      const c = s ? table.values[s.index][i] : NaN;
      if (c >= 1 && c <= 5) groupOf[i] = Math.round(c) - 1;
      else { groupOf[i] = -1; fallback++; areaNote[i] = 'Geen stedelijkheidsklasse: vergeleken met alle gebieden van dit niveau.'; }
    }
    if (fallback) notes.push(`${fallback} gebieden zonder stedelijkheidsklasse zijn vergeleken met alle gebieden van dit niveau.`);
  }
  return { groupOf, groupCount, notes, areaNote };
}

/** Areas of groups with fewer than MIN_GROUP_SIZE reference areas are compared with the whole level. */
function fallBackSmallGroups(g: Groups, reference: Uint8Array): void {
  if (g.groupCount <= 1) return;
  const { groupOf } = g;
  const size = new Int32Array(g.groupCount);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] >= 0 && reference[i]) size[groupOf[i]]++;
  let small = 0;
  for (let i = 0; i < groupOf.length; i++) {
    const k = groupOf[i];
    if (k >= 0 && size[k] < MIN_GROUP_SIZE) {
      groupOf[i] = -1; small++;
      g.areaNote[i] = `Minder dan ${MIN_GROUP_SIZE} vergelijkbare gebieden in het kader: vergeleken met alle gebieden van dit niveau.`;
    }
  }
  if (small) g.notes.push(`${small} gebieden in een te kleine groep (< ${MIN_GROUP_SIZE}) zijn vergeleken met alle gebieden van dit niveau.`);
}

/** Reference areas per group, CSR: group g's members are members[offsets[g] … offsets[g + 1]). */
interface Members { offsets: Int32Array; members: Int32Array }

function groupMembers(groupOf: Int32Array, groupCount: number, reference: Uint8Array): Members {
  const offsets = new Int32Array(groupCount + 1);
  for (let i = 0; i < groupOf.length; i++) if (reference[i] && groupOf[i] >= 0) offsets[groupOf[i] + 1]++;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, groupCount);
  const members = new Int32Array(offsets[groupCount]);
  for (let i = 0; i < groupOf.length; i++) if (reference[i] && groupOf[i] >= 0) members[fill[groupOf[i]]++] = i;
  return { offsets, members };
}

/** Buffers of the area count, reused for every factor of a frame. */
interface FrameScratch { sample: Float64Array; y: Float64Array; n: Float64Array }

/** A shrunk rate per area (toward its group's fit) and its reliability. */
function shrunkRates(input: FactorInput, g: Groups, m: Members, reference: Uint8Array, s: FrameScratch) {
  const n = input.value.length;
  const used = new Float64Array(n).fill(NaN);
  const rel = new Float32Array(n).fill(NaN);
  const yy = input.y!, nn = input.n!;
  const fitOf = (from: number, to: number, list: Int32Array | null): ShrinkageFit => {
    // Gather the group's (y, n) into scratch buffers, then fit.
    let k = 0;
    if (list) for (let p = from; p < to; p++) { const i = list[p]; s.y[k] = yy[i]; s.n[k++] = nn[i]; }
    else for (let i = 0; i < n; i++) if (reference[i]) { s.y[k] = yy[i]; s.n[k++] = nn[i]; }
    return fitShrinkage(s.y.subarray(0, k), s.n.subarray(0, k));
  };
  const allFit = fitOf(0, 0, null);
  const fits: ShrinkageFit[] = [];
  for (let k = 0; k < g.groupCount; k++) {
    const cnt = m.offsets[k + 1] - m.offsets[k];
    fits.push(g.groupCount === 1 ? allFit : cnt >= MIN_GROUP_SIZE ? fitOf(m.offsets[k], m.offsets[k + 1], m.members) : allFit);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(input.value[i])) continue;
    const k = g.groupOf[i];
    const r = shrinkRate(yy[i], nn[i], k >= 0 ? fits[k] : allFit);
    used[i] = r.shrunk;
    rel[i] = r.reliability;
  }
  return { used, rel };
}

/** Transform and orient (higher = less safe), gathering the dataset-wide reference sample in the same pass. */
function orient(factor: FactorDef, input: FactorInput, used: Float64Array, reference: Uint8Array, sample: Float64Array) {
  const opt = input.option;
  const sign = factor.direction * (opt.sign ?? 1);
  const oriented = new Float64Array(used.length);
  const off = opt.logOffset ?? 0;
  const tf = opt.transform;
  let count = 0;
  for (let i = 0; i < used.length; i++) {
    const v = used[i];
    if (v !== v) { oriented[i] = NaN; continue; }
    const t = sign * (tf === 'log' ? logTransform(v, off) : tf === 'logit' ? logitPercent(v) : v);
    oriented[i] = t;
    if (reference[i]) sample[count++] = t;
  }
  return { oriented, count };
}

/** Robust scale per group (index groupCount = dataset-wide) and the z of every area against its group. */
function robustZColumn(oriented: Float64Array, all: RobustScale, g: Groups, m: Members, sample: Float64Array) {
  const scales: RobustScale[] = [];
  if (g.groupCount === 1) scales.push(all);
  else {
    for (let k = 0; k < g.groupCount; k++) {
      let c = 0;
      for (let p = m.offsets[k]; p < m.offsets[k + 1]; p++) { const v = oriented[m.members[p]]; if (v === v) sample[c++] = v; }
      const sc = robustScaleOfBuffer(sample, c);
      scales.push(sc.n < 3 ? all : sc);
    }
  }
  scales.push(all);
  const z = new Float32Array(oriented.length);
  if (g.groupCount === 1) {
    for (let i = 0; i < z.length; i++) z[i] = robustZ(oriented[i], all);
  } else {
    for (let i = 0; i < z.length; i++) { const k = g.groupOf[i]; z[i] = robustZ(oriented[i], k >= 0 ? scales[k] : all); }
  }
  return { z, scales };
}

/** Every factor's columns in a frame; factors without an input at this level stay null. */
export function buildFrameState(ls: LevelState, level: Level, frame: FrameId, factors: readonly FactorDef[]): FrameState {
  const g = frameGroups(ls, level, frame);
  fallBackSmallGroups(g, ls.reference);
  const fs: FrameState = {
    frame, ...g,
    used: [], oriented: [], z: [], reliability: [], scales: [],
    sortedOriented: new Map(), sortedUsed: new Map(), targets: new Map(), prepared: new Map(),
  };
  const m = groupMembers(g.groupOf, g.groupCount, ls.reference);
  const n = ls.table.codes.length;
  const s: FrameScratch = { sample: new Float64Array(n), y: new Float64Array(n), n: new Float64Array(n) };
  for (let k = 0; k < factors.length; k++) {
    const input = ls.inputs[k];
    if (!input) { fs.used.push(null); fs.oriented.push(null); fs.z.push(null); fs.reliability.push(null); fs.scales.push(null); continue; }
    const shrunk = input.option.kind === 'rate' && input.option.shrink && input.y && input.n ? shrunkRates(input, g, m, ls.reference, s) : null;
    const used = shrunk ? shrunk.used : input.value;
    const { oriented, count } = orient(factors[k], input, used, ls.reference, s.sample);
    const { z, scales } = robustZColumn(oriented, robustScaleOfBuffer(s.sample, count), g, m, s.sample);
    fs.used.push(used); fs.oriented.push(oriented); fs.z.push(z); fs.reliability.push(shrunk ? shrunk.rel : null); fs.scales.push(scales);
  }
  return fs;
}
