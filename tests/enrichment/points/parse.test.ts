import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectPointFile, parseCoordinate, parseCsv, readPoints, skippedSummary, yearOfFile } from '../../../src/enrichment/points/parse.ts';
import { PointImportError } from '../../../src/enrichment/points/point-errors.ts';
import { decodeFileText } from '../../../src/enrichment/read-text.ts';
import { splitImportsByGemeente } from '../../../src/enrichment/points/persist.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/points/${name}`, import.meta.url), 'utf8');

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

describe('real exports: skip and report instead of refusing the file', () => {
  /** A MORA-like export: 2,000 meldingen with a date, one row without coordinates. */
  function moraExport(): string {
    const lines = ['Meldingen openbare ruimte gemeente Groningen', 'Meldingnummer;Melddatum;Categorie;X-coördinaat;Y-coördinaat'];
    for (let i = 0; i < 2000; i++) {
      const x = i === 1234 ? '' : `${233000 + (i % 40) * 20},5`;
      const y = i === 1234 ? '' : `${581000 + Math.floor(i / 40) * 20},5`;
      lines.push(`M${i};2024-${String(1 + (i % 12)).padStart(2, '0')}-15;Afval;${x};${y}`);
    }
    lines.push('Bron: gemeente Groningen, MORA');
    return lines.join('\r\n') + '\r\n';
  }

  it('reads Windows-1252 headers ("X-coördinaat") and skips the title line and the source footer, saying so', () => {
    const bytes = new Uint8Array([...moraExport()].map((c) => (c === 'ö' ? 0xf6 : c.charCodeAt(0))));
    const text = decodeFileText(bytes.buffer, 'mora.csv');
    const info = inspectPointFile(text, 'mora.csv');
    expect([info.xColumn, info.yColumn, info.crs]).toEqual(['X-coördinaat', 'Y-coördinaat', 'rd']);
    expect(info.rowCount).toBe(2000);
    expect(info.notes).toEqual([
      'regel 1: titelregel boven de kopregel overgeslagen (“Meldingen openbare ruimte gemeente Groningen”)',
      'regel 2003: bronvermelding onder de tabel overgeslagen (“Bron: gemeente Groningen, MORA”), met alles daarna',
    ]);
    // The year comes from the file's dates, not from today.
    expect(info.year).toBe(2024);
  });

  it('one row without coordinates in 2,000 is skipped and listed by its line; the rest is read', () => {
    const set = readPoints(moraExport(), 'mora.csv', { xColumn: 'X-coördinaat', yColumn: 'Y-coördinaat', crs: 'rd' });
    expect(set.count).toBe(1999);
    // Meldingen start on line 3 (title, header), so melding 1234 is on line 1237.
    expect(set.skipped).toEqual({
      total: 1, where: [1237], unit: 'regel',
      problems: ['regel 1237, kolom X-coördinaat: geen waarde; elke regel heeft een coördinaat nodig.', 'regel 1237, kolom Y-coördinaat: geen waarde; elke regel heeft een coördinaat nodig.'],
    });
    expect(skippedSummary(set.skipped)).toBe('1 regel overgeslagen zonder bruikbaar punt: regel 1237.');
  });

  it('skips points outside the Netherlands and rows with too many cells, and lists every line', () => {
    const text = 'x;y\n233000;581000\n233010;581010\n233020;581020\n955000;463000\n233030;581030;9\n';
    const set = readPoints(text, 'mix.csv', { xColumn: 'x', yColumn: 'y', crs: 'rd' });
    expect(set.count).toBe(3);
    expect(set.skipped.where).toEqual([5, 6]);
    expect(skippedSummary(set.skipped)).toBe('2 regels overgeslagen zonder bruikbaar punt: regels 5, 6.');
  });

  it('an empty or binary file is refused in Dutch before it is read as text', () => {
    expect(() => decodeFileText(new ArrayBuffer(0), 'leeg.csv')).toThrow('leeg.csv: het bestand is leeg (0 bytes).');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeFileText(png.buffer, 'kaart.png')).toThrow('kaart.png: dit is geen tekstbestand maar een afbeelding (PNG). Kies een CSV-bestand (tekst, met ; of , tussen de kolommen).');
  });

  it('the year comes from the file name first, else from the most frequent year in its dates', () => {
    expect(yearOfFile('meldingen-2023.csv', [['2024-01-01']])).toBe(2023);
    expect(yearOfFile('meldingen.csv', [['05-03-2022 10:15'], ['2022-06-01'], ['2021-12-31']])).toBe(2022);
    expect(yearOfFile('meldingen.csv', [['M1', 'Afval']])).toBeNull();
  });

  it('counts are split per gemeente, so each is kept in a workspace named after it', () => {
    const imports = [{ level: 'buurt' as const, columns: [{ series: 'mora_meldingen', year: 2024, values: { BU03440001: 5, BU03630001: 2, BU03630002: 0 }, label: 'M', unit: 'aantal', source: 's', sourceVariable: 'v', licence: 'lokaal' }] }];
    const parts = splitImportsByGemeente(imports, (_level, code) => `GM${code.slice(2, 6)}`);
    expect([...parts.keys()]).toEqual(['GM0344', 'GM0363']);
    expect(parts.get('GM0344')![0].columns[0].values).toEqual({ BU03440001: 5 });
    expect(parts.get('GM0363')![0].columns[0].values).toEqual({ BU03630001: 2, BU03630002: 0 });
  });
});

