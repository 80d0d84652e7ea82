/**
 * Validation and conversion of a mapped table into an AreaImport. Pure, so
 * the dialog can re-run it on every change and the tests can pin outcomes.
 * Nothing is produced while any error remains: every error names the row,
 * the column and the value, and the user fixes the mapping or skips rows.
 */
import type { LevelTable, Level } from '../../model/dataset-format.ts';
import { HERKOMST_PATTERN, seriesById } from '../../model/kompas/series.ts';
import { AreaMatcher, clip, type AreaList } from './area-keys.ts';
import { parseImportNumber, type RawTable } from '../read-text.ts';
import { PERSONAL_COLUMN } from './suggest-mapping.ts';
import {
  DENOMINATOR_LABELS, DENOMINATORS, IMPORT_LIMITS, importYearProblem,
  type AreaImport, type AreaImportColumn, type ColumnMapping, type Denominator, type KeyKind,
} from './types.ts';

export type IssueKind = 'leeg' | 'onbekend' | 'ander-niveau' | 'dubbelzinnig' | 'geen-code' | 'tekst' | 'dubbel' | 'ongeldig';

export interface ImportIssue {
  kind: IssueKind;
  /** Line (CSV) or row (XLSX) in the file. */
  line: number;
  column: string;
  value: string;
  message: string;
}

export interface PreviewCell {
  raw: string;
  used: number | null;
}

export interface PreviewRow {
  line: number;
  code: string;
  name: string;
  cells: PreviewCell[];
}

export interface ColumnSummary {
  column: string;
  label: string;
  unit: string;
  conversion: string;
  values: number;
  missing: number;
  min: number | null;
  median: number | null;
  max: number | null;
}

export interface BuildSettings {
  datasetId: string;
  level: Level;
  keyColumn: number;
  keyKind: KeyKind;
  gemeenteCode: string | null;
  mappings: ColumnMapping[];
  /** Line numbers the user chose to leave out. */
  skipped: ReadonlySet<number>;
}

export interface BuildResult {
  /** Problems with the mapping itself (per column, not per row). */
  mappingErrors: string[];
  /** Row errors; each blocks applying until fixed or skipped. */
  issues: ImportIssue[];
  /** Not blocking: said once, e.g. areas without a denominator. */
  warnings: string[];
  matchedRows: number;
  preview: PreviewRow[];
  summaries: ColumnSummary[];
  /** Set only when there are no errors. */
  result: AreaImport | null;
}

/** Latest values of the denominators at a level, or null where the table lacks them. */
export function denominatorsOf(table: Pick<LevelTable, 'indicators' | 'values'>): Record<Denominator, Float32Array | null> {
  const out = {} as Record<Denominator, Float32Array | null>;
  for (const d of DENOMINATORS) {
    let best = -1;
    table.indicators.forEach((m, i) => {
      const s = m.series ?? m.id.replace(/\.\d{4}$/, '');
      if (s === d && (best < 0 || m.year > table.indicators[best].year)) best = i;
    });
    out[d] = best >= 0 ? table.values[best] : null;
  }
  return out;
}

const nl = (x: number, digits = 2) => x.toLocaleString('nl-NL', { maximumFractionDigits: digits });

