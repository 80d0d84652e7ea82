/**
 * Counted points → area data imports (src/enrichment/area-table/types.ts), so the derived
 * counts per area persist in the workspace and travel in its export file
 * through the same mechanism as an imported table. The raw points do not
 * persist: only aggregates per area are kept (docs/import.md, "Privacy").
 */
import type { AreaImport } from '../area-table/types.ts';
import type { ImportedValues } from '../../model/scoring-types.ts';
import type { Level } from '../../model/dataset-format.ts';

/**
 * What marks saved point counts in the workspace. pointsToAreaImports has
 * always written both, so copies saved before this check are found too,
 * without a field of their own in the workspace file.
 */
const FILE_SUFFIX = ' (punten)';
const CONVERSION = 'punten uit het bestand geteld per gebied';

export function pointsToAreaImports(imports: readonly ImportedValues[], meta: { datasetId: string; fileName: string; importedAt: string; id: () => string }): AreaImport[] {
  return imports.flatMap((imp) => {
    const columns = imp.columns.map((c) => ({
      column: c.sourceVariable ?? 'punten',
      target: { kind: 'series' as const, series: c.series },
      year: c.year,
      unit: c.unit ?? 'aantal',
      conversion: [CONVERSION, c.note].filter(Boolean).join('; '),
      values: { ...c.values },
    }));
    if (!columns.length) return [];
    return [{
      id: meta.id(),
      fileName: `${meta.fileName}${FILE_SUFFIX}`,
      importedAt: meta.importedAt,
      datasetId: meta.datasetId,
      level: imp.level,
      keyKind: 'code' as const,
      gemeenteCode: null,
      skippedRows: [],
      columns,
    }];
  });
}

/**
 * Counts per gemeente: each covered gemeente's share of the imports (values
 * of its own areas only), so they can be kept in a workspace named after
 * that gemeente rather than in whichever workspace happened to be open.
 * `gemeenteOf` gives an area code's gemeente code (the code itself at
 * gemeente level); areas without a gemeente are dropped.
 */
export function splitImportsByGemeente(imports: readonly ImportedValues[], gemeenteOf: (level: ImportedValues['level'], code: string) => string): Map<string, ImportedValues[]> {
  const out = new Map<string, ImportedValues[]>();
  for (const imp of imports) {
    const perGemeente = new Map<string, ImportedValues>();
    imp.columns.forEach((column, c) => {
      for (const [code, value] of Object.entries(column.values)) {
        const g = gemeenteOf(imp.level, code);
        if (!g) continue;
        let part = perGemeente.get(g);
        if (!part) {
          part = { level: imp.level, columns: imp.columns.map((col) => ({ ...col, values: {} })) };
          perGemeente.set(g, part);
        }
        part.columns[c].values[code] = value;
      }
    });
    for (const [g, part] of perGemeente) {
      const list = out.get(g) ?? [];
      list.push(part);
      out.set(g, list);
    }
  }
  return out;
}

/** Whether a workspace import holds counted points saved by the point dialog (not an imported table). */
export function isSavedPointCount(imp: AreaImport): boolean {
  return imp.fileName.endsWith(FILE_SUFFIX) && imp.columns.length > 0 && imp.columns.every((c) => c.conversion.startsWith(CONVERSION));
}

/**
 * Saved point counts that new counts of `series` replace: those of the same
 * dataset and series in the same gemeenten, in any workspace and of any year
 * (the year defaults to today's, so a file counted again on another day must
 * not pile up beside its earlier copy). Other gemeenten keep theirs.
 */
export function replacedPointCounts(
  workspaces: readonly { id: string; imports?: readonly AreaImport[] }[],
  match: { datasetId: string; series: string; gemeenteCodes: ReadonlySet<string> },
  gemeenteOf: (level: Level, code: string) => string,
): { workspaceId: string; id: string; fileName: string }[] {
  return workspaces.flatMap((w) => (w.imports ?? [])
    .filter((imp) => imp.datasetId === match.datasetId && isSavedPointCount(imp)
      && imp.columns.some((c) => c.target.kind === 'series' && c.target.series === match.series)
      && imp.columns.some((c) => Object.keys(c.values).some((code) => match.gemeenteCodes.has(gemeenteOf(imp.level, code)))))
    .map((imp) => ({ workspaceId: w.id, id: imp.id, fileName: imp.fileName })));
}
