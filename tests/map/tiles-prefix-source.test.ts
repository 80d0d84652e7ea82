import { afterEach, describe, expect, it, vi } from 'vitest';
import { PMTiles } from 'pmtiles';
import { readFileSync } from 'node:fs';
import { PrefixFirstSource } from '../../src/map/tiles-prefix-source.ts';
import { PMTILES_HEAD_RANGE, PMTILES_PREFIX } from '../../src/data/verify-tiles.ts';

// The app reads the head of the PMTiles file once, for its start-up check;
// the map's archive must take its header from those bytes, and read every
// tile from the server as usual.
const catalog = JSON.parse(readFileSync('public/data/datasets.json', 'utf8'));
const path = catalog.datasets.find((d: { id: string }) => d.id === 'groningen2017').files.tiles as string;
const file = new Uint8Array(readFileSync(`public/data/${path}`));
const URL_ = 'http://127.0.0.1/data/areas.pmtiles';

/** A server answering Range requests from the real file, counting what it was asked. */
function rangeServer() {
  const asked: string[] = [];
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? '';
    asked.push(range);
    const [, from, to] = /bytes=(\d+)-(\d+)/.exec(range)!.map(Number);
    const body = file.slice(from, Math.min(to + 1, file.length));
    return new Response(body, { status: 206, headers: { 'content-range': `bytes ${from}-${from + body.length - 1}/${file.length}`, 'content-length': String(body.length) } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('PrefixFirstSource', () => {
  it('gives the archive its header from the shared bytes, and tiles from the server', async () => {
    const asked = rangeServer();
    const archive = new PMTiles(new PrefixFirstSource(URL_, Promise.resolve(file.slice(0, PMTILES_PREFIX))));
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(asked).toEqual([]);
    // A tile at the archive's centre, read with one Range request beyond the head.
    const z = header.maxZoom;
    const x = Math.floor(((header.centerLon + 180) / 360) * 2 ** z);
    const lat = (header.centerLat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
    const tile = await archive.getZxy(z, x, y);
    expect(tile?.data.byteLength).toBeGreaterThan(0);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => !r.startsWith('bytes=0-'))).toBe(true);
  });

  it('fails without asking the server again when the check found it unfit for the map', async () => {
    const asked = rangeServer();
    const archive = new PMTiles(new PrefixFirstSource(URL_, Promise.reject(new Error('geen Range-ondersteuning'))));
    await expect(archive.getHeader()).rejects.toThrow('geen Range-ondersteuning');
    expect(asked).toEqual([]);
  });

  it('asks the server itself when there are no bytes to share', async () => {
    const asked = rangeServer();
    const archive = new PMTiles(new PrefixFirstSource(URL_, Promise.resolve(null)));
    expect((await archive.getHeader()).specVersion).toBe(3);
    expect(asked).toEqual([PMTILES_HEAD_RANGE]);
  });
});
