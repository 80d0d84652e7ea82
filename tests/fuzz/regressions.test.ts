/**
 * Every case issue #18 listed (found by a generated-input run at commit
 * 9d5e161) as a test: each failed before its fix. Browser-only cases
 * (storage faults in the running app) are in tests/e2e/storage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/workspace/file-format.ts';
import { createWorkspace } from '../../src/workspace/model.ts';
import type { AreaImport } from '../../src/import/types.ts';

const amsterdam = { kind: 'gemeente' as const, gemeenteCode: 'GM0363', areas: [{ code: 'GM0363', name: 'Amsterdam' }] };

describe('issue #18: work lost without a word', () => {
  it('a workspace export holding Amsterdam figures reads back', () => {
    const imp: AreaImport = {
      id: 'imp-a', fileName: 'amsterdam.csv', importedAt: '2026-11-26T10:00:00.000Z', datasetId: 'nl2024', level: 'buurt', keyKind: 'code', gemeenteCode: null, skippedRows: [],
      columns: [{ column: 'meldingen', target: { kind: 'series', series: 'mora_meldingen' }, year: 2024, unit: 'aantal', conversion: 'aantal uit het bestand', values: { BU0363AA01: 12, BU0363AF03: null } }],
    };
    const ws = { ...createWorkspace('Amsterdam', amsterdam, '2026-11-26T09:00:00.000Z'), imports: [imp] };
    const back = parseWorkspaceFile(serializeWorkspace(ws));
    expect(back.ok ? back.workspace.imports : back.errors).toEqual([imp]);
  });
});
