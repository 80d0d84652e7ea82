/**
 * Neighbour detection with a distance tolerance. The buurt geometry was
 * reconstructed per gemeente, so buurten on either side of a gemeente border
 * are separated by gaps (median 5 m, up to tens of metres) and rarely share a
 * vertex. We sample each border every `sampleSpacingM` metres and count, per
 * other area, the samples that lie within `toleranceM` of that area's border.
 * A pair borders when the shared length (samples × spacing) reaches
 * `minSharedM` in at least one direction.
 *
 * Coordinates are projected with a fixed cos(lat₀) scale (equirectangular
 * around the dataset's mean latitude): over the Netherlands that is within
 * ±2.5 % of true distance, far below the geometry's own uncertainty.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { polygonsOf, type Areal } from './geometry.ts';

export interface NeighbourOptions {
  toleranceM: number;
  sampleSpacingM: number;
  minSharedM: number;
}

export const DEFAULT_NEIGHBOUR_OPTIONS: NeighbourOptions = { toleranceM: 40, sampleSpacingM: 10, minSharedM: 30 };

export function neighbourMethodText(o: NeighbourOptions): string {
  return `Buren: gebieden waarvan de randen over minstens ${o.minSharedM} m binnen ${o.toleranceM} m van elkaar liggen ` +
    `(randpunten elke ${o.sampleSpacingM} m, afstand in meters via een vaste cos(breedtegraad)-schaal). ` +
    'De tolerantie overbrugt de kieren tussen buurten van verschillende gemeenten in de benaderde geometrie. ' +
    'Wijken en gemeenten zijn buren als een van hun buurten buren zijn.';
}

const M_PER_DEG_LAT = 111_320;

interface Segment {
  area: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

function distToSegment2(px: number, py: number, s: Segment): number {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - s.ax) * dx + (py - s.ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = s.ax + t * dx - px;
  const ey = s.ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Returns for every area the sorted indices of its neighbours. Areas with a
 * null geometry get none.
 */
export function findNeighbours(geometries: (Areal | null)[], options: NeighbourOptions = DEFAULT_NEIGHBOUR_OPTIONS): number[][] {
  const { toleranceM, sampleSpacingM, minSharedM } = options;
  // Mean latitude for the projection scale.
  let latSum = 0;
  let latCount = 0;
  for (const g of geometries) {
    if (!g) continue;
    for (const poly of polygonsOf(g)) for (const p of poly[0]) { latSum += p[1]; latCount++; }
  }
  const cosLat = Math.cos(((latCount ? latSum / latCount : 52) * Math.PI) / 180);
  const project = (p: Position): [number, number] => [p[0] * M_PER_DEG_LAT * cosLat, p[1] * M_PER_DEG_LAT];

  const rings: { area: number; pts: [number, number][] }[] = [];
  geometries.forEach((g, area) => {
    if (!g) return;
    for (const poly of polygonsOf(g)) for (const ring of poly) rings.push({ area, pts: ring.map(project) });
  });

  // Segments in a static R-tree under their tolerance-expanded boxes: a sample
  // point meets only the segments that can lie within the tolerance.
  const segments: Segment[] = [];
  for (const { area, pts } of rings) {
    for (let i = 0; i + 1 < pts.length; i++) segments.push({ area, ax: pts[i][0], ay: pts[i][1], bx: pts[i + 1][0], by: pts[i + 1][1] });
  }
  const index = segments.length ? new Flatbush(segments.length) : null;
  for (const s of segments) index!.add(Math.min(s.ax, s.bx) - toleranceM, Math.min(s.ay, s.by) - toleranceM, Math.max(s.ax, s.bx) + toleranceM, Math.max(s.ay, s.by) + toleranceM);
  index?.finish();

  const tol2 = toleranceM * toleranceM;
  const minSamples = Math.max(1, Math.ceil(minSharedM / sampleSpacingM));
  const counts = new Map<number, Map<number, number>>(); // area → (other → samples)
  const near = new Set<number>();
  const sample = (area: number, x: number, y: number) => {
    if (!index) return;
    near.clear();
    // In segment order, so the neighbour counts fill in the same order as before.
    for (const k of index.search(x, y, x, y).sort((p, q) => p - q)) {
      const s = segments[k];
      if (s.area === area || near.has(s.area)) continue;
      if (distToSegment2(x, y, s) <= tol2) near.add(s.area);
    }
    if (near.size === 0) return;
    let m = counts.get(area);
    if (!m) counts.set(area, (m = new Map()));
    for (const other of near) m.set(other, (m.get(other) ?? 0) + 1);
  };
  for (const { area, pts } of rings) {
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i];
      const [bx, by] = pts[i + 1];
      const len = Math.hypot(bx - ax, by - ay);
      const steps = Math.max(1, Math.round(len / sampleSpacingM));
      // Samples at the segment start and along it; the end is the next start.
      for (let k = 0; k < steps; k++) sample(area, ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps);
    }
  }

  const result: Set<number>[] = geometries.map(() => new Set<number>());
  for (const [area, m] of counts) {
    for (const [other, n] of m) {
      if (n >= minSamples) {
        result[area].add(other);
        result[other].add(area);
      }
    }
  }
  return result.map((s) => [...s].sort((a, b) => a - b));
}

/** Neighbours of parent areas from the neighbours of their children. */
export function aggregateNeighbours(childNeighbours: number[][], parentOfChild: number[], parentCount: number): number[][] {
  const result: Set<number>[] = Array.from({ length: parentCount }, () => new Set<number>());
  childNeighbours.forEach((list, child) => {
    const p = parentOfChild[child];
    if (p < 0) return;
    for (const other of list) {
      const q = parentOfChild[other];
      if (q >= 0 && q !== p) {
        result[p].add(q);
        result[q].add(p);
      }
    }
  });
  return result.map((s) => [...s].sort((a, b) => a - b));
}

/** Compressed sparse rows for the level table. */
export function toCsr(lists: number[][]): { offsets: Uint32Array; indices: Uint32Array } {
  const offsets = new Uint32Array(lists.length + 1);
  let total = 0;
  lists.forEach((l, i) => {
    offsets[i] = total;
    total += l.length;
  });
  offsets[lists.length] = total;
  const indices = new Uint32Array(total);
  let o = 0;
  for (const l of lists) for (const v of l) indices[o++] = v;
  return { offsets, indices };
}
