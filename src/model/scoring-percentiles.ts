/**
 * Step 4 of scoring: the percentile of each scored area among the scored
 * reference areas of its group (mid-rank for ties: 100 × (below + ½ equal) / n),
 * the number the map colours. Pure.
 */
import { argsortFloat32 } from './stats.ts';
import { ScoreStatus } from './scoring-types.ts';
import { MIN_GROUP_SIZE, type FrameState } from './scoring-frame-state.ts';
import type { LevelState } from './scoring-level-state.ts';

/** One radix sort of all scored areas, then a single walk keeping per-group counters. */
export function percentilesInFrame(ls: LevelState, fs: FrameState, z: Float32Array, status: Uint8Array): Float32Array {
  const n = z.length;
  const { groupOf, groupCount } = fs;
  const G = groupCount; // index G = dataset-wide
  const scored = ls.scratch.flags;
  scored.fill(0);
  const nRef = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) {
    if (status[i] > ScoreStatus.beperkteDekking) continue;
    scored[i] = 1;
    if (ls.reference[i]) { nRef[G]++; if (groupOf[i] >= 0) nRef[groupOf[i]]++; }
  }
  const useGroup = G > 1;
  const refGroup = (i: number) => (useGroup && groupOf[i] >= 0 && nRef[groupOf[i]] >= MIN_GROUP_SIZE ? groupOf[i] : G);
  const { order, keys } = argsortFloat32(z, scored, ls.scratch.sort);
  const below = new Int32Array(G + 1);
  const eq = new Int32Array(G + 1);
  const pct = new Float32Array(n).fill(NaN);
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
  return pct;
}
