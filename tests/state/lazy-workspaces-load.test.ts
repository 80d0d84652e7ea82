// The workspace store's chunk failing to load (server gone, file missing) is reported, and the next load() tries again.
import { describe, expect, it, vi } from 'vitest';

const tries = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/workspace/workspace-store.svelte.ts', () => {
  tries.count++;
  if (tries.count === 1) throw new Error('chunk ontbreekt');
  return { sharedWorkspaceStore: () => ({ marker: 'gedeelde werkruimten' }) };
});

const { LazyWorkspaces } = await import('../../src/state/lazy-workspaces.svelte.ts');

describe('LazyWorkspaces.load', () => {
  it('reports a failed load, keeps the store null, and loads on the next try', async () => {
    const errors: unknown[] = [];
    const workspaces = new LazyWorkspaces((e) => errors.push(e));
    expect(await workspaces.load()).toBeNull();
    expect(workspaces.store).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(Error);
    const store = await workspaces.load();
    expect(store).toEqual({ marker: 'gedeelde werkruimten' });
    expect(workspaces.store).toBe(store);
    // Once loaded, every caller gets the same store without loading again.
    expect(await workspaces.load()).toBe(store);
    expect(errors).toHaveLength(1);
  });
});
