/**
 * Coordinate-system names for the UI. Kept apart from projection.ts so the
 * dialog does not pull proj4 into the main bundle (proj4 runs in the worker).
 */
export type Crs = 'rd' | 'wgs84';

export const crsLabel: Record<Crs, string> = {
  rd: 'RD New (EPSG:28992, meters)',
  wgs84: 'WGS84 (EPSG:4326, graden)',
};
