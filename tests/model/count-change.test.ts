import { describe, expect, it } from 'vitest';
import {
  ChangeClass, MIN_CHANGE_TOTAL, binomialLower, binomialUpper, changeSentence, clopperPearson,
  compareCounts, exactChangeP, incompleteBeta, logGamma,
} from '../../src/model/count-change.ts';

/** Binomial tail by direct summation, to check the incomplete-beta route. */
function upperBySum(k: number, n: number, p: number): number {
  let s = 0;
  for (let x = k; x <= n; x++) s += Math.exp(logGamma(n + 1) - logGamma(x + 1) - logGamma(n - x + 1) + x * Math.log(p) + (n - x) * Math.log1p(-p));
  return s;
}

describe('special functions', () => {
  it('logGamma matches factorials', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
  it('incomplete beta: symmetry and a closed form', () => {
    expect(incompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
    // I_x(1, b) = 1 − (1 − x)^b
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
  });
  it('binomial tails by hand: n = 10, p = ½', () => {
    // P(X ≥ 8) = (45 + 10 + 1) / 1024
    expect(binomialUpper(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    // P(X ≤ 2) = (1 + 10 + 45) / 1024
    expect(binomialLower(2, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialUpper(0, 10, 0.5)).toBe(1);
    expect(binomialLower(10, 10, 0.5)).toBe(1);
  });
  it('binomial tails agree with direct sums for large counts', () => {
    expect(binomialUpper(540, 1000, 0.5)).toBeCloseTo(upperBySum(540, 1000, 0.5), 10);
    expect(binomialUpper(30, 200, 0.2)).toBeCloseTo(upperBySum(30, 200, 0.2), 10);
  });
  it('Clopper–Pearson: closed forms at the edges and the tabled 5 of 10', () => {
    const [lo0, hi0] = clopperPearson(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(1 - 0.025 ** (1 / 10), 9); // 0.3085
    const [lo10, hi10] = clopperPearson(10, 10);
    expect(lo10).toBeCloseTo(0.025 ** (1 / 10), 9);
    expect(hi10).toBe(1);
    const [lo5, hi5] = clopperPearson(5, 10);
    expect(lo5).toBeCloseTo(0.1871, 4);
    expect(hi5).toBeCloseTo(0.8129, 4);
  });
});

describe('compareCounts (equal exposure)', () => {
  it('2 → 8: p = 2 × 56/1024, within the chance margin', () => {
    expect(exactChangeP(2, 8, 0.5)).toBeCloseTo(112 / 1024, 12);
    const c = compareCounts(2, 8)!;
    expect(c.ratio).toBe(4);
    expect(c.cls).toBe(ChangeClass.none);
    expect(c.why).toBe('toeval');
    expect(c.lower).toBeLessThan(1);
    expect(c.upper).toBeGreaterThan(1);
  });
  it('1 → 9: p = 2 × 11/1024 < 0.05, a strong rise', () => {
    const c = compareCounts(1, 9)!;
    expect(c.p).toBeCloseTo(22 / 1024, 12);
    expect(c.cls).toBe(ChangeClass.strongRise);
    expect(c.lower).toBeGreaterThan(1);
  });
  it('0 → 6 would pass the test (p = 2/64) but is too small to call', () => {
    const c = compareCounts(0, 6)!;
    expect(c.p).toBeCloseTo(2 / 64, 12);
    expect(0 + 6).toBeLessThan(MIN_CHANGE_TOTAL);
    expect(c.cls).toBe(ChangeClass.none);
    expect(c.why).toBe('klein');
  });
  it('1000 → 880: a fall, not strong', () => {
    const c = compareCounts(1000, 880)!;
    expect(c.ratio).toBeCloseTo(0.88, 12);
    expect(c.cls).toBe(ChangeClass.fall);
    expect(c.upper).toBeLessThan(1);
    expect(c.lower).toBeLessThan(0.88);
  });
  it('interval is consistent with the test: 1 inside ⇔ p ≥ 0.05', () => {
    for (const [a, b] of [[20, 33], [20, 34], [50, 71], [50, 72], [7, 1], [300, 350]]) {
      const c = compareCounts(a, b)!;
      const inside = c.lower <= 1 && 1 <= c.upper;
      expect(inside).toBe(c.p >= 0.05);
    }
  });
  it('missing or negative counts give null', () => {
    expect(compareCounts(NaN, 4)).toBeNull();
    expect(compareCounts(3, -1)).toBeNull();
  });
});

describe('compareCounts with exposure', () => {
  it('same rate in a population that doubled is no change', () => {
    const c = compareCounts(100, 200, 1000, 2000)!;
    expect(c.ratio).toBeCloseTo(1, 12);
    expect(c.p).toBeGreaterThan(0.9);
    expect(c.cls).toBe(ChangeClass.none);
  });
});

describe('changeSentence', () => {
  it('sentences say more/less and the chance margin', () => {
    const rise = changeSentence(compareCounts(100, 160)!, 'geregistreerde misdrijven', 100, 160, 2021, 2025);
    expect(rise).toBe('Meer geregistreerde misdrijven in 2025 dan in 2021 (100 in 2021, 160 in 2025, +60 %), buiten de toevalsmarge.');
    const small = changeSentence(compareCounts(2, 5)!, 'geregistreerde misdrijven', 2, 5, 2021, 2025);
    expect(small).toContain('Geen duidelijke verandering');
    expect(small).toContain('te klein');
    const fall = changeSentence(compareCounts(1000, 880)!, 'geregistreerde misdrijven', 1000, 880, 2021, 2025);
    expect(fall).toMatch(/^Minder geregistreerde misdrijven in 2025 dan in 2021 .*−12 %\), buiten de toevalsmarge\.$/);
  });
});
