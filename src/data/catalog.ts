/**
 * Loading on the main thread: the catalog and the check of the map's PMTiles
 * file (config.json: src/hosting/host-config.ts). The level tables are read once through
 * the same DatasetSource and go to the worker (workers/scoring-main-side.ts).
 * Every failure becomes a LoadError: a Dutch message plus what to check.
 */
import type { DatasetCatalog } from '../model/dataset-format.ts';
import { LoadError, fetchSource, type DatasetSource } from './source.ts';
import { asLoadError, readCatalog } from './load-dataset.ts';
import { assertRelativeDataPath } from './verify.ts';
import { verifyPmtilesPrefix } from './verify-tiles.ts';

export { LoadError };

/** The folder holding datasets.json, as an absolute URL. */
export function dataBaseUrl(): string {
  return new URL('data/', new URL(import.meta.env.BASE_URL, location.href)).href;
}

export function dataUrl(path: string): string {
  assertRelativeDataPath(path);
  return new URL(path, dataBaseUrl()).href;
}

/** The app's one source of data files. */
export function appDataSource(): DatasetSource {
  return fetchSource(dataBaseUrl());
}

export async function loadCatalog(source: DatasetSource = appDataSource()): Promise<DatasetCatalog> {
  try {
    return await readCatalog(source);
  } catch (error) {
    const e = asLoadError(error);
    throw new LoadError(e.message.startsWith('datasets.json') ? `data/${e.message}` : e.message, e.hint);
  }
}

/**
 * The first PMTILES_PREFIX bytes of the map's PMTiles file, as one Range
 * request answered them (the hosting probe, src/hosting/probe.ts): the header
 * and root directory must be sound (src/data/verify-tiles.ts), so a cut or
 * damaged archive is named instead of leaving a blank map. `contentRange`
 * ("bytes 0-16383/7033762") gives the total size, which tells a cut file from
 * a whole one.
 */
export async function verifyTilesPrefix(path: string, prefix: Uint8Array, contentRange: string): Promise<void> {
  const total = Number(/\/(\d+)\s*$/.exec(contentRange)?.[1] ?? NaN);
  const buffer = prefix.buffer.slice(prefix.byteOffset, prefix.byteOffset + prefix.byteLength) as ArrayBuffer;
  try {
    await verifyPmtilesPrefix(path, buffer, Number.isFinite(total) ? total : buffer.byteLength);
  } catch (error) {
    const e = asLoadError(error);
    throw new LoadError(e.message, 'Staat compressie (gzip) aan voor .pmtiles, of is het bestand onvolledig gekopieerd? Zie docs/hosting.md en kopieer de map data/ opnieuw.');
  }
}
