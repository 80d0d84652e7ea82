/**
 * Decompression of the PMTiles archive (its directories and tiles), handed
 * to every PMTiles object and cache the app makes. Gzip goes through the
 * browser's own DecompressionStream; only a browser without it loads fflate,
 * on first use. pmtiles' default does the same, but imports fflate at start
 * in every browser: 8 KB gzip and 10–20 ms of main thread before the app
 * chunk runs (docs/speed.md). vite.config.ts points that import at
 * ./pmtiles-fflate-unused.ts.
 */
import { Compression, type DecompressFunc } from 'pmtiles';

export const decompressTiles: DecompressFunc = async (buf, compression) => {
  if (compression === Compression.None || compression === Compression.Unknown) return buf;
  if (compression !== Compression.Gzip) throw new Error(`PMTiles-compressie ${Compression[compression] ?? compression} wordt niet ondersteund (alleen gzip)`);
  const fallback = typeof DecompressionStream === 'undefined' ? (await import('fflate')).gunzipSync : null;
  try {
    if (fallback) return fallback(new Uint8Array(buf)).slice().buffer;
    const stream = new Response(buf).body!.pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).arrayBuffer();
  } catch {
    // The browser's own words would be "Failed to fetch", which points at the network.
    throw new Error(`een deel van het kaartbestand (${buf.byteLength} bytes) is beschadigd: het kon niet worden uitgepakt (gzip)`);
  }
};
