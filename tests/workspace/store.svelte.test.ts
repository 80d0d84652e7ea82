import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { areaWithin, storedRecordJson, workAtRisk, type WorkspaceStore } from '../../src/workspace/workspace-store.svelte.ts';
import { storeHarness, waitFor } from './store-harness.ts';
import { interventionById } from '../../src/workspace/interventions.ts';
import { parseWorkspaceFile } from '../../src/workspace/file-format.ts';
import { WorkspaceDb } from '../../src/workspace/db.ts';
import { workspaceContent } from '../../src/workspace/model.ts';

const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] };
const { freshDb, storeOn, freshStore, storedWithOverlongNote } = storeHarness('t');

/** Tab A made a workspace (with what `fill` adds) and saved it; tab B opened the same database and shows it. */
async function twoTabs(fill: (a: WorkspaceStore) => void = () => {}) {
  const db = freshDb();
  const a = await storeOn(db);
  const ws = a.create('Centrum', focus);
  fill(a);
  await a.flush();
  const b = await storeOn(db);
  b.select(ws.id);
  return { a, b, ws, db };
}

/** twoTabs with one matrix row in the workspace. */
async function twoTabsWithRow() {
  const tabs = await twoTabs((a) => void a.addIntervention(interventionById('openbare-verlichting')!));
  return { ...tabs, row: tabs.a.active!.matrix[0] };
}

