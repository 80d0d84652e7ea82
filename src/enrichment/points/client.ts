/**
 * Main-thread handle on the points worker, started on first use only: the
 * app does not pay for proj4 and turf until someone imports points.
 */
import * as Comlink from 'comlink';
import type { PointsWorkerApi } from './service.ts';

export type PointsClient = Comlink.Remote<PointsWorkerApi>;

let client: PointsClient | null = null;

export function pointsWorker(): PointsClient {
  client ??= Comlink.wrap<PointsWorkerApi>(new Worker(new URL('../../../workers/points.worker.ts', import.meta.url), { type: 'module', name: 'kompas-punten' }));
  return client;
}
