/**
 * Workspace stores for tests, each on a fake IndexedDB database of its own
 * (fake-indexeddb, imported by the test file), disposed after each test.
 * Two stores on one database act as two tabs of one browser.
 */
import { afterEach, expect, vi } from 'vitest';
import { openDB } from 'idb';
import { interventionById } from '../../src/workspace/interventions.ts';
import { WorkspaceStore, type StoreOptions } from '../../src/workspace/workspace-store.svelte.ts';
import type { Focus } from '../../src/workspace/model.ts';

/** Call once at the top of a test file; `prefix` keeps its database names apart from other files'. */
export function storeHarness(prefix: string) {
  let n = 0;
  const stores: WorkspaceStore[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    while (stores.length) stores.pop()!.dispose();
  });
  const freshDb = () => `${prefix}${++n}`;
  /** A store (a tab) on `dbName` that has loaded what the database holds. */
  async function storeOn(dbName: string, options: Omit<StoreOptions, 'dbName'> = {}): Promise<WorkspaceStore> {
    const store = new WorkspaceStore({ dbName, autosaveMs: 5, ...options });
    stores.push(store);
    await store.init();
    return store;
  }
  /** A fresh database holding one workspace that `store` made and IndexedDB confirmed. */
  async function savedWorkspace(name: string, focus: Focus): Promise<{ db: string; store: WorkspaceStore }> {
    const db = freshDb();
    const store = await storeOn(db);
    store.create(name, focus);
    expect(await store.saveNow()).toBe(true);
    return { db, store };
  }
  /** A store on a database of its own. */
  const freshStore = () => storeOn(freshDb());
  /**
   * A database holding a workspace 'Centrum' with one intervention whose notes
   * an older version stored at 25,000 characters, over today's limit.
   */
  async function storedWithOverlongNote(interventionId: string, focus: Focus): Promise<{ db: string; id: string }> {
    const db = freshDb();
    const store = await storeOn(db);
    const ws = store.create('Centrum', focus);
    store.addIntervention(interventionById(interventionId)!);
    await store.flush();
    const raw = await openDB(db, 1);
    const record = await raw.get('workspaces', ws.id);
    record.workspace.matrix[0].notes = 'x'.repeat(25_000);
    await raw.put('workspaces', record);
    raw.close();
    return { db, id: ws.id };
  }
  return { freshDb, storeOn, freshStore, savedWorkspace, storedWithOverlongNote };
}

/** Resolves once `check` holds; rejects after `ms`. */
export function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => (check() ? resolve() : Date.now() > until ? reject(new Error('timeout')) : setTimeout(tick, 5));
    tick();
  });
}
