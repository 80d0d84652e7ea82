import { describe, expect, it } from 'vitest';
import { parsePeriod, readCrimeTable, soortCode } from '../../../scripts/readers/politie-misdrijven.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { column, fixtureText } from './helpers.ts';

const HEADER = '"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"';

describe('period and SoortMisdrijf codes', () => {
  it('recognises years and months by their code, not by sort order', () => {
    expect(parsePeriod('2023JJ00')).toEqual({ year: 2023, month: null });
    expect(parsePeriod('2023MM04')).toEqual({ year: 2023, month: 4 });
    expect(parsePeriod('2023 april')).toEqual({ year: 2023, month: 4 });
    expect(parsePeriod('2023KW02')).toBeNull();
    expect(parsePeriod('2023MM13')).toBeNull();
    // Sorted as strings, the year code lies between the months — which is why ranges are never used.
    expect(['2023MM12', '2023JJ00', '2023MM01'].sort()).toEqual(['2023JJ00', '2023MM01', '2023MM12']);
  });

  it('trims the trailing space of keys and reads labelled titles', () => {
    expect(soortCode('1.1.1 ')).toBe('1.1.1');
    expect(soortCode('2.6.10')).toBe('2.6.10');
    expect(soortCode('0.0.0 ')).toBe('0.0.0');
    expect(soortCode('Totaal misdrijven')).toBe('0.0.0');
    expect(soortCode('1.2.3 Diefstal van brom-, snor-, fietsen')).toBe('1.2.3');
    expect(soortCode('Diefstal')).toBeNull();
  });
});

