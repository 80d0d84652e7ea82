import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeTiles } from '../../src/hosting/probe.ts';
import { readRange } from '../../src/hosting/range-read.ts';

const URL_ = 'http://intranet.test/kompas/data/nl2024/areas.0a1b2c3d.pmtiles';
const PATH = 'nl2024/areas.0a1b2c3d.pmtiles';

function head(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(127));
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  bytes[7] = 3;
  return bytes;
}

afterEach(() => vi.unstubAllGlobals());

// The early start asks for the PMTiles head before the app runs
// (src/state/early-start.ts); the start-up check diagnoses that answer.
describe('probeTiles with the head the early start asked for', () => {
  it('diagnoses that answer and asks the server nothing more', async () => {
    const fetch = vi.fn(async () => new Response(head(), { status: 206, headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-126/52000' } }));
    vi.stubGlobal('fetch', fetch);
    const asked = readRange(URL_, 'bytes=0-16383');
    const probe = await probeTiles(URL_, PATH, {}, 'bytes=0-16383', asked);
    expect(probe.problem).toBeNull();
    expect(probe.answer?.firstBytes?.byteLength).toBe(127);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(new Headers((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).get('range')).toBe('bytes=0-16383');
  });

  it('names the server\'s problem from that answer (here: no Range support)', async () => {
    const fetch = vi.fn(async () => new Response(head(), { status: 200, headers: { 'content-type': 'application/octet-stream' } }));
    vi.stubGlobal('fetch', fetch);
    const probe = await probeTiles(URL_, PATH, {}, 'bytes=0-16383', readRange(URL_, 'bytes=0-16383'));
    expect(probe.problem?.kind).toBe('no-range');
    expect(probe.problem?.message).toContain(PATH);
    // On such a server every request downloads the whole file: no second one.
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('when that request failed, asks once without Range to tell the user why', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 200, headers: { 'content-encoding': 'gzip' } }));
    vi.stubGlobal('fetch', fetch);
    const asked = Promise.reject(new TypeError('Failed to fetch'));
    const probe = await probeTiles(URL_, PATH, {}, 'bytes=0-16383', asked);
    expect(probe.problem?.kind).toBe('compressed');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(new Headers((fetch.mock.calls[0] as unknown as [string, RequestInit])[1]?.headers).get('range')).toBeNull();
  });
});
