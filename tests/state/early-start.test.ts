/**
 * The early start (src/state/early-start.ts) decides, before the app has
 * loaded, which dataset the worker loads and which scores it sends along;
 * AppState must come to the same answer, or the scores are thrown away.
 */
import { describe, expect, it } from 'vitest';
import { chooseEntry, firstLevel, scoreRequestOf } from '../../src/state/early-start.ts';
import { parseViewState } from '../../src/state/url-state.ts';
import type { DatasetCatalog, DatasetEntry, Level } from '../../src/model/dataset-format.ts';

const entry = (id: string, levels: Level[], bbox: [number, number, number, number]): DatasetEntry => ({
  id, title: id, description: '', levels, bbox, years: [2024], indelingYear: 2024, sources: [], caveats: [], minzoom: 0, maxzoom: 12,
  files: { tiles: `${id}/areas.00000000.pmtiles`, tables: {} },
});
const nl = entry('nl2024', ['gemeente', 'wijk', 'buurt'], [3.36, 50.75, 7.23, 53.55]);
const gr = entry('groningen2017', ['wijk', 'buurt'], [6.46, 53.18, 6.72, 53.26]);
const catalog: DatasetCatalog = { format: 'wvk-datasets', version: 1, defaultDataset: 'nl2024', datasets: [nl, gr] };

describe('early start', () => {
  it('opens the dataset of the link, else of config.json, else the catalog default, else the first', () => {
    expect(chooseEntry(catalog, parseViewState('#ds=groningen2017'), { defaultDataset: 'nl2024' })?.id).toBe('groningen2017');
    expect(chooseEntry(catalog, parseViewState(''), { defaultDataset: 'groningen2017' })?.id).toBe('groningen2017');
    expect(chooseEntry(catalog, parseViewState(''), {})?.id).toBe('nl2024');
    expect(chooseEntry({ ...catalog, defaultDataset: 'weg' }, parseViewState('#ds=ook-weg'), {})?.id).toBe('nl2024');
    // A link's dataset that is not there falls back along the same line, not to the first in the list.
    const grFirst: DatasetCatalog = { ...catalog, datasets: [gr, nl] };
    expect(chooseEntry(grFirst, parseViewState('#ds=nl2099'), {})?.id).toBe('nl2024');
    expect(chooseEntry(grFirst, parseViewState('#ds=nl2099'), { defaultDataset: 'weg' })?.id).toBe('nl2024');
    expect(chooseEntry({ ...grFirst, defaultDataset: 'weg' }, parseViewState('#ds=nl2099'), { defaultDataset: 'nl2024' })?.id).toBe('nl2024');
    expect(chooseEntry({ ...catalog, datasets: [] }, parseViewState(''), {})).toBeUndefined();
  });

  it('scores the level of the link: chosen, else the one its zoom shows, else none (the map fits the dataset first)', () => {
    expect(firstLevel(parseViewState('#ds=nl2024&lvl=wijk&v=5.12,52.09,12'), nl)).toBe('wijk');
    expect(firstLevel(parseViewState('#ds=nl2024&v=5.12,52.09,12'), nl)).toBe('buurt');
    expect(firstLevel(parseViewState('#ds=nl2024&v=5.12,52.09,6'), nl)).toBe('gemeente');
    expect(firstLevel(parseViewState('#ds=nl2024'), nl)).toBeNull();
    // Latitude and longitude swapped: the map will fit the whole dataset instead, so no level yet.
    expect(firstLevel(parseViewState('#ds=nl2024&v=52.09,5.12,12'), nl)).toBeNull();
    // A level the dataset lacks: the one AppState.activeLevel falls back to.
    expect(firstLevel(parseViewState('#ds=groningen2017&lvl=gemeente'), gr)).toBe('wijk');
  });

  it('scores the level a bare link fits the dataset to, when the window and half of it agree', () => {
    const window = { width: 1400, height: 900 };
    // Nederland fits the window at zoom 7 or so: gemeenten.
    expect(firstLevel(parseViewState(''), { ...nl, bbox: [3.36, 50.75, 7.23, 53.55] }, window)).toBe('gemeente');
    // The gemeente Utrecht in a window 1600 px wide: buurten, in the window and in half its width.
    const utrecht = { ...nl, bbox: [4.97, 52.03, 5.2, 52.14] as [number, number, number, number] };
    expect(firstLevel(parseViewState(''), utrecht, { width: 1600, height: 900 })).toBe('buurt');
    // In a window 1000 px wide: buurten across it, wijken across half of it. The map's share is unknown: no guess.
    expect(firstLevel(parseViewState(''), utrecht, { width: 1000, height: 900 })).toBeNull();
    // No window to measure: no guess.
    expect(firstLevel(parseViewState(''), utrecht, { width: 0, height: 0 })).toBeNull();
    // A link's own level or zoom comes first.
    expect(firstLevel(parseViewState('#v=5.12,52.09,9'), utrecht, window)).toBe('wijk');
  });

  it('asks the scores with the frame, weights, ranking and year of the link', () => {
    const view = parseViewState('#ds=nl2024&lvl=buurt&ref=gemeente&w=S4:2,S4.0:0&bez=1&jr=2022');
    expect(scoreRequestOf(view, 'buurt')).toEqual({
      level: 'buurt', frame: 'gemeente', weights: { factors: { 'S4.0': 0 }, categories: { S4: 2 } }, rankVisitorAreas: true, year: 2022,
    });
  });
});
