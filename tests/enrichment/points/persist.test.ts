import { describe, expect, it } from 'vitest';
import { pointsToAreaImports } from '../../../src/enrichment/points/persist.ts';
import { checkAreaImports } from '../../../src/enrichment/area-table/persist.ts';
import { importedValuesFor } from '../../../src/enrichment/area-table/to-worker.ts';
import type { ImportedValues } from '../../../src/model/scoring-types.ts';

const counted: ImportedValues[] = [
  { level: 'buurt', columns: [{ series: 'mora_meldingen', year: 2025, values: { BU00140001: 12, BU00140000: 0 }, unit: 'aantal', sourceVariable: 'punten geteld per buurt', note: 'telling bij benadering aan buurtgrenzen' }] },
  { level: 'gemeente', columns: [{ series: 'mora_meldingen', year: 2025, values: { GM0014: 28 }, unit: 'aantal', sourceVariable: 'punten geteld per gemeente' }] },
  { level: 'wijk', columns: [] },
];

describe('point counts kept as area data imports', () => {
  let n = 0;
  const list = pointsToAreaImports(counted, { datasetId: 'nl2024', fileName: 'meldingen-rd.csv', importedAt: '2026-11-26T03:00:00.000Z', id: () => `id-${++n}` });

  it('makes one import per level with counts, aggregates only', () => {
    expect(list.map((i) => [i.level, i.fileName, i.columns.length])).toEqual([['buurt', 'meldingen-rd.csv (punten)', 1], ['gemeente', 'meldingen-rd.csv (punten)', 1]]);
    expect(list[0].columns[0].conversion).toContain('telling bij benadering aan buurtgrenzen');
  });

  it('passes the workspace file checks and feeds the worker the same values', () => {
    const problems: string[] = [];
    const back = checkAreaImports(JSON.parse(JSON.stringify(list)), (path, message) => problems.push(`${path}: ${message}`));
    expect(problems).toEqual([]);
    const values = importedValuesFor(back, 'nl2024', ['buurt', 'gemeente']);
    expect(values[0].columns[0].values).toEqual({ BU00140001: 12, BU00140000: 0 });
    expect(values[1].columns[0].series).toBe('mora_meldingen');
    expect(values[1].columns[0].source).toMatch(/^gemeente-import: meldingen-rd\.csv \(punten\), /);
  });
});
