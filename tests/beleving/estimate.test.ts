import { describe, expect, it } from 'vitest';
import { BETA_PRIOR, belevingForLevel, combineBeta } from '../../src/model/beleving-estimate.ts';
import { BelevingTier, type SurveyData, type SurveyFigure } from '../../src/model/beleving-types.ts';
import { GESCHAT_LABEL } from '../../src/model/beleving.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { randomTable } from '../model/helpers/synthetic-table.ts';

const fig = (code: string, percent: number, margin: number | null, level: SurveyFigure['level'] = 'gemeente'): SurveyFigure =>
  ({ level, code, name: code, percent, margin, n: null, year: 2023 });

describe('tier B: anchored estimate by hand', () => {
  // One gemeente with a figure (20 % ± 2 pp); three buurten.
  // x̄ = (100·1 + 100·0 + 200·(−1)) / 400 = −0.25. Only one gemeente → β = the default 0.4 (se 0.2).
  // Buurt 0: logit p = logit 0.2 + 0.4 · 1.25; var = ((0.02/1.96)/0.16)² + 1.25² · 0.2² + 0.0625.
  const r = belevingForLevel({
    level: 'buurt',
    codes: ['BU00010000', 'BU00010001', 'BU00010002'],
    gemeenteCodes: ['GM0001', 'GM0001', 'GM0001'],
    wijkCodes: ['', '', ''],
    inwoners: [100, 100, 200],
    x: [1, 0, -1],
    figures: new Map([['GM0001', fig('GM0001', 20, 2)]]),
  });

  it('uses the default β when fewer than 3 gemeenten have a figure, and says so', () => {
    expect(r.beta.beta).toBe(BETA_PRIOR.beta);
    expect(r.beta.n).toBe(1);
    expect(r.beta.method).toMatch(/standaard-β 0,40/);
  });

  it('gives the estimate and the 95 % interval', () => {
    expect([...r.tier]).toEqual([BelevingTier.geschat, BelevingTier.geschat, BelevingTier.geschat]);
    expect(r.anchor).toEqual(['GM0001', 'GM0001', 'GM0001']);
    const expected = [
      [29.1875, 16.9322, 45.4589],
      [21.6481, 14.1681, 31.6221],
      [15.6264, 9.3533, 24.9487],
    ];
    expected.forEach(([est, lo, hi], i) => {
      expect(r.percent[i]).toBeCloseTo(est, 3);
      expect(r.lower[i]).toBeCloseTo(lo, 3);
      expect(r.upper[i]).toBeCloseTo(hi, 3);
    });
    // The population-weighted mean of the estimates stays near the gemeente figure (not exactly: logit scale).
    const mean = (100 * r.percent[0] + 100 * r.percent[1] + 200 * r.percent[2]) / 400;
    expect(Math.abs(mean - 20)).toBeLessThan(1);
  });
});

describe('tier A and the wijk anchor', () => {
  const r = belevingForLevel({
    level: 'buurt',
    codes: ['BU00010100', 'BU00010101', 'BU00010200', 'BU00020000'],
    gemeenteCodes: ['GM0001', 'GM0001', 'GM0001', 'GM0002'],
    wijkCodes: ['WK000101', 'WK000101', 'WK000102', 'WK000200'],
    inwoners: [500, 500, 800, 300],
    x: [0.5, -0.5, 0.2, NaN],
    figures: new Map([
      ['BU00010100', fig('BU00010100', 31, 4.5, 'buurt')],
      ['WK000101', fig('WK000101', 25, 3, 'wijk')],
      ['GM0001', fig('GM0001', 18, 1.5)],
      ['GM0002', fig('GM0002', 12, 1)],
    ]),
  });

  it('shows a buurt figure as measured with its margin', () => {
    expect(r.tier[0]).toBe(BelevingTier.gemeten);
    expect([r.percent[0], r.lower[0], r.upper[0]]).toEqual([31, 26.5, 35.5]);
  });

  it('anchors a buurt on its wijk figure before the gemeente figure', () => {
    expect(r.anchor[1]).toBe('WK000101');
    // x̄ over the wijk = (500·0.5 + 500·(−0.5)) / 1000 = 0 → dx = −0.5.
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(r.percent[1]).toBeCloseTo(100 / (1 + Math.exp(-(logit(0.25) + 0.4 * -0.5))), 4);
    expect(r.anchor[2]).toBe('GM0001');
    expect(r.tier[2]).toBe(BelevingTier.geschat);
  });

  it('gives no estimate without a proxy index', () => {
    expect(r.tier[3]).toBe(BelevingTier.none);
    expect(r.percent[3]).toBeNaN();
  });
});