describe('WorkspaceStore', () => {
  it('persists edits and restores them in a new instance (reload)', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    a.create('Centrum', focus);
    const row = a.addIntervention(interventionById('openbare-verlichting')!)!;
    a.updateRow(row.id, { status: 'obstakel', obstacle: 'Geen budget', notes: '<script>alert(1)</script>' });
    a.planRow(row.id, '2026-04');
    a.setLocalKnowledge('WK001401', 'F2', { recognises: 'ja', examples: 'Donker pad achter school' });
    a.togglePriority('F2');
    a.setTafel('WK001401', 'inrichting', { state: 'speelt sterk', source: 'Schouw', date: '2026-02-01' });
    await a.flush();
    expect(a.saveState).toBe('saved');

    const b = await storeOn(db);
    expect(b.workspaces).toHaveLength(1);
    const ws = b.workspaces[0];
    expect(ws.matrix[0]).toMatchObject({ status: 'obstakel', obstacle: 'Geen budget', notes: '<script>alert(1)</script>' });
    expect(ws.timeline[0]).toMatchObject({ rowId: ws.matrix[0].id, start: '2026-04', end: '2026-09' });
    expect(ws.priorities).toEqual(['F2']);
    expect(b.findLocalKnowledge('WK001401', 'F2')?.entry.recognises).toBe('ja');
    // A buurt in the wijk sees the wijk's local knowledge.
    expect(b.findLocalKnowledge('BU00140103', 'F2')?.entry.examples).toBe('Donker pad achter school');
    expect(b.findLocalKnowledge('BU00140103', 'S1')).toBeNull();
  });

  it('detects a conflict between two tabs instead of overwriting', async () => {
    const { a, b, db } = await twoTabs();

    // Both edit the same workspace; B saves first.
    a.edit((w) => void (w.name = 'Versie A'));
    b.edit((w) => void (w.name = 'Versie B'));
    await b.flush();
    await a.flush();
    await waitFor(() => a.saveState === 'conflict');
    expect(a.conflict?.theirs?.name).toBe('Versie B');
    const c = await storeOn(db);
    expect(c.workspaces[0].name).toBe('Versie B'); // A did not overwrite silently

    await a.resolveConflict('keepMine');
    expect(a.saveState).toBe('saved');
    await waitFor(() => b.workspaces[0]?.name === 'Versie A'); // B had nothing pending: it follows
    const d = await storeOn(db);
    expect(d.workspaces[0].name).toBe('Versie A');
  });

  it('offers the other version on reload and can keep mine as a copy', async () => {
    const { a, b, ws, db } = await twoTabs();
    b.edit((w) => void (w.name = 'Van B'), ws.id);
    a.edit((w) => void (w.name = 'Van A'));
    await b.flush();
    // A learns about B's save through the channel, or at the latest when saving.
    await a.flush();
    await waitFor(() => a.conflict !== null);
    await a.resolveConflict('copy');
    expect(a.workspaces.map((w) => w.name).sort()).toEqual(['Van A (mijn versie)', 'Van B']);
    await a.flush();
    const c = await storeOn(db);
    expect(c.workspaces.map((w) => w.name).sort()).toEqual(['Van A (mijn versie)', 'Van B']);

    b.edit((w) => void (w.name = 'Weer B'), ws.id);
    a.edit((w) => void (w.name = 'Weer A'), ws.id);
    await b.flush();
    await a.flush();
    await waitFor(() => a.conflict !== null);
    await a.resolveConflict('reload');
    expect(a.byId(ws.id)?.name).toBe('Weer B');
  });

  it('merges edits to different fields from two tabs and tells the other tab what changed', async () => {
    const { a, b, ws, row, db } = await twoTabsWithRow();

    // Both have unsaved work in different fields; B saves first.
    a.setLocalKnowledge('WK001401', 'F2', { notes: 'Hangplek bij de school' });
    b.updateRow(row.id, { status: 'lopend' });
    await b.flush();
    await a.flush();
    // The merge is saved (a message from B may schedule one more save).
    await waitFor(() => a.saveState === 'saved');
    expect(a.conflict).toBeNull();
    expect(a.byId(ws.id)!.matrix[0].status).toBe('lopend');
    expect(a.notice?.fields).toEqual([expect.stringMatching(/^Interventiematrix › .* › status$/)]);
    await waitFor(() => b.byId(ws.id)!.localKnowledge[0]?.notes === 'Hangplek bij de school');
    expect(b.byId(ws.id)!.matrix[0].status).toBe('lopend');
    expect(b.notice?.fields).toEqual(['Lokale kennis › WK001401 F2']);
    const c = await storeOn(db);
    expect(c.byId(ws.id)!.matrix[0].status).toBe('lopend');
    expect(c.byId(ws.id)!.localKnowledge[0].notes).toBe('Hangplek bij de school');
  });

  it('asks about a field both tabs changed, with both values, and keeps the choice per field', async () => {
    const { a, b, ws, row } = await twoTabsWithRow();

    b.updateRow(row.id, { notes: 'Notitie van B', obstacle: 'Geen budget' });
    a.updateRow(row.id, { notes: 'Notitie van A' });
    await b.flush();
    await a.flush();
    await waitFor(() => a.saveState === 'conflict');
    expect(a.conflict!.fields.map((f) => [f.mine, f.theirs])).toEqual([['Notitie van A', 'Notitie van B']]);
    // Nothing changed on A's screen while it is asked.
    expect(a.byId(ws.id)!.matrix[0].notes).toBe('Notitie van A');
    expect(a.byId(ws.id)!.matrix[0].obstacle).toBe('');
    await a.resolveFields({ [a.conflict!.fields[0].key]: 'mine' });
    await waitFor(() => a.saveState === 'saved');
    expect(a.byId(ws.id)!.matrix[0]).toMatchObject({ notes: 'Notitie van A', obstacle: 'Geen budget' });
    await waitFor(() => b.byId(ws.id)!.matrix[0].notes === 'Notitie van A');
    expect(b.byId(ws.id)!.matrix[0].obstacle).toBe('Geen budget');
  });

  it('exports, clears and imports to an identical workspace', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    a.create('Centrum', focus);
    const row = a.addIntervention(interventionById('buurtbemiddeling')!)!;
    a.planRow(row.id, '2026-01');
    const exported = a.exportActive(new Date('2026-02-02T10:00:00Z'))!;
    expect(a.active?.savedToFileAt).toBeNull(); // only once the file was written
    a.markSavedToFile(a.activeId!, exported.savedAt);
    expect(a.active?.savedToFileAt).toBe('2026-02-02T10:00:00.000Z');
    const before = structuredClone($state.snapshot(a.active!));
    await a.remove(a.activeId!);
    expect(a.workspaces).toHaveLength(0);
    const parsed = parseWorkspaceFile(exported.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const imported = a.importWorkspace(parsed.workspace, { kind: 'new' });
    expect($state.snapshot(imported)).toEqual(before);
    await a.flush();

    // Importing the same file again keeps the current one and adds a copy.
    const again = a.importWorkspace(parsed.workspace, { kind: 'new' });
    expect(again.id).not.toBe(imported.id);
    expect(a.workspaces).toHaveLength(2);
    expect(workspaceContent($state.snapshot(again))).toEqual({ ...workspaceContent(before), name: 'Centrum (geïmporteerd)' });

    // Replacing keeps the id of the replaced workspace.
    a.edit((w) => void (w.matrix = []), imported.id);
    a.importWorkspace(parsed.workspace, { kind: 'replace', targetId: imported.id });
    expect(a.byId(imported.id)?.matrix).toHaveLength(1);
  });

  it('removes timeline items and dependencies with their matrix row', async () => {
    const a = await freshStore();
    a.create('Centrum', focus);
    const r1 = a.addIntervention(interventionById('halt')!)!;
    const r2 = a.addIntervention(interventionById('mentoring')!)!;
    const t1 = a.planRow(r1.id)!;
    const t2 = a.planRow(r2.id)!;
    a.updateTimelineItem(t2.id, { dependsOn: [t1.id] });
    a.removeRow(r1.id);
    expect(a.active!.timeline.map((t) => t.id)).toEqual([t2.id]);
    expect(a.active!.timeline[0].dependsOn).toEqual([]);
  });
});

