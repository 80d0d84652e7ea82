import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupByLayout, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { AREA_SOURCE, areaLayers, layerId } from '../../src/map/style.ts';
import { LEVELS, type Level } from '../../src/model/dataset-format.ts';

/**
 * MapLibre's worker tessellates a tile's polygons once per group of layers
 * that groupByLayout puts together, and skips a group whose layout hides it.
 * Each extra group is a second pass over the same geometry before the map
 * shows its first colours.
 */
function drawnGroups(initialLevel: Level): string[][] {
  const layers = areaLayers({ tilesUrl: 't.pmtiles', levels: [...LEVELS], minzoom: 5, maxzoom: 12, initialLevel }, true)
    .filter((l): l is LayerSpecification & { source: string } => 'source' in l && l.source === AREA_SOURCE)
    .filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none');
  return groupByLayout(layers).map((group) => group.map((l) => l.id));
}

const packageJson = (name: string) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));

describe('the area layers as MapLibre parses them', () => {
  // MapLibre's worker bundles its own copy of groupByLayout; this test reads
  // the style specification's. They are the same rule while the installed
  // specification is the major version maplibre-gl was built against.
  it('groups with the style specification maplibre-gl depends on', () => {
    const wanted = packageJson('maplibre-gl').dependencies['@maplibre/maplibre-gl-style-spec'] as string;
    const installed = packageJson('@maplibre/maplibre-gl-style-spec').version as string;
    expect(installed.split('.')[0]).toBe(wanted.replace(/^[\^~]/, '').split('.')[0]);
  });

  it('at gemeente level: the land, fills and patterns share one tessellation, the outlines, borders and highlights another', () => {
    const groups = drawnGroups('gemeente');
    expect(groups).toHaveLength(2);
    expect(groups.find((g) => g.includes('land'))).toContain(layerId.fill('gemeente'));
    expect(groups.find((g) => g.includes('gemeente-borders'))).toContain(layerId.outline('gemeente'));
  });

  it('at buurt level: the buurt fills and patterns are one group and the buurt lines another, next to land and borders', () => {
    const groups = drawnGroups('buurt');
    expect(groups).toHaveLength(4);
    expect(groups.find((g) => g.includes(layerId.fill('buurt')))).toEqual(expect.arrayContaining([layerId.pattern('buurt', 'whiteSpot')]));
    expect(groups.find((g) => g.includes(layerId.outline('buurt')))).toEqual(expect.arrayContaining([layerId.selection('buurt'), layerId.neighbours('buurt')]));
  });

  it('draws no fill edge twice: no area fill has MapLibre\'s antialiasing pass, and none copies its colour into an outline colour', () => {
    const fills = areaLayers({ tilesUrl: 't.pmtiles', levels: [...LEVELS], minzoom: 5, maxzoom: 12, initialLevel: 'buurt' }, true).filter((l) => l.type === 'fill');
    expect(fills.length).toBeGreaterThan(LEVELS.length);
    for (const fill of fills) {
      const paint = (fill.paint ?? {}) as Record<string, unknown>;
      expect(paint['fill-antialias'], fill.id).toBe(false);
      // Unset, MapLibre takes the outline colour from fill-color, data-driven or not.
      if (Array.isArray(paint['fill-color'])) expect(typeof paint['fill-outline-color'], fill.id).toBe('string');
    }
  });
});
