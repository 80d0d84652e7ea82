import { describe, expect, it } from 'vitest';
import {
  fitShrinkage, radixSortByKey, sortKeyFloat32, logitPercent, median, percentileOfSorted, robustScale, robustZ, shrinkRate,
} from '../../src/model/stats.ts';

describe('robust z (hand-computed)', () => {
  it('uses median and 1.4826·MAD, with ties, and winsorises at ±3', () => {
    // median 2; |x − 2| = 1,0,0,0,1,8 → sorted 0,0,0,1,1,8 → MAD = 0.5
    const s = robustScale([1, 2, 2, 2, 3, 10]);
    expect(s.median).toBe(2);
    expect(s.mad).toBe(0.5);
    expect(s.method).toBe('mad');
    expect(robustZ(3, s)).toBeCloseTo(1 / (1.4826 * 0.5), 10); // 1.3490
    expect(robustZ(1, s)).toBeCloseTo(-1.348982, 5);
    expect(robustZ(2, s)).toBe(0);
    expect(robustZ(10, s)).toBe(3); // 10.79 → winsorised
  });

  it('falls back to 1.2533 × mean absolute deviation when MAD = 0', () => {
    // median 5; deviations 1,0,0,0,1 → MAD 0; mean abs dev 0.4 → scale 0.50132
    const s = robustScale([4, 5, 5, 5, 6]);
    expect(s.mad).toBe(0);
    expect(s.method).toBe('meanAbsDev');
    expect(s.scale).toBeCloseTo(0.50132, 10);
    expect(robustZ(6, s)).toBeCloseTo(1.994734, 5);
    expect(robustZ(4, s)).toBeCloseTo(-1.994734, 5);
  });

  it('gives z = 0 for everyone when all values are equal, NaN for missing', () => {
    const s = robustScale([3, 3, NaN, 3]);
    expect(s.method).toBe('constant');
    expect(s.n).toBe(3);
    expect(robustZ(3, s)).toBe(0);
    expect(robustZ(NaN, s)).toBeNaN();
    expect(robustScale([NaN]).method).toBe('empty');
  });

  it('median of even and odd counts skips NaN', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, NaN, 1, 3])).toBe(3);
  });
});

describe('empirical-Bayes shrinkage (hand-computed)', () => {
  // y = 0, 10, 30; n = 100, 200, 300. m = 40/600 = 1/15.
  // s² = Σn(r − m)²/Σn − m/n̄ = (5/6)/600 − (1/15)/200 = 19/18000.
  // C₁ = s² / (s² + m/100) = 19/31; EB₁ = m + C₁(0 − m) = 12/465.
  const y = [0, 10, 30];
  const n = [100, 200, 300];
  it('fits m and s² by the method of moments', () => {
    const fit = fitShrinkage(y, n);
    expect(fit.m).toBeCloseTo(1 / 15, 12);
    expect(fit.s2).toBeCloseTo(19 / 18000, 12);
    expect(fit.nMean).toBe(200);
  });
  it('shrinks small areas more and keeps the raw rate', () => {
    const fit = fitShrinkage(y, n);
    const a = shrinkRate(0, 100, fit);
    expect(a.rate).toBe(0);
    expect(a.reliability).toBeCloseTo(19 / 31, 10);
    expect(a.shrunk).toBeCloseTo(12 / 465, 10);
    const c = shrinkRate(30, 300, fit);
    // C₃ = (19/18000) / (19/18000 + (1/15)/300) = 19/23
    expect(c.reliability).toBeCloseTo(19 / 23, 10);
    expect(c.shrunk).toBeCloseTo(1 / 15 + (19 / 23) * (0.1 - 1 / 15), 10);
  });
  it('floors s² at 0 (all rates equal → full shrinkage)', () => {
    const fit = fitShrinkage([1, 2, 3], [100, 200, 300]);
    expect(fit.s2).toBe(0);
    expect(shrinkRate(1, 100, fit).shrunk).toBeCloseTo(0.01, 12);
  });
});

describe('percentiles and ordering', () => {
  it('mid-rank percentile handles ties', () => {
    const sorted = [1, 2, 2, 3];
    expect(percentileOfSorted(sorted, 2)).toBe(50); // (1 + 0.5·2)/4
    expect(percentileOfSorted(sorted, 3)).toBe(87.5);
    expect(percentileOfSorted(sorted, 0)).toBe(0);
    expect(percentileOfSorted(sorted, NaN)).toBeNaN();
  });
  it('sort keys order negatives, zeros and positives, and let −0 tie with 0', () => {
    const v = Float32Array.from([0.5, -2, 0, -0, 3, -0.25]);
    const bits = new Uint32Array(v.buffer);
    const keys = Uint32Array.from(v, (x, i) => sortKeyFloat32(x, bits[i]));
    expect(keys[2]).toBe(keys[3]);
    const { order } = radixSortByKey(Uint32Array.from(v, (_, i) => i), keys, new Uint32Array(v.length), new Uint32Array(v.length));
    expect([...order].map((i) => v[i])).toEqual([-2, -0.25, 0, -0, 0.5, 3]);
  });
  it('radixSortByKey sorts stably, also when every key shares a digit', () => {
    const keys = Uint32Array.from([0x80000005, 0x80000001, 0x80000005, 0x80000000, 0x80400001]);
    const order = Uint32Array.from([0, 1, 2, 3, 4]);
    const sorted = radixSortByKey(order, keys, new Uint32Array(5), new Uint32Array(5));
    expect([...sorted.order]).toEqual([3, 1, 0, 2, 4]);
    expect([...sorted.keys]).toEqual([0x80000000, 0x80000001, 0x80000005, 0x80000005, 0x80400001]);
  });
  it('logit clamps shares to [1 %, 99 %]', () => {
    expect(logitPercent(0)).toBeCloseTo(Math.log(0.01 / 0.99), 12);
    expect(logitPercent(100)).toBeCloseTo(Math.log(0.99 / 0.01), 12);
    expect(logitPercent(50)).toBe(0);
  });
});
