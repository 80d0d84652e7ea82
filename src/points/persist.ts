/**
 * Counted points → area data imports (src/import/types.ts), so the derived
 * counts per area persist in the workspace and travel in its export file
 * through the same mechanism as an imported table. The raw points do not
 * persist: only aggregates per area are kept (domain-model §9).
 */
import type { AreaImport } from '../import/types.ts';
import type { ImportedValues } from '../model/scoring-types.ts';

export function pointsToAreaImports(imports: readonly ImportedValues[], meta: { datasetId: string; fileName: string; importedAt: string; id: () => string }): AreaImport[] {
  return imports.flatMap((imp) => {
    const columns = imp.columns.map((c) => ({
      column: c.sourceVariable ?? 'punten',
      target: { kind: 'series' as const, series: c.series },
      year: c.year,
      unit: c.unit ?? 'aantal',
      conversion: ['punten uit het bestand geteld per gebied', c.note].filter(Boolean).join('; '),
      values: { ...c.values },
    }));
    if (!columns.length) return [];
    return [{
      id: meta.id(),
      fileName: `${meta.fileName} (punten)`,
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
