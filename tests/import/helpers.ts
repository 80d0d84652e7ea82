/** A small buurt table shaped like Groningen and Almere, for the import tests. */
import { makeTable } from '../model/helpers/synthetic-table.ts';
import type { LevelTable } from '../../src/model/dataset-format.ts';

export const AREAS: [code: string, name: string, gemeente: string, inwoners: number | null][] = [
  ['BU00140000', 'Binnenstad-Noord', 'GM0014', 4745],
  ['BU00140001', 'Binnenstad-Zuid', 'GM0014', 6975],
  ['BU00140002', 'Binnenstad-Oost', 'GM0014', 4400],
  ['BU00140003', 'Binnenstad-West', 'GM0014', 1740],
  ['BU00140101', 'Oosterpoort', 'GM0014', 3000],
  ['BU00140102', 'Herewegwijk', 'GM0014', 2500],
  ['BU00140105', 'Centrum', 'GM0014', 1200],
  ['BU00140106', 'Noorderplantsoen', 'GM0014', 10],
  ['BU00340001', 'Centrum', 'GM0034', 3000],
  ['BU00340002', 'Stedenwijk', 'GM0034', 2000],
  ['BU00340003', 'Centrum', 'GM0034', 500],
];

export function buurtTable(): LevelTable {
  const n = AREAS.length;
  return makeTable({
    level: 'buurt',
    codes: AREAS.map((a) => a[0]),
    names: AREAS.map((a) => a[1]),
    gemeenteCodes: AREAS.map((a) => a[2]),
    columns: [
      { series: 'inwoners', values: AREAS.map((a) => a[3]) },
      { series: 'huishoudens', values: AREAS.map((a) => (a[3] === null ? null : Math.round(a[3] / 2))) },
      { series: 'woz', values: Array.from({ length: n }, (_, i) => 200 + 10 * i) },
    ],
  });
}
