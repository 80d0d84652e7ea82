/**
 * `npm run bench`: prints the figures that matter for speed. Nothing here is
 * asserted; tests stay free of timings. Sections: data pipeline, scoring,
 * browser. `npm run bench -- scoring` runs one section.
 */
import { benchPipeline } from './bench/pipeline.ts';
import { benchScoring } from './bench/scoring.ts';
import { benchBrowser } from './bench/browser.ts';

const sections: Record<string, () => Promise<void>> = {
  pipeline: benchPipeline,
  scoring: benchScoring,
  // BENCH_RUNS=1 for a quick look; medians need the default 3.
  browser: () => benchBrowser(Number(process.env.BENCH_RUNS) || 3),
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
for (const name of wanted.length ? wanted : Object.keys(sections)) {
  console.log(`\n# ${name}`);
  await sections[name]();
}
