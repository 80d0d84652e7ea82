import { describe, expect, it } from 'vitest';
import { changedFields, describeValue, mergeWorkspaces, resolveConflicts } from '../../src/workspace/merge.ts';
import { createWorkspace, type MatrixRow, type Workspace } from '../../src/workspace/model.ts';

const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] };

function row(id: string, name: string, notes = ''): MatrixRow {
  return {
    id, interventionId: null, name, categories: ['F2'], factors: [], lead: ['gemeente'], partners: [], origin: 'nieuw',
    status: 'kansrijk', obstacle: '', actions: [], notes,
  } as unknown as MatrixRow;
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
});
