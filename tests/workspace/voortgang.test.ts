import { describe, expect, it } from 'vitest';
import { customRow, type MatrixRow, type StatusChange, type TimelineItem } from '../../src/workspace/model.ts';
import { effectiveHistory, historyUpTo, voortgangAt } from '../../src/workspace/voortgang.ts';
import { JUST_AFTER_MIDNIGHT_1_MARCH, inDutchTime } from './fixtures.ts';

function row(name: string, history: StatusChange[], who: Partial<Pick<MatrixRow, 'lead' | 'partners' | 'obstacle'>> = {}): MatrixRow {
  const r = customRow(name);
  r.statusHistory = history;
  r.status = history.at(-1)?.status ?? 'gepland';
  return { ...r, lead: who.lead ?? [], partners: who.partners ?? [], obstacle: who.obstacle ?? '' };
}

function plan(r: MatrixRow, start: string, end: string): TimelineItem {
  return { id: `t-${r.id}`, rowId: r.id, label: r.name, start, end, order: 0, milestones: [], dependsOn: [] };
}

const d = (iso: string) => `${iso}T10:00:00.000Z`;

describe('voortgang at a chosen month', () => {
  const cameras = row('Cameratoezicht', [
    { status: 'gepland', date: d('2026-01-05'), note: '' },
    { status: 'lopend', date: d('2026-03-10'), note: 'Eerste camera hangt' },
    { status: 'afgerond', date: d('2026-07-01'), note: '' },
  ], { lead: ['gemeente'], partners: ['politie'] });
  const sluitwerk = row('Hang- en sluitwerk', [
    { status: 'kansrijk', date: d('2026-01-05'), note: '' },
    { status: 'lopend', date: d('2026-02-01'), note: '' },
    { status: 'obstakel', date: d('2026-04-15'), note: 'Corporatie wacht op begroting' },
  ], { lead: ['woningcorporatie'], partners: ['gemeente'], obstacle: 'Budget pas in 2027' });
  const bemiddeling = row('Buurtbemiddeling', [{ status: 'gepland', date: d('2026-01-05'), note: '' }], { lead: ['welzijn'] });
  const los = row('Eigen idee', [{ status: 'kansrijk', date: d('2026-06-01'), note: '' }]);
  const ws = {
    matrix: [cameras, sluitwerk, bemiddeling, los],
    timeline: [plan(cameras, '2026-03', '2026-06'), plan(sluitwerk, '2026-02', '2026-05'), plan(bemiddeling, '2026-04', '2026-09')],
  };

  it('compares what was planned with what the history says, in May', () => {
    const v = voortgangAt(ws, '2026-05');
    const [c, s, b, l] = v.rows;
    expect(c).toMatchObject({ status: 'lopend', started: true, done: false, dueToStart: true, dueToFinish: false, lateStart: false, lateFinish: false, note: 'Eerste camera hangt' });
    expect(s).toMatchObject({ status: 'obstakel', stuck: true, obstacle: 'Budget pas in 2027', started: true, dueToFinish: true, lateFinish: true, since: d('2026-04-15') });
    expect(b).toMatchObject({ status: 'gepland', dueToStart: true, started: false, lateStart: true });
    // Added to the matrix in June: in May it had no status yet, and it is not planned.
    expect(l).toMatchObject({ status: null, plannedStart: null, dueToStart: false, lateStart: false });
    expect(v.counts).toEqual({ dueToStart: 3, startedOfDue: 2, dueToFinish: 1, doneOfDue: 0, stuck: 1, late: 2 });
  });

  it('counts a change made during the chosen month, not one made the month after', () => {
    expect(voortgangAt(ws, '2026-07').rows[0]).toMatchObject({ status: 'afgerond', done: true, dueToFinish: true, lateFinish: false });
    expect(voortgangAt(ws, '2026-06').rows[0]).toMatchObject({ status: 'lopend', done: false, lateFinish: true });
    expect(voortgangAt(ws, '2026-02').rows[0]).toMatchObject({ status: 'gepland', started: false, dueToStart: false });
  });

  it('a row that was stuck and then went on is no longer stuck', () => {
    const later = row('Later weer lopend', [
      { status: 'obstakel', date: d('2026-02-01'), note: '' },
      { status: 'lopend', date: d('2026-03-01'), note: '' },
    ], { obstacle: 'oude beer' });
    expect(voortgangAt({ matrix: [later], timeline: [] }, '2026-02').rows[0]).toMatchObject({ stuck: true, obstacle: 'oude beer' });
    expect(voortgangAt({ matrix: [later], timeline: [] }, '2026-03').rows[0]).toMatchObject({ stuck: false, obstacle: '' });
  });

  it('groups per stakeholder: the lead and each partner see the row, with their role', () => {
    const v = voortgangAt(ws, '2026-05');
    const groups = Object.fromEntries(v.byStakeholder.map((g) => [g.stakeholder ?? 'niemand', g.items.map((i) => `${i.role}:${i.progress.name}`)]));
    expect(groups).toEqual({
      gemeente: ['trekker:Cameratoezicht', 'partner:Hang- en sluitwerk'],
      politie: ['partner:Cameratoezicht'],
      woningcorporatie: ['trekker:Hang- en sluitwerk'],
      welzijn: ['trekker:Buurtbemiddeling'],
      niemand: ['trekker:Eigen idee'],
    });
  });
});

describe('status without a date (rows from before file version 6)', () => {
  it('counts the migrated status at every moment and flags it', () => {
    const old = row('Oud', [{ status: 'lopend', date: null, note: '' }]);
    expect(voortgangAt({ matrix: [old], timeline: [] }, '2020-01').rows[0]).toMatchObject({ status: 'lopend', dateUnknown: true, since: null, started: true });
  });

  it('never contradicts the current status: a history that does not end with it gets it, undated, after its last entry', () => {
    const edited = row('Met de hand aangepast', [{ status: 'gepland', date: d('2026-03-01'), note: '' }]);
    edited.status = 'afgerond';
    expect(effectiveHistory(edited).at(-1)).toEqual({ status: 'afgerond', date: null, note: '' });
    expect(historyUpTo(edited, '2026-02')).toEqual([]);
    expect(voortgangAt({ matrix: [edited], timeline: [] }, '2026-04').rows[0]).toMatchObject({ status: 'afgerond', dateUnknown: true });
    const empty = row('Leeg', []);
    empty.status = 'obstakel';
    expect(voortgangAt({ matrix: [empty], timeline: [] }, '2026-04').rows[0]).toMatchObject({ status: 'obstakel', stuck: true, dateUnknown: true });
  });
});

describe('the month of a status change is the month on the kernteam\'s clock', () => {
  inDutchTime();

  it('a status set at 00:30 on 1 March counts in March, not in February', () => {
    const r = row('Buurtschouw', [
      { status: 'gepland', date: d('2026-01-05'), note: '' },
      { status: 'lopend', date: JUST_AFTER_MIDNIGHT_1_MARCH, note: '' },
    ]);
    const ws = { matrix: [r], timeline: [plan(r, '2026-02', '2026-06')] };
    expect(voortgangAt(ws, '2026-02').rows[0]).toMatchObject({ status: 'gepland', started: false, lateStart: true });
    expect(voortgangAt(ws, '2026-03').rows[0]).toMatchObject({ status: 'lopend', started: true, lateStart: false });
  });
});
