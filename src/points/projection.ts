/**
 * Coordinate systems for point imports: RD New (EPSG:28992, metres) and
 * WGS84 (degrees). RD → WGS84 goes through proj4 with the standard 7-parameter
 * datum shift (towgs84), which is accurate to about a metre — plenty for
 * counting points per buurt.
 */
import proj4 from 'proj4';
import type { Crs } from './crs.ts';

export type { Crs };

const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

let converter: proj4.Converter | null = null;

/** RD New x, y (metres) → [lon, lat]. */
export function rdToWgs84(x: number, y: number): [number, number] {
  converter ??= proj4(RD_NEW, 'EPSG:4326');
  const [lon, lat] = converter.forward([x, y]);
  return [lon, lat];
}

/** The Netherlands incl. the Wadden and a margin, in WGS84 (Caribisch Nederland is not in the CBS buurt maps). */
export const NL_BOUNDS = { west: 3.2, south: 50.7, east: 7.3, north: 53.7 } as const;
/** The RD New grid's defined area (the Netherlands and a margin). */
export const RD_BOUNDS = { west: -7000, south: 289000, east: 300000, north: 629000 } as const;

export function inNetherlands(lon: number, lat: number): boolean {
  return lon >= NL_BOUNDS.west && lon <= NL_BOUNDS.east && lat >= NL_BOUNDS.south && lat <= NL_BOUNDS.north;
}

export function inRdGrid(x: number, y: number): boolean {
  return x >= RD_BOUNDS.west && x <= RD_BOUNDS.east && y >= RD_BOUNDS.south && y <= RD_BOUNDS.north;
}

/** Guess the system from sample coordinates (x/lon first); null when neither fits. */
export function guessCrs(samples: [number, number][]): Crs | null {
  if (!samples.length) return null;
  const rd = samples.filter(([x, y]) => inRdGrid(x, y)).length;
  const wgs = samples.filter(([x, y]) => inNetherlands(x, y)).length;
  if (rd === 0 && wgs === 0) {
    // Outside both: metres are recognisable by size, degrees by not being.
    return samples.some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90) ? 'rd' : 'wgs84';
  }
  return rd >= wgs ? 'rd' : 'wgs84';
}
