import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/enrichment/read-text.ts';
import { readImportBuffer } from '../../../src/enrichment/area-table/read-file.ts';
import { buildImport, denominatorsOf, type BuildSettings } from '../../../src/enrichment/area-table/build-import.ts';
import { detectKey, normaliseCode, AreaMatcher } from '../../../src/enrichment/area-table/area-keys.ts';
import { suggestMappings } from '../../../src/enrichment/area-table/suggest-mapping.ts';
import { KOMPAS_MODEL } from '../../../src/model/kompas/definition.ts';
import { importYearProblem, type ColumnMapping } from '../../../src/enrichment/area-table/types.ts';
import { buurtTable, makeXlsx } from './helpers.ts';
import { makeTable } from '../../model/helpers/synthetic-table.ts';

const table = buurtTable();
const dens = denominatorsOf(table);
const read = (name: string) => readCsvText(readFileSync(`tests/fixtures/import/${name}`, 'utf8'), name);
const NOW = new Date('2026-11-26T10:00:00Z');

describe('area keys', () => {
  it('normalises the code forms exports use', () => {
    expect(normaliseCode('  BU00140000  ', 'buurt')).toBe('BU00140000');
    expect(normaliseCode('BU 0014 0001', 'buurt')).toBe('BU00140001');
    expect(normaliseCode('bu00140001', 'buurt')).toBe('BU00140001');
    expect(normaliseCode('140001', 'buurt')).toBe('BU00140001');
    expect(normaliseCode('1401', 'wijk')).toBe('WK001401');
    expect(normaliseCode('14', 'gemeente')).toBe('GM0014');
    expect(normaliseCode('Binnenstad', 'buurt')).toBeNull();
  });

  it('names match within the chosen gemeente; the same name elsewhere is ambiguous without one', () => {
    const inGroningen = new AreaMatcher(table, 'naam', 'GM0014');
    expect(inGroningen.match('centrum')).toEqual({ ok: true, index: 6 });
    expect(inGroningen.match('Binnenstad Zuid')).toEqual({ ok: true, index: 1 });
    const anywhere = new AreaMatcher(table, 'naam', null);
    const hit = anywhere.match('Centrum');
    expect(hit.ok).toBe(false);
    if (!hit.ok) expect(hit.reason).toBe('dubbelzinnig');
    // Two buurten called Centrum inside Almere stay ambiguous even with the gemeente.
    const almere = new AreaMatcher(table, 'naam', 'GM0034');
    const a = almere.match('Centrum');
    expect(a.ok ? a : a.detail).toBe('"Centrum" past bij 2 gebieden in deze gemeente (BU00340001, BU00340003)');
  });

  it('detects the code column and the level', () => {
    const t = read('mora-swing.csv');
    expect(detectKey(t.columns, t.rows)).toEqual({ column: 0, keyKind: 'code', level: 'buurt' });
    const n = read('names-statline.csv');
    expect(detectKey(n.columns, n.rows)).toEqual({ column: 0, keyKind: 'naam', level: 'buurt' });
  });
});

describe('typo hints stay inside the file\'s gemeente', () => {
  it('an Almere file is never told it meant a Groningen buurt, and a typo in the gemeente digits still finds the Almere buurt', () => {
    const m = new AreaMatcher(table, 'code', null);
    m.learnFileGemeenten(['BU00340001', 'BU00340003', 'BU00140012', 'BU00440002']);
    // One digit from Binnenstad-Oost (BU00140002, Groningen), but the file is about Almere: no hint.
    const a = m.match('BU00140012');
    expect(a.ok ? a : a.detail).toBe('BU00140012 bestaat niet in deze indeling');
    const b = m.match('BU00440002');
    expect(b.ok ? b : b.detail).toBe('BU00440002 bestaat niet in deze indeling (bedoelt u BU00340002 Stedenwijk?)');
  });
});

