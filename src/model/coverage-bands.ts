/**
 * The one coverage rule of the app (docs/scoring.md, steps 6, 7 and 12): a
 * share of what should be there decides whether a figure scores, scores with
 * "beperkte dekking", or is a witte vlek. Categories apply it to the share of
 * their default weight with data; spheres and the overall score to the share
 * of member weight that scores; sums over a lower level (aggregate.ts) to the
 * share of inwoners whose areas supplied a count. Pure.
 */
import { ScoreStatus, type ScoreStatusCode } from './scoring-types.ts';

/**
 * Below this share (%) of the gemeente's registered total in its buurt counts,
 * buurt crime is not used (registratie onvolledig): a buurt that only seems
 * safe because its crimes were booked elsewhere must not lead the safe end.
 */
export const CRIME_COVERAGE_MIN = 90;

export const COVERAGE_SCORE = 0.6;
export const COVERAGE_LIMITED = 0.3;
/** 0.35 + 0.25 must count as 60 %. */
const EPS = 1e-9;

export function coverageStatus(coverage: number): ScoreStatusCode {
  if (!(coverage > EPS)) return ScoreStatus.geenGegevens;
  if (coverage >= COVERAGE_SCORE - EPS) return ScoreStatus.score;
  if (coverage >= COVERAGE_LIMITED - EPS) return ScoreStatus.beperkteDekking;
  return ScoreStatus.witteVlek;
}

/** A figure with this status may be shown and ranked (score or beperkte dekking). */
export function coverageUsable(status: ScoreStatusCode): boolean {
  return status === ScoreStatus.score || status === ScoreStatus.beperkteDekking;
}
