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
});
