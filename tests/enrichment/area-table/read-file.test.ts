import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, readCsvText } from '../../../src/enrichment/read-text.ts';
import { readImportBuffer } from '../../../src/enrichment/area-table/read-file.ts';
import { makeXlsx, xlsxFromSheetXml } from './helpers.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);
const buf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('reading import files', () => {
  it('Swing-like CSV: BOM, semicolons, decimal commas, footer left out', async () => {
    const t = await readImportBuffer(buf(fixture('mora-swing.csv')), 'mora-swing.csv');
    expect(t.columns).toEqual(['Gebiedcode', 'Gebiednaam', 'MORA-meldingen 2024', 'Meldingen per 1.000 inwoners 2024', 'Cohesie (0-10) 2023']);
    expect(t.rows).toHaveLength(7);
    expect(t.lineNumbers).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(t.rows[0][0]).toBe('  BU00140000  ');
    expect(t.decimalComma).toBe(true);
  });

  it('StatLine-like CSV: title line above the header, comma separator', () => {
    const t = readCsvText(fixture('names-statline.csv').toString('utf8'), 'names-statline.csv');
    expect(t.columns).toEqual(['Buurt', 'Verhuizingen (in + uit)', 'Woonoverlastdossiers']);
    expect(t.lineNumbers[0]).toBe(3);
    expect(t.rows).toHaveLength(5);
    // The title is reported as skipped, and its year is there for the mapping's default year.
    expect(t.skippedLines).toEqual([{ line: 1, toLine: 1, kind: 'titel', message: 'titelregel boven de kopregel overgeslagen (“Buurten gemeente Groningen 2024”)' }]);
    expect(t.title).toBe('Buurten gemeente Groningen, 2024');
  });

  it('Windows-1252 text (older Excel) is read without mangling names', async () => {
    const bytes = Uint8Array.from([...Buffer.from('Naam;Aantal\r\nCaf'), 0xe9, ...Buffer.from('buurt;3\r\n')]);
    const t = await readImportBuffer(bytes.buffer as ArrayBuffer, 'oud.csv');
    expect(t.rows[0][0]).toBe('Cafébuurt');
  });

  it('a malformed CSV is refused with the line named', async () => {
    await expect(readImportBuffer(buf(fixture('malformed.csv')), 'malformed.csv')).rejects.toThrow(ImportFileError);
    await expect(readImportBuffer(buf(fixture('malformed.csv')), 'malformed.csv')).rejects.toThrow(/malformed\.csv, regel 3: een aanhalingsteken wordt niet gesloten/);
  });

  it('XLSX: first sheet with a header, numbers as numbers (Excel dropped the zeros of the code)', async () => {
    const x = makeXlsx([['Overzicht buurten'], ['buurtcode', 'Verhuizingen 2024'], [140000, 812], [140001, 1040.5], [null, null], ['Bron: BRP', null]]);
    const t = await readImportBuffer(x, 'verhuizingen.xlsx');
    expect(t.sheet).toBe('Buurten');
    expect(t.columns).toEqual(['buurtcode', 'Verhuizingen 2024']);
    expect(t.rows).toEqual([['140000', '812'], ['140001', '1040.5']]);
    expect(t.lineNumbers).toEqual([3, 4]);
    expect(t.decimalComma).toBe(false);
  });

  it('a header with an empty cell stays the header; a title line with trailing separators is still skipped', () => {
    const gap = readCsvText('buurtcode;;meldingen\nBU00140000;x;12\nBU00140001;y;7\n', 'gat.csv');
    expect(gap.columns).toEqual(['buurtcode', 'kolom 2', 'meldingen']);
    expect(gap.rows).toEqual([['BU00140000', 'x', '12'], ['BU00140001', 'y', '7']]);
    expect(gap.lineNumbers).toEqual([2, 3]);
    const first = readCsvText(';meldingen;inwoners\nBU00140000;12;4745\n', 'a1-leeg.csv');
    expect(first.columns).toEqual(['kolom 1', 'meldingen', 'inwoners']);
    expect(first.rows).toEqual([['BU00140000', '12', '4745']]);
    const titled = readCsvText('Buurten gemeente Groningen, 2024;;;\nbuurtcode;;meldingen;inwoners\nBU00140000;x;12;4745\n', 'titel.csv');
    expect(titled.columns).toEqual(['buurtcode', 'kolom 2', 'meldingen', 'inwoners']);
    expect(titled.title).toBe('Buurten gemeente Groningen, 2024;;;');
    expect(titled.lineNumbers).toEqual([3]);
    // A title with a second filled cell that reaches as far as the header: still a title, the header holds no data.
    const wide = readCsvText('Meldingen;;;2024\nbuurtcode;naam;meldingen;jaar\nBU00140000;x;12;2024\n', 'titel2.csv');
    expect(wide.columns).toEqual(['buurtcode', 'naam', 'meldingen', 'jaar']);
    expect(wide.rows).toEqual([['BU00140000', 'x', '12', '2024']]);
  });

  it('rows of only separators (Excel\'s formatted empty rows) are no data, as in a spreadsheet; line numbers stay those of the file', () => {
    const t = readCsvText('buurtcode;meldingen;inwoners\nBU00140000;12;4745\n;;\nBU00140001;7;6975\n ; ;\n;\n;;;;;\nBU00140002;3;100\n', 'leeg.csv');
    expect(t.rows).toEqual([['BU00140000', '12', '4745'], ['BU00140001', '7', '6975'], ['BU00140002', '3', '100']]);
    expect(t.lineNumbers).toEqual([2, 4, 8]);
  });

  it('XLSX: cells formatted as a percentage are read as Excel shows them (12,5 %), not as the stored 0.125', async () => {
    const styles = '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0&quot; %&quot;"/><numFmt numFmtId="165" formatCode="0.0\\ %"/></numFmts>'
      + '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/></cellXfs></styleSheet>';
    const sheet = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      + '<row r="1"><c r="A1" t="inlineStr"><is><t>buurtcode</t></is></c><c r="B1" t="inlineStr"><is><t>Onveilig</t></is></c><c r="C1" t="inlineStr"><is><t>Aandeel</t></is></c><c r="D1" t="inlineStr"><is><t>Tekst</t></is></c></row>'
      + '<row r="2"><c r="A2"><v>140000</v></c><c r="B2" s="1"><v>0.125</v></c><c r="C2" s="3"><v>0.071</v></c><c r="D2" s="2"><v>0.5</v></c></row>'
      + '<row r="3"><c r="A3" s="0"><v>140001</v></c><c r="B3" s="4"><v>1</v></c><c r="C3" s="3"><v>0</v></c><c r="D3" s="0"><v>0.5</v></c></row>'
      + '</sheetData></worksheet>';
    const t = await readImportBuffer(xlsxFromSheetXml(sheet, styles), 'onveilig.xlsx');
    // Format 164 shows " %" as quoted text after the number: not a percentage format, the number stays.
    expect(t.rows).toEqual([['140000', '12.5', '7.1', '0.5'], ['140001', '100', '0', '0.5']]);
  });

  it('old .xls is refused with advice', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    await expect(readImportBuffer(bytes.buffer as ArrayBuffer, 'oud.xls')).rejects.toThrow(/\.xls\) wordt niet gelezen/);
  });
});
