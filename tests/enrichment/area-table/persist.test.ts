import { describe, expect, it } from 'vitest';
import { parseWorkspaceFile, serializeWorkspace, FILE_VERSION } from '../../../src/workspace/file-format.ts';
import { createWorkspace } from '../../../src/workspace/model.ts';
import { sampleImport } from './helpers.ts';
import type { AreaImport } from '../../../src/enrichment/area-table/types.ts';

const focus = { kind: 'gemeente' as const, gemeenteCode: 'GM0014', areas: [{ code: 'GM0014', name: 'Groningen' }] };


describe('imports in the workspace file', () => {
  it('travel in the export and read back identical (since version 4)', () => {
    const ws = { ...createWorkspace('Groningen', focus, '2026-11-26T09:00:00.000Z'), imports: [sampleImport()] };
    const text = serializeWorkspace(ws, '2026-11-26T11:00:00.000Z');
    expect(JSON.parse(text).version).toBe(FILE_VERSION);
    expect(FILE_VERSION).toBeGreaterThanOrEqual(4);
    const back = parseWorkspaceFile(text);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.workspace.imports).toEqual([sampleImport()]);
      expect(back.migratedFrom).toBeNull();
    }
  });

  it('a version 3 file migrates with no imports, even when it carries an imports key', () => {
    const ws = createWorkspace('Oud', focus, '2026-11-26T09:00:00.000Z');
    const obj = JSON.parse(serializeWorkspace(ws));
    obj.version = 3;
    obj.imports = [{ hostile: true }];
    const back = parseWorkspaceFile(JSON.stringify(obj));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.workspace.imports).toEqual([]);
      expect(back.migratedFrom).toBe(3);
    }
  });

  it('refuses broken imports with the path named, and drops unknown keys', () => {
    const bad = sampleImport() as unknown as Record<string, unknown>;
    const cols = bad.columns as Record<string, unknown>[];
    cols[0] = { ...cols[0], target: { kind: 'series', series: 'Bestaat niet!' } };
    cols[1] = { ...cols[1], values: { BU00140000: 'veel', WK001400: 3 } };
    const ws = { ...createWorkspace('X', focus), imports: [bad as unknown as AreaImport] };
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([
      'imports[0].columns[0].target.series: ongeldige reeks "Bestaat niet!"',
      'imports[0].columns[1].values.BU00140000: verwacht een getal of null',
      'imports[0].columns[1].values.WK001400: geen buurtcode',
    ]);
    const extra = { ...sampleImport(), __proto__x: 1, secret: 'BSN 123456789' } as unknown as AreaImport;
    const ok = parseWorkspaceFile(serializeWorkspace({ ...createWorkspace('Y', focus), imports: [extra] }));
    expect(ok.ok && Object.keys(ok.workspace.imports[0]).sort()).toEqual(['columns', 'datasetId', 'fileName', 'gemeenteCode', 'id', 'importedAt', 'keyKind', 'level', 'skippedRows']);
  });
});
