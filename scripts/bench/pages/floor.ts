/**
 * Bench floor: the app's own PMTiles archive in a bare MapLibre page with one
 * fill colour — what the stack needs just to draw the same tiles.
 * Query: ?tiles=<path relative to the site root>&layer=buurten|wijken|gemeenten.
 */
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { benchState, createMap, drawn, params } from './bench-page.ts';

addProtocol('pmtiles', new Protocol().tile);
const tiles = new URL(`../${params.get('tiles')}`, location.href).href;
const map = createMap({
  version: 8,
  sources: { areas: { type: 'vector', url: `pmtiles://${tiles}` } },
  layers: [
    { id: 'water', type: 'background', paint: { 'background-color': '#cfe0ea' } },
    { id: 'areas', type: 'fill', source: 'areas', 'source-layer': params.get('layer') ?? 'buurten', paint: { 'fill-color': '#fd8d3c', 'fill-outline-color': '#ffffff' } },
  ],
});
void drawn(map).then((t) => { benchState.readyAt = t; });
