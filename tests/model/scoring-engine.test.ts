import { describe, expect, it } from 'vitest';
import { ScoringEngine, coverageStatus, classOfPercentile } from '../../src/model/scoring-engine.ts';
import { MAX_WEIGHT } from '../../src/model/scoring-containers.ts';
import type { LevelState } from '../../src/model/scoring-level-state.ts';
import { ScoreAreaFlag, ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';
import { sumToParent } from '../../src/model/aggregate.ts';
import { MissingReason } from '../../src/model/missing.ts';
import { makeTable, randomTable, type SyntheticColumn } from './helpers/synthetic-table.ts';

const at = (r: ScoreResult, id: string, i: number) => {
  const k = r.targets.findIndex((t) => t.id === id);
  const p = k * r.areaCount + i;
  return { z: r.z[p], pct: r.percentile[p], status: r.status[p], coverage: r.coverage[p] };
};

/** Reference robust z (independent, straightforward implementation). */
function refZ(xs: number[]): number[] {
  const med = (a: number[]) => { const s = [...a].sort((p, q) => p - q); const n = s.length; return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2; };
  const m = med(xs);
  const mad = med(xs.map((x) => Math.abs(x - m)));
  return xs.map((x) => Math.max(-3, Math.min(3, (x - m) / (1.4826 * mad))));
}
const logit = (pct: number) => Math.log(pct / 100 / (1 - pct / 100));

const inw8 = { series: 'inwoners', values: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000] };
const eenzaam = [20, 25, 30, 35, 40, 45, 50, 55];
const alleen = [30, 35, 40, null, 50, 55, 60, 65];

function fixtureA(extra: SyntheticColumn[] = []) {
  return makeTable({
    columns: [
      inw8,
      { series: 'rivm_sociaal_eenzaam', values: eenzaam },
      { series: 'eenpersoonshuishoudens', values: alleen },
      { series: 'koopwoningen', values: [60, 50, 40, 70, 30, 20, 80, 55] },
      { series: 'adressendichtheid', values: [800, 900, 700, 600, 850, 950, 500, 400] },
      { series: 'bevolkingsdichtheid', values: [2000, 1900, 2100, 1800, 2200, 1700, 2300, 1600] },
      ...extra,
    ],
  });
}

describe('coverage bands', () => {
  it('≥ 60 % score, 30–60 % beperkte dekking, < 30 % witte vlek, 0 geen gegevens', () => {
    expect(coverageStatus(0.6)).toBe(ScoreStatus.score);
    expect(coverageStatus(0.599)).toBe(ScoreStatus.beperkteDekking);
    expect(coverageStatus(0.3)).toBe(ScoreStatus.beperkteDekking);
    expect(coverageStatus(0.299)).toBe(ScoreStatus.witteVlek);
    expect(coverageStatus(0)).toBe(ScoreStatus.geenGegevens);
  });

  it('applies them to real model weights at the exact boundaries', () => {
    const e = new ScoringEngine([fixtureA()]);
    const r = e.score({ level: 'buurt' });
    // S1.1 (0.35) + S1.2 (0.25) = 60 % → score; F4.2 alone = 30 % → beperkte dekking; F3.3 = 20 % → witte vlek.
    expect(at(r, 'S1', 0)).toMatchObject({ status: ScoreStatus.score });
    expect(at(r, 'S1', 0).coverage).toBeCloseTo(0.6, 6);
    expect(at(r, 'F4', 0).status).toBe(ScoreStatus.beperkteDekking);
    expect(at(r, 'F4', 0).coverage).toBeCloseTo(0.3, 6);
    expect(at(r, 'F3', 0).status).toBe(ScoreStatus.witteVlek);
    expect(at(r, 'F3', 0).z).toBeNaN();
    expect(at(r, 'I3', 0).status).toBe(ScoreStatus.geenGegevens);
  });

  it('class labels use aandacht (P80–89) and hoog (≥ P90)', () => {
    expect(classOfPercentile(79.9)).toBe('gemiddeld');
    expect(classOfPercentile(80)).toBe('aandacht');
    expect(classOfPercentile(90)).toBe('hoog');
    expect(classOfPercentile(10)).toBe('laag');
    expect(classOfPercentile(NaN)).toBeNull();
  });
});

