// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { mayHoldSavedWork } from '../../src/state/lazy-workspaces.svelte.ts';
import { DB_NAME, WorkspaceDb } from '../../src/workspace/db.ts';

describe('mayHoldSavedWork: whether the workspace store must load before the first coloured map', () => {
  afterEach(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = () => resolve();
    });
  });

  it('is false in a browser that never saved a workspace, so the store may wait', async () => {
    expect(await mayHoldSavedWork()).toBe(false);
  });

  it('is true once the workspace database exists (its imports feed the scores)', async () => {
    await WorkspaceDb.open();
    expect(await mayHoldSavedWork()).toBe(true);
  });

  it('is true when a survey from before workspace file version 5 waits in localStorage to be moved', async () => {
    localStorage.setItem('wijkveiligheidskompas.enquete.nl2024', '{}');
    expect(await mayHoldSavedWork()).toBe(true);
  });
});
