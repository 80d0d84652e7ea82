/** A small buurt table shaped like Groningen and Almere, for the import tests. */
import { zipSync, strToU8 } from 'fflate';
import { makeTable } from '../../model/helpers/synthetic-table.ts';
import type { LevelTable } from '../../../src/model/dataset-format.ts';
import type { AreaImport } from '../../../src/enrichment/area-table/types.ts';

export const AREAS: [code: string, name: string, gemeente: string, inwoners: number | null][] = [
  ['BU00140000', 'Binnenstad-Noord', 'GM0014', 4745],
  ['BU00140001', 'Binnenstad-Zuid', 'GM0014', 6975],
  ['BU00140002', 'Binnenstad-Oost', 'GM0014', 4400],
  ['BU00140003', 'Binnenstad-West', 'GM0014', 1740],
  ['BU00140101', 'Oosterpoort', 'GM0014', 3000],
  ['BU00140102', 'Herewegwijk', 'GM0014', 2500],
  ['BU00140105', 'Centrum', 'GM0014', 1200],
  ['BU00140106', 'Noorderplantsoen', 'GM0014', 10],
  ['BU00340001', 'Centrum', 'GM0034', 3000],
  ['BU00340002', 'Stedenwijk', 'GM0034', 2000],
  ['BU00340003', 'Centrum', 'GM0034', 500],
];

export function buurtTable(): LevelTable {
  const n = AREAS.length;
  return makeTable({
    level: 'buurt',
    codes: AREAS.map((a) => a[0]),
    names: AREAS.map((a) => a[1]),
    gemeenteCodes: AREAS.map((a) => a[2]),
    columns: [
      { series: 'inwoners', values: AREAS.map((a) => a[3]) },
      { series: 'huishoudens', values: AREAS.map((a) => (a[3] === null ? null : Math.round(a[3] / 2))) },
      { series: 'woz', values: Array.from({ length: n }, (_, i) => 200 + 10 * i) },
    ],
  });
}

/** A minimal XLSX (one sheet, inline strings and numbers) as Excel writes it. */
export function makeXlsx(rows: (string | number | null)[][]): ArrayBuffer {
  const col = (k: number) => String.fromCharCode(65 + k);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetRows = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, k) => {
    const ref = `${col(k)}${i + 1}`;
    if (v === null) return '';
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  }).join('')}</row>`).join('');
  return xlsxFromSheetXml(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`);
}

/** An XLSX around one sheet's XML as given (also hostile sheets for tests/fuzz), with a styles part when given. */
export function xlsxFromSheetXml(sheetXml: string, stylesXml?: string): ArrayBuffer {
  const stylesRel = stylesXml ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : '';
  const files = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Buurten" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${stylesRel}</Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    ...(stylesXml ? { 'xl/styles.xml': strToU8(stylesXml) } : {}),
  };
  const z = zipSync(files);
  return z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
}

/** An applied import with a series column and a new indicator, as the workspace keeps it. */
export const sampleImport = (): AreaImport => ({
  id: 'imp-1', fileName: 'mora-2024.csv', importedAt: '2026-11-26T10:00:00.000Z', datasetId: 'nl2024', level: 'buurt',
  keyKind: 'code', gemeenteCode: null, skippedRows: [6, 7],
  columns: [
    { column: 'MORA-meldingen 2024', target: { kind: 'series', series: 'mora_meldingen' }, year: 2024, unit: 'aantal', conversion: 'aantal uit het bestand', values: { BU00140000: 312, BU00140002: null } },
    { column: 'Hangplekken', target: { kind: 'nieuw', label: 'Hangplekken', category: 'S3', direction: 1 }, year: 2024, unit: 'aantal', conversion: 'waarde uit het bestand', values: { BU00140000: 2 } },
  ],
});
