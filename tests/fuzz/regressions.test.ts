/**
 * Every case issue #18 listed (found by a generated-input run at commit
 * 9d5e161) as a test: each failed before its fix. Browser-only cases
 * (storage faults in the running app) are in tests/e2e/storage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/workspace/file-format.ts';
import { createWorkspace } from '../../src/workspace/model.ts';
import { IMPORT_LIMITS, type AreaImport } from '../../src/enrichment/area-table/types.ts';
import { readCsvText } from '../../src/enrichment/read-text.ts';
import { readImportBuffer } from '../../src/enrichment/area-table/read-file.ts';
import { xlsxFromSheetXml } from '../enrichment/area-table/helpers.ts';
import { AreaMatcher, type AreaList } from '../../src/enrichment/area-table/area-keys.ts';
import { buildImport } from '../../src/enrichment/area-table/build-import.ts';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { suggestMappings } from '../../src/enrichment/area-table/suggest-mapping.ts';
import { parseHostConfig } from '../../src/hosting/host-config.ts';
import { isClearMessage } from './harness.ts';
import { checkPointFileSize, inspectPointFile, readPoints } from '../../src/enrichment/points/parse.ts';
import { POINT_LIMITS } from '../../src/enrichment/points/kind.ts';
import { PointImportError } from '../../src/enrichment/points/point-errors.ts';

const amsterdam = { kind: 'gemeente' as const, gemeenteCode: 'GM0363', areas: [{ code: 'GM0363', name: 'Amsterdam' }] };

describe('issue #18: work lost without a word', () => {
  it('a workspace export holding Amsterdam figures reads back', () => {
    const imp: AreaImport = {
      id: 'imp-a', fileName: 'amsterdam.csv', importedAt: '2026-11-26T10:00:00.000Z', datasetId: 'nl2024', level: 'buurt', keyKind: 'code', gemeenteCode: null, skippedRows: [],
      columns: [{ column: 'meldingen', target: { kind: 'series', series: 'mora_meldingen' }, year: 2024, unit: 'aantal', conversion: 'aantal uit het bestand', values: { BU0363AA01: 12, BU0363AF03: null } }],
    };
    const ws = { ...createWorkspace('Amsterdam', amsterdam, '2026-11-26T09:00:00.000Z'), imports: [imp] };
    const back = parseWorkspaceFile(serializeWorkspace(ws));
    expect(back.ok ? back.workspace.imports : back.errors).toEqual([imp]);
  });
});

describe('issue #18: crashes and freezes', () => {
  const sheet = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  const table = '<row r="1"><c r="A1" t="inlineStr"><is><t>buurtcode</t></is></c><c r="B1" t="inlineStr"><is><t>meldingen</t></is></c></row>'
    + '<row r="2"><c r="A2" t="inlineStr"><is><t>BU00140000</t></is></c><c r="B2"><v>12</v></c></row>';

  it('an .xlsx with one cell at XFD1048576 is refused before the spreadsheet library allocates it, naming the cell', async () => {
    const x = xlsxFromSheetXml(sheet(`${table}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`));
    expect(x.byteLength).toBeLessThan(2048);
    await expect(readImportBuffer(x, 'ver.xlsx')).rejects.toThrow(/ver\.xlsx: cel XFD1048576 in werkblad sheet1\.xml ligt buiten/);
  });

  it('an .xlsx whose sheet holds 5 MB of spaces reads its table instead of overflowing the stack', async () => {
    const spaces = ' '.repeat(5_000_000);
    const x = xlsxFromSheetXml(sheet(`${table}${spaces}`).replace('<t>meldingen</t>', `<t>meldingen${spaces}</t>`));
    expect(x.byteLength).toBeLessThan(20_000);
    const t = await readImportBuffer(x, 'spaties.xlsx');
    expect(t.columns).toEqual(['buurtcode', 'meldingen']);
    expect(t.rows).toEqual([['BU00140000', '12']]);
  });

  it('an .xlsx that unpacks past the limit is refused with the part named', async () => {
    const big = xlsxFromSheetXml(sheet(table + `<row r="3"><c r="A3" t="inlineStr"><is><t>${'x'.repeat(IMPORT_LIMITS.maxUnpackedBytes)}</t></is></c></row>`));
    await expect(readImportBuffer(big, 'bom.xlsx')).rejects.toThrow(/bom\.xlsx: het Excel-bestand is uitgepakt groter dan 60 MB \(bij onderdeel xl\/worksheets\/sheet1\.xml\)/);
  });

  it('a CSV with 10,000 columns is refused with the count and the limit', () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `k${i}`).join(';');
    expect(() => readCsvText(`${header}\n${'1;'.repeat(9_999)}1\n`, 'breed.csv')).toThrow('breed.csv: 10.000 kolommen; de import leest er maximaal 1.000.');
  });
});

/** 14,574 buurten as in Nederland 2024: 342 gemeenten of about 43 buurten. */
function nederlandSizedBuurten(): AreaList {
  const codes: string[] = [];
  const gemeenteCodes: string[] = [];
  for (let i = 0; codes.length < 14_574; i++) {
    const gm = String(1 + Math.floor(i / 43)).padStart(4, '0');
    codes.push(`BU${gm}${String(i % 43).padStart(4, '0')}`);
    gemeenteCodes.push(`GM${gm}`);
  }
  return { level: 'buurt', codes, names: codes.map((c) => `Buurt ${c}`), gemeenteCodes };
}

