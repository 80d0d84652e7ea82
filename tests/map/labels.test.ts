import { describe, expect, it } from 'vitest';
import { levelForZoom } from '../../src/map/map-controller.ts';
import { areaLayers, layerId } from '../../src/map/style.ts';
import { LEVELS } from '../../src/model/dataset-format.ts';

// A user zooming in must never pass through a band of zoom levels where the
// areas on screen carry no names (it happened between wijk and buurt).
describe('area labels', () => {
  const layers = areaLayers({ tilesUrl: 't.pmtiles', levels: [...LEVELS], minzoom: 5, maxzoom: 12, initialLevel: 'gemeente' }, true);
  it('exist from the first zoom at which their level is on screen (wijk and buurt) and for gemeenten from a regional view', () => {
    for (let zoom = 6.5; zoom <= 16; zoom += 0.1) {
      const level = levelForZoom(zoom, [...LEVELS]);
      const labels = layers.find((l) => l.id === layerId.labels(level));
      expect(labels, level).toBeDefined();
      expect(labels!.minzoom ?? 0, `${level} at zoom ${zoom.toFixed(1)}`).toBeLessThanOrEqual(zoom + 1e-9);
    }
  });
});
