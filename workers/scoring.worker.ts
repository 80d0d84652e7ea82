/**
 * Scoring Web Worker entry: exposes the worker side
 * (workers/scoring-worker-side.ts) through comlink; scores and the
 * main-thread parts of the tables leave with their typed arrays transferred.
 */
import * as Comlink from 'comlink';
import { changeTransferables, tableTransferables, transferablesOf, type ScoringWorkerApi } from './scoring-api.ts';
import { createScoringService } from './scoring-worker-side.ts';

const service = createScoringService();

const api: ScoringWorkerApi = {
  ...service,
  async load(entry, files, mainThreadSeries) {
    const result = await service.load(entry, files, mainThreadSeries);
    return Comlink.transfer(result, tableTransferables(result.tables));
  },
  async score(request) {
    const result = await service.score(request);
    return Comlink.transfer(result, transferablesOf(result));
  },
  async countChange(level, series, from, to) {
    const change = await service.countChange(level, series, from, to);
    // Comlink.transfer keys its cache by the object: null goes as is.
    return change && Comlink.transfer(change, changeTransferables(change));
  },
};

Comlink.expose(api);
