import { describe, expect, it } from 'vitest';
import { anchoredEstimate, fitBeta, weightedMeans, GESCHAT_LABEL } from '../../src/model/beleving.ts';
import { summariseArea } from '../../src/model/summary.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { randomTable } from './helpers/synthetic-table.ts';

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

describe('beleving tier B: anchored estimate', () => {
  it('shifts the gemeente figure on the logit scale by β(x − x̄)', () => {
    const fit = { beta: 0.5, se: 0, residualVariance: 0 };
    const e = anchoredEstimate({ pGemeente: 0.2, x: 1.2, xMeanGemeente: 0.2, fit });
    expect(e.label).toBe(GESCHAT_LABEL);
    expect(e.estimate).toBeCloseTo(100 * expit(logit(0.2) + 0.5), 10);
    expect(e.lower).toBeCloseTo(e.estimate, 10); // no uncertainty given
    const same = anchoredEstimate({ pGemeente: 0.2, x: 0.2, xMeanGemeente: 0.2, fit });
    expect(same.estimate).toBeCloseTo(20, 10);
  });

  it('widens the interval with the gemeente margin, β uncertainty and residual variance', () => {
    const e = anchoredEstimate({ pGemeente: 0.2, seGemeente: 0.02, x: 2, xMeanGemeente: 0, fit: { beta: 0.3, se: 0.1, residualVariance: 0.04 }, level: 0.95 });
    // var = (0.02/0.16)² + 2²·0.1² + 0.04 = 0.015625 + 0.04 + 0.04
    const half = 1.96 * Math.sqrt(0.095625);
    const l = logit(0.2) + 0.6;
    expect(e.lower).toBeCloseTo(100 * expit(l - half), 8);
    expect(e.upper).toBeCloseTo(100 * expit(l + half), 8);
    expect(anchoredEstimate({ pGemeente: 0, x: 1, xMeanGemeente: 0, fit: { beta: 1, se: 0, residualVariance: 0 } }).estimate).toBeNaN();
  });

  it('fits β by weighted least squares of logit(p) on x', () => {
    const pts = [0, 1, 2, 3, 4].map((x) => ({ x, p: expit(-2 + 0.4 * x) }));
    const fit = fitBeta(pts);
    expect(fit.beta).toBeCloseTo(0.4, 10);
    expect(fit.se).toBeCloseTo(0, 8);
    expect(fitBeta(pts.slice(0, 2)).beta).toBeNaN();
  });

  it('population-weighted gemeente means skip missing values', () => {
    const m = weightedMeans([1, 3, NaN, 10], [100, 300, 50, 1], ['A', 'A', 'A', 'B']);
    expect(m.get('A')).toBeCloseTo(2.5, 12);
    expect(m.get('B')).toBe(10);
  });
});

describe('summariseArea', () => {
  const e = new ScoringEngine([randomTable(9, 400)]);
  it('names attention categories with association wording, never "slecht"', () => {
    let seen = 0;
    for (let i = 0; i < 400 && seen < 5; i++) {
      const ex = e.explain({ level: 'buurt' }, i);
      if (ex.attentionCount === 0 || ex.noScore) continue;
      seen++;
      const text = summariseArea(ex);
      expect(text).toMatch(/(vraagt|vragen) aandacht/);
      expect(text).toMatch(/hangt vooral samen met|Samenhang, geen oorzaak/);
      expect(text).toMatch(/Samenhang, geen oorzaak\.$/);
      expect(text).not.toMatch(/slecht|oorzaak van|veroorzaakt/i);
      const top = ex.categories.filter((c) => c.classLabel === 'hoog' || c.classLabel === 'aandacht').sort((a, b) => (b.percentile ?? 0) - (a.percentile ?? 0))[0];
      expect(text).toContain(top.label);
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('summariseArea with a survey', () => {
  it('names the estimated share of residents, not the relative index', () => {
    const e = new ScoringEngine([randomTable(9, 400)]);
    const ex = e.explain({ level: 'buurt' }, 3);
    const bel = ex.dials.find((d) => d.id === 'beleving')!;
    bel.survey = {
      tier: 'geschat', measure: 'voelt zich weleens onveilig in eigen buurt', percent: 23.4, lower: 18.2, upper: 29.6,
      intervalLevel: 0.95, source: 'Veiligheidsmonitor 2023', year: 2023, anchor: null, method: null, caveat: null,
    };
    const text = summariseArea(ex);
    expect(text).toContain('veiligheidsbeleving geschat 23 % (18–30 %) (voelt zich weleens onveilig in eigen buurt)');
    expect(text).not.toMatch(/veiligheidsbeleving P\d+/);
  });
});
