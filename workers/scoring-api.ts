/**
 * The contract between the two sides of the scoring worker:
 * workers/scoring-main-side.ts (main thread: starts the worker and tells it
 * which dataset to load) and workers/scoring-worker-side.ts (in the worker:
 * downloads, verifies, decodes and scores). The main thread never computes
 * scores and never holds the level-table bytes.
 */
import * as Comlink from 'comlink';
import { DataFileError, type DatasetEntry, type Level, type LevelTable } from '../src/model/dataset-format.ts';
import { LoadError, type Progress } from '../src/data/source.ts';
import type { KompasModel } from '../src/model/kompas/types.ts';
import type { AreaExplanation, ImportedValues, ScoreRequest, ScoreResult } from '../src/model/scoring-types.ts';
import type { SurveyData, SurveySummary } from '../src/model/beleving-types.ts';
import type { TableCountChange } from '../src/model/table-change.ts';

export interface LoadSummary {
  datasetId: string;
  title: string;
  /** Download + verify + decode time in the worker, in ms. */
  loadMs: number;
}

export interface LoadOptions {
  /** Indicator series whose columns the main thread keeps (MAIN_THREAD_SERIES). */
  mainThreadSeries: string[];
  /**
   * The scores the first view needs, computed right after decoding and sent
   * back with the tables, so the first coloured map costs no extra round trip.
   */
  first?: ScoreRequest | null;
}

export interface LoadResult extends LoadSummary {
  /**
   * What the main thread needs of each level table: names, codes, parents,
   * flags, boxes, label points and neighbours (transferred, not copied; the
   * worker keeps none of them), and only the indicator columns of the
   * series asked for (denominators for imports).
   */
  tables: Partial<Record<Level, LevelTable>>;
  /** The model definition as plain data, as model() gives it. */
  model: KompasModel;
  /** Scores of LoadOptions.first (typed arrays transferred), or null. */
  first: ScoreResult | null;
}

/**
 * A failed load as plain data: comlink keeps only the name and message of a
 * thrown error, and the app needs the hint of a LoadError and the kind of a
 * DataFileError to say what to check (src/data/load-dataset.ts asLoadError).
 */
export interface LoadFailure {
  name: string;
  message: string;
  hint?: string;
  kind?: DataFileError['kind'];
}

export type LoadOutcome = LoadResult | { failure: LoadFailure };

export function loadFailureOf(error: unknown): LoadFailure {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    ...(e instanceof LoadError ? { hint: e.hint } : {}),
    ...(e instanceof DataFileError ? { kind: e.kind } : {}),
  };
}

