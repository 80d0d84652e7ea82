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
import { PMTILES_PREFIX, verifyPmtilesPrefix } from './verify-tiles.ts';

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
 * PMTiles needs HTTP Range requests; one request for the first 16 KB checks
 * that, and the header and root directory (src/data/verify.ts), so a cut or
 * damaged archive is named instead of leaving a blank map.
 */
export async function checkTiles(path: string): Promise<void> {
  const url = dataUrl(path);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: `bytes=0-${PMTILES_PREFIX - 1}` } });
  } catch {
    throw new LoadError(`Kaartbestand ${path} kon niet worden geladen.`, 'Controleer of de webserver bereikbaar is.');
  }
  if (response.status === 404) throw new LoadError(`Kaartbestand ${path} ontbreekt op de server.`, 'Kopieer de volledige map data/ mee.');
  if (response.status !== 206) {
    throw new LoadError(
      `De webserver ondersteunt geen Range-verzoeken (status ${response.status} in plaats van 206) voor ${path}.`,
      'PMTiles-kaartbestanden vragen om HTTP Range-ondersteuning en geen compressie van .pmtiles; zie docs/hosting.md (IIS, nginx, Apache).',
    );
  }
  const prefix = await response.arrayBuffer();
  // "bytes 0-16383/7033762": the total size tells a cut file from a whole one.
  const total = Number(/\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? NaN);
  try {
    await verifyPmtilesPrefix(path, prefix, Number.isFinite(total) ? total : prefix.byteLength);
  } catch (error) {
    const e = asLoadError(error);
    throw new LoadError(e.message, 'Staat compressie (gzip) aan voor .pmtiles, of is het bestand onvolledig gekopieerd? Zie docs/hosting.md en kopieer de map data/ opnieuw.');
  }
}
