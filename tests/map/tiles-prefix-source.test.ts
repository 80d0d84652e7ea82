import { afterEach, describe, expect, it, vi } from 'vitest';
import { PMTiles } from 'pmtiles';
import { readFileSync } from 'node:fs';
import { PrefixFirstSource, isChromium } from '../../src/map/tiles-prefix-source.ts';
import { PMTILES_HEAD_RANGE, PMTILES_PREFIX } from '../../src/data/verify-tiles.ts';

// The app reads the head of the PMTiles file once, for its start-up check;
// the map's archive must take its header from those bytes, and read every
// tile from the server as usual.
const catalog = JSON.parse(readFileSync('public/data/datasets.json', 'utf8'));
const path = catalog.datasets.find((d: { id: string }) => d.id === 'groningen2017').files.tiles as string;
const file = new Uint8Array(readFileSync(`public/data/${path}`));
const URL_ = 'http://127.0.0.1/data/areas.pmtiles';

/**
 * A server answering Range requests from the real file, noting what it was
 * asked and how. `cut(n)`: whether the n-th answer to a range (0 = the first)
 * ends at the end of the 4 KB block the range starts in, under the full
 * Content-Range (as Chromium's in-memory cache answered).
 */
/** The cache mode of each request the latest rangeServer was asked. */
const caches: (RequestCache | undefined)[] = [];

function rangeServer(cut: (nth: number) => boolean = () => false) {
  const asked: string[] = [];
  caches.length = 0;
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? '';
    const nth = asked.filter((r) => r === range).length;
    asked.push(range);
    caches.push(init?.cache);
    const [, from, to] = /bytes=(\d+)-(\d+)/.exec(range)!.map(Number);
    const body = file.slice(from, Math.min(to + 1, file.length));
    const sent = cut(nth) ? body.subarray(0, 4096 - (from % 4096)) : body;
    return new Response(sent, { status: 206, headers: { 'content-range': `bytes ${from}-${from + body.length - 1}/${file.length}` } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return asked;
}

/** The tile at the archive's centre at its highest zoom. */
async function centreTile(archive: PMTiles) {
  const header = await archive.getHeader();
  const z = header.maxZoom;
  const x = Math.floor(((header.centerLon + 180) / 360) * 2 ** z);
  const lat = (header.centerLat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
  return archive.getZxy(z, x, y);
}

afterEach(() => vi.unstubAllGlobals());

describe('PrefixFirstSource', () => {
  it('gives the archive its header from the shared bytes, and tiles from the server', async () => {
    const asked = rangeServer();
    const archive = new PMTiles(new PrefixFirstSource(URL_, Promise.resolve(file.slice(0, PMTILES_PREFIX))));
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(asked).toEqual([]);
    // A tile at the archive's centre, read with Range requests beyond the head.
    const tile = await centreTile(archive);
    expect(tile?.data.byteLength).toBeGreaterThan(0);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => !r.startsWith('bytes=0-'))).toBe(true);
  });

  it('asks a range cut off at its 4 KB block once more past the browser cache, and gets it whole', async () => {
    const range = `bytes=${PMTILES_PREFIX + 5000}-${PMTILES_PREFIX + 10_999}`;
    for (const pastCache of [false, true]) {
      const asked = rangeServer((nth) => nth === 0);
      const source = new PrefixFirstSource(URL_, Promise.resolve(file.slice(0, PMTILES_PREFIX)), pastCache);
      const read = await source.getBytes(PMTILES_PREFIX + 5000, 6000);
      expect(new Uint8Array(read.data)).toEqual(file.slice(PMTILES_PREFIX + 5000, PMTILES_PREFIX + 11_000));
      expect(asked).toEqual([range, range]);
      // In Chromium the first request skips the cache too.
      expect(caches).toEqual([pastCache ? 'no-store' : undefined, 'no-store']);
    }
  });

  it('reads past the cache in Chromium-based browsers only, told by their user agent', () => {
    const agents = {
      chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      headlessChromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
      safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    };
    expect(Object.fromEntries(Object.entries(agents).map(([name, agent]) => [name, isChromium(agent)]))).toEqual({ chromeWindows: true, edge: true, headlessChromium: true, firefox: false, safari: false });
  });

  it('says in Dutch which bytes stayed short, and what the server answered instead of a part', async () => {
    rangeServer(() => true);
    const source = new PrefixFirstSource(URL_, Promise.resolve(file.slice(0, PMTILES_PREFIX)));
    await expect(source.getBytes(20_000, 6000)).rejects.toThrow('van het kaartbestand kwamen 480 bytes binnen in plaats van de gevraagde 6000 (bytes 20000–25999)');
    // No Content-Range to tell by: still named, as pmtiles asks exact ranges.
    vi.stubGlobal('fetch', vi.fn(async () => new Response(file.slice(20_000, 20_050), { status: 206 })));
    await expect(source.getBytes(20_000, 100)).rejects.toThrow('kwamen 50 bytes binnen in plaats van de gevraagde 100');
    // The whole file instead of a part: the message names Range, so the status area adds its hint.
    vi.stubGlobal('fetch', vi.fn(async () => new Response(file, { status: 200 })));
    await expect(source.getBytes(20_000, 100)).rejects.toThrow('de webserver ondersteunt geen Range-verzoeken: hij stuurde het hele kaartbestand (status 200) in plaats van bytes 20000–20099');
    // Any other status is no Range problem (a file gone after a new version was put up).
    vi.stubGlobal('fetch', vi.fn(async () => new Response('Not Found', { status: 404 })));
    const gone = await source.getBytes(20_000, 100).catch((error: Error) => error.message);
    expect(gone).toBe('het kaartbestand antwoordde met status 404 op de vraag om bytes 20000–20099');
    expect(gone).not.toMatch(/range|content-length|byte serving/i);
  });

  it('takes a small file whole for its first read, as the server sends it', async () => {
    const small = file.slice(0, 10_000);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(small, { status: 206, headers: { 'content-range': `bytes 0-9999/10000` } })));
    const read = await new PrefixFirstSource(URL_, Promise.resolve(null)).getBytes(0, PMTILES_PREFIX);
    expect(new Uint8Array(read.data)).toEqual(small);
  });

  it('names a failed request in Dutch, and lets a cancellation stay one', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const source = new PrefixFirstSource(URL_, Promise.resolve(null));
    await expect(source.getBytes(20_000, 100)).rejects.toThrow('het kaartbestand gaf geen antwoord op de vraag om bytes 20000–20099 (Failed to fetch)');
    // MapLibre cancels through its signal; a request cancelled another way is still no failure to report.
    vi.stubGlobal('fetch', vi.fn(async () => { throw new DOMException('cancelled', 'AbortError'); }));
    await expect(source.getBytes(20_000, 100)).rejects.toMatchObject({ name: 'AbortError' });
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(source.getBytes(20_000, 100, cancelled.signal)).rejects.toMatchObject({ name: 'AbortError' });
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
