import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, readCsvText } from '../../../src/enrichment/read-text.ts';
import { readImportBuffer } from '../../../src/enrichment/area-table/read-file.ts';
import { makeXlsx } from './helpers.ts';

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

  it('old .xls is refused with advice', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    await expect(readImportBuffer(bytes.buffer as ArrayBuffer, 'oud.xls')).rejects.toThrow(/\.xls\) wordt niet gelezen/);
  });
});
