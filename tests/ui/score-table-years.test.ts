import { describe, expect, it } from 'vitest';
import { exportFileStem, rowsToCsv, sortRows, tableColumns, tableRows } from '../../src/ui/score-table.ts';
import { tableCountChange } from '../../src/model/table-change.ts';
import { parseDelimited } from '../../src/model/formats/delimited.ts';
import { ScoreStatus, type ScoreResult } from '../../src/model/scoring-types.ts';
import { makeTable } from '../model/helpers/synthetic-table.ts';

const table = makeTable({
  columns: [
    { series: 'inwoners', values: [1000, 1000, 1000] },
    { series: 'misdrijven_totaal', year: 2021, values: [1000, 2, 40] },
    { series: 'misdrijven_totaal', year: 2025, values: [880, 5, 80] },
  ],
});
const result: ScoreResult = {
  level: 'buurt', frame: 'dataset', areaCount: 3,
  targets: [{ id: 'S4', label: 'Criminaliteit', kind: 'category' }],
  z: new Float32Array(3), percentile: Float32Array.from([80, 20, 50]), status: new Uint8Array(3).fill(ScoreStatus.score),
  coverage: new Float32Array(3).fill(1), areaFlags: new Uint8Array(3), notes: [],
};

describe('score table with a change view', () => {
  const change = tableCountChange(table, 'misdrijven_totaal', 2021, 2025)!;
  const rows = tableRows(result, table, () => 'Gemeente', change);

  it('rows carry both years, the ratio and the word', () => {
    expect(rows.map((r) => r.change)).toEqual([
      { a: 1000, b: 880, ratio: 0.88, word: 'daling' },
      { a: 2, b: 5, ratio: 2.5, word: 'geen duidelijke verandering' },
      { a: 40, b: 80, ratio: 2, word: 'sterke stijging' },
    ]);
    expect(sortRows(rows, 'change', true).map((r) => r.index)).toEqual([1, 2, 0]);
  });

  it('the CSV has both years, the change, its interval and the word, written by the one CSV writer', () => {
    const csv = rowsToCsv(rows, tableColumns(result), 'Nederland', 'Bron: CBS, Politie', { change });
    const parsed = parseDelimited(csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => !/^"?#/.test(l)).join('\r\n'), { separator: ';' });
    expect(parsed.columns.slice(-6)).toEqual([
      'geregistreerde misdrijven 2021', 'geregistreerde misdrijven 2025', 'verandering 2021–2025 (%)',
      'verhouding 95%-interval onder', 'verhouding 95%-interval boven', 'oordeel 2021–2025',
    ]);
    const small = parsed.rows[1].slice(-6);
    expect(small[0]).toBe('2');
    expect(small[1]).toBe('5');
    expect(small[2]).toBe('150');
    expect(Number(small[3].replace(',', '.'))).toBeLessThan(1);
    expect(small[5]).toBe('geen duidelijke verandering');
    expect(parsed.rows[0].slice(-6)[2]).toBe('-12');
    expect(csv).toContain('# Verandering 2021–2025: exacte toets');
  });

  it('without a change view the table is as before, and a year is named in the CSV', () => {
    const plain = tableRows(result, table, () => 'Gemeente');
    expect(plain[0].change).toBeUndefined();
    const csv = rowsToCsv(plain, tableColumns(result), 'Nederland', 'Bron: CBS', { year: 2022 });
    expect(csv).toContain('# Jaar 2022');
    expect(csv).not.toContain('oordeel');
  });
});

describe('export file names', () => {
  it('name the dataset, level, frame and the year or change shown, so exports of other years differ', () => {
    expect(exportFileStem('nl2024', 'buurt', 'dataset')).toBe('kompas-nl2024-buurt-dataset');
    expect(exportFileStem('nl2024', 'buurt', 'gemeente', { year: 2022 })).toBe('kompas-nl2024-buurt-gemeente-2022');
    expect(exportFileStem('nl2024', 'wijk', 'dataset', { year: 2022, change: { from: 2019, to: 2023 } })).toBe('kompas-nl2024-wijk-dataset-2019-2023');
  });
});
