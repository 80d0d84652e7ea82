import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search, type SearchEntry } from '../../src/data/search-index.ts';

const entries: SearchEntry[] = [
  { level: 'buurt', index: 0, code: 'BU00140000', name: 'Binnenstad-Noord', gemeenteName: 'Groningen' },
  { level: 'buurt', index: 1, code: 'BU03630000', name: 'Centrum', gemeenteName: 'Amsterdam' },
  { level: 'buurt', index: 2, code: 'BU05180000', name: 'Centrum', gemeenteName: "'s-Gravenhage" },
  { level: 'wijk', index: 0, code: 'WK001400', name: 'Centrum', gemeenteName: 'Groningen' },
  { level: 'gemeente', index: 0, code: 'GM0014', name: 'Groningen', gemeenteName: 'Groningen' },
  { level: 'buurt', index: 3, code: 'BU19000101', name: 'Sûdwest', gemeenteName: 'Súdwest-Fryslân' },
];
const index = buildSearchIndex(entries);

describe('search', () => {
  it('finds an exact code first', () => {
    expect(search(index, 'bu03630000')[0].code).toBe('BU03630000');
  });
  it('lists same-named areas with their gemeente, higher levels first', () => {
    const hits = search(index, 'centrum');
    expect(hits.map((h) => `${h.level}:${h.gemeenteName}`)).toEqual(['wijk:Groningen', 'buurt:Amsterdam', "buurt:'s-Gravenhage"]);
  });
  it('narrows with the gemeente name and ignores accents', () => {
    expect(search(index, 'centrum amsterdam').map((h) => h.code)).toEqual(['BU03630000']);
    expect(search(index, 'sudwest').map((h) => h.code)).toEqual(['BU19000101']);
  });
  it('needs at least two characters', () => {
    expect(search(index, 'c')).toEqual([]);
  });
});
