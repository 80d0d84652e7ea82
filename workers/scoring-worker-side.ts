/**
 * The worker side of the scoring worker (contract: workers/scoring-api.ts),
 * kept free of comlink so it also runs in Node tests; workers/scoring.worker.ts
 * exposes it. It verifies and decodes the transferred level-table bytes once,
 * keeps what scoring needs and hands the rest to the main thread.
 */
import type { Level, LevelTable } from '../src/model/dataset-format.ts';
import { ScoringEngine } from '../src/model/scoring-engine.ts';
import type { KompasModel } from '../src/model/kompas/types.ts';
import { summariseArea } from '../src/model/summary.ts';
import type { AreaExplanation, ScoreRequest } from '../src/model/scoring-types.ts';
import { decodeTableFiles } from '../src/data/load-dataset.ts';
import { tableCountChange } from '../src/model/table-change.ts';
import type { ScoringWorkerApi } from './scoring-api.ts';

const seriesOf = (id: string, series?: string) => series ?? id.replace(/\.\d{4}$/, '');

/**
 * Split a decoded table: the engine keeps codes, parents and the indicator
 * columns; the main thread gets names, geometry helpers and neighbours (the
 * engine does not read them, so they move instead of being copied) plus
 * copies of the few columns it asked for.
 */
function splitForMainThread(table: LevelTable, series: Set<string>): { engine: LevelTable; main: LevelTable } {
  const keep = table.indicators.flatMap((m, i) => (series.has(seriesOf(m.id, m.series)) ? [i] : []));
  const main: LevelTable = {
    ...table,
    indicators: keep.map((i) => table.indicators[i]),
    values: keep.map((i) => table.values[i].slice()),
    reasons: keep.map((i) => table.reasons[i].slice()),
  };
  const engine: LevelTable = {
    ...table,
    flags: new Uint8Array(0),
    bbox: new Float32Array(0),
    labelPoint: new Float32Array(0),
    neighbourOffsets: new Uint32Array(0),
    neighbourIndices: new Uint32Array(0),
  };
  return { engine, main };
}

export function createScoringService(): ScoringWorkerApi {
  let engine: ScoringEngine | null = null;
  /** The tables the engine reads (indicator columns included), for the change view. */
  let engineTables: Partial<Record<Level, LevelTable>> = {};
  // The area panel asks for the explanation and the summary of the same area
  // at once; the summary is made from that explanation, not a second one.
  let lastExplained: { key: string; explanation: AreaExplanation } | null = null;
  const need = () => {
    if (!engine) throw new Error('eerst load() aanroepen');
    return engine;
  };
  const explain = (request: ScoreRequest, areaIndex: number) => {
    const key = `${areaIndex}|${JSON.stringify(request)}`;
    if (lastExplained?.key !== key) lastExplained = { key, explanation: need().explain(request, areaIndex) };
    return lastExplained.explanation;
  };
  // Explanation caches are built once per level and frame, when the app asks
  // (after its first coloured map), so the first click shows its kompas at once.
  let prepared = new Set<string>();
  return {
    async load(entry, files, mainThreadSeries) {
      const t0 = performance.now();
      const decoded = await decodeTableFiles(files);
      const series = new Set(mainThreadSeries);
      engineTables = {};
      const mainTables: Partial<Record<Level, LevelTable>> = {};
      for (const [level, table] of Object.entries(decoded) as [Level, LevelTable][]) {
        const { engine: e, main } = splitForMainThread(table, series);
        engineTables[level] = e;
        mainTables[level] = main;
      }
      engine = new ScoringEngine(engineTables);
      lastExplained = null;
      prepared = new Set();
      const loadMs = performance.now() - t0;
      return { datasetId: entry.id, title: entry.title, levels: engine.levels().map((l) => engine!.summary(l)), loadMs, tables: mainTables };
    },
    async score(request) {
      return need().score(request);
    },
    async prepareExplanations(request) {
      const key = `${request.level}|${request.frame ?? 'dataset'}`;
      if (prepared.has(key)) return;
      prepared.add(key);
      need().prepareExplanations(request);
    },
    async explain(request, areaIndex) {
      return explain(request, areaIndex);
    },
    async countChange(level, series, from, to) {
      need();
      const table = engineTables[level];
      const change = table ? tableCountChange(table, series, from, to) : null;
      if (!change) return null;
      // The count columns stay the engine's: the main thread gets copies, so
      // transferring them detaches nothing here.
      return { ...change, a: change.a.slice(), b: change.b.slice(), exposureA: change.exposureA?.slice() ?? null, exposureB: change.exposureB?.slice() ?? null };
    },
    async summarise(request, areaIndex) {
      return summariseArea(explain(request, areaIndex));
    },
    async explainWithSummary(request, areaIndex) {
      const explanation = explain(request, areaIndex);
      return { explanation, summary: summariseArea(explanation) };
    },
    async model() {
      // Plain data: a structured-clone-safe copy.
      return JSON.parse(JSON.stringify(need().model)) as KompasModel;
    },
    async setImportedValues(imports) {
      lastExplained = null;
      prepared = new Set();
      return need().setImportedValues(imports);
    },
    async setSurvey(survey) {
      lastExplained = null;
      return need().setSurvey(survey);
    },
  };
}
