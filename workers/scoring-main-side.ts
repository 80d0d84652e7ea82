/**
 * The main-thread side of the scoring worker (contract: workers/scoring-api.ts).
 * Scoring never runs here: this file starts the worker, reads the level-table
 * bytes once through a DatasetSource and transfers them to the worker, which
 * sends back what the main thread needs of each table.
 */
import * as Comlink from 'comlink';
import type { DatasetEntry, Level } from '../src/model/dataset-format.ts';
import { readTableFiles, tableLevels } from '../src/data/load-dataset.ts';
import type { DatasetSource, Progress } from '../src/data/source.ts';
import { fileTransferables, type LoadResult, type ScoringWorkerApi } from './scoring-api.ts';

export type ScoringClient = Comlink.Remote<ScoringWorkerApi>;

export function startScoringWorker(): { api: ScoringClient; worker: Worker } {
  const worker = new Worker(new URL('./scoring.worker.ts', import.meta.url), { type: 'module', name: 'kompas-scoring' });
  return { api: Comlink.wrap<ScoringWorkerApi>(worker), worker };
}

/** Read the dataset's level tables once and load them into the worker. */
export async function loadIntoWorker(
  api: Pick<ScoringWorkerApi, 'load'> | ScoringClient,
  source: DatasetSource,
  entry: DatasetEntry,
  mainThreadSeries: string[],
  onProgress?: Progress,
  levels: Level[] = tableLevels(entry),
): Promise<LoadResult> {
  const files = await readTableFiles(source, entry, levels, onProgress);
  return api.load(entry, Comlink.transfer(files, fileTransferables(files)), mainThreadSeries);
}
