/** Property tests over seeded random data (mulberry32; never Math.random). */
import { describe, expect, it } from 'vitest';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';
import { mulberry32 } from '../../src/model/stats.ts';
import type { LevelTable } from '../../src/model/dataset-format.ts';
import { randomTable } from './helpers/synthetic-table.ts';

const N = 300;

function withValue(t: LevelTable, series: string, area: number, value: number): LevelTable {
  const k = t.indicators.findIndex((m) => m.series === series);
  const values = t.values.map((v, j) => (j === k ? Float32Array.from(v) : v));
  values[k][area] = value;
  return { ...t, values };
}

function permute(t: LevelTable, perm: number[]): LevelTable {
  const p = <T>(a: ArrayLike<T>) => perm.map((i) => a[i]);
  return {
    ...t,
    codes: p(t.codes), names: p(t.names), gemeenteCodes: p(t.gemeenteCodes), wijkCodes: p(t.wijkCodes),
    values: t.values.map((v) => Float32Array.from(p(v))),
    reasons: t.reasons.map((r) => Uint8Array.from(p(r))),
  };
}

const target = (r: ScoreResult, id: string) => r.targets.findIndex((t) => t.id === id);

describe('properties over random data', () => {
  it('raising a ↑ factor never lowers its category score', () => {
    const rnd = mulberry32(42);
    // Share and count-rate factors with direction ↑ and the series that feed them.
    const cases = [
      { series: 'rivm_sociaal_eenzaam', cat: 'S1' },
      { series: 'rivm_geluidhinder_buren', cat: 'S3' },
      { series: 'rivm_angst_depressie', cat: 'I4' },
      { series: 'corporatiewoningen', cat: 'F4' },
      { series: 'misdrijven_geweld', cat: 'S4' },
      { series: 'jeugdzorg', cat: 'I3' },
    ];
    for (const c of cases) {
      const f = KOMPAS_MODEL.categories.flatMap((x) => x.factors).find((x) => x.options.some((o) => 'series' in o && o.series === c.series))!;
      expect(f.direction, c.series).toBe(1);
    }
    for (let trial = 0; trial < 3; trial++) {
      const t = randomTable(1000 + trial, N, { missing: 0.02 });
      const base = new ScoringEngine([t]).score({ level: 'buurt' });
      for (const c of cases) {
        const k = t.indicators.findIndex((m) => m.series === c.series);
        for (let rep = 0; rep < 4; rep++) {
          const i = Math.floor(rnd() * N);
          const old = t.values[k][i];
          if (!Number.isFinite(old)) continue;
          const bumped = c.series.startsWith('misdrijven') ? old + 1 + Math.floor(rnd() * 20) : Math.min(99, old + 0.5 + rnd() * 10);
          const r = new ScoringEngine([withValue(t, c.series, i, bumped)]).score({ level: 'buurt' });
          const p = target(r, c.cat) * N + i;
          if (base.status[p] > ScoreStatus.beperkteDekking) continue;
          expect(r.z[p], `${c.series} area ${i}`).toBeGreaterThanOrEqual(base.z[p] - 1e-6);
        }
      }
    }
  });

  it('permuting areas permutes scores', () => {
    const rnd = mulberry32(7);
    const t = randomTable(77, N, { missing: 0.05 });
    const perm = Array.from({ length: N }, (_, i) => i);
    for (let i = N - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
    for (const frame of ['dataset', 'gemeente'] as const) {
      const a = new ScoringEngine([t]).score({ level: 'buurt', frame });
      const b = new ScoringEngine([permute(t, perm)]).score({ level: 'buurt', frame });
      const bad: string[] = [];
      const close = (x: number, y: number, tol: number) => Math.abs(x - y) <= tol;
      for (let k = 0; k < a.targets.length; k++) {
        for (let j = 0; j < N; j++) {
          const pa = k * N + perm[j], pb = k * N + j;
          const ok = b.status[pb] === a.status[pa] && close(b.coverage[pb], a.coverage[pa], 1e-6) &&
            (Number.isNaN(a.z[pa]) ? Number.isNaN(b.z[pb]) : close(b.z[pb], a.z[pa], 1e-4) && close(b.percentile[pb], a.percentile[pa], 1e-3));
          if (!ok) bad.push(`${frame} ${a.targets[k].id} ${j}: ${a.z[pa]} vs ${b.z[pb]}`);
        }
      }
      for (let j = 0; j < N; j++) if (b.areaFlags[j] !== a.areaFlags[perm[j]]) bad.push(`flags ${j}`);
      expect(bad.slice(0, 5)).toEqual([]);
    }
  });

  it('scores are finite or explicitly missing', () => {
    for (let trial = 0; trial < 4; trial++) {
      const t = randomTable(500 + trial, N, { missing: 0.1 * trial });
      const e = new ScoringEngine([t]);
      for (const frame of ['dataset', 'gemeente', 'stedelijkheid'] as const) {
        const r = e.score({ level: 'buurt', frame });
        const bad: number[] = [];
        for (let p = 0; p < r.z.length; p++) {
          const scored = r.status[p] <= ScoreStatus.beperkteDekking;
          const ok = scored
            ? Number.isFinite(r.z[p]) && Math.abs(r.z[p]) <= 3 + 1e-6 && r.percentile[p] >= 0 && r.percentile[p] <= 100
            : Number.isNaN(r.z[p]) && Number.isNaN(r.percentile[p]);
          if (!ok || !(r.coverage[p] >= 0 && r.coverage[p] <= 1 + 1e-6)) bad.push(p);
        }
        expect(bad.slice(0, 5), frame).toEqual([]);
      }
      // Contributions are exact for every category and dial of a few areas.
      for (const i of [0, 17, 123]) {
        const ex = e.explain({ level: 'buurt' }, i);
        for (const c of [...ex.categories, ...ex.dials]) {
          const list = 'factors' in c ? c.factors : c.components;
          if (c.score === null) continue;
          expect(list.reduce((a, f) => a + (f.contribution ?? 0), 0)).toBeCloseTo(c.score, 5);
        }
      }
    }
  });
});