describe('reading real exports for the area import', () => {
  it('a "Bron:" footer with an unquoted ; is skipped and reported, not a failure of the whole file', () => {
    const t = readCsvText('buurtcode;MORA-meldingen 2024\nBU00140000;12\nBU00140001;7\nBron: gemeente Groningen; bewerking O&S\n', 'mora.csv');
    expect(t.rows).toEqual([['BU00140000', '12'], ['BU00140001', '7']]);
    expect(t.skippedLines).toEqual([{ line: 4, kind: 'bron', message: 'bronvermelding onder de tabel overgeslagen (“Bron: gemeente Groningen; bewerking O&S”), met alles daarna' }]);
  });

  it('a row of a gemeente whose name starts with "Bron" (Bronckhorst) is data, not a footer', () => {
    const t = readCsvText('gemeente;aantal\nBronckhorst;12\nBrummen;3\n', 'g.csv');
    expect(t.rows.map((r) => r[0])).toEqual(['Bronckhorst', 'Brummen']);
  });

  it('Amsterdam\'s alphanumeric codes (BU0363AA01) are read and matched', () => {
    const amsterdam = makeTable({ level: 'buurt', codes: ['BU0363AA01', 'BU0363AA02'], names: ['Kop Zeedijk', 'Oude Kerk e.o.'], gemeenteCodes: ['GM0363', 'GM0363'], columns: [] });
    const t = readCsvText('Buurtcode;MORA-meldingen 2024\nBU0363AA01;40\nbu 0363 aa02;12\n', 'amsterdam.csv');
    expect(detectKey(t.columns, t.rows)).toEqual({ column: 0, keyKind: 'code', level: 'buurt' });
    const m = new AreaMatcher(amsterdam, 'code', null);
    expect(t.rows.map((r) => m.match(r[0]))).toEqual([{ ok: true, index: 0 }, { ok: true, index: 1 }]);
  });
});

describe('suggested mappings', () => {
  it('proposes a factor only when the name clearly names one: "Hangplekken (schouw)" is not pre-mapped to sight lines', () => {
    const t = readCsvText('code;Hangplekken (schouw);Jeugdoverlast;Schouw zichtlijnen\nBU00140000;3;4;2\n', 'schouw-2024.csv');
    const m = suggestMappings(t.columns, t.rows, 0, KOMPAS_MODEL, t.fileName, 2025);
    const target = (k: number) => (m[k].target?.kind === 'series' ? m[k].target.series : null);
    // Two different words (hangplek, schouw) each name a series: the user chooses.
    expect(target(1)).toBeNull();
    // "overlast" inside "jeugdoverlast" gives way to the more specific rule.
    expect(target(2)).toBe('overlast_jeugd');
    expect(target(3)).toBe('cpted_schouw');
  });

  it('recognises MORA, cohesion, verhuizingen and overlastdossiers with year, count or rate', () => {
    const t = read('mora-swing.csv');
    const m = suggestMappings(t.columns, t.rows, 0, KOMPAS_MODEL, t.fileName, 2025);
    expect(m.map((x) => x.target)).toEqual([null, null, { kind: 'series', series: 'mora_meldingen' }, null, { kind: 'series', series: 'cohesie_enquete' }]);
    expect(m[2]).toMatchObject({ year: 2024, measure: 'aantal' });
    // The rate column would fill the same series and year: left for the user.
    expect(m[3]).toMatchObject({ measure: 'per', per: 1000, denominator: 'inwoners' });
    expect(m[4]).toMatchObject({ year: 2023, measure: 'waarde', unit: 'schaal 0–10' });
    const n = read('names-statline.csv');
    const mn = suggestMappings(n.columns, n.rows, 0, KOMPAS_MODEL, 'buurten-2024.csv', 2025);
    expect(mn.map((x) => x.target && x.target.kind === 'series' ? x.target.series : null)).toEqual([null, 'verhuizingen', 'overlastdossiers']);
    expect(mn[1].year).toBe(2024);
  });
});

function settingsFor(mappings: ColumnMapping[], extra: Partial<BuildSettings> = {}): BuildSettings {
  return { datasetId: 'synthetic', level: 'buurt', keyColumn: 0, keyKind: 'code', gemeenteCode: null, mappings, skipped: new Set(), ...extra };
}

