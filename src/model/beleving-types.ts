/**
 * Shapes for measured veiligheidsbeleving (Veiligheidsmonitor or a local
 * survey) as they travel from the import to the worker and back.
 * Plain JSON-able data: they cross the worker boundary by structured clone.
 */
import type { Level } from './dataset-format.ts';

/** One survey figure for one area. */
export interface SurveyFigure {
  level: Level;
  code: string;
  name: string;
  /** Share (0–100 %) of residents, e.g. "voelt zich weleens onveilig in eigen buurt". */
  percent: number;
  /** Half-width of the 95 % interval in percentage points, when the source gives it (or n does). */
  margin: number | null;
  /** Respondents, when given. */
  n: number | null;
  year: number | null;
}

/** A survey as applied: where it came from and its figures. */
export interface SurveyData {
  fileName: string;
  /** ISO date-time of the import. */
  importedAt: string;
  /** What was asked, from the value column's header. */
  measure: string;
  figures: SurveyFigure[];
}

/** Per-area survey-based beleving for one level (added to a ScoreResult when a survey is set). */
export interface BelevingArrays {
  /** Estimated or measured share (0–100 %); NaN where neither exists. */
  percent: Float32Array;
  lower: Float32Array;
  upper: Float32Array;
  /** BelevingTier per area. */
  tier: Uint8Array;
  measure: string;
}

export const BelevingTier = {
  none: 0,
  /** Tier A (docs/beleving.md): a figure for this very area. */
  gemeten: 1,
  /** Tier B: the gemeente (or wijk) figure spread over its areas with the proxy index. */
  geschat: 2,
} as const;
export type BelevingTierCode = (typeof BelevingTier)[keyof typeof BelevingTier];

/** What the beleving dial of one area says about the survey (AreaExplanation). */
export interface DialSurvey {
  tier: 'gemeten' | 'geschat';
  measure: string;
  /** 0–100 %. */
  percent: number;
  /** Interval bounds (0–100 %), null when the source gives no margin. */
  lower: number | null;
  upper: number | null;
  /** Interval level, e.g. 0.95. */
  intervalLevel: number;
  source: string;
  year: number | null;
  /** For "geschat": the figure it is anchored on. */
  anchor: { code: string; name: string; percent: number; margin: number | null } | null;
  /** For "geschat": how β was obtained, in Dutch. */
  method: string | null;
  /** A reason to read the value with care (e.g. a visitor area), or null. */
  caveat: string | null;
}

export interface SurveySummary {
  /** Figures that match an area of a loaded level, per level. */
  matched: Partial<Record<Level, number>>;
  /** Areas that got a "gemeten" or "geschat" value, per level. */
  covered: Partial<Record<Level, { gemeten: number; geschat: number }>>;
}
