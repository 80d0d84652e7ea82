import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { ImportFileError, readCsvText, readImportBuffer } from '../../src/import/read-file.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);
const buf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** A minimal XLSX (one sheet, inline strings and numbers) as Excel writes it. */
export function makeXlsx(rows: (string | number | null)[][]): ArrayBuffer {
  const col = (k: number) => String.fromCharCode(65 + k);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetRows = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, k) => {
    const ref = `${col(k)}${i + 1}`;
    if (v === null) return '';
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  }).join('')}</row>`).join('');
  const files = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Buurten" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`),
  };
  const z = zipSync(files);
  return z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
}

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

  it('old .xls is refused with advice', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    await expect(readImportBuffer(bytes.buffer as ArrayBuffer, 'oud.xls')).rejects.toThrow(/\.xls\) wordt niet gelezen/);
  });
});
