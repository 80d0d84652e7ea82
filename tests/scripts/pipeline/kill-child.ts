/**
 * Child process for tests/scripts/pipeline/staging.test.ts: a pipeline run
 * that stops after staging (prints STAGED) and waits to be killed.
 */
import { buildDataset } from '../../../scripts/pipeline/build-dataset.ts';
import { writeOutput } from '../../../scripts/pipeline/output.ts';
import { loadNl2024 } from '../../../scripts/pipeline/sources/nl2024.ts';
import { FIXTURE_DATA } from './helpers.ts';

const [outDir, dataDir] = process.argv.slice(2);
writeOutput([buildDataset(loadNl2024({ dataDir: dataDir ?? FIXTURE_DATA }))], {
  outDir,
  defaultDataset: 'nl2024',
  beforeCommit() {
    process.stdout.write('STAGED\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
