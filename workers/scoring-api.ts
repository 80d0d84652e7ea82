/**
 * The scoring worker's API (and its implementation, kept free of comlink so
 * it also runs in Node tests). The main thread does:
 *   const api = Comlink.wrap<ScoringWorkerApi>(new Worker(new URL('../../workers/scoring.worker.ts', import.meta.url), { type: 'module' }));
 * and never computes scores itself.
 */
import { decodeLevelTable, type DatasetCatalog, type Level, type LevelTable } from '../src/model/dataset-format.ts';
import { ScoringEngine, type LevelSummary } from '../src/model/scoring-engine.ts';
import type { KompasModel } from '../src/model/kompas/types.ts';
import { summariseArea } from '../src/model/summary.ts';
import type { AreaExplanation, ImportedValues, ScoreRequest, ScoreResult } from '../src/model/scoring-types.ts';
import type { SurveyData, SurveySummary } from '../src/beleving/types.ts';

export interface LoadSummary {
  datasetId: string;
  title: string;
  levels: LevelSummary[];
  /** Fetch + decode time in ms. */
  loadMs: number;
}

export interface ImportSummary {
  level: Level;
  accepted: string[];
  /** Codes in the import that are not areas of this level. */
  unknownCodes: number;
}

export interface ScoringWorkerApi {
  /**
   * Fetch datasets.json and the dataset's level tables (paths relative to it)
   * and decode them. Pass an absolute URL, e.g.
   * `new URL('data/datasets.json', document.baseURI).href`: a relative one
   * resolves against the worker script's own URL.
   */
  load(catalogUrl: string, datasetId: string): Promise<LoadSummary>;
  /** Scores of all areas; typed arrays are transferred, not copied. */
  score(request: ScoreRequest): Promise<ScoreResult>;
  explain(request: ScoreRequest, areaIndex: number): Promise<AreaExplanation>;
  /** Short Dutch summary of one area (association wording). */
  summarise(request: ScoreRequest, areaIndex: number): Promise<string>;
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

type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

/** The implementation behind the worker. `fetchImpl` is injectable for tests. */
export function createScoringService(fetchImpl: FetchLike = (u) => fetch(u)): ScoringWorkerApi {
  let engine: ScoringEngine | null = null;
  const need = () => {
    if (!engine) throw new Error('eerst load() aanroepen');
    return engine;
  };
  return {
    async load(catalogUrl, datasetId) {
      const t0 = performance.now();
      const base = typeof location !== 'undefined' ? location.href : undefined;
      const catalogAbs = new URL(catalogUrl, base);
      const res = await fetchImpl(catalogAbs.href);
      if (!res.ok) throw new Error(`${catalogAbs.href}: HTTP ${res.status}`);
      const catalog = (await res.json()) as DatasetCatalog;
      const entry = catalog.datasets.find((d) => d.id === datasetId);
      if (!entry) throw new Error(`dataset ${datasetId} niet gevonden`);
      const tables: LevelTable[] = await Promise.all(
        Object.entries(entry.files.tables).map(async ([, file]) => {
          const url = new URL(file as string, catalogAbs).href;
          const r = await fetchImpl(url);
          if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
          return decodeLevelTable(await r.arrayBuffer(), file as string);
        }),
      );
      engine = new ScoringEngine(tables);
      const loadMs = performance.now() - t0;
      return { datasetId, title: entry.title, levels: engine.levels().map((l) => engine!.summary(l)), loadMs };
    },
    async score(request) {
      return need().score(request);
    },
    async explain(request, areaIndex) {
      return need().explain(request, areaIndex);
    },
    async summarise(request, areaIndex) {
      return summariseArea(need().explain(request, areaIndex));
    },
    async model() {
      // Plain data: a structured-clone-safe copy.
      return JSON.parse(JSON.stringify(need().model)) as KompasModel;
    },
    async setImportedValues(imports) {
      return need().setImportedValues(imports);
    },
    async setSurvey(survey) {
      return need().setSurvey(survey);
    },
  };
}

/** Buffers of a ScoreResult to hand to Comlink.transfer / postMessage. */
export function transferablesOf(r: ScoreResult): ArrayBuffer[] {
  return [r.z.buffer, r.percentile.buffer, r.status.buffer, r.coverage.buffer, r.areaFlags.buffer] as ArrayBuffer[];
}
