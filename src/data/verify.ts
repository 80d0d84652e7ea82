/**
 * Checks on served data before anything is used: the catalog's shape and its
 * relative paths and the content hash in a file's name. Level tables check their own layout and
 * content when decoded (src/model/dataset-format.ts); PMTiles archives are
 * checked in src/data/verify-tiles.ts (main thread only). Every failure is a
 * DataFileError with a Dutch message that names the file and the place.
 */
import { DataFileError, LEVELS, type DatasetCatalog, type DatasetEntry } from '../model/dataset-format.ts';

/** A data path must stay next to datasets.json: no scheme, no host, no absolute path. */
export function assertRelativeDataPath(path: unknown, where = 'datasets.json'): asserts path is string {
  if (typeof path !== 'string' || path.trim() === '') throw new DataFileError('catalog', `${where}: een bestandspad ontbreekt of is leeg`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || /^[\\/]/.test(path) || /[\\?#]/.test(path) || path.split('/').includes('..')) {
    throw new DataFileError('catalog', `${where}: bestandspad "${path.slice(0, 80)}" is niet relatief aan datasets.json; de app laadt alleen bestanden uit de eigen map data/`);
  }
}

/** Parse and check datasets.json. */
export function parseCatalog(bytes: Uint8Array): DatasetCatalog {
  let catalog: DatasetCatalog;
  try {
    catalog = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as DatasetCatalog;
  } catch {
    throw new DataFileError('catalog', 'datasets.json is geen geldige JSON (beschadigd of onvolledig gekopieerd)');
  }
  if (typeof catalog !== 'object' || catalog === null || catalog.format !== 'wvk-datasets' || !Array.isArray(catalog.datasets)) {
    throw new DataFileError('catalog', 'datasets.json heeft een onbekend formaat');
  }
  catalog.datasets.forEach((entry, i) => checkEntry(entry, `datasets.json, dataset ${i + 1}`));
  return catalog;
}

function checkEntry(entry: DatasetEntry, where: string): void {
  if (typeof entry !== 'object' || entry === null) throw new DataFileError('catalog', `${where} is leeg`);
  const name = typeof entry.id === 'string' && entry.id ? `${where} (${entry.id})` : where;
  if (typeof entry.id !== 'string' || !entry.id) throw new DataFileError('catalog', `${where} heeft geen id`);
  if (typeof entry.title !== 'string') throw new DataFileError('catalog', `${name} heeft geen titel`);
  if (!Array.isArray(entry.levels) || entry.levels.length === 0 || entry.levels.some((l) => !LEVELS.includes(l))) {
    throw new DataFileError('catalog', `${name}: levels moet een of meer van ${LEVELS.join(', ')} noemen`);
  }
  if (typeof entry.files !== 'object' || entry.files === null || typeof entry.files.tables !== 'object' || entry.files.tables === null) {
    throw new DataFileError('catalog', `${name} noemt geen bestanden (files.tables)`);
  }
  assertRelativeDataPath(entry.files.tiles, `${name}, files.tiles`);
  for (const level of entry.levels) assertRelativeDataPath(entry.files.tables[level], `${name}, files.tables.${level}`);
  for (const [level, path] of Object.entries(entry.files.geometry ?? {})) assertRelativeDataPath(path, `${name}, files.geometry.${level}`);
  if (!Array.isArray(entry.bbox) || entry.bbox.length !== 4 || entry.bbox.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    throw new DataFileError('catalog', `${name}: bbox moet vier getallen zijn`);
  }
}

/** The 8 hex digits of `<stem>.<hash>.<ext>`, or null. */
export function hashInName(path: string): string | null {
  return /\.([0-9a-f]{8})\.[a-z]+$/.exec(path)?.[1] ?? null;
}

/** First 8 hex digits of the SHA-256 of the bytes, as the pipeline names files (scripts/pipeline/output.ts). */
export async function contentHashOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file must carry a content hash in its name, and its bytes must match it. */
export async function verifyContentHash(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const expected = hashInName(path);
  if (!expected) throw new DataFileError('hash', `${path}: de bestandsnaam mist de inhoudshash (<naam>.<8 tekens>.<ext>); bouw de data met npm run data`);
  const actual = await contentHashOf(bytes);
  if (actual !== expected) {
    throw new DataFileError('hash', `${path}: de inhoud past niet bij de hash in de naam (${actual} in plaats van ${expected}): het bestand is beschadigd, afgekapt of onderweg gewijzigd`);
  }
}
