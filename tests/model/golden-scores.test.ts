/**
 * Golden snapshot (issue 14): the scores CSV of the Groningen 2017 wijken, as
 * `npm run scores -- --dataset groningen2017 --level wijk` writes it, is
 * pinned byte for byte, so splitting the engine, the loader or the CSV
 * writer into smaller steps cannot change a score unnoticed. A deliberate
 * change of method updates the file with `npx vitest run -u` and says why in
 * the commit. The snapshot is committed; CI fails when it is missing.
 */
import { describe, expect, it } from 'vitest';
import { crimeRatesOf, loadDatasetFromDisk, scoresToCsv } from '../../scripts/scores-cli.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';

describe('golden scores', () => {
  it('Groningen 2017, wijk level, dataset frame: the scores CSV is unchanged', async () => {
    const { tables } = await loadDatasetFromDisk('public/data/datasets.json', 'groningen2017');
    const engine = new ScoringEngine(tables);
    const req = { level: 'wijk' as const, frame: 'dataset' as const };
    const csv = scoresToCsv(engine.score(req), engine.table('wijk'), engine.factorReliability(req, 'S4.0'), crimeRatesOf(engine, 'wijk', 'dataset'));
    expect(csv.split('\n').length).toBeGreaterThan(15);
    await expect(csv).toMatchFileSnapshot('./golden/groningen2017-wijk-scores.csv');
  });
});
