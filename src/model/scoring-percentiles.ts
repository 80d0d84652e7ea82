/**
 * Step 4 of scoring: the percentile of each scored area among the scored
 * reference areas of its group (mid-rank for ties: 100 × (below + ½ equal) / n),
 * the number the map colours. Pure.
 *
 * The percentiles depend only on the sorted keys, not on how they were
 * sorted. A re-weight moves most areas little, so the order of the previous
 * weights is nearly right: it is repaired with an insertion sort under a
 * budget of moves; a large change is sorted anew with the radix sort. Both
 * give the same order of keys, so the same result.
 */
import { radixSortByKey, sortKeyFloat32 } from './stats.ts';
import { ScoreStatus } from './scoring-types.ts';
import { MIN_GROUP_SIZE, type FrameState } from './scoring-frame-state.ts';
import type { LevelState } from './scoring-level-state.ts';

/**
 * Moves per scored area an insertion sort may make before it gives way to the radix sort (a
 * re-weight of one factor moves areas too far; uniform weight changes hardly move them), and the
 * largest share of neighbouring pairs out of order for which a repair is tried (each costs a move).
 */
const REPAIR_BUDGET = 0.25;

/**
 * What a target keeps of its percentile pass for the next one: the scored
 * areas in order of z, and 1 at each position whose z equals the one before
 * (the runs of ties the mid-rank counts).
 */
export interface Ranking {
  order: Uint32Array;
  /** The sort key of each position of `order` (sortKeyFloat32 of its z), kept current by every pass. */
  keys: Uint32Array;
  /** Per area, its position in `order` (-1 when it is not there); built by the first pass that needs it. */
  positionOf: Int32Array | null;
  /** `positionOf` belongs to the current `order` (a pass that sorts anew keeps the buffer, not its content). */
  positionsCurrent: boolean;
  tiedWithPrevious: Uint8Array;
  /** Every scored area had a z (none NaN), so `order` holds all of them. */
  allScoredOrdered: boolean;
  /** Reference areas among the scored ones, per group (index groupCount = dataset-wide). */
  nRef: Int32Array;
}

/**
 * The previous order re-sorted for new z, in the given buffers; null when the
 * scored set changed, the order is too far from sorted to repair, or the
 * repair's budget of moves runs out.
 */
export function repairedOrder(previous: Uint32Array, z: Float32Array, scored: Uint8Array, m: number, order: Uint32Array, keys: Uint32Array) {
  if (previous.length !== m) return null;
  const bits = new Uint32Array(z.buffer, z.byteOffset, z.length);
  // Areas lie dense along z: a re-weight of even one factor puts 10–55 % of a changed
  // target's neighbouring pairs out of order (shipped buurten; about half on the bench's
  // synthetic set), and the repair pays only for a change that keeps the order's shape.
  if (sampledDescentShare(previous, z, bits) > REPAIR_BUDGET) return null;
  for (let p = 0; p < m; p++) {
    const i = previous[p];
    if (!scored[i] || z[i] !== z[i]) return null;
    order[p] = i;
    keys[p] = sortKeyFloat32(z[i], bits[i]);
  }
  return insertionSortWithin(order, keys, Math.ceil(REPAIR_BUDGET * m)) ? { order, keys } : null;
}

/** Share of neighbouring pairs in `order` that z puts out of order, from about a thousand pairs spread over it. */
function sampledDescentShare(order: Uint32Array, z: Float32Array, bits: Uint32Array): number {
  const step = Math.max(1, order.length >> 10);
  let pairs = 0, descents = 0;
  for (let p = step; p < order.length; p += step) {
    const a = order[p - 1], b = order[p];
    pairs++;
    if (sortKeyFloat32(z[a], bits[a]) > sortKeyFloat32(z[b], bits[b])) descents++;
  }
  return pairs ? descents / pairs : 0;
}

/** Insertion sort of `order` by `keys`, in place; false once it has made more than `budget` moves. */
function insertionSortWithin(order: Uint32Array, keys: Uint32Array, budget: number): boolean {
  for (let p = 1; p < keys.length; p++) {
    const k = keys[p];
    if (keys[p - 1] <= k) continue;
    const o = order[p];
    let q = p - 1;
    while (q >= 0 && keys[q] > k) {
      keys[q + 1] = keys[q]; order[q + 1] = order[q]; q--;
      if (--budget < 0) return false;
    }
    keys[q + 1] = k; order[q + 1] = o;
  }
  return true;
}

/**
 * How many areas score (status score or beperkte dekking), and how many of them have a z to order by.
 * `changedAreas`: when z and status were written over the columns the previous ranking was made
 * from, every status stayed and only these areas' z changed (scoring-aggregate.ts).
 */
export interface ScoredCount { scored: number; ordered: number; changedAreas?: Uint32Array | null }

