import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, looksLikeFormula, toCsv } from '../../src/model/formats/csv-write.ts';
import { parseDelimited } from '../../src/model/formats/delimited.ts';
import { rowsToCsv, type TableRow } from '../../src/ui/score-table.ts';
import { matrixToCsv } from '../../src/workspace/csv.ts';
import { scoresToCsv } from '../../scripts/scores-cli.ts';
import { sampleWorkspace } from '../workspace/fixtures.ts';
import type { ScoreResult } from '../../src/model/scoring-types.ts';
import type { LevelTable } from '../../src/model/dataset-format.ts';

const HOSTILE = ['=HYPERLINK("http://x","klik")', '+31 6 1234', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

describe('the one CSV writer', () => {
  it('turns every formula-like text into text and leaves plain numbers alone', () => {
    for (const h of HOSTILE) expect(csvCell(h).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-1,5')).toBe('-1,5');
    expect(csvCell(-1.5, ';', ',')).toBe('-1,5');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('round-trips any text through the shared CSV reader, never starting a cell with a formula sign', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const csv = toCsv(['a', 'b'], rows, { separator: ';', lineEnd: '\r\n' });
        const back = parseDelimited(csv, { separator: ';' });
        // A row of blank cells reads as a blank line (as Excel's empty ";;" rows do).
        const kept = rows.filter((r) => r.some((c) => c.trim() !== ''));
        expect(back.rows.length).toBe(kept.length);
        back.rows.forEach((r, i) => r.forEach((cell, k) => {
          expect(looksLikeFormula(cell)).toBe(false);
          const original = kept[i][k];
          expect(cell).toBe(looksLikeFormula(original) ? `'${original}` : original);
        }));
      }),
      { seed: 1718, numRuns: 150 },
    );
  });

  it('guards the score-table export (it did not before)', () => {
    const row: TableRow = { index: 0, code: 'BU03630001', name: '=cmd|"/c calc"!A1', gemeente: '@Amsterdam', values: [12.34, null], coverage: 0.5, areaNote: '' };
    const csv = rowsToCsv([row], [{ id: 'F1', label: 'x', kind: 'category' }, { id: 'S1', label: 'y', kind: 'category' }], 'Nederland', 'Bron: CBS');
    const line = csv.split('\r\n')[2];
    expect(line).toBe(`BU03630001;"'=cmd|""/c calc""!A1";'@Amsterdam;12,3;;50;`);
  });

  it('guards the interventiematrix and the scores CLI', () => {
    const ws = sampleWorkspace();
    ws.matrix[0].name = '+HYPERLINK("x")';
    expect(matrixToCsv(ws)).toContain(`"'+HYPERLINK(""x"")"`);
    const table = { level: 'buurt', codes: ['BU00140001'], names: ['-1+1'], gemeenteCodes: ['GM0014'], indicators: [], values: [] } as unknown as LevelTable;
    const result = { areaCount: 1, targets: [], areaFlags: new Uint8Array(1), z: new Float32Array(0), percentile: new Float32Array(0), status: new Uint8Array(0), coverage: new Float32Array(0) } as unknown as ScoreResult;
    expect(scoresToCsv(result, table).split('\n')[1]).toMatch(/^BU00140001,'-1\+1,GM0014,/);
  });
});