/** The error a LoadFailure stood for, with the same type and fields. */
export function errorOfLoadFailure(failure: LoadFailure): Error {
  if (failure.name === 'LoadError' && failure.hint !== undefined) return new LoadError(failure.message, failure.hint);
  if (failure.name === 'DataFileError' && failure.kind) return new DataFileError(failure.kind, failure.message);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

export interface ImportSummary {
  level: Level;
  accepted: string[];
  /** Codes in the import that are not areas of this level. */
  unknownCodes: number;
}

/** The first-view colours of the level a load opens with (src/model/first-view.ts) and the boxes of its areas. */
export interface FirstView {
  level: Level;
  targets: string[];
  /** The targets' names (the legend names the map's target before the model is in). */
  labels: string[];
  packed: Uint8Array;
  bbox: Float32Array;
}

/** Shows a first view; settles when the worker may go on (the map has drawn it, or will not). */
export type ShowFirstView = (view: FirstView) => Promise<void>;

export interface ScoringWorkerApi {
  /**
   * Download (once, here, from `where`: the folder of datasets.json), verify
   * and decode the level tables of one dataset, then score options.first.
   * Progress (in files) goes to `onProgress` (a comlink proxy from the main
   * thread). With `onFirstView`, when options.first asks for the default
   * scoring, the first-view colours of its level go there as soon as the
   * start of that table is in (readTables), and no other table is
   * downloaded or decoded until the call settles.
   * A failure comes back as a value (see LoadFailure).
   */
  load(entry: DatasetEntry, where: string, options: LoadOptions, onProgress?: Progress, onFirstView?: ShowFirstView): Promise<LoadOutcome>;
  /** Scores of all areas; typed arrays are transferred, not copied. */
  score(request: ScoreRequest): Promise<ScoreResult>;
  explain(request: ScoreRequest, areaIndex: number): Promise<AreaExplanation>;
  /**
   * Build what explanations of this level and frame read (ScoringEngine.prepareExplanations),
   * once; the app asks after its first coloured map, so the work neither
   * competes with drawing the map nor waits for the first click.
   */
  prepareExplanations(request: ScoreRequest): Promise<void>;
  /**
   * The change view of a level (src/model/table-change.ts): one count series
   * between two years, with a class per area. Computed here, where the count
   * columns live; its arrays are the worker's own copies, transferred.
   * Null when the level lacks either year of the series.
   */
  countChange(level: Level, series: string, from: number, to: number): Promise<TableCountChange | null>;
  /** Short Dutch summary of one area (association wording). */
  summarise(request: ScoreRequest, areaIndex: number): Promise<string>;
  /** What the area panel shows for a click: the explanation and its summary, in one message. */
  explainWithSummary(request: ScoreRequest, areaIndex: number): Promise<{ explanation: AreaExplanation; summary: string }>;
  /** The model definition as plain data (for the weights panel). */
  model(): Promise<KompasModel>;
  /**
   * Extension point for gemeente imports: extra indicator columns for one
   * level keyed by area code; known series then feed factors like shipped ones.
   */
  setImportedValues(imports: ImportedValues): Promise<ImportSummary>;
  /** Veiligheidsmonitor/local survey figures for the beleving dial (gemeten/geschat); null removes them. */
  setSurvey(survey: SurveyData | null): Promise<SurveySummary>;
}

/** Buffers of a ScoreResult to hand to Comlink.transfer / postMessage. */
export function transferablesOf(r: ScoreResult): ArrayBuffer[] {
  return [r.z.buffer, r.percentile.buffer, r.status.buffer, r.coverage.buffer, r.areaFlags.buffer] as ArrayBuffer[];
}

/** Buffers of a change view (each its own copy, see ScoringWorkerApi.countChange). */
export function changeTransferables(c: TableCountChange): ArrayBuffer[] {
  const arrays = [c.a, c.b, c.exposureA, c.exposureB, c.incomplete, c.classes].filter((a) => a !== null);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Buffers of a load outcome: the main-thread tables and the first scores. */
export function loadTransferables(outcome: LoadOutcome): ArrayBuffer[] {
  if ('failure' in outcome) return [];
  const out = new Set<ArrayBuffer>(outcome.first ? transferablesOf(outcome.first) : []);
  for (const t of Object.values(outcome.tables)) {
    for (const a of [t.flags, t.bbox, t.labelPoint, t.neighbourOffsets, t.neighbourIndices, ...t.values, ...t.reasons]) out.add(a.buffer as ArrayBuffer);
  }
  return [...out];
}

/**
 * The worker side as comlink exposes it (workers/scoring.worker.ts, and the
 * Node tests over a MessageChannel): typed arrays of loads, scores and change
 * views leave transferred; `sent` sees the buffers of each answer.
 */
export function withTransfers(service: ScoringWorkerApi, sent: (buffers: ArrayBuffer[]) => void = () => undefined): ScoringWorkerApi {
  const transfer = <T>(value: T, buffers: ArrayBuffer[]) => {
    sent(buffers);
    return Comlink.transfer(value, buffers);
  };
  return {
    ...service,
    async load(entry, where, options, onProgress, onFirstView) {
      // The first view's two arrays are made for the main thread: moved, not copied.
      const showFirstView: ShowFirstView | undefined = onFirstView && ((view) => onFirstView(transfer(view, [view.packed.buffer as ArrayBuffer, view.bbox.buffer as ArrayBuffer])));
      const outcome = await service.load(entry, where, options, onProgress, showFirstView);
      // The callbacks are comlink proxies: free their channels.
      for (const callback of [onProgress, onFirstView]) (callback as Partial<Comlink.ProxyMethods> | undefined)?.[Comlink.releaseProxy]?.();
      return transfer(outcome, loadTransferables(outcome));
    },
    async score(request) {
      const result = await service.score(request);
      return transfer(result, transferablesOf(result));
    },
    async countChange(level, series, from, to) {
      const change = await service.countChange(level, series, from, to);
      // Comlink.transfer keys its cache by the object: null goes as is.
      return change && transfer(change, changeTransferables(change));
    },
  };
}
