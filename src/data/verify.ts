/**
 * Checks on served data before anything is used: the catalog's shape and its
 * relative paths, the content hash in a file's name, and the sanity of a
 * PMTiles header and root directory. Level tables check their own layout and
 * content when decoded (src/model/dataset-format.ts). Every failure is a
 * DataFileError with a Dutch message that names the file and the place.
 */
import { PMTiles, ResolvedValueCache, bytesToHeader, type Source } from 'pmtiles';
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

/** Bytes PMTiles reads first: header plus root directory (and usually the metadata). */
export const PMTILES_PREFIX = 16384;

/**
 * Header and root-directory sanity of a PMTiles archive from its first bytes
 * and its total size: spec version, vector tiles, every section inside the
 * file, a root directory that decompresses and parses, entries that point
 * inside the tile data or leaf directories. Reads nothing beyond `prefix`.
 */
export async function verifyPmtilesPrefix(path: string, prefix: ArrayBuffer, fileSize: number): Promise<void> {
  const fail = (what: string) => new DataFileError('tiles', `Kaartbestand ${path}: ${what}`);
  if (prefix.byteLength < 127) throw fail(`te kort (${prefix.byteLength} bytes) voor een PMTiles-kop`);
  if (new TextDecoder().decode(new Uint8Array(prefix, 0, 7)) !== 'PMTiles') throw fail('geen PMTiles-bestand (kop ontbreekt); staat gzip-compressie aan voor .pmtiles?');
  let header;
  try {
    header = bytesToHeader(prefix.slice(0, 127));
  } catch (error) {
    throw fail(`onleesbare kop (${(error as Error).message})`);
  }
  if (header.specVersion !== 3) throw fail(`PMTiles-versie ${header.specVersion}, verwacht 3`);
  if (header.tileType !== 1) throw fail(`bevat geen vectortegels (tegeltype ${header.tileType})`);
  const parts: [string, number, number][] = [
    ['hoofdmap', header.rootDirectoryOffset, header.rootDirectoryLength],
    ['metadata', header.jsonMetadataOffset, header.jsonMetadataLength],
    ['bladmappen', header.leafDirectoryOffset ?? 0, header.leafDirectoryLength ?? 0],
    ['tegeldata', header.tileDataOffset, header.tileDataLength ?? 0],
  ];
  for (const [name, offset, length] of parts) {
    if (offset + length > fileSize) throw fail(`${name} eindigt op byte ${offset + length}, maar het bestand is ${fileSize} bytes: afgekapt?`);
  }
  if (header.rootDirectoryOffset + header.rootDirectoryLength > prefix.byteLength) throw fail('de hoofdmap ligt niet aan het begin van het bestand');
  const source: Source = {
    getKey: () => path,
    getBytes: async (offset, length) => {
      if (offset + length > prefix.byteLength) throw new Error(`bytes ${offset}–${offset + length} buiten de eerste ${prefix.byteLength}`);
      return { data: prefix.slice(offset, offset + length) };
    },
  };
  let entries;
  try {
    const archive = new PMTiles(source, new ResolvedValueCache());
    const parsed = await archive.getHeader();
    entries = await archive.cache.getDirectory(source, parsed.rootDirectoryOffset, parsed.rootDirectoryLength, parsed);
  } catch (error) {
    throw fail(`de hoofdmap is beschadigd (${(error as Error).message})`);
  }
  if (entries.length === 0) throw fail('de hoofdmap is leeg');
  for (const e of entries) {
    const limit = (e.runLength > 0 ? header.tileDataLength : header.leafDirectoryLength) ?? 0;
    if (e.offset + e.length > limit || e.length === 0) throw fail(`de hoofdmap verwijst naar bytes ${e.offset}–${e.offset + e.length} buiten de ${e.runLength > 0 ? 'tegeldata' : 'bladmappen'}`);
  }
}
