/**
 * Shapes the UI and the CLI consume from the scoring engine.
 * Convention everywhere: higher = more vulnerable / less safe.
 */
import type { Level } from './dataset-format.ts';
import type { MissingReasonCode } from './missing.ts';
import type { CategoryId, CategoryType, DialId, SphereId } from './kompas/types.ts';
import type { BelevingArrays, DialSurvey } from './beleving-types.ts';
import type { CountSeriesYears, TargetYear } from './year-view.ts';

export type FrameId = 'dataset' | 'gemeente' | 'stedelijkheid';

export const frameLabel: Record<FrameId, string> = {
  dataset: 'alle gebieden van dit niveau in de dataset',
  gemeente: 'relatief binnen de gemeente',
  stedelijkheid: 'gebieden met dezelfde stedelijkheidsklasse',
};

export interface WeightOverrides {
  /** Factor id → weight within its category (relative; re-normalised over available factors). */
  factors?: Record<string, number>;
  /** Category id → weight within its sphere (default 1 each). */
  categories?: Partial<Record<CategoryId, number>>;
}

export interface ScoreRequest {
  level: Level;
  /** Default 'dataset'. */
  frame?: FrameId;
  weights?: WeightOverrides;
  /**
   * Rank bezoekers- en werkgebieden like any other area. Default false: they
   * get status `bezoekersgebied` and stay out of the classes, because their
   * per-inwoner figures describe visitors and workers, not residents.
   */
  rankVisitorAreas?: boolean;
  /**
   * Show the targets as in this year (src/model/year-view.ts): multi-year
   * series up to this year, count rates of this one year. Absent or null:
   * the default view (latest years, pooled rates).
   */
  year?: number | null;
}

/**
 * Whether a request asks for the default scoring: no weights changed, the
 * dataset as frame, bezoekersgebieden not ranked, the latest years. The
 * first-view colours in the level tables hold it (src/model/first-view.ts).
 */
export function isDefaultScoring(request: ScoreRequest): boolean {
  // Every field named: a new field of ScoreRequest must be decided on here.
  const { level: _level, frame, weights, rankVisitorAreas, year, ...rest } = request;
  const none: Record<string, never> = rest;
  return Object.keys(none).length === 0
    && (frame ?? 'dataset') === 'dataset'
    && !rankVisitorAreas
    && (year ?? null) === null
    && Object.keys(weights?.factors ?? {}).length === 0 && Object.keys(weights?.categories ?? {}).length === 0;
}

export type TargetKind = 'category' | 'sphere' | 'dial' | 'overall';

export interface ScoreTarget {
  id: string;
  label: string;
  kind: TargetKind;
  sphere?: SphereId;
  categoryType?: CategoryType;
  /** Years of the time series this target reads at this level (two or more), oldest first; absent when it has none. */
  years?: TargetYear[];
  /** Count series of this target that can be compared between two years. */
  countSeries?: CountSeriesYears[];
}

/** Status codes per (target, area). */
/** Groups with fewer reference areas fall back to the dataset-wide reference. */
export const MIN_GROUP_SIZE = 5;

export const ScoreStatus = {
  score: 0,
  beperkteDekking: 1,
  witteVlek: 2,
  teWeinigInwoners: 3,
  geenGegevens: 4,
  /** Mainly non-residential (bezoekers- of werkgebied): not ranked unless the request asks for it. */
  bezoekersgebied: 5,
} as const;
export type ScoreStatusCode = (typeof ScoreStatus)[keyof typeof ScoreStatus];

export const scoreStatusLabel: Record<ScoreStatusCode, string> = {
  0: 'score',
  1: 'score, beperkte dekking',
  2: 'onvoldoende data – witte vlek',
  3: 'te weinig inwoners (< 50)',
  4: 'geen gegevens',
  5: 'bezoekers- of werkgebied (niet gerangschikt)',
};

