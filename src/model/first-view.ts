/**
 * What the map shows of a target's scores per area, and the first view that
 * the level tables store of it.
 *
 * The first view holds those map states for every target and area under the
 * default scoring (isDefaultScoring: no weights changed, the dataset as
 * frame, the latest years, bezoekersgebieden not ranked), before any import.
 * The pipeline computes it with the app's own engine and this rule and
 * stores it in each level table (section `firstView`). On a start with the
 * default scoring the map is coloured from it as soon as its tiles are in,
 * and the scoring worker decodes and scores after that first coloured map
 * instead of competing with it for the CPU (docs/speed.md); its scores then
 * give the same states.
 *
 * One byte per target and area: bits 0–2 the map class + 1 (−1..5 → 0..6),
 * bits 3–5 the score status, bit 6 indicatief.
 */
import type { FirstViewColumns } from './dataset-format.ts';
import { mapClassOf } from './percentile-bands.ts';
import { ScoreAreaFlag, type ScoreResult } from './scoring-types.ts';

/** Per area: map class (0..5, −1 without a percentile), score status and indicatief (0/1). */
export interface MapStates {
  classes: Int8Array;
  statuses: Uint8Array;
  indicative: Uint8Array;
}

export function emptyMapStates(n: number): MapStates {
  return { classes: new Int8Array(n), statuses: new Uint8Array(n), indicative: new Uint8Array(n) };
}

/** The map states of target `t` of a result, written into `into`. */
export function scoreMapStates(result: ScoreResult, t: number, into: MapStates): MapStates {
  const n = result.areaCount;
  const offset = t * n;
  for (let i = 0; i < n; i++) {
    into.classes[i] = mapClassOf(result.percentile[offset + i]);
    into.statuses[i] = result.status[offset + i];
    into.indicative[i] = result.areaFlags[i] & ScoreAreaFlag.indicatief ? 1 : 0;
  }
  return into;
}

/** The first view of one level, from the engine's scores of it under the default scoring. */
export function firstViewColumns(result: ScoreResult): FirstViewColumns {
  const n = result.areaCount;
  const packed = new Uint8Array(result.targets.length * n);
  const states = emptyMapStates(n);
  result.targets.forEach((target, t) => {
    const { classes, statuses, indicative } = scoreMapStates(result, t, states);
    for (let i = 0; i < n; i++) {
      if (classes[i] > 6 || statuses[i] > 7) throw new Error(`first view: ${target.id}, area ${i}: class ${classes[i]} and status ${statuses[i]} do not fit in one byte`);
      packed[t * n + i] = (classes[i] + 1) | (statuses[i] << 3) | (indicative[i] << 6);
    }
  });
  return { targets: result.targets.map((t) => t.id), packed };
}

/** The map states of target `t` from a first view of `n` areas. */
export function firstViewStates(packed: Uint8Array, t: number, n: number): MapStates {
  const states = emptyMapStates(n);
  for (let i = 0; i < n; i++) {
    const b = packed[t * n + i];
    states.classes[i] = (b & 7) - 1;
    states.statuses[i] = (b >> 3) & 7;
    states.indicative[i] = (b >> 6) & 1;
  }
  return states;
}
