/**
 * The generated hostile-input suite at full size; prints the counts per
 * input family as the Markdown table kept in docs/reliability.md.
 *
 *   npm run fuzz                          # 250 cases per family, seed 20261204
 *   npm run fuzz -- --cases 1000 --seed 7
 *
 * Exits with 1 when any case ended uncaught, hanging, growing memory past
 * the bound, accepted silently wrong or refused without a clear message.
 */
import { FAMILIES } from '../tests/fuzz/families/index.ts';
import { OUTCOME_LABELS, reportTable, runFamily, type FamilyReport, type RunOptions } from '../tests/fuzz/harness.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} verwacht een positief geheel getal`);
  return v;
}

const options: RunOptions = { seed: arg('seed', 20261204), size: 'large', casesPerFamily: arg('cases', 250), perCaseMs: arg('ms', 60_000), memoryMb: arg('mb', 1024) };
const started = performance.now();
const reports: FamilyReport[] = [];
for (const family of FAMILIES) {
  const t0 = performance.now();
  const report = await runFamily(family, options);
  reports.push(report);
  console.error(`${family.name}: ${report.cases} gevallen in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const e of report.examples) console.error(`  ${e}`);
}
console.log(`Datum: ${new Date().toISOString().slice(0, 10)} · seed ${options.seed} · ${options.casesPerFamily} gevallen per familie · grens per geval ${options.perCaseMs / 1000} s, ${options.memoryMb} MB · duur ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
console.log(reportTable(reports));
const bad = reports.reduce((t, r) => t + r.counts.uncaught + r.counts.hang + r.counts.memory + r.counts.wrong + r.counts.unclear, 0);
if (bad > 0) {
  console.error(`\n${bad} gevallen eindigden niet als "${OUTCOME_LABELS.accepted}" of "${OUTCOME_LABELS.refused}".`);
  process.exitCode = 1;
}
