/**
 * Bench floor: the app's own PMTiles archive in a bare MapLibre page with one
 * fill colour — what the stack needs just to draw the same tiles.
 * Query: ?tiles=<path relative to the site root>&layer=buurten|wijken|gemeenten.
 */
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol, SharedPromiseCache } from 'pmtiles';
import { decompressTiles } from '../../../src/data/tiles-decompress.ts';
import { benchState, createMap, drawn, params } from './bench-page.ts';

// Gzip through the browser's DecompressionStream, as the app does: pmtiles'
// default would load and initialise fflate first (up to 16 ms), a cost the
// app no longer pays and the floor should not either.
const protocol = new Protocol();
addProtocol('pmtiles', protocol.tile);
const tiles = new URL(`../${params.get('tiles')}`, location.href).href;
protocol.add(new PMTiles(tiles, new SharedPromiseCache(undefined, undefined, decompressTiles), decompressTiles));
const map = createMap({
  version: 8,
  sources: { areas: { type: 'vector', url: `pmtiles://${tiles}` } },
  layers: [
    { id: 'water', type: 'background', paint: { 'background-color': '#cfe0ea' } },
    { id: 'areas', type: 'fill', source: 'areas', 'source-layer': params.get('layer') ?? 'buurten', paint: { 'fill-color': '#fd8d3c', 'fill-outline-color': '#ffffff' } },
  ],
});
void drawn(map).then((t) => { benchState.readyAt = t; });
