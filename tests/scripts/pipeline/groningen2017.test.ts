import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorIndex, type LevelTable } from '../../../src/model/dataset-format.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { buildDataset, type BuiltDataset } from '../../../scripts/pipeline/build-dataset.ts';
import { loadGroningen2017 } from '../../../scripts/pipeline/sources/groningen2017.ts';
import { fixtureCopy } from './helpers.ts';

// The original Groningen zips are small (143 KB) and live in data/; the RIVM
// rows of gemeente Groningen come from the cut fixture.
describe('groningen2017 from the original shapefile zips', () => {
  let built: BuiltDataset;
  let buurt: LevelTable, wijk: LevelTable;
  beforeAll(async () => {
    const dir = fixtureCopy();
    cpSync(join(import.meta.dirname, '../../../data/groningen-2017'), join(dir, 'groningen-2017'), { recursive: true });
    built = buildDataset(await loadGroningen2017({ dataDir: dir }));
    ({ buurt, wijk } = built.levelTables as Required<typeof built.levelTables>);
  });
  const cell = (t: LevelTable, id: string, code: string) => {
    const i = indicatorIndex(t, id);
    expect(i, id).toBeGreaterThanOrEqual(0);
    const a = t.codes.indexOf(code);
    return { value: t.values[i][a], reason: t.reasons[i][a] };
  };

  it('has the 108 buurten and 15 wijken at two levels', () => {
    expect(buurt.codes).toHaveLength(108);
    expect(wijk.codes).toHaveLength(15);
    expect(built.entry.levels).toEqual(['wijk', 'buurt']);
    expect(built.levelTables.gemeente).toBeUndefined();
    expect(buurt.codes.every((c) => /^BU0014\d{4}$/.test(c))).toBe(true);
  });

  it('turns the -99999999 sentinel into a missing reason, never a number', () => {
    const i = indicatorIndex(buurt, 'aandeel_65plus.2017');
    const missing = [...buurt.reasons[i]].filter((r) => r === MissingReason.unknown).length;
    expect(missing).toBeGreaterThan(0);
    for (const values of buurt.values) for (const v of values) expect(v === -99999999 || v === -99999997).toBe(false);
  });

  it('writes the bicycle thefts with 2017 marked as January–September', () => {
    const ids = buurt.indicators.filter((m) => m.series === 'fietsdiefstal').map((m) => m.id);
    expect(ids).toEqual(['fietsdiefstal.2013', 'fietsdiefstal.2014', 'fietsdiefstal.2015', 'fietsdiefstal.2016', 'fietsdiefstal.2017']);
    const m2017 = buurt.indicators[indicatorIndex(buurt, 'fietsdiefstal.2017')];
    expect(m2017.period).toMatch(/jan.*sep/);
    expect(m2017.note).toMatch(/september/);
    expect(cell(buurt, 'fietsdiefstal.2016', 'BU00140001').value).toBe(681); // Binnenstad-Zuid
    const total = (id: string) => [...buurt.values[indicatorIndex(buurt, id)]].reduce((s, v) => s + v, 0);
    expect(total('fietsdiefstal.2013')).toBe(3753);
    const wijkTotal = [...wijk.values[indicatorIndex(wijk, 'fietsdiefstal.2013')]].reduce((s, v) => s + v, 0);
    expect(wijkTotal).toBe(3753);
  });

  it('joins RIVM 2020 on buurt and wijk code and writes no herkomst columns', () => {
    expect(cell(buurt, 'rivm_eenzaam.2020', 'BU00140000').reason).toBe(0);
    expect(cell(wijk, 'rivm_eenzaam.2020', 'WK001400').reason).toBe(0);
    for (const m of buurt.indicators) expect(m.sourceVariable).not.toMatch(/^P_(WEST_AL|N_W_AL|MAROKKO|ANT_ARU|SURINAM|TURKIJE|OVER_NW)/);
  });

  it('uses the official wijk geometry and finds neighbours', () => {
    expect(built.stats.noGeometry).toEqual({ wijk: 0, buurt: 0 });
    expect(built.stats.neighbourPairs.buurt).toBeGreaterThan(200);
  });
});