describe('validating and converting (Swing export with a duplicate and a typo)', () => {
  const t = read('mora-swing.csv');
  const mappings = suggestMappings(t.columns, t.rows, 0, KOMPAS_MODEL, t.fileName, 2025);

  it('names every problem by row, column and value; nothing is produced', () => {
    const r = buildImport(t, table, dens, settingsFor(mappings), NOW);
    expect(r.mappingErrors).toEqual([]);
    expect(r.issues.map(({ kind, line, column, value }) => ({ kind, line, column, value }))).toEqual([
      { kind: 'dubbel', line: 6, column: 'Gebiedcode', value: 'BU00140002' },
      { kind: 'onbekend', line: 7, column: 'Gebiedcode', value: 'BU00140112' },
    ]);
    expect(r.issues[0].message).toBe('BU00140002 Binnenstad-Oost staat ook op regel 4: laat één van beide regels weg');
    expect(r.issues[1].message).toBe('BU00140112 bestaat niet in deze indeling (bedoelt u BU00140102 Herewegwijk?)');
    expect(r.result).toBeNull();
  });

  it('after skipping the two rows: exact values, "." and empty as missing, thousands point', () => {
    const r = buildImport(t, table, dens, settingsFor(mappings, { skipped: new Set([6, 7]) }), NOW);
    expect(r.issues).toEqual([]);
    expect(r.matchedRows).toBe(5);
    const imp = r.result!;
    expect(imp).toMatchObject({ fileName: 'mora-swing.csv', level: 'buurt', keyKind: 'code', skippedRows: [6, 7], importedAt: '2026-11-26T10:00:00.000Z' });
    expect(imp.columns.map((c) => [c.column, c.year, c.unit])).toEqual([['MORA-meldingen 2024', 2024, 'aantal'], ['Cohesie (0-10) 2023', 2023, 'schaal 0–10']]);
    expect(imp.columns[0].values).toEqual({ BU00140000: 312, BU00140001: 1204, BU00140002: null, BU00140101: 87, BU00140102: 40 });
    expect(imp.columns[1].values).toEqual({ BU00140000: 6.1, BU00140001: 5.4, BU00140002: 6.8, BU00140101: 7.2, BU00140102: 7 });
    expect(r.summaries[0]).toMatchObject({ values: 4, missing: 1, min: 40, max: 1204, median: 199.5 });
  });

  it('a rate per 1.000 inwoners becomes a count with the dataset\'s inwoners', () => {
    const m = mappings.map((x, k) => (k === 2 ? { ...x, target: null } : k === 3 ? { ...x, target: { kind: 'series' as const, series: 'mora_meldingen' } } : x));
    const r = buildImport(t, table, dens, settingsFor(m, { skipped: new Set([6, 7]) }), NOW);
    const v = r.result!.columns[0].values;
    expect(v.BU00140000).toBeCloseTo(65.8 * 4.745, 9);
    expect(v.BU00140101).toBeCloseTo(29 * 3, 9);
    expect(r.result!.columns[0].conversion).toBe('per 1.000 inwoners uit het bestand × inwoners ÷ 1.000 = aantal');
  });

  it('mapping errors block: the same series twice, a count read as a plain value', () => {
    const twice = mappings.map((x, k) => (k === 3 ? { ...x, target: { kind: 'series' as const, series: 'mora_meldingen' } } : x));
    const r = buildImport(t, table, dens, settingsFor(twice, { skipped: new Set([6, 7]) }), NOW);
    expect(r.mappingErrors).toEqual(['Kolom "Meldingen per 1.000 inwoners 2024" en kolom "MORA-meldingen 2024" vullen allebei Meldingen openbare ruimte 2024: kies er één.']);
    expect(r.result).toBeNull();
    const asValue = mappings.map((x, k) => (k === 2 ? { ...x, measure: 'waarde' as const } : x));
    expect(buildImport(t, table, dens, settingsFor(asValue, { skipped: new Set([6, 7]) }), NOW).mappingErrors)
      .toEqual(['Kolom "MORA-meldingen 2024": "Meldingen openbare ruimte" is een aantal: kies "aantal" of "per … inwoners".']);
  });
});

describe('names instead of codes (StatLine-like, gemeente chosen)', () => {
  const t = read('names-statline.csv');
  const mappings = suggestMappings(t.columns, t.rows, 0, KOMPAS_MODEL, 'buurten-2024.csv', 2025);

  it('without a gemeente, Centrum is ambiguous; a typo and text in a number column are named', () => {
    const r = buildImport(t, table, dens, settingsFor(mappings, { keyKind: 'naam' }), NOW);
    expect(r.issues.map((i) => `${i.line}|${i.kind}|${i.column}|${i.value}`)).toEqual([
      '5|dubbelzinnig|Buurt|Centrum',
      '6|onbekend|Buurt|Binnestad-West',
      '7|tekst|Woonoverlastdossiers|veel',
    ]);
    expect(r.result).toBeNull();
  });

  it('with gemeente Groningen and the two bad rows skipped, every name matches', () => {
    const r = buildImport(t, table, dens, settingsFor(mappings, { keyKind: 'naam', gemeenteCode: 'GM0014', skipped: new Set([6, 7]) }), NOW);
    expect(r.issues).toEqual([]);
    expect(r.result!.gemeenteCode).toBe('GM0014');
    expect(r.result!.columns[0].values).toEqual({ BU00140000: 812, BU00140001: 1040, BU00140105: 95 });
    expect(r.result!.columns[1].values).toEqual({ BU00140000: 12, BU00140001: 21, BU00140105: 3 });
  });
});

