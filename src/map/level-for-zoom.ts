/**
 * The level that follows the zoom, apart from the map controller so that the
 * start of the data path (src/state/early-start.ts) can choose the first
 * level without loading MapLibre.
 */
import { LEVELS, type Level } from '../model/dataset-format.ts';
import { LEVEL_FROM_ZOOM } from './style.ts';

/** Level that follows the zoom, limited to the levels a dataset has. */
export function levelForZoom(zoom: number, levels: Level[]): Level {
  const wanted: Level = zoom < LEVEL_FROM_ZOOM.wijk ? 'gemeente' : zoom < LEVEL_FROM_ZOOM.buurt ? 'wijk' : 'buurt';
  if (levels.includes(wanted)) return wanted;
  const order = LEVELS.filter((l) => levels.includes(l));
  const wantedRank = LEVELS.indexOf(wanted);
  return order.reduce((best, l) => (Math.abs(LEVELS.indexOf(l) - wantedRank) < Math.abs(LEVELS.indexOf(best) - wantedRank) ? l : best), order[0]);
}

/**
 * The highest zoom at which levelForZoom still gives `level` (Infinity for
 * the finest): a camera fitted to one of its areas with this as its cap
 * keeps that level on screen, and so the selection, its table and its report.
 */
export function highestZoomShowing(level: Level, levels: Level[]): number {
  // levelForZoom changes only where a finer level starts.
  for (const finer of LEVELS.slice(LEVELS.indexOf(level) + 1)) {
    if (levelForZoom(LEVEL_FROM_ZOOM[finer], levels) !== level) return LEVEL_FROM_ZOOM[finer] - 0.01;
  }
  return Infinity;
}

/**
 * The zoom a camera fitted to a selected area may reach: `closest` (the
 * caller's choice per level), and, while the level follows the zoom, no
 * further than the selection's level stays on screen.
 */
export function selectionZoomCap(level: Level, levels: Level[], followsZoom: boolean, closest: Record<Level, number>): number {
  return Math.min(closest[level], followsZoom ? highestZoomShowing(level, levels) : Infinity);
}

/** Pixels the map keeps free around a dataset it fits to the view (MapLibre fitBoundsOptions). */
export const FIT_PADDING = 20;

/** Zoom at which a box (west, south, east, north) fits a width × height map with FIT_PADDING around it: Web Mercator, 512 px tiles. */
export function zoomToFit(bbox: readonly [number, number, number, number], width: number, height: number): number {
  width = Math.max(1, width - 2 * FIT_PADDING);
  height = Math.max(1, height - 2 * FIT_PADDING);
  const lonZoom = Math.log2((width * 360) / ((bbox[2] - bbox[0]) * 512));
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const latZoom = Math.log2((height * 2 * Math.PI) / ((y(bbox[3]) - y(bbox[1])) * 512));
  return Math.min(lonZoom, latZoom);
}
