/**
 * What every source reader hands to the dataset builder. Readers (official
 * CBS/Politie formats in `scripts/readers/`, the shipped sources in
 * `scripts/pipeline/sources/`) produce these; `buildDataset` turns them into
 * the served files. Geometry is WGS84 GeoJSON.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { DatasetSource, IndicatorMeta, Level } from '../../src/model/dataset-format.ts';
import type { MissingReasonCode } from '../../src/model/missing.ts';

export interface AreaFeature {
  code: string;
  name: string;
  level: Level;
  gemeenteCode: string;
  /** Wijk code for buurten, '' otherwise. */
  wijkCode: string;
  geometry: Polygon | MultiPolygon | null;
  /** AreaFlag bits. */
  flags: number;
}

export interface CellValue {
  value: number | null;
  reason: MissingReasonCode;
}

export interface IndicatorColumn {
  meta: IndicatorMeta;
  level: Level;
  /** Keyed by area code. Areas without an entry get `notJoined`. */
  values: Map<string, CellValue>;
  /**
   * Name of the joined source (e.g. "RIVM 50090NED 2020 18+"). Columns that
   * share it are reported together in the join rates; omit for the base source.
   */
  joinSource?: string;
}

export interface DatasetInput {
  id: string;
  title: string;
  description: string;
  indelingYear: number;
  levels: Level[];
  sources: DatasetSource[];
  caveats: string[];
  /** Buurt geometry; wijk and gemeente geometry is dissolved from it. */
  buurten: AreaFeature[];
  /** Names of higher-level areas by code (geometry comes from the dissolve). */
  wijkNames: Map<string, string>;
  gemeenteNames: Map<string, string>;
  columns: IndicatorColumn[];
  /** Optional official wijk geometry (by code) instead of the buurt dissolve. */
  wijkGeometry?: Map<string, Polygon | MultiPolygon>;
  /** Tile zoom range; defaults 5–12. */
  minzoom?: number;
  /** Lowest zoom per level layer; below it the layer is left out of the tiles (default: minzoom). */
  layerMinzoom?: Partial<Record<Level, number>>;
  maxzoom?: number;
  /** Years shown in the catalog; defaults to the indicator years. */
  years?: number[];
}
