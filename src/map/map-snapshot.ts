/**
 * A still image of the app's own map around one area, for the printed report.
 * The camera is fitted to the area's box (with room for its surroundings),
 * MapLibre is left to load every tile ('idle'), and the canvas is read inside
 * the next 'render' event: without preserveDrawingBuffer the WebGL buffer is
 * only readable in the same frame it was drawn. The user's view is restored
 * afterwards. No other host is asked for anything.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface SnapshotOptions {
  /** [west, south, east, north] of the area. */
  bbox: ArrayLike<number>;
  maxZoom: number;
  /** Give up after this long (a tile that never arrives must not block the report). */
  timeoutMs?: number;
}

function whenIdle(map: MapLibreMap, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      map.off('idle', done);
      resolve(false);
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      resolve(true);
    }
    map.once('idle', done);
  });
}

/** A PNG data URL of the map around the area, or null when the map cannot be read (lost WebGL context, a tainted canvas). */
export async function snapshotArea(map: MapLibreMap, { bbox, maxZoom, timeoutMs = 15_000 }: SnapshotOptions): Promise<string | null> {
  if (!Number.isFinite(bbox[0])) return null;
  const before = { center: map.getCenter(), zoom: map.getZoom() };
  try {
    map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 50, maxZoom, duration: 0 });
    await whenIdle(map, timeoutMs);
    let image: string | null = null;
    const drawn = new Promise<void>((resolve) => {
      const read = () => {
        try {
          image = map.getCanvas().toDataURL('image/png');
        } catch {
          image = null;
        }
        resolve();
      };
      map.once('render', read);
      setTimeout(() => {
        map.off('render', read);
        resolve();
      }, timeoutMs);
    });
    map.triggerRepaint();
    await drawn;
    return image;
  } finally {
    map.jumpTo(before);
  }
}
