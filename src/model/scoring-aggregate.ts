/**
 * Step 3 of scoring (the hot path of a re-weight): a category or dial is the
 * weighted mean of its factors' z-values, with missing factors giving their
 * weight to the present ones; a sphere or the overall score is the weighted
 * mean of its categories. Coverage (share of default weight with data) sets
 * the status with the bands of src/model/coverage-bands.ts. Pure.
 */
import { coverageStatus } from './coverage-bands.ts';
import { ScoreAreaFlag, ScoreStatus, type ScoreStatusCode } from './scoring-types.ts';
import type { Container } from './scoring-containers.ts';
import type { FrameState, TargetCache } from './scoring-frame-state.ts';
import type { LevelState } from './scoring-level-state.ts';
import { percentilesInFrame } from './scoring-percentiles.ts';

/** Adds the container's weighted z-values into the level's scratch sums (default weight, active weight, weighted z). */
function accumulate(ls: LevelState, fs: FrameState, c: Container, act: number[]): void {
  const n = ls.table.codes.length;
  // Column-wise accumulation: one pass per factor keeps the loops monomorphic and cache-friendly.
  const { def, wsum, wz } = ls.scratch;
  def.fill(0); wsum.fill(0); wz.fill(0);
  c.entries.forEach((e, k) => {
    const zk = fs.z[e.f];
    if (!zk) return;
    const d = e.def, a = act[k];
    for (let i = 0; i < n; i++) {
      const v = zk[i];
      if (v !== v) continue;
      def[i] += d; wsum[i] += a; wz[i] += a * v;
    }
  });
  for (const sub of c.subs) {
    const sz = fs.z[sub.f];
    if (!sz) continue;
    const blocked = ls.scratch.flags;
    blocked.fill(0);
    for (const p of sub.replaced) {
      const zk = fs.z[c.entries[p].f];
      if (zk) for (let i = 0; i < n; i++) if (zk[i] === zk[i]) blocked[i] = 1;
    }
    const d = sub.replaced.reduce((a, p) => a + c.entries[p].def, 0);
    const a = sub.replaced.reduce((x, p) => x + act[p], 0);
    for (let i = 0; i < n; i++) {
      const v = sz[i];
      if (blocked[i] || v !== v) continue;
      def[i] += d; wsum[i] += a; wz[i] += a * v;
    }
  }
}

/** 1 where a factor the container uses for the area rests on a sum with beperkte dekking; null when none does anywhere. */
function limitedInputs(ls: LevelState, fs: FrameState, c: Container): Uint8Array | null {
  const factors = [...c.entries.map((e) => e.f), ...c.subs.map((s) => s.f)].filter((f) => ls.limitedCoverage[f]);
  if (!factors.length) return null;
  const out = new Uint8Array(ls.table.codes.length);
  for (const f of factors) {
    const lim = ls.limitedCoverage[f]!, zf = fs.z[f];
    if (zf) for (let i = 0; i < out.length; i++) if (lim[i] && zf[i] === zf[i]) out[i] = 1;
  }
  return out;
}

/** A category or dial for one set of active weights. */
export function aggregateContainer(ls: LevelState, fs: FrameState, c: Container, act: number[], rankVisitors: boolean): TargetCache {
  const n = ls.table.codes.length;
  const z = new Float32Array(n);
  const coverage = new Float32Array(n);
  const status = new Uint8Array(n);
  accumulate(ls, fs, c, act);
  const { def, wsum, wz } = ls.scratch;
  const limited = limitedInputs(ls, fs, c);
  const flags = ls.areaFlags;
  const total = c.totalDef;
  for (let i = 0; i < n; i++) {
    const cov = total > 0 ? def[i] / total : 0;
    coverage[i] = cov;
    let st: ScoreStatusCode = coverageStatus(cov);
    if (st === ScoreStatus.score && limited?.[i]) st = ScoreStatus.beperkteDekking;
    if (flags[i] & ScoreAreaFlag.noScore) st = ScoreStatus.teWeinigInwoners;
    else if (st <= ScoreStatus.beperkteDekking && !(wsum[i] > 0)) st = ScoreStatus.witteVlek;
    else if (!rankVisitors && flags[i] & ScoreAreaFlag.exposure && st <= ScoreStatus.beperkteDekking) st = ScoreStatus.bezoekersgebied;
    status[i] = st;
    z[i] = st <= ScoreStatus.beperkteDekking ? wz[i] / wsum[i] : NaN;
  }
  return { key: '', z, coverage, status, percentile: percentilesInFrame(ls, fs, z, status) };
}

/**
 * A sphere or the overall score: the weighted mean of the member categories
 * that score, over a fixed member set. Coverage is the share of the member
 * weight that scores, with the same bands as a category (≥ 60 % score,
 * 30–60 % beperkte dekking, < 30 % witte vlek), so a missing category lowers
 * coverage instead of silently dropping out.
 */
export function compositeTarget(ls: LevelState, fs: FrameState, key: string, cats: { c: TargetCache; w: number }[], rankVisitors: boolean): TargetCache {
  const n = ls.table.codes.length;
  const z = new Float32Array(n), coverage = new Float32Array(n), status = new Uint8Array(n);
  const total = cats.reduce((a, x) => a + x.w, 0);
  // Plain arrays instead of destructuring in the per-area loop (hot path of a re-weight).
  const sts = cats.map((x) => x.c.status), zs = cats.map((x) => x.c.z), ws0 = cats.map((x) => x.w), m = cats.length;
  for (let i = 0; i < n; i++) {
    let ws = 0, wz = 0, anyData = false;
    for (let k = 0; k < m; k++) {
      const st = sts[k][i], w = ws0[k];
      if (st !== ScoreStatus.geenGegevens && st !== ScoreStatus.teWeinigInwoners) anyData = true;
      // A visitor area's members carry its status; their z is NaN.
      if (st > ScoreStatus.beperkteDekking) continue;
      ws += w; wz += w * zs[k][i];
    }
    const cov = total > 0 ? ws / total : 0;
    coverage[i] = cov;
    let st: ScoreStatusCode;
    const visitor = !rankVisitors && (ls.areaFlags[i] & ScoreAreaFlag.exposure) !== 0;
    if (ls.areaFlags[i] & ScoreAreaFlag.noScore) st = ScoreStatus.teWeinigInwoners;
    else if (visitor && anyData) st = ScoreStatus.bezoekersgebied;
    else if (!(ws > 0)) st = anyData ? ScoreStatus.witteVlek : ScoreStatus.geenGegevens;
    else st = coverageStatus(cov);
    status[i] = st;
    z[i] = st <= ScoreStatus.beperkteDekking ? wz / ws : NaN;
  }
  return { key, z, coverage, status, percentile: percentilesInFrame(ls, fs, z, status) };
}
