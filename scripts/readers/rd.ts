/**
 * Reprojection from RD New (EPSG:28992, Amersfoort / RD New) to WGS84 with
 * proj4, using the standard 7-parameter datum shift (towgs84) of EPSG:28992.
 * Accuracy is about a metre, plenty for buurt borders.
 */
import proj4 from 'proj4';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

proj4.defs('EPSG:28992', RD_NEW);
const converter = proj4('EPSG:28992', 'WGS84');

/** Round to 7 decimals (about 1 cm) so output is deterministic and compact. */
export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/** RD New x, y (metres) → [lon, lat]. */
export function rdToWgs84(x: number, y: number): [number, number] {
  const [lon, lat] = converter.forward([x, y]);
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
  return polys.every((poly) => poly.every((ring) => ring.every(([x, y]) => x > 2 && x < 8.5 && y > 50 && y < 54.5)));
}

/** True when every coordinate lies in the RD New domain (with margin). */
export function looksLikeRd(geometry: Polygon | MultiPolygon): boolean {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.every((poly) => poly.every((ring) => ring.every(([x, y]) => x > -10_000 && x < 300_000 && y > 280_000 && y < 650_000)));
}
