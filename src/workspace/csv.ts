/**
 * CSV export of the interventiematrix for Excel NL: `;` as separator
 * (Dutch Excel uses the comma as decimal sign), UTF-8 BOM so accents open
 * correctly, CRLF line ends, and RFC 4180 quoting.
 */
import { DEFAULT_CATEGORY_LABELS, STAKEHOLDERS, type CategoryId } from './ids.ts';
import { MATRIX_STATUS_LABELS, type Workspace } from './model.ts';
import { csvCell, toCsv } from '../model/formats/csv-write.ts';

/** Re-exported so existing callers and tests keep one name for the guarded cell. */
export { csvCell };

export function matrixToCsv(ws: Workspace, categoryLabels: Record<string, string> = DEFAULT_CATEGORY_LABELS): string {
  const header = [
    'Interventie', 'Uit catalogus', 'Categorieën', 'Factoren', 'Trekker', 'Partners', 'Bestaand/nieuw',
    'Status', 'Beer op de weg', 'Acties per partij', 'Notities', 'Start', 'Einde',
  ];
  const rows: string[][] = [];
  const cat = (c: CategoryId) => `${c} ${categoryLabels[c] ?? DEFAULT_CATEGORY_LABELS[c]}`;
  for (const row of ws.matrix) {
    const plan = ws.timeline.find((t) => t.rowId === row.id);
    const cells = [
      row.name,
      row.interventionId ? 'ja' : 'nee (eigen)',
      row.categories.map(cat).join(', '),
      row.factors.join(', '),
      row.lead.map((s) => STAKEHOLDERS[s]).join(', '),
      row.partners.map((s) => STAKEHOLDERS[s]).join(', '),
      row.origin,
      MATRIX_STATUS_LABELS[row.status],
      row.status === 'obstakel' ? row.obstacle : '',
      row.actions.map((a) => `${STAKEHOLDERS[a.stakeholder]}: ${a.text}`).join('\n'),
      row.notes,
      plan?.start ?? '',
      plan?.end ?? '',
    ];
    rows.push(cells);
  }
  return toCsv(header, rows, { separator: ';', bom: true });
}
