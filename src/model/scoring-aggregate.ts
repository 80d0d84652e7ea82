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
import type { CategoryTarget, FrameState, TargetCache } from './scoring-frame-state.ts';
import type { LevelState } from './scoring-level-state.ts';
import { percentilesInFrame } from './scoring-percentiles.ts';
import { MAX_CONTAINER_COLUMNS } from './kompas/validate.ts';

/**
 * What a container reads for any weights, built once per frame: one z column
 * per entry with data and per substitute (a substitute only where none of the
 * factors it replaces has a value), which columns each area has, the coverage
 * (share of default weight with data) and the status it gives before the
 * weights are known.
 */
export interface PreparedContainer {
  /** Per entry with data and per substitute, its z with 0 where it has no value: a re-weight adds column by column without a branch per value. */
  dense: Float32Array[];
  /** Per area, the index in `presences` of the set of columns with a value there. */
  presenceOf: Uint32Array;
  /** The distinct sets of columns with a value, as bit masks (bit j = column j): a handful per container. */
  presences: Uint32Array;
  /** Per column: the entry positions whose active weights it carries (one for an entry, the replaced ones for a substitute). */
  carries: number[][];
  coverage: Float32Array;
  status: Uint8Array;
}

/** A substitute's z where it stands in (none of the factors it replaces has a value), NaN elsewhere. */
function substituteColumn(fs: FrameState, c: Container, sub: Container['subs'][number], sz: Float32Array): Float32Array {
  const col = sz.slice();
  for (const p of sub.replaced) {
    const zk = fs.z[c.entries[p].f];
    if (zk) for (let i = 0; i < col.length; i++) if (zk[i] === zk[i]) col[i] = NaN;
  }
  return col;
}

/**
 * The columns a recomputed target writes: those of the same target under the
 * earlier weights, which the cache drops now (ScoringEngine.compute; nothing
 * else holds them: score() copies, explain() reads one request to the end),
 * so a re-weight allocates no columns. The same holds for a category's
 * scoredZ and a composite's basis.
 */
function targetBuffers(n: number, previous: TargetCache | undefined) {
  if (previous && previous.z.length === n) return { z: previous.z, status: previous.status, percentile: previous.percentile };
  return { z: new Float32Array(n), status: new Uint8Array(n), percentile: new Float32Array(n) };
}

/** The last status stamp handed out (TargetCache.statusStamp). */
let statusStamps = 0;

/** Above this share of areas with a new z, the percentile pass compares the whole order instead of the changed areas. */
const CHANGED_AREAS_MAX = 0.25;

/**
 * Writes a recomputed target's status and z into the buffers of the same target under the earlier
 * weights, and lists the areas whose z changed bit for bit: the percentile pass then checks only
 * their places in the earlier order (scoring-percentiles.ts). A uniform weight change moves the z
 * of a few hundred of 15,000 areas by one float32 step.
 */
class TargetWriter {
  private changedCount = 0;
  private statusChanged = 0;
  private readonly zBits: Uint32Array;
  constructor(private readonly z: Float32Array, private readonly status: Uint8Array, private readonly changed: Uint32Array) {
    this.zBits = new Uint32Array(z.buffer, z.byteOffset, z.length);
  }

  write(i: number, st: ScoreStatusCode, x: number): void {
    this.statusChanged |= this.status[i] ^ st;
    this.status[i] = st;
    const old = this.zBits[i];
    this.z[i] = x;
    if (this.zBits[i] !== old) this.changed[this.changedCount++] = i;
  }

  /** The target's status stamp: the earlier one when the buffers held this target under the earlier weights and no status changed. */
  stamp(previous: TargetCache | undefined): number {
    return previous?.status === this.status && !this.statusChanged ? previous.statusStamp : ++statusStamps;
  }

