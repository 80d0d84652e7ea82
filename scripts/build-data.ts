/**
 * `npm run data [-- <dataset-id> …]`: rebuild the served data in
 * `public/data/` from the sources in `data/`. Without arguments all datasets
 * are built; with ids only those (the others stay as they are).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDataset, type BuiltDataset } from './pipeline/build-dataset.ts';
import { writeOutput } from './pipeline/output.ts';
import { InputError } from './pipeline/sources/common.ts';
import { loadNl2024 } from './pipeline/sources/nl2024.ts';
import { loadGroningen2017 } from './pipeline/sources/groningen2017.ts';
import type { DatasetInput } from './pipeline/types.ts';

type Loaded = DatasetInput & { joinNotes?: string[] };
export const DATASETS: Record<string, (dataDir: string) => Loaded | Promise<Loaded>> = {
  nl2024: (dataDir) => loadNl2024({ dataDir }),
  groningen2017: (dataDir) => loadGroningen2017({ dataDir }),
};
export const DEFAULT_DATASET = 'nl2024';

export interface DatasetTiming {
  id: string;
  seconds: number;
  maxRssMB: number;
  built: BuiltDataset;
}

export interface RunOptions {
  root?: string;
  /** Output folder; defaults to `<root>/public/data`. */
  outDir?: string;
  /** Catalog default; the bench builds one dataset alone into a temp folder. */
  defaultDataset?: string;
  ids?: string[];
  log?: (line: string) => void;
}

/** Build and write; returns per-dataset timings (used by the bench). */
export async function runPipeline(options: RunOptions = {}): Promise<{ timings: DatasetTiming[]; files: string[] }> {
  const root = options.root ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));
  const ids = options.ids?.length ? options.ids : Object.keys(DATASETS);
  for (const id of ids) if (!DATASETS[id]) throw new InputError(`onbekende dataset "${id}" (bekend: ${Object.keys(DATASETS).join(', ')})`);
  const dataDir = resolve(root, 'data');
  const timings: DatasetTiming[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    const input = await DATASETS[id](dataDir);
    for (const note of input.joinNotes ?? []) log(`${id}: ${note}`);
    const built = buildDataset(input, { log });
    timings.push({ id, seconds: (performance.now() - t0) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, built });
  }
  const catalog = writeOutput(timings.map((t) => t.built), {
    outDir: options.outDir ?? resolve(root, 'public/data'),
    defaultDataset: options.defaultDataset ?? DEFAULT_DATASET,
    order: Object.keys(DATASETS),
  });
  const files = catalog.datasets.flatMap((d) => [d.files.tiles, ...Object.values(d.files.tables), ...Object.values(d.files.geometry ?? {})]).filter((f): f is string => !!f);
  return { timings, files };
}

async function main() {
  const ids = process.argv.slice(2);
  const t0 = performance.now();
  const { timings } = await runPipeline({ ids });
  for (const t of timings) console.log(`${t.id}: ${t.seconds.toFixed(1)} s, piekgeheugen ${t.maxRssMB.toFixed(0)} MB`);
  console.log(`klaar in ${((performance.now() - t0) / 1000).toFixed(1)} s → public/data/`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    if (e instanceof InputError || (e instanceof Error && e.name === 'DelimitedError')) console.error(`Fout in invoer: ${e.message}`);
    else console.error(e);
    process.exitCode = 1;
  });
}