describe('reweighting under missing values and exact contributions', () => {
  const e = new ScoringEngine([fixtureA()]);
  const r = e.score({ level: 'buurt' });
  const z1 = refZ(eenzaam.map(logit));
  const present = alleen.filter((x): x is number => x !== null);
  const z2present = refZ(present.map(logit));
  const z2 = alleen.map((x) => (x === null ? NaN : z2present[present.indexOf(x)]));

  it('scores from available factors with renormalised weights', () => {
    expect(at(r, 'S1', 0).z).toBeCloseTo((0.35 * z1[0] + 0.25 * z2[0]) / 0.6, 5);
    // Area 3 lacks S1.2: its weight goes to S1.1; coverage 35 % → beperkte dekking.
    expect(at(r, 'S1', 3).z).toBeCloseTo(z1[3], 5);
    expect(at(r, 'S1', 3).status).toBe(ScoreStatus.beperkteDekking);
    expect(at(r, 'S1', 3).coverage).toBeCloseTo(0.35, 6);
  });

  it('contributions add up to the category score and keep the missing reason', () => {
    for (const i of [0, 3, 6]) {
      const ex = e.explain({ level: 'buurt' }, i);
      const s1 = ex.categories.find((c) => c.id === 'S1')!;
      const sum = s1.factors.reduce((a, f) => a + (f.contribution ?? 0), 0);
      expect(sum).toBeCloseTo(s1.score!, 5);
      const eff = s1.factors.reduce((a, f) => a + f.effectiveWeight, 0);
      expect(eff).toBeCloseTo(1, 10);
    }
    const ex3 = e.explain({ level: 'buurt' }, 3);
    const f = ex3.categories.find((c) => c.id === 'S1')!.factors.find((x) => x.id === 'S1.2')!;
    expect(f.value).toBeNull();
    expect(f.missingReason).toBe(MissingReason.unknown);
    expect(f.fillHint).toMatch(/85984NED/);
    const wv = ex3.categories.find((c) => c.id === 'S1')!.factors.find((x) => x.id === 'S1.3')!;
    expect(wv.indicator).toBeNull();
    // The panel writes "Witte vlek: " before it; the label itself says why.
    expect(wv.missingLabel).toBe('geen bron in deze dataset');
    expect(wv.fillHint).toMatch(/enquête/);
  });

  it('what-if weights re-aggregate without touching coverage', () => {
    const w = e.score({ level: 'buurt', weights: { factors: { 'S1.1': 0, 'S1.2': 1 } } });
    expect(at(w, 'S1', 0).z).toBeCloseTo(z2[0], 5);
    expect(at(w, 'S1', 0).coverage).toBeCloseTo(0.6, 6);
    // Area 3 has only S1.1, now weighted 0: no score possible.
    expect(at(w, 'S1', 3).status).toBe(ScoreStatus.witteVlek);
    // Back to defaults gives the original numbers.
    const back = e.score({ level: 'buurt' });
    expect(at(back, 'S1', 0).z).toBe(at(r, 'S1', 0).z);
  });

  it('a sphere covers its fixed category set: one scoring category of four is a witte vlek, not that category alone', () => {
    for (const i of [0, 5]) {
      expect(at(r, 'S4', i).status).toBe(ScoreStatus.geenGegevens);
      expect(at(r, 'sociaal', i).coverage).toBeCloseTo(0.25, 6); // only S1 of S1–S4
      expect(at(r, 'sociaal', i).status).toBe(ScoreStatus.witteVlek);
      expect(at(r, 'sociaal', i).z).toBeNaN();
    }
  });

  it('sphere = (weighted) mean of its categories that have a score, with coverage bands on the category weight', () => {
    // S1 weighted 2 of 5 → 40 % coverage: beperkte dekking, score = S1 alone.
    const w = e.score({ level: 'buurt', weights: { categories: { S1: 2 } } });
    for (const i of [0, 5]) {
      expect(at(w, 'sociaal', i).coverage).toBeCloseTo(0.4, 6);
      expect(at(w, 'sociaal', i).status).toBe(ScoreStatus.beperkteDekking);
      expect(at(w, 'sociaal', i).z).toBeCloseTo(at(w, 'S1', i).z, 6);
    }
  });

  it('the overall score covers eleven fixed categories and never includes the dials', () => {
    const ex = e.explain({ level: 'buurt' }, 0);
    expect(ex.overall.categories.map((c) => c.id)).toEqual(['F1', 'F2', 'F4', 'S1', 'S2', 'S3', 'S4', 'I1', 'I2', 'I3', 'I4']);
    const scored = ex.overall.categories.filter((c) => c.score !== null);
    expect(ex.overall.coverage).toBeCloseTo(scored.length / 11, 6);
    expect(at(r, 'overall', 0).coverage).toBeCloseTo(scored.length / 11, 6);
    expect(r.targets.find((t) => t.id === 'overall')!.kind).toBe('overall');
  });
});

