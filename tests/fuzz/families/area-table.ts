/**
 * Family: an area table chosen in "Gegevens importeren" (CSV or XLSX) and
 * its mapping. A true table (codes, including Amsterdam's, and counts) is
 * written in the many ways exports do — separator, BOM, quoting, line ends,
 * Windows-1252, code spelling, XLSX — and then maybe damaged: truncation,
 * extra or missing cells, formula-like and overflowing numbers, unknown
 * codes, far spreadsheet cells, very wide or long files.
 */
import fc from 'fast-check';
import { ImportFileError } from '../../../src/enrichment/read-text.ts';
import { readImportBuffer } from '../../../src/enrichment/area-table/read-file.ts';
import { detectKey, type AreaList } from '../../../src/enrichment/area-table/area-keys.ts';
import { buildImport } from '../../../src/enrichment/area-table/build-import.ts';
import type { ColumnMapping } from '../../../src/enrichment/area-table/types.ts';
import { makeXlsx, xlsxFromSheetXml } from '../../enrichment/area-table/helpers.ts';
import { hostileCell, type FuzzFamily } from '../harness.ts';

const AREAS: AreaList = (() => {
  const codes = ['BU0363AA01', 'BU0363AA02', 'BU0363AF03', 'BU00140000', 'BU00140001', 'BU00140002', 'BU00340001', 'BU00340003'];
  for (let i = 0; i < 200; i++) codes.push(`BU0599${String(i).padStart(4, '0')}`);
  return { level: 'buurt', codes, names: codes.map((c) => `Buurt ${c.slice(6)}`), gemeenteCodes: codes.map((c) => `GM${c.slice(2, 6)}`) };
})();

type Truth = { code: string; value: number }[];

interface Presentation { separator: ';' | ',' | '\t'; bom: boolean; quoteAll: boolean; crlf: boolean; cp1252: boolean; codeStyle: 'plain' | 'lower' | 'spaced'; xlsx: boolean }

type Damage =
  | { kind: 'geen' }
  | { kind: 'afgebroken'; at: number }
  | { kind: 'cel'; row: number; text: string }
  | { kind: 'extra cellen'; row: number }
  | { kind: 'onbekende code'; row: number }
  | { kind: 'verre cel' }
  | { kind: 'breed'; columns: number }
  | { kind: 'lang'; rows: number }
  | { kind: 'binair'; bytes: Uint8Array };

export interface AreaTableCase { truth: Truth; p: Presentation; damage: Damage }

const truthArb = fc.uniqueArray(fc.integer({ min: 0, max: AREAS.codes.length - 1 }), { minLength: 1, maxLength: 60 })
  .chain((idx) => fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: idx.length, maxLength: idx.length }).map((vals) => idx.map((i, k) => ({ code: AREAS.codes[i], value: vals[k] }))));

const presentationArb: fc.Arbitrary<Presentation> = fc.record({
  separator: fc.constantFrom(';' as const, ',' as const, '\t' as const), bom: fc.boolean(), quoteAll: fc.boolean(), crlf: fc.boolean(), cp1252: fc.boolean(),
  codeStyle: fc.constantFrom('plain' as const, 'lower' as const, 'spaced' as const), xlsx: fc.boolean(),
});

const damageArb = (size: 'ci' | 'large'): fc.Arbitrary<Damage> => fc.oneof(
  { arbitrary: fc.constant<Damage>({ kind: 'geen' }), weight: 4 },
  fc.integer({ min: 0, max: 10_000 }).map((at): Damage => ({ kind: 'afgebroken', at })),
  fc.tuple(fc.nat(), hostileCell).map(([row, text]): Damage => ({ kind: 'cel', row, text })),
  fc.nat().map((row): Damage => ({ kind: 'extra cellen', row })),
  fc.nat().map((row): Damage => ({ kind: 'onbekende code', row })),
  fc.constant<Damage>({ kind: 'verre cel' }),
  fc.integer({ min: 900, max: size === 'large' ? 10_000 : 1_500 }).map((columns): Damage => ({ kind: 'breed', columns })),
  fc.integer({ min: 1_000, max: size === 'large' ? 60_000 : 5_000 }).map((rows): Damage => ({ kind: 'lang', rows })),
  fc.uint8Array({ minLength: 1, maxLength: 3000 }).map((bytes): Damage => ({ kind: 'binair', bytes })),
);

function codeText(code: string, style: Presentation['codeStyle']): string {
  return style === 'lower' ? code.toLowerCase() : style === 'spaced' ? ` ${code.slice(0, 2)} ${code.slice(2, 6)} ${code.slice(6)} ` : code;
}

/** Rows of cells (header first) for the case, before writing. */
function cells(c: AreaTableCase): string[][] {
  const rows = [['buurtcode', 'naam', 'aantal meldingen'], ...c.truth.map((t) => [codeText(t.code, c.p.codeStyle), `Buurt ${t.code.slice(6)} ë`, String(t.value)])];
  const d = c.damage;
  const at = (r: number) => 1 + (r % c.truth.length);
  if (d.kind === 'cel') rows[at(d.row)][2] = d.text;
  if (d.kind === 'extra cellen') rows[at(d.row)].push('5', '1');
  if (d.kind === 'onbekende code') rows[at(d.row)][0] = 'BU99999999';
  if (d.kind === 'breed') rows.forEach((r, i) => { for (let k = 3; k < d.columns; k++) r.push(i === 0 ? `k${k}` : ''); });
  if (d.kind === 'lang') for (let i = 0; i < d.rows; i++) rows.push([AREAS.codes[i % AREAS.codes.length], 'x', String(i)]);
  return rows;
}

