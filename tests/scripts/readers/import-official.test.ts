import { describe, expect, it } from 'vitest';
import { datasetInput, mergeResults, parseArgs, summary } from '../../../scripts/import-official.ts';
import { detectFormat, readOfficialFile } from '../../../scripts/readers/index.ts';
import { fixture } from './helpers.ts';

describe('detectFormat', () => {
  it('recognises each official format from its bytes', () => {
    expect(detectFormat(fixture('wijkenbuurten-2021-fixture.gpkg'))).toBe('geopackage');
    expect(detectFormat(fixture('buurt2017.zip'))).toBe('shapefile');
    expect(detectFormat(fixture('politie-47022NED-groningen.csv'))).toBe('politie-misdrijven');
    expect(detectFormat(fixture('kwb-2024-labels-groningen.csv'))).toBe('statline-csv');
    expect(detectFormat(fixture('rivm-2020-18plus-groningen.csv'))).toBe('statline-csv');
  });
});

describe('import-official CLI', () => {
  it('parses its options', () => {
    expect(parseArgs(['--gemeente', 'GM0014,GM0034', '--jaar', '2017', '--dimensie', 'Leeftijd=80200', '--gedeeltelijke-jaren', '--soort', '0.0.0', 'a.zip', 'b.csv'])).toEqual({
      files: ['a.zip', 'b.csv'],
      read: { gemeenten: ['GM0014', 'GM0034'], year: 2017, dimensions: { Leeftijd: '80200' }, partialYears: 'emit', soorten: ['0.0.0'] },
      outId: undefined,
      title: undefined,
      outDir: 'public/data',
    });
    expect(() => parseArgs(['--jaar', 'vorig', 'a.csv'])).toThrow('--jaar verwacht een jaartal zoals 2024, gevonden "vorig"');
    expect(() => parseArgs(['--gemeente'])).toThrow(/--gemeente verwacht een waarde/);
    expect(() => parseArgs([])).toThrow(/geen bestanden opgegeven/);
    expect(() => parseArgs(['--out-id', 'Mijn Data', 'a.csv'])).toThrow('--out-id "Mijn Data" is ongeldig: gebruik kleine letters, cijfers en -');
  });

  it('merges geometry and tables and summarises per level with missing reasons', async () => {
    const shp = await readOfficialFile('buurt2017.zip', fixture('buurt2017.zip'), { gemeenten: ['GM0014'] });
    const crime = await readOfficialFile('politie-47022NED-groningen.csv', fixture('politie-47022NED-groningen.csv'), { gemeenten: ['GM0014'], indelingYear: 2017 });
    const merged = mergeResults([shp, crime]);
    expect(merged.areas.get('BU00140001')).toMatchObject({ name: 'Binnenstad-Zuid', flags: 0 });
    expect(merged.areas.get('BU00140001')?.geometry?.type).toBe('Polygon');
    const lines = summary([shp, crime], merged);
    expect(lines).toContain('  buurt        108  (met geometrie: 108)');
    expect(lines).toContain('  wijk           1  (met geometrie: 0)');
    expect(lines).toContain('  buurt     misdrijven_totaal.2024                  1 met waarde; 1 onvolledig (niet alle onderliggende gebieden hebben een waarde)');
    expect(lines).toContain('  buurt     eenpersoonshuishoudens.2017            93 met waarde; 15 ontbreekt in de bron');
    const input = datasetInput('groningen-import', undefined, merged, 2017);
    expect(input.buurten).toHaveLength(108);
    expect(input.gemeenteNames).toEqual(new Map([['GM0014', 'Groningen']]));
    expect(input.title).toBe('Eigen import Groningen');
    expect(input.sources.map((s) => s.title)).toEqual([
      'CBS Wijk- en buurtkaart 2017 (shapefile)',
      'Politie/CBS 47022NED (geregistreerde misdrijven; soort misdrijf, wijk, buurt, maandcijfers)',
    ]);
    expect(() => mergeResults([crime, crime])).toThrow('indicator misdrijven_totaal.2024 (buurt) staat in twee bestanden: politie-47022NED-groningen.csv en politie-47022NED-groningen.csv; lees er één');
    expect(() => datasetInput('x', undefined, mergeResults([crime]), 2024)).toThrow(/geen buurtgeometrie gevonden/);
  });
});
