/**
 * fetchSource's streaming read (src/data/source.ts): the loader reads the
 * first view from the start of a table while the rest still downloads, so
 * each prefix it is shown must be the file's own first bytes, whatever the
 * server announced.
 */
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../src/data/source.ts';

const file = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);

/** The file in chunks of `size` bytes, announced as `announced` bytes (a server that compresses announces fewer). */
function serveInChunks(size: number, announced?: number) {
  return async () => {
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= file.length) return controller.close();
        controller.enqueue(file.slice(at, at + size));
        at += size;
      },
    });
    return new Response(body, { headers: announced === undefined ? {} : { 'content-length': String(announced) } });
  };
}

describe('fetchSource', () => {
  for (const [label, announced] of [['the announced length', file.length], ['fewer bytes announced than sent', 1000], ['no length announced', undefined]] as const) {
    it(`shows growing prefixes of the file and returns all of it (${label})`, async () => {
      const seen: number[] = [];
      const bytes = await fetchSource('http://host/data/', serveInChunks(30_000, announced)).read('t/buurt.wvk', undefined, (prefix) => {
        expect(Buffer.from(prefix).equals(Buffer.from(file.subarray(0, prefix.length)))).toBe(true);
        seen.push(prefix.length);
        return prefix.length >= 90_000;
      });
      expect(Buffer.from(bytes).equals(Buffer.from(file))).toBe(true);
      // Called per chunk until it had enough, then no more.
      expect(seen).toEqual([30_000, 60_000, 90_000]);
    });
  }
});
