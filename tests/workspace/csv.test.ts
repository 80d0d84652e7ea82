import { describe, expect, it } from 'vitest';
import { csvCell, matrixToCsv } from '../../src/workspace/csv.ts';
import { sampleWorkspace } from './fixtures.ts';

describe('CSV-export van de matrix', () => {
  const csv = matrixToCsv(sampleWorkspace());

  it('starts with a UTF-8 BOM and uses ; and CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const header = csv.slice(1).split('\r\n')[0];
    expect(header.split(';')[0]).toBe('Interventie');
    expect(header.split(';')).toHaveLength(13);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes cells with ; quotes and line breaks', () => {
    expect(csv).toContain('"Budget corporatie pas in 2027; ""eerst"" planning"');
    expect(csv).toContain('"Regel 1; met puntkomma\nregel 2"');
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a"b')).toBe('"a""b"');
  });

  it('writes labels, stakeholders and planned months', () => {
    const row = csv.split('\r\n')[1];
    expect(row.startsWith('Inbraakwerend hang- en sluitwerk in bestaande woningen;ja;S4 Criminaliteit, F4 Woningvoorraad & doorstroom;S4.1;Woningcorporatie;Gemeente, Politie;bestaand;Obstakel (beer op de weg);')).toBe(true);
    expect(row).toContain(';2026-03;2026-08');
  });

  it('neutralises spreadsheet formulas in user text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31 6')).toBe("'+31 6");
    expect(csvCell('-')).toBe("'-");
  });
});
