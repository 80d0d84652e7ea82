/**
 * Which coordinate system a point file uses. The conversion and the bounds
 * live in src/model/rd-new.ts (one module for the pipeline and the points).
 */
import { inNetherlands, inRdGrid } from '../../model/rd-new.ts';
import type { Crs } from './crs.ts';

export type { Crs };

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
