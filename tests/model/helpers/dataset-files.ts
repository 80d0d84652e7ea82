/**
 * A dataset in memory, named the way the pipeline names files
 * (`<dataset>/<level>.<hash>.wvk`), for the loader, worker and verifier tests.
 */
import { encodeLevelTable, readLevelTableHeader, type DatasetCatalog, type DatasetEntry, type Level, type LevelTable, type LevelTableHeader } from '../../../src/model/dataset-format.ts';
import { contentHashOf } from '../../../src/data/verify.ts';
import { firstViewsOf } from '../../../scripts/pipeline/first-views.ts';

export async function hashedPath(datasetId: string, stem: string, ext: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return `${datasetId}/${stem}.${await contentHashOf(bytes)}.${ext}`;
}

/** With `firstView`, each table stores the first view of the default scoring, as the pipeline writes it. */
export async function memoryDataset(id: string, tables: LevelTable[], options: { firstView?: boolean } = {}): Promise<{ catalog: DatasetCatalog; entry: DatasetEntry; files: Record<string, Uint8Array> }> {
  const files: Record<string, Uint8Array> = {};
  const paths: Partial<Record<Level, string>> = {};
  const firstViews = options.firstView ? firstViewsOf(Object.fromEntries(tables.map((t) => [t.level, t]))) : {};
  for (const table of tables) {
    const bytes = encodeLevelTable(table, firstViews[table.level]) as Uint8Array<ArrayBuffer>;
    const path = await hashedPath(id, table.level, 'wvk', bytes);
    paths[table.level] = path;
    files[path] = bytes;
  }
  const entry: DatasetEntry = {
    id, title: 'Test', description: '', levels: tables.map((t) => t.level), bbox: [0, 0, 1, 1], years: [2024], indelingYear: 2024,
    sources: [], caveats: [], minzoom: 0, maxzoom: 12, files: { tiles: `${id}/areas.00000000.pmtiles`, tables: paths },
  };
  const catalog: DatasetCatalog = { format: 'wvk-datasets', version: 1, defaultDataset: id, datasets: [entry] };
  files['datasets.json'] = new TextEncoder().encode(JSON.stringify(catalog));
  return { catalog, entry, files };
}

/** Same level-table file with its JSON header changed; the sections block is kept byte for byte. */
export function withHeader(original: Uint8Array, change: (h: LevelTableHeader) => void): Uint8Array<ArrayBuffer> {
  const { header, base } = readLevelTableHeader(original);
  change(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const newBase = Math.ceil((8 + json.length) / 8) * 8;
  const out = new Uint8Array(newBase + original.length - base);
  out.set(original.subarray(0, 4));
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(original.subarray(base), newBase);
  return out;
}
