/**
 * Sanity of a served PMTiles archive (main thread only, so the pmtiles
 * library stays out of the scoring worker). Failures are DataFileErrors
 * with a Dutch message that names the file.
 */
import { PMTiles, ResolvedValueCache, bytesToHeader, type Source } from 'pmtiles';
import { decompressTiles } from './tiles-decompress.ts';
import { DataFileError } from '../model/dataset-format.ts';

/** Bytes PMTiles reads first: header plus root directory (and usually the metadata). */
export const PMTILES_PREFIX = 16384;
/** The Range request for that prefix: the early start asks it, the start-up check diagnoses it, the map reads its header from it. */
export const PMTILES_HEAD_RANGE = `bytes=0-${PMTILES_PREFIX - 1}`;

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
    const archive = new PMTiles(source, new ResolvedValueCache(undefined, undefined, decompressTiles), decompressTiles);
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
