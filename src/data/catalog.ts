/**
 * Loading the served files on the main thread: the catalog and the level
 * tables (names, parents, neighbours and label points for search, comparison and labels; scores come from the worker).
 * Every failure becomes a Dutch message that says what to check.
 */
import { decodeLevelTable, type DatasetCatalog, type LevelTable } from '../model/dataset-format.ts';

export class LoadError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'LoadError';
  }
}

export function dataUrl(path: string): string {
  return new URL(`data/${path}`, new URL(import.meta.env.BASE_URL, location.href)).href;
}

async function fetchOrExplain(url: string, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new LoadError(`${what} kon niet worden geladen (${url}).`, 'Controleer of de webserver bereikbaar is en of de app vanaf een webserver wordt geopend (niet als bestand).');
  }
  if (response.status === 404) throw new LoadError(`${what} ontbreekt op de server (${url}).`, 'Zijn alle bestanden uit de map data/ meegekopieerd? Bestandsnamen bevatten een versie-hash en moeten exact overeenkomen.');
  if (!response.ok) throw new LoadError(`${what}: de server antwoordde ${response.status} ${response.statusText}.`, 'Controleer de rechten en de configuratie van de webserver (zie docs/hosting.md).');
  return response;
}

export async function loadCatalog(): Promise<DatasetCatalog> {
  const response = await fetchOrExplain(dataUrl('datasets.json'), 'De lijst met datasets (data/datasets.json)');
  let catalog: DatasetCatalog;
  try {
    catalog = (await response.json()) as DatasetCatalog;
  } catch {
    throw new LoadError('data/datasets.json is geen geldige JSON.', 'Het bestand is beschadigd of onvolledig gekopieerd; bouw de data opnieuw met npm run data.');
  }
  if (catalog.format !== 'wvk-datasets' || !Array.isArray(catalog.datasets)) {
    throw new LoadError('data/datasets.json heeft een onbekend formaat.', 'Gebruik bestanden die met dezelfde versie van de app zijn gebouwd.');
  }
  return catalog;
}

/** Fetch with byte progress, for the loading indicator. */
export async function loadLevelTable(path: string, onProgress?: (loaded: number, total: number) => void): Promise<LevelTable> {
  const response = await fetchOrExplain(dataUrl(path), `Gebiedstabel ${path}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  let buffer: ArrayBuffer;
  if (response.body && onProgress) {
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    buffer = bytes.buffer;
  } else {
    buffer = await response.arrayBuffer();
  }
  try {
    return decodeLevelTable(buffer, path);
  } catch (error) {
    throw new LoadError(`Gebiedstabel ${path} is onleesbaar: ${(error as Error).message}`, 'Het bestand is beschadigd of door de server gecomprimeerd/gewijzigd; kopieer het opnieuw.');
  }
}