/** How a column's numbers become the target's values; null + reason when the combination makes no sense. */
export function conversionOf(m: ColumnMapping): { label: string; unit: string; kind: 'count' | 'share' | 'value'; convert: (x: number, den: number) => number; needsDen: boolean; text: string } | { error: string } {
  const denLabel = DENOMINATOR_LABELS[m.denominator];
  const per = m.per > 0 ? m.per : 1000;
  if (!m.target) return { error: 'geen doel' };
  if (m.target.kind === 'nieuw') {
    const label = m.target.label.trim();
    if (m.measure === 'aantal') {
      return { label, unit: `per ${nl(per)} ${denLabel}`, kind: 'value', needsDen: true, convert: (x, d) => (x * per) / d,
        text: `aantal uit het bestand ÷ ${denLabel} × ${nl(per)}` };
    }
    return { label, unit: m.unit.trim() || (m.measure === 'per' ? `per ${nl(per)} ${denLabel}` : ''), kind: 'value', needsDen: false, convert: (x) => x, text: 'waarde uit het bestand' };
  }
  const info = seriesById.get(m.target.series);
  if (!info) return { error: `onbekende reeks ${m.target.series}` };
  if (info.kind === 'count') {
    if (m.measure === 'aantal') return { label: info.label, unit: info.unit, kind: 'count', needsDen: false, convert: (x) => x, text: 'aantal uit het bestand' };
    if (m.measure === 'per') {
      return { label: info.label, unit: info.unit, kind: 'count', needsDen: true, convert: (x, d) => (x * d) / per,
        text: `per ${nl(per)} ${denLabel} uit het bestand × ${denLabel} ÷ ${nl(per)} = aantal` };
    }
    return { error: `"${info.label}" is een aantal: kies "aantal" of "per … ${denLabel}"` };
  }
  if (info.kind === 'share') {
    if (m.measure === 'waarde') return { label: info.label, unit: info.unit, kind: 'share', needsDen: false, convert: (x) => x, text: 'percentage uit het bestand' };
    if (m.measure === 'aantal') {
      return { label: info.label, unit: info.unit, kind: 'share', needsDen: true, convert: (x, d) => (100 * x) / d,
        text: `aantal uit het bestand ÷ ${denLabel} × 100 = %` };
    }
    return { label: info.label, unit: info.unit, kind: 'share', needsDen: false, convert: (x) => (x * 100) / per, text: `per ${nl(per)} uit het bestand omgerekend naar %` };
  }
  // Values (scores, means, rates as published): per-unit series convert between bases; others as is.
  const seriesPer = /per\s*([\d.]+)/.exec(info.unit);
  const base = seriesPer ? Number(seriesPer[1].replace(/\./g, '')) : null;
  if (m.measure === 'aantal' && base) {
    return { label: info.label, unit: info.unit, kind: 'value', needsDen: true, convert: (x, d) => (x * base) / d, text: `aantal uit het bestand ÷ ${denLabel} × ${nl(base)}` };
  }
  if (m.measure === 'per' && base && base !== per) {
    return { label: info.label, unit: info.unit, kind: 'value', needsDen: false, convert: (x) => (x * base) / per, text: `per ${nl(per)} uit het bestand omgerekend naar ${info.unit}` };
  }
  return { label: info.label, unit: info.unit, kind: 'value', needsDen: false, convert: (x) => x, text: 'waarde uit het bestand' };
}

