/**
 * Pipeline benchmark for `npm run bench`: builds every dataset in its own
 * child process (so peak memory is per dataset), writing into a temporary
 * folder instead of public/data, and prints wall time, peak RSS and the size
 * of every output file. Measures only; targets (NL ≤ 60 s, PMTiles ≤ 15 MB)
 * are printed next to the figures, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatasetCatalog } from '../../src/model/dataset-format.ts';

interface ChildResult {
  id: string;
  seconds: number;
  maxRssMB: number;
}

const ROOT = resolve(import.meta.dirname, '../..');

async function child(id: string, outDir: string): Promise<void> {
  const { runPipeline } = await import('../build-data.ts');
  const t0 = performance.now();
  await runPipeline({ root: ROOT, outDir, ids: [id], defaultDataset: id, log: () => {} });
  const result: ChildResult = { id, seconds: (performance.now() - t0) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

export async function benchPipeline(): Promise<void> {
  const { DATASETS } = await import('../build-data.ts');
  console.log('Datapijplijn (npm run data), per dataset in een eigen proces:');
  for (const id of Object.keys(DATASETS)) {
    const outDir = mkdtempSync(join(tmpdir(), `wvk-bench-${id}-`));
    try {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', id, outDir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
      const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH '));
      if (run.status !== 0 || !line) {
        console.log(`  ${id}: mislukt (${run.status}) ${run.stderr.slice(-500)}`);
        continue;
      }
      const r = JSON.parse(line.slice(6)) as ChildResult;
      const wall = (performance.now() - t0) / 1000;
      const target = id === 'nl2024' ? ' (doel ≤ 60 s)' : '';
      console.log(`  ${id}: pijplijn ${r.seconds.toFixed(1)} s${target}, proces incl. opstart ${wall.toFixed(1)} s, piekgeheugen ${r.maxRssMB.toFixed(0)} MB`);
      const catalog = JSON.parse(readFileSync(join(outDir, 'datasets.json'), 'utf8')) as DatasetCatalog;
      const entry = catalog.datasets.find((d) => d.id === id)!;
      for (const f of [entry.files.tiles, ...Object.values(entry.files.tables)].filter((x): x is string => !!x)) {
        const mb = statSync(join(outDir, f)).size / 1e6;
        const note = f.endsWith('.pmtiles') ? ' (doel ≤ 15 MB)' : '';
        console.log(`    ${f.padEnd(40)} ${mb.toFixed(2)} MB${note}`);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, id, outDir] = process.argv.slice(2);
  if (flag === '--child' && id && outDir) await child(id, outDir);
  else await benchPipeline();
}