describe('readCrimeTable: 47018NED jaarcijfers', () => {
  const file = 'politie-47018NED-groningen.csv';

  it('gives counts per area, SoortMisdrijf and year', () => {
    const r = readCrimeTable(fixtureText(file), { file, indelingYear: 2024 });
    expect(r.table).toBe('47018NED');
    expect(r.soorten).toEqual(['0.0.0', '1.1.1', '1.2.3', '2.6.10']);
    expect(r.incompleteYears).toEqual([]);
    expect(r.areas.map((a) => a.code).sort()).toEqual(['BU00140000', 'BU00140001', 'GM0014', 'WK001400']);
    const totaal = column(r, 'buurt', 'misdrijven_totaal.2022');
    expect(totaal.values).toEqual(new Map([['BU00140000', { value: 1123, reason: 0 }], ['BU00140001', { value: 1210, reason: 0 }]]));
    expect(totaal.meta).toMatchObject({ series: 'misdrijven_totaal', year: 2022, indelingYear: 2024, kind: 'count', unit: 'aantal', publisher: 'Politie, CBS', sourceVariable: 'GeregistreerdeMisdrijven_1 (SoortMisdrijf 0.0.0)' });
    expect(totaal.meta.note).toMatch(/ook verkeer, fraude en cybercrime/);
    expect(column(r, 'buurt', 'misdrijven_totaal.2023').values.get('BU00140001')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(column(r, 'gemeente', 'misdrijven_totaal.2023').values.get('GM0014')).toEqual({ value: 15870, reason: 0 });
    expect(column(r, 'wijk', 'misdrijven_totaal.2022').values.get('WK001400')).toEqual({ value: 2611, reason: 0 });
    const woning = column(r, 'buurt', 'misdrijven_1_1_1.2023');
    expect(woning.meta.label).toBe('Geregistreerde misdrijven: Diefstal/inbraak woning');
    expect(woning.values.get('BU00140001')).toEqual({ value: 0, reason: 0 });
    expect(column(r, 'buurt', 'misdrijven_2_6_10.2023').values.get('BU00140000')).toEqual({ value: 1, reason: 0 });
    expect(r.notes).toContain('politie-47018NED-groningen.csv: 2 regels voor Nederland/provincie overgeslagen');
  });

  it('filters on gemeente and SoortMisdrijf, and states the assumed indeling', () => {
    const r = readCrimeTable(fixtureText(file), { file, soorten: ['1.2.3'], gemeenten: ['GM0014'] });
    expect(r.columns.map((c) => `${c.level}/${c.meta.id}`)).toEqual(['buurt/misdrijven_1_2_3.2022', 'buurt/misdrijven_1_2_3.2023']);
    expect(r.columns[0].meta.indelingYear).toBe(2023);
    expect(r.notes[0]).toMatch(/indeling aangenomen als 2023/);
    expect(() => readCrimeTable(fixtureText(file), { file, gemeenten: ['GM0363'] })).toThrow('politie-47018NED-groningen.csv: geen regels voor GM0363');
  });
});

describe('readCrimeTable: 47022NED maandcijfers', () => {
  const file = 'politie-47022NED-groningen.csv';

  it('sums complete years only and marks areas with a missing month incomplete', () => {
    const r = readCrimeTable(fixtureText(file), { file, indelingYear: 2024 });
    expect(r.table).toBe('47022NED');
    expect(r.columns.map((c) => `${c.level}/${c.meta.id}`)).toEqual(['buurt/misdrijven_totaal.2024', 'wijk/misdrijven_totaal.2024']);
    const buurt = column(r, 'buurt', 'misdrijven_totaal.2024');
    expect(buurt.values.get('BU00140000')).toEqual({ value: 186, reason: 0 }); // 10 + 11 + … + 21
    expect(buurt.values.get('BU00140001')).toEqual({ value: null, reason: MissingReason.incomplete }); // no July row
    expect(column(r, 'wijk', 'misdrijven_totaal.2024').values.get('WK001400')).toEqual({ value: 1200, reason: 0 });
    expect(r.incompleteYears).toEqual([{ year: 2025, months: [1, 2, 3] }]);
    expect(r.notes).toContain('politie-47022NED-groningen.csv: 2025 is onvolledig (jan–mrt 2025); niet opgeteld tot een jaarcijfer');
    expect(buurt.meta.source).toBe('Politie/CBS 47022NED (geregistreerde misdrijven; soort misdrijf, wijk, buurt, maandcijfers)');
  });

  it('can keep an incomplete year with its period in the metadata', () => {
    const r = readCrimeTable(fixtureText(file), { file, partialYears: 'emit' });
    const partial = column(r, 'buurt', 'misdrijven_totaal.2025');
    expect(partial.meta.period).toBe('jan–mrt 2025');
    expect(partial.values.get('BU00140000')).toEqual({ value: 24, reason: 0 });
    expect(column(r, 'wijk', 'misdrijven_totaal.2025').values.get('WK001400')).toEqual({ value: null, reason: MissingReason.incomplete }); // February is "."
    expect(column(r, 'buurt', 'misdrijven_totaal.2024').meta.period).toBeUndefined();
  });

  it('prefers a year code over months of the same year', () => {
    const months = Array.from({ length: 12 }, (_, i) => `"${i}";"0.0.0 ";"BU00140000";"2024MM${String(i + 1).padStart(2, '0')}";"1"`);
    const text = [HEADER, ...months.slice(0, 6), '"99";"0.0.0 ";"BU00140000";"2024JJ00";"   50"', ...months.slice(6)].join('\r\n');
    const r = readCrimeTable(text, { file: 'mix.csv' });
    expect(column(r, 'buurt', 'misdrijven_totaal.2024').values.get('BU00140000')).toEqual({ value: 50, reason: 0 });
    expect(r.notes).toContain('mix.csv: 2024 heeft een jaarcijfer (JJ00); de maandcijfers van dat jaar zijn niet opgeteld');
  });
});

describe('readCrimeTable: bad input', () => {
  it('names file, line, column and expectation', () => {
    const row = (value: string, period = '2023JJ00', soort = '0.0.0 ', code = 'BU00140000') => `"1";"${soort}";"${code}";"${period}";"${value}"`;
    expect(() => readCrimeTable([HEADER, row('5'), row('abc', '2022JJ00')].join('\n'), { file: 'm.csv' }))
      .toThrow('m.csv, regel 3, kolom "GeregistreerdeMisdrijven_1": verwacht een getal, gevonden "abc"');
    expect(() => readCrimeTable([HEADER, row('-3')].join('\n'), { file: 'm.csv' }))
      .toThrow('m.csv, regel 2, kolom "GeregistreerdeMisdrijven_1": verwacht een aantal (geheel getal ≥ 0), gevonden "-3"');
    expect(() => readCrimeTable([HEADER, row('5', '2023-04')].join('\n'), { file: 'm.csv' }))
      .toThrow('m.csv, regel 2, kolom "Perioden": verwacht een periode zoals 2023JJ00 (jaar) of 2023MM04 (maand), gevonden "2023-04"');
    expect(() => readCrimeTable([HEADER, row('5', '2023JJ00', 'Inbraak')].join('\n'), { file: 'm.csv' }))
      .toThrow('m.csv, regel 2, kolom "SoortMisdrijf": verwacht een SoortMisdrijf-code zoals "1.1.1 " of "0.0.0 ", gevonden "Inbraak"');
    expect(() => readCrimeTable([HEADER, row('5'), row('6')].join('\n'), { file: 'm.csv' }))
      .toThrow('m.csv, regel 3, kolom "Perioden": verwacht één regel per gebied, soort en jaar (BU00140000, 0.0.0, 2023 komt twee keer voor)');
  });

  it('explains that a names-only export (real 47018NED labelled download) cannot be joined', () => {
    const file = 'politie-47018-labels-amsterdam.csv';
    expect(() => readCrimeTable(fixtureText(file), { file })).toThrow(/^politie-47018-labels-amsterdam\.csv: geen kolom SoortMisdrijf gevonden/);
  });
});