describe('a new local indicator', () => {
  it('a count becomes a rate per 1.000 of the chosen denominator, with the label given', () => {
    const t = readCsvText('code;Hangplekmeldingen\nBU00140000;10\nBU00140001;0\nBU00140106;2\n', 'hang.csv');
    const mappings: ColumnMapping[] = [
      { column: 'code', target: null, year: 2024, unit: '', measure: 'waarde', denominator: 'inwoners', per: 1000 },
      { column: 'Hangplekmeldingen', target: { kind: 'nieuw', label: 'Hangplekmeldingen', category: 'S3', direction: 1 }, year: 2024, unit: '', measure: 'aantal', denominator: 'huishoudens', per: 1000 },
    ];
    const r = buildImport(t, table, dens, settingsFor(mappings), NOW);
    expect(r.result!.columns[0].unit).toBe('per 1.000 huishoudens');
    expect(r.result!.columns[0].values.BU00140000).toBeCloseTo((10 * 1000) / 2373, 9);
    expect(r.result!.columns[0].values.BU00140001).toBe(0);
    expect(r.result!.columns[0].values.BU00140106).toBe(400);
  });

  it('herkomst and personal data are refused', () => {
    const t = readCsvText('code;Migratieachtergrond %;Postcode\nBU00140000;10;9711\n', 'x.csv');
    const base = { year: 2024, unit: '', measure: 'waarde' as const, denominator: 'inwoners' as const, per: 1000 };
    const mappings: ColumnMapping[] = [
      { ...base, column: 'code', target: null },
      { ...base, column: 'Migratieachtergrond %', target: { kind: 'nieuw', label: 'Migratieachtergrond', category: 'I1', direction: 1 } },
      { ...base, column: 'Postcode', target: { kind: 'nieuw', label: 'Postcode', category: 'I1', direction: 1 } },
    ];
    const r = buildImport(t, table, dens, settingsFor(mappings), NOW);
    expect(r.mappingErrors).toEqual([
      'Kolom "Migratieachtergrond %": cijfers over herkomst of migratieachtergrond worden niet gebruikt in het kompas.',
      'Kolom "Postcode" lijkt persoonsgegevens te bevatten en wordt niet geïmporteerd: alleen cijfers per gebied.',
    ]);
    expect(r.result).toBeNull();
  });
});

describe('an Excel export', () => {
  it('codes without leading zeros (as Excel stores them) and decimal numbers match and convert', async () => {
    const x = makeXlsx([['Buurtcode', 'Buurt', 'Verhuizingen 2024', 'Cohesie 2024'], [140000, 'Binnenstad-Noord', 812, 6.25], [140101, 'Oosterpoort', 410, 7]]);
    const t = await readImportBuffer(x, 'brp.xlsx');
    const key = detectKey(t.columns, t.rows);
    expect(key).toEqual({ column: 0, keyKind: 'code', level: 'buurt' });
    const mappings = suggestMappings(t.columns, t.rows, key.column, KOMPAS_MODEL, t.fileName, 2025);
    const r = buildImport(t, table, dens, settingsFor(mappings), NOW);
    expect(r.issues).toEqual([]);
    expect(r.result!.columns.map((c) => [c.target, c.values])).toEqual([
      [{ kind: 'series', series: 'verhuizingen' }, { BU00140000: 812, BU00140101: 410 }],
      [{ kind: 'series', series: 'cohesie_enquete' }, { BU00140000: 6.25, BU00140101: 7 }],
    ]);
  });
});

