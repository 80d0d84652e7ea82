/** One quick check on the shipped data (small tables only). public/data is committed; a missing catalogue fails, it never skips. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from '../../scripts/scores-cli.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { coverageReport } from '../../src/model/coverage-report.ts';
import { HERKOMST_PATTERN } from '../../src/model/kompas/series.ts';
import { ScoreStatus } from '../../src/model/scoring-types.ts';

const catalog = 'public/data/datasets.json';

describe('shipped data excerpt', () => {
  it('the data catalogue is present (regenerate with `npm run data`)', () => {
    expect(existsSync(catalog), `${catalog} ontbreekt`).toBe(true);
  });

  it('Groningen 2017 buurten: bike theft pools complete years, no herkomst enters', async () => {
    const { tables } = await loadDatasetFromDisk(catalog, 'groningen2017');
    const e = new ScoringEngine(tables);
    for (const t of Object.values(tables)) for (const m of t!.indicators) expect(HERKOMST_PATTERN.test(m.series ?? m.id), m.id).toBe(false);
    const src = e.factorSources('buurt');
    const s44 = src.find((s) => s.factor === 'S4.4')!;
    expect(s44.indicator).toMatch(/fietsdiefstal\.2016/);
    expect(s44.indicator).not.toMatch(/fietsdiefstal\.2017/);
    const r = e.score({ level: 'buurt' });
    for (let p = 0; p < r.z.length; p++) expect(r.status[p] <= ScoreStatus.beperkteDekking ? Number.isFinite(r.z[p]) : Number.isNaN(r.z[p])).toBe(true);
    const rep = coverageReport(e, 'buurt');
    expect(rep.categories.find((c) => c.id === 'S1')!.medianStatus).toBe('score');
  });

  it('Nederland 2024 gemeenten: crime, cohesion and health score; overlast rests on RIVM neighbour noise alone (beperkte dekking) and names the sources that would complete it', async () => {
    const { tables } = await loadDatasetFromDisk(catalog, 'nl2024', ['gemeente']);
    const e = new ScoringEngine(tables);
    const rep = coverageReport(e, 'gemeente');
    const st = (id: string) => rep.categories.find((c) => c.id === id)!;
    expect(st('S4').medianStatus).toBe('score');
    expect(st('S1').medianStatus).toBe('score');
    expect(st('I4').medianStatus).toBe('score');
    expect(st('S3').medianStatus).toBe('beperkte dekking');
    expect(st('S3').missing.map((m) => m.fillHint).join(' ')).toMatch(/47024NED/);
    const ams = tables.gemeente!.codes.indexOf('GM0363');
    expect(ams, 'Amsterdam (GM0363) ontbreekt in de gemeentetabel').toBeGreaterThanOrEqual(0);
    const s4 = e.explain({ level: 'gemeente' }, ams).categories.find((c) => c.id === 'S4');
    expect(s4?.percentile).toBeGreaterThan(80);
  });

  it("the RIVM join note stays with the 50090NED figures it describes: a buurt's own 50150NED figure gets none", async () => {
    const { tables } = await loadDatasetFromDisk(catalog, 'nl2024');
    const e = new ScoringEngine(tables);
    // Almere, a buurt without its own 50090NED row that has its own 50150NED figure.
    const x = e.explain({ level: 'buurt' }, tables.buurt!.codes.indexOf('BU00341701'));
    const factor = (id: string) => x.categories.find((c) => c.id === id.split('.')[0])!.factors.find((f) => f.id === id)!;
    expect(factor('I4.2').indicator?.source).toMatch(/50150NED/);
    expect(factor('I4.2').joinNote).toBeNull();
    expect(factor('S1.1').indicator?.source).toMatch(/50090NED/);
    expect(factor('S1.1').joinNote).not.toBeNull();
  });
});

