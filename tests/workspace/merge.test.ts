import { describe, expect, it } from 'vitest';
import { changedFields, describeValue, mergeWorkspaces, resolveConflicts } from '../../src/workspace/merge.ts';
import { changeStatus, createWorkspace, type MatrixRow, type TimelineItem, type Workspace } from '../../src/workspace/model.ts';
import { parseStoredWorkspace } from '../../src/workspace/file-format.ts';
import { removeRow } from '../../src/workspace/workspace-edits.ts';

const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] };

function row(id: string, name: string, notes = ''): MatrixRow {
  return {
    id, interventionId: null, name, categories: ['F2'], factors: [], lead: ['gemeente'], partners: [], origin: 'nieuw',
    status: 'kansrijk', obstacle: '', actions: [], notes,
  } as unknown as MatrixRow;
}

function item(id: string, rowId: string | null, label: string): TimelineItem {
  return { id, rowId, label, start: '2026-03', end: '2026-08', order: 0, milestones: [], dependsOn: [] };
}

function base(): Workspace {
  const ws = createWorkspace('Centrum', focus, '2026-01-01T10:00:00.000Z');
  ws.matrix = [row('r1', 'Buurtpreventie'), row('r2', 'Verlichting')];
  ws.localKnowledge = [{ areaCode: 'WK001401', categoryId: 'F2', recognises: null, examples: '', notes: '', updatedAt: '2026-01-01T10:00:00.000Z' } as Workspace['localKnowledge'][number]];
  return ws;
}
const copy = (w: Workspace) => structuredClone(w);