/** Bits of ScoreResult.areaFlags. */
export const ScoreAreaFlag = {
  /** 50–199 inwoners: score is indicatief. */
  indicatief: 1,
  /** < 50 inwoners (or unknown): no score. */
  noScore: 2,
  /** Niet-woonbuurt / bezoekersgebied: per-inwoner rates do not describe residents. */
  exposure: 4,
  /** The gemeente's buurt crime counts add up to < 90 % of its registered total: crime is not used ("registratie onvolledig"). */
  crimeIncomplete: 8,
} as const;

export interface ScoreResult {
  level: Level;
  frame: FrameId;
  areaCount: number;
  targets: ScoreTarget[];
  /** Row-major by target: [t * areaCount + i]. Scale: weighted mean of winsorised robust z. NaN = no score. */
  z: Float32Array;
  /** 0–100 within the frame, 100 = most vulnerable / least safe. NaN = no score. */
  percentile: Float32Array;
  /** ScoreStatusCode per (target, area). */
  status: Uint8Array;
  /** Share (0–1) of the default weight that has data. */
  coverage: Float32Array;
  /** ScoreAreaFlag bits per area. */
  areaFlags: Uint8Array;
  /**
   * Per area, the share (0–1) of inwoners whose buurten supplied the summed
   * crime count (src/model/aggregate.ts); NaN where the area has its own
   * count. Only present on levels with such sums.
   */
  crimeCounted?: Float32Array;
  /** Frame notes (e.g. fallbacks), Dutch. */
  notes: string[];
  /** Survey-based beleving (gemeten/geschat) per area, only when a survey is set and reaches this level. */
  beleving?: BelevingArrays;
}

import type { ClassLabel } from './percentile-bands.ts';
export type { ClassLabel };

export interface IndicatorUsed {
  /** Indicator id(s) as in the level table, e.g. "misdrijven_totaal.2024" or "inwoners_65plus.2024 ÷ inwoners.2024". */
  id: string;
  label: string;
  unit: string;
  year: number | null;
  /** Years pooled for rates. */
  years?: number[];
  source: string;
  sourceVariable: string;
  proxy: boolean;
  /** The indicator runs against the factor (e.g. household size for alleenwonenden). */
  inverse?: boolean;
  note?: string;
}

export interface TrendPoint {
  year: number;
  value: number;
  period?: string;
}

export interface FactorExplanation {
  id: string;
  label: string;
  direction: 1 | -1;
  directionLabel: string;
  /** Default weight within the container. */
  defaultWeight: number;
  /** Weight in use (what-if or default; includes a substitute's taken-over weight). */
  weight: number;
  /** Share of this factor in the score after redistribution (0 when missing). */
  effectiveWeight: number;
  measurable: 'nationaal' | 'lokaal';
  exposure: boolean;
  shownOnly: boolean;
  /** Set on a stand-in factor that took over missing factors' weight. */
  substitutesFor?: string[];
  indicator: IndicatorUsed | null;
  /** Value as used (for shrunk rates: the shrunk rate), in the indicator's unit. */
  value: number | null;
  /** For shrunk rates: the unshrunk rate. */
  rawValue: number | null;
  /** For shrunk rates: reliability C (0–1); < 0.5 = onzeker. */
  reliability: number | null;
  referenceMedian: number | null;
  timesMedian: number | null;
  percentile: number | null;
  z: number | null;
  contribution: number | null;
  /** In the worst 10 % of the frame (≥ P90). */
  flagged: boolean;
  missingReason: MissingReasonCode | null;
  missingLabel: string | null;
  fillHint: string | null;
  trend: TrendPoint[];
  /** How the trend was divided when a year lacks its own denominator (Dutch); null otherwise. */
  trendNote?: string | null;
  /** How a RIVM value reached this area when not by code: "gekoppeld op naam", "wijkwaarde", … (Dutch); null otherwise. */
  joinNote?: string | null;
  /** Summed over the level below (src/model/aggregate.ts): share (0–1) of the inwoners whose areas supplied a count. */
  countedShare?: number;
  /** A new local indicator from a gemeente import: shown with its percentile, never weighted. */
  localIndicator?: boolean;
  /**
   * Areas of the frame with a value the percentile is ranked among. An
   * import fills only its gemeente's areas, so its percentile is among those,
   * not among all of the frame: the drill-down says so with this count.
   */
  referenceCount?: number;
}

