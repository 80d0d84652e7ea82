import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { readGeoPackage } from '../../../scripts/readers/geopackage.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { buildGpkg, FIXTURE_BUURTEN, GPKG_COLUMNS_2021, type FixtureBuurt } from '../../fixtures/readers/make-gpkg.ts';
import { allValues, column, fixture } from './helpers.ts';

const FILE = 'wijkenbuurten-2021-fixture.gpkg';

describe('readGeoPackage (CBS wijk- en buurtkaart 2021 layout)', () => {
  it('the fixture uses exactly the 41 columns of the real 2021 buurten layer', () => {
    expect(GPKG_COLUMNS_2021).toHaveLength(41);
    expect(GPKG_COLUMNS_2021[0]).toBe('buurtcode');
    expect(GPKG_COLUMNS_2021[40]).toBe('jaarstatcode');
  });

  it('reads areas with codes, names, parents and WGS84 geometry', async () => {
    const r = await readGeoPackage(fixture(FILE), { file: FILE });
    expect(r.format).toBe('geopackage');
    expect(r.areas.map((a) => [a.code, a.name, a.level, a.gemeenteCode, a.wijkCode, a.flags])).toEqual([
      ['BU02330000', 'Ermelo-Centrum', 'buurt', 'GM0233', 'WK023300', 0],
      ['BU03070000', 'Binnenstad', 'buurt', 'GM0307', 'WK030700', 0],
      ['BU03070001', 'Kruiskamp', 'buurt', 'GM0307', 'WK030700', 0],
      ['BU03070002', 'Vathorst-Noord', 'buurt', 'GM0307', 'WK030700', 4],
    ]);
    expect(r.parentNames?.get('GM0307')).toBe('Amersfoort');
    expect(r.parentNames?.get('WK030700')).toBe('Vathorst');
    // RD origin (155000, 463000) is 52.15517440 N, 5.38720621 E (Amersfoort, Onze Lieve Vrouwetoren).
    const binnenstad = r.areas[1].geometry as Polygon;
    expect(binnenstad.type).toBe('Polygon');
    const [lon, lat] = binnenstad.coordinates[0][0];
    expect(Math.abs(lon - 5.38720621)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 52.1551744)).toBeLessThan(1e-5);
    // 600 m east of the origin: about 600 / (111 320 · cos 52.155°) = 0.00878° further east, same latitude within 1e-5.
    const [lon2, lat2] = binnenstad.coordinates[0][1];
    expect(Math.abs(lon2 - lon - 0.00878)).toBeLessThan(5e-5);
    expect(Math.abs(lat2 - lat)).toBeLessThan(1e-5);
    expect(binnenstad.coordinates[0][4]).toEqual(binnenstad.coordinates[0][0]);
    // The big-endian MultiPolygon keeps its two parts and the hole.
    const kruiskamp = r.areas[2].geometry as MultiPolygon;
    expect(kruiskamp.type).toBe('MultiPolygon');
    expect(kruiskamp.coordinates.map((p) => p.length)).toEqual([2, 1]);
    expect(r.areas[3].geometry).toBeNull();
  });

  it('maps long column names to series and keeps sentinels as typed missing values', async () => {
    const r = await readGeoPackage(fixture(FILE), { file: FILE });
    expect(r.columns.map((c) => c.meta.series).sort()).toEqual([
      'aandeel_0_14', 'aandeel_65plus', 'adressendichtheid', 'bevolkingsdichtheid', 'eenpersoonshuishoudens', 'huishoudens',
      'huishoudens_met_kinderen', 'huishoudensgrootte', 'inwoners', 'jongeren_15_24', 'oppervlakte_land', 'stedelijkheid', 'verweduwd',
    ]);
    const inwoners = column(r, 'buurt', 'inwoners.2021');
    expect(inwoners.meta).toMatchObject({ year: 2021, indelingYear: 2021, unit: 'aantal', kind: 'count', sourceVariable: 'aantal_inwoners', publisher: 'CBS' });
    expect(inwoners.values.get('BU03070000')).toEqual({ value: 4215, reason: MissingReason.present });
    expect(inwoners.values.get('BU03070002')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(column(r, 'buurt', 'eenpersoonshuishoudens.2021').values.get('BU03070001')).toEqual({ value: null, reason: MissingReason.suppressed });
    expect(column(r, 'buurt', 'bevolkingsdichtheid.2021').values.get('BU03070001')).toEqual({ value: null, reason: MissingReason.pending });
    expect(column(r, 'buurt', 'adressendichtheid.2021').values.get('BU03070001')).toEqual({ value: null, reason: MissingReason.discontinued });
    expect(column(r, 'buurt', 'huishoudensgrootte.2021').values.get('BU03070000')).toEqual({ value: 1.5, reason: 0 });
    expect(column(r, 'buurt', 'huishoudens.2021').values.get('BU03070002')).toEqual({ value: 0, reason: 0 });
    for (const v of allValues(r)) expect([-99997, -99995, -99991, -99999999]).not.toContain(v);
    expect(r.columns.some((c) => /migratie|westers|marokko|suriname|turkije|antillen/.test(`${c.meta.series} ${c.meta.sourceVariable}`))).toBe(false);
    expect(r.notes).toContain(`${FILE}: laag "buurten": 7 herkomst-/migratiekolommen bewust niet ingelezen`);
  });

  it('reads only the requested gemeenten', async () => {
    const r = await readGeoPackage(fixture(FILE), { file: FILE, gemeenten: ['233'] });
    expect(r.areas.map((a) => a.code)).toEqual(['BU02330000']);
    expect(column(r, 'buurt', 'inwoners.2021').values).toEqual(new Map([['BU02330000', { value: 2100, reason: 0 }]]));
    await expect(readGeoPackage(fixture(FILE), { file: FILE, gemeenten: ['Ermelo'] })).rejects.toThrow('gemeentecode "Ermelo" is ongeldig');
  });

  it('stops on bad input with file, feature, column and expectation', async () => {
    const withText: FixtureBuurt = { ...FIXTURE_BUURTEN[0], attributes: { ...FIXTURE_BUURTEN[0].attributes, aantal_inwoners: 'abc' } };
    await expect(readGeoPackage(await buildGpkg([withText]), { file: 'wb.gpkg' }))
      .rejects.toThrow('wb.gpkg, laag "buurten", object fid 1 (BU03070000), kolom "aantal_inwoners": verwacht een getal, gevonden "abc"');
    const badCode: FixtureBuurt = { ...FIXTURE_BUURTEN[0], attributes: { ...FIXTURE_BUURTEN[0].attributes, buurtcode: 'Binnenstad' } };
    await expect(readGeoPackage(await buildGpkg([badCode]), { file: 'wb.gpkg' }))
      .rejects.toThrow('wb.gpkg, laag "buurten", object fid 1, kolom "buurtcode": verwacht een buurtcode zoals BU00140000, gevonden "Binnenstad"');
    const mercator: FixtureBuurt = { ...FIXTURE_BUURTEN[0], srsId: 3857 };
    await expect(readGeoPackage(await buildGpkg([mercator]), { file: 'wb.gpkg' }))
      .rejects.toThrow('wb.gpkg, laag "buurten", object fid 1 (BU03070000), kolom "geom": verwacht coördinaten in EPSG:28992 (RD New) of EPSG:4326, gevonden srs_id 3857');
    await expect(readGeoPackage(new TextEncoder().encode('geen sqlite'), { file: 'kapot.gpkg' })).rejects.toThrow(/^kapot\.gpkg: geen leesbare GeoPackage/);
  });
});
