import { beforeAll, describe, expect, it } from 'vitest';
import { PMTiles, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { buildDataset } from '../../../scripts/pipeline/build-dataset.ts';
import { buildTiles, type TileFeature } from '../../../scripts/pipeline/tiles.ts';
import { loadNl2024 } from '../../../scripts/pipeline/sources/nl2024.ts';
import { tileFeatureId, tileLayerName, type Level, type LevelTable } from '../../../src/model/dataset-format.ts';
import { FIXTURE_DATA } from '../pipeline/helpers.ts';

function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number) => ({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer }),
  };
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * 2 ** z), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)];
}

describe('vector tiles of a built dataset', () => {
  let archive: PMTiles;
  let tables: Partial<Record<Level, LevelTable>>;
  beforeAll(() => {
    const built = buildDataset(loadNl2024({ dataDir: FIXTURE_DATA }));
    archive = new PMTiles(memorySource(built.tiles));
    tables = built.levelTables;
  });

  it('has metadata with the three vector layers and the zoom range', async () => {
    const h = await archive.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([5, 12]);
    const md = (await archive.getMetadata()) as { vector_layers: { id: string; minzoom: number; fields: Record<string, string> }[] };
    expect(md.vector_layers.map((l) => l.id)).toEqual(['gemeenten', 'wijken', 'buurten']);
    // Wijken from z7 and buurten from z8 keep the national tiles light.
    expect(md.vector_layers.map((l) => l.minzoom)).toEqual([5, 7, 8]);
    expect(md.vector_layers[2].fields).toMatchObject({ code: 'String', wijk: 'String', flags: 'Number' });
  });

  it('decodes at every zoom with each layer from its own minzoom and CBS code properties', async () => {
    // Paterswolde lies inside the fixture at every zoom.
    for (let z = 5; z <= 12; z++) {
      const [x, y] = tileOf(6.575, 53.15, z);
      const t = await archive.getZxy(z, x, y);
      expect(t, `z${z}`).toBeDefined();
      const vt = new VectorTile(new PbfReader(new Uint8Array(t!.data)));
      const expected = ['gemeenten', ...(z >= 7 ? ['wijken'] : []), ...(z >= 8 ? ['buurten'] : [])].sort();
      expect(Object.keys(vt.layers).sort(), `z${z}`).toEqual(expected);
      const patterns: Record<string, RegExp> = { gemeenten: /^GM\d{4}$/, wijken: /^WK\d{6}$/, buurten: /^BU\d{8}$/ };
      for (const [name, layer] of Object.entries(vt.layers)) {
        expect(layer.length).toBeGreaterThan(0);
        const level = (Object.keys(tileLayerName) as Level[]).find((l) => tileLayerName[l] === name)!;
        for (let i = 0; i < layer.length; i++) {
          const p = layer.feature(i).properties;
          expect(String(p.code)).toMatch(patterns[name]);
          // Feature id = the area's row in its level table + 1 (docs/gis-export.md).
          expect(layer.feature(i).id).toBe(tileFeatureId(tables[level]!.codes.indexOf(String(p.code))));
          expect(String(p.gemeente)).toMatch(/^GM(0014|1730)$/);
          expect(typeof p.name).toBe('string');
          expect(typeof p.flags).toBe('number');
          if (name === 'buurten') expect(String(p.wijk)).toBe(`WK${String(p.code).slice(2, 8)}`);
          expect(layer.feature(i).type).toBe(3); // polygon
        }
      }
    }
  });
});

describe('buildTiles feature ids', () => {
  const square = (lon: number): TileFeature['geometry'] => ({ type: 'Polygon', coordinates: [[[lon, 53], [lon + 0.01, 53], [lon + 0.01, 53.01], [lon, 53.01], [lon, 53]]] });
  const options = { minzoom: 8, maxzoom: 8, bbox: [6.5, 53, 6.7, 53.1] as [number, number, number, number], name: 't', description: 't', attribution: 'Bron: CBS' };
  const buurt = (code: string, row: number): TileFeature => ({ row, code, name: code, gemeente: 'GM0363', wijk: 'WK036300', flags: 0, geometry: square(6.55 + row * 0.02) });

  it('refuses two areas of one layer with the same table row, naming the level and the code', () => {
    expect(() => buildTiles({ buurt: [buurt('BU0363AA01', 4), buurt('BU0363AA02', 4)] }, options)).toThrow(/buurt BU0363AA02: rij 4 .*dubbel/);
  });

  it('writes row + 1 as the id of each feature', async () => {
    const { bytes } = buildTiles({ buurt: [buurt('BU0363AA01', 0), buurt('BU0363AB07', 3)] }, options);
    const [x, y] = tileOf(6.56, 53.005, 8);
    const t = await new PMTiles(memorySource(bytes)).getZxy(8, x, y);
    const layer = new VectorTile(new PbfReader(new Uint8Array(t!.data))).layers.buurten;
    const ids = Object.fromEntries(Array.from({ length: layer.length }, (_, i) => [String(layer.feature(i).properties.code), layer.feature(i).id]));
    expect(ids).toEqual({ BU0363AA01: 1, BU0363AB07: 4 });
  });
});
