import { describe, expect, it } from 'vitest';
import { namedReferenceFrame } from '../../src/model/frame-name.ts';

describe('namedReferenceFrame', () => {
  const base = { datasetTitle: 'Nederland 2024', gemeenteName: 'Utrecht' };
  it('names the areas a percentile is counted among', () => {
    expect(namedReferenceFrame({ ...base, frame: 'dataset', level: 'buurt' })).toBe('alle buurten in Nederland 2024');
    expect(namedReferenceFrame({ ...base, frame: 'gemeente', level: 'wijk' })).toBe('alle wijken in de gemeente Utrecht');
    expect(namedReferenceFrame({ ...base, frame: 'stedelijkheid', level: 'buurt' })).toBe('alle buurten in Nederland 2024 met dezelfde stedelijkheidsklasse');
  });
  it('a gemeente in the gemeente frame is counted among all gemeenten (it cannot be ranked within itself)', () => {
    expect(namedReferenceFrame({ ...base, frame: 'gemeente', level: 'gemeente' })).toBe('alle gemeenten in Nederland 2024');
  });
  it('an area the engine compared with all areas of its level (its group too small) is named so, not by the frame asked for', () => {
    const note = 'Minder dan 5 vergelijkbare gebieden in het kader: vergeleken met alle gebieden van dit niveau.';
    expect(namedReferenceFrame({ ...base, frame: 'gemeente', level: 'buurt', frameNote: note })).toBe('alle buurten in Nederland 2024');
    expect(namedReferenceFrame({ ...base, frame: 'stedelijkheid', level: 'wijk', frameNote: note })).toBe('alle wijken in Nederland 2024');
    expect(namedReferenceFrame({ ...base, frame: 'gemeente', level: 'buurt', frameNote: null })).toBe('alle buurten in de gemeente Utrecht');
  });
});
