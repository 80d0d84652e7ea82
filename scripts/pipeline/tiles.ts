/**
 * Vector tiles for one dataset: one geojson-vt index per level layer, every
 * tile covering the data bbox from minzoom to maxzoom, encoded as MVT v2 and
 * gzipped, then packed with our PMTiles writer.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { tileFeatureId, tileLayerName, type Level } from '../../src/model/dataset-format.ts';
import { gzip, writePmtiles, type TileInput } from '../pmtiles/writer.ts';
import type { Areal } from './geometry.ts';

export interface TileFeature {
  /** The area's row in its level table (.wvk); its feature id is tileFeatureId(row). */
  row: number;
  code: string;
  name: string;
  gemeente: string;
  wijk?: string;
  flags: number;
  geometry: Areal;
}

export interface TileBuildOptions {
  minzoom: number;
  maxzoom: number;
  /** Lowest zoom per level layer (default: minzoom). */
  layerMinzoom?: Partial<Record<Level, number>>;
  /** geojson-vt simplification tolerance in tile units (extent 4096). */
  tolerance?: number;
  bbox: [number, number, number, number];
  name: string;
  description: string;
  attribution: string;
}

export interface TileBuildResult {
  bytes: Uint8Array;
  tileCount: number;
  /** Features per layer at maxzoom, counted once per code. */
  layerCodes: Record<string, number>;
}

const EXTENT = 4096;

/**
 * Each layer's features carry distinct level-table rows, so their ids
 * (tileFeatureId, row + 1) are unique within the layer; throws otherwise.
 */
function checkRows(level: Level, features: TileFeature[]): void {
  const seen = new Set<number>();
  for (const f of features) {
    if (!Number.isSafeInteger(f.row) || f.row < 0) throw new Error(`${level} ${f.code}: rij ${f.row} in de gebiedstabel is geen geldig volgnummer voor een tegel-id`);
    if (seen.has(f.row)) throw new Error(`${level} ${f.code}: rij ${f.row} in de gebiedstabel komt dubbel voor; tegel-ids moeten per laag uniek zijn`);
    seen.add(f.row);
  }
}

function lonToX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

export function buildTiles(layers: Partial<Record<Level, TileFeature[]>>, options: TileBuildOptions): TileBuildResult {
  const { minzoom, maxzoom, bbox } = options;
  const indexes: [string, GeoJSONVT][] = [];
  const layerMin: Record<string, number> = {};
  const fields: Record<string, Record<string, string>> = {};
  for (const level of ['gemeente', 'wijk', 'buurt'] as Level[]) {
    const features = layers[level];
    if (!features) continue;
    checkRows(level, features);
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: features.map((f): Feature => ({
        type: 'Feature',
        id: tileFeatureId(f.row),
        properties: level === 'buurt'
          ? { code: f.code, name: f.name, gemeente: f.gemeente, wijk: f.wijk ?? '', flags: f.flags }
          : level === 'wijk'
            ? { code: f.code, name: f.name, gemeente: f.gemeente, flags: f.flags }
            : { code: f.code, name: f.name, gemeente: f.code, flags: f.flags },
        geometry: f.geometry,
      })),
    };
    const name = tileLayerName[level];
    layerMin[name] = Math.max(minzoom, options.layerMinzoom?.[level] ?? minzoom);
    indexes.push([name, new GeoJSONVT(fc, {
      maxZoom: maxzoom,
      indexMaxZoom: Math.min(maxzoom, 5),
      indexMaxPoints: 100_000,
      tolerance: options.tolerance ?? 2,
      extent: EXTENT,
      buffer: 64,
    })]);
    fields[name] = level === 'buurt'
      ? { code: 'String', name: 'String', gemeente: 'String', wijk: 'String', flags: 'Number' }
      : { code: 'String', name: 'String', gemeente: 'String', flags: 'Number' };
  }

  const tiles: TileInput[] = [];
  const layerCodes: Record<string, Set<string>> = Object.fromEntries(indexes.map(([n]) => [n, new Set<string>()]));
  for (let z = minzoom; z <= maxzoom; z++) {
    const x0 = lonToX(bbox[0], z), x1 = lonToX(bbox[2], z);
    const y0 = latToY(bbox[3], z), y1 = latToY(bbox[1], z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const found: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        let any = false;
        for (const [name, index] of indexes) {
          if (z < layerMin[name]) continue;
          const t = index.getTile(z, x, y);
          if (t && t.features.length > 0) {
            found[name] = t;
            any = true;
            if (z === maxzoom) for (const f of t.features) layerCodes[name].add(String((f.tags as Record<string, unknown>).code));
          }
        }
        if (!any) continue;
        tiles.push({ z, x, y, data: gzip(fromGeojsonVt(found, { version: 2, extent: EXTENT })) });
      }
    }
  }

  const metadata = {
    name: options.name,
    description: options.description,
    attribution: options.attribution,
    format: 'pbf',
    type: 'overlay',
    minzoom,
    maxzoom,
    bounds: bbox,
    vector_layers: indexes.map(([name]) => ({
      id: name,
      description: 'feature-id = rij van het gebied in de gebiedstabel van dit niveau (codes oplopend gesorteerd) + 1; de CBS-code staat in code',
      fields: fields[name],
      minzoom: layerMin[name],
      maxzoom,
    })),
  };
  const bytes = writePmtiles({
    tiles,
    metadata,
    bounds: bbox,
    center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, Math.min(maxzoom, minzoom + 2)],
    minZoom: minzoom,
    maxZoom: maxzoom,
  });
  return { bytes, tileCount: tiles.length, layerCodes: Object.fromEntries(Object.entries(layerCodes).map(([k, v]) => [k, v.size])) };
}
