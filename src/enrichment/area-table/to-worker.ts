/**
 * Applied imports → what the scoring worker takes (one ImportedValues per
 * level). Imports for another dataset (another indeling) are left out: the
 * same code may be another area there.
 */
import { LEVELS, type Level } from '../../model/dataset-format.ts';
import type { ImportedColumn, ImportedValues } from '../../model/scoring-types.ts';
import type { AreaImport, AreaImportColumn } from './types.ts';

/** "gemeente-import: meldingen.csv, 26-11-2026" — the source shown in the drill-down. */
export function importSource(imp: Pick<AreaImport, 'fileName' | 'importedAt'>): string {
  const d = new Date(imp.importedAt);
  const date = Number.isNaN(d.getTime()) ? imp.importedAt : `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`;
  return `gemeente-import: ${imp.fileName}, ${date}`;
}

/** Series id of a new local indicator: stable for the same name, never one the model knows. */
export function extraSeriesId(label: string): string {
  const slug = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return `lokaal_${slug || 'indicator'}`;
}

function columnKey(c: AreaImportColumn): string {
  const series = c.target.kind === 'series' ? c.target.series : extraSeriesId(c.target.label);
  return `${series}.${c.year}`;
}

/**
 * One ImportedValues per level of `levels` (empty columns where nothing is
 * imported, so a removed import is also removed from the worker). Later
 * imports win for the same series, year and area.
 */
export function importedValuesFor(imports: readonly AreaImport[], datasetId: string, levels: readonly Level[] = LEVELS): ImportedValues[] {
  const sorted = imports.filter((i) => i.datasetId === datasetId).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  return levels.map((level) => {
    const byKey = new Map<string, ImportedColumn & { sources: string[] }>();
    for (const imp of sorted) {
      if (imp.level !== level) continue;
      const source = importSource(imp);
      for (const c of imp.columns) {
        const key = columnKey(c);
        let col = byKey.get(key);
        if (!col) {
          const t = c.target;
          col = {
            series: t.kind === 'series' ? t.series : extraSeriesId(t.label),
            year: c.year,
            values: {},
            unit: c.unit,
            sourceVariable: c.column,
            licence: 'lokaal (gemeente)',
            note: c.conversion,
            sources: [],
            ...(t.kind === 'nieuw' ? { label: t.label, extra: { category: t.category, direction: t.direction } } : {}),
          };
          byKey.set(key, col);
        } else {
          col.sourceVariable = col.sourceVariable === c.column ? c.column : `${col.sourceVariable}; ${c.column}`;
        }
        if (!col.sources.includes(source)) col.sources.push(source);
        Object.assign(col.values, c.values);
      }
    }
    const columns: ImportedColumn[] = [...byKey.values()].map(({ sources, ...col }) => ({ ...col, source: sources.join('; ') }));
    return { level, columns };
  });
}

/**
 * The columns a model can take: a series it reads, or a new local indicator
 * with a series it does not have. The worker refuses a whole level for one
 * other column (a file from another app version); `leftOut` names each one
 * left out, with its source, once.
 */
export function columnsForModel(values: readonly ImportedValues[], known: ReadonlySet<string>): { values: ImportedValues[]; leftOut: string[] } {
  const fits = (c: ImportedColumn) => (c.extra ? !known.has(c.series) : known.has(c.series));
  const leftOut = new Set(values.flatMap((v) => v.columns.filter((c) => !fits(c)).map((c) => `${c.label ?? c.series} (${c.source ?? 'gemeente-import'})`)));
  return { values: values.map((v) => ({ ...v, columns: v.columns.filter(fits) })).filter((v) => v.columns.length > 0), leftOut: [...leftOut] };
}