  /** The changed areas, when the buffers held this target under the earlier weights, every status stayed and few z moved. */
  changedAreas(previous: TargetCache | undefined): Uint32Array | null {
    if (previous?.z !== this.z || this.statusChanged || this.changedCount > CHANGED_AREAS_MAX * this.z.length) return null;
    return this.changed.subarray(0, this.changedCount);
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

export function prepareContainer(ls: LevelState, fs: FrameState, c: Container): PreparedContainer {
  const n = ls.table.codes.length;
  const columns: Float32Array[] = [], carries: number[][] = [], defs: number[] = [];
  c.entries.forEach((e, p) => {
    const zk = fs.z[e.f];
    if (zk) { columns.push(zk); carries.push([p]); defs.push(e.def); }
  });
  for (const sub of c.subs) {
    const sz = fs.z[sub.f];
    if (!sz) continue;
    columns.push(substituteColumn(fs, c, sub, sz)); carries.push(sub.replaced);
    defs.push(sub.replaced.reduce((a, p) => a + c.entries[p].def, 0));
  }
  const def = new Float64Array(n);
  columns.forEach((col, j) => { for (let i = 0; i < n; i++) if (col[i] === col[i]) def[i] += defs[j]; });
  const coverage = new Float32Array(n), status = new Uint8Array(n);
  const limited = limitedInputs(ls, fs, c);
  for (let i = 0; i < n; i++) {
    const cov = c.totalDef > 0 ? def[i] / c.totalDef : 0;
    coverage[i] = cov;
    const st = coverageStatus(cov);
    status[i] = st === ScoreStatus.score && limited?.[i] ? ScoreStatus.beperkteDekking : st;
  }
  const K = columns.length;
  // validateModel keeps a container within one 32-bit mask per area; a model it did not check must not wrap bits.
  if (K > MAX_CONTAINER_COLUMNS) throw new Error(`${c.id}: ${K} columns, at most ${MAX_CONTAINER_COLUMNS}`);
  const mask = new Uint32Array(n);
  const dense = columns.map((col, j) => {
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++) if (col[i] === col[i]) { d[i] = col[i]; mask[i] |= 1 << j; }
    return d;
  });
  const slot = new Map<number, number>();
  const presenceOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let s = slot.get(mask[i]);
    if (s === undefined) { s = slot.size; slot.set(mask[i], s); }
    presenceOf[i] = s;
  }
  return { dense, presenceOf, presences: Uint32Array.from(slot.keys()), carries, coverage, status };
}

/**
 * A category or dial for one set of active weights: the weighted sum column by
 * column (per area the same additions in the same order as the definition's
 * entries, then substitutes), the weight with data per set of present columns,
 * then a pass per area for status and z. `previous` is the target under
 * earlier weights.
 */
export function aggregateContainer(ls: LevelState, fs: FrameState, c: Container, act: number[], rankVisitors: boolean, previous?: TargetCache): CategoryTarget {
  const preparedKey = `${c.kind}:${c.id}`;
  let prepared = fs.prepared.get(preparedKey);
  if (!prepared) { prepared = prepareContainer(ls, fs, c); fs.prepared.set(preparedKey, prepared); }
  const { dense, presenceOf, presences, carries, coverage } = prepared;
  const weights = Float64Array.from(carries, (ps) => ps.reduce((x, p) => x + act[p], 0));
  const n = ls.table.codes.length, K = carries.length;
  // The weight with data per set of present columns, added in column order as a pass per area would.
  const presentWeight = Float64Array.from(presences, (m) => {
    let sum = 0;
    for (let j = 0; j < K; j++) if (m & (1 << j)) sum += weights[j];
    return sum;
  });
  // Column by column, in column order, two columns per pass (halving the loads and stores of the
  // sums): each area gets the additions a pass per area would make. A column without a value adds
  // +0, which leaves every sum as it was (a sum from +0 is never −0); weights are at most MAX_WEIGHT
  // (scoring-containers.ts), so that is a × 0 = 0, never ∞ × 0.
  const wz = ls.scratch.weightedSum;
  wz.fill(0);
  const used: number[] = [];
  for (let j = 0; j < K; j++) if (weights[j] !== 0) used.push(j);
  let u = 0;
  for (; u + 1 < used.length; u += 2) {
    const a = weights[used[u]], b = weights[used[u + 1]], ca = dense[used[u]], cb = dense[used[u + 1]];
    for (let i = 0; i < n; i++) wz[i] = wz[i] + a * ca[i] + b * cb[i];
  }
  if (u < used.length) {
    const a = weights[used[u]], ca = dense[used[u]];
    for (let i = 0; i < n; i++) wz[i] += a * ca[i];
  }
  const { z, status, percentile } = targetBuffers(n, previous);
  const scoredZ = previous?.scoredZ?.length === n ? previous.scoredZ : new Float32Array(n);
  const flags = ls.areaFlags, before = prepared.status;
  const RANKED = ScoreStatus.beperkteDekking;
  const out = new TargetWriter(z, status, ls.scratch.changedAreas);
  let scored = 0, ordered = 0;
  for (let i = 0; i < n; i++) {
    let st = before[i] as ScoreStatusCode, x = NaN;
    // Too few inwoners, or too little data whatever the weights: no sums needed.
    if (flags[i] & ScoreAreaFlag.noScore) st = ScoreStatus.teWeinigInwoners;
    else if (st <= RANKED) {
      const wsum = presentWeight[presenceOf[i]];
      if (!(wsum > 0)) st = ScoreStatus.witteVlek;
      else if (!rankVisitors && flags[i] & ScoreAreaFlag.exposure) st = ScoreStatus.bezoekersgebied;
      if (st <= RANKED) { x = wz[i] / wsum; scored++; if (x === x) ordered++; }
    }
    out.write(i, st, x);
    scoredZ[i] = st <= RANKED ? x : 0;
  }
  const ranking = percentilesInFrame(ls, fs, z, status, percentile, previous, { scored, ordered, changedAreas: out.changedAreas(previous) });
  return { key: '', z, coverage, status, percentile, ranking, statusStamp: out.stamp(previous), scoredZ };
}