describe('areaWithin', () => {
  it('nests buurten in wijken and gemeenten by code', () => {
    expect(areaWithin('BU00140103', 'WK001401')).toBe(true);
    expect(areaWithin('BU00140203', 'WK001401')).toBe(false);
    expect(areaWithin('WK001401', 'GM0014')).toBe(true);
    expect(areaWithin('WK001401', 'WK001401')).toBe(true);
    // Amsterdam's alphanumeric codes (indeling 2023+) nest the same way.
    expect(areaWithin('BU0363AA01', 'WK0363AA')).toBe(true);
    expect(areaWithin('BU0363AA01', 'GM0363')).toBe(true);
    expect(areaWithin('BU0363AB01', 'WK0363AA')).toBe(false);
    expect(areaWithin('GM0014', 'WK001401')).toBe(false);
    expect(areaWithin('GM00140', 'GM0014')).toBe(false);
  });
});

describe('status history and dataset (file version 6)', () => {
  it('records every status change with its date and note, keeps it across reload and in the exported file', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    a.currentDataset = { ref: { id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 }, hasArea: () => true };
    a.create('Centrum', focus);
    const row = a.addIntervention(interventionById('openbare-verlichting')!)!;
    a.updateRow(row.id, { status: 'lopend', notes: 'geen statuswijziging' });
    a.updateRow(row.id, { status: 'lopend' });
    // A day later: a change of its own, not a correction of the one before.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 24 * 3600_000 });
    try {
      a.setStatus(row.id, 'obstakel', 'Netbeheerder levert pas in de herfst');
    } finally {
      vi.useRealTimers();
    }
    a.setStatusNote(row.id, 1, 'Gestart in overleg met de wijkagent');
    await a.flush();

    const b = await storeOn(db);
    const ws = b.workspaces[0];
    expect(ws.dataset).toEqual({ id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 });
    expect(ws.matrix[0].statusHistory.map((e) => [e.status, e.note])).toEqual([
      ['kansrijk', ''],
      ['lopend', 'Gestart in overleg met de wijkagent'],
      ['obstakel', 'Netbeheerder levert pas in de herfst'],
    ]);
    expect(ws.matrix[0].statusHistory.every((e) => e.date !== null && !Number.isNaN(Date.parse(e.date)))).toBe(true);
    const file = parseWorkspaceFile(b.exportActive()!.text);
    expect(file.ok && file.workspace.matrix[0].statusHistory).toEqual(ws.matrix[0].statusHistory);
  });

  it('a status picked right after adding a row is a change of its own: the status it was added with stays', async () => {
    const a = await freshStore();
    a.create('Centrum', focus);
    const row = a.addIntervention(interventionById('openbare-verlichting')!)!;
    a.updateRow(row.id, { status: 'lopend' });
    a.updateRow(row.id, { status: 'obstakel' });
    expect(a.active!.matrix[0].statusHistory.map((e) => e.status)).toEqual(['kansrijk', 'obstakel']);
    a.updateRow(row.id, { status: 'kansrijk' });
    expect(a.active!.matrix[0].statusHistory.map((e) => e.status)).toEqual(['kansrijk']);
  });

  it('an export of a workspace that does not know its dataset records the one on screen', async () => {
    const a = await freshStore();
    a.create('Centrum', focus);
    expect(a.active!.dataset).toBeNull();
    a.currentDataset = { ref: { id: 'groningen2017', title: 'Groningen 2017', indelingYear: 2017 }, hasArea: () => true };
    const file = parseWorkspaceFile(a.exportActive()!.text);
    expect(file.ok && file.workspace.dataset).toEqual({ id: 'groningen2017', title: 'Groningen 2017', indelingYear: 2017 });
  });
});