export interface TargetExplanation {
  id: string;
  label: string;
  kind: TargetKind;
  score: number | null;
  percentile: number | null;
  status: ScoreStatusCode;
  statusLabel: string;
  coverage: number;
  classLabel: ClassLabel | null;
  classText: string | null;
}

export interface CategoryExplanation extends TargetExplanation {
  id: CategoryId;
  sphere: SphereId;
  categoryType: CategoryType;
  /** Sorted as in the model; UI may sort by |contribution|. */
  factors: FactorExplanation[];
  /** Ids of factors flagged ≥ P90. */
  flaggedFactors: string[];
}

export interface SphereExplanation extends TargetExplanation {
  id: SphereId;
  categories: { id: CategoryId; score: number | null; weight: number; contribution: number | null }[];
}

export interface OverallExplanation extends TargetExplanation {
  id: 'overall';
  /** The fixed category set with each category's contribution (null = no score, lowers coverage). */
  categories: { id: CategoryId; score: number | null; weight: number; contribution: number | null }[];
}

export interface DialExplanation extends TargetExplanation {
  id: DialId;
  basisLabel: string;
  components: FactorExplanation[];
  /** Beleving dial only: the survey figure (gemeten) or anchored estimate (geschat) for this area. */
  survey?: DialSurvey;
}

export interface AreaExplanation {
  level: Level;
  frame: FrameId;
  frameLabel: string;
  /** Frame fallback explanation for this area, if any. */
  frameNote: string | null;
  areaIndex: number;
  code: string;
  name: string;
  gemeenteCode: string;
  inwoners: number | null;
  indicatief: boolean;
  noScore: boolean;
  exposure: boolean;
  exposureReason: string | null;
  /** Registered crimes per hectare land (pooled years) — the fairer rate for visitor areas; null without data. */
  crimePerHectare: number | null;
  /** Buurt crime of this gemeente is incomplete: crime factors are left out (registratie onvolledig). */
  crimeIncomplete: boolean;
  /** Which crime rate colours the map for this area, and why (Dutch). */
  crimeRateNote: string;
  /** Share (0–1) of inwoners whose buurten supplied this area's summed crime count; null when it has its own count. */
  crimeCountedShare: number | null;
  overall: OverallExplanation;
  categories: CategoryExplanation[];
  spheres: SphereExplanation[];
  dials: DialExplanation[];
  /** Number of categories at "aandacht" or "hoog". */
  attentionCount: number;
  convention: string;
}

/** Extra indicator columns from a gemeente import, per level, keyed by area code. */
export interface ImportedColumn {
  /** A series id known to the model (see src/model/kompas/series.ts). */
  series: string;
  year: number;
  /** Values by area code; null/absent = missing. */
  values: Record<string, number | null>;
  label?: string;
  unit?: string;
  source?: string;
  sourceVariable?: string;
  licence?: string;
  note?: string;
  /**
   * Set for a new local indicator (a series the model does not know): shown
   * in the drill-down under this category with its percentile, weight 0.
   */
  extra?: { category: CategoryId; direction: 1 | -1 };
}

export interface ImportedValues {
  level: Level;
  columns: ImportedColumn[];
}

export const CONVENTION = 'Hoger = kwetsbaarder / minder veilig. Scores zijn robuuste z-waarden binnen het referentiekader; percentielen 0–100 (100 = meest kwetsbaar). Samenhang, geen oorzaak.';
