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