describe('gemeente level', () => {
  it('a gemeente figure is measured at gemeente level; a gemeente without one stays without', () => {
    const r = belevingForLevel({
      level: 'gemeente', codes: ['GM0001', 'GM0002'], gemeenteCodes: ['', ''], wijkCodes: ['', ''],
      inwoners: [1000, 2000], x: [0.1, -0.1], figures: new Map([['GM0001', fig('GM0001', 18, null)]]),
    });
    expect([...r.tier]).toEqual([BelevingTier.gemeten, BelevingTier.none]);
    expect(r.percent[0]).toBe(18);
    expect(r.lower[0]).toBeNaN(); // no margin given: no interval invented
  });
});

describe('β: fit combined with the default', () => {
  it('weights the fit and the default by their precision', () => {
    const b = combineBeta({ beta: 0.8, se: 0.2, residualVariance: 0.1, n: 6 });
    expect(b.beta).toBeCloseTo(0.6, 12); // (25·0.4 + 25·0.8) / 50
    expect(b.se).toBeCloseTo(1 / Math.sqrt(50), 12);
    expect(b.residualVariance).toBeCloseTo((4 * 0.1 + 4 * 0.0625) / 8, 12);
    expect(b.method).toMatch(/uit 6 gemeenten/);
  });
});

describe('the engine: beleving dial with and without a survey', () => {
  const table = randomTable(21, 400, { gemeenten: 8 });
  const engine = new ScoringEngine([table]);
  const i = table.gemeenteCodes.findIndex((g) => g === 'GM0003');
  const own = table.gemeenteCodes.findIndex((g, k) => g === 'GM0004' && k > 0);

  it('without survey data: the relative index, never a percentage of residents', () => {
    const e = engine.explain({ level: 'buurt' }, i);
    const dial = e.dials.find((d) => d.id === 'beleving')!;
    expect(dial.basisLabel).toBe('indicatie, geen meting');
    expect(dial.survey).toBeUndefined();
    expect(engine.score({ level: 'buurt' }).beleving).toBeUndefined();
  });

  it('with a gemeente figure: geschat with an interval; with a buurt figure: gemeten', () => {
    const survey: SurveyData = {
      fileName: 'vm.csv', importedAt: '2026-11-26T03:00:00.000Z', measure: '% voelt zich weleens onveilig in eigen buurt',
      figures: [fig('GM0003', 17, 2), fig(table.codes[own], 28, 5, 'buurt')],
    };
    const summary = engine.setSurvey(survey);
    expect(summary.matched.buurt).toBe(1);
    const inGm3 = table.gemeenteCodes.filter((g) => g === 'GM0003').length;
    expect(summary.covered.buurt!.gemeten).toBe(1);
    expect(summary.covered.buurt!.geschat).toBeGreaterThan(0);
    expect(summary.covered.buurt!.geschat).toBeLessThanOrEqual(inGm3);

    const dial = engine.explain({ level: 'buurt' }, i).dials.find((d) => d.id === 'beleving')!;
    expect(dial.basisLabel).toBe(GESCHAT_LABEL);
    expect(dial.survey!.tier).toBe('geschat');
    expect(dial.survey!.anchor).toMatchObject({ code: 'GM0003', percent: 17 });
    expect(dial.survey!.lower!).toBeLessThan(dial.survey!.percent);
    expect(dial.survey!.upper!).toBeGreaterThan(dial.survey!.percent);
    expect(dial.survey!.source).toBe('enquête-import: vm.csv, 2026-11-26');

    const measured = engine.explain({ level: 'buurt' }, own).dials.find((d) => d.id === 'beleving')!;
    expect(measured.basisLabel).toBe('gemeten (enquête)');
    expect(measured.survey).toMatchObject({ tier: 'gemeten', percent: 28, lower: 23, upper: 33 });

    const scored = engine.score({ level: 'buurt', frame: 'gemeente' });
    expect(scored.beleving!.tier[own]).toBe(BelevingTier.gemeten);
    expect(scored.beleving!.percent[own]).toBe(28);
    // The index itself is untouched by the survey.
    engine.setSurvey(null);
    const plain = engine.score({ level: 'buurt', frame: 'gemeente' });
    expect([...plain.percentile]).toEqual([...scored.percentile]);
    expect(plain.beleving).toBeUndefined();
  });
});
