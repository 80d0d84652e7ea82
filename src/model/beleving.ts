/**
 * Veiligheidsbeleving tier B (docs/beleving.md, "Tier A (gemeten) and tier B (geschat)"): a gemeente survey figure
 * (Veiligheidsmonitor) distributed over its areas with the proxy index x:
 *   logit(p_b) = logit(p_gemeente) + β · (x_b − x̄_gemeente)
 * Always labelled "geschat". Without a survey figure the beleving dial stays
 * a relative index ("indicatie, geen meting") and is never shown as a %.
 * The survey import that feeds this does not exist yet; these are the pure
 * functions it will call. Pure.
 */
import { expit, logit } from './stats.ts';

export const GESCHAT_LABEL = 'geschat op basis van proxies';

export interface BetaFit {
  beta: number;
  /** Standard error of β. */
  se: number;
  /** Residual variance on the logit scale (between-gemeente error not explained by x). */
  residualVariance: number;
  n: number;
}

/**
 * Weighted least squares of logit(p_g) on x_g over gemeenten with a survey
 * figure (p in 0–1, x the population-weighted gemeente mean of the proxy
 * index, w e.g. the survey sample size). Needs ≥ 3 gemeenten.
 */
export function fitBeta(points: { p: number; x: number; w?: number }[]): BetaFit {
  const pts = points.filter((q) => q.p > 0 && q.p < 1 && Number.isFinite(q.x) && (q.w ?? 1) > 0);
  const n = pts.length;
  if (n < 3) return { beta: NaN, se: NaN, residualVariance: NaN, n };
  let sw = 0, sx = 0, sy = 0;
  for (const q of pts) { const w = q.w ?? 1; sw += w; sx += w * q.x; sy += w * logit(q.p); }
  const mx = sx / sw, my = sy / sw;
  let sxx = 0, sxy = 0;
  for (const q of pts) { const w = q.w ?? 1; const dx = q.x - mx; sxx += w * dx * dx; sxy += w * dx * (logit(q.p) - my); }
  if (!(sxx > 0)) return { beta: NaN, se: NaN, residualVariance: NaN, n };
  const beta = sxy / sxx;
  let rss = 0;
  for (const q of pts) { const w = q.w ?? 1; const r = logit(q.p) - my - beta * (q.x - mx); rss += w * r * r; }
  // Weighted residual variance scaled to a mean weight of 1.
  const residualVariance = (rss / (n - 2)) * (n / sw);
  const se = Math.sqrt((rss / (n - 2)) / sxx);
  return { beta, se, residualVariance, n };
}

export interface AnchoredEstimate {
  /** Estimated share (0–100 %) feeling unsafe at times in the own buurt. */
  estimate: number;
  lower: number;
  upper: number;
  /** Interval level, e.g. 0.9. */
  level: number;
  label: typeof GESCHAT_LABEL;
}

const zOf = (level: number) => (level >= 0.99 ? 2.576 : level >= 0.95 ? 1.96 : level >= 0.9 ? 1.645 : 1.282);

/**
 * Anchored estimate for one area. Uncertainty: the gemeente figure's standard
 * error (on the p scale, converted to logit), β's standard error times the
 * distance to the gemeente mean, and the model's residual variance.
 */
export function anchoredEstimate(args: {
  pGemeente: number;
  /** Standard error of p_gemeente (p scale, 0–1); 0 if unknown. */
  seGemeente?: number;
  x: number;
  xMeanGemeente: number;
  fit: Pick<BetaFit, 'beta' | 'se' | 'residualVariance'>;
  level?: number;
}): AnchoredEstimate {
  const { pGemeente: p, x, xMeanGemeente: xm, fit } = args;
  const level = args.level ?? 0.9;
  const nan = { estimate: NaN, lower: NaN, upper: NaN, level, label: GESCHAT_LABEL } as const;
  if (!(p > 0 && p < 1) || !Number.isFinite(x) || !Number.isFinite(xm) || !Number.isFinite(fit.beta)) return nan;
  const dx = x - xm;
  const l = logit(p) + fit.beta * dx;
  const seLogitG = (args.seGemeente ?? 0) / (p * (1 - p));
  const variance = seLogitG * seLogitG + dx * dx * (fit.se || 0) ** 2 + (fit.residualVariance || 0);
  const half = zOf(level) * Math.sqrt(variance);
  return { estimate: 100 * expit(l), lower: 100 * expit(l - half), upper: 100 * expit(l + half), level, label: GESCHAT_LABEL };
}

/** Population-weighted mean of x per group key (e.g. gemeente code), skipping missing values. */
export function weightedMeans(x: ArrayLike<number>, weight: ArrayLike<number>, keys: string[]): Map<string, number> {
  const sum = new Map<string, [number, number]>();
  for (let i = 0; i < x.length; i++) {
    const w = weight[i];
    if (!Number.isFinite(x[i]) || !(w > 0)) continue;
    const s = sum.get(keys[i]) ?? [0, 0];
    s[0] += w * x[i]; s[1] += w;
    sum.set(keys[i], s);
  }
  return new Map([...sum].map(([k, [a, b]]) => [k, a / b]));
}
