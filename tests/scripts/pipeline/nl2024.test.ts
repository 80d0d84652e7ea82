import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AreaFlag, indicatorIndex, neighboursOf, type LevelTable } from '../../../src/model/dataset-format.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { buildDataset, type BuiltDataset } from '../../../scripts/pipeline/build-dataset.ts';
import { loadNl2024 } from '../../../scripts/pipeline/sources/nl2024.ts';
import { ScoringEngine } from '../../../src/model/scoring-engine.ts';
import { dropCsvRow, fixtureCopy, setCsvCell } from './helpers.ts';

function cell(t: LevelTable, id: string, code: string) {
  const i = indicatorIndex(t, id);
  if (i < 0) throw new Error(`no indicator ${id}`);
  const a = t.codes.indexOf(code);
  if (a < 0) throw new Error(`no area ${code}`);
  return { value: t.values[i][a], reason: t.reasons[i][a] };
}

function csvValue(path: string, key: string, column: string): string {
  const [head, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  const ci = head.split(',').indexOf(column);
  return rows.find((r) => r.startsWith(`${key},`))!.split(',')[ci];
}

describe('nl2024 on the Groningen–Tynaarlo fixture', () => {
  let dir: string;
  let built: BuiltDataset;
  let buurt: LevelTable, wijk: LevelTable, gemeente: LevelTable;

  beforeAll(() => {
    dir = fixtureCopy();
    const wiv = join(dir, 'woonikveilig-2024');
    // Simulated gaps: a buurt without crime rows, a RIVM row missing, a tmap
    // wijk with a changed population, a buurt without geometry.
    for (const y of [2021, 2022, 2023, 2024, 2025]) setCsvCell(join(wiv, 'buurt_2024_kerncijfers_misdrijven.csv'), 'BU00141705', `misdrijven_${y}`, '');
    dropCsvRow(join(dir, 'rivm-gezondheid-50090NED/RIVM_gezondheid2020_18plus.csv'), (l) => l.includes(',BU00140700,'));
    setCsvCell(join(dir, 'tmap-nld-2022/NLD_dist_2022.csv'), 'WK173006', 'population', '99999');
    const geo = JSON.parse(readFileSync(join(wiv, 'buurt_2024_georef_wgs84.geojson'), 'utf8'));
    geo.features = geo.features.filter((f: { properties: { BU_CODE: string } }) => f.properties.BU_CODE !== 'BU00140703');
    writeFileSync(join(wiv, 'buurt_2024_georef_wgs84.geojson'), JSON.stringify(geo));
    built = buildDataset(loadNl2024({ dataDir: dir }));
    ({ buurt, wijk, gemeente } = built.levelTables as Required<typeof built.levelTables>);
  });

  it('keeps every area, sorted by code, with parents and names', () => {
    expect(buurt.codes).toHaveLength(22);
    expect(wijk.codes).toEqual(['WK001407', 'WK001417', 'WK173006', 'WK173008']);
    expect(gemeente.codes).toEqual(['GM0014', 'GM1730']);
    expect([...buurt.codes]).toEqual([...buurt.codes].sort());
    const i = buurt.codes.indexOf('BU17300600');
    expect([buurt.names[i], buurt.wijkCodes[i], buurt.gemeenteCodes[i]]).toEqual(['Paterswolde', 'WK173006', 'GM1730']);
    expect(gemeente.names).toEqual(['Groningen', 'Tynaarlo']);
  });

  it('flags a buurt without geometry and still gives it data', () => {
    const i = buurt.codes.indexOf('BU00140703');
    expect(buurt.flags[i] & AreaFlag.noGeometry).toBeTruthy();
    expect(Number.isNaN(buurt.bbox[4 * i])).toBe(true);
    expect(neighboursOf(buurt, i)).toHaveLength(0);
    expect(cell(buurt, 'misdrijven_totaal.2024', 'BU00140703').reason).toBe(0);
  });

  it('writes WIV kerncijfers with "0 of geheim" for empty cells', () => {
    const path = join(dir, 'woonikveilig-2024/buurt_2024_kerncijfers_misdrijven.csv');
    const raw = csvValue(path, 'BU00141710', 'inwoners');
    expect(raw).toBe('');
    expect(cell(buurt, 'inwoners.2024', 'BU00141710')).toEqual({ value: NaN, reason: MissingReason.zeroOrSuppressed });
    expect(cell(buurt, 'inwoners.2024', 'BU17300600').value).toBe(Number(csvValue(path, 'BU17300600', 'inwoners')));
    // Gemeente figures come from the gemeente record, not from summing buurten.
    expect(cell(gemeente, 'inwoners.2024', 'GM0014').value).toBe(243768);
  });

  it('keeps the gemeente crime total, sums wijken raised to all inwoners with the covered share, and checks buurt counts against the gemeente total', () => {
    expect(cell(buurt, 'misdrijven_totaal.2024', 'BU00141705').reason).toBe(MissingReason.notJoined);
    // BU00141705 lacks rows; the wijk sum rests on the other buurten and is raised to all inwoners of WK001417.
    const members = (w: string) => buurt.codes.filter((c, i) => buurt.wijkCodes[i] === w);
    const inw = (c: string) => cell(buurt, 'inwoners.2024', c).value || 0;
    const w17 = members('WK001417').filter((c) => c !== 'BU00141705');
    const sum17 = w17.reduce((s, c) => s + (cell(buurt, 'misdrijven_totaal.2024', c).value || 0), 0);
    const share17 = w17.reduce((s, c) => s + inw(c), 0) / members('WK001417').reduce((s, c) => s + inw(c), 0);
    expect(share17).toBeLessThan(1);
    expect(cell(wijk, 'misdrijven_totaal.2024', 'WK001417').value).toBeCloseTo(sum17 / share17, 1);
    expect(cell(wijk, 'misdrijven_inwonersdekking.2025', 'WK001417').value).toBeCloseTo(100 * share17, 1);
    expect(cell(wijk, 'misdrijven_inwonersdekking.2025', 'WK173008').value).toBe(100);
    // Gemeente figures are the gemeente's own registered total, not a sum.
    const gPath = join(dir, 'woonikveilig-2024/gemeente_2024_kerncijfers.csv');
    expect(cell(gemeente, 'misdrijven_totaal.2024', 'GM0014').value).toBe(Number(csvValue(gPath, 'GM0014', 'misdrijven_2024')));
    const sum = members('WK173008').reduce((s, c) => s + cell(buurt, 'misdrijven_totaal.2023', c).value, 0);
    expect(cell(wijk, 'misdrijven_totaal.2023', 'WK173008')).toEqual({ value: sum, reason: 0 });
    // The fixture holds a few Groningen buurten only: far below the gemeente total → registratie onvolledig.
    const gBuurten = buurt.codes.filter((c) => c.startsWith('BU0014'));
    const bSum = [2023, 2024, 2025].reduce((s, y) => s + gBuurten.reduce((a, c) => a + (cell(buurt, `misdrijven_totaal.${y}`, c).value || 0), 0), 0);
    const gTotal = [2023, 2024, 2025].reduce((s, y) => s + Number(csvValue(gPath, 'GM0014', `misdrijven_${y}`)), 0);
    expect(cell(buurt, 'misdrijven_dekking.2025', 'BU00141701').value).toBeCloseTo(Math.round((1000 * bSum) / gTotal) / 10, 1);
    expect(cell(buurt, 'misdrijven_dekking.2025', 'BU00141701').value).toBeLessThan(90);
    expect(cell(wijk, 'misdrijven_dekking.2025', 'WK001417').value).toBe(cell(buurt, 'misdrijven_dekking.2025', 'BU00141701').value);
  });

  it('marks a wijk incomplete when buurten with crime rows hold less than 30 % of its inwoners (the coverage bands)', () => {
    const d = fixtureCopy();
    const wiv = join(d, 'woonikveilig-2024');
    const w17 = buurt.codes.filter((c, i) => buurt.wijkCodes[i] === 'WK001417');
    const inw = (c: string) => cell(buurt, 'inwoners.2024', c).value || 0;
    // Blank the largest buurten until those left hold < 30 % of the inwoners.
    const total = w17.reduce((s, c) => s + inw(c), 0);
    let left = total;
    for (const c of [...w17].sort((a, b) => inw(b) - inw(a))) {
      if (left < 0.3 * total) break;
      for (const y of [2021, 2022, 2023, 2024, 2025]) setCsvCell(join(wiv, 'buurt_2024_kerncijfers_misdrijven.csv'), c, `misdrijven_${y}`, '');
      left -= inw(c);
    }
    const b = buildDataset(loadNl2024({ dataDir: d })).levelTables;
    expect(cell(b.wijk!, 'misdrijven_totaal.2024', 'WK001417').reason).toBe(MissingReason.incomplete);
    expect(cell(b.wijk!, 'misdrijven_inwonersdekking.2025', 'WK001417').value).toBeLessThan(30);
  });

  it('joins RIVM on code; a buurt without a row takes its wijk value, flagged; empty estimates stay unknown', () => {
    // BU00140700 lost its RIVM row; BU17300805 is a code from after 2020: both carry their wijk's value, flagged "wijkwaarde" (2).
    for (const code of ['BU00140700', 'BU17300805']) {
      const wijkCode = buurt.wijkCodes[buurt.codes.indexOf(code)];
      expect(cell(buurt, 'rivm_eenzaam.2020', code)).toEqual(cell(wijk, 'rivm_eenzaam.2020', wijkCode));
      expect(cell(buurt, 'rivm_koppeling.2020', code).value).toBe(2);
    }
    expect(cell(buurt, 'rivm_eenzaam.2020', 'BU00140701').reason).toBe(0);
    expect(cell(buurt, 'rivm_koppeling.2020', 'BU00140701').value).toBe(0);
    expect(cell(buurt, 'rivm_eenzaam.2020', 'BU00141706').reason).toBe(MissingReason.unknown); // row without estimate
    const rivm = readFileSync(join(dir, 'rivm-gezondheid-50090NED/RIVM_gezondheid2020_18plus.csv'), 'utf8').split('\n');
    const col = rivm[0].split(',').indexOf('Eenzaam_28');
    const gmRow = rivm.find((l) => l.includes(',GM0014,'))!.split(',');
    expect(cell(gemeente, 'rivm_eenzaam.2020', 'GM0014').value).toBeCloseTo(Number(gmRow[col]), 4);
    const meta = buurt.indicators[indicatorIndex(buurt, 'rivm_eenzaam.2020')];
    expect(meta.indelingYear).toBe(2020);
    expect(indicatorIndex(buurt, 'rivm_stress.2016')).toBe(-1); // empty in every 2016 row
  });

  it('joins a wijk whose code changed on gemeente + normalised name, flags it, and the drill-down says so', () => {
    const d = fixtureCopy();
    const rivmDir = join(d, 'rivm-gezondheid-50090NED');
    for (const f of ['RIVM_gezondheid2020_18plus.csv', 'RIVM_gezondheid2016_18plus.csv', 'RIVM_gezondheid2020_65plus.csv']) {
      const path = join(rivmDir, f);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/WK173006/g, 'WK173099'));
    }
    // tmap 2022 knows the old code's name (RIVM itself has no names).
    const tmap = join(d, 'tmap-nld-2022/NLD_dist_2022.csv');
    const text = readFileSync(tmap, 'utf8');
    const row = text.split('\n').find((l) => l.startsWith('"WK173006"'))!;
    writeFileSync(tmap, text.trimEnd() + '\n' + row.replace('"WK173006","Wijk 06 Paterswolde"', '"WK173099","Paterswolde"') + '\n');
    const tables = buildDataset(loadNl2024({ dataDir: d })).levelTables;
    const w = tables.wijk!;
    const rivmRow = readFileSync(join(rivmDir, 'RIVM_gezondheid2020_18plus.csv'), 'utf8').split('\n');
    const col = rivmRow[0].split(',').indexOf('SociaalEenzaam_31');
    const old = rivmRow.find((l) => l.includes(',WK173099,'))!.split(',');
    expect(cell(w, 'rivm_sociaal_eenzaam.2020', 'WK173006').value).toBeCloseTo(Number(old[col]), 4);
    expect(cell(w, 'rivm_koppeling.2020', 'WK173006').value).toBe(1);
    const e = new ScoringEngine(tables);
    const s11 = e.explain({ level: 'wijk' }, w.codes.indexOf('WK173006')).categories.find((c) => c.id === 'S1')!.factors.find((f) => f.id === 'S1.1')!;
    expect(s11.joinNote).toMatch(/gekoppeld op naam/);
    const plain = e.explain({ level: 'wijk' }, w.codes.indexOf('WK173008')).categories.find((c) => c.id === 'S1')!.factors.find((f) => f.id === 'S1.1')!;
    expect(plain.joinNote).toBeNull();
  });

  it('marks tmap 2022 wijken failing the ±10 % population check as boundaryChanged', () => {
    expect(cell(wijk, 'inkomen_laag.2022', 'WK173006').reason).toBe(MissingReason.boundaryChanged);
    expect(cell(wijk, 'inkomen_laag.2022', 'WK173008').reason).toBe(0);
    expect(cell(buurt, 'inkomen_laag.2022', 'BU17300800').reason).toBe(MissingReason.notPublishedAtLevel);
  });

  it('writes series a level lacks as notPublishedAtLevel, with the same indicator list at every level', () => {
    expect(buurt.indicators.map((m) => m.id)).toEqual(wijk.indicators.map((m) => m.id));
    expect(gemeente.indicators.map((m) => m.id)).toEqual(wijk.indicators.map((m) => m.id));
    expect(cell(buurt, 'woningvoorraad.2024', 'BU17300600').reason).toBe(MissingReason.notPublishedAtLevel);
    expect(cell(wijk, 'goed_ervaren_gezondheid.2024', 'WK173006').reason).toBe(MissingReason.notPublishedAtLevel);
    expect(cell(gemeente, 'goed_ervaren_gezondheid.2024', 'GM1730').reason).toBe(0);
    for (const m of buurt.indicators) expect(m.id).toBe(`${m.series}.${m.year}`);
  });

  it('finds neighbours across the gemeente border at every level', () => {
    const n = (t: LevelTable, a: string) => [...neighboursOf(t, t.codes.indexOf(a))].map((i) => t.codes[i]);
    expect(n(buurt, 'BU00141707')).toContain('BU17300600');
    expect(n(wijk, 'WK001417')).toContain('WK173006');
    expect(n(gemeente, 'GM0014')).toEqual(['GM1730']);
    expect(built.stats.crossGemeentePairs).toBeGreaterThan(3);
  });

  it('gives label points inside the bbox of each area', () => {
    for (const t of [buurt, wijk, gemeente]) {
      t.codes.forEach((code, i) => {
        if (t.flags[i] & AreaFlag.noGeometry) return;
        const [x, y] = [t.labelPoint[2 * i], t.labelPoint[2 * i + 1]];
        expect(x, code).toBeGreaterThanOrEqual(t.bbox[4 * i] - 1e-5);
        expect(x, code).toBeLessThanOrEqual(t.bbox[4 * i + 2] + 1e-5);
        expect(y, code).toBeGreaterThanOrEqual(t.bbox[4 * i + 1] - 1e-5);
        expect(y, code).toBeLessThanOrEqual(t.bbox[4 * i + 3] + 1e-5);
      });
    }
  });

  it('describes the dataset with the required caveats', () => {
    expect(built.entry.caveats.some((c) => c.includes('geometrie bij benadering'))).toBe(true);
    expect(built.entry.caveats.some((c) => c.includes('alle soorten misdrijven samen, inclusief verkeer, fraude en cyber'))).toBe(true);
    expect(built.entry.levels).toEqual(['gemeente', 'wijk', 'buurt']);
  });
});

describe('bad input', () => {
  it('stops with a Dutch message naming file, line and column', () => {
    const dir = fixtureCopy();
    setCsvCell(join(dir, 'woonikveilig-2024/wijk_2024_kerncijfers.csv'), 'WK173008', 'wozWaarde', 'veel');
    expect(() => loadNl2024({ dataDir: dir })).toThrow(/wijk_2024_kerncijfers\.csv, regel \d+, kolom "wozWaarde": verwacht een getal.*"veel"/);
  });

  it('rejects a malformed buurt code', () => {
    const dir = fixtureCopy();
    setCsvCell(join(dir, 'woonikveilig-2024/buurt_2024_kerncijfers_misdrijven.csv'), 'BU17300600', 'BU_CODE', 'BU1730');
    expect(() => loadNl2024({ dataDir: dir })).toThrow(/kolom "BU_CODE": verwacht een buurtcode/);
  });
});
