/**
 * Point-in-polygon counting per area with a grid prefilter: each area is
 * registered in the grid cells its bbox touches, so a point tests only the
 * few areas whose bbox holds it, with turf's exact test.
 *
 * A point on a shared border would be inside both areas by turf's inclusive
 * rule; it is counted once: first the strict test (boundary excluded), and
 * only if no area contains it strictly, the first area (in code order) that
 * holds it on its boundary.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

export interface AreaIndex {
  codes: string[];
  geometries: (Polygon | MultiPolygon | null)[];
  /** [w, s, e, n] per area (4 × n). */
  bbox: Float64Array;
  cell: number;
  grid: Map<number, number[]>;
}

export interface CountResult {
  /** Points per area, in the index's code order. */
  counts: Uint32Array;
  /** Points in no area (water, outside the dataset, a gap between reconstructed buurten). */
  outside: number;
  /** Points decided by the boundary rule. */
  onBorder: number;
  ms: number;
}

const key = (gx: number, gy: number) => gx * 100_000 + gy;

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

/** Cell size in degrees: 0.02° ≈ 1.4 × 2.2 km, a few buurten per cell. */
export function buildAreaIndex(codes: string[], geometries: (Polygon | MultiPolygon | null)[], cell = 0.02): AreaIndex {
  const bbox = new Float64Array(codes.length * 4).fill(NaN);
  const grid = new Map<number, number[]>();
  geometries.forEach((g, i) => {
    if (!g) return;
    const b = bboxOf(g);
    bbox.set(b, 4 * i);
    for (let gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
      for (let gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
        const k = key(gx, gy);
        const list = grid.get(k);
        if (list) list.push(i);
        else grid.set(k, [i]);
      }
    }
  });
  return { codes, geometries, bbox, cell, grid };
}

/** Index of the area holding (lon, lat), or -1; `border` tells whether the boundary rule decided. */
export function locatePoint(index: AreaIndex, lon: number, lat: number): { area: number; border: boolean } {
  const candidates = index.grid.get(key(Math.floor(lon / index.cell), Math.floor(lat / index.cell)));
  if (!candidates) return { area: -1, border: false };
  const { bbox, geometries } = index;
  const inBox: number[] = [];
  for (const i of candidates) {
    if (lon < bbox[4 * i] || lon > bbox[4 * i + 2] || lat < bbox[4 * i + 1] || lat > bbox[4 * i + 3]) continue;
    inBox.push(i);
  }
  const point = [lon, lat];
  for (const i of inBox) if (booleanPointInPolygon(point, geometries[i]!, { ignoreBoundary: true })) return { area: i, border: false };
  let first = -1;
  for (const i of inBox) {
    if ((first < 0 || i < first) && booleanPointInPolygon(point, geometries[i]!)) first = i;
  }
  return { area: first, border: first >= 0 };
}

/** Count interleaved lon/lat positions per area. */
export function countPoints(index: AreaIndex, positions: ArrayLike<number>): CountResult {
  const t0 = performance.now();
  const counts = new Uint32Array(index.codes.length);
  let outside = 0, onBorder = 0;
  for (let p = 0; p + 1 < positions.length; p += 2) {
    const { area, border } = locatePoint(index, positions[p], positions[p + 1]);
    if (area < 0) outside++;
    else {
      counts[area]++;
      if (border) onBorder++;
    }
  }
  return { counts, outside, onBorder, ms: performance.now() - t0 };
}
