import { describe, expect, it } from 'vitest';
import { areaFigures, coverage, importedColumn, rate, MIN_INWONERS_RATE } from '../../../src/enrichment/points/rates.ts';
import type { LevelTable } from '../../../src/model/dataset-format.ts';

function table(): LevelTable {
  const meta = (id: string, series: string, year: number) => ({ id, series, label: id, unit: '', kind: 'count' as const, year, indelingYear: 2024, publisher: 'CBS', source: '', sourceVariable: '', licence: '' });
  return {
    datasetId: 't', level: 'buurt', indelingYear: 2024,
    codes: ['BU1', 'BU2', 'BU3'], names: ['Een', 'Twee', 'Drie'], gemeenteCodes: ['GM1', 'GM1', 'GM1'], wijkCodes: ['WK1', 'WK1', 'WK1'],
    flags: new Uint8Array(3), bbox: new Float32Array(12), labelPoint: new Float32Array(6),
    neighbourOffsets: new Uint32Array(4), neighbourIndices: new Uint32Array(0), neighbourMethod: '',
    indicators: [meta('inwoners.2023', 'inwoners', 2023), meta('inwoners.2024', 'inwoners', 2024), meta('oppervlakte_land.2024', 'oppervlakte_land', 2024)],
    values: [Float32Array.from([1, 1, 1]), Float32Array.from([2000, 40, NaN]), Float32Array.from([50, 200, 0])],
    reasons: [new Uint8Array(3), new Uint8Array(3), new Uint8Array(3)],
  };
}

describe('rates from counts', () => {
  it('per 1.000 inwoners (newest year) and per km² land, NaN without a usable denominator', () => {
    const f = areaFigures(table(), ['BU1', 'BU2', 'BU3', 'BU9'], [10, 4, 7, 1]);
    expect(f.per1000[0]).toBe(5);
    // 40 inwoners is below the minimum: no rate.
    expect(Number.isNaN(f.per1000[1])).toBe(true);
    expect(Number.isNaN(f.per1000[2])).toBe(true);
    expect(f.perKm2[0]).toBe(20); // 10 points on 50 ha = 0,5 km²
    expect(f.perKm2[1]).toBe(2);
    expect(Number.isNaN(f.perKm2[2])).toBe(true); // no land
    expect(Number.isNaN(f.per1000[3])).toBe(true); // unknown code
  });

  it('rate() at the edge of the minimum', () => {
    expect(rate(1, MIN_INWONERS_RATE, 'per1000')).toBe(20);
    expect(Number.isNaN(rate(1, MIN_INWONERS_RATE - 1, 'per1000'))).toBe(true);
  });

  it('builds an imported column with source, unit and the approximation note', () => {
    const f = areaFigures(table(), ['BU1', 'BU2', 'BU3'], [10, 4, 0]);
    const imp = importedColumn('buurt', f, { series: 'mora_meldingen', year: 2025, measure: 'count', label: 'Meldingen', fileName: 'meldingen.csv', date: '2026-01-02', approximate: true });
    expect(imp.level).toBe('buurt');
    const col = imp.columns[0];
    expect(col.values).toEqual({ BU1: 10, BU2: 4, BU3: 0 });
    expect(col.source).toBe('gemeente-import (punten): meldingen.csv, 2026-01-02');
    expect(col.unit).toBe('aantal');
    expect(col.note).toMatch(/telling bij benadering aan buurtgrenzen/);
    const perKm2 = importedColumn('buurt', f, { series: 'hotspots', year: 2025, measure: 'perKm2', label: 'H', fileName: 'h.csv', date: '2026-01-02', approximate: false });
    expect(perKm2.columns[0].values).toEqual({ BU1: 20, BU2: 2, BU3: null });
    expect(perKm2.columns[0].note).toBeUndefined();
  });
});

describe('coverage of a point file', () => {
  it('gives values only to areas in gemeenten with at least one point', () => {
    const t = table();
    t.gemeenteCodes = ['GM1', 'GM1', 'GM2'];
    const f = areaFigures(t, ['BU1', 'BU2', 'BU3'], [3, 0, 0]);
    const { covered } = coverage(f.codes, f.counts, (code) => t.gemeenteCodes[t.codes.indexOf(code)]);
    expect([...covered]).toEqual(['GM1']);
    const imp = importedColumn('buurt', f, { series: 'mora_meldingen', year: 2025, measure: 'count', label: 'M', fileName: 'm.csv', date: '2026-01-02', approximate: false, covers: (c) => covered.has(t.gemeenteCodes[t.codes.indexOf(c)]) });
    // BU2 has no points but lies in a covered gemeente: a real 0. BU3 is outside the file: no value.
    expect(imp.columns[0].values).toEqual({ BU1: 3, BU2: 0 });
  });

  it('a few stray points do not make a gemeente covered: no zeros there, and it is named as stray', () => {
    // 400 meldingen in GM1 and 2 across the border in GM2 (0.5 %, under 20): GM2 keeps no value.
    const codes = ['BU1', 'BU2', 'BU3'];
    const gemeenteOf = (code: string) => ({ BU1: 'GM1', BU2: 'GM1', BU3: 'GM2' })[code]!;
    const r = coverage(codes, [400, 0, 2], gemeenteOf);
    expect([...r.covered]).toEqual(['GM1']);
    expect([...r.stray]).toEqual([['GM2', 2]]);
  });

  it('a gemeente counts as covered with 20 points, or with 5 % of the points in small files', () => {
    const gemeenteOf = (code: string) => code.slice(0, 3);
    // 20 of 10.020 points (0.2 %) is still a gemeente the file covers.
    expect([...coverage(['GM1a', 'GM2a'], [10_000, 20], gemeenteOf).covered].sort()).toEqual(['GM1', 'GM2']);
    // In a file of 30 points, 3 (10 %) is; 1 (3 %) is not.
    const small = coverage(['GM1a', 'GM2a', 'GM3a'], [26, 3, 1], gemeenteOf);
    expect([...small.covered].sort()).toEqual(['GM1', 'GM2']);
    expect([...small.stray]).toEqual([['GM3', 1]]);
  });
});
