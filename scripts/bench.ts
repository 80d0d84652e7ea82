/**
 * `npm run bench`: prints the figures that matter for speed. Nothing here is
 * asserted; tests stay free of timings. Sections: data pipeline, scoring,
 * browser. `npm run bench -- scoring` runs one section.
 *
 * Each section runs in a process of its own: the heap another section leaves
 * (the pipeline's data, the browser driver's modules) would otherwise slow the
 * garbage collector during the scoring runs, as it never does in the worker.
 */
import { spawnSync } from 'node:child_process';

const sections: Record<string, () => Promise<void>> = {
  pipeline: async () => (await import('./bench/pipeline.ts')).benchPipeline(),
  scoring: async () => (await import('./bench/scoring.ts')).benchScoring(),
  // BENCH_RUNS=1 for a quick look; medians need the default 3.
  browser: async () => (await import('./bench/browser.ts')).benchBrowser(Number(process.env.BENCH_RUNS) || 3),
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
if (wanted.length === 1) {
  console.log(`\n# ${wanted[0]}`);
  await sections[wanted[0]]();
} else {
  for (const name of wanted.length ? wanted : Object.keys(sections)) {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1], name], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
