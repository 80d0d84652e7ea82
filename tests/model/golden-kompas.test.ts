/**
 * Golden snapshot (issue 14): what the kompas and its drill-down receive for
 * one area — category, sphere, overall and dial scores, each factor's weights,
 * value, reference median and percentile, z and contribution, and the missing
 * reason of every witte vlek — pinned for a few areas of fixture datasets, and
 * the full score columns after re-weighting pinned as digests. Splitting the
 * engine into steps or speeding up re-weighting must leave both files as they
 * are, to the last bit.
 *
 * Areas: a synthetic buurt with every category scored (seeded table from
 * tests/model/helpers/synthetic-table.ts), Groningen 2017 buurten with witte
 * vlekken, a small (indicatief) one and a visitor area, and a Groningen 2017
 * wijk (an aggregate of its buurten), each in the dataset frame and one in the
 * gemeente and stedelijkheid frames with changed weights.
 *
 * Texts that come from the series registry or the kompas definition (labels,
 * units, sources, fill hints) are left out, so relabelling a series does not
 * move the snapshot; the engine's own wording (status, class, missing reason,
 * notes) stays in. A deliberate change of method regenerates the files with
 * `npx vitest run tests/model/golden-kompas.test.ts -u` and says why in the
 * commit. The files are committed; CI fails when one is missing.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from '../../scripts/scores-cli.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import type { ScoreRequest, WeightOverrides } from '../../src/model/scoring-types.ts';
import { randomTable } from './helpers/synthetic-table.ts';

/** Keys whose text comes from the registry or the definition, not from the engine. */
const REGISTRY_TEXT = new Set(['label', 'unit', 'source', 'sourceVariable', 'fillHint', 'basisLabel', 'note']);
/** Compact JSON with one line per target or factor, so a diff names what moved. */
const chartJson = (x: unknown) => JSON.stringify(x, (k, v) => (REGISTRY_TEXT.has(k) ? undefined : v)).replaceAll('{"id":', '\n{"id":') + '\n';

const loadGroningen = () => loadDatasetFromDisk('public/data/datasets.json', 'groningen2017').then((d) => new ScoringEngine(d.tables));

/** Every factor's weight changed a little, and two category weights: the re-weight path. */
function changedWeights(engine: ScoringEngine): WeightOverrides {
  return {
    factors: Object.fromEntries(engine.factors.map((f, k) => [f.id, f.weight * (1 + 0.05 * ((k % 5) - 2))])),
    categories: { S4: 2, F1: 0.5 },
  };
}

function explainAt(engine: ScoringEngine, req: ScoreRequest, code: string) {
  const i = engine.table(req.level).codes.indexOf(code);
  expect(i, `${code} ontbreekt in de fixture`).toBeGreaterThanOrEqual(0);
  return { request: { ...req, weights: req.weights ? 'changed' : 'default' }, explanation: engine.explain(req, i) };
}

/** One line per target and column: a digest of the exact bytes, so a changed bit names its target. */
function scoreDigests(engine: ScoringEngine, req: ScoreRequest): string[] {
  const r = engine.score(req);
  const n = r.areaCount;
  const digest = (a: Float32Array | Uint8Array, k: number) =>
    createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset + k * n * a.BYTES_PER_ELEMENT, n * a.BYTES_PER_ELEMENT)).digest('hex').slice(0, 16);
  return r.targets.map((t, k) => `${t.id} z ${digest(r.z, k)} pct ${digest(r.percentile, k)} status ${digest(r.status, k)} cov ${digest(r.coverage, k)}`);
}

describe('golden kompas', () => {
  it('seven explanations of six areas, as the kompas and drill-down receive it, is unchanged', async () => {
    const synthetic = new ScoringEngine([randomTable(20241126, 400, { gemeenten: 8 })]);
    const complete = synthetic.score({ level: 'buurt' });
    // The first synthetic buurt with all twelve categories scored.
    const n = complete.areaCount;
    const full = Array.from({ length: n }, (_, i) => i).find((i) => [...Array(12).keys()].every((k) => complete.status[k * n + i] === 0));
    expect(full, 'geen synthetische buurt met alle categorieën').toBeDefined();
    const groningen = await loadGroningen();
    const weights = changedWeights(groningen);
    const areas = [
      explainAt(synthetic, { level: 'buurt' }, synthetic.table('buurt').codes[full!]),
      explainAt(groningen, { level: 'buurt' }, 'BU00140001'),
      explainAt(groningen, { level: 'buurt', frame: 'gemeente', weights }, 'BU00140001'),
      explainAt(groningen, { level: 'buurt' }, 'BU00140504'),
      explainAt(groningen, { level: 'buurt', frame: 'stedelijkheid' }, 'BU00140502'),
      explainAt(groningen, { level: 'wijk' }, 'WK001400'),
      explainAt(groningen, { level: 'wijk', weights }, 'WK001401'),
    ];
    await expect(chartJson(areas)).toMatchFileSnapshot('./golden/kompas-explanations.json');
  });

  it('the score columns after re-weighting are unchanged at buurt level (synthetic 15,000 areas, Groningen 2017)', async () => {
    const big = new ScoringEngine([randomTable(20241126, 15000, { seriesLimit: 54, gemeenten: 350 })]);
    const groningen = await loadGroningen();
    const lines: string[] = [];
    for (const [name, engine] of [['synthetisch 15000', big], ['groningen2017', groningen]] as const) {
      const weights = changedWeights(engine);
      for (const frame of ['dataset', 'gemeente', 'stedelijkheid'] as const) {
        for (const [label, w] of [['standaard', undefined], ['herwogen', weights]] as const) {
          lines.push(`# ${name} buurt ${frame} ${label}`, ...scoreDigests(engine, { level: 'buurt', frame, ...(w ? { weights: w } : {}) }));
        }
      }
      // Back to the default weights after a re-weight: the caches give the first result again.
      lines.push(`# ${name} buurt dataset standaard, na herwegen`, ...scoreDigests(engine, { level: 'buurt' }));
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/reweighted-score-digests.txt');
  });
});
