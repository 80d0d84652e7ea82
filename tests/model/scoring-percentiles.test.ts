import { describe, expect, it } from 'vitest';
import { percentilesInFrame, repairedOrder, type Ranking } from '../../src/model/scoring-percentiles.ts';
import { ScoreStatus } from '../../src/model/scoring-types.ts';
import type { LevelState } from '../../src/model/scoring-level-state.ts';
import type { FrameState } from '../../src/model/scoring-frame-state.ts';

/** The few fields a percentile pass reads: every area a reference area, one dataset-wide group. */
function frameOf(n: number, groupOf?: number[]): { ls: LevelState; fs: FrameState } {
  const ls = { reference: new Uint8Array(n).fill(1), scratch: { sort: new Uint32Array(4 * n), flags: new Uint8Array(n) } } as unknown as LevelState;
  const groups = groupOf ? Int32Array.from(groupOf) : new Int32Array(n).fill(-1);
  const fs = { groupOf: groups, groupCount: groupOf ? Math.max(...groupOf) + 1 : 1 } as unknown as FrameState;
  return { ls, fs };
}

const scoring = (n: number) => new Uint8Array(n).fill(ScoreStatus.score);

/** Percentiles of z starting from the ranking and column of an earlier pass, and from nothing. */
function stepped(z0: number[], z1: number[], status0: Uint8Array, status1: Uint8Array, groupOf?: number[]) {
  const { ls, fs } = frameOf(z0.length, groupOf);
  const pct = new Float32Array(z0.length);
  const ranking: Ranking = percentilesInFrame(ls, fs, Float32Array.from(z0), status0, pct);
  percentilesInFrame(ls, fs, Float32Array.from(z1), status1, pct, { ranking, percentile: pct });
  const fresh = new Float32Array(z1.length);
  percentilesInFrame(ls, fs, Float32Array.from(z1), status1, fresh);
  return { stepped: [...pct], fresh: [...fresh] };
}

