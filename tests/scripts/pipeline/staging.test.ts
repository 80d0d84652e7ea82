/**
 * Issue #18, pipeline: `npm run data` killed half-way leaves the previous
 * public/data usable; its staging folder never sits inside the published
 * folder (so no build copies it to dist/) and is removed on the next run.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetCatalog } from '../../../src/model/dataset-format.ts';
import { buildDataset } from '../../../scripts/pipeline/build-dataset.ts';
import { writeOutput } from '../../../scripts/pipeline/output.ts';
import { loadNl2024 } from '../../../scripts/pipeline/sources/nl2024.ts';
import { FIXTURE_DATA, fixtureCopy, setCsvCell, snapshotDir } from './helpers.ts';

const files = snapshotDir;

describe('pipeline staging', () => {
  it('a run killed after staging leaves the previous output byte-identical and usable; the next run removes its staging folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'wvk-kill-'));
    const outDir = join(root, 'data');
    writeOutput([buildDataset(loadNl2024({ dataDir: FIXTURE_DATA }))], { outDir, defaultDataset: 'nl2024' });
    const before = files(outDir);
    // The child builds different content, so a half-done commit would show.
    const changed = fixtureCopy();
    setCsvCell(join(changed, 'woonikveilig-2024/wijk_2024_kerncijfers.csv'), 'WK173008', 'wozWaarde', '321');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-child.ts'), outDir, changed], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('STAGED')) resolve(); });
      child.on('exit', (code) => reject(new Error(`child stopped early (${code})`)));
    });
    // Mid-run: the staged files are outside the published folder.
    expect(readdirSync(outDir).filter((f) => f.includes('staging'))).toEqual([]);
    const staged = readdirSync(root).filter((f) => f.includes('staging'));
    expect(staged).toEqual([`.data-staging-${child.pid}`]);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    expect(files(outDir)).toEqual(before);
    const catalog = JSON.parse(readFileSync(join(outDir, 'datasets.json'), 'utf8')) as DatasetCatalog;
    for (const f of [catalog.datasets[0].files.tiles, ...Object.values(catalog.datasets[0].files.tables)]) expect(existsSync(join(outDir, f!))).toBe(true);

    // A folder an older version left inside the output is cleaned up too.
    mkdirSync(join(outDir, '.staging-999999'));
    writeFileSync(join(outDir, '.staging-999999', 'x.wvk'), 'half');
    writeOutput([buildDataset(loadNl2024({ dataDir: FIXTURE_DATA }))], { outDir, defaultDataset: 'nl2024' });
    expect(readdirSync(root).filter((f) => f.includes('staging'))).toEqual([]);
    expect(readdirSync(outDir).filter((f) => f.includes('staging'))).toEqual([]);
  }, 120_000);
});
