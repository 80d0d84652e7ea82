/**
 * Point-in-polygon counting per area with a bounding-box index (Flatbush, a
 * static packed R-tree): a point tests only the few areas whose bbox holds
 * it, with turf's exact test.
 *
 * A point on a shared border would be inside both areas by turf's inclusive
 * rule; it is counted once: first the strict test (boundary excluded), and
 * only if no area contains it strictly, the first area (in code order) that
 * holds it on its boundary.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

export interface AreaIndex {
  codes: string[];
  geometries: (Polygon | MultiPolygon | null)[];
  /** Boxes of the areas that have a geometry; `areaOfBox[k]` is the area of box k. */
  boxes: Flatbush | null;
  areaOfBox: Uint32Array;
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

export function buildAreaIndex(codes: string[], geometries: (Polygon | MultiPolygon | null)[]): AreaIndex {
  const withGeometry = geometries.flatMap((g, i) => (g ? [i] : []));
  const areaOfBox = Uint32Array.from(withGeometry);
  if (!withGeometry.length) return { codes, geometries, boxes: null, areaOfBox };
  const boxes = new Flatbush(withGeometry.length);
  for (const i of withGeometry) boxes.add(...bboxOf(geometries[i]!));
  boxes.finish();
  return { codes, geometries, boxes, areaOfBox };
}

/** Index of the area holding (lon, lat), or -1; `border` tells whether the boundary rule decided. */
export function locatePoint(index: AreaIndex, lon: number, lat: number): { area: number; border: boolean } {
  if (!index.boxes) return { area: -1, border: false };
  const { areaOfBox, geometries } = index;
  // In code order, so the boundary rule's "first area" does not depend on the tree's layout.
  const inBox = index.boxes.search(lon, lat, lon, lat).map((k) => areaOfBox[k]).sort((a, b) => a - b);
  const point = [lon, lat];
  for (const i of inBox) if (booleanPointInPolygon(point, geometries[i]!, { ignoreBoundary: true })) return { area: i, border: false };
  const first = inBox.find((i) => booleanPointInPolygon(point, geometries[i]!));
  return first === undefined ? { area: -1, border: false } : { area: first, border: true };
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