describe('small areas, exposure areas and the crime substitute', () => {
  const crime = (vals: number[]) => [2023, 2024, 2025].map((year) => ({ series: 'misdrijven_totaal', year, values: vals }));
  const inw = [40, 150, 1000, 1200, 900, 1100, 1000, 800, 950, 1050, 120];
  const base = [1, 3, 10, 72, 27, 55, 30, 12, 40, 31, 900];
  const t = makeTable({
    columns: [
      { series: 'inwoners', values: inw },
      { series: 'adressendichtheid', values: inw.map(() => 1200) },
      { series: 'bevolkingsdichtheid', values: inw.map((x) => x) },
      { series: 'oppervlakte_land', values: inw.map(() => 50) },
      ...crime(base),
    ],
  });
  const e = new ScoringEngine([t]);
  const r = e.score({ level: 'buurt' });

  it('no score below 50 inwoners, indicatief below 200', () => {
    expect(r.areaFlags[0] & ScoreAreaFlag.noScore).toBeTruthy();
    expect(at(r, 'S4', 0).status).toBe(ScoreStatus.teWeinigInwoners);
    expect(at(r, 'S4', 0).z).toBeNaN();
    expect(r.areaFlags[1] & ScoreAreaFlag.indicatief).toBeTruthy();
    expect(at(r, 'S4', 2).status).toBe(ScoreStatus.score);
    // Area 1 (150 inwoners) is also a visitor area: scored only when asked to rank those.
    expect(at(e.score({ level: 'buurt', rankVisitorAreas: true }), 'S4', 1).status).toBe(ScoreStatus.score);
  });

  it('flags areas with crime far above what residents explain, and few inwoners among many addresses', () => {
    // Area 10: 900 crimes/yr for 120 inwoners = 7,500 per 1,000 ≫ 5 × median (≈ 30).
    expect(r.areaFlags[10] & ScoreAreaFlag.exposure).toBeTruthy();
    expect(e.explain({ level: 'buurt' }, 10).exposureReason).toMatch(/bezoekers/);
    expect(e.explain({ level: 'buurt' }, 10).crimePerHectare).toBeCloseTo(900 / 50, 8);
    // Area 1: 150 inwoners, adressendichtheid 1,200 vs 150 inwoners/km² → niet-woonbuurt.
    expect(r.areaFlags[1] & ScoreAreaFlag.exposure).toBeTruthy();
    expect(r.areaFlags[2] & ScoreAreaFlag.exposure).toBeFalsy();
  });

  it('total crime stands in for the crime families and keeps raw and shrunk rates', () => {
    const ex = e.explain({ level: 'buurt' }, 3);
    const s4 = ex.categories.find((c) => c.id === 'S4')!;
    expect(s4.coverage).toBeCloseTo(1, 6);
    const tot = s4.factors.find((f) => f.id === 'S4.0')!;
    expect(tot.substitutesFor).toEqual(['S4.1', 'S4.2', 'S4.3', 'S4.4', 'S4.5']);
    expect(tot.effectiveWeight).toBe(1);
    expect(tot.indicator!.proxy).toBe(true);
    expect(tot.indicator!.years).toEqual([2023, 2024, 2025]);
    expect(tot.rawValue).toBeCloseTo(60, 6); // 72 / 1200 × 1000
    expect(tot.value).toBeLessThan(60); // shrunk toward the frame mean
    expect(tot.reliability).toBeGreaterThan(0);
    expect(tot.reliability).toBeLessThanOrEqual(1);
    expect(s4.score).toBeCloseTo(tot.z!, 6);
    expect(tot.trend.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    const obj = ex.dials.find((d) => d.id === 'objectief')!;
    expect(obj.basisLabel).toBe('door de politie geregistreerd');
    expect(obj.score).toBeCloseTo(tot.z!, 6);
    expect(ex.dials.find((d) => d.id === 'beleving')!.basisLabel).toBe('indicatie, geen meting');
  });

  it('a crime family with data switches the substitute off (no double counting)', () => {
    const t2 = makeTable({
      columns: [
        { series: 'inwoners', values: inw },
        ...crime(base),
        ...[2023, 2024, 2025].map((year) => ({ series: 'misdrijven_geweld', year, values: base.map((b, i) => (i % 2 ? Math.round(b / 5) : null)) })),
      ],
    });
    const e2 = new ScoringEngine([t2]);
    const r2 = e2.score({ level: 'buurt' });
    expect(at(r2, 'S4', 3).coverage).toBeCloseTo(0.33, 6); // geweld only
    expect(at(r2, 'S4', 3).status).toBe(ScoreStatus.beperkteDekking);
    expect(at(r2, 'S4', 2).coverage).toBeCloseTo(1, 6); // no geweld value → total stands in
  });

  it('pools the last three complete years only', () => {
    const t3 = makeTable({
      columns: [
        { series: 'inwoners', values: [1000, 1000, 1000, 1000, 1000] },
        ...[2022, 2023, 2024].map((year) => ({ series: 'misdrijven_totaal', year, values: [10, 20, 30, 40, 50] })),
        { series: 'misdrijven_totaal', year: 2025, values: [1, 1, 1, 1, 1], period: 'jan–sep 2025' },
      ],
    });
    const ex = new ScoringEngine([t3]).explain({ level: 'buurt' }, 0);
    const tot = ex.categories.find((c) => c.id === 'S4')!.factors.find((f) => f.id === 'S4.0')!;
    expect(tot.indicator!.years).toEqual([2022, 2023, 2024]);
    expect(tot.rawValue).toBeCloseTo(10, 8);
    expect(tot.trend.at(-1)).toMatchObject({ year: 2025, period: 'jan–sep 2025' });
  });
});

describe('reference frames', () => {
  const lights = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16];
  const t = makeTable({
    gemeenteCodes: [...Array(6).fill('GM0001'), ...Array(6).fill('GM0002')],
    columns: [
      { series: 'inwoners', values: lights.map(() => 500) },
      { series: 'verlichting_tekort', values: lights },
      { series: 'stedelijkheid', values: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, null] },
    ],
  });
  const e = new ScoringEngine([t]);
  const zOf = (frame: 'dataset' | 'gemeente' | 'stedelijkheid', i: number) =>
    e.explain({ level: 'buurt', frame }, i).categories.find((c) => c.id === 'F2')!.factors.find((f) => f.id === 'F2.2')!.z!;

  it('gemeente frame compares within the gemeente', () => {
    for (let i = 0; i < 6; i++) expect(zOf('gemeente', i)).toBeCloseTo(zOf('gemeente', i + 6), 6);
    expect(zOf('dataset', 0)).not.toBeCloseTo(zOf('dataset', 6), 2);
    const ref = refZ(lights);
    expect(zOf('dataset', 0)).toBeCloseTo(ref[0], 5);
    expect(zOf('gemeente', 0)).toBeCloseTo(refZ(lights.slice(0, 6))[0], 5);
  });

  it('stedelijkheid frame: areas without a class fall back to the dataset frame with a note', () => {
    const r = e.score({ level: 'buurt', frame: 'stedelijkheid' });
    expect(r.notes.join(' ')).toMatch(/zonder stedelijkheidsklasse/);
    expect(zOf('stedelijkheid', 11)).toBeCloseTo(zOf('dataset', 11), 6);
    expect(e.explain({ level: 'buurt', frame: 'stedelijkheid' }, 11).frameNote).toMatch(/Geen stedelijkheidsklasse/);
    // Class 2 has 5 areas (≥ minimum group size): compared among themselves.
    expect(zOf('stedelijkheid', 6)).toBeCloseTo(refZ(lights.slice(6, 11))[0], 5);
  });

  it('percentiles are computed within the frame group', () => {
    // Add a scored category: S1 from one RIVM share + household size (≥ 60 %).
    const t2 = makeTable({
      gemeenteCodes: [...Array(6).fill('GM0001'), ...Array(6).fill('GM0002')],
      columns: [
        { series: 'inwoners', values: lights.map(() => 500) },
        { series: 'rivm_sociaal_eenzaam', values: lights.map((x) => 20 + x) },
        { series: 'eenpersoonshuishoudens', values: lights.map((x) => 30 + x) },
      ],
    });
    const r = new ScoringEngine([t2]).score({ level: 'buurt', frame: 'gemeente' });
    const top = at(r, 'S1', 5).pct;
    expect(top).toBeCloseTo(at(r, 'S1', 11).pct, 6);
    expect(top).toBeCloseTo((100 * 5.5) / 6, 4); // mid-rank of the highest of 6
    const rd = new ScoringEngine([t2]).score({ level: 'buurt' });
    expect(at(rd, 'S1', 5).pct).toBeLessThan(at(rd, 'S1', 11).pct);
  });
});

