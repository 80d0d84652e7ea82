/**
 * The first view (src/model/first-view.ts): the map states stored in the
 * level tables must be the ones the engine and the map's rule give now, or
 * the first coloured map would show colours the app does not stand behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from '../../scripts/scores-cli.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { DataFileError, FIRST_VIEW_SECTIONS, decodeFirstView, decodeLevelTable, encodeLevelTable, firstViewEnd, readLevelTableHeader, type Level } from '../../src/model/dataset-format.ts';
import { randomTable } from './helpers/synthetic-table.ts';
import { withHeader } from './helpers/dataset-files.ts';
import { emptyMapStates, firstViewColumns, firstViewStates, scoreMapStates } from '../../src/model/first-view.ts';
import { ScoreAreaFlag, ScoreStatus, isDefaultScoring, type ScoreResult } from '../../src/model/scoring-types.ts';
import { colourAreas } from '../../src/map/area-colouring.ts';

const CATALOG = 'public/data/datasets.json';

describe('first view', () => {
  it('packs every class, status and indicatief flag into one byte and reads them back', () => {
    const percentiles = [NaN, 5, 25, 45, 65, 85, 95, 100];
    const statuses = [ScoreStatus.witteVlek, ScoreStatus.score, ScoreStatus.beperkteDekking, ScoreStatus.score, ScoreStatus.score, ScoreStatus.score, ScoreStatus.score, ScoreStatus.bezoekersgebied];
    const n = percentiles.length;
    const result = {
      level: 'buurt', frame: 'dataset', areaCount: n, notes: [],
      targets: [{ id: 'S4' }, { id: 'overall' }] as ScoreResult['targets'],
      z: new Float32Array(2 * n), coverage: new Float32Array(2 * n),
      percentile: Float32Array.from([...percentiles, ...percentiles.map((p) => 100 - p)]),
      status: Uint8Array.from([...statuses, ...statuses.map(() => ScoreStatus.teWeinigInwoners)]),
      areaFlags: Uint8Array.from(percentiles.map((_, i) => (i % 2 ? ScoreAreaFlag.indicatief : 0))),
    } as ScoreResult;
    const { targets, packed } = firstViewColumns(result);
    expect(targets).toEqual(['S4', 'overall']);
    expect(packed).toHaveLength(2 * n);
    for (let t = 0; t < 2; t++) expect(firstViewStates(packed, t, n)).toEqual(scoreMapStates(result, t, emptyMapStates(n)));
    expect([...firstViewStates(packed, 0, n).classes]).toEqual([-1, 0, 1, 2, 3, 4, 5, 5]);
    expect([...firstViewStates(packed, 0, n).indicative]).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('is the default scoring only: no weights, the dataset frame, the latest years, visitor areas not ranked', () => {
    expect(isDefaultScoring({ level: 'buurt' })).toBe(true);
    expect(isDefaultScoring({ level: 'buurt', frame: 'dataset', weights: { factors: {}, categories: {} }, rankVisitorAreas: false, year: null })).toBe(true);
    expect(isDefaultScoring({ level: 'buurt', frame: 'gemeente' })).toBe(false);
    expect(isDefaultScoring({ level: 'buurt', weights: { factors: { 'S4.1': 2 }, categories: {} } })).toBe(false);
    expect(isDefaultScoring({ level: 'buurt', weights: { factors: {}, categories: { S4: 0 } } })).toBe(false);
    expect(isDefaultScoring({ level: 'buurt', rankVisitorAreas: true })).toBe(false);
    expect(isDefaultScoring({ level: 'buurt', year: 2022 })).toBe(false);
  });

  it('is stored as a section of the level table that the full decode leaves alone, and a wrong one is named', () => {
    const table = randomTable(7, 40);
    const view = firstViewColumns(new ScoringEngine([table]).score({ level: 'buurt' }));
    const bytes = encodeLevelTable(table, view);
    const read = decodeFirstView(bytes, 'buurt.wvk')!;
    expect(read.targets).toEqual(view.targets);
    expect([...read.packed]).toEqual([...view.packed]);
    expect([...read.bbox]).toEqual([...table.bbox]);
    expect(decodeLevelTable(bytes).codes).toEqual(table.codes);
    expect(decodeFirstView(encodeLevelTable(table), 'buurt.wvk')).toBeNull();
    const oneTargetMore = withHeader(bytes, (h) => h.firstViewTargets!.push('extra'));
    expect(() => decodeFirstView(oneTargetMore, 'buurt.wvk')).toThrow(DataFileError);
    expect(() => decodeFirstView(oneTargetMore, 'buurt.wvk')).toThrow(/buurt\.wvk: sectie firstView heeft \d+ elementen, verwacht \d+/);
    expect(() => decodeFirstView(withHeader(bytes, (h) => ((h as { firstViewTargets: unknown }).firstViewTargets = 'S4')), 'buurt.wvk')).toThrow(/firstViewTargets in de kop is geen lijst van doelen/);
  });

  it('sits at the start of the file, so it can be read while the rest still downloads', () => {
    const table = randomTable(7, 400);
    const view = firstViewColumns(new ScoringEngine([table]).score({ level: 'buurt' }));
    const bytes = encodeLevelTable(table, view);
    const end = firstViewEnd(bytes, 'buurt.wvk')!;
    // Header, boxes and first view; the names, neighbours and indicator columns come after.
    const names = readLevelTableHeader(bytes).header.sections.map((s) => s.name);
    expect(names.slice(0, FIRST_VIEW_SECTIONS.size).sort()).toEqual([...FIRST_VIEW_SECTIONS].sort());
    expect(end).toBeLessThan(bytes.length / 2);
    const fromStart = decodeFirstView(bytes.slice(0, end), 'buurt.wvk', undefined, true)!;
    expect([...fromStart.packed]).toEqual([...view.packed]);
    expect([...fromStart.bbox]).toEqual([...table.bbox]);
    // Until the header is in there is nothing to say; a table without a first view says so.
    expect(firstViewEnd(bytes.slice(0, 12), 'buurt.wvk')).toBeUndefined();
    expect(firstViewEnd(encodeLevelTable(table), 'buurt.wvk')).toBeNull();
    // Read as a whole file, the start is a truncated table.
    expect(() => decodeFirstView(bytes.slice(0, end), 'buurt.wvk')).toThrow(/afgekapt|valt buiten/);
  });

  const catalog = JSON.parse(readFileSync(CATALOG, 'utf8')) as { datasets: { id: string; files: { tables: Partial<Record<Level, string>> } }[] };
  for (const dataset of catalog.datasets) {
    it(`${dataset.id}: each shipped level table holds the first view the engine and the map's rule give now (else: npm run data)`, async () => {
      const { tables } = await loadDatasetFromDisk(CATALOG, dataset.id);
      const engine = new ScoringEngine(tables);
      for (const [level, path] of Object.entries(dataset.files.tables) as [Level, string][]) {
        const stored = decodeFirstView(new Uint8Array(readFileSync(join('public/data', path))), path);
        expect(stored, `${path} heeft geen eerste beeld`).not.toBeNull();
        const result = engine.score({ level });
        const now = firstViewColumns(result);
        expect(stored!.targets).toEqual(now.targets);
        expect(Buffer.from(stored!.packed).equals(Buffer.from(now.packed)), `${path}: eerste beeld wijkt af van de huidige scores`).toBe(true);
        // And it is what the map draws for the scores (the colouring rule, without judgements).
        const n = result.areaCount;
        for (const target of ['S4', 'overall']) {
          const t = now.targets.indexOf(target);
          const drawn = colourAreas({ result, codes: tables[level]!.codes, targetIndex: t });
          expect(firstViewStates(stored!.packed, t, n)).toEqual({ classes: drawn.classes, statuses: drawn.statuses, indicative: drawn.indicative });
        }
      }
    }, 60_000);
  }
});
