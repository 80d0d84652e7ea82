/**
 * Rows of the score table and its CSV, kept out of the component so they
 * are unit tested. Pure.
 */
import type { LevelTable } from '../model/dataset-format.ts';
import { ScoreStatus, type ScoreResult } from '../model/scoring-types.ts';
import { toCsv } from '../model/formats/csv-write.ts';
import { areaCountChange, type TableCountChange } from '../model/table-change.ts';
import { changeClassWord, type ChangeClassCode } from '../model/count-change.ts';
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
  /** Change view only: the two counts, their ratio and the class in words. */
  change?: ChangeCells;
}

export interface ChangeCells {
  a: number | null;
  b: number | null;
  /** Later ÷ earlier (exposure-adjusted); null without a comparison or from 0 to 0. */
  ratio: number | null;
  /** "stijging", "geen duidelijke verandering", … or "geen vergelijking". */
  word: string;
}

function changeCells(change: TableCountChange, i: number): ChangeCells {
  const count = (x: number) => (Number.isFinite(x) ? x : null);
  const k = change.classes[i];
  const a = count(change.a[i]), b = count(change.b[i]);
  const ratio = k >= 0 && a !== null && b !== null && a > 0 ? (b / (change.exposureB?.[i] ?? 1)) / (a / (change.exposureA?.[i] ?? 1)) : null;
  return { a, b, ratio, word: k >= 0 ? changeClassWord[k as ChangeClassCode] : 'geen vergelijking' };
}

/** Table targets: the overall score first, then categories and dials (spheres are left out). */
function tableTargets(result: ScoreResult) {
  const list = result.targets.map((t, ti) => ({ t, ti })).filter(({ t }) => t.kind !== 'sphere');
  return [...list.filter(({ t }) => t.kind === 'overall'), ...list.filter(({ t }) => t.kind !== 'overall')];
}

export function tableColumns(result: ScoreResult): TableColumn[] {
  return tableTargets(result).map(({ t }) => ({ id: t.id, label: t.label, kind: t.kind }));
}

export function tableRows(result: ScoreResult, table: LevelTable, gemeenteName: (code: string) => string, change: TableCountChange | null = null): TableRow[] {
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
      ...(change ? { change: changeCells(change, i) } : {}),
    });
  }
  return rows;
}

export type SortKey = 'name' | 'gemeente' | 'coverage' | 'change' | number;

/** Sort a copy; areas without a score go last in both directions. */
export function sortRows(rows: TableRow[], key: SortKey, descending: boolean): TableRow[] {
  const sign = descending ? -1 : 1;
  const value = (r: TableRow) => (typeof key === 'number' ? r.values[key] : key === 'coverage' ? r.coverage : key === 'change' ? r.change?.ratio ?? null : null);
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
 * The start of an export's file name: dataset, level, reference frame and the
 * year or change view shown, so two exports of other years or frames never
 * look the same in a folder or in a GIS (kompas-nl2024-buurt-gemeente-2022).
 */
export function exportFileStem(datasetId: string, level: string, frame: string, time: { year?: number | null; change?: Pick<TableCountChange, 'from' | 'to'> | null } = {}): string {
  const { year = null, change = null } = time;
  const when = change ? `-${change.from}-${change.to}` : year !== null ? `-${year}` : '';
  return `kompas-${datasetId}-${level}-${frame}${when}`;
}

/**
 * Semicolon CSV with BOM and decimal comma: opens correctly in Dutch Excel; names are formula-guarded.
 * `credit` is the dataset's credit line (src/model/credits.ts): CC BY 4.0 asks for it wherever the figures go.
 */
export function rowsToCsv(rows: TableRow[], columns: TableColumn[], frameLabel: string, credit: string, time: { year?: number | null; change?: TableCountChange | null } = {}): string {
  const { year = null, change = null } = time;
  const decimal = (x: number | null, digits: number) => (x === null || !Number.isFinite(x) ? null : x.toFixed(digits).replace('.', ','));
  const header = ['code', 'naam', 'gemeente', ...columns.map((c) => `${c.id} ${c.label} (percentiel)`), 'dekking categorieën (%)', 'gebiedstype'];
  if (change) header.push(`${change.noun} ${change.from}`, `${change.noun} ${change.to}`, `verandering ${change.from}–${change.to} (%)`, 'verhouding 95%-interval onder', 'verhouding 95%-interval boven', `oordeel ${change.from}–${change.to}`);
  const preamble = [`# Percentielen binnen: ${frameLabel}. Hoger = kwetsbaarder / minder veilig. Leeg = geen score (witte vlek, te weinig inwoners, geen gegevens, of een bezoekers- of werkgebied dat niet gerangschikt wordt). ${credit}.`];
  if (year !== null) preamble.push(`# Jaar ${year}: reeksen met meer jaren tot en met ${year}, aantallen (zoals misdrijven) van dat ene jaar.`);
  if (change) preamble.push(`# Verandering ${change.from}–${change.to}: exacte toets op de twee aantallen (95 %); "geen duidelijke verandering" binnen de toevalsmarge of bij samen minder dan 10. ${change.exposureA ? 'Bevolkingsgroei verrekend.' : 'Bevolkingsgroei niet verrekend.'}`);
  const body = rows.map((r) => {
    const cells: (string | number | null)[] = [r.code, r.name, r.gemeente, ...r.values.map((v) => decimal(v, 1)), Math.round(r.coverage * 100), r.areaNote];
    if (change && r.change) {
      const full = areaCountChange(change, r.index);
      const pct = r.change.ratio === null ? null : Math.round((r.change.ratio - 1) * 100);
      cells.push(r.change.a, r.change.b, pct, decimal(full?.lower ?? null, 3), full && full.upper === Infinity ? 'onbegrensd' : decimal(full?.upper ?? null, 3), r.change.word);
    }
    return cells;
  });
  return toCsv(header, body, { separator: ';', decimal: ',', bom: true, preamble });
}
