import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsEarly, readRange } from '../../src/hosting/range-read.ts';

const URL_ = 'http://intranet.test/kompas/data/nl2024/areas.0a1b2c3d.pmtiles';
const file = Uint8Array.from({ length: 20_000 }, (_, i) => i % 251);

/** A 206 answer for `bytes=a-b`, with its body cut to `keep` bytes when given (the Content-Range still names a–b). */
function answer(range: string, keep?: number): Response {
  const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range)!.map(Number);
  const body = file.slice(a, b + 1).subarray(0, keep);
  return new Response(body, { status: 206, headers: { 'content-range': `bytes ${a}-${b}/${file.length}` } });
}

const rangeOf = (init?: RequestInit) => new Headers(init?.headers).get('range')!;

afterEach(() => vi.unstubAllGlobals());

describe('readRange', () => {
  it('asks a range again past the browser cache when the answer ends before its Content-Range does', async () => {
    // As Chromium's in-memory cache answers: up to the end of the 4 KB block the range starts in.
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => answer(rangeOf(init), init?.cache ? undefined : 4096 - (5000 % 4096)));
    vi.stubGlobal('fetch', fetch);
    const read = await readRange(URL_, 'bytes=5000-9999');
    expect(read.bytes).toEqual(file.slice(5000, 10_000));
    expect(endsEarly(read)).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((fetch.mock.calls[1] as [string, RequestInit])[1].cache).toBe('no-store');
  });

  it('asks again past the cache even when the caller chose another cache mode', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => answer(rangeOf(init), init?.cache === 'no-store' ? undefined : 10));
    vi.stubGlobal('fetch', fetch);
    expect((await readRange(URL_, 'bytes=5000-9999', { cache: 'reload' })).bytes.byteLength).toBe(5000);
    expect(fetch.mock.calls.map((call) => (call as [string, RequestInit])[1].cache)).toEqual(['reload', 'no-store']);
  });

  it('hands a second short answer on as it came, for the caller to name', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => answer(rangeOf(init), 100));
    vi.stubGlobal('fetch', fetch);
    const read = await readRange(URL_, 'bytes=5000-9999');
    expect(read.bytes.byteLength).toBe(100);
    expect(endsEarly(read)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('passes the caller\'s signal and cache mode with the request', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => answer(rangeOf(init)));
    vi.stubGlobal('fetch', fetch);
    const signal = new AbortController().signal;
    expect((await readRange(URL_, 'bytes=5000-9999', { signal, cache: 'reload' })).bytes.byteLength).toBe(5000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls[0] as [string, RequestInit])[1]).toMatchObject({ signal, cache: 'reload' });
  });

  it('reads the whole file that a server without Range sends only as far as the range, and asks once', async () => {
    let sent = 0;
    const chunks = 100;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === chunks) return controller.close();
        controller.enqueue(new Uint8Array(1000).fill(sent++ % 251));
      },
    }, { highWaterMark: 0 });
    const fetch = vi.fn(async () => new Response(body, { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const read = await readRange(URL_, 'bytes=0-2499');
    expect(read.response.status).toBe(200);
    expect(read.bytes.byteLength).toBe(2500);
    expect(sent).toBeLessThan(10);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
