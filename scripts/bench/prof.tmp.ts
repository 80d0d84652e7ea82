import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { randomTable } from '../../tests/model/helpers/synthetic-table.ts';
const table = randomTable(20241126, 15000, { seriesLimit: 54, gemeenten: 350 });
const engine = new ScoringEngine([table]);
engine.score({ level: table.level });
const factors = engine.model.categories.flatMap((c) => c.factors);
const times: number[] = []; const cpus: number[] = [];
for (let r = 0; r < 300; r++) {
  const w = { factors: Object.fromEntries(factors.map((f) => [f.id, f.weight * (1 + 0.01 * (r + 1))])) };
  const c0 = process.cpuUsage(); const t0 = performance.now();
  engine.score({ level: table.level, weights: w });
  times.push(performance.now() - t0); const c = process.cpuUsage(c0); cpus.push((c.user + c.system) / 1000);
}
const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];
console.log('reweight all median wall', med(times.slice(50)).toFixed(2), 'cpu', med(cpus.slice(50)).toFixed(2));
