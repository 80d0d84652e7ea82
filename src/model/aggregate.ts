/**
 * Upward aggregation from counts (never from scores): sum a count column of
 * a child level (e.g. buurt) into its parent areas (wijk or gemeente). Pure.
 *
 * With child weights (inwoners), a parent whose children do not all carry the
 * count still gets a sum when the children with a count hold enough of its
 * inwoners: the same coverage bands as a category (coverage-bands.ts), so
 * ≥ 60 % scores, 30–60 % scores with "beperkte dekking", and below that the
 * parent is `incomplete`. The sum is raised to all inwoners (Σ counted ÷
 * covered share), i.e. the covered children's rate per inwoner is taken for
 * the whole parent, and `covered` reports the share so every screen can say
 * "94 % van de inwoners" (docs/scoring.md, step 12). Without weights one
 * missing child makes the parent incomplete: nothing tells how much is
 * missing. The pipeline sums wijk crime this way; imports per buurt too.
 */
import type { Level, LevelTable } from './dataset-format.ts';
import { MissingReason, type MissingReasonCode } from './missing.ts';
import { coverageStatus, coverageUsable } from './coverage-bands.ts';
import { ScoreStatus } from './scoring-types.ts';

export interface AggregatedColumn {
  values: Float64Array;
  reasons: Uint8Array;
  /** Share (0–1) of the parent's child weight whose children carry the count; NaN without children or without weights. */
  covered: Float64Array;
}

/** Parent code of each child area for the given parent level. */
export function parentCodes(child: LevelTable, parent: Level): string[] {
  if (parent === 'gemeente') return child.gemeenteCodes;
  if (parent === 'wijk') return child.wijkCodes;
  throw new Error('buurt kan geen bovenliggend niveau zijn');
}

/** Sum child values per parent area (order of `parentCodesList`); see the file comment for `childWeights`. */
export function sumToParent(
  childValues: ArrayLike<number>, childParent: string[], parentCodesList: string[], childWeights?: ArrayLike<number>,
): AggregatedColumn {
  const index = new Map(parentCodesList.map((c, i) => [c, i]));
  const m = parentCodesList.length;
  const values = new Float64Array(m);
  const reasons = new Uint8Array(m).fill(MissingReason.notJoined);
  const weight = new Float64Array(m);
  const weightCounted = new Float64Array(m);
  const children = new Uint32Array(m);
  const childrenCounted = new Uint32Array(m);
  for (let i = 0; i < childValues.length; i++) {
    const p = index.get(childParent[i]);
    if (p === undefined) continue;
    const v = childValues[i];
    const w = childWeights ? childWeights[i] : NaN;
    reasons[p] = 0;
    children[p]++;
    if (w > 0) weight[p] += w;
    if (!Number.isFinite(v)) continue;
    values[p] += v;
    childrenCounted[p]++;
    if (w > 0) weightCounted[p] += w;
  }
  const covered = new Float64Array(m).fill(NaN);
  for (let p = 0; p < m; p++) {
    if (reasons[p] === MissingReason.notJoined) { values[p] = NaN; continue; }
    // Children without inwoners (weight 0 or unknown) cannot tell coverage: then count children.
    const share = !childWeights ? (childrenCounted[p] === children[p] ? 1 : 0)
      : weight[p] > 0 ? weightCounted[p] / weight[p] : childrenCounted[p] / children[p];
    if (childWeights) covered[p] = share;
    if (childrenCounted[p] > 0 && coverageUsable(coverageStatus(share))) values[p] /= share;
    else { values[p] = NaN; reasons[p] = MissingReason.incomplete as MissingReasonCode; }
  }
  return { values, reasons, covered };
}

/**
 * Dutch words for a sum that rests on part of the inwoners, for the
 * drill-down, tooltip, score table and CSV; '' when the sum is complete or
 * the area has its own count. Rounded, but a partial sum never reads 100 %.
 */
export function countedShareText(share: number | null | undefined): string {
  if (share === null || share === undefined || !(share < 1) || !Number.isFinite(share)) return '';
  const status = coverageStatus(share);
  if (status === ScoreStatus.geenGegevens) return 'misdrijven onbekend: geen buurt met politiecijfers';
  const percent = `${Math.min(99, Math.round(share * 100))} % van de inwoners`;
  if (!coverageUsable(status)) return `misdrijven onbekend: buurten met politiecijfers hebben maar ${percent}`;
  return `misdrijven uit buurten met ${percent}${status === ScoreStatus.beperkteDekking ? ', beperkte dekking' : ''}`;
}