describe('higher levels from counts, not from scores', () => {
  it('a wijk rate is Σ crimes / Σ inwoners, not a mean of buurt rates', () => {
    const wijkOf = ['WK01', 'WK01', 'WK01', 'WK02', 'WK02', 'WK02'];
    const inw = [100, 1000, 2000, 500, 500, 3000];
    const years = [2023, 2024, 2025];
    const counts: Record<number, number[]> = { 2023: [50, 20, 40, 10, 30, 60], 2024: [40, 30, 30, 20, 10, 50], 2025: [60, 10, 50, 30, 20, 70] };
    const buurt = makeTable({
      wijkCodes: wijkOf,
      columns: [{ series: 'inwoners', values: inw }, ...years.map((year) => ({ series: 'misdrijven_totaal', year, values: counts[year] }))],
    });
    const wijkCodes = ['WK01', 'WK02', 'WK03'];
    const sum = (v: ArrayLike<number>) => sumToParent(v, buurt.wijkCodes, wijkCodes);
    const inwW = sum(buurt.values[0]);
    const cols = years.map((year, k) => ({ year, agg: sum(buurt.values[k + 1]) }));
    const wijk = makeTable({
      level: 'wijk', codes: wijkCodes,
      columns: [
        { series: 'inwoners', values: Array.from(inwW.values, (x) => (Number.isFinite(x) ? x : null)), reasons: inwW.reasons },
        ...cols.map(({ year, agg }) => ({ series: 'misdrijven_totaal', year, values: Array.from(agg.values, (x) => (Number.isFinite(x) ? x : null)), reasons: agg.reasons })),
      ],
    });
    expect(inwW.reasons[2]).toBe(MissingReason.notJoined);
    const e = new ScoringEngine([buurt, wijk]);
    const ex = e.explain({ level: 'wijk' }, 0);
    const tot = ex.categories.find((c) => c.id === 'S4')!.factors.find((f) => f.id === 'S4.0')!;
    const total = [0, 1, 2].reduce((a, i) => a + counts[2023][i] + counts[2024][i] + counts[2025][i], 0);
    expect(tot.rawValue).toBeCloseTo((total / 3 / 3100) * 1000, 8);
    const meanOfRates = [0, 1, 2].reduce((a, i) => a + ((counts[2023][i] + counts[2024][i] + counts[2025][i]) / 3 / inw[i]) * 1000, 0) / 3;
    expect(Math.abs(tot.rawValue! - meanOfRates)).toBeGreaterThan(10);
  });

  it('marks a parent incomplete when a child lacks the count', () => {
    const agg = sumToParent([1, NaN, 3], ['WK01', 'WK01', 'WK02'], ['WK01', 'WK02']);
    expect(agg.values[0]).toBeNaN();
    expect(agg.reasons[0]).toBe(MissingReason.incomplete);
    expect(agg.values[1]).toBe(3);
  });
});