describe('a percentile pass after a re-weight (src/model/scoring-percentiles.ts)', () => {
  it('gives mid-ranks for ties', () => {
    const { fresh } = stepped([1, 2, 2, 3], [1, 2, 2, 3], scoring(4), scoring(4));
    expect(fresh).toEqual([12.5, 50, 50, 87.5]);
  });

  it('recomputes when a tie breaks although no area changes place', () => {
    const r = stepped([1, 2, 2, 3], [1, 2, 2.5, 3], scoring(4), scoring(4));
    expect(r.stepped).toEqual([12.5, 37.5, 62.5, 87.5]);
    expect(r.stepped).toEqual(r.fresh);
  });

  it('recomputes when two areas come to tie in the same order', () => {
    const r = stepped([1, 2, 2.5, 3], [1, 2, 2, 3], scoring(4), scoring(4));
    expect(r.stepped).toEqual([12.5, 50, 50, 87.5]);
  });

  it('recomputes when another area scores in place of one that no longer does', () => {
    const before = Uint8Array.from([0, 0, 0, 0, ScoreStatus.witteVlek]);
    const after = Uint8Array.from([0, 0, 0, ScoreStatus.witteVlek, 0]);
    const r = stepped([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], before, after);
    expect(r.stepped).toEqual(r.fresh);
    expect(r.stepped[3]).toBeNaN();
    expect(r.stepped[4]).toBe(87.5);
  });

  it('keeps its column when the order and the ties stay (all weights scaled together)', () => {
    const z0 = [0.3, -1.2, 2.5, 2.5, 0.1], z1 = z0.map((x) => x * 1.000001);
    const r = stepped(z0, z1, scoring(5), scoring(5));
    expect(r.stepped).toEqual(r.fresh);
    expect(r.stepped).toEqual([50, 10, 80, 80, 30]);
    // And the pass really skipped the work: same ranking back, column untouched.
    const { ls, fs } = frameOf(5);
    const pct = new Float32Array(5);
    const ranking = percentilesInFrame(ls, fs, Float32Array.from(z0), scoring(5), pct);
    pct[0] = -1; // a pass that rewrites the column would overwrite this mark
    expect(percentilesInFrame(ls, fs, Float32Array.from(z1), scoring(5), pct, { ranking, percentile: pct })).toBe(ranking);
    expect(pct[0]).toBe(-1);
  });

  it('repairs a nearly sorted order, and sorts anew from it when the repair would move too many areas', () => {
    const n = 2000;
    const z0 = Array.from({ length: n }, (_, i) => i / n);
    // A few neighbours swap places: an insertion sort puts them back.
    const swapped = [...z0];
    for (const i of [10, 500, 1500]) [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    // The top 40 % drop below the rest: one pair out of order, yet 0.4 × 0.6 × n² moves to repair.
    const rotated = z0.map((x) => (x >= 0.6 ? x - 1 : x));
    for (const z1 of [swapped, rotated]) {
      const r = stepped(z0, z1, scoring(n), scoring(n));
      expect(r.stepped).toEqual(r.fresh);
      expect(r.stepped.every((p) => p > 0 && p < 100)).toBe(true);
    }
    expect(stepped(z0, rotated, scoring(n), scoring(n)).stepped[0]).toBeCloseTo(100 * 800.5 / n, 4);
  });

  it('repairs only an order that kept its shape: not one that would take too many moves, nor a shuffled one', () => {
    const n = 5000; // over 2048, so the sample of neighbouring pairs takes every other pair or less
    const previous = Uint32Array.from({ length: n }, (_, i) => i);
    const scored = new Uint8Array(n).fill(1);
    const buffers = () => [new Uint32Array(n), new Uint32Array(n)] as const;
    const repaired = (z: number[]) => repairedOrder(previous, Float32Array.from(z), scored, n, ...buffers());
    const swapped = Array.from({ length: n }, (_, i) => i);
    for (const i of [10, 2500, 4000]) [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    const fixed = repaired(swapped);
    expect(fixed).not.toBeNull();
    expect([...fixed!.order].map((i) => swapped[i])).toEqual(Array.from({ length: n }, (_, i) => i));
    // One pair out of order, but 0.4 × 0.6 × n² moves.
    expect(repaired(Array.from({ length: n }, (_, i) => (i >= 0.6 * n ? i - n : i)))).toBeNull();
    // A shuffle: about half the pairs out of order.
    let seed = 7;
    const shuffled = Array.from({ length: n }, () => (seed = (seed * 16807) % 2147483647));
    expect(repaired(shuffled)).toBeNull();
  });

  it('recomputes a broken tie within each comparison group (frame per gemeente)', () => {
    const groupOf = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const z0 = [1, 2, 2, 3, 4, 0, 2, 2, 5, 6], z1 = [1, 2, 2.5, 3, 4, 0, 2, 2, 5, 6];
    const r = stepped(z0, z1, scoring(10), scoring(10), groupOf);
    expect(r.stepped).toEqual(r.fresh);
    expect(r.stepped.slice(0, 5)).toEqual([10, 30, 50, 70, 90]);
    expect(r.stepped.slice(5)).toEqual([10, 40, 40, 70, 90]);
  });

  describe('given the areas whose z changed (all statuses kept)', () => {
    /** A pass over z1 told which areas changed since the pass over z0, next to a fresh pass over z1. */
    function steppedByChanges(z0: number[], z1: number[]) {
      const n = z0.length;
      const { ls, fs } = frameOf(n);
      const pct = new Float32Array(n);
      const ranking = percentilesInFrame(ls, fs, Float32Array.from(z0), scoring(n), pct);
      const changedAreas = Uint32Array.from(z0.flatMap((x, i) => (Math.fround(x) === Math.fround(z1[i]) ? [] : [i])));
      pct[n - 1] = -1; // kept only when the pass decides nothing moved
      const next = percentilesInFrame(ls, fs, Float32Array.from(z1), scoring(n), pct, { ranking, percentile: pct }, { scored: n, ordered: n, changedAreas });
      const fresh = new Float32Array(n);
      percentilesInFrame(ls, fs, Float32Array.from(z1), scoring(n), fresh);
      return { same: next === ranking, stepped: [...pct], fresh: [...fresh] };
    }

    it('keeps ranking and column when the changed areas stay between their neighbours', () => {
      const r = steppedByChanges([1, 2, 3, 4, 5], [1, 2.2, 3, 3.9, 5]);
      expect(r.same).toBe(true);
      expect(r.stepped.slice(0, 4)).toEqual(r.fresh.slice(0, 4));
      expect(r.stepped[4]).toBe(-1);
    });

    it('sorts anew when a changed area passes a neighbour', () => {
      const r = steppedByChanges([1, 2, 3, 4, 5], [1, 3.5, 3, 4, 5]);
      expect(r.stepped).toEqual(r.fresh);
      expect(r.stepped).toEqual([10, 50, 30, 70, 90]);
    });

    it('walks anew when a changed area comes to tie with a neighbour, and when two changed neighbours swap', () => {
      const tie = steppedByChanges([1, 2, 3, 4, 5], [1, 3, 3, 4, 5]);
      expect(tie.stepped).toEqual(tie.fresh);
      expect(tie.stepped).toEqual([10, 40, 40, 70, 90]);
      const swap = steppedByChanges([1, 2, 3, 4, 5], [1, 3, 2, 4, 5]);
      expect(swap.stepped).toEqual(swap.fresh);
    });
  });
});
