/**
 * Scoring Web Worker entry: exposes the worker side
 * (workers/scoring-worker-side.ts) through comlink; scores and the
 * main-thread parts of the tables leave with their typed arrays transferred
 * (withTransfers in workers/scoring-api.ts).
 */
import * as Comlink from 'comlink';
import { withTransfers } from './scoring-api.ts';
import { createScoringService } from './scoring-worker-side.ts';

Comlink.expose(withTransfers(createScoringService()));
