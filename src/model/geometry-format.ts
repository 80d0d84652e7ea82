/**
 * Compact per-level area geometry for point-in-polygon counting in the
 * browser (the map's PMTiles geometry is tile-clipped and simplified per
 * zoom, so it cannot be used to count). Written by the data pipeline as
 * `<id>/<level>-geometry.<hash>.json`, read by the points worker.
 *
 * Coordinates are WGS84 quantised to 1e-5° (about 1 m) and delta-encoded per
 * ring, which keeps the JSON small while `JSON.parse` stays fast:
 *   ring = [x0, y0, dx1, dy1, dx2, dy2, …]  (integers, units of 1e-5°)
 *   area = polygons → rings (first ring is the shell, the others holes)
 * Pure: no DOM, no Node APIs.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { DataFileError, LEVELS, type Level } from './dataset-format.ts';

export const GEOMETRY_SCALE = 1e5;

export interface GeometryFile {
  format: 'wvk-geometry';
  version: 1;
  datasetId: string;
  level: Level;
  scale: number;
  /** Same order as the level table's codes. */
  codes: string[];
  /** Per area: polygons → rings → flat delta-encoded integers; [] = no geometry. */
  areas: number[][][][];
}

/** Quantise and delta-encode one ring; drops repeated points, null if degenerate. */
function encodeRing(ring: Position[], scale: number): number[] | null {
  const out: number[] = [];
  let px = 0, py = 0, count = 0;
  for (const p of ring) {
    const x = Math.round(p[0] * scale);
    const y = Math.round(p[1] * scale);
    if (count > 0 && x === px && y === py) continue;
    out.push(count === 0 ? x : x - px, count === 0 ? y : y - py);
    px = x; py = y; count++;
  }
  return count >= 4 ? out : null;
}

export function encodeGeometryFile(datasetId: string, level: Level, codes: string[], geometries: (Polygon | MultiPolygon | null)[]): Uint8Array {
  const areas = geometries.map((g) => {
    if (!g) return [];
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return polygons.flatMap((polygon) => {
      const rings: number[][] = [];
      for (const [i, ring] of polygon.entries()) {
        const encoded = encodeRing(ring, GEOMETRY_SCALE);
        if (encoded) rings.push(encoded);
        else if (i === 0) return [];
      }
      return rings.length ? [rings] : [];
    });
  });
  const file: GeometryFile = { format: 'wvk-geometry', version: 1, datasetId, level, scale: GEOMETRY_SCALE, codes, areas };
  return new TextEncoder().encode(JSON.stringify(file));
}

export function decodeRing(ring: number[], scale: number): Position[] {
  const out: Position[] = [];
  let x = 0, y = 0;
  for (let i = 0; i < ring.length; i += 2) {
    x += ring[i]; y += ring[i + 1];
    out.push([x / scale, y / scale]);
  }
  return out;
}

/** True for a ring as the pipeline writes it: at least four points of whole, finite numbers. */
function isRing(ring: unknown): ring is number[] {
  return Array.isArray(ring) && ring.length >= 8 && ring.length % 2 === 0 && ring.every((v) => Number.isSafeInteger(v));
}

/**
 * Areas as GeoJSON (null without geometry), in the file's code order. A
 * damaged file throws a DataFileError that names the file and the place,
 * instead of coordinates that would stop the points worker (a scale of 0
 * gives infinite coordinates).
 */
export function decodeGeometryFile(text: string, source = 'geometrie'): { level: Level; codes: string[]; geometries: (MultiPolygon | null)[] } {
  let file: GeometryFile;
  try {
    file = JSON.parse(text) as GeometryFile;
  } catch {
    throw new DataFileError('header', `${source}: geen geldige JSON (beschadigd of afgekapt)`);
  }
  if (file?.format !== 'wvk-geometry' || file.version !== 1) throw new DataFileError('header', `${source}: geen gebiedsgeometrie van dit formaat`);
  if (!(LEVELS as readonly unknown[]).includes(file.level)) throw new DataFileError('header', `${source}: onbekend niveau ${JSON.stringify(file.level)?.slice(0, 40)}`);
  if (typeof file.scale !== 'number' || !Number.isFinite(file.scale) || file.scale <= 0) {
    throw new DataFileError('header', `${source}: schaal ${JSON.stringify(file.scale)?.slice(0, 40)} is ongeldig (verwacht een positief getal, zoals ${GEOMETRY_SCALE})`);
  }
  if (!Array.isArray(file.codes) || !Array.isArray(file.areas) || file.codes.some((c) => typeof c !== 'string')) {
    throw new DataFileError('header', `${source}: codes en gebieden moeten lijsten zijn`);
  }
  if (file.codes.length !== file.areas.length) throw new DataFileError('inconsistent', `${source}: aantal codes (${file.codes.length}) en gebieden (${file.areas.length}) verschilt`);
  const geometries = file.areas.map((polygons, i): MultiPolygon | null => {
    const where = `${source}: gebied ${i + 1} (${file.codes[i]})`;
    if (!Array.isArray(polygons)) throw new DataFileError('section', `${where} is geen lijst van vlakken`);
    if (!polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every(isRing))) {
      throw new DataFileError('section', `${where} heeft een ongeldige ring (verwacht minstens vier punten als gehele getallen)`);
    }
    return polygons.length ? { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((r) => decodeRing(r, file.scale))) } : null;
  });
  return { level: file.level, codes: file.codes, geometries };
}
