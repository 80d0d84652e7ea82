/**
 * The shipped tiles (public/data, committed) carry as feature id the area's
 * row in its level table + 1 (tileFeatureId), in every dataset and layer, so
 * the map can set feature-state by number. Amsterdam's letter codes
 * (BU0363AA01…) once shared ids when the id was the code's leading digits.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PMTiles, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { loadDatasetFromDisk } from '../../../scripts/scores-cli.ts';
import { areaIndexOfTileFeature, tileLayerName, type DatasetCatalog, type Level } from '../../../src/model/dataset-format.ts';

const catalogPath = 'public/data/datasets.json';
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as DatasetCatalog;

function fileArchive(path: string): PMTiles {
  const bytes = readFileSync(path);
  const source: Source = {
    getKey: () => path,
    getBytes: async (offset: number, length: number) => ({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer }),
  };
  return new PMTiles(source);
}

function tileRange(bbox: [number, number, number, number], z: number): { x0: number; x1: number; y0: number; y1: number } {
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  };
  return { x0: x(bbox[0]), x1: x(bbox[2]), y0: y(bbox[3]), y1: y(bbox[1]) };
}

/** Every feature of one layer in the tiles of `bbox` at zoom z: its id and its code property. */
async function layerFeatures(archive: PMTiles, layer: string, bbox: [number, number, number, number], z: number): Promise<{ id: unknown; code: string }[]> {
  const out: { id: unknown; code: string }[] = [];
  const { x0, x1, y0, y1 } = tileRange(bbox, z);
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const tile = await archive.getZxy(z, x, y);
      if (!tile) continue;
      const l = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[layer];
      for (let i = 0; l && i < l.length; i++) {
        const f = l.feature(i);
        out.push({ id: f.id, code: String(f.properties.code) });
      }
    }
  }
  return out;
}

describe('shipped tiles: feature id = level-table row + 1', () => {
  for (const entry of catalog.datasets) {
    it(`${entry.id}: every feature at each layer's lowest zoom names its own row, one id per code`, async () => {
      const { tables } = await loadDatasetFromDisk(catalogPath, entry.id);
      const archive = fileArchive(join(dirname(catalogPath), entry.files.tiles));
      for (const level of entry.levels as Level[]) {
        const codes = tables[level]!.codes;
        const z = entry.levelMinzoom?.[level] ?? entry.minzoom;
        const features = await layerFeatures(archive, tileLayerName[level], entry.bbox, z);
        expect(features.length, `${level} z${z}`).toBeGreaterThan(0);
        const idOfCode = new Map<string, unknown>();
        for (const f of features) {
          expect(codes[areaIndexOfTileFeature(f.id)], `${level} ${f.code} id ${String(f.id)}`).toBe(f.code);
          idOfCode.set(f.code, f.id);
        }
        // Distinct codes have distinct ids: unique per layer.
        expect(new Set(idOfCode.values()).size, level).toBe(idOfCode.size);
      }
    });
  }

  it('nl2024: Amsterdam buurten and wijken with letter codes each have their own id at the highest zoom', async () => {
    const entry = catalog.datasets.find((d) => d.id === 'nl2024')!;
    const { tables } = await loadDatasetFromDisk(catalogPath, 'nl2024', ['wijk', 'buurt']);
    const archive = fileArchive(join(dirname(catalogPath), entry.files.tiles));
    const centrum: [number, number, number, number] = [4.86, 52.35, 4.93, 52.39];
    for (const level of ['wijk', 'buurt'] as const) {
      const features = await layerFeatures(archive, tileLayerName[level], centrum, entry.maxzoom);
      const lettered = [...new Map(features.filter((f) => /^(BU|WK)0363\d*[A-Z]/.test(f.code)).map((f) => [f.code, f.id])).entries()];
      // Dozens of lettered codes share their leading digits (e.g. BU0363AA…, BU0363AB…).
      expect(lettered.length, level).toBeGreaterThan(10);
      for (const [code, id] of lettered) expect(tables[level]!.codes[areaIndexOfTileFeature(id)], code).toBe(code);
      expect(new Set(lettered.map(([, id]) => id)).size, level).toBe(lettered.length);
    }
  });
});