/** The ScoredCount of a target's columns (the aggregation counts as it goes; this is for the rest). */
export function countScored(z: Float32Array, status: Uint8Array): ScoredCount {
  let scored = 0, ordered = 0;
  for (let i = 0; i < z.length; i++) {
    if (status[i] > ScoreStatus.beperkteDekking) continue;
    scored++;
    if (z[i] === z[i]) ordered++;
  }
  return { scored, ordered };
}

/**
 * How the new z compare with a ranking: 'same' when the same areas score,
 * all with a z, in the same order and with the same runs of ties (then every
 * mid-rank is what it was: the reference areas and groups belong to the
 * level and frame); 'ties' when only runs of ties differ (then one walk over
 * the same order gives the new mid-ranks); else 'changed'. One pass over the
 * previous order, writing the new sort keys into the ranking's `keys` (a
 * 'changed' ranking is sorted anew, keys included).
 */
function compareRanking(before: Ranking, z: Float32Array, status: Uint8Array, counted: ScoredCount): 'same' | 'ties' | 'changed' {
  if (!before.allScoredOrdered) return 'changed';
  const { order, tiedWithPrevious, keys } = before;
  const m = order.length;
  if (counted.scored !== m || counted.ordered !== m) return 'changed';
  const bits = new Uint32Array(z.buffer, z.byteOffset, z.length);
  let last = 0, sameTies = true;
  for (let p = 0; p < m; p++) {
    const i = order[p];
    // Every area in the order scores (and there are as many as before): the same set.
    if (status[i] > ScoreStatus.beperkteDekking) return 'changed';
    const key = sortKeyFloat32(z[i], bits[i]);
    if (p > 0) {
      if (key < last) return 'changed';
      if ((key === last ? 1 : 0) !== tiedWithPrevious[p]) sameTies = false;
    }
    keys[p] = key;
    last = key;
  }
  return sameTies ? 'same' : 'ties';
}

/**
 * compareRanking for the few areas whose z changed while every status stayed: the order still
 * holds when each changed area's key fits between its neighbours' (the pairs of two unchanged
 * areas were in order and still are), and the ties stay when each of those pairs ties as before.
 */
function compareChangedAreas(before: Ranking, z: Float32Array, changed: Uint32Array): 'same' | 'ties' | 'changed' {
  if (!before.allScoredOrdered) return 'changed';
  const { keys, order, tiedWithPrevious: tied } = before;
  const m = keys.length;
  let positionOf = before.positionOf;
  if (!positionOf || !before.positionsCurrent) {
    positionOf = before.positionOf = positionOf?.length === z.length ? positionOf : new Int32Array(z.length);
    positionOf.fill(-1);
    for (let p = 0; p < m; p++) positionOf[order[p]] = p;
    before.positionsCurrent = true;
  }
  const bits = new Uint32Array(z.buffer, z.byteOffset, z.length);
  for (let c = 0; c < changed.length; c++) {
    const i = changed[c], p = positionOf[i];
    if (p < 0 || z[i] !== z[i]) return 'changed';
    keys[p] = sortKeyFloat32(z[i], bits[i]);
  }
  let sameTies = true;
  for (let c = 0; c < changed.length; c++) {
    const p = positionOf[changed[c]];
    if (p > 0) {
      if (keys[p - 1] > keys[p]) return 'changed';
      if ((keys[p - 1] === keys[p] ? 1 : 0) !== tied[p]) sameTies = false;
    }
    if (p + 1 < m) {
      if (keys[p] > keys[p + 1]) return 'changed';
      if ((keys[p] === keys[p + 1] ? 1 : 0) !== tied[p + 1]) sameTies = false;
    }
  }
  return sameTies ? 'same' : 'ties';
}

/** Mark, per position of sorted keys, whether its key equals the one before. */
function markTies(keys: Uint32Array, tied: Uint8Array): void {
  for (let p = 1; p < keys.length; p++) tied[p] = keys[p] === keys[p - 1] ? 1 : 0;
}

/** Mid-rank percentiles from the sorted keys in one frame-wide group: one walk over tie runs. */
function walkOneGroup(reference: Uint8Array, order: Uint32Array, keys: Uint32Array, nRef: number, pct: Float32Array): void {
  const m = order.length;
  let below = 0, a = 0;
  while (a < m) {
    let b = a + 1, eq = reference[order[a]];
    while (b < m && keys[b] === keys[a]) eq += reference[order[b++]];
    const p = nRef > 0 ? (100 * (below + 0.5 * eq)) / nRef : NaN;
    for (let q = a; q < b; q++) pct[order[q]] = p;
    below += eq;
    a = b;
  }
}

