/**
 * What every official-format reader returns: the pipeline's input types
 * (scripts/pipeline/types.ts) plus notes for the import summary.
 */
import type { IndicatorMeta, Level } from '../../src/model/dataset-format.ts';
import type { AreaFeature, CellValue, IndicatorColumn } from '../pipeline/types.ts';

export interface ReaderResult {
  file: string;
  /** Which reader produced it. */
  format: 'geopackage' | 'shapefile' | 'statline-csv' | 'politie-misdrijven';
  /** Areas with their names and parents; geometry is WGS84, or null for tables without geometry. */
  areas: AreaFeature[];
  columns: IndicatorColumn[];
  /** Dutch notes for the summary: skipped rows, incomplete years, guesses made. */
  notes: string[];
  /** Names of parent areas (wijk, gemeente) by code, where the file gives them on the rows of a lower level. */
  parentNames?: Map<string, string>;
}

/** Collects cells per (level, indicator id) in a stable order. */
export class ColumnCollector {
  private readonly columns = new Map<string, IndicatorColumn>();

  column(level: Level, meta: IndicatorMeta): IndicatorColumn {
    const key = `${level}\u0000${meta.id}`;
    let column = this.columns.get(key);
    if (!column) {
      column = { meta, level, values: new Map<string, CellValue>() };
      this.columns.set(key, column);
    }
    return column;
  }

  set(level: Level, meta: IndicatorMeta, code: string, cell: CellValue, where: string): void {
    const column = this.column(level, meta);
    if (column.values.has(code)) throw new Error(`${where}: gebied ${code} komt twee keer voor voor ${meta.id}; verwacht één rij per gebied`);
    column.values.set(code, cell);
  }

  result(): IndicatorColumn[] {
    return [...this.columns.values()];
  }
}
