/**
 * Map layers of the beleving views, added on top of the choropleth by
 * MapView once the map is ready: stripes for the two "gap" quadrants (so
 * colour is never the only cue) and a dashed outline for areas whose class
 * the kernteam's judgement shifted. Both read feature-state only: fixed-size
 * expressions, no per-area lists.
 */
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { tileLayerName, type Level } from '../model/dataset-format.ts';
import { AREA_SOURCE, STATE_CLASS, layerId } from '../map/style.ts';
import { GAP_CLASS_OFFSET } from './gap.ts';

/** Feature-state key: 1 = the class shown is shifted by the kernteam's judgement. */
export const STATE_JUDGED = 'kt';

export const GAP_PATTERNS = { horizontal: 'patroon-kloof-h', vertical: 'patroon-kloof-v' } as const;

const SIZE = 8;
function stripes(on: (x: number, y: number) => boolean) {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (on(x, y)) data.set([20, 20, 20, 170], (y * SIZE + x) * 4);
  return { width: SIZE, height: SIZE, data };
}

export const belevingLayerIds = (level: Level) => [`kloof-h-${level}`, `kloof-v-${level}`, `kernteam-${level}`];

function layers(level: Level): LayerSpecification[] {
  const base = { source: AREA_SOURCE, 'source-layer': tileLayerName[level], layout: { visibility: 'none' as const } };
  const classIs = (c: number): ExpressionSpecification => ['case', ['==', ['coalesce', ['feature-state', STATE_CLASS], -1], c], 1, 0];
  const [h, v, kt] = belevingLayerIds(level);
  return [
    // Quadrant 1 (veilig maar voelt onveilig): horizontal stripes; quadrant 2 (onveilig maar voelt veilig): vertical.
    { id: h, type: 'fill', ...base, paint: { 'fill-pattern': GAP_PATTERNS.horizontal, 'fill-opacity': classIs(GAP_CLASS_OFFSET + 1) } },
    { id: v, type: 'fill', ...base, paint: { 'fill-pattern': GAP_PATTERNS.vertical, 'fill-opacity': classIs(GAP_CLASS_OFFSET + 2) } },
    {
      id: kt, type: 'line', ...base,
      paint: { 'line-color': '#4b0082', 'line-width': 3, 'line-dasharray': [1.5, 1], 'line-opacity': ['case', ['==', ['coalesce', ['feature-state', STATE_JUDGED], 0], 1], 1, 0] },
    },
  ];
}

/** Adds the images and layers once (below each level's outline). */
export function addBelevingLayers(map: MapLibreMap, levels: Level[]) {
  if (!map.hasImage(GAP_PATTERNS.horizontal)) map.addImage(GAP_PATTERNS.horizontal, stripes((_x, y) => y % 4 === 0), { pixelRatio: 1 });
  if (!map.hasImage(GAP_PATTERNS.vertical)) map.addImage(GAP_PATTERNS.vertical, stripes((x) => x % 4 === 0), { pixelRatio: 1 });
  for (const level of levels) {
    for (const layer of layers(level)) {
      if (map.getLayer(layer.id)) continue;
      const beforeId = layer.type === 'line' ? layerId.labels(level) : layerId.outline(level);
      map.addLayer(layer, map.getLayer(beforeId) ? beforeId : undefined);
    }
  }
}

/** Only the level on screen shows them: stale feature-state on hidden levels must not draw. */
export function showBelevingLayers(map: MapLibreMap, levels: Level[], active: Level) {
  for (const level of levels) {
    for (const id of belevingLayerIds(level)) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', level === active ? 'visible' : 'none');
    }
  }
}
