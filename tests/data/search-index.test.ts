import { describe, expect, it } from 'vitest';
import { buildSearchIndex, explainUnknownCode, normalise, search, searchEntriesFromTables, type SearchEntry } from '../../src/data/search-index.ts';
import { loadDatasetFromDisk } from '../../scripts/scores-cli.ts';

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
  it('limits to the entries asked for before it cuts the list (a comparison wants buurten, not the wijken ranked above them)', () => {
    expect(search(index, 'centrum', 1).map((h) => h.level)).toEqual(['wijk']);
    expect(search(index, 'centrum', 1, (e) => e.level === 'buurt').map((h) => h.code)).toEqual(['BU03630000']);
    expect(search(index, 'centrum', 10, (e) => e.level === 'gemeente')).toEqual([]);
  });
  it('needs at least two characters', () => {
    expect(search(index, 'c')).toEqual([]);
  });
  it('adds the everyday name of a gemeente to every area in it', () => {
    expect(search(index, 'centrum den haag').map((h) => h.code)).toEqual(['BU05180000']);
    expect(search(index, 'den haag centrum').map((h) => h.code)).toEqual(['BU05180000']);
  });
  it('ignores punctuation, so a name and a dotted code match as typed', () => {
    expect(normalise("'s-Gravenhage (Z.H.)")).toBe('s gravenhage z h');
    expect(search(index, 'Binnenstad Noord').map((h) => h.code)).toEqual(['BU00140000']);
    expect(search(index, 'BU0363.00.00')[0].code).toBe('BU03630000');
  });
});

// The everyday names a wijkagent or beleidsadviseur types, against the
// shipped Nederland 2024 names (a missing public/data fails the test).
const { tables } = await loadDatasetFromDisk('public/data/datasets.json', 'nl2024');
describe('search on the names of Nederland 2024', () => {
  const nl = buildSearchIndex(searchEntriesFromTables(tables), tables.buurt!.indelingYear);
  const first = (q: string) => search(nl, q)[0];
  const firstCodes = (q: string, n: number) => search(nl, q, n).map((e) => e.code);

  it('knows the names people use for gemeenten', () => {
    expect(first('Den Haag')).toMatchObject({ code: 'GM0518', name: "'s-Gravenhage" });
    expect(first('den bosch')).toMatchObject({ code: 'GM0796' });
    expect(first('Utrecht')).toMatchObject({ level: 'gemeente', code: 'GM0344' });
  });

  it('finds a place together with the everyday name of its gemeente, in either order', () => {
    expect(first('Den Haag Moerwijk')).toMatchObject({ code: 'WK051836', name: 'Wijk 36 Moerwijk' });
    expect(first('Schilderswijk Den Haag')).toMatchObject({ code: 'WK051829' });
    expect(first('Centrum Den Haag')).toMatchObject({ code: 'WK051828', name: 'Wijk 28 Centrum' });
    expect(first('Den Bosch Binnenstad')).toMatchObject({ code: 'WK079601', name: 'Binnenstad' });
    // Not Oudenbosch-Centrum: "den" and "bosch" are inside the word there.
    const centrum = search(nl, 'Den Bosch centrum', 3);
    expect(centrum.map((e) => e.gemeenteName)).toEqual(["'s-Hertogenbosch", "'s-Hertogenbosch", "'s-Hertogenbosch"]);
    expect(centrum[0]).toMatchObject({ code: 'BU07960101', name: 'Binnenstad centrum' });
  });

  it('knows the Dutch and Frisian names of Frisian gemeenten', () => {
    expect(first('De Friese Meren')).toMatchObject({ code: 'GM1940', name: 'De Fryske Marren' });
    expect(first('Noordoost-Friesland')).toMatchObject({ code: 'GM1970', name: 'Noardeast-Fryslân' });
    expect(first('Tietjerksteradeel')).toMatchObject({ code: 'GM0737', name: 'Tytsjerksteradiel' });
    expect(first('Dantumadeel')).toMatchObject({ code: 'GM1891', name: 'Dantumadiel' });
    expect(first('Zuidwest-Friesland')).toMatchObject({ code: 'GM1900', name: 'Súdwest-Fryslân' });
    expect(first('Ljouwert')).toMatchObject({ code: 'GM0080', name: 'Leeuwarden' });
    expect(first('Leeuwarden')).toMatchObject({ code: 'GM0080' });
  });

  it('ignores the brackets and dots in a name or code', () => {
    expect(first('Bergen (NH)')).toMatchObject({ code: 'GM0373', name: 'Bergen (NH.)' });
    expect(first('Bergen NH')).toMatchObject({ code: 'GM0373' });
    expect(first('bergen l')).toMatchObject({ code: 'GM0893' });
    expect(first('BU0344.05.33')).toMatchObject({ code: 'BU03440533' });
    expect(explainUnknownCode(nl, 'BU0344.05.33')).toBeNull();
  });

  it('matches a CBS name without its wijk number', () => {
    expect(first('Overvecht')).toMatchObject({ level: 'wijk', name: 'Wijk 03 Overvecht', gemeenteName: 'Utrecht' });
  });

  it('maps everyday neighbourhood names to the CBS areas that carry them', () => {
    expect(first('Schilderswijk')).toMatchObject({ code: 'WK051829', name: 'Wijk 29 Schildersbuurt' });
    expect(firstCodes('Schilderswijk', 5)).toEqual(expect.arrayContaining(['BU05182915', 'BU05182916', 'BU05182917']));
    const bijlmer = search(nl, 'Bijlmer', 6);
    expect(bijlmer.every((e) => e.gemeenteName === 'Amsterdam' && e.level === 'wijk')).toBe(true);
    expect(bijlmer.map((e) => e.name)).toEqual(expect.arrayContaining(['H-buurt', 'K-buurt', 'Ganzenhoef e.o.']));
  });

  it('ranks a place in a big gemeente above a namesake elsewhere', () => {
    const hit = first('Kanaleneiland');
    expect(hit.gemeenteName).toBe('Utrecht');
    expect(hit.name).toMatch(/^Kanaleneiland-/);
  });

  it('explains a code from an older indeling and offers its gemeente', () => {
    expect(search(nl, 'BU03630000')).toEqual([]);
    const hint = explainUnknownCode(nl, 'BU03630000');
    expect(hint?.message).toMatch(/vóór 2023/);
    expect(hint?.suggestion?.code).toBe('GM0363');
    expect(explainUnknownCode(nl, 'BU0363AA01')).toBeNull(); // exists: no hint
    expect(explainUnknownCode(nl, 'GM0017')?.message).toMatch(/bestaat daarin niet meer/);
    expect(explainUnknownCode(nl, 'Overvecht')).toBeNull();
  });
});