describe('imports feed factors like shipped series', () => {
  it('setImportedValues fills a witte vlek', () => {
    const t = fixtureA();
    const e = new ScoringEngine([t]);
    const before = e.score({ level: 'buurt' });
    expect(at(before, 'S1', 0).coverage).toBeCloseTo(0.6, 6);
    const values = Object.fromEntries(t.codes.map((c, i) => [c, 5 + i * 0.3]));
    const res = e.setImportedValues({ level: 'buurt', columns: [{ series: 'cohesie_enquete', year: 2025, values }] });
    expect(res.accepted).toEqual(['cohesie_enquete.2025']);
    const after = e.score({ level: 'buurt' });
    expect(at(after, 'S1', 0).coverage).toBeCloseTo(1, 6);
    expect(() => e.setImportedValues({ level: 'buurt', columns: [{ series: 'iets_onbekends', year: 2025, values }] })).toThrow(/onbekende reeks/);
  });
});

describe('derived indicator options', () => {
  it('relative WOZ is the value ÷ the median of its gemeente; distances are averaged', () => {
    const t = makeTable({
      gemeenteCodes: ['GM1', 'GM1', 'GM1', 'GM2', 'GM2'],
      columns: [
        { series: 'inwoners', values: [500, 500, 500, 500, 500] },
        { series: 'woz', values: [200, 300, 400, 500, null] },
        { series: 'afstand_huisarts', values: [1, 2, 3, 4, null] },
        { series: 'afstand_supermarkt', values: [3, 2, 1, 2, 1] },
      ],
    });
    const e = new ScoringEngine([t]);
    const f13 = (i: number) => e.explain({ level: 'buurt' }, i).categories.find((c) => c.id === 'F1')!.factors.find((f) => f.id === 'F1.3')!;
    expect(f13(0).value).toBeCloseTo(200 / 300, 10);
    expect(f13(2).value).toBeCloseTo(400 / 300, 10);
    expect(f13(3).value).toBeCloseTo(1, 10);
    expect(f13(4).value).toBeNull();
    const i26 = (i: number) => e.explain({ level: 'buurt' }, i).categories.find((c) => c.id === 'I2')!.factors.find((f) => f.id === 'I2.6')!;
    expect(i26(0).value).toBe(2);
    expect(i26(4).value).toBeNull();
  });
});

