/**
 * Coverage of the kompas for one level: how many categories get a score, a
 * "beperkte dekking" score or a witte vlek for the median area, and which
 * sources would fill each witte vlek. Used by the CLI and the bench. Pure.
 */
import type { Level } from './dataset-format.ts';
import type { ScoringEngine } from './scoring-engine.ts';
import { ScoreAreaFlag, ScoreStatus } from './scoring-types.ts';

export interface CategoryCoverage {
  id: string;
  label: string;
  /** Areas (with ≥ 50 inwoners) per status. */
  score: number;
  beperkt: number;
  witteVlek: number;
  /** Status of the median area. */
  medianStatus: 'score' | 'beperkte dekking' | 'witte vlek';
  medianCoverage: number;
  /** Factors without data at this level, with what would fill them. */
  missing: { id: string; label: string; fillHint: string; measurable: string }[];
}

export interface CoverageReport {
  level: Level;
  areaCount: number;
  scorableAreas: number;
  /** Counts of categories for the median area (areas ordered by number of scored categories). */
  medianArea: { code: string; name: string; score: number; beperkt: number; witteVlek: number };
  categories: CategoryCoverage[];
}

export function coverageReport(engine: ScoringEngine, level: Level): CoverageReport {
  const result = engine.score({ level });
  const n = result.areaCount;
  const table = engine.table(level);
  const cats = result.targets.map((t, k) => ({ t, k })).filter((x) => x.t.kind === 'category');
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (!(result.areaFlags[i] & ScoreAreaFlag.noScore)) eligible.push(i);
  const per = eligible.map((i) => {
    let s = 0, b = 0, w = 0;
    for (const { k } of cats) {
      const st = result.status[k * n + i];
      if (st === ScoreStatus.score) s++;
      else if (st === ScoreStatus.beperkteDekking) b++;
      else w++;
    }
    return { i, s, b, w };
  });
  per.sort((x, y) => x.s - y.s || x.b - y.b || x.i - y.i);
  const med = per[Math.floor(per.length / 2)] ?? { i: 0, s: 0, b: 0, w: cats.length };
  const sources = engine.factorSources(level);
  const hasData = new Set(sources.filter((s) => s.indicator).map((s) => s.factor));
  const categories: CategoryCoverage[] = cats.map(({ t, k }) => {
    let score = 0, beperkt = 0, witteVlek = 0;
    for (const i of eligible) {
      const st = result.status[k * n + i];
      if (st === ScoreStatus.score) score++;
      else if (st === ScoreStatus.beperkteDekking) beperkt++;
      else witteVlek++;
    }
    const st = result.status[k * n + med.i];
    const def = engine.model.categories.find((c) => c.id === t.id)!;
    return {
      id: t.id, label: t.label, score, beperkt, witteVlek,
      medianStatus: st === ScoreStatus.score ? 'score' : st === ScoreStatus.beperkteDekking ? 'beperkte dekking' : 'witte vlek',
      medianCoverage: result.coverage[k * n + med.i],
      missing: def.factors.filter((f) => !hasData.has(f.id) && !f.shownOnly && f.weight > 0)
        .map((f) => ({ id: f.id, label: f.label, fillHint: f.fillHint, measurable: f.measurable })),
    };
  });
  return {
    level, areaCount: n, scorableAreas: eligible.length,
    medianArea: { code: table.codes[med.i] ?? '', name: table.names[med.i] ?? '', score: med.s, beperkt: med.b, witteVlek: med.w },
    categories,
  };
}

export function formatCoverageReport(r: CoverageReport): string {
  const lines: string[] = [];
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  lines.push(`${r.level}: ${r.areaCount} gebieden (${r.scorableAreas} met ≥ 50 inwoners)`);
  lines.push(`  mediaan gebied (${r.medianArea.code} ${r.medianArea.name}): ${r.medianArea.score} categorieën met score, ${r.medianArea.beperkt} met beperkte dekking, ${r.medianArea.witteVlek} witte vlek`);
  for (const c of r.categories) {
    lines.push(`  ${c.id.padEnd(3)} ${c.medianStatus.padEnd(16)} dekking ${pct(c.medianCoverage).padStart(5)} | gebieden: ${c.score} score, ${c.beperkt} beperkt, ${c.witteVlek} witte vlek  (${c.label})`);
    if (c.medianStatus !== 'score') {
      for (const m of c.missing) lines.push(`        vult aan: ${m.id} ${m.label} ← ${m.fillHint}${m.measurable === 'lokaal' ? ' [lokaal]' : ''}`);
    }
  }
  return lines.join('\n');
}
