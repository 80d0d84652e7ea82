/**
 * Geometry helpers for the pipeline: ring repair, dissolve, bbox and label
 * points. All input/output is WGS84 GeoJSON.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Areal = Polygon | MultiPolygon;

export function polygonsOf(geometry: Areal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function closeRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  if (out.length > 0) {
    const a = out[0];
    const b = out[out.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]);
  }
  return out;
}

export interface CleanResult {
  geometry: Areal | null;
  /** A ring self-intersected (or rings crossed) and polyclip rebuilt it. */
  repaired: boolean;
  /** Rings dropped because they had fewer than 4 positions. */
  droppedRings: number;
}

/**
 * Drop duplicate consecutive points and degenerate rings, then rebuild any
 * polygon with kinks through a self-union (polyclip resolves crossings).
 */
export function cleanGeometry(geometry: Areal): CleanResult {
  let droppedRings = 0;
  const polygons: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const rings: Position[][] = [];
    polygon.forEach((ring, i) => {
      const closed = closeRing(ring);
      if (closed.length < 4) {
        droppedRings++;
        return;
      }
      if (i > 0 && rings.length === 0) return; // hole without shell
      rings.push(closed);
    });
    if (rings.length > 0) polygons.push(rings);
  }
  if (polygons.length === 0) return { geometry: null, repaired: false, droppedRings };
  let cleaned: Areal = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
  const feature = turf.feature(cleaned);
  let repaired = false;
  if (turf.kinks(feature).features.length > 0) {
    const u = turf.union(turf.featureCollection([feature, feature]));
    if (u) {
      cleaned = u.geometry;
      repaired = true;
    }
  }
  return { geometry: cleaned, repaired, droppedRings };
}

/** Ring area in m² (approximate, spherical), used to drop tiny dissolve holes. */
function ringAreaM2(ring: Position[]): number {
  return turf.area(turf.polygon([ring]));
}

const M_PER_DEG = 111_320;

/** Ring in local metres (equirectangular around its first point). */
function toMetres(ring: Position[]): [number, number][] {
  const k = Math.cos((ring[0][1] * Math.PI) / 180) * M_PER_DEG;
  return ring.map((p) => [p[0] * k, p[1] * M_PER_DEG]);
}

function areaAndPerimeter(pts: [number, number][], from: number, to: number): { area: number; perimeter: number } {
  let a = 0;
  let per = 0;
  for (let i = from; i < to; i++) {
    a += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1];
    per += Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
  }
  a += pts[to][0] * pts[from][1] - pts[from][0] * pts[to][1];
  per += Math.hypot(pts[from][0] - pts[to][0], pts[from][1] - pts[to][1]);
  return { area: Math.abs(a) / 2, perimeter: per };
}

/**
 * Cut narrow inlets and spikes out of a ring: where the ring returns within
 * `widthM` of an earlier vertex and the part in between is thin (area ÷
 * perimeter below widthM ÷ 2, i.e. a crack of at most that width), that part
 * is removed. Dissolving buurten whose borders were simplified separately
 * leaves exactly such cracks along former internal borders.
 */
export function removeCracks(ring: Position[], widthM: number, lookAhead = 120): Position[] {
  if (ring.length < 8) return ring;
  const pts = toMetres(ring);
  const n = pts.length - 1; // last = first
  // Prefix sums of the shoelace terms and edge lengths: O(1) per candidate cut.
  const cross = new Float64Array(n + 1);
  const len = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    cross[k + 1] = cross[k] + pts[k][0] * pts[k + 1][1] - pts[k + 1][0] * pts[k][1];
    len[k + 1] = len[k] + Math.hypot(pts[k + 1][0] - pts[k][0], pts[k + 1][1] - pts[k][1]);
  }
  const total = len[n];
  const keep = new Uint8Array(n).fill(1);
  let i = 0;
  while (i < n - 2) {
    let cut = -1;
    for (let j = Math.min(n - 1, i + lookAhead); j >= i + 2; j--) {
      const close = Math.hypot(pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]);
      if (close > widthM) continue;
      const perimeter = len[j] - len[i] + close;
      const area = Math.abs(cross[j] - cross[i] + pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1]) / 2;
      if (perimeter < total / 2 && area / perimeter < widthM / 2) {
        cut = j;
        break;
      }
    }
    if (cut > 0) {
      for (let k = i + 1; k < cut; k++) keep[k] = 0;
      i = cut;
    } else i++;
  }
  const out = ring.slice(0, n).filter((_, k) => keep[k]);
  if (out.length < 3) return ring;
  out.push(out[0]);
  return out;
}

function isThin(ring: Position[], widthM: number): boolean {
  const pts = toMetres(ring);
  const { area, perimeter } = areaAndPerimeter(pts, 0, pts.length - 2);
  return perimeter === 0 || area / perimeter < widthM / 2;
}

/**
 * Dissolve parts into one geometry. Buurten of one gemeente share a pixel
 * grid, so their borders mostly coincide; remaining slivers leave small holes,
 * which we drop (below `maxHoleM2` or thinner than `crackWidthM`) because they
 * are artefacts — unless `isEnclave` says another area fills the hole.
 */
export interface DissolveOptions {
  maxHoleM2?: number;
  crackWidthM?: number;
  /** True when the hole holds another area (e.g. a wijk inside a wijk): always kept. */
  isEnclave?: (hole: Position[]) => boolean;
}

export function dissolve(parts: Areal[], options: DissolveOptions = {}): { geometry: Areal | null; failed: boolean } {
  const { maxHoleM2 = 200_000, crackWidthM = 60, isEnclave } = options;
  if (parts.length === 0) return { geometry: null, failed: false };
  let result: Areal;
  let failed = false;
  if (parts.length === 1) result = parts[0];
  else {
    try {
      const u = turf.union(turf.featureCollection(parts.map((g) => turf.feature(g))));
      if (!u) return { geometry: null, failed: false };
      result = u.geometry;
    } catch {
      // Fall back to a plain collection of the parts: borders stay visible but nothing is lost.
      failed = true;
      result = { type: 'MultiPolygon', coordinates: parts.flatMap(polygonsOf) };
    }
  }
  // Close cracks, drop small or thin holes (gaps between buurten) and thin slivers.
  let polygons = polygonsOf(result).map((rings) => [
    removeCracks(rings[0], crackWidthM),
    ...rings.slice(1).filter((r) => isEnclave?.(r) || (ringAreaM2(r) > maxHoleM2 && !isThin(r, crackWidthM))).map((r) => removeCracks(r, crackWidthM)),
  ]);
  if (polygons.length > 1) {
    const solid = polygons.filter((rings) => !isThin(rings[0], crackWidthM));
    if (solid.length > 0) polygons = solid;
  }
  return { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }, failed };
}

export function bboxOf(geometry: Areal): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [x, y] of polygon[0]) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

/**
 * A point inside the area for labels: the area centroid of the largest part
 * when it lies inside, else turf's point-on-surface of that part.
 */
export function labelPointOf(geometry: Areal): [number, number] {
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const rings of polygonsOf(geometry)) {
    const f = turf.polygon(rings);
    const a = turf.area(f);
    if (a > bestArea) {
      bestArea = a;
      best = f;
    }
  }
  if (!best) throw new Error('labelPointOf: lege geometrie');
  const c = turf.centerOfMass(best).geometry.coordinates;
  if (turf.booleanPointInPolygon(c, best)) return [c[0], c[1]];
  const p = turf.pointOnFeature(best).geometry.coordinates;
  return [p[0], p[1]];
}
