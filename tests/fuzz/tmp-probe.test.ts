import { it } from 'vitest';
import { xlsxFromSheetXml } from '../import/helpers.ts';
import { guardXlsx } from '../../src/import/xlsx-guard.ts';
it('t', async () => {
  const spaces = ' '.repeat(5_000_000);
  let t0 = performance.now();
  const x = xlsxFromSheetXml(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>${spaces}</sheetData></worksheet>`);
  console.log('build', performance.now() - t0); t0 = performance.now();
  const g = guardXlsx(x, 'a.xlsx');
  console.log('guard', performance.now() - t0); t0 = performance.now();
  const mod = await import('read-excel-file/universal');
  await mod.default(g);
  console.log('read', performance.now() - t0);
});