function encode(c: AreaTableCase): { bytes: ArrayBuffer; name: string } {
  if (c.damage.kind === 'binair') return { bytes: c.damage.bytes.slice().buffer as ArrayBuffer, name: 'onbekend.csv' };
  const rows = cells(c);
  if (c.p.xlsx) {
    if (c.damage.kind === 'verre cel') {
      const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, k) => `<c r="${String.fromCharCode(65 + k)}${i + 1}" t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`).join('')}</row>`).join('');
      return { bytes: xlsxFromSheetXml(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`), name: 'ver.xlsx' };
    }
    const x = makeXlsx(rows.map((r, i) => r.map((v, k) => (i > 0 && k === 2 && /^\d+$/.test(v) ? Number(v) : v))));
    const cut = c.damage.kind === 'afgebroken' ? x.slice(0, c.damage.at % x.byteLength) : x;
    return { bytes: cut, name: 'tabel.xlsx' };
  }
  const q = (v: string) => (c.p.quoteAll || v.includes(c.p.separator) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  let text = rows.map((r) => r.map(q).join(c.p.separator)).join(c.p.crlf ? '\r\n' : '\n') + '\n';
  if (c.damage.kind === 'afgebroken') text = text.slice(0, c.damage.at % text.length);
  if (c.p.bom) text = `\uFEFF${text}`;
  const bytes = c.p.cp1252 ? Uint8Array.from([...text.replace(/\uFEFF/, '')].map((ch) => (ch === 'ë' ? 0xeb : ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0x3f))) : new TextEncoder().encode(text);
  return { bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, name: 'tabel.csv' };
}

function mapping(column: string): ColumnMapping {
  return { column, target: { kind: 'nieuw', label: 'Meldingen', category: 'F1', direction: 1 }, year: 2024, measure: 'waarde', per: 1000, denominator: 'inwoners', unit: '' };
}

export const areaTableFamily: FuzzFamily<AreaTableCase> = {
  name: 'gebiedstabel (CSV/XLSX + koppeling)',
  cases: (size) => fc.record({ truth: truthArb, p: presentationArb, damage: damageArb(size) }),
  describe: (c) => `${c.p.xlsx ? 'xlsx' : `csv "${c.p.separator}"`}${c.p.bom ? ' BOM' : ''}${c.p.cp1252 ? ' cp1252' : ''} ${c.p.codeStyle}, ${c.truth.length} rijen, schade: ${c.damage.kind}${'text' in c.damage ? ` ${JSON.stringify(c.damage.text)}` : ''}`,
  async run(c) {
    const { bytes, name } = encode(c);
    let raw;
    try {
      raw = await readImportBuffer(bytes, name);
    } catch (error) {
      if (error instanceof ImportFileError) return { kind: 'refused', messages: [error.message] };
      throw error;
    }
    if (!raw.rows.length) return { kind: 'refused', messages: [`${name}: het bestand heeft geen rijen onder de kopregel.`] };
    const key = detectKey(raw.columns, raw.rows);
    const mappings = raw.columns.map((col, k) => (k === raw.columns.indexOf('aantal meldingen') ? mapping(col) : { ...mapping(col), target: null }));
    const r = buildImport(raw, AREAS, { inwoners: null, huishoudens: null, woningvoorraad: null }, {
      datasetId: 'fuzz', level: 'buurt', keyColumn: key.column, keyKind: key.keyKind, gemeenteCode: null, mappings, skipped: new Set(),
    });
    if (!r.result) {
      return { kind: 'refused', messages: [...r.mappingErrors, ...r.issues.map((i) => `${name}, regel ${i.line}, kolom ${i.column}: ${i.message}`)] };
    }
    // Accepted: the figures must be exactly the true table (damage that still reads must not change a value).
    const values = r.result.columns[0]?.values ?? {};
    const expected = c.damage.kind === 'geen' || c.damage.kind === 'cel' ? c.truth : null;
    if (expected) {
      for (const t of expected) {
        const cellText = c.damage.kind === 'cel' ? null : String(t.value);
        if (cellText !== null && values[t.code] !== t.value) return { kind: 'accepted', wrong: `${t.code}: gelezen ${values[t.code]}, bedoeld ${t.value}` };
      }
      if (Object.keys(values).length !== expected.length) return { kind: 'accepted', wrong: `${Object.keys(values).length} gebieden gelezen, ${expected.length} bedoeld` };
    }
    if (Object.getPrototypeOf(values) !== Object.prototype && Object.getPrototypeOf(values) !== null) return { kind: 'accepted', wrong: 'waarden kregen een ander prototype' };
    return { kind: 'accepted' };
  },
};
