/**
 * Scoring benchmark: Nederland 2024 buurten (if shipped) and a synthetic set
 * of 15,000 areas × 60 indicators generated here (seeded, never shipped).
 * Reports load+parse, cold scoring (typed arrays → all scores, normalisation
 * included) and re-weighting from the cached normalised values. Targets on a
 * 2-core machine: cold ≤ 100 ms, re-weight ≤ 5 ms (reported, not asserted).
 * Run: `npx tsx scripts/bench/scoring.ts` or via `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeLevelTable, encodeLevelTable, type LevelTable } from '../../src/model/dataset-format.ts';
import { loadDataset, readCatalog, readTableFiles } from '../../src/data/load-dataset.ts';
import { fileSource } from '../../src/data/file-source.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { coverageReport, formatCoverageReport } from '../../src/model/coverage-report.ts';
import type { WeightOverrides } from '../../src/model/scoring-types.ts';
import { randomTable } from '../../tests/model/helpers/synthetic-table.ts';

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Process CPU time (user + system) of the last timed call, in ms: fairer than wall time on a shared machine. */
let lastCpu = 0;
function time(fn: () => void): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1000;
  return wall;
}
/**
 * Median wall and CPU time over runs of fn; `first` is the first call's wall time (with `warm`, the
 * first untimed call's). With `warm`,
 * that many untimed calls (fn(runs), fn(runs + 1) …, other arguments than the timed ones) come
 * first: a user who moves a slider re-weights many times, and V8 compiles the path on the first few.
 */
function timed(runs: number, fn: (r: number) => void, warm = 0): { wall: number; cpu: number; first: number } {
  const walls: number[] = [], cpus: number[] = [];
  const first = warm ? time(() => fn(runs)) : NaN;
  for (let r = 1; r < warm; r++) fn(runs + r);
  for (let r = 0; r < runs; r++) { walls.push(time(() => fn(r))); cpus.push(lastCpu); }
  return { wall: median(walls), cpu: median(cpus), first: warm ? first : walls[0] };
}

/** Untimed re-weights before each timed series (their first is printed). */
const REWEIGHT_WARMUP = 5;

interface Timing { wall: number; cpu: number; first: number }
interface BenchFigures { label: string; areas: number; indicators: number; load: Timing; cold: Timing; coldGemeente: Timing; reweightOne: Timing; reweightAll: Timing; reweightMixed: Timing; explain: Timing; explainCold: Timing; prepare: Timing }

function benchTable(label: string, load: () => LevelTable, runs = 7, warmup = 8): BenchFigures {
  let table!: LevelTable;
  const loadT = timed(3, () => { table = load(); });
  // One fresh engine per run (constructed untimed; earlier engines become garbage).
  // The first run also pays for JIT compilation; it is reported separately,
  // and `warmup` further untimed runs let V8 settle before the timed ones.
  let engine!: ScoringEngine;
  const firstEngine = new ScoringEngine([table]);
  const jitFirst = time(() => firstEngine.score({ level: table.level }));
  for (let r = 0; r < warmup; r++) new ScoringEngine([table]).score({ level: table.level });
  const colds: number[] = [], coldCpu: number[] = [], gems: number[] = [], gemCpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    engine = new ScoringEngine([table]);
    colds.push(time(() => engine.score({ level: table.level }))); coldCpu.push(lastCpu);
    gems.push(time(() => engine.score({ level: table.level, frame: 'gemeente' }))); gemCpu.push(lastCpu);
  }
  const cold = { wall: median(colds), cpu: median(coldCpu), first: jitFirst };
  const coldGemeente = { wall: median(gems), cpu: median(gemCpu), first: gems[0] };
  const factors = engine.model.categories.flatMap((c) => c.factors);
  const reweightOne = timed(15, (r) => { engine.score({ level: table.level, weights: { factors: { 'S1.1': 0.1 + 0.02 * r } } }); }, REWEIGHT_WARMUP);
  const reweightAll = timed(15, (r) => {
    const wa: WeightOverrides = { factors: Object.fromEntries(factors.map((f) => [f.id, f.weight * (1 + 0.01 * (r + 1))])) };
    engine.score({ level: table.level, weights: wa });
  }, REWEIGHT_WARMUP);
  // Every factor a different factor (seeded by run and position): the orders of areas change, so every
  // target is ranked anew. The line above scales all weights together, which leaves most orders as they were.
  const reweightMixed = timed(15, (r) => {
    const wa: WeightOverrides = { factors: Object.fromEntries(factors.map((f, j) => [f.id, f.weight * (1 + 0.5 * Math.sin(1.7 * j + r))])) };
    engine.score({ level: table.level, weights: wa });
  }, REWEIGHT_WARMUP);
  // Click → kompas in the worker: the first explanation after scoring without preparation (cold), the
  // preparation the worker runs after the first coloured map, and an explanation after it (warm).
  const scored = Array.from({ length: 4 }, () => { const e = new ScoringEngine([table]); e.score({ level: table.level }); return e; });
  const explainCold = timed(3, (r) => { scored[r].explain({ level: table.level }, 1); });
  const prepared = scored[3];
  const prepare = timed(1, () => prepared.prepareExplanations({ level: table.level }));
  const explain = timed(15, (k) => { prepared.explain({ level: table.level }, k * 997 % table.codes.length); });
  return { label, areas: table.codes.length, indicators: table.indicators.length, load: loadT, cold, coldGemeente, reweightOne, reweightAll, reweightMixed, explain, explainCold, prepare };
}

