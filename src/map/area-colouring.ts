/**
 * The colouring rule: what the map shows per area for one target. Pure (no
 * MapLibre), so the rule can be tested without a map; src/ui/MapView.svelte
 * sends the result to MapController.applyFeatureStates in one batch.
 *
 * - class: colour class 0..5 from the percentile (src/map/classes.ts), or −1
 *   when there is no percentile (witte vlek, te weinig inwoners, geen
 *   gegevens, bezoekersgebied); the status picks the grey or pattern then.
 * - status: the engine's ScoreStatusCode, passed through.
 * - indicative: 1 for areas with 50–199 inwoners (hatched on the map).
 * - a kernteam judgement shifts the class of an area that has one, and the
 *   area is listed in judged (drawn with a dashed outline).
 * - in the gap view (objectief × beleving) the class is the quadrant colour,
 *   and areas without both dials read "geen gegevens".
 * - in the change view (two years of a count) the class is the change class
 *   (src/model/count-change.ts) drawn from CHANGE_CLASS_OFFSET, and areas
 *   without both counts read "geen gegevens"; no percentile, judgement or
 *   indicatief hatch applies there.
 */
import { ScoreAreaFlag, ScoreStatus, type ScoreResult } from '../model/scoring-types.ts';
import { emptyMapStates, scoreMapStates, type MapStates } from '../model/first-view.ts';
import { CHANGE_CLASS_OFFSET } from './classes.ts';
import { GAP_CLASS_OFFSET } from '../beleving/gap.ts';
import { judgedClass } from '../beleving/judgement.ts';

export interface AreaColouringInput {
  result: ScoreResult;
  /** Area codes in the order of the result's areas (the level table's codes). */
  codes: readonly string[];
  /** Index of the target on the map in result.targets; ignored when gapQuadrants is given. */
  targetIndex: number;
  /** Gap view: quadrant per area (−1 = not both dials). */
  gapQuadrants?: ArrayLike<number> | null;
  /** Kernteam judgements (−2..+2) by area code for the target on the map. */
  judgements?: ReadonlyMap<string, { value: number }> | null;
  /** Change view: change class per area (−1 = no comparison); takes precedence over everything else. */
  changeClasses?: ArrayLike<number> | null;
}

export interface AreaColouring extends MapStates {
  /** Areas (indices into codes) whose class a judgement shifted. */
  judged: number[];
}

export function colourAreas({ result, codes, targetIndex, gapQuadrants, judgements, changeClasses }: AreaColouringInput): AreaColouring {
  const n = result.areaCount;
  const judged: number[] = [];
  if (!changeClasses && !gapQuadrants) {
    // The target's own classes (the rule the first view stores), shifted by judgements.
    const { classes, statuses, indicative } = scoreMapStates(result, targetIndex, emptyMapStates(n));
    if (judgements?.size) {
      for (let i = 0; i < n; i++) {
        const judgement = judgements.get(codes[i]);
        if (judgement && classes[i] >= 0) {
          classes[i] = judgedClass(classes[i], judgement.value);
          judged.push(i);
        }
      }
    }
    return { classes, statuses, indicative, judged };
  }
  const { classes, statuses, indicative } = emptyMapStates(n);
  for (let i = 0; i < n; i++) {
    if (changeClasses) {
      const k = changeClasses[i];
      classes[i] = k >= 0 ? CHANGE_CLASS_OFFSET + k : -1;
      statuses[i] = k >= 0 ? ScoreStatus.score : ScoreStatus.geenGegevens;
      continue;
    }
    indicative[i] = result.areaFlags[i] & ScoreAreaFlag.indicatief ? 1 : 0;
    const q = gapQuadrants![i];
    classes[i] = q >= 0 ? GAP_CLASS_OFFSET + q : -1;
    statuses[i] = q >= 0 ? ScoreStatus.score : ScoreStatus.geenGegevens;
  }
  return { classes, statuses, indicative, judged };
}
