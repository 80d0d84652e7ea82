/**
 * Change of a registered count between two years, per area, with an honest
 * chance margin. Pure (no DOM); docs/scoring.md § "Verandering tussen twee
 * jaren" explains the rule.
 *
 * Rule: given the total N = a + b of the two counts, the count of the later
 * year b is binomial(N, π0) when the rate did not change, with
 * π0 = eB / (eA + eB) (eA, eB: exposure, e.g. inwoners, of each year). That is
 * the conditional exact test for two Poisson counts (Przyborowski & Wilenski
 * 1940). Its inversion gives the 95 % interval of the rate ratio from the
 * Clopper–Pearson interval of π (Clopper & Pearson 1934; Breslow & Day 1987,
 * §2.4). An area changed "buiten de toevalsmarge" only when that interval
 * excludes 1 and the two years together hold at least MIN_CHANGE_TOTAL
 * counts; everything else is "geen duidelijke verandering".
 */

/** Below this total of both years no change is called, whatever the test says: registered crime varies more than Poisson (repeat victims, one busy address), and a handful of reports says little. */
export const MIN_CHANGE_TOTAL = 10;
/** Two-sided level of the chance margin. */
export const CHANGE_ALPHA = 0.05;
/** A significant ratio at or beyond these bounds gets the darker class. */
export const STRONG_RISE = 1.5;
export const STRONG_FALL = 1 / 1.5;

/** Change class per area; the map draws class CHANGE_CLASS_OFFSET + code. */
export const ChangeClass = {
  strongFall: 0,
  fall: 1,
  none: 2,
  rise: 3,
  strongRise: 4,
} as const;
export type ChangeClassCode = (typeof ChangeClass)[keyof typeof ChangeClass];

export interface CountChange {
  /** Rate ratio later ÷ earlier (exposure-adjusted); NaN when the earlier rate is 0 and the later too. */
  ratio: number;
  /** 95 % interval of the ratio (Clopper–Pearson inverted). */
  lower: number;
  upper: number;
  /** Two-sided exact p-value (twice the smaller tail, at most 1). */
  p: number;
  cls: ChangeClassCode;
  /** Why the class is "none": the counts are too small, or the change is within the chance margin. */
  why: 'klein' | 'toeval' | null;
}

// ---------------------------------------------------------------- special functions

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error < 1e-13). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The fraction converges fast on this side of the mean; use the symmetry on the other.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(X ≥ k) for X ~ binomial(n, p). */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return incompleteBeta(p, k, n - k + 1);
}

/** P(X ≤ k) for X ~ binomial(n, p). */
export function binomialLower(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return 1 - incompleteBeta(p, k + 1, n - k);
}

/**
 * x with I_x(a, b) = target: Newton steps on the beta density, kept inside a
 * shrinking bracket (a step that leaves it halves the bracket instead), so it
 * always converges and usually within ten evaluations.
 */
function inverseIncompleteBeta(target: number, a: number, b: number): number {
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  let lo = 0, hi = 1;
  let x = a / (a + b);
  for (let i = 0; i < 200; i++) {
    const f = incompleteBeta(x, a, b) - target;
    if (Math.abs(f) < 1e-13) return x;
    if (f < 0) lo = x; else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next;
  }
  return x;
}

/** Clopper–Pearson interval of a binomial proportion k / n. */
export function clopperPearson(k: number, n: number, alpha = CHANGE_ALPHA): [number, number] {
  const lower = k === 0 ? 0 : inverseIncompleteBeta(alpha / 2, k, n - k + 1);
  const upper = k === n ? 1 : inverseIncompleteBeta(1 - alpha / 2, k + 1, n - k);
  return [lower, upper];
}

// ---------------------------------------------------------------- the rule

/** Two-sided exact p-value that count b (of a + b) differs from what exposure share π0 predicts. */
export function exactChangeP(a: number, b: number, pi0: number): number {
  const n = a + b;
  if (n === 0) return 1;
  return Math.min(1, 2 * Math.min(binomialLower(b, n, pi0), binomialUpper(b, n, pi0)));
}