describe('flags and wording in the explanation', () => {
  const n = 20;
  const vals = Array.from({ length: n }, (_, i) => 20 + i);
  const t = makeTable({
    columns: [
      { series: 'inwoners', values: vals.map(() => 800) },
      { series: 'rivm_sociaal_eenzaam', values: vals },
      // Household size runs against S1.2 and is flat except area 0, so S1 for the top S1.1 area stays near its S1.1 z.
      { series: 'huishoudensgrootte', values: vals.map((_, i) => 2.2 + (i % 3) * 0.1) },
      { series: 'cafes_1km', values: vals.map((_, i) => (i === 3 ? 40 : 1 + (i % 4))) },
      { series: 'bedrijven_handel_horeca', values: vals.map(() => 5) },
      { series: 'woningvoorraad', values: vals.map(() => 400) },
    ],
  });
  const e = new ScoringEngine([t]);
  it('flags a factor at or above P90 of the frame', () => {
    const top = e.explain({ level: 'buurt' }, n - 1).categories.find((c) => c.id === 'S1')!;
    const f = top.factors.find((x) => x.id === 'S1.1')!;
    expect(f.percentile).toBeGreaterThanOrEqual(90);
    expect(f.flagged).toBe(true);
    expect(top.flaggedFactors).toContain('S1.1');
    const low = e.explain({ level: 'buurt' }, 0).categories.find((c) => c.id === 'S1')!;
    expect(low.factors.find((x) => x.id === 'S1.1')!.flagged).toBe(false);
  });
  it('words gelegenheid categories as drukte/gelegenheid, never "slecht"', () => {
    const f3 = e.explain({ level: 'buurt' }, 3).categories.find((c) => c.id === 'F3')!;
    expect(f3.categoryType).toBe('gelegenheid');
    expect(f3.classText).toMatch(/drukte\/gelegenheid/);
    const all = JSON.stringify(e.explain({ level: 'buurt' }, 3));
    expect(all).not.toMatch(/slecht/i);
  });
});

