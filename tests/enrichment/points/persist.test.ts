import { describe, expect, it } from 'vitest';
import { pointsToAreaImports, replacedPointCounts } from '../../../src/enrichment/points/persist.ts';
import { checkAreaImports } from '../../../src/enrichment/area-table/persist.ts';
import { importedValuesFor } from '../../../src/enrichment/area-table/to-worker.ts';
import type { ImportedValues } from '../../../src/model/scoring-types.ts';
import type { AreaImport } from '../../../src/enrichment/area-table/types.ts';

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

describe('saved point counts replaced by a new count', () => {
  const gemeenteOf = (_level: string, code: string) => (code.startsWith('GM') ? code : `GM${code.slice(2, 6)}`);
  const save = (values: Record<string, number>, at: string, datasetId = 'nl2024', series = 'mora_meldingen') =>
    pointsToAreaImports([{ level: 'buurt', columns: [{ series, year: 2025, values, sourceVariable: 'punten geteld per buurt' }] }], { datasetId, fileName: 'meldingen.csv', importedAt: at, id: () => `${at}-${datasetId}-${series}-${Object.keys(values)[0]}` });
  /** As stored and read back after a reload: nothing but the workspace file's fields. */
  const reloaded = (list: AreaImport[]) => checkAreaImports(JSON.parse(JSON.stringify(list)), () => {});
  const table: AreaImport = { ...save({ BU00140001: 3 }, 't')[0], id: 'tabel', fileName: 'meldingen.csv', columns: [{ column: 'meldingen', target: { kind: 'series', series: 'mora_meldingen' }, year: 2025, unit: 'aantal', conversion: 'aantal uit het bestand', values: { BU00140001: 3 } }] };

  it('finds the earlier copies of the same dataset and series in the same gemeente, after a reload, in any workspace', () => {
    const groningen = reloaded([...save({ BU00140001: 12 }, 'ma'), table, ...save({ BU00140001: 1 }, 'ma', 'ander'), ...save({ BU00140001: 1 }, 'ma', 'nl2024', 'hotspots')]);
    const almere = reloaded(save({ BU00340001: 7 }, 'ma'));
    const found = replacedPointCounts([{ id: 'w1', imports: groningen }, { id: 'w2', imports: almere }, { id: 'w3', imports: reloaded(save({ BU00140002: 4 }, 'di')) }], { datasetId: 'nl2024', series: 'mora_meldingen', gemeenteCodes: new Set(['GM0014']) }, gemeenteOf);
    expect(found).toEqual([
      { workspaceId: 'w1', id: 'ma-nl2024-mora_meldingen-BU00140001', fileName: 'meldingen.csv (punten)' },
      { workspaceId: 'w3', id: 'di-nl2024-mora_meldingen-BU00140002', fileName: 'meldingen.csv (punten)' },
    ]);
  });
});