describe('edits never make a workspace the next load refuses (finding: quarantined after normal edits)', () => {
  it('an emptied name and labels and an over-long note survive a reload, nothing quarantined, and export as a file that imports', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    a.create('Centrum', focus);
    const row = a.addIntervention(interventionById('openbare-verlichting')!)!;
    a.updateRow(row.id, { name: '' });
    // Planning copies the (empty) name into the timeline label.
    const item = a.planRow(row.id, '2026-04')!;
    a.updateTimelineItem(item.id, { milestones: [{ id: 'm1', label: '', month: '2026-06' }] });
    const long = 'Donker pad achter de school. '.repeat(1000); // 29 000 tekens, pasted into a textarea
    a.updateRow(row.id, { notes: long });
    a.setLocalKnowledge('WK001401', 'F2', { examples: long });
    await a.flush();
    expect(a.saveState).toBe('saved');

    const b = await storeOn(db);
    expect(b.quarantined).toEqual([]);
    const ws = b.workspaces[0];
    expect(ws.matrix[0].name).toBe('');
    expect(ws.timeline[0]).toMatchObject({ rowId: ws.matrix[0].id, label: '', milestones: [{ id: 'm1', label: '' }] });
    // Text over the limit of 20 000 characters is clipped on edit, the rest of the work is kept.
    expect(ws.matrix[0].notes).toBe(long.slice(0, 20_000));
    expect(ws.localKnowledge[0].examples).toBe(long.slice(0, 20_000));

    const file = parseWorkspaceFile(b.exportActive()!.text);
    expect(file.ok && workspaceContent(file.workspace)).toEqual(workspaceContent($state.snapshot(ws) as typeof ws));
  });

  it('a suffix added on import or "mijn versie" keeps a long workspace name within its limit', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    const ws = a.create('W'.repeat(200), focus);
    await a.flush();
    const copy = a.importWorkspace($state.snapshot(ws) as typeof ws, { kind: 'new' });
    expect(copy.name).toMatch(/ \(geïmporteerd\)$/);
    await a.flush();
    const b = await storeOn(db);
    expect(b.quarantined).toEqual([]);
    expect(b.workspaces).toHaveLength(2);
  });

  it('a record an older version stored with an over-long text loads clipped, and the store says what was clipped and where', async () => {
    const { db, id } = await storedWithOverlongNote('openbare-verlichting', focus);
    const b = await storeOn(db);
    expect(b.quarantined).toEqual([]);
    expect(b.workspaces[0].matrix[0].notes).toBe('x'.repeat(20_000));
    expect(b.repaired.map((r) => [r.key, r.name, r.changes])).toEqual([
      [id, 'Centrum', ['Interventiematrix › ‘Openbare verlichting verbeteren’ › notities: ingekort van 25.000 tot 20.000 tekens']],
    ]);
    // The next autosave writes the shortened text: the notice keeps the record as it was, for "Exporteren als JSON".
    b.updateRow(b.workspaces[0].matrix[0].id, { obstacle: 'Geen budget' });
    await b.flush();
    const original = JSON.parse(storedRecordJson(b.repaired[0]));
    expect(original.workspace.matrix[0].notes).toBe('x'.repeat(25_000));
    expect(parseWorkspaceFile(JSON.stringify(original)).ok).toBe(true);
  });

  it('a judgement set by code is clipped to the limits of the form, and the reload takes it in', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    a.create('Centrum', focus);
    a.setJudgement('WK001401', 'F2', { value: 1, reason: 'r'.repeat(3000), authorRole: 'wijkagent '.repeat(20), date: '2026-03-01' });
    await a.flush();
    const b = await storeOn(db);
    expect(b.quarantined).toEqual([]);
    const j = b.workspaces[0].judgements[0];
    expect([j.reason.length, j.authorRole.length]).toEqual([2000, 100]);
  });
});