describe('thousands separators in coordinates', () => {
  it('names the thousands point as the cause instead of "buiten Nederland"', () => {
    const problems = problemsOf(() => readPoints('x;y\n155.000;463.000\n155.010;463.010\n', 'duizendtallen.csv', { xColumn: 'x', yColumn: 'y', crs: 'rd' }));
    expect(problems[0]).toBe('regel 2, kolommen x/y: "155.000" en "463.000" zijn gelezen als 155 en 463, buiten Nederland: staat de punt voor duizendtallen? ' +
      'Sla de coördinaten dan op zonder scheidingsteken voor duizendtallen (155000), of met een komma als decimaalteken.');
  });

  it('reads them as thousands when the file writes decimals with a comma', () => {
    const text = 'x;y\n155.000,5;463.000\n155.010;463.010,25\n';
    expect(inspectPointFile(text, 'komma.csv').crs).toBe('rd');
    const set = readPoints(text, 'komma.csv', { xColumn: 'x', yColumn: 'y', crs: 'rd' });
    expect(set.count).toBe(2);
    expect(set.positions[0]).toBeCloseTo(5.3872, 4);
    // Degrees with a decimal point stay degrees.
    expect(readPoints('lat;lon\n53.219;6.567\n', 'graden.csv', { xColumn: 'lon', yColumn: 'lat', crs: 'wgs84' }).positions[1]).toBeCloseTo(53.219, 6);
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

  it('reads a file in latitude, longitude order (EPSG:4326 axis order) the right way round, and says so', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
      features: [[53.21949, 6.56464], [53.2201, 6.5702]].map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })) });
    const info = inspectPointFile(text, 'latlon.geojson');
    expect(info.crs).toBe('wgs84');
    expect(info.detection).toContain('breedtegraad vóór de lengtegraad');
    const set = readPoints(text, 'latlon.geojson', { xColumn: null, yColumn: null, crs: 'wgs84' });
    expect(Array.from(set.positions.slice(0, 2))).toEqual([6.56464, 53.21949]);
  });

  it('a GeoJSON point outside the Netherlands is refused with what the user can do, not a swap the dialog does not offer', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2.35, 48.85] } }] });
    const problems = problemsOf(() => readPoints(text, 'parijs.geojson', { xColumn: null, yColumn: null, crs: 'wgs84' }));
    expect(problems[0]).not.toContain('x en y');
    expect(problems[0]).toBe('object 1, kolommen coordinates[0]/coordinates[1]: punt (2.35; 48.85) ligt buiten Nederland (gelezen als WGS84 lengtegraad, breedtegraad). ' +
      'Kies hierboven het andere coördinaatsysteem als dat niet klopt; staat in het bestand de breedtegraad vóór de lengtegraad, zet dan de lengtegraad voorop.');
  });

  it('refuses a file that is not JSON', () => {
    expect(problemsOf(() => inspectPointFile('{ kapot', 'kapot.geojson'))[0]).toMatch(/^kapot\.geojson: geen geldige GeoJSON/);
  });
});
