import { describe, expect, it } from 'vitest';
import { MIN_SURVEY_AREAS, QUADRANTS, gapData, greyText, missingText, percentileRanks, quadrantOf } from '../../src/beleving/gap.ts';
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

  const basis = { objectief: 'geregistreerd (politie)', beleving: 'indicatie, geen meting' };
  const survey = (percent: number[]): ScoreResult['beleving'] => ({
    percent: Float32Array.from(percent), lower: new Float32Array(percent.length), upper: new Float32Array(percent.length),
    tier: Uint8Array.from(percent.map((p, i) => (Number.isNaN(p) ? BelevingTier.none : i % 2 ? BelevingTier.gemeten : BelevingTier.geschat))),
    measure: '% onveilig',
  });

  it('with enough survey areas, ranks their shares among themselves; an area without a figure is grey for lack of one', () => {
    expect(MIN_SURVEY_AREAS).toBe(5);
    const r = result(
      [[20, S], [30, S], [70, S], [90, S], [60, S], [10, S]],
      [[99, S], [99, S], [99, S], [99, S], [99, S], [10, S]],
      survey([12, 25, 30, 18, 21, NaN]),
    );
    const g = gapData(r, basis);
    // Mid-ranks among the five: 10, 30, 50, 70, 90. The median one (21 %) is on the split: by the stated rule "voelt onveilig".
    expect([...g.beleving].map((x) => (Number.isNaN(x) ? null : Math.round(x))))
      .toEqual([10, 70, 90, 30, 50, null]);
    expect([...g.quadrant]).toEqual([0, 1, 3, 2, 3, -1]);
    expect(g.belevingSource).toBe('enquête');
    expect(g.surveyAreas).toBe(5);
    expect(g.belevingAxis).toMatch(/% onveilig \(gemeten of geschat\)/);
    expect(g.belevingNote).toMatch(/binnen de 5 gebieden met een enquêtecijfer/);
    // Both dials exist for the last area (the index is not mixed in): what it lacks is a survey figure.
    expect(missingText(g, 5)).toBe('geen enquêtecijfer: geen kwadrant');
    expect(missingText(g, 0)).toBeNull();
    expect(g.missing).toEqual({ objectief: 0, beleving: 1 });
    expect(greyText(g)).toBe('geen kwadrant: geen enquêtecijfer (1)');
  });

  it('one gemeente with a survey figure is not ranked against itself: the beleving index places it, and the legend says so', () => {
    // Before: its 3 % ranked alone at P50, so always "voelt onveilig"; the other areas were grey.
    const r = result(
      [[20, S], [30, S], [70, S], [90, S]],
      [[10, S], [80, S], [40, S], [95, S]],
      survey([3, NaN, NaN, NaN]),
    );
    const g = gapData(r, basis);
    expect([...g.quadrant]).toEqual([0, 1, 2, 3]);
    expect([...g.beleving]).toEqual([10, 80, 40, 95]);
    expect(g.belevingSource).toBe('index');
    expect(g.surveyAreas).toBe(1);
    expect(g.belevingAxis).toBe('Veiligheidsbeleving (indicatie, geen meting), percentiel');
    expect(g.belevingNote).toBe(
      `Enquêtecijfer voor 1 gebied: te weinig om onderling te rangschikken (minimaal ${MIN_SURVEY_AREAS}). ` +
      'Het kwadrant gebruikt daarom de relatieve belevingsindex (indicatie, geen meting); het enquêtecijfer staat bij het gebied.',
    );
  });

  it('a few survey areas (below the minimum) also fall back to the index for every area', () => {
    const r = result(
      [[20, S], [30, S], [70, S], [90, S], [60, S]],
      [[10, S], [80, S], [40, S], [95, S], [20, S]],
      survey([3, 40, 12, 9, NaN]),
    );
    const g = gapData(r, basis);
    expect(g.surveyAreas).toBe(MIN_SURVEY_AREAS - 1);
    expect(g.belevingSource).toBe('index');
    expect([...g.quadrant]).toEqual([0, 1, 2, 3, 2]);
    expect(g.belevingNote).toMatch(/^Enquêtecijfer voor 4 gebieden: te weinig/);
  });

  it('without a survey, the grey class names the missing score per dial', () => {
    const r = result([[20, S], [NaN, ScoreStatus.witteVlek], [70, S]], [[10, ScoreStatus.geenGegevens], [80, S], [40, S]]);
    const g = gapData(r, basis);
    expect(g.belevingNote).toBeNull();
    expect(missingText(g, 0)).toBe('geen belevingsscore: geen kwadrant');
    expect(missingText(g, 1)).toBe('geen objectieve score: geen kwadrant');
    expect(g.missing).toEqual({ objectief: 1, beleving: 1 });
    expect(greyText(g)).toBe('geen kwadrant: geen objectieve score (1), geen belevingsscore (1)');
    expect(greyText(null)).toBe('geen kwadrant: geen objectieve score of geen belevingsscore');
  });
});
