import { describe, expect, it } from 'vitest';
import { QUADRANTS, gapData, percentileRanks, quadrantOf } from '../../src/beleving/gap.ts';
import { BelevingTier } from '../../src/model/beleving-types.ts';
import { ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';

describe('quadrantOf', () => {
  it('splits at P50: at or above the median counts as (voelt) onveilig', () => {
    expect(QUADRANTS[quadrantOf(10, 20)].label).toBe('veilig en voelt veilig');
    expect(QUADRANTS[quadrantOf(10, 80)].label).toBe('veilig maar voelt onveilig');
    expect(QUADRANTS[quadrantOf(90, 20)].label).toBe('onveilig maar voelt veilig');
    expect(QUADRANTS[quadrantOf(50, 50)].label).toBe('onveilig en voelt onveilig');
    expect(quadrantOf(49.9, 49.9)).toBe(0);
  });
  it('is −1 when either dial is missing', () => {
    expect(quadrantOf(NaN, 20)).toBe(-1);
    expect(quadrantOf(20, NaN)).toBe(-1);
  });
});

describe('percentileRanks', () => {
  it('mid-ranks ties and skips missing values', () => {
    expect([...percentileRanks([10, NaN, 30, 20, 20])]).toEqual([12.5, NaN, 87.5, 50, 50]);
  });
});

function result(obj: [number, number][], bel: [number, number][], beleving?: ScoreResult['beleving']): ScoreResult {
  const n = obj.length;
  const targets = [{ id: 'objectief', label: 'Objectieve veiligheid', kind: 'dial' as const }, { id: 'beleving', label: 'Veiligheidsbeleving', kind: 'dial' as const }];
  return {
    level: 'buurt', frame: 'dataset', areaCount: n, targets,
    z: new Float32Array(2 * n), coverage: new Float32Array(2 * n).fill(1), areaFlags: new Uint8Array(n), notes: [],
    percentile: Float32Array.from([...obj.map((x) => x[0]), ...bel.map((x) => x[0])]),
    status: Uint8Array.from([...obj.map((x) => x[1]), ...bel.map((x) => x[1])]),
    ...(beleving ? { beleving } : {}),
  };
}

describe('gapData', () => {
  const S = ScoreStatus.score;
  it('uses the index percentiles without a survey; areas missing a dial are left out', () => {
    const r = result(
      [[20, S], [30, S], [70, S], [90, S], [60, ScoreStatus.witteVlek]],
      [[10, S], [80, S], [40, S], [95, ScoreStatus.beperkteDekking], [70, S]],
    );
    const g = gapData(r, { objectief: 'geregistreerd (politie)', beleving: 'indicatie, geen meting' });
    expect([...g.quadrant]).toEqual([0, 1, 2, 3, -1]);
    expect(g.counts).toEqual([1, 1, 1, 1]);
    expect(g.shown).toBe(4);
    expect(g.belevingSource).toBe('index');
    expect(g.objectiveAxis).toBe('Objectieve veiligheid (geregistreerd (politie)), percentiel');
    expect(g.belevingAxis).toBe('Veiligheidsbeleving (indicatie, geen meting), percentiel');
  });

  it('with a survey, ranks the measured/estimated shares among the areas that have one', () => {
    const r = result(
      [[20, S], [30, S], [70, S], [90, S]],
      [[99, S], [99, S], [99, S], [99, S]],
      {
        percent: Float32Array.from([12, 25, NaN, 18]), lower: new Float32Array(4), upper: new Float32Array(4),
        tier: Uint8Array.from([BelevingTier.geschat, BelevingTier.gemeten, BelevingTier.none, BelevingTier.geschat]), measure: '% onveilig',
      },
    );
    const g = gapData(r, { objectief: 'geregistreerd (politie)', beleving: 'indicatie, geen meting' });
    expect([...g.beleving].map((x) => (Number.isNaN(x) ? null : Math.round(x * 100) / 100))).toEqual([16.67, 83.33, null, 50]);
    expect([...g.quadrant]).toEqual([0, 1, -1, 3]);
    expect(g.belevingSource).toBe('enquête');
    expect(g.belevingAxis).toMatch(/% onveilig \(gemeten of geschat\)/);
  });
});
