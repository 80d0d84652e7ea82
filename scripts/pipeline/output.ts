/**
 * Atomic, content-addressed output. Every data file is named
 * `<stem>.<sha256:8>.<ext>` so a host never replaces a file in place. A run
 * writes all new files into `<outDir>/.staging-<pid>/`, moves them next to
 * the old ones (names differ, so nothing in use is overwritten), then renames
 * the new `datasets.json` over the old one (a single atomic rename) and only
 * then deletes files no catalog entry references. A failure before the catalog
 * rename leaves the previous catalog and all its files untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DatasetCatalog, DatasetEntry, Level } from '../../src/model/dataset-format.ts';
import type { BuiltDataset } from './build-dataset.ts';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

export interface WriteOptions {
  outDir: string;
  defaultDataset: string;
  /** Order of datasets in the catalog. */
  order?: string[];
  /** Testing hook: called after staging, before anything is moved. */
  beforeCommit?: () => void;
}

/** Hashed file names (relative to outDir) and contents of one dataset. */
export function datasetFiles(built: BuiltDataset): { entry: DatasetEntry; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const id = built.entry.id;
  const tilesName = `${id}/areas.${contentHash(built.tiles)}.pmtiles`;
  files.set(tilesName, built.tiles);
  const tables: Partial<Record<Level, string>> = {};
  for (const level of built.entry.levels) {
    const bytes = built.tables[level];
    if (!bytes) throw new Error(`${id}: niveautabel ${level} ontbreekt`);
    const name = `${id}/${level}.${contentHash(bytes)}.wvk`;
    tables[level] = name;
    files.set(name, bytes);
  }
  const geometry: Partial<Record<Level, string>> = {};
  for (const level of built.entry.levels) {
    const bytes = built.geometry?.[level];
    if (!bytes) continue;
    const name = `${id}/${level}-geometry.${contentHash(bytes)}.json`;
    geometry[level] = name;
    files.set(name, bytes);
  }
  const withGeometry = Object.keys(geometry).length ? { geometry } : {};
  return { entry: { ...built.entry, files: { tiles: tilesName, tables, ...withGeometry } }, files };
}

function readCatalog(path: string): DatasetCatalog | null {
  if (!existsSync(path)) return null;
  try {
    const c = JSON.parse(readFileSync(path, 'utf8')) as DatasetCatalog;
    return c.format === 'wvk-datasets' ? c : null;
  } catch {
    return null;
  }
}

function referenced(entry: DatasetEntry): string[] {
  return [entry.files.tiles, ...[...Object.values(entry.files.tables), ...Object.values(entry.files.geometry ?? {})].filter((v): v is string => typeof v === 'string')];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Staging folders of runs that were killed (their process is gone): in the
 * parent folder, and the `.staging-<pid>` folders older versions left inside
 * the output folder.
 */
export function removeStaleStaging(outDir: string): string[] {
  const removed: string[] = [];
  const places: [dir: string, prefix: string][] = [[outDir, '.staging-'], [dirname(outDir), `.${basename(outDir)}-staging-`]];
  for (const [dir, prefix] of places) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = name.startsWith(prefix) ? name.slice(prefix.length) : '';
      if (!/^\d+$/.test(pid) || (Number(pid) !== process.pid && processAlive(Number(pid)))) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

/**
 * Write the given datasets; datasets of the existing catalog that were not
 * rebuilt are kept (with their files). Returns the catalog written.
 */
export function writeOutput(built: BuiltDataset[], options: WriteOptions): DatasetCatalog {
  const { outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const catalogPath = join(outDir, 'datasets.json');
  const previous = readCatalog(catalogPath);
  // Staging lives next to the output folder, never in it: a build (vite copies public/) can then never publish it.
  const staging = join(dirname(outDir), `.${basename(outDir)}-staging-${process.pid}`);
  removeStaleStaging(outDir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const entries = new Map<string, DatasetEntry>();
    for (const e of previous?.datasets ?? []) entries.set(e.id, e);
    const newFiles = new Map<string, Uint8Array>();
    for (const b of built) {
      const { entry, files } = datasetFiles(b);
      entries.set(entry.id, entry);
      for (const [name, bytes] of files) newFiles.set(name, bytes);
    }
    const order = options.order ?? [];
    const ids = [...entries.keys()].sort((a, b) => {
      const ia = order.indexOf(a), ib = order.indexOf(b);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || (a < b ? -1 : a > b ? 1 : 0);
    });
    const catalog: DatasetCatalog = {
      format: 'wvk-datasets',
      version: 1,
      defaultDataset: options.defaultDataset,
      datasets: ids.map((id) => entries.get(id)!),
    };
    if (!entries.has(options.defaultDataset)) throw new Error(`standaarddataset ${options.defaultDataset} zit niet in de catalogus`);

    for (const [name, bytes] of [...newFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = join(staging, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, bytes);
    }
    writeFileSync(join(staging, 'datasets.json'), JSON.stringify(catalog, null, 2) + '\n');
    options.beforeCommit?.();

    // Move data files in (new names never collide with files in use unless identical).
    for (const name of newFiles.keys()) {
      const target = join(outDir, name);
      mkdirSync(join(target, '..'), { recursive: true });
      if (existsSync(target)) continue; // same hash = same content
      renameSync(join(staging, name), target);
    }
    renameSync(join(staging, 'datasets.json'), catalogPath);

    // Remove files of our datasets that the catalog no longer references.
    const keep = new Set(catalog.datasets.flatMap(referenced));
    for (const entry of catalog.datasets) {
      const dir = join(outDir, entry.id);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) {
        if (!/\.[0-9a-f]{8}\.(pmtiles|wvk|json)$/.test(f)) continue;
        if (!keep.has(`${entry.id}/${f}`)) rmSync(join(dir, f));
      }
    }
    return catalog;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
