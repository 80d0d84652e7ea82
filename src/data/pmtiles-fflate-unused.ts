/**
 * What pmtiles gets for its `import { decompressSync } from 'fflate'`
 * (vite.config.ts): its default decompression, the only user, is never
 * called, because the app hands every PMTiles object and cache its own
 * (./tiles-decompress.ts). Failing loudly keeps it that way.
 */
export function decompressSync(): never {
  throw new Error('pmtiles gebruikte zijn eigen decompressie; geef het object decompressTiles mee (src/data/tiles-decompress.ts)');
}
