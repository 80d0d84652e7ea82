/**
 * The enrichment contract (src/enrichment/contract.ts) as the three kinds
 * implement it: the same refusal of a large file, in the words each dialog
 * showed before, and every kind's result kept in the workspace file under the
 * field its description names, dropped from files older than that field.
 */
import { describe, expect, it } from 'vitest';
import { readChosenText, refuseTooLarge, tooLargeMessage, type EnrichmentKind } from '../../src/enrichment/contract.ts';
import { EnrichmentError, ImportFileError } from '../../src/enrichment/errors.ts';
import { AREA_TABLE } from '../../src/enrichment/area-table/kind.ts';
import { POINTS } from '../../src/enrichment/points/kind.ts';
import { SURVEY } from '../../src/enrichment/survey/kind.ts';
import { pointsToAreaImports } from '../../src/enrichment/points/persist.ts';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/workspace/file-format.ts';
import { createWorkspace, type Workspace } from '../../src/workspace/model.ts';
import { sampleImport } from './area-table/helpers.ts';

const KINDS = [AREA_TABLE, POINTS, SURVEY];
const MB = 1024 * 1024;

describe('the three enrichment kinds', () => {
  it('have their own id, heading, accepted files and limits', () => {
    expect(new Set(KINDS.map((k) => k.id)).size).toBe(3);
    for (const k of KINDS) {
      expect(k.title).not.toBe('');
      expect(k.accept.split(',')).toContain('.csv');
      expect(k.limitsText).toContain(`${k.maxFileBytes / MB} MB`);
    }
  });

  it('refuse a file past the limit with its name, size and limit, in the words the dialogs used', () => {
    expect(tooLargeMessage(AREA_TABLE, 'swing.xlsx', 26 * MB)).toBe('swing.xlsx: het bestand is 26.0 MB; maximaal 25 MB. Exporteer alleen de kolommen die u nodig hebt.');
    expect(tooLargeMessage(POINTS, 'mora.csv', 51 * MB)).toBe('mora.csv: het bestand is 51.0 MB; maximaal 50 MB. Splits het bestand of laat kolommen weg.');
    expect(tooLargeMessage(SURVEY, 'vm.csv', 10.5 * MB)).toBe('vm.csv: het bestand is 10.5 MB; maximaal 10 MB.');
    for (const k of KINDS) expect(tooLargeMessage(k, 'past.csv', k.maxFileBytes)).toBeNull();
  });

  it('state their limits in the words the dialogs showed', () => {
    expect(POINTS.limitsText).toBe('Maximaal 50 MB en 1.000.000 punten per bestand.');
    expect(SURVEY.limitsText).toBe('Maximaal 10 MB en 100.000 rijen.');
  });

  it('throw one error type a dialog lists without knowing the kind', () => {
    const caught = (() => { try { refuseTooLarge(POINTS, { name: 'groot.geojson', size: POINTS.maxFileBytes + 1 }); } catch (e) { return e; } })();
    expect(caught).toBeInstanceOf(ImportFileError);
    expect(caught).toBeInstanceOf(EnrichmentError);
    expect((caught as EnrichmentError).problems).toEqual([tooLargeMessage(POINTS, 'groot.geojson', POINTS.maxFileBytes + 1)]);
  });

  it('never read the bytes of a file that is too large', async () => {
    let read = false;
    const file = { name: 'groot.csv', size: SURVEY.maxFileBytes + 1, arrayBuffer: async () => { read = true; return new ArrayBuffer(0); } } as unknown as File;
    await expect(readChosenText(SURVEY, file)).rejects.toThrow(/^groot\.csv: het bestand is 10\.0 MB; maximaal 10 MB\.$/);
    expect(read).toBe(false);
  });

  it('read a chosen Windows-1252 file as text, and refuse an empty one in Dutch', async () => {
    const text = await readChosenText(POINTS, new File([new Uint8Array([0x58, 0x2d, 0x63, 0x6f, 0xf6, 0x72, 0x64, 0x3b, 0x79, 0x0a])], 'oud.csv'));
    expect(text).toBe('X-coörd;y\n');
    await expect(readChosenText(AREA_TABLE, new File([], 'leeg.csv'))).rejects.toThrow('leeg.csv: het bestand is leeg (0 bytes).');
  });
});

describe('every kind persists in the workspace file under the field it names', () => {
  const focus = { kind: 'gemeente' as const, gemeenteCode: 'GM0014', areas: [{ code: 'GM0014', name: 'Groningen' }] };
  const pointImports = pointsToAreaImports(
    [{ level: 'buurt', columns: [{ series: 'mora_meldingen', year: 2025, values: { BU00140001: 12, BU00140000: 0 }, unit: 'aantal', sourceVariable: 'punten geteld per buurt' }] }],
    { datasetId: 'nl2024', fileName: 'meldingen-rd.csv', importedAt: '2026-11-26T03:00:00.000Z', id: () => 'punten-1' },
  );
  const survey = {
    datasetId: 'nl2024',
    survey: { fileName: 'vm-2023.csv', importedAt: '2026-11-26T10:00:00.000Z', measure: 'voelt zich weleens onveilig in de buurt', figures: [{ level: 'gemeente' as const, code: 'GM0014', name: 'Groningen', percent: 31.5, margin: 1.2, n: 2500, year: 2023 }] },
  };
  const SAMPLES: [EnrichmentKind, unknown[]][] = [[AREA_TABLE, [sampleImport()]], [POINTS, pointImports], [SURVEY, [survey]]];

  it.each(SAMPLES.map(([kind, stored]) => [kind.id, kind, stored] as const))('%s: read back identical, and not from a file older than its field', (_id, kind, stored) => {
    const field = kind.workspace.field;
    const ws = { ...createWorkspace('Groningen', focus, '2026-11-26T09:00:00.000Z'), [field]: stored } as Workspace;
    const text = serializeWorkspace(ws, '2026-11-26T11:00:00.000Z');
    const back = parseWorkspaceFile(text);
    expect(back.ok && back.workspace[field]).toEqual(stored);

    const older = { ...JSON.parse(text), version: kind.workspace.sinceVersion - 1 };
    const oldBack = parseWorkspaceFile(JSON.stringify(older));
    expect(oldBack.ok && oldBack.workspace[field]).toEqual([]);
  });
});