describe('three-way merge of a workspace', () => {
  it('keeps edits to different fields from both tabs, without asking', () => {
    const b = base();
    const mine = copy(b), theirs = copy(b);
    mine.localKnowledge[0].notes = 'Hangplek bij de school';
    mine.updatedAt = '2026-01-01T10:05:00.000Z';
    theirs.matrix[0].status = 'lopend';
    theirs.name = 'Centrum-Oost';
    theirs.updatedAt = '2026-01-01T10:04:00.000Z';
    const r = mergeWorkspaces(b, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.localKnowledge[0].notes).toBe('Hangplek bij de school');
    expect(r.merged.matrix[0].status).toBe('lopend');
    expect(r.merged.name).toBe('Centrum-Oost');
    expect(r.merged.updatedAt).toBe('2026-01-01T10:05:00.000Z');
    expect(r.fromTheirs).toEqual(['naam', 'Interventiematrix › ‘Buurtpreventie’ › status']);
  });

  it('asks once when both tabs change a row\'s status, and the history follows the chosen status', () => {
    const b = base();
    b.matrix[0].statusHistory = [{ status: 'kansrijk', date: '2026-01-01', note: '' }];
    const mine = copy(b), theirs = copy(b);
    mine.matrix[0].status = 'lopend';
    mine.matrix[0].statusHistory.push({ status: 'lopend', date: '2026-01-02', note: 'gestart' });
    theirs.matrix[0].status = 'obstakel';
    theirs.matrix[0].statusHistory.push({ status: 'obstakel', date: '2026-01-02', note: '' });
    const r = mergeWorkspaces(b, mine, theirs);
    expect(r.conflicts.map((c) => c.label)).toEqual(['Interventiematrix › ‘Buurtpreventie’ › status']);
    const kept = resolveConflicts(r.merged, r.conflicts, { [r.conflicts[0].key]: 'mine' });
    expect(kept.matrix[0].status).toBe('lopend');
    expect(kept.matrix[0].statusHistory.map((h) => h.status)).toEqual(['kansrijk', 'lopend']);
    const taken = resolveConflicts(r.merged, r.conflicts, { [r.conflicts[0].key]: 'theirs' });
    expect(taken.matrix[0].statusHistory.map((h) => h.status)).toEqual(['kansrijk', 'obstakel']);
  });

  it('a status put right in one tab within the correction window arrives in the other as one change', () => {
    const b = base();
    b.matrix[0].statusHistory = [{ status: 'kansrijk', date: '2026-01-01T10:00:00.000Z', note: '' }];
    changeStatus(b.matrix[0], 'gepland', '2026-01-02T10:00:00.000Z');
    const mine = copy(b), theirs = copy(b);
    changeStatus(theirs.matrix[0], 'afgerond', '2026-01-02T10:00:20.000Z');
    changeStatus(theirs.matrix[0], 'obstakel', '2026-01-02T10:00:40.000Z');
    const r = mergeWorkspaces(b, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.fromTheirs).toEqual(['Interventiematrix › ‘Buurtpreventie’ › status']);
    expect(r.merged.matrix[0].statusHistory.map((h) => h.status)).toEqual(['kansrijk', 'obstakel']);

    // Both tabs put the same change right differently: asked once, the history follows the chosen status.
    changeStatus(mine.matrix[0], 'lopend', '2026-01-02T10:00:30.000Z');
    const both = mergeWorkspaces(b, mine, theirs);
    expect(both.conflicts.map((c) => c.label)).toEqual(['Interventiematrix › ‘Buurtpreventie’ › status']);
    const kept = resolveConflicts(both.merged, both.conflicts, { [both.conflicts[0].key]: 'mine' });
    expect(kept.matrix[0].statusHistory.map((h) => h.status)).toEqual(['kansrijk', 'lopend']);
  });

  it('keeps rows both tabs added and a removal on one side', () => {
    const b = base();
    const mine = copy(b), theirs = copy(b);
    mine.matrix.push(row('r3', 'Schouw'));
    theirs.matrix.push(row('r4', 'Jongerenwerk'));
    theirs.matrix = theirs.matrix.filter((x) => x.id !== 'r2');
    const r = mergeWorkspaces(b, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.matrix.map((x) => x.id)).toEqual(['r1', 'r4', 'r3']);
  });

  it('asks when both tabs changed the same field, with both values, and applies the choice per field', () => {
    const b = base();
    const mine = copy(b), theirs = copy(b);
    mine.matrix[1].notes = 'Mijn notitie';
    theirs.matrix[1].notes = 'Hun notitie';
    mine.name = 'Mijn naam';
    theirs.name = 'Hun naam';
    mine.matrix[0].obstacle = 'Geen budget';
    const r = mergeWorkspaces(b, mine, theirs);
    expect(r.conflicts.map((c) => [c.label, c.mine, c.theirs])).toEqual([
      ['naam', 'Mijn naam', 'Hun naam'],
      ['Interventiematrix › ‘Verlichting’ › notities', 'Mijn notitie', 'Hun notitie'],
    ]);
    expect(r.merged.matrix[0].obstacle).toBe('Geen budget');
    const notes = r.conflicts[1].key;
    const resolved = resolveConflicts(r.merged, r.conflicts, { [notes]: 'mine' });
    expect(resolved.matrix[1].notes).toBe('Mijn notitie');
    expect(resolved.name).toBe('Hun naam');
    expect(resolved.matrix[0].obstacle).toBe('Geen budget');
  });

  it('asks when one tab removed a row the other changed, and can bring the row back', () => {
    const b = base();
    const mine = copy(b), theirs = copy(b);
    mine.matrix[1].notes = 'Nog nodig';
    theirs.matrix = theirs.matrix.filter((x) => x.id !== 'r2');
    const r = mergeWorkspaces(b, mine, theirs);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0].theirs).toBeUndefined();
    expect(describeValue(r.conflicts[0].theirs)).toBe('(leeg of verwijderd)');
    expect(r.merged.matrix.map((x) => x.id)).toEqual(['r1']);
    const kept = resolveConflicts(r.merged, r.conflicts, { [r.conflicts[0].key]: 'mine' });
    expect(kept.matrix.map((x) => [x.id, x.notes])).toEqual([['r1', ''], ['r2', 'Nog nodig']]);
  });

  it('names what another tab changed for the notice', () => {
    const b = base();
    const theirs = copy(b);
    theirs.localKnowledge[0].examples = 'Donker pad';
    expect(changedFields(b, theirs)).toEqual(['Lokale kennis › WK001401 F2 › voorbeelden']);
    expect(changedFields(b, copy(b))).toEqual([]);
  });

  describe('references to what the other tab deleted', () => {
    /** Loads as the store would after a reload (statusHistory added: the rows here are from before version 6). */
    const loads = (ws: Workspace) => parseStoredWorkspace(JSON.parse(JSON.stringify(ws)));

    it('a plan for a row the other tab deleted stays as a free item, and the merge loads after a reload', () => {
      const b = base();
      b.timeline = [item('t1', 'r1', 'Buurtpreventie')];
      const mine = copy(b), theirs = copy(b);
      mine.timeline.push(item('t2', 'r2', 'Verlichting'));
      mine.timeline[0].dependsOn = ['t2'];
      removeRow(theirs, 'r2');
      const r = mergeWorkspaces(b, mine, theirs);
      expect(r.conflicts).toEqual([]);
      expect(r.merged.matrix.map((x) => x.id)).toEqual(['r1']);
      expect(r.merged.timeline.map((t) => [t.id, t.rowId, t.dependsOn])).toEqual([['t1', 'r1', ['t2']], ['t2', null, []]]);
      expect(r.fromTheirs).toContain('Tijdslijn › ‘Verlichting’: de interventie is verwijderd; het item staat nu los op de tijdslijn');
      const reloaded = loads(r.merged);
      expect(reloaded.ok && reloaded.repairs).toEqual([]);
    });

    it('repairing the merged version leaves the three versions it was made from as they were', () => {
      const b = base();
      b.timeline = [item('t1', 'r1', 'Buurtpreventie'), item('t2', 'r2', 'Verlichting')];
      const mine = copy(b), theirs = copy(b);
      mine.timeline[0].dependsOn = ['t2'];
      mine.timeline.push(item('t3', 'r2', 'Verlichting fase 2'));
      removeRow(theirs, 'r2');
      const before = [copy(b), copy(mine), copy(theirs)];
      const r = mergeWorkspaces(b, mine, theirs);
      expect(r.merged.timeline.map((t) => [t.id, t.rowId, t.dependsOn])).toEqual([['t1', 'r1', []], ['t3', null, []]]);
      // The store keeps `theirs` as the base of the next merge: it must still be what IndexedDB holds.
      expect([b, mine, theirs]).toEqual(before);
    });

    it('a dependency on an item the other tab removed with its row is dropped', () => {
      const b = base();
      b.timeline = [item('t1', 'r1', 'Buurtpreventie'), item('t2', 'r2', 'Verlichting')];
      const mine = copy(b), theirs = copy(b);
      mine.timeline[0].dependsOn = ['t2'];
      removeRow(theirs, 'r2');
      const r = mergeWorkspaces(b, mine, theirs);
      expect(r.conflicts).toEqual([]);
      expect(r.merged.timeline.map((t) => [t.id, t.dependsOn])).toEqual([['t1', []]]);
      expect(r.fromTheirs).toContain('Tijdslijn › ‘Buurtpreventie’: hing af van een item dat is verwijderd; die afhankelijkheid is weggehaald');
      const reloaded = loads(r.merged);
      expect(reloaded.ok && reloaded.repairs).toEqual([]);
    });

    it('keeping my version of an item whose row the other tab deleted keeps it as a free item', () => {
      const b = base();
      b.timeline = [item('t2', 'r2', 'Verlichting')];
      const mine = copy(b), theirs = copy(b);
      mine.timeline[0].end = '2026-12';
      removeRow(theirs, 'r2');
      const r = mergeWorkspaces(b, mine, theirs);
      expect(r.conflicts).toHaveLength(1);
      const kept = resolveConflicts(r.merged, r.conflicts, { [r.conflicts[0].key]: 'mine' });
      expect(kept.timeline.map((t) => [t.id, t.rowId, t.end])).toEqual([['t2', null, '2026-12']]);
      const reloaded = loads(kept);
      expect(reloaded.ok && reloaded.repairs).toEqual([]);
    });

    it('bringing back a row the other tab deleted keeps my plan for it linked', () => {
      const b = base();
      const mine = copy(b), theirs = copy(b);
      mine.matrix[1].notes = 'Nog nodig';
      mine.timeline.push(item('t2', 'r2', 'Verlichting'));
      removeRow(theirs, 'r2');
      const r = mergeWorkspaces(b, mine, theirs);
      expect(r.conflicts).toHaveLength(1);
      const kept = resolveConflicts(r.merged, r.conflicts, { [r.conflicts[0].key]: 'mine' });
      expect(kept.timeline.map((t) => [t.id, t.rowId])).toEqual([['t2', 'r2']]);
      const dropped = resolveConflicts(r.merged, r.conflicts, { [r.conflicts[0].key]: 'theirs' });
      expect(dropped.timeline.map((t) => [t.id, t.rowId])).toEqual([['t2', null]]);
    });
  });
});
