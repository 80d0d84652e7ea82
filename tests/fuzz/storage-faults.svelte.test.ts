/**
 * Issue #18, storage honesty (store level; the running app is covered in
 * tests/e2e/storage.test.ts): a save is reported only when durable, a
 * malformed record is quarantined instead of hiding the rest, and storage
 * that never answers or is full is said in Dutch.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { quarantinedJson } from '../../src/workspace/workspace-store.svelte.ts';
import { storeHarness } from '../workspace/store-harness.ts';
import { WorkspaceDb } from '../../src/workspace/db.ts';

const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0363', areas: [{ code: 'WK0363AA', name: 'Burgwallen-Oude Zijde' }] };
const { freshDb, storeOn, freshStore, savedWorkspace } = storeHarness('fout');

describe('storage faults', () => {
  it('one malformed record is quarantined (shown, exportable) and the valid workspaces stay reachable', async () => {
    const { db } = await savedWorkspace('Goed', focus);
    const raw = await openDB(db, 1);
    await raw.put('workspaces', { id: 'kapot', revision: 1, workspace: { id: 'kapot', name: 'Kapot', matrix: 'geen lijst', focus: null } });
    await raw.put('workspaces', { id: 'leeg', revision: 1 });
    raw.close();

    const b = await storeOn(db);
    expect(b.workspaces.map((w) => w.name)).toEqual(['Goed']);
    expect(b.saveState).not.toBe('error');
    expect(b.quarantined.map((q) => [q.key, q.name])).toEqual([['kapot', 'Kapot'], ['leeg', 'werkruimte zonder leesbare naam']]);
    expect(b.quarantined[0].errors).toContain('matrix: verwacht een lijst, gevonden "geen lijst"');
    expect(JSON.parse(quarantinedJson(b.quarantined[0]))).toEqual({ id: 'kapot', revision: 1, workspace: { id: 'kapot', name: 'Kapot', matrix: 'geen lijst', focus: null } });
  });

  it('storage that never answers: the app keeps working and says in Dutch that nothing is saved', async () => {
    vi.spyOn(WorkspaceDb, 'open').mockReturnValue(new Promise(() => {}));
    const s = await storeOn(freshDb(), { openTimeoutMs: 50 });
    expect(s.loaded).toBe(true);
    s.create('In het geheugen', focus);
    expect(await s.saveNow()).toBe(false);
    expect(s.saveState).toBe('error');
    expect(s.error).toBe('Uw werk wordt niet bewaard in deze browser: de browseropslag antwoordde niet binnen 0.05 seconden. Sla de werkruimte op als bestand om niets kwijt te raken.');
    expect(s.exportActive()?.text).toContain('In het geheugen');
  });

  it('IndexedDB missing or throwing on open is said the same way', async () => {
    vi.spyOn(WorkspaceDb, 'open').mockRejectedValue(new Error('indexedDB is not defined'));
    const s = await freshStore();
    s.create('X', focus);
    expect(await s.saveNow()).toBe(false);
    expect(s.error).toMatch(/^Uw werk wordt niet bewaard in deze browser: indexedDB is not defined\./);
  });

  it('a full quota is reported, not "bewaard", and what was saved before stays', async () => {
    const { db, store: s } = await savedWorkspace('Eerder bewaard', focus);
    vi.spyOn(WorkspaceDb.prototype, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    s.rename(s.activeId!, 'Nieuwe naam');
    expect(await s.saveNow()).toBe(false);
    expect(s.error).toBe('Uw werk wordt niet bewaard in deze browser: opslaan is mislukt (de opslagruimte van de browser is vol). Sla de werkruimte op als bestand om niets kwijt te raken.');
    vi.restoreAllMocks();
    const again = await storeOn(db);
    expect(again.workspaces.map((w) => w.name)).toEqual(['Eerder bewaard']);
  });
});
