/**
 * Issue 9: the first map must be credible. A business park must not fill the
 * top class, and a gemeente whose buurt crime counts are incomplete must not
 * supply the "safest" buurten.
 */
import { describe, expect, it } from 'vitest';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { ScoreAreaFlag, ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';
import { MissingReason } from '../../src/model/missing.ts';
import { makeTable } from './helpers/synthetic-table.ts';

const at = (r: ScoreResult, id: string, i: number) => {
  const k = r.targets.findIndex((t) => t.id === id);
  const p = k * r.areaCount + i;
  return { z: r.z[p], pct: r.percentile[p], status: r.status[p] };
};
const years = [2023, 2024, 2025];

describe('a business park is not in the top class by default', () => {
  // 20 residential buurten with 1,000–2,900 inwoners and 20–58 crimes a year;
  // buurt 20 is "Bedrijventerrein De Hoek": 300 inwoners, 30 crimes a year
  // (100 per 1,000: 4 × the residential median, under the crime rule, so
  // only its name marks it).
  const n = 21;
  const inw = Array.from({ length: n }, (_, i) => (i < 20 ? 1000 + 100 * i : 300));
  const crime = Array.from({ length: n }, (_, i) => (i < 20 ? Math.round(inw[i] * (0.02 + 0.0005 * i)) : 30));
  const names = Array.from({ length: n }, (_, i) => (i < 20 ? `Woonbuurt ${i}` : 'Bedrijventerrein De Hoek'));
  const table = makeTable({
    names,
    columns: [
      { series: 'inwoners', values: inw },
      { series: 'oppervlakte_land', values: inw.map(() => 40) },
      ...years.map((year) => ({ series: 'misdrijven_totaal', year, values: crime })),
    ],
  });
  const e = new ScoringEngine([table]);
  const park = 20;

  it('gets the bezoekers- of werkgebied status and no class on crime, the objective dial and the overall score', () => {
    const r = e.score({ level: 'buurt' });
    expect(r.areaFlags[park] & ScoreAreaFlag.exposure).toBeTruthy();
    for (const id of ['S4', 'objectief', 'sociaal', 'overall']) {
      expect(at(r, id, park).status).toBe(ScoreStatus.bezoekersgebied);
      expect(at(r, id, park).pct).toBeNaN();
    }
    // The top class (≥ P90) holds residential buurten only.
    const top = Array.from({ length: n }, (_, i) => i).filter((i) => at(r, 'S4', i).pct >= 90);
    expect(top.length).toBeGreaterThan(0);
    expect(top).not.toContain(park);
    const ex = e.explain({ level: 'buurt' }, park);
    expect(ex.exposure).toBe(true);
    expect(ex.exposureReason).toMatch(/werk- of bezoekersgebied/);
    expect(ex.crimeRateNote).toMatch(/niet/);
    // Both rates are in the drill-down: per inwoner and per hectare.
    const s4 = ex.categories.find((c) => c.id === 'S4')!;
    expect(s4.factors.find((f) => f.id === 'S4.0')!.rawValue).toBeCloseTo(100, 6);
    expect(s4.factors.find((f) => f.id === 'S4.7')!.value).toBeCloseTo(30 / 40, 6);
  });

  it('the switch ranks it, and then its per-inwoner rate puts it in the top class', () => {
    const r = e.score({ level: 'buurt', rankVisitorAreas: true });
    expect(at(r, 'S4', park).status).toBe(ScoreStatus.score);
    expect(at(r, 'S4', park).pct).toBeGreaterThanOrEqual(90);
    expect(e.explain({ level: 'buurt', rankVisitorAreas: true }, park).crimeRateNote).toMatch(/op verzoek gerangschikt/);
  });
});

describe('a gemeente with incomplete buurt crime does not supply the safest buurten', () => {
  // Gemeente A: 10 buurten with complete counts (100 % of its total).
  // Gemeente B: 10 buurten whose counts add up to 12 % of its total, so they
  // look far safer than they are.
  const n = 20;
  const gm = Array.from({ length: n }, (_, i) => (i < 10 ? 'GM0001' : 'GM0002'));
  const inw = Array.from({ length: n }, (_, i) => 1000 + 50 * (i % 10));
  const crime = Array.from({ length: n }, (_, i) => (i < 10 ? 30 + 3 * i : 2 + (i % 3)));
  const table = makeTable({
    gemeenteCodes: gm,
    columns: [
      { series: 'inwoners', values: inw },
      { series: 'misdrijven_dekking', values: gm.map((g) => (g === 'GM0001' ? 100 : 12)) },
      ...years.map((year) => ({ series: 'misdrijven_totaal', year, values: crime })),
    ],
  });
  const e = new ScoringEngine([table]);
  const r = e.score({ level: 'buurt' });

  it('flags the buurten "registratie onvolledig" and leaves their crime out', () => {
    for (let i = 10; i < n; i++) {
      expect(r.areaFlags[i] & ScoreAreaFlag.crimeIncomplete).toBeTruthy();
      expect(at(r, 'S4', i).pct).toBeNaN();
      expect(at(r, 'objectief', i).pct).toBeNaN();
    }
    const ex = e.explain({ level: 'buurt' }, 12);
    expect(ex.crimeIncomplete).toBe(true);
    expect(ex.crimeRateNote).toMatch(/Registratie onvolledig/);
    const s40 = ex.categories.find((c) => c.id === 'S4')!.factors.find((f) => f.id === 'S4.0')!;
    expect(s40.missingReason).toBe(MissingReason.registrationIncomplete);
    expect(s40.missingLabel).toMatch(/registratie onvolledig/);
  });

  it('the safest crime scores all come from the complete gemeente', () => {
    const scored = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(at(r, 'S4', i).pct));
    expect(scored.length).toBe(10);
    const safest = [...scored].sort((a, b) => at(r, 'S4', a).z - at(r, 'S4', b).z).slice(0, 3);
    for (const i of safest) expect(gm[i]).toBe('GM0001');
    for (let i = 0; i < 10; i++) expect(r.areaFlags[i] & ScoreAreaFlag.crimeIncomplete).toBeFalsy();
  });
});
