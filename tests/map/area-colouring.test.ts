import { describe, expect, it } from 'vitest';
import { colourAreas } from '../../src/map/area-colouring.ts';
import { CHANGE_CLASS_OFFSET, CLASSES } from '../../src/map/classes.ts';
import { mapClassOf } from '../../src/model/percentile-bands.ts';
import { NO_CHANGE_CLASS } from '../../src/map/style.ts';
import { ChangeClass } from '../../src/model/count-change.ts';
import { GAP_CLASS_OFFSET } from '../../src/beleving/gap.ts';
import { ScoreAreaFlag, ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';

const CODES = ['BU1', 'BU2', 'BU3', 'BU4', 'BU5', 'BU6'];

/** Two targets over six areas; the second target (S4) is the one on the map. */
function result(): ScoreResult {
  const n = CODES.length;
  const other = [50, 50, 50, 50, 50, 50];
  const s4 = [95, 85, 10, NaN, NaN, NaN];
  const s4Status = [ScoreStatus.score, ScoreStatus.beperkteDekking, ScoreStatus.score, ScoreStatus.witteVlek, ScoreStatus.bezoekersgebied, ScoreStatus.teWeinigInwoners];
  return {
    level: 'buurt', frame: 'dataset', areaCount: n,
    targets: [{ id: 'S1' }, { id: 'S4' }] as ScoreResult['targets'],
    z: new Float32Array(2 * n),
    percentile: Float32Array.from([...other, ...s4]),
    status: Uint8Array.from([...other.map(() => ScoreStatus.score), ...s4Status]),
    coverage: new Float32Array(2 * n).fill(1),
    areaFlags: Uint8Array.from([0, ScoreAreaFlag.indicatief, 0, 0, ScoreAreaFlag.exposure, ScoreAreaFlag.noScore]),
    notes: [],
  };
}

describe('colourAreas: what the map shows per area', () => {
  it('colours by the percentile of the target on the map and passes the status through', () => {
    const out = colourAreas({ result: result(), codes: CODES, targetIndex: 1 });
    expect(Array.from(out.classes)).toEqual([CLASSES.length - 1, mapClassOf(85), 0, -1, -1, -1]);
    expect(Array.from(out.statuses)).toEqual([
      ScoreStatus.score, ScoreStatus.beperkteDekking, ScoreStatus.score, ScoreStatus.witteVlek, ScoreStatus.bezoekersgebied, ScoreStatus.teWeinigInwoners,
    ]);
    expect(out.judged).toEqual([]);
  });

  it('reads the other target when it is the one on the map', () => {
    const out = colourAreas({ result: result(), codes: CODES, targetIndex: 0 });
    expect(new Set(out.classes)).toEqual(new Set([mapClassOf(50)]));
    expect(new Set(out.statuses)).toEqual(new Set([ScoreStatus.score]));
  });

  it('marks only the areas with 50–199 inwoners as indicatief', () => {
    const out = colourAreas({ result: result(), codes: CODES, targetIndex: 1 });
    expect(Array.from(out.indicative)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('shifts the class by the kernteam judgement within the scale, never for an area without a class', () => {
    const judgements = new Map([
      ['BU1', { value: 2 }], // already in the top class: stays there
      ['BU2', { value: -2 }],
      ['BU3', { value: -1 }], // already in the bottom class: stays there
      ['BU4', { value: 1 }], // witte vlek: no class to shift
    ]);
    const out = colourAreas({ result: result(), codes: CODES, targetIndex: 1, judgements });
    expect(out.classes[0]).toBe(CLASSES.length - 1);
    expect(out.classes[1]).toBe(mapClassOf(85) - 2);
    expect(out.classes[2]).toBe(0);
    expect(out.classes[3]).toBe(-1);
    expect(out.judged).toEqual([0, 1, 2]);
    expect(out.statuses[3]).toBe(ScoreStatus.witteVlek);
  });

  it('in the gap view colours by quadrant and shows "geen gegevens" where a dial is missing', () => {
    const out = colourAreas({
      result: result(), codes: CODES, targetIndex: -1,
      gapQuadrants: Int8Array.from([0, 1, 2, 3, -1, -1]),
      judgements: new Map([['BU1', { value: 2 }]]),
    });
    expect(Array.from(out.classes)).toEqual([GAP_CLASS_OFFSET, GAP_CLASS_OFFSET + 1, GAP_CLASS_OFFSET + 2, GAP_CLASS_OFFSET + 3, -1, -1]);
    expect(Array.from(out.statuses)).toEqual([0, 0, 0, 0, ScoreStatus.geenGegevens, ScoreStatus.geenGegevens]);
    expect(out.judged).toEqual([]);
    expect(Array.from(out.indicative)).toEqual([0, 1, 0, 0, 0, 0]);
  });
});

describe('colourAreas: change view', () => {
  it('draws the change class, "geen gegevens" without a comparison, and no judgement or hatch', () => {
    const out = colourAreas({
      result: result(), codes: CODES, targetIndex: 1,
      changeClasses: Int8Array.from([ChangeClass.strongFall, ChangeClass.fall, ChangeClass.none, ChangeClass.rise, ChangeClass.strongRise, -1]),
      judgements: new Map([['BU1', { value: 2 }]]),
    });
    expect(Array.from(out.classes)).toEqual([0, 1, 2, 3, 4, -1].map((k) => (k < 0 ? -1 : CHANGE_CLASS_OFFSET + k)));
    expect(out.classes[2]).toBe(NO_CHANGE_CLASS);
    expect(Array.from(out.statuses)).toEqual([0, 0, 0, 0, 0, ScoreStatus.geenGegevens]);
    expect(out.judged).toEqual([]);
    expect(Array.from(out.indicative)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
