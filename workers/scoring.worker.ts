/**
 * Scoring Web Worker: loads level tables and scores all areas off the main
 * thread; score results leave with their typed arrays transferred.
 */
import * as Comlink from 'comlink';
import { createScoringService, transferablesOf, type ScoringWorkerApi } from './scoring-api.ts';

const service = createScoringService();

const api: ScoringWorkerApi = {
  ...service,
  async score(request) {
    const result = await service.score(request);
    return Comlink.transfer(result, transferablesOf(result));
  },
};

Comlink.expose(api);
