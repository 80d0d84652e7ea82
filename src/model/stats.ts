/**
 * Small, deterministic statistics used by the scoring engine. Pure; no DOM.
 * NaN always means "missing" and is skipped, never treated as 0.
 */

/** 1.4826 · MAD estimates σ for normal data. */
export const MAD_SCALE = 1.4826;
/** √(π/2): mean absolute deviation × 1.2533 estimates σ for normal data (fallback when MAD = 0). */
export const MEAN_AD_SCALE = 1.2533;
export const WINSOR = 3;

/** k-th smallest (0-based) of a[0..n), partially reorders `a` in place (Hoare quickselect, deterministic pivot). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++; j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Median of the first n entries of a scratch buffer (reordered in place). Even n: mean of the two middle values. */
export function medianInPlace(a: Float64Array, n: number): number {
  if (n === 0) return NaN;
  const mid = n >>> 1;
  const upper = select(a, n, mid);
  if (n % 2 === 1) return upper;
  // Lower middle = max of the left part after selection.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/** Median of finite values (copies). */
export function median(values: ArrayLike<number>): number {
  const buf = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) buf[n++] = values[i];
  return medianInPlace(buf, n);
}

export interface RobustScale {
  median: number;
  /** Raw MAD (not yet × 1.4826). */
  mad: number;
  /** Divisor actually used for z; Infinity when all values are equal (z = 0). */
  scale: number;
  /** How the scale was obtained. */
  method: 'mad' | 'meanAbsDev' | 'constant' | 'empty';
  n: number;
}

/**
 * Robust location and scale of finite values. MAD = 0 (more than half the
 * values tie at the median) falls back to 1.2533 × mean absolute deviation
 * around the median; if that is 0 too (all equal) z is 0 for everyone.
 */
export function robustScale(values: ArrayLike<number>, scratch?: Float64Array): RobustScale {
  const buf = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && v !== Infinity && v !== -Infinity) buf[n++] = v;
  }
  return robustScaleOfBuffer(buf, n);
}

/** Same as robustScale over buf[0..n) (reorders buf). */
export function robustScaleOfBuffer(buf: Float64Array, n: number): RobustScale {
  if (n === 0) return { median: NaN, mad: NaN, scale: NaN, method: 'empty', n };
  const med = medianInPlace(buf, n);
  let sumAbs = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(buf[i] - med);
    buf[i] = d;
    sumAbs += d;
  }
  const mad = medianInPlace(buf, n);
  if (mad > 0) return { median: med, mad, scale: MAD_SCALE * mad, method: 'mad', n };
  const meanAbs = sumAbs / n;
  if (meanAbs > 0) return { median: med, mad, scale: MEAN_AD_SCALE * meanAbs, method: 'meanAbsDev', n };
  return { median: med, mad, scale: Infinity, method: 'constant', n };
}

/** Robust z of one value, winsorised at ±3. */
export function robustZ(x: number, s: RobustScale): number {
  if (!Number.isFinite(x) || !(s.n > 0)) return NaN;
  if (s.scale === Infinity) return 0;
  const z = (x - s.median) / s.scale;
  return z > WINSOR ? WINSOR : z < -WINSOR ? -WINSOR : z;
}

/**
 * Percentile (0–100) of x against a sorted reference, mid-rank for ties:
 * 100 × (count below + ½ count equal) / n. 100 = highest (most vulnerable).
 */
export function percentileOfSorted(sorted: ArrayLike<number>, x: number): number {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(x)) return NaN;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1; else hi = mid;
  }
  const below = lo;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return (100 * (below + 0.5 * (lo - below))) / n;
}

/** log for rates, densities, amounts: log(x + offset); non-positive arguments clamp to 1e-6 so the value stays finite. */
export function logTransform(x: number, offset = 0): number {
  const v = x + offset;
  return Math.log(v > 1e-6 ? v : 1e-6);
}