describe('warning before the page is left with unsaved work', () => {
  it('asks while edits cannot be stored, a conflict is open or saving failed, and not otherwise', () => {
    expect(workAtRisk({ unsavedCount: 0, saveState: 'saved', workspaceCount: 2, stored: true })).toBe(false);
    // Waiting for the autosave: written on the way out, no prompt.
    expect(workAtRisk({ unsavedCount: 1, saveState: 'dirty', workspaceCount: 1, stored: true })).toBe(false);
    expect(workAtRisk({ unsavedCount: 1, saveState: 'dirty', workspaceCount: 1, stored: false })).toBe(true);
    expect(workAtRisk({ unsavedCount: 0, saveState: 'conflict', workspaceCount: 1, stored: true })).toBe(true);
    expect(workAtRisk({ unsavedCount: 0, saveState: 'error', workspaceCount: 1, stored: true })).toBe(true);
    // Storage unavailable but nothing made yet: nothing to lose.
    expect(workAtRisk({ unsavedCount: 0, saveState: 'error', workspaceCount: 0, stored: false })).toBe(false);
    expect(workAtRisk({ unsavedCount: 0, saveState: 'idle', workspaceCount: 0, stored: true })).toBe(false);
  });

  it('the store writes a waiting edit on the way out without a prompt, and prompts while saving has failed', async () => {
    const a = await freshStore();
    a.create('Centrum', focus);
    expect(a.hasUnsavedChanges).toBe(true);
    const leaving = { preventDefault: vi.fn(), returnValue: undefined as unknown };
    a.onBeforeUnload(leaving);
    expect(leaving.preventDefault).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(a.hasUnsavedChanges).toBe(false));
    vi.spyOn(WorkspaceDb.prototype, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    a.rename(a.activeId!, 'Centrum-Oost');
    expect(await a.saveNow()).toBe(false);
    const failed = { preventDefault: vi.fn(), returnValue: undefined as unknown };
    a.onBeforeUnload(failed);
    expect(failed.preventDefault).toHaveBeenCalled();
    expect(failed.returnValue).toBeTruthy();
  });
});
