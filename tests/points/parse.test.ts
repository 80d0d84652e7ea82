import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectPointFile, parseCoordinate, parseCsv, readPoints, PointImportError } from '../../src/points/parse.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/points/${name}`, import.meta.url), 'utf8');

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PointImportError) return e.problems;
    throw e;
  }
  throw new Error('expected a PointImportError');
}

describe('CSV reading and detection', () => {
  it('reads semicolons, a BOM, CRLF and quoted cells with separators and line breaks', () => {
    const t = parseCsv('\uFEFFa;b;c\r\n1;"x;y";"regel\nnieuw"\r\n\r\n2;3;4\r\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([['1', 'x;y', 'regel\nnieuw'], ['2', '3', '4']]);
    // File line numbers survive the multi-line cell and the empty line.
    expect(t.lines).toEqual([2, 5]);
  });

  it('reads Dutch and English decimals and refuses text', () => {
    expect(parseCoordinate('155000,5')).toBe(155000.5);
    expect(parseCoordinate(' 5.387 ')).toBe(5.387);
    expect(parseCoordinate('-1,5e3')).toBe(-1500);
    expect(parseCoordinate('ca. 155000')).toBeNull();
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate('1.234,5')).toBeNull();
  });

  it('detects x/y columns in RD New in the meldingen fixture', () => {
    const info = inspectPointFile(fixture('meldingen-rd.csv'), 'meldingen-rd.csv');
    expect(info.kind).toBe('csv');
    expect(info.separator).toBe(';');
    expect([info.xColumn, info.yColumn, info.crs]).toEqual(['x', 'y', 'rd']);
    expect(info.rowCount).toBe(29);
    expect(info.detection).toContain('RD New');
  });

  it('detects lat/lon columns as WGS84, whatever their order and spelling', () => {
    const info = inspectPointFile('id,Breedtegraad,Lengtegraad\n1,53.2,6.56\n', 'p.csv');
    expect([info.xColumn, info.yColumn, info.crs, info.separator]).toEqual(['Lengtegraad', 'Breedtegraad', 'wgs84', ',']);
    const info2 = inspectPointFile('LAT;LON\n53,2;6,56\n', 'q.csv');
    expect([info2.xColumn, info2.yColumn, info2.crs]).toEqual(['LON', 'LAT', 'wgs84']);
  });

  it('recognises x/y holding degrees as WGS84', () => {
    const info = inspectPointFile('x;y\n6,56;53,21\n5,1;52,1\n', 'graden.csv');
    expect(info.crs).toBe('wgs84');
  });

  it('says so when no coordinate columns are recognised, and reading needs a choice', () => {
    const info = inspectPointFile('naam;adres\nA;Straat 1\n', 'adressen.csv');
    expect(info.xColumn).toBeNull();
    expect(info.detection).toContain('Geen coördinaatkolommen herkend');
    expect(problemsOf(() => readPoints('naam;adres\nA;Straat 1\n', 'adressen.csv', { xColumn: null, yColumn: null, crs: 'rd' }))[0]).toContain('kies de kolommen');
  });

  it('converts all RD points of the fixture to WGS84 in Groningen', () => {
    const set = readPoints(fixture('meldingen-rd.csv'), 'meldingen-rd.csv', { xColumn: 'x', yColumn: 'y', crs: 'rd' });
    expect(set.count).toBe(29);
    expect(set.positions[0]).toBeCloseTo(6.5674, 3);
    expect(set.positions[1]).toBeCloseTo(53.2151, 3);
  });

  it('refuses a bad file as a whole, naming line and column of every problem', () => {
    const problems = problemsOf(() => readPoints(fixture('meldingen-fout.csv'), 'meldingen-fout.csv', { xColumn: 'x', yColumn: 'y', crs: 'rd' }));
    expect(problems).toEqual([
      'regel 3, kolom x: "ca. 233800" is geen getal.',
      'regel 4, kolom y: geen waarde; elke regel heeft een coördinaat nodig.',
      'regel 5, kolommen x/y: punt (955000; 463000) ligt buiten Nederland (gelezen als RD New).',
    ]);
  });

  it('refuses WGS84 points outside the Netherlands and hints at swapped columns', () => {
    const problems = problemsOf(() => readPoints('lat;lon\n53,21;6,56\n', 'omgedraaid.csv', { xColumn: 'lat', yColumn: 'lon', crs: 'wgs84' }));
    expect(problems[0]).toMatch(/^regel 2, kolommen lat\/lon: punt \(53\.21; 6\.56\) ligt buiten Nederland.*verwisseld/);
  });

  it('caps the list at ten problems and says how many more there are', () => {
    const text = 'x;y\n' + Array.from({ length: 25 }, () => 'a;1').join('\n');
    const problems = problemsOf(() => readPoints(text, 'veel.csv', { xColumn: 'x', yColumn: 'y', crs: 'rd' }));
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('… en nog 15 problemen in het bestand.');
  });
});

describe('GeoJSON points', () => {
  it('reads Point features and detects WGS84 from the values', () => {
    const text = fixture('hangplekken-wgs84.geojson');
    const info = inspectPointFile(text, 'hangplekken.geojson');
    expect([info.kind, info.crs, info.rowCount]).toEqual(['geojson', 'wgs84', 3]);
    const set = readPoints(text, 'hangplekken.geojson', { xColumn: null, yColumn: null, crs: 'wgs84' });
    expect(Array.from(set.positions.slice(0, 2))).toEqual([6.56464, 53.21949]);
  });

  it('takes RD New from a declared crs', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [155000, 463000] } }] });
    expect(inspectPointFile(text, 'rd.geojson').crs).toBe('rd');
    const set = readPoints(text, 'rd.geojson', { xColumn: null, yColumn: null, crs: 'rd' });
    expect(set.positions[0]).toBeCloseTo(5.3872, 4);
  });

  it('names the object that is not a point', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [6.5, 53.2] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[6.5, 53.2], [6.6, 53.2]] } },
    ] });
    expect(problemsOf(() => readPoints(text, 'lijn.geojson', { xColumn: null, yColumn: null, crs: 'wgs84' }))).toEqual([
      'object 2: geometrie is een LineString, verwacht een punt (Point).',
    ]);
  });

  it('refuses a file that is not JSON', () => {
    expect(problemsOf(() => inspectPointFile('{ kapot', 'kapot.geojson'))[0]).toMatch(/^kapot\.geojson: geen geldige GeoJSON/);
  });
});
