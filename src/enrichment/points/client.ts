/**
 * Main-thread handle on the points worker, started on first use only: the
 * app does not pay for proj4 and turf until someone imports points.
 */
import * as Comlink from 'comlink';
import type { PointsWorkerApi } from './service.ts';
import { PointImportError } from './point-errors.ts';

export type PointsClient = Comlink.Remote<PointsWorkerApi>;

let client: PointsClient | null = null;

/** Why nothing happened when the worker did not start; the cause is the server's, not the file's. */
export function pointsWorkerFailed(detail: string): string {
  return 'De puntenberekening kon niet starten. Er is niets veranderd. Herlaad de pagina en probeer het opnieuw. ' +
    `Blijft dit, meld het dan bij de beheerder van de app${detail ? ` (${detail.replace(/\.$/, '')})` : ''}: de server mist dan een bestand in assets/ of blokkeert de worker (docs/hosting.md § 4).`;
}

export function pointsWorker(): PointsClient {
  if (client) return client;
  const worker = new Worker(new URL('../../../workers/points.worker.ts', import.meta.url), { type: 'module', name: 'kompas-punten' });
  const remote = Comlink.wrap<PointsWorkerApi>(worker);
  // Comlink never rejects when the worker is gone: each call also waits on this.
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const own = new Proxy(remote, {
    get: (target, key) => {
      const method = Reflect.get(target, key) as unknown;
      return typeof method === 'function' ? (...args: unknown[]) => Promise.race([(method as (...a: unknown[]) => Promise<unknown>)(...args), failed]) : method;
    },
  });
  worker.addEventListener('error', (event) => {
    // A retry starts a new worker instead of waiting on this one.
    if (client === own) client = null;
    worker.terminate();
    fail(new PointImportError([pointsWorkerFailed((event as ErrorEvent).message ?? '')]));
  });
  client = own;
  return own;
}