/**
 * Compare count `a` (earlier year, exposure eA) with count `b` (later year,
 * exposure eB). Exposures default to equal (the dataset has inwoners of one
 * year only; the text then says that population change is not corrected).
 * Returns null when a count is missing or negative.
 */
export function compareCounts(a: number, b: number, eA = 1, eB = 1, interval = true): CountChange | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a < 0 || b < 0 || !(eA > 0) || !(eB > 0)) return null;
  a = Math.round(a); b = Math.round(b);
  const n = a + b;
  const pi0 = eB / (eA + eB);
  const odds = eA / eB;
  const ratio = a === 0 ? (b === 0 ? NaN : Infinity) : (b / eB) / (a / eA);
  const p = exactChangeP(a, b, pi0);
  let lower = NaN, upper = NaN;
  if (interval && n > 0) {
    const [pl, pu] = clopperPearson(b, n);
    lower = (pl / (1 - pl)) * odds;
    upper = pu >= 1 ? Infinity : (pu / (1 - pu)) * odds;
  }
  let cls: ChangeClassCode = ChangeClass.none;
  let why: CountChange['why'] = null;
  if (n < MIN_CHANGE_TOTAL) why = 'klein';
  else if (p >= CHANGE_ALPHA) why = 'toeval';
  else if (ratio > 1) cls = ratio >= STRONG_RISE ? ChangeClass.strongRise : ChangeClass.rise;
  else cls = ratio <= STRONG_FALL ? ChangeClass.strongFall : ChangeClass.fall;
  return { ratio, lower, upper, p, cls, why };
}

/** Words for each class: legend, tooltip, table and summary use the same. */
export const changeClassLabel: Record<ChangeClassCode, string> = {
  0: `sterke daling (−${Math.round((1 - STRONG_FALL) * 100)} % of meer), buiten de toevalsmarge`,
  1: 'daling, buiten de toevalsmarge',
  2: 'geen duidelijke verandering',
  3: 'stijging, buiten de toevalsmarge',
  4: `sterke stijging (+${Math.round((STRONG_RISE - 1) * 100)} % of meer), buiten de toevalsmarge`,
};

/** Short word per class for table cells and CSV. */
export const changeClassWord: Record<ChangeClassCode, string> = {
  0: 'sterke daling',
  1: 'daling',
  2: 'geen duidelijke verandering',
  3: 'stijging',
  4: 'sterke stijging',
};

/** Signed percentage change of the ratio, e.g. "+23 %" / "−8 %"; "nieuw" from 0. */
export function formatRatioChange(ratio: number): string {
  if (ratio === Infinity) return 'van 0 naar meer';
  if (!Number.isFinite(ratio)) return '–';
  const pct = Math.round((ratio - 1) * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %`;
}

/**
 * One Dutch sentence for an area, e.g. "Meer geregistreerde misdrijven dan in
 * 2021 (412 → 520, +26 %), buiten de toevalsmarge." `what` is the plural noun
 * phrase of the series ("geregistreerde misdrijven").
 */
export function changeSentence(change: CountChange, what: string, a: number, b: number, yearA: number, yearB: number): string {
  const counts = `${Math.round(a)} in ${yearA}, ${Math.round(b)} in ${yearB}`;
  if (change.cls === ChangeClass.none) {
    const why = change.why === 'klein'
      ? `de aantallen zijn te klein om iets te zeggen (samen minder dan ${MIN_CHANGE_TOTAL})`
      : 'het verschil valt binnen de toevalsmarge';
    return `Geen duidelijke verandering in ${what} tussen ${yearA} en ${yearB} (${counts}): ${why}.`;
  }
  const more = change.cls >= ChangeClass.rise;
  return `${more ? 'Meer' : 'Minder'} ${what} in ${yearB} dan in ${yearA} (${counts}, ${formatRatioChange(change.ratio)}), buiten de toevalsmarge.`;
}
