import { describe, expect, it } from 'vitest';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { factorsForYearView, tableAsOfYear } from '../../src/model/year-view.ts';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { makeTable } from './helpers/synthetic-table.ts';
import { areaCountChange, noComparisonReason, tableCountChange } from '../../src/model/table-change.ts';
import { ChangeClass } from '../../src/model/count-change.ts';

// Eight buurten of 1,000 inwoners. Crime 2021 rises from area 0 to 7; crime
// 2023 falls from area 0 to 7: the ranking flips between the two years.
const n = 8;
const rising = Array.from({ length: n }, (_, i) => 20 + 10 * i);
const falling = [...rising].reverse();
const table = () => makeTable({
  columns: [
    { series: 'inwoners', values: Array(n).fill(1000) },
    { series: 'misdrijven_totaal', year: 2021, values: rising },
    { series: 'misdrijven_totaal', year: 2022, values: rising },
    { series: 'misdrijven_totaal', year: 2023, values: falling },
    { series: 'rivm_eenzaam', year: 2016, values: [30, 31, 32, 33, 34, 35, 36, 37] },
    { series: 'rivm_eenzaam', year: 2020, values: [37, 36, 35, 34, 33, 32, 31, 30] },
  ],
});
const pctOf = (e: ScoringEngine, year: number | null, target: string) => {
  const r = e.score({ level: 'buurt', year });
  const k = r.targets.findIndex((t) => t.id === target);
  return Array.from(r.percentile.subarray(k * r.areaCount, (k + 1) * r.areaCount));
};

describe('tableAsOfYear', () => {
  it('drops later years of multi-year series and keeps single-year series', () => {
    const t = tableAsOfYear(table(), 2021);
    expect(t.indicators.map((m) => m.id)).toEqual(['inwoners.2024', 'misdrijven_totaal.2021', 'rivm_eenzaam.2016', 'rivm_eenzaam.2020']);
    expect(tableAsOfYear(table(), 2019).indicators.map((m) => m.id)).toEqual(['inwoners.2024', 'rivm_eenzaam.2016']);
    expect(tableAsOfYear(table(), 2030).indicators.length).toBe(6);
  });
  it('a year view counts one year of a rate', () => {
    const s40 = factorsForYearView(KOMPAS_MODEL.categories.flatMap((c) => c.factors)).find((f) => f.id === 'S4.0')!;
    expect(s40.options.every((o) => o.kind !== 'rate' || o.years === 1)).toBe(true);
  });
});

describe('ScoringEngine year view', () => {
  it('lists the years and indeling of a target, and the count series to compare', () => {
    const r = new ScoringEngine([table()]).score({ level: 'buurt' });
    const s4 = r.targets.find((t) => t.id === 'S4')!;
    expect(s4.years).toEqual([2021, 2022, 2023].map((year) => ({ year, indelingYears: [2024] })));
    expect(s4.countSeries).toEqual([{ series: 'misdrijven_totaal', label: 'Geregistreerde misdrijven, alle soorten samen', years: [2021, 2022, 2023] }]);
    // A category without time series has no year control.
    expect(r.targets.find((t) => t.id === 'F1')!.years).toBeUndefined();
  });
  it('the map of 2021 ranks areas by 2021 crime, the map of 2023 by 2023 crime', () => {
    const e = new ScoringEngine([table()]);
    const y2021 = pctOf(e, 2021, 'S4');
    const y2023 = pctOf(e, 2023, 'S4');
    expect(y2021[7]).toBeGreaterThan(y2021[0]);
    expect(y2023[0]).toBeGreaterThan(y2023[7]);
    // The default view pools 2021–2023, which is neither year's ranking.
    const def = pctOf(e, null, 'S4');
    expect(def).not.toEqual(y2023);
  });
  it('a year before a survey series started leaves that series out (RIVM 2016 for 2019, 2020 from 2020 on)', () => {
    const e = new ScoringEngine([table()]);
    const explainedIn = (year: number) => e.explain({ level: 'buurt', year }, 0).categories.flatMap((c) => c.factors).find((f) => f.indicator?.id.startsWith('rivm_eenzaam'))?.indicator?.year ?? null;
    expect(explainedIn(2021)).toBe(2020);
    expect(explainedIn(2019)).toBe(2016);
  });
});

describe('tableCountChange', () => {
  it('classes every area from its two counts, marks incomplete registration and counts per class', () => {
    const t = makeTable({
      columns: [
        { series: 'inwoners', values: [1000, 1000, 1000, 1000] },
        { series: 'misdrijven_totaal', year: 2021, values: [1, 2, 1000, 50] },
        { series: 'misdrijven_totaal', year: 2025, values: [9, 5, 880, null] },
        { series: 'misdrijven_dekking', values: [100, 100, 100, 100] },
      ],
    });
    const c = tableCountChange(t, 'misdrijven_totaal', 2021, 2025)!;
    expect(Array.from(c.classes)).toEqual([ChangeClass.strongRise, ChangeClass.none, ChangeClass.fall, -1]);
    expect(c.counts).toEqual({ byClass: [0, 1, 1, 0, 1], none: 1 });
    expect(c.exposureA).toBeNull(); // inwoners of one year only: equal exposure
    expect(c.noun).toBe('geregistreerde misdrijven');
    expect(areaCountChange(c, 1)!.why).toBe('klein');
    expect(tableCountChange(t, 'misdrijven_totaal', 2021, 2023)).toBeNull();
    const partial = makeTable({ columns: [...t.indicators.map((m, k) => ({ series: m.series!, year: m.year, values: Array.from(t.values[k]) })).slice(0, 3), { series: 'misdrijven_dekking', values: [100, 80, 100, 100] }] });
    const p = tableCountChange(partial, 'misdrijven_totaal', 2021, 2025)!;
    expect(p.classes[1]).toBe(-1);
    expect(noComparisonReason(p, 1)).toMatch(/registratie onvolledig/);
  });
});

describe('imported series with years', () => {
  it('give their category a year control, and a year view reads that year', () => {
    const t = table();
    const e = new ScoringEngine([t]);
    const values = (xs: number[]) => Object.fromEntries(t.codes.map((c, i) => [c, xs[i]]));
    e.setImportedValues({
      level: 'buurt',
      columns: [
        { series: 'leegstand', year: 2022, values: values([1, 2, 3, 4, 5, 6, 7, 8]) },
        { series: 'leegstand', year: 2024, values: values([8, 7, 6, 5, 4, 3, 2, 1]) },
      ],
    });
    const f1 = e.score({ level: 'buurt' }).targets.find((x) => x.id === 'F1')!;
    expect(f1.years?.map((y) => y.year)).toEqual([2022, 2024]);
    // Imports are not counts: no change view for them (no honest chance margin).
    expect(f1.countSeries).toBeUndefined();
    const leegstand = (year: number | null) => e.explain({ level: 'buurt', year }, 0).categories.find((c) => c.id === 'F1')!.factors.find((f) => f.id === 'F1.2')!;
    expect(leegstand(2022).value).toBe(1);
    expect(leegstand(2023).value).toBe(1);
    expect(leegstand(null).value).toBe(8);
  });
});
