/**
 * Issue #18, storage honesty (store level; the running app is covered in
 * tests/e2e/storage.test.ts): a save is reported only when durable, a
 * malformed record is quarantined instead of hiding the rest, and storage
 * that never answers or is full is said in Dutch.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { storedRecordJson } from '../../src/workspace/workspace-store.svelte.ts';
import { parseWorkspaceFile } from '../../src/workspace/file-format.ts';
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
    expect(JSON.parse(storedRecordJson(b.quarantined[0]))).toEqual({ id: 'kapot', revision: 1, workspace: { id: 'kapot', name: 'Kapot', matrix: 'geen lijst', focus: null } });
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
    expect(s.error).toBe('Uw werk wordt niet bewaard in deze browser: opslaan is mislukt voor ‘Nieuwe naam’ (de opslagruimte van de browser is vol). Sla de werkruimte op als bestand om niets kwijt te raken.');
    vi.restoreAllMocks();
    const again = await storeOn(db);
    expect(again.workspaces.map((w) => w.name)).toEqual(['Eerder bewaard']);
  });

  it('the export of a quarantined record imports again, as a new workspace that saves without a false conflict', async () => {
    const { db, store: a } = await savedWorkspace('Kapotte revisie', focus);
    const id = a.activeId!;
    // The workspace itself is fine, its record is not (a revision that is no number).
    const raw = await openDB(db, 1);
    const rec = await raw.get('workspaces', id);
    await raw.put('workspaces', { ...rec, revision: 'x' });
    raw.close();

    const b = await storeOn(db);
    expect(b.workspaces).toEqual([]);
    expect(b.quarantined.map((q) => q.key)).toEqual([id]);
    const file = parseWorkspaceFile(storedRecordJson(b.quarantined[0]));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const imported = b.importWorkspace(file.workspace, { kind: 'new' });
    // The id belongs to the quarantined record: taken, so the import gets its own.
    expect(imported.id).not.toBe(id);
    expect(imported.name).toBe('Kapotte revisie (geïmporteerd)');
    expect(await b.saveNow()).toBe(true);
    expect(b.conflict).toBeNull();
    const c = await storeOn(db);
    expect(c.workspaces.map((w) => w.name)).toEqual(['Kapotte revisie (geïmporteerd)']);
    expect(c.quarantined.map((q) => q.key)).toEqual([id]); // nothing deleted
  });

  it('one workspace that cannot be written does not stop the others, and the message names it', async () => {
    const { db, store: s } = await savedWorkspace('Kapot', focus);
    const broken = s.activeId!;
    const other = s.create('Heel', focus);
    expect(await s.saveNow()).toBe(true);
    const put = WorkspaceDb.prototype.put;
    vi.spyOn(WorkspaceDb.prototype, 'put').mockImplementation(function (this: WorkspaceDb, ws, basedOn) {
      return ws.id === broken ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : put.call(this, ws, basedOn);
    });
    // The broken one is edited first, so it is first in line to be saved.
    s.rename(broken, 'Kapot bewerkt');
    s.rename(other.id, 'Heel bewerkt');
    expect(await s.saveNow()).toBe(false);
    expect(s.saveState).toBe('error');
    expect(s.error).toBe('Uw werk wordt niet bewaard in deze browser: opslaan is mislukt voor ‘Kapot bewerkt’ (de opslagruimte van de browser is vol). Sla de werkruimte op als bestand om niets kwijt te raken.');
    expect(s.hasUnsavedChanges).toBe(true);
    vi.restoreAllMocks();
    const again = await storeOn(db);
    expect(again.workspaces.map((w) => w.name)).toEqual(['Heel bewerkt', 'Kapot']);
  });

  it('a delete the storage refuses keeps the workspace and says so in Dutch, naming it, without claiming unsaved work', async () => {
    const { db, store: s } = await savedWorkspace('Blijft staan', focus);
    vi.spyOn(WorkspaceDb.prototype, 'delete').mockRejectedValue(new Error('de database is gesloten'));
    expect(await s.remove(s.activeId!)).toBe('‘Blijft staan’ kon niet uit de browseropslag worden verwijderd (de database is gesloten). De werkruimte staat er nog; probeer het later opnieuw.');
    expect(s.workspaces.map((w) => w.name)).toEqual(['Blijft staan']);
    // Nothing is unsaved: no "Uw werk wordt niet bewaard", no prompt when the page is left.
    expect(s.saveState).toBe('saved');
    expect(s.error).toBeNull();
    const leaving = { preventDefault: vi.fn(), returnValue: undefined as unknown };
    s.onBeforeUnload(leaving);
    expect(leaving.preventDefault).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect((await storeOn(db)).workspaces.map((w) => w.name)).toEqual(['Blijft staan']);
  });

  it('keeping my version after the other tab deleted it: a write the storage refuses is said, and the choice stays open', async () => {
    const { db, store: a } = await savedWorkspace('Gedeeld', focus);
    const id = a.activeId!;
    const b = await storeOn(db);
    a.rename(id, 'Mijn wijziging');
    await b.remove(id);
    await a.flush();
    expect(a.conflict?.theirs).toBeNull();
    vi.spyOn(WorkspaceDb.prototype, 'forcePut').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await a.resolveConflict('keepMine');
    expect(a.conflict?.workspaceId).toBe(id);
    expect(a.saveState).toBe('error');
    expect(a.error).toBe('Uw werk wordt niet bewaard in deze browser: uw keuze voor ‘Mijn wijziging’ kon niet worden opgeslagen (de opslagruimte van de browser is vol). Sla de werkruimte op als bestand om niets kwijt te raken.');
  });

  it('a damaged record under the id of an open workspace is not merged into it: the save stops and says why', async () => {
    const { db, store: a } = await savedWorkspace('Open', focus);
    const id = a.activeId!;
    const raw = await openDB(db, 1);
    await raw.put('workspaces', { id, revision: 7, workspace: { id, name: 'Kapot', matrix: 'geen lijst' } });
    raw.close();
    a.rename(id, 'Mijn werk');
    expect(await a.saveNow()).toBe(false);
    expect(a.conflict).toBeNull();
    expect(a.byId(id)!.name).toBe('Mijn werk');
    expect(a.byId(id)!.matrix).toEqual([]);
    expect(a.error).toBe('Uw werk wordt niet bewaard in deze browser: opslaan is mislukt voor ‘Mijn werk’ (een ander tabblad heeft een beschadigde versie van deze werkruimte opgeslagen; die wordt niet overschreven). Sla de werkruimte op als bestand om niets kwijt te raken.');
  });
});
