/**
 * Shared by the two bench comparison pages: the view from the query string
 * (`?lon=&lat=&zoom=`, and `w=&h=` for the map size) and the "first drawn" signal the bench polls
 * (window.__bench.readyAt, ms since navigation start).
 */
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// The same worker set-up as the app (src/map/map-controller.ts).
setWorkerUrl(maplibreWorkerUrl);

export interface BenchState { readyAt: number | null; map: MapLibreMap | null; recolour?: () => Promise<number> }
export const benchState: BenchState = { readyAt: null, map: null };
(window as unknown as { __bench: BenchState }).__bench = benchState;
export const params = new URLSearchParams(location.search);

export function createMap(style: StyleSpecification): MapLibreMap {
  // The app's map is the middle column of its layout: the bench passes its size, so both draw the same view.
  const container = document.getElementById('map')!;
  const width = Number(params.get('w')), height = Number(params.get('h'));
  if (width > 0 && height > 0) Object.assign(container.style, { width: `${width}px`, height: `${height}px` });
  const map = new MapLibreMap({
    container: 'map',
    style,
    center: [Number(params.get('lon') ?? 5.12), Number(params.get('lat') ?? 52.09)],
    zoom: Number(params.get('zoom') ?? 10),
    attributionControl: false,
  });
  benchState.map = map;
  return map;
}

/** Resolves when the map is idle with all tiles of the view drawn. */
export function drawn(map: MapLibreMap): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (map.loaded() && map.areTilesLoaded()) resolve(performance.now());
      else map.once('idle', check);
    };
    map.once('idle', check);
  });
}

/** Colours of the app's six classes (src/map/style.ts), low → high. */
export const CLASS_COLOURS = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
