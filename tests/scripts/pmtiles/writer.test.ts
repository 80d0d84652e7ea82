import { describe, expect, it } from 'vitest';
import { PMTiles, type Source, zxyToTileId } from 'pmtiles';
import { gunzipSync } from 'node:zlib';
import { HEADER_BYTES, ROOT_LIMIT, writePmtiles, type TileInput } from '../../../scripts/pmtiles/writer.ts';

function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number) => ({
      data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer,
    }),
  };
}

const enc = (s: string) => new TextEncoder().encode(s);

/** All tiles of zooms 0..maxZ with content derived from z/x/y (distinct unless `same`). */
function pyramid(maxZ: number, content: (z: number, x: number, y: number) => string): TileInput[] {
  const tiles: TileInput[] = [];
  for (let z = 0; z <= maxZ; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, data: enc(content(z, x, y)) });
  return tiles;
}

describe('PMTiles v3 writer', () => {
  it('round-trips header, metadata and tiles through the pmtiles reader', async () => {
    const tiles = pyramid(3, (z, x, y) => `tile ${z}/${x}/${y}`);
    const metadata = { name: 'test', vector_layers: [{ id: 'buurten', fields: { code: 'String' } }] };
    const bytes = writePmtiles({ tiles, metadata, tileCompression: 1, bounds: [3.3, 50.7, 7.3, 53.6], center: [5.3, 52.1, 2] });
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(h.minZoom).toBe(0);
    expect(h.maxZoom).toBe(3);
    expect(h.clustered).toBe(true);
    expect(h.tileType).toBe(1);
    expect(h.internalCompression).toBe(2);
    expect(h.numAddressedTiles).toBe(tiles.length);
    expect(h.numTileContents).toBe(tiles.length);
    expect(h.minLon).toBeCloseTo(3.3, 6);
    expect(h.maxLat).toBeCloseTo(53.6, 6);
    expect(h.centerZoom).toBe(2);
    expect(await p.getMetadata()).toEqual(metadata);
    for (const t of tiles) {
      const got = await p.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(new TextDecoder().decode(got!.data)).toBe(`tile ${t.z}/${t.x}/${t.y}`);
    }
    expect(await p.getZxy(4, 0, 0)).toBeUndefined();
  });

  it('stores identical contents once and merges consecutive ids into runs', async () => {
    // z2 tiles: ids 5..20 in Hilbert order; give every tile of z2 the same bytes.
    const tiles = pyramid(2, (z, x, y) => (z === 2 ? 'ocean' : `t${z}${x}${y}`));
    const bytes = writePmtiles({ tiles, metadata: {}, tileCompression: 1 });
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.numAddressedTiles).toBe(21);
    expect(h.numTileContents).toBe(6); // 1 + 4 distinct + 1 shared
    expect(h.numTileEntries).toBe(6); // the 16 z2 tiles are one run
    expect(h.tileDataLength).toBe(enc('t000').length + 4 * enc('t100').length + enc('ocean').length);
    for (const [x, y] of [[0, 0], [3, 3], [1, 2]]) expect(new TextDecoder().decode((await p.getZxy(2, x, y))!.data)).toBe('ocean');
    // A non-consecutive duplicate is deduplicated but gets its own entry.
    const gapped = writePmtiles({ tiles: [{ z: 1, x: 0, y: 0, data: enc('a') }, { z: 1, x: 0, y: 1, data: enc('b') }, { z: 1, x: 1, y: 1, data: enc('a') }], metadata: {}, tileCompression: 1 });
    const g = await new PMTiles(memorySource(gapped)).getHeader();
    expect([g.numAddressedTiles, g.numTileEntries, g.numTileContents]).toEqual([3, 3, 2]);
  });

  it('writes leaf directories when forced, and readers still find every tile', async () => {
    const tiles = pyramid(4, (z, x, y) => `${z}-${x}-${y}`);
    const bytes = writePmtiles({ tiles, metadata: { a: 1 }, leafSize: 10, tileCompression: 1 });
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    for (const t of tiles) expect(new TextDecoder().decode((await p.getZxy(t.z, t.x, t.y))!.data)).toBe(`${t.z}-${t.x}-${t.y}`);
  });

  it('adds leaf directories by itself when the root would exceed 16 KiB', async () => {
    // Irregular ids and lengths (seeded), so the directory does not compress away.
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tiles = pyramid(8, (z, x, y) => `${z}/${x}/${y}:${'x'.repeat(Math.floor(rnd() * 200))}`).filter(() => rnd() < 0.6);
    const bytes = writePmtiles({ tiles, metadata: {}, tileCompression: 1 });
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT);
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    for (const t of [tiles[0], tiles[500], tiles[tiles.length - 1], tiles[12_345], tiles[30_000]]) {
      expect((await p.getZxy(t.z, t.x, t.y))!.data).toEqual(t.data.buffer);
    }
  });

  it('compresses the root directory with gzip and orders tile data by tile id (clustered)', () => {
    const tiles = pyramid(2, (z, x, y) => `${z}${x}${y}`).reverse();
    const bytes = writePmtiles({ tiles, metadata: {}, tileCompression: 1 });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const rootLen = Number(view.getBigUint64(16, true));
    const root = gunzipSync(bytes.subarray(HEADER_BYTES, HEADER_BYTES + rootLen));
    expect(root[0]).toBe(21); // varint entry count
    const dataOffset = Number(view.getBigUint64(56, true));
    const first = new TextDecoder().decode(bytes.subarray(dataOffset, dataOffset + 3));
    expect(first).toBe('000');
    expect(zxyToTileId(0, 0, 0)).toBe(0);
  });

  it('is deterministic and rejects duplicate tiles', () => {
    const tiles = pyramid(3, (z, x, y) => `${z}${x}${y}`);
    expect(writePmtiles({ tiles, metadata: { x: 1 } })).toEqual(writePmtiles({ tiles: [...tiles].reverse(), metadata: { x: 1 } }));
    expect(() => writePmtiles({ tiles: [...tiles, tiles[3]], metadata: {} })).toThrow(/twee keer/);
  });
});
