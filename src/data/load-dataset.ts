/**
 * The one dataset loader, shared by the app (main thread + worker), the
 * scores CLI, tests and benches: catalog → entry → level-table bytes →
 * verified, decoded tables. Files come from any DatasetSource (fetch, file,
 * memory), each read once.
 */
import { DataFileError, FIRST_VIEW_SECTION, LEVELS, decodeLevelTable, firstViewEnd, type DatasetCatalog, type DatasetEntry, type Level, type LevelTable } from '../model/dataset-format.ts';
import { LoadError, type DatasetSource, type PrefixReader, type Progress } from './source.ts';
import { parseCatalog, verifyContentHash } from './verify.ts';
import { inflateSections } from './inflate-sections.ts';

export const CATALOG_FILE = 'datasets.json';

/** One level table as read from a source: its path (for messages and the hash) and its bytes. */
export interface TableFile {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}
export type TableFiles = Partial<Record<Level, TableFile>>;

const DAMAGED_HINT = 'Het bestand is beschadigd, afgekapt of door de server gewijzigd (compressie, een proxy); kopieer de map data/ opnieuw of bouw de data met npm run data.';

/** A failure as the app shows it: what went wrong and what to check. Works for errors that crossed the worker boundary too (comlink keeps the name). */
export function asLoadError(error: unknown): LoadError {
  if (error instanceof LoadError) return error;
  const e = error as Error | undefined;
  if (e?.name === 'DataFileError') return new LoadError(e.message, DAMAGED_HINT);
  if (e?.name === 'LoadError') return new LoadError(e.message, (e as LoadError).hint ?? DAMAGED_HINT);
  return new LoadError(e?.message ?? String(error), 'Herlaad de pagina. Blijft de fout, meld dan wat u deed en deze melding.');
}

export async function readCatalog(source: DatasetSource): Promise<DatasetCatalog> {
  return parseCatalog(await source.read(CATALOG_FILE));
}

export function findEntry(catalog: DatasetCatalog, datasetId: string): DatasetEntry {
  const entry = catalog.datasets.find((d) => d.id === datasetId);
  if (!entry) throw new LoadError(`Dataset ${datasetId} staat niet in datasets.json (wel: ${catalog.datasets.map((d) => d.id).join(', ') || 'geen'}).`, 'Controleer de link of config.json.');
  return entry;
}

/** Levels of the entry that have a table, in LEVELS order. */
export function tableLevels(entry: DatasetEntry, wanted?: Level[]): Level[] {
  return LEVELS.filter((l) => entry.levels.includes(l) && entry.files.tables[l] && (!wanted || wanted.includes(l)));
}

/** Read the level-table files of an entry (in parallel), with progress in files (readEachTable). */
export async function readTableFiles(source: DatasetSource, entry: DatasetEntry, levels = tableLevels(entry), onProgress?: Progress): Promise<TableFiles> {
  return readEachTable(source, entry, levels, onProgress, async (_level, file) => file);
}

/**
 * Holds the download and decoding of every other table until `first` has
 * had the table of `level`: the scoring worker hands the first-view colours
 * to the map and waits until they are drawn (src/model/first-view.ts).
 */
export interface DecodeHold {
  level: Level;
  /**
   * `partial`: the start of the file, up to its first view (firstViewEnd),
   * while the rest still downloads and before the hash is checked; otherwise
   * the whole file, verified.
   */
  first(file: TableFile, partial: boolean): Promise<void>;
}

/**
 * Read the level tables (in parallel, with progress in files) and verify
 * and decode each one as soon as its bytes are in, while the larger ones
 * still download. With a `hold`, the held table's first view goes to
 * `first` as soon as the start of the file holds it (the pipeline writes it
 * first), and the other tables are downloaded and decoded only after the
 * held table is in, its hash checked and the hold has let go: on a slow
 * link the map's first colours and tiles need not share the line with 2 MB
 * they do not need (docs/speed.md, tenth round). An error is only reported
 * after the whole file's hash check, so a damaged file is named as such.
 */
