import { describe, expect, it } from 'vitest';
import { parseDelimited, DelimitedError } from '../../../src/model/formats/delimited.ts';

describe('parseDelimited', () => {
  it('reads a StatLine-style export: BOM, semicolons, quoted padded cells', () => {
    const text = '\ufeff"Perioden";"Regiocode";"Waarde (%)"\r\n"2019";"GM0363    ";"    20.8"\r\n"2019";"BU03630000";"."\r\n';
    const table = parseDelimited(text, { file: 'ses.csv' });
    expect(table.separator).toBe(';');
    expect(table.columns).toEqual(['Perioden', 'Regiocode', 'Waarde (%)']);
    expect(table.rows).toEqual([
      ['2019', 'GM0363    ', '    20.8'],
      ['2019', 'BU03630000', '.'],
    ]);
    expect(table.lineNumbers).toEqual([2, 3]);
  });

  it('keeps separators and line breaks inside quotes and doubled quotes', () => {
    const table = parseDelimited('a,b\n"x, ""y""","regel1\nregel2"\n3,4\n');
    expect(table.rows).toEqual([['x, "y"', 'regel1\nregel2'], ['3', '4']]);
    expect(table.lineNumbers).toEqual([2, 4]);
  });

  it('names file and line when a row has the wrong number of cells', () => {
    expect(() => parseDelimited('a;b;c\n1;2;3\n4;5\n', { file: 'import.csv' })).toThrow(/import.csv, regel 3: verwacht 3 kolommen, gevonden 2/);
    try { parseDelimited('a;b\n"open;1\n', { file: 'x.csv' }); } catch (e) { expect(e).toBeInstanceOf(DelimitedError); }
  });

  it('stops at a footer and skips a title block', () => {
    const text = 'Geregistreerde misdrijven\nTitel\n\nSoort;Regio;2021\nTotaal;Amsterdam;12\n"Bron: Politie"\n';
    const table = parseDelimited(text, { findHeader: (cells) => cells.length >= 3, isFooter: (cells) => cells[0].startsWith('Bron') });
    expect(table.columns).toEqual(['Soort', 'Regio', '2021']);
    expect(table.rows).toEqual([['Totaal', 'Amsterdam', '12']]);
  });
});
