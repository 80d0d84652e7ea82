/**
 * The workspace store (src/workspace/workspace-store.svelte.ts) with the
 * interventions, the file format and IndexedDB code behind it is about 30 KB
 * gzip that the first coloured map never needs. The app holds it through
 * this handle and loads it once: at once when this browser may hold saved
 * work (its imports and survey feed the scores), otherwise right after the
 * first coloured map, or when a dialog asks for it.
 */
import type { WorkspaceStore } from '../workspace/workspace-store.svelte.ts';

import { DB_NAME } from '../workspace/db-name.ts';
import { LEGACY_SURVEY_PREFIX } from '../enrichment/survey/legacy-key.ts';

export class LazyWorkspaces {
  /** The shared store once loaded; null before. */
  store = $state.raw<WorkspaceStore | null>(null);
  #loading: Promise<WorkspaceStore | null> | null = null;

  /** `onError` hears a chunk that failed to load (server gone, file missing); the next load() tries again. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** The store, loading it on first use; null when its code could not be loaded (reported through onError). */
  load(): Promise<WorkspaceStore | null> {
    this.#loading ??= import('../workspace/workspace-store.svelte.ts').then(
      (m) => (this.store = m.sharedWorkspaceStore()),
      (error) => {
        this.#loading = null;
        this.onError(error);
        return null;
      },
    );
    return this.#loading;
  }
}

/** True unless this browser certainly holds no saved workspace (then the store may wait for the first coloured map). */
export async function mayHoldSavedWork(): Promise<boolean> {
  try {
    const storage = globalThis.localStorage;
    for (let i = 0; storage && i < storage.length; i++) if (storage.key(i)?.startsWith(LEGACY_SURVEY_PREFIX)) return true;
    if (typeof indexedDB?.databases !== 'function') return true;
    return (await indexedDB.databases()).some((db) => db.name === DB_NAME);
  } catch {
    return true;
  }
}