export async function readTables(source: DatasetSource, entry: DatasetEntry, levels = tableLevels(entry), onProgress?: Progress, hold?: DecodeHold): Promise<Partial<Record<Level, LevelTable>>> {
  if (!hold || !levels.includes(hold.level)) return readEachTable(source, entry, levels, onProgress, (level, file) => decodeCheckedTable(level, file));
  let release!: () => void;
  let fail!: (error: unknown) => void;
  const released = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  released.catch(() => undefined);
  const path = entry.files.tables[hold.level]!;
  let early: Promise<void> | null = null;
  let end: number | null | undefined;
  const readFirstView: PrefixReader = (prefix) => {
    try {
      // The header is parsed once, when it is in.
      end ??= firstViewEnd(prefix, path);
    } catch {
      return true;
    }
    if (end === undefined || (end !== null && prefix.length < end)) return false;
    if (end !== null) {
      early = hold.first({ path, bytes: prefix.slice(0, end) }, true);
      // Awaited once the file is in; a load that fails before then leaves it.
      early.catch(() => undefined);
    }
    return true;
  };
  const tables = readEachTable(source, entry, levels, onProgress, async (level, file) => {
    if (level !== hold.level) {
      await released;
      return decodeCheckedTable(level, file);
    }
    try {
      await verifyContentHash(file.path, file.bytes);
      // From the whole file when the start gave no first view (a source that reads at once, a first view that failed).
      const shown = early ? await early.then(() => true, () => false) : false;
      if (!shown) await hold.first(file, false);
    } catch (error) {
      fail(error);
      throw error;
    }
    release();
    return decodeCheckedTable(level, file, true);
  }, (level) => (level === hold.level ? readFirstView : undefined), (level) => (level === hold.level ? undefined : released));
  // A held table that cannot be read (404, no network) lets the waiting ones go too.
  tables.catch(fail);
  return tables;
}

async function readEachTable<T>(source: DatasetSource, entry: DatasetEntry, levels: Level[], onProgress: Progress | undefined, then: (level: Level, file: TableFile) => Promise<T>, prefixReader?: (level: Level) => PrefixReader | undefined, startAfter?: (level: Level) => Promise<void> | undefined): Promise<Partial<Record<Level, T>>> {
  // Progress in files (each file's share of its own bytes), not in bytes: a
  // file that starts later (readTables' hold) would make a byte sum go back.
  const done: Partial<Record<Level, number>> = {};
  const report = (level: Level, fraction: number) => {
    done[level] = fraction;
    onProgress!(Object.values(done).reduce((a, b) => a + b, 0), levels.length);
  };
  const out = await Promise.all(levels.map(async (level) => {
    await startAfter?.(level);
    const path = entry.files.tables[level]!;
    const bytes = await source.read(path, onProgress && ((l, t) => { if (t > 0) report(level, Math.min(1, l / t)); }), prefixReader?.(level));
    if (onProgress) report(level, 1);
    return [level, await then(level, { path, bytes })] as const;
  }));
  return Object.fromEntries(out);
}

/** Verify (hash in the name, unless already `verified`; then layout and content) and decode one table. */
export async function decodeTableFile(file: TableFile, verified = false): Promise<LevelTable> {
  if (!verified) await verifyContentHash(file.path, file.bytes);
  // The first-view colours are read on their own (decodeFirstView), not here.
  return decodeLevelTable(file.bytes, file.path, await inflateSections(file.bytes, file.path, (name) => name !== FIRST_VIEW_SECTION));
}

/** Check that a table is the level the catalog says it is. */
export function checkTableLevel(table: LevelTable, level: Level, path: string): void {
  if (table.level !== level) throw new DataFileError('inconsistent', `${path}: tabel voor niveau ${table.level}, maar datasets.json noemt hem bij ${level}`);
}

async function decodeCheckedTable(level: Level, file: TableFile, verified = false): Promise<LevelTable> {
  const table = await decodeTableFile(file, verified);
  checkTableLevel(table, level, file.path);
  return table;
}

/** Everything at once, for Node (CLI, benches) and tests. */
export async function loadDataset(source: DatasetSource, datasetId?: string, levels?: Level[]): Promise<{ catalog: DatasetCatalog; entry: DatasetEntry; tables: Partial<Record<Level, LevelTable>> }> {
  const catalog = await readCatalog(source);
  const entry = findEntry(catalog, datasetId ?? catalog.defaultDataset);
  const tables = await readTables(source, entry, tableLevels(entry, levels));
  return { catalog, entry, tables };
}
