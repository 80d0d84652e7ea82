import { afterAll, beforeAll, expect } from 'vitest';
import { createWorkspace, rowFromIntervention, timelineItemForRow, type Workspace } from '../../src/workspace/model.ts';
import { interventionById } from '../../src/workspace/interventions.ts';

/** A filled-in workspace with every part used once. */
export function sampleWorkspace(): Workspace {
  const ws = createWorkspace('Centrum-Oost', {
    kind: 'wijk',
    gemeenteCode: 'GM0014',
    areas: [{ code: 'WK001401', name: 'Centrum' }],
  }, '2026-01-10T09:00:00.000Z');
  const row = rowFromIntervention(interventionById('hang-sluitwerk')!);
  row.origin = 'bestaand';
  row.status = 'obstakel';
  row.obstacle = 'Budget corporatie pas in 2027; "eerst" planning';
  row.notes = 'Regel 1; met puntkomma\nregel 2';
  row.actions = [{ id: 'a1', stakeholder: 'woningcorporatie', text: 'Inventarisatie complexen' }];
  const row2 = rowFromIntervention(interventionById('buurtbemiddeling')!);
  ws.matrix = [row, row2];
  const t1 = timelineItemForRow(row, 0, '2026-03');
  t1.milestones = [{ id: 'm1', label: 'Eerste complex klaar', month: '2026-06' }];
  const t2 = timelineItemForRow(row2, 1, '2026-09');
  t2.dependsOn = [t1.id];
  ws.timeline = [t1, t2];
  ws.events = [{ id: 'e1', kind: 'renovatie', label: 'Renovatie flats Oost', start: '2026-05', end: '2027-02', areaCode: null }];
  ws.localKnowledge = [{ areaCode: 'WK001401', categoryId: 'S3', recognises: 'deels', examples: 'Hangplek bij winkelcentrum', notes: '', updatedAt: '2026-01-11T10:00:00.000Z' }];
  ws.priorities = ['S4', 'S3'];
  ws.tafel = [{ areaCode: 'WK001401', itemId: 'verloedering', state: 'speelt', source: 'Buurtschouw', date: '2026-01-05' }];
  return ws;
}

/** 00:30 on 1 March 2026 in Dutch (winter) time: still 28 February in UTC. */
export const JUST_AFTER_MIDNIGHT_1_MARCH = '2026-02-28T23:30:00.000Z';

/**
 * Runs the tests of the enclosing describe in Dutch time, whatever the
 * machine's zone (CI runs in UTC), so a day or month taken from UTC shows.
 */
export function inDutchTime(): void {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Amsterdam';
    // Node applies a changed TZ at once; if it ever did not, these tests would prove nothing.
    expect(new Date(JUST_AFTER_MIDNIGHT_1_MARCH).getDate()).toBe(1);
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
}
