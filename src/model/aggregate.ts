/**
 * Upward aggregation from counts (never from scores): sum a count column of
 * a child level (e.g. buurt) into its parent areas (wijk or gemeente). A
 * parent with a child lacking the value is `incomplete`, as the pipeline does
 * for crime. Used for imports delivered per buurt only. Pure.
 */
import type { Level, LevelTable } from './dataset-format.ts';
import { MissingReason, type MissingReasonCode } from './missing.ts';

export interface AggregatedColumn {
  values: Float64Array;
  reasons: Uint8Array;
}

/** Parent code of each child area for the given parent level. */
export function parentCodes(child: LevelTable, parent: Level): string[] {
  if (parent === 'gemeente') return child.gemeenteCodes;
  if (parent === 'wijk') return child.wijkCodes;
  throw new Error('buurt kan geen bovenliggend niveau zijn');
}

/** Sum child values per parent area (order of `parentCodesList`). */
export function sumToParent(childValues: ArrayLike<number>, childParent: string[], parentCodesList: string[]): AggregatedColumn {
  const index = new Map(parentCodesList.map((c, i) => [c, i]));
  const values = new Float64Array(parentCodesList.length);
  const reasons = new Uint8Array(parentCodesList.length).fill(MissingReason.notJoined);
  const incomplete = new Uint8Array(parentCodesList.length);
  for (let i = 0; i < childValues.length; i++) {
    const p = index.get(childParent[i]);
    if (p === undefined) continue;
    const v = childValues[i];
    if (reasons[p] === MissingReason.notJoined) reasons[p] = 0;
    if (Number.isFinite(v)) values[p] += v;
    else incomplete[p] = 1;
  }
  for (let p = 0; p < values.length; p++) {
    if (reasons[p] === MissingReason.notJoined) values[p] = NaN;
    else if (incomplete[p]) { values[p] = NaN; reasons[p] = MissingReason.incomplete as MissingReasonCode; }
  }
  return { values, reasons };
}
