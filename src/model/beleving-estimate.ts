/**
 * Survey-based veiligheidsbeleving per area of one level (docs/beleving.md, "Tier A (gemeten) and tier B (geschat)"):
 *  - tier A "gemeten": a figure for the area itself, shown with its margin;
 *  - tier B "geschat": the figure of the enclosing wijk or gemeente spread
 *    over its areas with the proxy index x (the beleving dial's score):
 *      logit(p_b) = logit(p_anchor) + β · (x_b − x̄_anchor)
 *    with x̄ the inwoner-weighted mean of x over the anchor's areas.
 *
 * β comes from the gemeente figures (logit(p_g) on x̄_g, weighted by the
 * number of respondents where given), combined with a documented default
 * (a normal prior) so that one or two gemeenten never give a wild slope.
 * Pure; the engine calls it with its own arrays.
 */
import { anchoredEstimate, fitBeta, weightedMeans, type BetaFit } from './beleving.ts';
import type { Level } from './dataset-format.ts';
import { wijkOfAreaCode } from './area-code.ts';
import { BelevingTier, type SurveyFigure } from './beleving-types.ts';

/**
 * Default slope per unit of the proxy index and its uncertainty, plus the
 * between-area variance the proxies do not explain (logit scale). Chosen so
 * that ±1 on the index moves 15 % to about 10–22 %, the spread the
 * Veiligheidsmonitor shows between buurten of one city; wide enough that the
 * data dominate once a handful of gemeenten have a figure. See docs/beleving.md.
 */
export const BETA_PRIOR = { beta: 0.4, se: 0.2, residualVariance: 0.0625 } as const;
/** Interval level for every survey-based interval (Veiligheidsmonitor margins are 95 %). */
export const INTERVAL_LEVEL = 0.95;

export interface BelevingLevelInput {
  level: Level;
  codes: string[];
  gemeenteCodes: string[];
  wijkCodes: string[];
  inwoners: ArrayLike<number>;
  /** Proxy index per area (beleving dial score, dataset-wide frame); NaN = none. */
  x: ArrayLike<number>;
  /** Survey figures by area code (any level). */
  figures: Map<string, SurveyFigure>;
}

export interface BetaUsed {
  beta: number;
  se: number;
  residualVariance: number;
  /** Gemeenten with a figure that entered the fit. */
  n: number;
  /** Dutch: how β was obtained. */
  method: string;
}

export interface BelevingLevelResult {
  percent: Float32Array;
  lower: Float32Array;
  upper: Float32Array;
  tier: Uint8Array;
  /** Code of the figure used per area ('' = none). */
  anchor: string[];
  beta: BetaUsed;
}

const fmt = (x: number, d = 2) => x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });

/**
 * Precision-weighted combination of the default and the fit (a normal prior
 * on β); the residual variance is pooled with the default as 4 pseudo
 * degrees of freedom.
 */
export function combineBeta(fit: BetaFit, prior: { beta: number; se: number; residualVariance: number } = BETA_PRIOR): BetaUsed {
  if (!(fit.n >= 3) || !Number.isFinite(fit.beta) || !Number.isFinite(fit.se)) {
    return { ...prior, n: fit.n, method: `standaard-β ${fmt(prior.beta)} (te weinig gemeenten met een enquêtecijfer om β te schatten)` };
  }
  const w0 = 1 / (prior.se * prior.se);
  const w1 = fit.se > 0 ? 1 / (fit.se * fit.se) : Infinity;
  const beta = w1 === Infinity ? fit.beta : (w0 * prior.beta + w1 * fit.beta) / (w0 + w1);
  const se = w1 === Infinity ? 0 : 1 / Math.sqrt(w0 + w1);
  const df = fit.n - 2;
  const residualVariance = (df * fit.residualVariance + 4 * prior.residualVariance) / (df + 4);
  return { beta, se, residualVariance, n: fit.n, method: `β ${fmt(beta)} geschat uit ${fit.n} gemeenten met een enquêtecijfer, samen met de standaardwaarde` };
}

/** Wijk code of a buurt: CBS codes nest, BU + 8 digits → WK + the first 6. */

export function belevingForLevel(input: BelevingLevelInput): BelevingLevelResult {
  const { level, codes, gemeenteCodes, x, inwoners, figures } = input;
  const n = codes.length;
  const percent = new Float32Array(n).fill(NaN);
  const lower = new Float32Array(n).fill(NaN);
  const upper = new Float32Array(n).fill(NaN);
  const tier = new Uint8Array(n);
  const anchor: string[] = new Array(n).fill('');
  const gm = (i: number) => (level === 'gemeente' ? codes[i] : gemeenteCodes[i]);
  const wk = (i: number) => (level === 'buurt' ? (input.wijkCodes[i] || wijkOfAreaCode(codes[i])) : '');

  // β from the gemeente figures and the inwoner-weighted gemeente means of x.
  const w = Float64Array.from({ length: n }, (_, i) => (inwoners[i] > 0 ? inwoners[i] : 0));
  const xbarG = weightedMeans(x, w, codes.map((_, i) => gm(i)));
  const points: { p: number; x: number; w?: number }[] = [];
  for (const [g, xb] of xbarG) {
    const f = figures.get(g);
    if (f && f.percent > 0 && f.percent < 100) points.push({ p: f.percent / 100, x: xb, w: f.n ?? 1 });
  }
  const beta = combineBeta(fitBeta(points));
  const xbarW = level === 'buurt' ? weightedMeans(x, w, codes.map((_, i) => wk(i))) : new Map<string, number>();

  for (let i = 0; i < n; i++) {
    const own = figures.get(codes[i]);
    if (own) {
      percent[i] = own.percent;
      if (own.margin !== null) { lower[i] = Math.max(0, own.percent - own.margin); upper[i] = Math.min(100, own.percent + own.margin); }
      tier[i] = BelevingTier.gemeten;
      anchor[i] = own.code;
      continue;
    }
    if (level === 'gemeente') continue;
    // The smallest enclosing area with a figure: the wijk, else the gemeente.
    const wijkFig = wk(i) ? figures.get(wk(i)) : undefined;
    const fig = wijkFig ?? figures.get(gm(i));
    if (!fig || !Number.isFinite(x[i])) continue;
    const xm = wijkFig ? xbarW.get(wk(i)) : xbarG.get(gm(i));
    if (xm === undefined) continue;
    const e = anchoredEstimate({
      pGemeente: fig.percent / 100,
      seGemeente: fig.margin !== null ? fig.margin / 100 / 1.96 : 0,
      x: x[i], xMeanGemeente: xm, fit: beta, level: INTERVAL_LEVEL,
    });
    if (!Number.isFinite(e.estimate)) continue;
    percent[i] = e.estimate; lower[i] = e.lower; upper[i] = e.upper;
    tier[i] = BelevingTier.geschat;
    anchor[i] = fig.code;
  }
  return { percent, lower, upper, tier, anchor, beta };
}
