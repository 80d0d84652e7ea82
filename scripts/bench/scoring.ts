/**
 * Scoring benchmark: Nederland 2024 buurten (if shipped) and a synthetic set
 * of 15,000 areas × 60 indicators generated here (seeded, never shipped).
 * Reports load+parse, cold scoring (typed arrays → all scores, normalisation
 * included) and re-weighting from the cached normalised values. Targets on a
 * 2-core machine: cold ≤ 100 ms, re-weight ≤ 5 ms (reported, not asserted).
 * Run: `npx tsx scripts/bench/scoring.ts` or via `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeLevelTable, encodeLevelTable, type DatasetCatalog, type LevelTable } from '../../src/model/dataset-format.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { coverageReport, formatCoverageReport } from '../../src/model/coverage-report.ts';
import type { WeightOverrides } from '../../src/model/scoring-types.ts';
import { randomTable } from '../../tests/model/helpers/synthetic-table.ts';

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const ms = (x: number) => `${x.toFixed(1)} ms`;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface BenchFigures { label: string; areas: number; indicators: number; loadMs: number; coldFirst: number; cold: number; coldGemeente: number; reweightOne: number; reweightAll: number; explain: number }

function benchTable(label: string, load: () => LevelTable, runs = 5): BenchFigures {
  let table!: LevelTable;
  const loadMs = median(Array.from({ length: 3 }, () => time(() => { table = load(); })));
  const colds: number[] = [];
  const coldsG: number[] = [];
  let engine!: ScoringEngine;
  for (let r = 0; r < runs; r++) {
    engine = new ScoringEngine([table]);
    colds.push(time(() => engine.score({ level: table.level })));
    coldsG.push(time(() => engine.score({ level: table.level, frame: 'gemeente' })));
  }
  const factors = engine.model.categories.flatMap((c) => c.factors);
  const one: number[] = [];
  const all: number[] = [];
  for (let r = 0; r < 10; r++) {
    const w1: WeightOverrides = { factors: { 'S1.1': 0.1 + 0.05 * r } };
    one.push(time(() => engine.score({ level: table.level, weights: w1 })));
    const wa: WeightOverrides = { factors: Object.fromEntries(factors.map((f) => [f.id, f.weight * (1 + 0.01 * (r + 1))])) };
    all.push(time(() => engine.score({ level: table.level, weights: wa })));
  }
  const explain = median(Array.from({ length: 5 }, (_, k) => time(() => engine.explain({ level: table.level }, k * 7))));
  return {
    label, areas: table.codes.length, indicators: table.indicators.length, loadMs,
    coldFirst: colds[0], cold: median(colds), coldGemeente: median(coldsG), reweightOne: median(one), reweightAll: median(all), explain,
  };
}

function report(f: BenchFigures): void {
  console.log(`${f.label}: ${f.areas} gebieden × ${f.indicators} indicatoren`);
  console.log(`  laden + ontleden        ${ms(f.loadMs)}`);
  console.log(`  koud scoren (kader dataset)   ${ms(f.cold)} (mediaan van 5 verse engines; eerste ${ms(f.coldFirst)})  doel ≤ 100 ms`);
  console.log(`  koud scoren (kader gemeente)  ${ms(f.coldGemeente)}`);
  console.log(`  herwegen, 1 factor      ${ms(f.reweightOne)}  doel ≤ 5 ms`);
  console.log(`  herwegen, alle factoren ${ms(f.reweightAll)}`);
  console.log(`  uitleg 1 gebied        ${ms(f.explain)}`);
}

export async function benchScoring(): Promise<void> {
  console.log('== scoring ==');
  const catalogPath = resolve('public/data/datasets.json');
  if (existsSync(catalogPath)) {
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as DatasetCatalog;
    const nl = catalog.datasets.find((d) => d.id === 'nl2024');
    const file = nl?.files.tables.buurt;
    if (nl && file) {
      const path = join(dirname(catalogPath), file);
      report(benchTable('Nederland 2024, buurt', () => {
        const bytes = readFileSync(path);
        return decodeLevelTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, file);
      }));
      const tables = Object.fromEntries(Object.entries(nl.files.tables).map(([level, f]) => {
        const bytes = readFileSync(join(dirname(catalogPath), f as string));
        return [level, decodeLevelTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, f as string)];
      }));
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
  report(benchTable('Synthetisch (seed 20241126)', () => decodeLevelTable(bytes.slice().buffer as ArrayBuffer, 'synthetisch')));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await benchScoring();
}
