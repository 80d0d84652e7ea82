/**
 * What every official-format reader returns: the pipeline's input types
 * (scripts/pipeline/types.ts) plus notes for the import summary.
 */
import { AreaFlag, type IndicatorMeta, type Level } from '../../src/model/dataset-format.ts';
import type { AreaFeature, CellValue, IndicatorColumn } from '../pipeline/types.ts';
import { normaliseCode, wijkOfCode } from './codes.ts';

/** What the map-file readers (GeoPackage, shapefile zip) share: where to report, which gemeenten and years. */
export interface MapReaderOptions {
  /** File name for messages and notes. */
  file?: string;
  /** Only read these gemeenten (GM codes); all when absent. */
  gemeenten?: readonly string[];
  /** Reference year when the file itself names none. */
  year?: number;
  indelingYear?: number;
  /** Human-readable source for the metadata. */
  source?: string;
}

/** An area read from a map file; a buurt's wijk is the file's WK code when it has one, else derived from the buurt code. */
export function mapArea(code: string, name: unknown, level: Level, gemeenteCode: string, rawWijk: unknown, geometry: AreaFeature['geometry']): AreaFeature {
  return {
    code,
    name: String(name ?? '').trim(),
    level,
    gemeenteCode,
    wijkCode: level === 'buurt' ? (typeof rawWijk === 'string' && rawWijk.trim() ? normaliseCode(rawWijk) : wijkOfCode(code)) : '',
    geometry,
    flags: geometry ? 0 : AreaFlag.noGeometry,
  };
}

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
