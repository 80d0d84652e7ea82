import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import type { Polygon } from 'geojson';
import { dbfNumericCells, readShapefileZip } from '../../../scripts/readers/shapefile-zip.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { allValues, column, fixture } from './helpers.ts';

// The real CBS buurtkaart 2017 shapefile of gemeente Groningen (108 buurten, 516 cells -99999999).
const FILE = 'buurt2017.zip';

describe('readShapefileZip (real Groningen 2017 buurtkaart)', () => {
  it('reads all 108 buurten with codes, names and parents', async () => {
    const r = await readShapefileZip(fixture(FILE), { file: FILE });
    expect(r.format).toBe('shapefile');
    expect(r.areas).toHaveLength(108);
    expect(r.areas[0]).toMatchObject({ code: 'BU00140000', name: 'Binnenstad-Noord', level: 'buurt', gemeenteCode: 'GM0014', wijkCode: 'WK001400', flags: 0 });
    expect(r.areas[107]).toMatchObject({ code: 'BU00141402', name: 'Lageland GN', wijkCode: 'WK001414' });
    expect(new Set(r.areas.map((a) => a.code)).size).toBe(108);
    expect(r.parentNames?.get('GM0014')).toBe('Groningen');
  });

  it('keeps the WGS84 geometry (the .prj says GCS_WGS_1984) inside the shapefile bbox', async () => {
    const r = await readShapefileZip(fixture(FILE), { file: FILE });
    for (const a of r.areas) {
      expect(a.geometry?.type).toBe('Polygon');
      for (const [lon, lat] of (a.geometry as Polygon).coordinates.flat()) {
        expect(lon).toBeGreaterThanOrEqual(6.4627456);
        expect(lon).toBeLessThanOrEqual(6.7176858);
        expect(lat).toBeGreaterThanOrEqual(53.1786103);
        expect(lat).toBeLessThanOrEqual(53.2649470);
      }
    }
    expect((r.areas[0].geometry as Polygon).coordinates[0][0]).toEqual([6.5571033, 53.219328]);
  });

  it('never turns -99999999 into a number and maps the short names', async () => {
    const r = await readShapefileZip(fixture(FILE), { file: FILE });
    expect(allValues(r)).not.toContain(-99999999);
    const inwoners = column(r, 'buurt', 'inwoners.2017');
    expect(inwoners.meta).toMatchObject({ sourceVariable: 'AANT_INW', year: 2017, indelingYear: 2017, kind: 'count' });
    expect([...inwoners.values.values()].reduce((s, v) => s + (v.value ?? 0), 0)).toBe(202515);
    expect(column(r, 'buurt', 'eenpersoonshuishoudens.2017').values.get('BU00140004')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(column(r, 'buurt', 'eenpersoonshuishoudens.2017').values.get('BU00140000')).toEqual({ value: 83, reason: 0 });
    expect(column(r, 'buurt', 'huishoudensgrootte.2017').values.get('BU00140000')).toEqual({ value: 1.2, reason: 0 });
    // Missing per mapped series, counted by hand in the .dbf: 24 per age/marital share, 14 density, 15 household shares, 3 household size.
    const missing = Object.fromEntries(r.columns.map((c) => [c.meta.series, [...c.values.values()].filter((v) => v.value === null).length]));
    expect(missing).toEqual({
      adressendichtheid: 0, stedelijkheid: 0, inwoners: 0, aandeel_0_14: 24, jongeren_15_24: 24, aandeel_65plus: 24, verweduwd: 24,
      bevolkingsdichtheid: 14, huishoudens: 0, eenpersoonshuishoudens: 15, huishoudens_met_kinderen: 15, huishoudensgrootte: 3, oppervlakte_land: 0,
    });
    // The 238 sentinels in the herkomst columns are not read at all.
    expect(r.columns.some((c) => /WEST|N_W|MAROKKO|SURINAM|TURKIJE|ANT_ARU|OVER_NW/.test(c.meta.sourceVariable))).toBe(false);
  });

  it('filters on gemeente and reports missing parts', async () => {
    const none = await readShapefileZip(fixture(FILE), { file: FILE, gemeenten: ['GM0363'] });
    expect(none.areas).toEqual([]);
    const onlyReadme = zipSync({ 'lees mij.txt': new TextEncoder().encode('hallo') });
    await expect(readShapefileZip(onlyReadme, { file: 'leeg.zip' })).rejects.toThrow('leeg.zip: geen .shp-bestand in de zip: verwacht een shapefile (.shp, .dbf, .prj)');
    await expect(readShapefileZip(new Uint8Array([1, 2, 3]), { file: 'kapot.zip' })).rejects.toThrow(/^kapot\.zip: geen geldig zip-bestand/);
  });

  it('sees all 516 sentinel cells of the real .dbf as text, before any number conversion', () => {
    const dbf = unzipSync(fixture(FILE))['buurt2017.dbf'];
    const cells = dbfNumericCells(dbf, new TextDecoder('windows-1252'));
    expect(cells.get('AANT_INW')?.slice(0, 3)).toEqual(['4440', '6600', '3920']);
    expect(cells.get('AANT_INW')).toHaveLength(108);
    let sentinels = 0;
    for (const list of cells.values()) sentinels += list.filter((c) => Number(c) === -99999999).length;
    expect(sentinels).toBe(516);
    expect(new Set(cells.get('GEM_HH_GR')!.filter((c) => Number(c) === -99999999))).toEqual(new Set(['-99999999.000000000000000']));
  });

  it('names the feature and column for text in a numeric field', async () => {
    const files = unzipSync(fixture(FILE));
    const dbf = files['buurt2017.dbf'].slice();
    const view = new DataView(dbf.buffer);
    const headerLength = view.getUint16(8, true);
    const recordLength = view.getUint16(10, true);
    // Walk the field descriptors to the start of AANT_INW within a record.
    let offset = 1;
    let length = 0;
    for (let p = 32; dbf[p] !== 0x0d; p += 32) {
      const name = new TextDecoder().decode(dbf.subarray(p, p + 11)).replace(/\0.*$/, '');
      if (name === 'AANT_INW') { length = dbf[p + 16]; break; }
      offset += dbf[p + 16];
    }
    const start = headerLength + 2 * recordLength + offset; // third record: BU00140002
    dbf.set(new TextEncoder().encode('abc'.padStart(length, ' ')), start);
    const zip = zipSync({ ...files, 'buurt2017.dbf': dbf });
    await expect(readShapefileZip(zip, { file: FILE })).rejects.toThrow('buurt2017.zip/buurt2017.dbf, object 3 (BU00140002), kolom "AANT_INW": verwacht een getal, gevonden "abc"');
  });
});
