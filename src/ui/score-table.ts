/**
 * Rows of the score table and its CSV, kept out of the component so they
 * are unit tested. Pure.
 */
import type { LevelTable } from '../model/dataset-format.ts';
import { ScoreStatus, type ScoreResult } from '../model/scoring-types.ts';
import { toCsv } from '../model/formats/csv-write.ts';
import { areaNoteText } from '../model/area-note.ts';

export { areaNoteText };

export interface TableColumn {
  id: string;
  label: string;
  kind: 'category' | 'dial' | 'sphere' | 'overall';
}

export interface TableRow {
  index: number;
  code: string;
  name: string;
  gemeente: string;
  /** Percentile per column, null without a score. */
  values: (number | null)[];
  /** Mean coverage over the categories (0–1). */
  coverage: number;
  /** Area notes in words: "bezoekers- of werkgebied", "registratie onvolledig", "misdrijven uit buurten met 94 % van de inwoners"; empty when none. */
  areaNote: string;
}

/** Table targets: the overall score first, then categories and dials (spheres are left out). */
function tableTargets(result: ScoreResult) {
  const list = result.targets.map((t, ti) => ({ t, ti })).filter(({ t }) => t.kind !== 'sphere');
  return [...list.filter(({ t }) => t.kind === 'overall'), ...list.filter(({ t }) => t.kind !== 'overall')];
}

export function tableColumns(result: ScoreResult): TableColumn[] {
  return tableTargets(result).map(({ t }) => ({ id: t.id, label: t.label, kind: t.kind }));
}

export function tableRows(result: ScoreResult, table: LevelTable, gemeenteName: (code: string) => string): TableRow[] {
  const n = result.areaCount;
  const columns = tableTargets(result);
  const categoryTargets = result.targets.map((t, ti) => ({ t, ti })).filter(({ t }) => t.kind === 'category');
  const rows: TableRow[] = [];
  for (let i = 0; i < n; i++) {
    let coverage = 0;
    for (const { ti } of categoryTargets) coverage += result.coverage[ti * n + i];
    rows.push({
      index: i,
      code: table.codes[i],
      name: table.names[i],
      gemeente: table.level === 'gemeente' ? table.names[i] : gemeenteName(table.gemeenteCodes[i]),
      values: columns.map(({ ti }) => {
        const status = result.status[ti * n + i];
        const p = result.percentile[ti * n + i];
        return status <= ScoreStatus.beperkteDekking && Number.isFinite(p) ? p : null;
      }),
      coverage: categoryTargets.length ? coverage / categoryTargets.length : 0,
      areaNote: areaNoteText(result.areaFlags[i], result.crimeCounted?.[i]),
    });
  }
  return rows;
}

export type SortKey = 'name' | 'gemeente' | 'coverage' | number;

/** Sort a copy; areas without a score go last in both directions. */
export function sortRows(rows: TableRow[], key: SortKey, descending: boolean): TableRow[] {
  const sign = descending ? -1 : 1;
  const value = (r: TableRow) => (typeof key === 'number' ? r.values[key] : key === 'coverage' ? r.coverage : null);
  return [...rows].sort((a, b) => {
    if (key === 'name' || key === 'gemeente') return sign * a[key].localeCompare(b[key], 'nl') || a.code.localeCompare(b.code);
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.code.localeCompare(b.code);
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || a.code.localeCompare(b.code);
  });
}

export function filterRows(rows: TableRow[], text: string): TableRow[] {
  const q = text.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => r.name.toLowerCase().includes(q) || r.gemeente.toLowerCase().includes(q) || r.code.toLowerCase().includes(q.toUpperCase().toLowerCase()));
}

/**
 * Semicolon CSV with BOM and decimal comma: opens correctly in Dutch Excel; names are formula-guarded.
 * `credit` is the dataset's credit line (src/model/credits.ts): CC BY 4.0 asks for it wherever the figures go.
 */
export function rowsToCsv(rows: TableRow[], columns: TableColumn[], frameLabel: string, credit: string): string {
  const header = ['code', 'naam', 'gemeente', ...columns.map((c) => `${c.id} ${c.label} (percentiel)`), 'dekking categorieën (%)', 'gebiedstype'];
  const preamble = [`# Percentielen binnen: ${frameLabel}. Hoger = kwetsbaarder / minder veilig. Leeg = geen score (witte vlek, te weinig inwoners, geen gegevens, of een bezoekers- of werkgebied dat niet gerangschikt wordt). ${credit}.`];
  const body = rows.map((r) => [r.code, r.name, r.gemeente, ...r.values.map((v) => (v === null ? null : v.toFixed(1).replace('.', ','))), Math.round(r.coverage * 100), r.areaNote]);
  return toCsv(header, body, { separator: ';', decimal: ',', bom: true, preamble });
}
