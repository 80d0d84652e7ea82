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
