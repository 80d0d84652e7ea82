/**
 * Workspace stores for tests, each on a fake IndexedDB database of its own
 * (fake-indexeddb, imported by the test file), disposed after each test.
 * Two stores on one database act as two tabs of one browser.
 */
import { afterEach, vi } from 'vitest';
import { WorkspaceStore, type StoreOptions } from '../../src/workspace/workspace-store.svelte.ts';

/** Call once at the top of a test file; `prefix` keeps its database names apart from other files'. */
export function storeHarness(prefix: string) {
  let n = 0;
  const stores: WorkspaceStore[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    while (stores.length) stores.pop()!.dispose();
  });
  return {
    /** A database name no test used before. */
    freshDb: () => `${prefix}${++n}`,
    /** A store (a tab) on `dbName` that has loaded what the database holds. */
    async storeOn(dbName: string, options: Omit<StoreOptions, 'dbName'> = {}): Promise<WorkspaceStore> {
      const store = new WorkspaceStore({ dbName, autosaveMs: 5, ...options });
      stores.push(store);
      await store.init();
      return store;
    },
  };
}

/** Resolves once `check` holds; rejects after `ms`. */
export function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => (check() ? resolve() : Date.now() > until ? reject(new Error('timeout')) : setTimeout(tick, 5));
    tick();
  });
}
