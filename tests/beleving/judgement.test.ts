import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_FORMAT, FILE_VERSION, parseWorkspaceFile, serializeWorkspace, toFileObject } from '../../src/workspace/file-format.ts';
import { WorkspaceStore } from '../../src/workspace/workspace-store.svelte.ts';
import { sampleWorkspace } from '../workspace/fixtures.ts';
import { judgedClass, judgementText } from '../../src/beleving/judgement.ts';

const stores: WorkspaceStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.dispose();
});

const judgement = { areaCode: 'WK001401', categoryId: 'S3' as const, value: 1 as const, reason: 'Veel meldingen bij het winkelcentrum die niet in de registratie staan', authorRole: 'wijkagent', date: '2026-11-20' };

describe('kernteam-oordeel: file format', () => {
  it('round-trips through the workspace file (version 3)', () => {
    const ws = sampleWorkspace();
    ws.judgements = [judgement];
    const o = toFileObject(ws, '2026-11-26T00:00:00.000Z');
    expect(o.version).toBe(FILE_VERSION);
    expect(FILE_VERSION).toBeGreaterThanOrEqual(3);
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.workspace.judgements).toEqual([judgement]);
  });

  it('migrates a version 2 file: no judgements yet', () => {
    const o = toFileObject(sampleWorkspace(), '2026-11-26T00:00:00.000Z');
    delete o.judgements;
    o.version = 2;
    const r = parseWorkspaceFile(JSON.stringify(o));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(2);
    expect(r.workspace.judgements).toEqual([]);
    // A version 2 file cannot carry judgements: a stray key is dropped, not trusted.
    const stray = parseWorkspaceFile(JSON.stringify({ ...o, judgements: [judgement] }));
    expect(stray.ok && stray.workspace.judgements).toEqual([]);
  });

  it('explains invalid judgements by path, and never lets unknown keys through', () => {
    const o = toFileObject(sampleWorkspace(), '2026-11-26T00:00:00.000Z');
    o.judgements = [
      { ...judgement, value: 3 },
      { ...judgement, areaCode: 'BU00140103', categoryId: 'Z9', reason: '', date: '20-11-2026' },
      { ...judgement, value: 1.5 },
    ];
    const r = parseWorkspaceFile(JSON.stringify(o));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'judgements[0].value: verwacht een geheel getal van -2 tot en met 2, gevonden het getal 3',
      'judgements[1].categoryId: onbekende categorie "Z9"',
      'judgements[1].date: verwacht een bestaande datum als "2026-03-01", gevonden "20-11-2026"',
      'judgements[1].reason: is leeg',
      'judgements[2]: dubbel oordeel voor WK001401 / S3',
      'judgements[2].value: verwacht een geheel getal van -2 tot en met 2, gevonden het getal 1.5',
    ]);
    const ok = { ...o, judgements: [{ ...judgement, __proto__: { evil: true }, extra: 'x' }] };
    const r2 = parseWorkspaceFile(JSON.stringify(ok).replace('"extra"', '"__proto__":{"evil":1},"extra"'));
    expect(r2.ok).toBe(true);
    if (r2.ok) expect(Object.keys(r2.workspace.judgements[0]).sort()).toEqual(['areaCode', 'authorRole', 'categoryId', 'date', 'reason', 'value']);
  });

  it('is refused by format name like every workspace file', () => {
    expect(parseWorkspaceFile(JSON.stringify({ format: 'x', version: 3 })).ok).toBe(false);
    expect(FILE_FORMAT).toBe('wijkveiligheidskompas-workspace');
  });
});

describe('kernteam-oordeel: store', () => {
  it('persists a judgement, replaces it per area and category, and removes it', async () => {
    const db = `oordeel-${Math.random()}`;
    const a = new WorkspaceStore({ dbName: db, autosaveMs: 5 });
    stores.push(a);
    await a.init();
    a.create('Centrum', { kind: 'wijk', gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] });
    const { areaCode, categoryId, ...rest } = judgement;
    a.setJudgement(areaCode, categoryId, rest);
    a.setJudgement(areaCode, categoryId, { ...rest, value: 2 });
    a.setJudgement(areaCode, 'F1', { ...rest, value: -1, reason: 'Schoon na de aanpak', date: '2026-11-21' });
    await a.flush();

    const b = new WorkspaceStore({ dbName: db, autosaveMs: 5 });
    stores.push(b);
    await b.init();
    expect(b.findJudgement('WK001401', 'S3')?.judgement).toEqual({ ...judgement, value: 2 });
    expect([...b.judgementsFor('F1').keys()]).toEqual(['WK001401']);
    expect(b.findJudgement('WK001401', 'S1')).toBeNull();
    b.setJudgement('WK001401', 'S3', null);
    expect(b.findJudgement('WK001401', 'S3')).toBeNull();
    expect(b.active!.judgements).toHaveLength(1);
  });
});

describe('kernteam-oordeel on the map and in words', () => {
  it('shifts the class by the judgement, within the scale; no class stays no class', () => {
    expect(judgedClass(3, 1)).toBe(4);
    expect(judgedClass(5, 2)).toBe(5);
    expect(judgedClass(0, -2)).toBe(0);
    expect(judgedClass(-1, 2)).toBe(-1);
  });
  it('says it is the kernteam, not the data', () => {
    expect(judgementText(2)).toBe('+2: veel kwetsbaarder dan de data laten zien');
    expect(judgementText(0)).toBe('0: herkent het beeld uit de data');
    expect(judgementText(-1)).toBe('−1: minder kwetsbaar dan de data laten zien');
  });
});
