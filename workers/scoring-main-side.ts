/**
 * Main-thread handle on the scoring worker. Scoring never runs here: this
 * file only starts the worker and forwards requests through comlink.
 */
import * as Comlink from 'comlink';
import type { ScoringWorkerApi } from '../../workers/scoring-api.ts';

export type ScoringClient = Comlink.Remote<ScoringWorkerApi>;

export function startScoringWorker(): { api: ScoringClient; worker: Worker } {
  const worker = new Worker(new URL('../../workers/scoring.worker.ts', import.meta.url), { type: 'module', name: 'kompas-scoring' });
  return { api: Comlink.wrap<ScoringWorkerApi>(worker), worker };
}
