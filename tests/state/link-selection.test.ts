// @vitest-environment jsdom
/**
 * A link's selected area is selected only when the tables that hold it are
 * in; until then the address must keep naming it, so a link copied or a page
 * reloaded while the data loads (or after it failed) still opens on it.
 */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/state/app-state.svelte.ts';
import { defaultViewState } from '../../src/state/url-state.ts';
import type { ScoringClient } from '../../workers/scoring-main-side.ts';
import type { DatasetEntry } from '../../src/model/dataset-format.ts';

const entry = { id: 'nl2024', title: 'Nederland 2024', levels: ['buurt'], bbox: [3.36, 50.75, 7.23, 53.55], minzoom: 5, maxzoom: 12, files: { tiles: 't.pmtiles', tables: { buurt: 'b.bin' } } } as unknown as DatasetEntry;

describe("a link's selected area while the data loads", () => {
  it('stays in the address until the tables are in, and leaves it on a switch to another dataset', async () => {
    const app = new AppState();
    // A worker that never answers: the load stays under way.
    app.api = { load: () => new Promise(() => undefined) } as unknown as ScoringClient;
    void app.loadDataset(entry, { view: { ...defaultViewState, weights: {}, dataset: 'nl2024', selection: 'BU03440612' }, ignored: [] });
    expect(app.selection).toBeNull();
    expect(app.hash()).toContain('sel=BU03440612');
    void app.loadDataset(entry);
    expect(app.hash()).not.toContain('sel=');
  });
});