const t = (x: Timing) => `${ms(x.wall)} (cpu ${ms(x.cpu)})`;

function report(f: BenchFigures): void {
  console.log(`${f.label}: ${f.areas} gebieden × ${f.indicators} indicatoren (mediaan wandkloktijd, tussen haakjes procestijd)`);
  console.log(`  laden + ontleden              ${t(f.load)}`);
  console.log(`  koud scoren (kader dataset)   ${t(f.cold)} — doel ≤ 100 ms; allereerste run (incl. JIT) ${ms(f.cold.first)}`);
  console.log(`  koud scoren (kader gemeente)  ${t(f.coldGemeente)}`);
  const firstRun = (x: Timing) => `eerste niet-gemeten ${ms(x.first)}`;
  console.log(`  herwegen: elke reeks na ${REWEIGHT_WARMUP} niet-gemeten herwegingen; de eerste daarvan (met het compileren) tussen haakjes na de regel`);
  console.log(`  herwegen, 1 factor            ${t(f.reweightOne)} — doel ≤ 5 ms (${firstRun(f.reweightOne)})`);
  console.log(`  herwegen, alle factoren       ${t(f.reweightAll)} — doel ≤ 5 ms; alle gewichten samen geschaald: de volgorde blijft bij de meeste doelen, hun percentielen worden hergebruikt (${firstRun(f.reweightAll)})`);
  console.log(`  herwegen, alle factoren anders ${t(f.reweightMixed)} — elke factor een ander gewicht: elk doel opnieuw gerangschikt (${firstRun(f.reweightMixed)})`);
  console.log(`  uitleg 1 gebied, koud         ${t(f.explainCold)} — eerste klik na het scoren, zonder voorbereiding`);
  console.log(`  uitleg voorbereiden           ${t(f.prepare)} — prepareExplanations, na de eerste gekleurde kaart`);
  console.log(`  uitleg 1 gebied, daarna       ${t(f.explain)} — doel klik → kompas ≤ 100 ms`);
}

export async function benchScoring(): Promise<void> {
  console.log(`== scoring == (belasting: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  const catalogPath = resolve('public/data/datasets.json');
  if (existsSync(catalogPath)) {
    // Through the same loader and source interface as the app and the CLI (src/data/load-dataset.ts).
    const source = fileSource(dirname(catalogPath));
    const catalog = await readCatalog(source);
    const nl = catalog.datasets.find((d) => d.id === 'nl2024');
    if (nl?.files.tables.buurt) {
      const files = await readTableFiles(source, nl);
      console.log('Gebiedstabellen Nederland 2024 (bestand → gedecodeerde kolommen):');
      for (const [level, file] of Object.entries(files)) {
        const t = decodeLevelTable(file.bytes, file.path);
        const decoded = [t.flags, t.bbox, t.labelPoint, t.neighbourOffsets, t.neighbourIndices, ...t.values, ...t.reasons].reduce((a, x) => a + x.byteLength, 0);
        console.log(`  ${level.padEnd(8)} ${(file.bytes.length / 1024).toFixed(0)} KB → ${(decoded / 1024).toFixed(0)} KB typed arrays + namen (${t.codes.length} gebieden × ${t.indicators.length} indicatoren)`);
      }
      const buurt = files.buurt!;
      report(benchTable('Nederland 2024, buurt', () => decodeLevelTable(buurt.bytes, buurt.path)));
      const { tables } = await loadDataset(source, 'nl2024');
      const engine = new ScoringEngine(tables);
      console.log('Dekking per niveau (mediaan gebied), Nederland 2024:');
      for (const level of engine.levels()) console.log(formatCoverageReport(coverageReport(engine, level)));
    }
  } else {
    console.log('(public/data ontbreekt: alleen synthetisch)');
  }
  // Synthetic: inwoners + 5 crime years + 54 series = 60 indicators; load = decode of the encoded bytes.
  const synthetic = randomTable(20241126, 15000, { seriesLimit: 54, gemeenten: 350 });
  const bytes = encodeLevelTable(synthetic);
  report(benchTable('Synthetisch (seed 20241126)', () => decodeLevelTable(bytes, 'synthetisch')));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await benchScoring();
}