/**
 * The statuses and coverage of a sphere or the overall score, which rest on its members' statuses
 * and weights, whether visitor areas are ranked and the level's area flags only; a re-weight of
 * factors moves their z and seldom a status, so a composite keeps this while its members' status
 * stamps and weights stay (the key holds those and the ranking; the flags belong to the level).
 */
export interface CompositeBasis { key: string; weightSum: Float64Array; status: Uint8Array; coverage: Float32Array }

function compositeBasis(ls: LevelState, key: string, cats: { c: CategoryTarget; w: number }[], rankVisitors: boolean, reuse: CompositeBasis | undefined): CompositeBasis {
  const n = ls.table.codes.length;
  const fits = reuse?.weightSum.length === n;
  const ws = fits ? reuse.weightSum : new Float64Array(n), status = fits ? reuse.status : new Uint8Array(n), coverage = fits ? reuse.coverage : new Float32Array(n);
  const total = cats.reduce((a, x) => a + x.w, 0);
  const RANKED = ScoreStatus.beperkteDekking;
  const anyData = ls.scratch.anyData;
  ws.fill(0); anyData.fill(0);
  for (const { c, w } of cats) {
    const s = c.status;
    for (let i = 0; i < n; i++) {
      const st = s[i];
      if (st <= RANKED) { ws[i] += w; anyData[i] = 1; }
      else if (st !== ScoreStatus.geenGegevens && st !== ScoreStatus.teWeinigInwoners) anyData[i] = 1;
    }
  }
  const flags = ls.areaFlags;
  for (let i = 0; i < n; i++) {
    let st: ScoreStatusCode, cov = 0;
    // Too few inwoners: every member says so too.
    if (flags[i] & ScoreAreaFlag.noScore) st = ScoreStatus.teWeinigInwoners;
    else {
      const w = ws[i];
      cov = total > 0 ? w / total : 0;
      const visitor = !rankVisitors && (flags[i] & ScoreAreaFlag.exposure) !== 0;
      if (visitor && anyData[i]) st = ScoreStatus.bezoekersgebied;
      else if (!(w > 0)) st = anyData[i] ? ScoreStatus.witteVlek : ScoreStatus.geenGegevens;
      else st = coverageStatus(cov);
    }
    status[i] = st;
    coverage[i] = cov;
  }
  return { key, weightSum: ws, status, coverage };
}

/**
 * A sphere or the overall score: the weighted mean of the member categories
 * that score, over a fixed member set. Coverage is the share of the member
 * weight that scores, with the same bands as a category (≥ 60 % score,
 * 30–60 % beperkte dekking, < 30 % witte vlek), so a missing category lowers
 * coverage instead of silently dropping out.
 */
export function compositeTarget(ls: LevelState, fs: FrameState, key: string, cats: { c: CategoryTarget; w: number }[], rankVisitors: boolean, previous?: TargetCache): TargetCache {
  const n = ls.table.codes.length;
  const { z, status, percentile } = targetBuffers(n, previous);
  const basisKey = `${rankVisitors}|${cats.map(({ c, w }) => `${c.statusStamp}*${w}`).join(';')}`;
  const basis = previous?.basis?.key === basisKey ? previous.basis : compositeBasis(ls, basisKey, cats, rankVisitors, previous?.basis);
  const RANKED = ScoreStatus.beperkteDekking;
  // One pass per member over all areas (tight loops over one column), adding in the members'
  // order, so every area gets the same sums as a pass per area would give. A member without a
  // score there adds +0, which leaves the sum as it was.
  const wz = ls.scratch.weightedSum;
  wz.fill(0);
  for (const { c, w } of cats) {
    const zc = c.scoredZ;
    for (let i = 0; i < n; i++) wz[i] += w * zc[i];
  }
  const out = new TargetWriter(z, status, ls.scratch.changedAreas);
  const { status: st, weightSum: ws } = basis;
  let scored = 0, ordered = 0;
  for (let i = 0; i < n; i++) {
    let x = NaN;
    if (st[i] <= RANKED) { x = wz[i] / ws[i]; scored++; if (x === x) ordered++; }
    out.write(i, st[i] as ScoreStatusCode, x);
  }
  const ranking = percentilesInFrame(ls, fs, z, status, percentile, previous, { scored, ordered, changedAreas: out.changedAreas(previous) });
  return { key, z, coverage: basis.coverage, status, percentile, ranking, statusStamp: out.stamp(previous), basis };
}