/** Column-level checks: targets, years, duplicates, privacy. */
export function mappingErrors(mappings: ColumnMapping[], keyColumn: number, columns: string[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const active = mappings.filter((m, k) => m.target && k !== keyColumn);
  if (active.length === 0) errors.push('Geen enkele kolom is gekoppeld: kies bij minstens één kolom een factor of een nieuwe indicator.');
  if (active.length > IMPORT_LIMITS.maxColumns) errors.push(`Te veel kolommen gekoppeld (${active.length}); maximaal ${IMPORT_LIMITS.maxColumns}.`);
  const thisYear = new Date().getFullYear();
  mappings.forEach((m, k) => {
    if (!m.target) return;
    const col = `Kolom "${clip(columns[k] ?? m.column)}"`;
    if (k === keyColumn) { errors.push(`${col} is de sleutelkolom en kan niet ook als cijfer worden gebruikt.`); return; }
    if (PERSONAL_COLUMN.test(m.column)) errors.push(`${col} lijkt persoonsgegevens te bevatten en wordt niet geïmporteerd: alleen cijfers per gebied.`);
    const yearProblem = importYearProblem(m.year, thisYear);
    if (yearProblem) errors.push(`${col}: ${yearProblem}.`);
    if (m.target.kind === 'nieuw') {
      if (!m.target.label.trim()) errors.push(`${col}: geef de nieuwe indicator een naam.`);
      if (HERKOMST_PATTERN.test(m.target.label) || HERKOMST_PATTERN.test(m.column)) errors.push(`${col}: cijfers over herkomst of migratieachtergrond worden niet gebruikt in het kompas.`);
      if (m.target.label.length > IMPORT_LIMITS.maxLabel) errors.push(`${col}: de naam is te lang.`);
    }
    if ((m.measure === 'per' || m.measure === 'aantal') && !(m.per > 0)) errors.push(`${col}: "per" moet een positief getal zijn.`);
    const conv = conversionOf(m);
    if ('error' in conv) errors.push(`${col}: ${conv.error}.`);
    const key = m.target.kind === 'series' ? `${m.target.series}.${m.year}` : `nieuw:${m.target.label.trim().toLowerCase()}.${m.year}`;
    const other = seen.get(key);
    if (other !== undefined) errors.push(`${col} en kolom "${clip(other)}" vullen allebei ${m.target.kind === 'series' ? seriesById.get(m.target.series)?.label ?? m.target.series : m.target.label} ${m.year}: kies er één.`);
    seen.set(key, m.column);
  });
  return errors;
}

const PREVIEW_ROWS = 8;

export function buildImport(raw: RawTable, areas: AreaList, denominators: Record<Denominator, Float32Array | null>, s: BuildSettings, now = new Date()): BuildResult {
  const errors = mappingErrors(s.mappings, s.keyColumn, raw.columns);
  const issues: ImportIssue[] = [];
  const warnings: string[] = [];
  const matcher = new AreaMatcher(areas, s.keyKind, s.gemeenteCode);
  matcher.learnFileGemeenten(raw.rows.map((row) => row[s.keyColumn] ?? ''));
  const keyName = raw.columns[s.keyColumn] ?? `kolom ${s.keyColumn + 1}`;
  const active = s.mappings.map((m, k) => ({ m, k })).filter(({ m, k }) => m.target && k !== s.keyColumn);
  const convs = active.map(({ m }) => conversionOf(m));
  const firstLineOf = new Map<number, number>();
  const rowsOut: { line: number; index: number; cells: PreviewCell[] }[] = [];

  raw.rows.forEach((row, r) => {
    const line = raw.lineNumbers[r];
    if (s.skipped.has(line)) return;
    const keyRaw = row[s.keyColumn] ?? '';
    const hit = matcher.match(keyRaw);
    if (!hit.ok) {
      issues.push({ kind: hit.reason, line, column: keyName, value: keyRaw.trim(), message: hit.detail });
      return;
    }
    const prev = firstLineOf.get(hit.index);
    if (prev !== undefined) {
      issues.push({ kind: 'dubbel', line, column: keyName, value: keyRaw.trim(), message: `${areas.codes[hit.index]} ${areas.names[hit.index]} staat ook op regel ${prev}: laat één van beide regels weg` });
      return;
    }
    firstLineOf.set(hit.index, line);
    const cells: PreviewCell[] = active.map(({ m, k }, c) => {
      const text = row[k] ?? '';
      const parsed = parseImportNumber(text, raw.decimalComma);
      if (!parsed) {
        issues.push({ kind: 'tekst', line, column: m.column, value: clip(text), message: 'tekst in een getalkolom (verwacht een getal, "." of leeg)' });
        return { raw: text, used: null };
      }
      if (parsed.value === null) return { raw: text, used: null };
      if (!Number.isFinite(parsed.value)) {
        // "1e999" is a number too large to hold; silently treating it as missing would hide a broken export.
        issues.push({ kind: 'ongeldig', line, column: m.column, value: clip(text), message: 'het getal is te groot om te gebruiken' });
        return { raw: text, used: null };
      }
      const conv = convs[c];
      if ('error' in conv) return { raw: text, used: null };
      if (parsed.value < 0 && conv.kind !== 'value') {
        issues.push({ kind: 'ongeldig', line, column: m.column, value: text.trim(), message: 'een aantal of percentage kan niet negatief zijn' });
        return { raw: text, used: null };
      }
      if (conv.kind === 'share' && !conv.needsDen && parsed.value > 100) {
        issues.push({ kind: 'ongeldig', line, column: m.column, value: text.trim(), message: 'een percentage boven 100; is de eenheid goed gekozen?' });
        return { raw: text, used: null };
      }
      let used: number;
      if (conv.needsDen) {
        const den = denominators[m.denominator]?.[hit.index];
        if (!(den !== undefined && den > 0)) return { raw: text, used: null };
        used = conv.convert(parsed.value, den);
      } else used = conv.convert(parsed.value, NaN);
      return { raw: text, used: Number.isFinite(used) ? used : null };
    });
    rowsOut.push({ line, index: hit.index, cells });
  });

  if (rowsOut.length > IMPORT_LIMITS.maxAreas) errors.push(`Te veel rijen (${rowsOut.length}); maximaal ${IMPORT_LIMITS.maxAreas}.`);
  if (!errors.length && !issues.length && rowsOut.length === 0) errors.push('Er blijft geen enkele rij over om te importeren.');

  // Areas whose denominator is missing get no value: say so once per column.
  const summaries: ColumnSummary[] = active.map(({ m }, c) => {
    const conv = convs[c];
    const vals = rowsOut.map((r) => r.cells[c].used).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const given = rowsOut.filter((r) => { const p = parseImportNumber(r.cells[c].raw, raw.decimalComma); return !!p && p.value !== null; }).length;
    if ('error' in conv) return { column: m.column, label: m.column, unit: '', conversion: '', values: 0, missing: rowsOut.length, min: null, median: null, max: null };
    if (conv.needsDen && given > vals.length) warnings.push(`Kolom "${clip(m.column)}": ${given - vals.length} gebied(en) zonder ${DENOMINATOR_LABELS[m.denominator]} in de dataset krijgen geen waarde.`);
    const med = vals.length ? (vals.length % 2 ? vals[vals.length >> 1] : (vals[vals.length / 2 - 1] + vals[vals.length / 2]) / 2) : null;
    return {
      column: m.column, label: conv.label, unit: conv.unit, conversion: conv.text,
      values: vals.length, missing: rowsOut.length - vals.length,
      min: vals.length ? vals[0] : null, median: med, max: vals.length ? vals[vals.length - 1] : null,
    };
  });

  const preview = rowsOut.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, code: areas.codes[r.index], name: areas.names[r.index], cells: r.cells }));
  issues.sort((a, b) => a.line - b.line);
  const ok = errors.length === 0 && issues.length === 0;
  let result: AreaImport | null = null;
  if (ok) {
    const columns: AreaImportColumn[] = active.map(({ m }, c) => {
      const conv = convs[c] as Exclude<(typeof convs)[number], { error: string }>;
      const values: Record<string, number | null> = {};
      for (const r of rowsOut) values[areas.codes[r.index]] = r.cells[c].used;
      return {
        column: m.column,
        target: m.target!.kind === 'nieuw' ? { ...m.target!, label: m.target!.label.trim() } : { ...m.target! },
        year: m.year, unit: conv.unit, conversion: conv.text, values,
      };
    });
    result = {
      id: crypto.randomUUID(),
      fileName: raw.fileName,
      importedAt: now.toISOString(),
      datasetId: s.datasetId,
      level: s.level,
      keyKind: s.keyKind,
      gemeenteCode: s.keyKind === 'naam' ? s.gemeenteCode : null,
      skippedRows: [...s.skipped].sort((a, b) => a - b),
      columns,
    };
  }
  return { mappingErrors: errors, issues, warnings, matchedRows: rowsOut.length, preview, summaries, result };
}