describe('explanations prepared ahead (the scoring worker does this after the first scores)', () => {
  it('are identical to explanations made on demand, in every frame', () => {
    const table = randomTable(7, 600, { seriesLimit: 30, gemeenten: 12 });
    for (const frame of ['dataset', 'gemeente', 'stedelijkheid'] as const) {
      const onDemand = new ScoringEngine([table]);
      const prepared = new ScoringEngine([table]);
      prepared.prepareExplanations({ level: table.level, frame });
      for (const i of [0, 17, 301, 599]) {
        expect(prepared.explain({ level: table.level, frame }, i), `${frame} ${i}`).toEqual(onDemand.explain({ level: table.level, frame }, i));
      }
    }
  });
});

const bytesOf = (a: Float32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('re-weighting starts from the previous order of areas (src/model/scoring-percentiles.ts)', () => {
  it('gives exactly the columns of a fresh engine, after small steps, a large jump and a weight of zero', () => {
    const table = randomTable(11, 600, { seriesLimit: 40, gemeenten: 12 });
    const steps: Record<string, number>[] = [
      { 'S1.1': 1.01, 'S4.0': 0.99 }, { 'S1.1': 1.02, 'S4.0': 0.98 }, { 'S1.1': 1.03 },
      { 'S1.1': 40, 'I2.1': 0.01 }, { 'S1.1': 0, 'S4.0': 0 }, {},
    ];
    for (const frame of ['dataset', 'gemeente', 'stedelijkheid'] as const) {
      const stepped = new ScoringEngine([table]);
      stepped.score({ level: 'buurt', frame });
      for (const factors of steps) {
        const req = { level: 'buurt' as const, frame, weights: { factors } };
        const a = stepped.score(req), b = new ScoringEngine([table]).score(req);
        for (const column of ['percentile', 'z', 'status', 'coverage'] as const) {
          // Byte for byte (a deep equal of these columns takes half a minute).
          expect(Buffer.compare(bytesOf(a[column]), bytesOf(b[column])), `${column}, ${frame} ${JSON.stringify(factors)}`).toBe(0);
        }
      }
    }
  });

  it('gives exactly the columns of a fresh engine when all weights scale together, a category weight changes or visitor areas are ranked', () => {
    // Scaling every weight leaves most orders as they were: the percentile pass then keeps its column.
    const table = randomTable(12, 800, { seriesLimit: 45, gemeenten: 15 });
    const factors = new ScoringEngine([table]).model.categories.flatMap((c) => c.factors);
    const scaled = (x: number) => Object.fromEntries(factors.map((f) => [f.id, f.weight * x]));
    const steps: { factors?: Record<string, number>; categories?: Record<string, number> }[] = [
      { factors: scaled(1.01) }, { factors: scaled(1.02) }, { factors: scaled(1.02) }, { factors: scaled(3) },
      { factors: scaled(3), categories: { S4: 2 } }, { factors: scaled(3), categories: { S4: 2 } }, {},
    ];
    for (const frame of ['dataset', 'gemeente'] as const) {
      const stepped = new ScoringEngine([table]);
      stepped.score({ level: 'buurt', frame });
      for (const [k, weights] of steps.entries()) {
        const req = { level: 'buurt' as const, frame, weights, rankVisitorAreas: k === 2 };
        const a = stepped.score(req), b = new ScoringEngine([table]).score(req);
        for (const column of ['percentile', 'z', 'status', 'coverage'] as const) {
          expect(Buffer.compare(bytesOf(a[column]), bytesOf(b[column])), `${column}, ${frame}, stap ${k}`).toBe(0);
        }
      }
    }
  });

  it('keeps the statuses of spheres and the overall score while their categories keep theirs, and gives the columns of a fresh engine', () => {
    const table = randomTable(14, 800, { seriesLimit: 45, gemeenten: 15 });
    const engine = new ScoringEngine([table]);
    const factors = engine.model.categories.flatMap((c) => c.factors);
    // The engine's cache of target columns (private): the test checks which basis a composite reads.
    const basisOf = (id: string) => (engine as unknown as { states: Map<string, LevelState> }).states.get('buurt')!.frames.get('dataset')!.targets.get(id)!.basis;
    engine.score({ level: 'buurt' });
    const before = basisOf('overall');
    const steps: { factors?: Record<string, number>; categories?: Record<string, number> }[] = [
      { factors: Object.fromEntries(factors.map((f, j) => [f.id, f.weight * (1 + 0.3 * Math.sin(j))])) },
      { factors: { 'S1.1': 0.5 }, categories: { S1: 2 } },
      // The same category weights, but every S1 factor 0: S1 is a witte vlek everywhere.
      { factors: Object.fromEntries(engine.model.categories.find((c) => c.id === 'S1')!.factors.map((f) => [f.id, 0])), categories: { S1: 2 } },
    ];
    const reused: boolean[] = [];
    for (const [k, weights] of steps.entries()) {
      const held = basisOf('overall');
      const a = engine.score({ level: 'buurt', weights }), b = new ScoringEngine([table]).score({ level: 'buurt', weights });
      for (const column of ['percentile', 'z', 'status', 'coverage'] as const) {
        expect(Buffer.compare(bytesOf(a[column]), bytesOf(b[column])), `${column}, stap ${k}`).toBe(0);
      }
      reused.push(basisOf('overall') === held);
    }
    // Factor weights alone keep every status; a category weight changes the basis, and so does
    // a member whose statuses change under the same category weights.
    expect(before).toBeTruthy();
    expect(reused).toEqual([true, false, false]);
  });

  it('takes weights from 0 to MAX_WEIGHT, as a link does; any other override leaves the default', () => {
    const table = randomTable(14, 400, { seriesLimit: 45, gemeenten: 10 });
    const engine = new ScoringEngine([table]);
    const bytes = (factors: Record<string, number>, categories: Record<string, number> = {}) =>
      Buffer.from(bytesOf(engine.score({ level: 'buurt', weights: { factors, categories } }).z)).toString('base64');
    const defaults = bytes({});
    for (const w of [MAX_WEIGHT + 0.5, 1e308, -1, Number.NaN, Infinity]) {
      expect(bytes({ 'S1.1': w }), `factor ${w}`).toBe(defaults);
      expect(bytes({}, { S1: w }), `category ${w}`).toBe(defaults);
    }
    expect(bytes({ 'S1.1': MAX_WEIGHT })).not.toBe(defaults);
    expect(bytes({}, { S1: MAX_WEIGHT })).not.toBe(defaults);
  });

  it('gives exactly the columns of a fresh engine when a weight change moves only a few areas', () => {
    // One factor of Sociale cohesie with a value in one area of ten: its weight moves only those
    // areas, so the percentile pass gets the changed areas (fewer than a quarter) to check.
    const table = randomTable(13, 800, { seriesLimit: 45, gemeenten: 15 });
    const source = new ScoringEngine([table]).factorSources('buurt').find((f) => f.factor === 'S1.2' && f.indicator);
    expect(source, 'S1.2 heeft een kolom in de synthetische tabel').toBeTruthy();
    const column = table.values[table.indicators.findIndex((ind) => ind.id === source!.indicator)];
    for (let i = 0; i < column.length; i++) if (i % 10) column[i] = NaN;
    const steps: Record<string, number>[] = [{ 'S1.2': 3 }, { 'S1.2': 3.0000001 }, { 'S1.2': 0.2 }, { 'S1.2': 0.2, 'S1.1': 1.0000001 }];
    const stepped = new ScoringEngine([table]);
    let previous = stepped.score({ level: 'buurt' });
    const n = previous.areaCount, s1 = previous.targets.findIndex((t) => t.id === 'S1');
    for (const [k, factors] of steps.entries()) {
      const req = { level: 'buurt' as const, weights: { factors } };
      const a = stepped.score(req), b = new ScoringEngine([table]).score(req);
      for (const column of ['percentile', 'z', 'status'] as const) {
        expect(Buffer.compare(bytesOf(a[column]), bytesOf(b[column])), `${column}, stap ${k}`).toBe(0);
      }
      if (k === 0) {
        // The case the test is for: S1 kept every status and moved fewer than a quarter of the areas, but moved some.
        const range = (r: typeof a, column: 'z' | 'status') => r[column].subarray(s1 * n, (s1 + 1) * n);
        expect(Buffer.compare(bytesOf(range(a, 'status')), bytesOf(range(previous, 'status')))).toBe(0);
        const za = range(a, 'z'), zp = range(previous, 'z');
        const moved = za.filter((x, i) => !(x === zp[i] || (x !== x && zp[i] !== zp[i]))).length;
        expect(moved).toBeGreaterThan(10);
        expect(moved).toBeLessThan(n / 4);
      }
      previous = a;
    }
  });
});