describe('numbers as Dutch exports write them', () => {
  const imported = (t: ReturnType<typeof readCsvText>) => {
    const m = suggestMappings(t.columns, t.rows, 0, KOMPAS_MODEL, t.fileName, 2025);
    return buildImport(t, table, dens, settingsFor(m), NOW);
  };

  it('a thousands point in a tab-separated export of Dutch Excel is a thousands point', () => {
    const r = imported(readCsvText('Buurtcode\tMORA-meldingen 2024\nBU00140000\t1.234\nBU00140001\t87\n', 'mora.txt'));
    expect(r.result!.columns[0].values).toEqual({ BU00140000: 1234, BU00140001: 87 });
    // Decimals with a point in the same file still say "decimal point".
    const p = imported(readCsvText('Buurtcode\tCohesie 2024\nBU00140000\t6.25\nBU00140001\t7.5\n', 'cohesie.txt'));
    expect(p.result!.columns[0].values).toEqual({ BU00140000: 6.25, BU00140001: 7.5 });
  });

  it('a percentage written with % (with or without a space) is offered for mapping and imported as its number', () => {
    const t = readCsvText('Buurtcode;Leegstand 2024\nBU00140000;12,5 %\nBU00140001;12,5%\nBU00140002;.\n', 'leegstand.csv');
    const m = suggestMappings(t.columns, t.rows, 0, KOMPAS_MODEL, t.fileName, 2025);
    expect(m[1].target).toEqual({ kind: 'series', series: 'leegstand' });
    const r = buildImport(t, table, dens, settingsFor(m), NOW);
    expect(r.issues).toEqual([]);
    expect(r.result!.columns[0].values).toEqual({ BU00140000: 12.5, BU00140001: 12.5, BU00140002: null });
  });

  it('rows of only separators do not block the import', () => {
    const r = imported(readCsvText('Buurtcode;MORA-meldingen 2024\nBU00140000;12\n;\nBU00140001;7\n;\n', 'mora.csv'));
    expect(r.issues).toEqual([]);
    expect(r.result!.columns[0].values).toEqual({ BU00140000: 12, BU00140001: 7 });
  });
});

describe('codes that lost their leading zero in Excel', () => {
  const utrecht = (level: 'gemeente' | 'wijk' | 'buurt', code: string) => makeTable({ level, codes: [code], names: ['Utrecht-gebied'], gemeenteCodes: ['GM0344'], columns: [] });

  it('3440101, 34401 and 344 in a code column are found as BU03440101, WK034401 and GM0344 and their figures imported', () => {
    for (const [header, value, level, code] of [
      ['Buurtcode', '3440101', 'buurt', 'BU03440101'], ['Code', '3440101', 'buurt', 'BU03440101'],
      ['Wijkcode', '34401', 'wijk', 'WK034401'], ['Gemeentecode', '344', 'gemeente', 'GM0344'],
    ] as const) {
      const t = readCsvText(`${header};Naam;Hangplekken\n${value};Utrecht-gebied;4\n`, 'utrecht.csv');
      const key = detectKey(t.columns, t.rows);
      expect(key).toEqual({ column: 0, keyKind: 'code', level });
      const mappings: ColumnMapping[] = t.columns.map((column, k) => ({
        column, target: k === 2 ? { kind: 'nieuw', label: 'Hangplekken', category: 'S3', direction: 1 } : null,
        year: 2024, unit: '', measure: 'waarde', denominator: 'inwoners', per: 1000,
      }));
      const r = buildImport(t, utrecht(level, code), denominatorsOf(utrecht(level, code)), settingsFor(mappings, { level, keyKind: key.keyKind }), NOW);
      expect(r.issues).toEqual([]);
      expect(r.result!.columns[0].values).toEqual({ [code]: 4 });
    }
  });

  it('small counts in a column named after an area are no codes: the name column stays the key', () => {
    const t = readCsvText('Buurtnaam;Buurtpreventie-groepen;Wijkagent uren\nCentrum;3;12\nOost;12;8\n', 'preventie.csv');
    expect(detectKey(t.columns, t.rows)).toEqual({ column: 0, keyKind: 'naam', level: 'buurt' });
  });
});

describe('the year of imported figures (area tables and points)', () => {
  it('takes 1990 up to next year, and names what it refuses', () => {
    for (const year of [1990, 2024, 2027]) expect(importYearProblem(year, 2026)).toBeNull();
    expect(importYearProblem(1989, 2026)).toBe('jaar 1989 is ongeldig (1990–2027)');
    expect(importYearProblem(2028, 2026)).toBe('jaar 2028 is ongeldig (1990–2027)');
    expect(importYearProblem(2024.5, 2026)).toBe('jaar 2024.5 is ongeldig (1990–2027)');
    // A cleared number field gives null (Svelte) or NaN.
    for (const empty of [null, undefined, Number.NaN, '']) expect(importYearProblem(empty, 2026)).toBe('geen jaar ingevuld (1990–2027)');
  });
});