/** Mid-rank percentiles from the sorted keys: one walk over tie runs keeping per-group counters (index G = dataset-wide). */
function walk(ls: LevelState, fs: FrameState, order: Uint32Array, keys: Uint32Array, nRef: Int32Array, pct: Float32Array): void {
  const { groupOf, groupCount: G } = fs;
  const useGroup = G > 1;
  const refGroup = (i: number) => (useGroup && groupOf[i] >= 0 && nRef[groupOf[i]] >= MIN_GROUP_SIZE ? groupOf[i] : G);
  const below = new Int32Array(G + 1);
  const eq = new Int32Array(G + 1);
  const m = order.length;
  let a = 0;
  while (a < m) {
    let b = a + 1;
    while (b < m && keys[b] === keys[a]) b++;
    for (let p = a; p < b; p++) {
      const i = order[p];
      if (!ls.reference[i]) continue;
      eq[G]++;
      if (useGroup && groupOf[i] >= 0) eq[groupOf[i]]++;
    }
    for (let p = a; p < b; p++) {
      const i = order[p];
      const g = refGroup(i);
      pct[i] = nRef[g] > 0 ? (100 * (below[g] + 0.5 * eq[g])) / nRef[g] : NaN;
    }
    for (let p = a; p < b; p++) {
      const i = order[p];
      if (!ls.reference[i]) continue;
      if (useGroup && groupOf[i] >= 0) { const g = groupOf[i]; below[g] += eq[g]; eq[g] = 0; }
    }
    below[G] += eq[G]; eq[G] = 0;
    a = b;
  }
}

/**
 * Percentiles of a target's z into `pct` (NaN where not scored); returns the
 * ranking for the next pass. `previous` is the ranking under the earlier
 * weights, with the percentile column it produced: its order is the start of
 * the sort and its buffers are reused when the count fits. When `pct` is
 * that column and the same areas score in the same order, nothing is sorted:
 * with the same runs of ties it is left as it is, else walked once anew
 * (compareRanking; only the changed areas when the pass that made z and status lists them).
 * `counted` may come from that pass.
 */
export function percentilesInFrame(
  ls: LevelState, fs: FrameState, z: Float32Array, status: Uint8Array, pct: Float32Array,
  previous?: { ranking: Ranking; percentile: Float32Array }, counted: ScoredCount = countScored(z, status),
): Ranking {
  const before = previous?.ranking;
  const walkAll = (order: Uint32Array, keys: Uint32Array, nRef: Int32Array) => {
    if (fs.groupCount > 1) walk(ls, fs, order, keys, nRef, pct);
    else walkOneGroup(ls.reference, order, keys, nRef[fs.groupCount], pct);
  };
  if (before && previous.percentile === pct) {
    const how = counted.changedAreas ? compareChangedAreas(before, z, counted.changedAreas) : compareRanking(before, z, status, counted);
    if (how === 'same') return before;
    // Same areas in the same order: the areas that do not score keep their NaN.
    if (how === 'ties') { walkAll(before.order, before.keys, before.nRef); markTies(before.keys, before.tiedWithPrevious); return before; }
  }
  const n = z.length;
  const { groupOf, groupCount: G } = fs;
  const scored = ls.scratch.flags;
  const scratch = ls.scratch.sort;
  // Four columns of n: a shorter scratch would silently cut the views below.
  if (scratch.length < 4 * n) throw new Error(`sorteerbuffer te klein: ${scratch.length} < 4 × ${n}`);
  // The scored areas with a z and their sort keys, in index order: what the radix sort starts from.
  const inIndexOrder = scratch.subarray(0, n), keysInIndexOrder = scratch.subarray(n, 2 * n);
  const bits = new Uint32Array(z.buffer, z.byteOffset, n);
  const nRef = new Int32Array(G + 1);
  let m = 0, scoredCount = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] > ScoreStatus.beperkteDekking) { scored[i] = 0; continue; }
    scored[i] = 1;
    scoredCount++;
    // The sort leaves out a NaN z; the reference count keeps it, as it always has.
    if (z[i] === z[i]) { inIndexOrder[m] = i; keysInIndexOrder[m++] = sortKeyFloat32(z[i], bits[i]); }
    if (ls.reference[i]) { nRef[G]++; if (groupOf[i] >= 0) nRef[groupOf[i]]++; }
  }
  const spareOrder = scratch.subarray(2 * n, 2 * n + m), spareKeys = scratch.subarray(3 * n, 3 * n + m);
  const sorted = (before && repairedOrder(before.order, z, scored, m, spareOrder, spareKeys))
    || radixSortByKey(inIndexOrder.subarray(0, m), keysInIndexOrder.subarray(0, m), spareOrder, spareKeys);
  pct.fill(NaN);
  walkAll(sorted.order, sorted.keys, nRef);
  const reuse = before && before.order.length === m;
  const order = reuse ? before.order : new Uint32Array(m);
  const keys = reuse ? before.keys : new Uint32Array(m);
  const tiedWithPrevious = reuse ? before.tiedWithPrevious : new Uint8Array(m);
  order.set(sorted.order);
  keys.set(sorted.keys);
  markTies(sorted.keys, tiedWithPrevious);
  return { order, keys, positionOf: before?.positionOf ?? null, positionsCurrent: false, tiedWithPrevious, allScoredOrdered: m === scoredCount, nRef };
}
