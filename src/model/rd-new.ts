/**
 * RD New (EPSG:28992, Amersfoort / RD New, metres) and its conversion to
 * WGS84 (degrees), written once for the pipeline's geometry readers and the
 * point import. proj4 with the standard 7-parameter datum shift (towgs84) of
 * EPSG:28992 is accurate to about a metre: plenty for buurt borders and for
 * counting points per buurt.
 *
 * Import this only where coordinates are converted (the points worker, the
 * pipeline): it brings proj4 along. The UI names systems via src/enrichment/points/crs.ts.
 */
import proj4 from 'proj4';

export const RD_NEW_PROJ =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

/** The European Netherlands with the Wadden and a coastal margin, in WGS84 (Caribisch Nederland is not in the CBS buurt maps). */
export const NL_WGS84_BOUNDS = { west: 3.2, south: 50.7, east: 7.3, north: 53.7 } as const;
/** Where RD New is defined (the Netherlands and a margin), in metres. */
export const RD_GRID_BOUNDS = { west: -7000, south: 289000, east: 300000, north: 629000 } as const;

let converter: proj4.Converter | null = null;

/** RD New x, y (metres) → [lon, lat], unrounded. */
export function rdToWgs84(x: number, y: number): [number, number] {
  converter ??= proj4(RD_NEW_PROJ, 'EPSG:4326');
  const [lon, lat] = converter.forward([x, y]);
  return [lon, lat];
}

/** A WGS84 position inside the European Netherlands (with margin). */
export function inNetherlands(lon: number, lat: number): boolean {
  const b = NL_WGS84_BOUNDS;
  return lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;
}

/** An RD New position inside the grid's defined area. */
export function inRdGrid(x: number, y: number): boolean {
  const b = RD_GRID_BOUNDS;
  return x >= b.west && x <= b.east && y >= b.south && y <= b.north;
}
