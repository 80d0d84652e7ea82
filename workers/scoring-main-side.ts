/**
 * The main-thread side of the scoring worker (contract: workers/scoring-api.ts).
 * Scoring never runs here: this file starts the worker and asks it to load a
 * dataset; the worker downloads the level tables itself (each byte once) and
 * sends back what the main thread needs of each table, with the first scores.
 */
import * as Comlink from 'comlink';
import type { DatasetEntry } from '../src/model/dataset-format.ts';
import type { Progress } from '../src/data/source.ts';
import { errorOfLoadFailure, type LoadOptions, type LoadResult, type ScoringWorkerApi, type ShowFirstView } from './scoring-api.ts';

export type ScoringClient = Comlink.Remote<ScoringWorkerApi>;

export function startScoringWorker(): { api: ScoringClient; worker: Worker } {
  const worker = new Worker(new URL('./scoring.worker.ts', import.meta.url), { type: 'module', name: 'kompas-scoring' });
  return { api: Comlink.wrap<ScoringWorkerApi>(worker), worker };
}

/**
 * Let the worker load a dataset from `where` (the folder of datasets.json);
 * a failure is thrown here as the error the worker met (LoadError with its
 * hint, DataFileError with its kind).
 */
export async function loadInWorker(api: ScoringClient, entry: DatasetEntry, where: string, options: LoadOptions, onProgress?: Progress, onFirstView?: ShowFirstView): Promise<LoadResult> {
  const outcome = await api.load(entry, where, options, onProgress && Comlink.proxy(onProgress), onFirstView && Comlink.proxy(onFirstView));
  if ('failure' in outcome) throw errorOfLoadFailure(outcome.failure);
  return outcome;
}