/** logit of a percentage clamped to [1 %, 99 %]. */
export function logitPercent(pct: number): number {
  let p = pct / 100;
  if (p < 0.01) p = 0.01; else if (p > 0.99) p = 0.99;
  return Math.log(p / (1 - p));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export interface ShrinkageFit {
  /** Pooled rate Σy / Σn (per unit of n). */
  m: number;
  /** Between-area variance of the true rates (method of moments, floored at 0). */
  s2: number;
  nMean: number;
}

/**
 * Global Poisson–Gamma empirical Bayes (Marshall 1991), method of moments:
 *   m = Σy/Σn, s² = Σnᵢ(rᵢ − m)²/Σn − m/n̄ (≥ 0).
 * Areas with n ≤ 0 or missing y are ignored.
 */
export function fitShrinkage(y: ArrayLike<number>, n: ArrayLike<number>, include?: (i: number) => boolean): ShrinkageFit {
  let sy = 0, sn = 0, k = 0;
  for (let i = 0; i < y.length; i++) {
    if (include && !include(i)) continue;
    const yi = y[i], ni = n[i];
    if (!(ni > 0) || !Number.isFinite(yi)) continue;
    sy += yi; sn += ni; k++;
  }
  if (k === 0 || sn === 0) return { m: NaN, s2: NaN, nMean: NaN };
  const m = sy / sn;
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    if (include && !include(i)) continue;
    const yi = y[i], ni = n[i];
    if (!(ni > 0) || !Number.isFinite(yi)) continue;
    const r = yi / ni - m;
    ss += ni * r * r;
  }
  const nMean = sn / k;
  const s2 = Math.max(0, ss / sn - m / nMean);
  return { m, s2, nMean };
}

/** Reliability Cᵢ = s² / (s² + m/nᵢ) and the shrunk rate m + Cᵢ(rᵢ − m). */
export function shrinkRate(y: number, n: number, fit: ShrinkageFit): { rate: number; shrunk: number; reliability: number } {
  if (!(n > 0) || !Number.isFinite(y) || !Number.isFinite(fit.m)) return { rate: NaN, shrunk: NaN, reliability: NaN };
  const rate = y / n;
  if (fit.m === 0) return { rate, shrunk: rate, reliability: 1 };
  const c = fit.s2 / (fit.s2 + fit.m / n);
  return { rate, shrunk: fit.m + c * (rate - fit.m), reliability: c };
}

/** Seeded PRNG (mulberry32) for tests and the bench; never Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Order-preserving map of a float32 (value and its IEEE bits) to an unsigned
 * key: flip all bits of negatives, the sign bit of positives. −0 and +0 tie.
 */
export function sortKeyFloat32(value: number, bits: number): number {
  return value === 0 ? 0x80000000 : (bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0);
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const DIGIT = RADIX - 1;

/**
 * Sorts `order` by `keys` (stable LSD radix, three 11-bit digits: exact at
 * float32 precision with sortKeyFloat32, and far cheaper than a comparator
 * sort), using `spareOrder` and `spareKeys` (same length) as the other
 * buffers; returns whichever pair holds the result. The three digits are
 * counted in one pass, and a digit all keys share is skipped.
 */
export function radixSortByKey(order: Uint32Array, keys: Uint32Array, spareOrder: Uint32Array, spareKeys: Uint32Array): { order: Uint32Array; keys: Uint32Array } {
  const m = keys.length;
  const count = new Uint32Array(3 * RADIX);
  for (let j = 0; j < m; j++) {
    const key = keys[j];
    count[key & DIGIT]++;
    count[RADIX + ((key >>> RADIX_BITS) & DIGIT)]++;
    count[2 * RADIX + (key >>> (2 * RADIX_BITS))]++;
  }
  let from = { order, keys }, to = { order: spareOrder, keys: spareKeys };
  for (let digit = 0; digit < 3; digit++) {
    const base = digit * RADIX, shift = digit * RADIX_BITS;
    let sum = 0, shared = false;
    for (let b = base; b < base + RADIX; b++) {
      const c = count[b];
      if (c === m) { shared = true; break; }
      count[b] = sum;
      sum += c;
    }
    if (shared) continue;
    const fromOrder = from.order, fromKeys = from.keys, toOrder = to.order, toKeys = to.keys;
    for (let j = 0; j < m; j++) {
      const key = fromKeys[j];
      const p = count[base + ((key >>> shift) & DIGIT)]++;
      toOrder[p] = fromOrder[j];
      toKeys[p] = key;
    }
    [from, to] = [to, from];
  }
  return from;
}
