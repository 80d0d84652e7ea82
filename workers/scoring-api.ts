/**
 * The contract between the two sides of the scoring worker:
 * workers/scoring-main-side.ts (main thread: starts the worker, hands it the
 * level-table bytes) and workers/scoring-worker-side.ts (in the worker:
 * verifies, decodes and scores). The main thread never computes scores.
 */
import type { DatasetEntry, Level, LevelTable } from '../src/model/dataset-format.ts';
import type { LevelSummary } from '../src/model/scoring-engine.ts';
import type { KompasModel } from '../src/model/kompas/types.ts';
import type { AreaExplanation, ImportedValues, ScoreRequest, ScoreResult } from '../src/model/scoring-types.ts';
import type { SurveyData, SurveySummary } from '../src/model/beleving-types.ts';
import type { TableFiles } from '../src/data/load-dataset.ts';
import type { TableCountChange } from '../src/model/table-change.ts';

export interface LoadSummary {
  datasetId: string;
  title: string;
  levels: LevelSummary[];
  /** Verify + decode time in the worker, in ms. */
  loadMs: number;
}

export interface LoadResult extends LoadSummary {
  /**
   * What the main thread needs of each level table: names, codes, parents,
   * flags, boxes, label points and neighbours (transferred, not copied; the
   * worker keeps none of them), and only the indicator columns of the
   * series asked for (denominators for imports).
   */
  tables: Partial<Record<Level, LevelTable>>;
}

export interface ImportSummary {
  level: Level;
  accepted: string[];
  /** Codes in the import that are not areas of this level. */
  unknownCodes: number;
}

export interface ScoringWorkerApi {
  /**
   * Verify and decode the level tables of one dataset. The bytes were read
   * once on the main thread and are transferred here (their buffers are
   * detached on the main thread afterwards).
   */
  load(entry: DatasetEntry, files: TableFiles, mainThreadSeries: string[]): Promise<LoadResult>;
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

/** Buffers of the main-thread tables of a LoadResult. */
export function tableTransferables(tables: Partial<Record<Level, LevelTable>>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const t of Object.values(tables)) {
    for (const a of [t.flags, t.bbox, t.labelPoint, t.neighbourOffsets, t.neighbourIndices, ...t.values, ...t.reasons]) out.add(a.buffer as ArrayBuffer);
  }
  return [...out];
}

/** Buffers of the table files handed to load(). */
export function fileTransferables(files: TableFiles): ArrayBuffer[] {
  return Object.values(files).map((f) => f.bytes.buffer);
}