describe('issue #18: 100,000 unknown codes', () => {
  it('the import check finishes (typo hints bucketed by gemeente and capped) and still names every row', () => {
    const areas = nederlandSizedBuurten();
    // Unknown codes one character away from real ones: each used to scan all 14,574 codes.
    const lines = Array.from({ length: 100_000 }, (_, i) => { const c = areas.codes[i % areas.codes.length]; return `${c.slice(0, 6)}9${c.slice(7)};${i}`; });
    const raw = readCsvText(`buurtcode;meldingen\n${lines.join('\n')}\n`, 'onbekend.csv');
    expect(raw.rows).toHaveLength(100_000);
    const mappings = suggestMappings(raw.columns, raw.rows.slice(0, 200), 0, KOMPAS_MODEL, raw.fileName, 2025);
    mappings[1] = { ...mappings[1], target: { kind: 'nieuw', label: 'Meldingen', category: 'F1', direction: 1 }, measure: 'waarde', year: 2024 };
    const r = buildImport(raw, areas, { inwoners: null, huishoudens: null, woningvoorraad: null }, {
      datasetId: 'nl2024', level: 'buurt', keyColumn: 0, keyKind: 'code', gemeenteCode: null, mappings, skipped: new Set(),
    });
    expect(r.issues).toHaveLength(100_000);
    expect(r.issues[0]).toMatchObject({ line: 2, kind: 'onbekend', message: 'BU00019000 bestaat niet in deze indeling (bedoelt u BU00010000 Buurt BU00010000?)' });
    expect(r.issues[99_999].message).toMatch(/bestaat niet in deze indeling$/);
    expect(r.result).toBeNull();
  }, 20_000);

  it('Amsterdam codes are matched by the area import', () => {
    const areas: AreaList = { level: 'buurt', codes: ['BU0363AA01', 'BU0363AA02'], names: ['Kop Zeedijk', 'Oude Kerk e.o.'], gemeenteCodes: ['GM0363', 'GM0363'] };
    const m = new AreaMatcher(areas, 'code', null);
    expect(m.match(' bu0363aa02 ')).toEqual({ ok: true, index: 1 });
    const typo = m.match('BU0363AA03');
    expect(typo.ok ? typo : typo.detail).toBe('BU0363AA03 bestaat niet in deze indeling');
  });
});

describe('issue #18: point files', () => {
  const problemsOf = (fn: () => unknown): string[] => {
    try { fn(); } catch (e) { if (e instanceof PointImportError) return e.problems; throw e; }
    return [];
  };

  it('lat,lon with decimal commas is refused with the line and the likely cause, not read 85 km off', () => {
    const text = 'lat,lon\n52,4,5,1\n';
    expect(problemsOf(() => readPoints(text, 'komma.csv', { xColumn: 'lon', yColumn: 'lat', crs: 'wgs84' }))).toEqual([
      "regel 2: 4 cellen, maar de kopregel heeft er 2. Staan er decimale komma's in een bestand met de komma als scheidingsteken? Gebruik dan ; als scheidingsteken of een punt als decimaalteken.",
    ]);
  });

  it('a point file past the size or row limit is refused before it is parsed', () => {
    expect(problemsOf(() => checkPointFileSize('groot.csv', POINT_LIMITS.maxFileBytes + 1))[0]).toMatch(/^groot\.csv: het bestand is 50\.0 MB; maximaal 50 MB/);
    const rows = 'x;y\n' + '155000;463000\n'.repeat(POINT_LIMITS.maxRows + 1);
    expect(problemsOf(() => inspectPointFile(rows, 'veel.csv'))).toEqual(['veel.csv: 1.000.001 regels; maximaal 1.000.000. Splits het bestand.']);
  });
});

describe('issue #18: accepted silently wrong', () => {
  it('1e999 in a count is refused with line and column instead of becoming "missing"', () => {
    const areas: AreaList = { level: 'buurt', codes: ['BU00140000', 'BU00140001'], names: ['A', 'B'], gemeenteCodes: ['GM0014', 'GM0014'] };
    const raw = readCsvText('buurtcode;aantal\nBU00140000;1e999\nBU00140001;3\n', 'groot.csv');
    const mappings = suggestMappings(raw.columns, raw.rows, 0, KOMPAS_MODEL, raw.fileName, 2025);
    mappings[1] = { ...mappings[1], target: { kind: 'nieuw', label: 'Aantal', category: 'F1', direction: 1 }, measure: 'waarde', year: 2024 };
    const r = buildImport(raw, areas, { inwoners: null, huishoudens: null, woningvoorraad: null }, {
      datasetId: 'nl2024', level: 'buurt', keyColumn: 0, keyKind: 'code', gemeenteCode: null, mappings, skipped: new Set(),
    });
    expect(r.issues).toEqual([{ kind: 'ongeldig', line: 2, column: 'aantal', value: '1e999', message: 'het getal is te groot om te gebruiken' }]);
    expect(r.result).toBeNull();
  });
});

describe('found by the data-files family (tests/fuzz/families/data-files.ts, seed 20261204)', () => {
  it('config.json with a key named "constructor" or "toString" is named as unknown instead of throwing', () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      const { config, problems } = parseHostConfig(`{"${key}": {"x": 1}, "defaultDataset": "nl2024"}`);
      expect(config).toEqual({ defaultDataset: 'nl2024' });
      expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(new RegExp(`^config\\.json: onbekende sleutel "${key}" wordt genegeerd`))]);
    }
  });

  it('a binary or cut-off config.json is explained in Dutch, without the engine’s English parser text', () => {
    expect(parseHostConfig('\u0000\u0002\u0003\uFFFD').problems[0].message).toBe('config.json is geen geldige JSON: het bestand is geen tekstbestand (binaire inhoud); de app gebruikt de standaardinstellingen.');
    const cut = parseHostConfig('{"defaultDataset": "nl20').problems[0].message;
    expect(cut).toMatch(/^config\.json is geen geldige JSON: het houdt halverwege op/);
    expect(isClearMessage(cut)).toBe(true);
  });
});
