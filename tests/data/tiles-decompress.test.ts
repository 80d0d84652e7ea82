import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Compression } from 'pmtiles';
import { decompressTiles } from '../../src/data/tiles-decompress.ts';

const text = 'tegel '.repeat(1000);
const gzipped = () => new Uint8Array(gzipSync(Buffer.from(text))).buffer;
const asText = (buf: ArrayBuffer) => new TextDecoder().decode(buf);

describe('PMTiles decompression', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('inflates gzip with the platform stream, and passes uncompressed data through', async () => {
    expect(asText(await decompressTiles(gzipped(), Compression.Gzip))).toBe(text);
    const plain = new TextEncoder().encode('kaal').buffer;
    expect(await decompressTiles(plain, Compression.None)).toBe(plain);
  });

  it('loads fflate only where the browser has no DecompressionStream, with the same result', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    expect(asText(await decompressTiles(gzipped(), Compression.Gzip))).toBe(text);
  });

  it('names damaged gzip data as a damaged part of the map file, not as a network failure, with either inflater', async () => {
    const damaged = gzipped().slice(0, 40);
    const said = 'een deel van het kaartbestand (40 bytes) is beschadigd: het kon niet worden uitgepakt (gzip)';
    await expect(decompressTiles(damaged, Compression.Gzip)).rejects.toThrow(said);
    vi.stubGlobal('DecompressionStream', undefined);
    await expect(decompressTiles(damaged, Compression.Gzip)).rejects.toThrow(said);
  });

  it('refuses a compression it cannot inflate, by name', async () => {
    await expect(decompressTiles(gzipped(), Compression.Brotli)).rejects.toThrow('PMTiles-compressie Brotli wordt niet ondersteund');
  });
});
