import { describe, expect, it } from 'vitest';
import { countedShareText, sumToParent } from '../../src/model/aggregate.ts';
import { coverageStatus } from '../../src/model/coverage-bands.ts';
import { MissingReason } from '../../src/model/missing.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';
import { makeTable } from './helpers/synthetic-table.ts';
import { rowsToCsv, tableColumns, tableRows } from '../../src/ui/score-table.ts';
import { scoresToCsv } from '../../scripts/scores-cli.ts';

describe('sums over the level below report the share of inwoners they rest on', () => {
  // WK01: buurt of 60 inwoners lacks a count (94 % covered); WK02: 55 % covered; WK03: 20 % covered; WK04: complete.
  const parents = ['WK01', 'WK01', 'WK02', 'WK02', 'WK03', 'WK03', 'WK04'];
  const inwoners = [940, 60, 550, 450, 200, 800, 300];
  const counts = [47, NaN, 11, NaN, 4, NaN, 9];
  const agg = sumToParent(counts, parents, ['WK01', 'WK02', 'WK03', 'WK04', 'WK05'], inwoners);

  it('raises a sum to all inwoners when the counted buurten hold enough of them', () => {
    expect(agg.covered[0]).toBeCloseTo(0.94, 12);
    expect(agg.values[0]).toBeCloseTo(47 / 0.94, 9);
    expect(agg.reasons[0]).toBe(0);
    // The rate per inwoner is the counted buurten's rate.
    expect(agg.values[0] / 1000).toBeCloseTo(47 / 940, 12);
  });

  it('keeps a sum in the beperkte-dekking band and drops it below, with the same bands as a category', () => {
    expect(coverageStatus(agg.covered[1])).toBe(ScoreStatus.beperkteDekking);
    expect(agg.values[1]).toBeCloseTo(11 / 0.55, 9);
    expect(coverageStatus(agg.covered[2])).toBe(ScoreStatus.witteVlek);
    expect(agg.values[2]).toBeNaN();
    expect(agg.reasons[2]).toBe(MissingReason.incomplete);
  });

  it('a complete parent is the plain sum; a parent without children is not joined', () => {
    expect(agg.covered[3]).toBe(1);
    expect(agg.values[3]).toBe(9);
    expect(agg.values[4]).toBeNaN();
    expect(agg.covered[4]).toBeNaN();
    expect(agg.reasons[4]).toBe(MissingReason.notJoined);
  });

  it('counts children when none has inwoners', () => {
    const a = sumToParent([3, 5, NaN], ['WK01', 'WK01', 'WK01'], ['WK01'], [0, 0, 0]);
    expect(a.covered[0]).toBeCloseTo(2 / 3, 12);
    expect(a.values[0]).toBeCloseTo(8 / (2 / 3), 9);
  });
});

describe('the engine marks crime summed over too few inwoners as beperkte dekking', () => {
  // Eight hand-made wijken; the crime count of each is a sum with the given covered share (%).
  const covered = [100, 94, 45, 100, 100, 100, 100, 25];
  const inwoners = [1000, 1200, 900, 1500, 800, 1100, 1300, 1000];
  const years = [2023, 2024, 2025];
  const wijk = makeTable({
    level: 'wijk',
    columns: [
      { series: 'inwoners', values: inwoners },
      ...years.map((year) => ({ series: 'misdrijven_totaal', year, values: inwoners.map((p, i) => (p * (40 + 7 * i)) / 1000) })),
      { series: 'misdrijven_inwonersdekking', year: 2025, values: covered },
    ],
  });
  const e = new ScoringEngine([wijk]);
  const r: ScoreResult = e.score({ level: 'wijk' });
  const status = (target: string, i: number) => r.status[r.targets.findIndex((t) => t.id === target) * r.areaCount + i];

  it('scores at 94 %, marks 45 % beperkte dekking, and leaves crime out below 30 %', () => {
    expect(status('objectief', 1)).toBe(ScoreStatus.score);
    expect(status('objectief', 2)).toBe(ScoreStatus.beperkteDekking);
    expect(status('objectief', 3)).toBe(ScoreStatus.score);
    const crime = (i: number) => e.explain({ level: 'wijk' }, i).dials.find((d) => d.id === 'objectief')!.components.find((f) => f.id === 'S4.0')!;
    expect(crime(7).value).toBeNull();
    expect(crime(7).missingReason).toBe(MissingReason.incomplete);
    expect(crime(1).value).not.toBeNull();
  });

  it('reports the share in the score result and the drill-down', () => {
    expect(Array.from(r.crimeCounted!)).toEqual(covered.map((c) => Math.fround(c / 100)));
    const ex = e.explain({ level: 'wijk' }, 1);
    expect(ex.crimeCountedShare).toBeCloseTo(0.94, 6);
    const s40 = ex.categories.find((c) => c.id === 'S4')!.factors.find((f) => f.id === 'S4.0')!;
    expect(s40.countedShare).toBeCloseTo(0.94, 6);
  });

  it('the score table, its CSV and the scores CLI say which share of inwoners the crime figure rests on', () => {
    const rows = tableRows(r, wijk, () => 'Gemeente');
    expect(rows[1].areaNote).toBe('misdrijven uit buurten met 94 % van de inwoners');
    expect(rows[2].areaNote).toBe('misdrijven uit buurten met 45 % van de inwoners, beperkte dekking');
    expect(rows[0].areaNote).toBe('');
    expect(rowsToCsv(rows, tableColumns(r), 'heel Nederland', 'Bron: test')).toContain(`${wijk.codes[1]};${wijk.names[1]};Gemeente;`);
    expect(rowsToCsv(rows, tableColumns(r), 'heel Nederland', 'Bron: test')).toContain('misdrijven uit buurten met 94 % van de inwoners');
    expect(scoresToCsv(r, wijk)).toContain('misdrijven uit buurten met 45 % van de inwoners, beperkte dekking');
    expect(rows[7].areaNote).toBe('misdrijven onbekend: buurten met politiecijfers hebben maar 25 % van de inwoners');
    expect(countedShareText(0)).toBe('misdrijven onbekend: geen buurt met politiecijfers');
    expect(countedShareText(0.996)).toBe('misdrijven uit buurten met 99 % van de inwoners');
    expect(countedShareText(1)).toBe('');
  });

  it('says nothing about a share where the level has its own counts', () => {
    const own = makeTable({ level: 'wijk', columns: wijk.indicators.slice(0, 4).map((m, k) => ({ series: m.series!, year: m.year!, values: Array.from(wijk.values[k]) })) });
    const e2 = new ScoringEngine([own]);
    expect(e2.score({ level: 'wijk' }).crimeCounted).toBeUndefined();
    expect(e2.explain({ level: 'wijk' }, 1).crimeCountedShare).toBeNull();
  });
});
