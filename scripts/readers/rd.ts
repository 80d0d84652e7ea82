/**
 * Geometry reprojection for the pipeline's readers: RD New → WGS84 per
 * position (src/model/rd-new.ts, the one module for RD New), rounded for
 * deterministic output, and the checks that a geometry lies in the
 * Netherlands in either system (the same bounds as the point import).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inNetherlands, inRdGrid, rdToWgs84 as rdToWgs84Exact } from '../../src/model/rd-new.ts';

/** Round to 7 decimals (about 1 cm) so output is deterministic and compact. */
export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/** RD New x, y (metres) → [lon, lat]. */
export function rdToWgs84(x: number, y: number): [number, number] {
  const [lon, lat] = rdToWgs84Exact(x, y);
  return [round7(lon), round7(lat)];
}

function mapRings(rings: Position[][], f: (p: Position) => Position): Position[][] {
  return rings.map((ring) => ring.map(f));
}

/** Apply a position transform to a Polygon or MultiPolygon (returns a new geometry). */
export function transformGeometry<G extends Polygon | MultiPolygon>(geometry: G, f: (p: Position) => Position): G {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: mapRings(geometry.coordinates, f) } as G;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => mapRings(poly, f)) } as G;
}

export function geometryRdToWgs84<G extends Polygon | MultiPolygon>(geometry: G): G {
  return transformGeometry(geometry, (p) => rdToWgs84(p[0], p[1]));
}

/** True when every coordinate lies in the Netherlands in WGS84 degrees (with margin). */
export function looksLikeWgs84InNl(geometry: Polygon | MultiPolygon): boolean {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.every((poly) => poly.every((ring) => ring.every(([x, y]) => inNetherlands(x, y))));
}

/** True when every coordinate lies in the RD New domain (with margin). */
export function looksLikeRd(geometry: Polygon | MultiPolygon): boolean {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.every((poly) => poly.every((ring) => ring.every(([x, y]) => inRdGrid(x, y))));
}
