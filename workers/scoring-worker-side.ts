/**
 * The worker side of the scoring worker (contract: workers/scoring-api.ts),
 * kept free of comlink so it also runs in Node tests; workers/scoring.worker.ts
 * exposes it. It downloads, verifies and decodes the level tables once,
 * keeps what scoring needs and hands the rest to the main thread, with the
 * scores of the first view.
 */
import { FIRST_VIEW_SECTIONS, decodeFirstView, type Level, type LevelTable } from '../src/model/dataset-format.ts';
import { ScoringEngine, scoreTargets } from '../src/model/scoring-engine.ts';
import type { KompasModel } from '../src/model/kompas/types.ts';
import { summariseArea } from '../src/model/summary.ts';
import { isDefaultScoring, type AreaExplanation, type ScoreRequest } from '../src/model/scoring-types.ts';
import { readTables, type DecodeHold } from '../src/data/load-dataset.ts';
import { inflateSections } from '../src/data/inflate-sections.ts';
import { fetchSource, type DatasetSource, type Progress } from '../src/data/source.ts';
import { tableCountChange } from '../src/model/table-change.ts';
import { loadFailureOf, type ScoringWorkerApi } from './scoring-api.ts';

/** The model as plain data: a structured-clone-safe copy. */
const plainModel = (model: KompasModel) => JSON.parse(JSON.stringify(model)) as KompasModel;

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

/**
 * Progress, passed on per 2 % (and at the end): a large table arrives
 * in hundreds of chunks, and each report is a message to the main thread.
 */
function coarseProgress(onProgress: Progress): Progress {
  let reported = -1;
  return (loaded, total) => {
    if (total > 0 && loaded < total && loaded - reported < total / 50) return;
    reported = loaded;
    onProgress(loaded, total);
  };
}

/** `sourceAt` gives the source of a dataset folder: fetch in the worker, memory in tests. */
export function createScoringService(sourceAt: (where: string) => DatasetSource = (where) => fetchSource(where)): ScoringWorkerApi {
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
  /** Loads asked for so far: a load that a later one overtook answers, but leaves the engine alone. */
  let loads = 0;
  return {
    async load(entry, where, options, onProgress, onFirstView) {
      const load = ++loads;
      try {
        const t0 = performance.now();
        const level = options.first?.level;
        // Only the default scoring has a first view (src/model/first-view.ts).
        const hold: DecodeHold | undefined = onFirstView && level && isDefaultScoring(options.first!) ? {
          level,
          async first(file, partial) {
            const view = decodeFirstView(file.bytes, file.path, await inflateSections(file.bytes, file.path, (name) => FIRST_VIEW_SECTIONS.has(name), partial), partial);
            if (view?.level !== level) return;
            const labels = new Map(scoreTargets().map((t) => [t.id, t.label]));
            await onFirstView({ ...view, labels: view.targets.map((id) => labels.get(id) ?? id) });
          },
        } : undefined;
        const decoded = await readTables(sourceAt(where), entry, undefined, onProgress && coarseProgress(onProgress), hold);
        const series = new Set(options.mainThreadSeries);
        const scoredTables: Partial<Record<Level, LevelTable>> = {};
        const mainTables: Partial<Record<Level, LevelTable>> = {};
        for (const [level, table] of Object.entries(decoded) as [Level, LevelTable][]) {
          const { engine: e, main } = splitForMainThread(table, series);
          scoredTables[level] = e;
          mainTables[level] = main;
        }
        const loaded = new ScoringEngine(scoredTables);
        if (load === loads) {
          engineTables = scoredTables;
          engine = loaded;
          lastExplained = null;
          prepared = new Set();
        }
        const first = options.first && loaded.levels().includes(options.first.level) ? loaded.score(options.first) : null;
        const loadMs = performance.now() - t0;
        return { datasetId: entry.id, title: entry.title, loadMs, tables: mainTables, model: plainModel(loaded.model), first };
      } catch (error) {
        return { failure: loadFailureOf(error) };
      }
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
      return plainModel(need().model);
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
