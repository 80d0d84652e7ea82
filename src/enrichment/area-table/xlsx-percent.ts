/**
 * Which cells of an .xlsx Excel shows as a percentage. Excel stores 12,5 %
 * as 0.125 and read-excel-file hands over that number without its format, so
 * without this the import would take a hundredth of what the user sees.
 * Reads the unzipped parts xlsx-guard.ts already has: the styles, and per
 * sheet the style of each cell (`<c r="B2" s="3">`).
 */
import { strFromU8, type Unzipped } from 'fflate';

/** Cells shown as a percentage per sheet name, as "row:column" (1-based). */
export type PercentCells = Map<string, Set<string>>;

/** Built-in number formats "0%" and "0.00%"; custom ones (164 and up) carry their code. */
const BUILT_IN_PERCENT = new Set([9, 10]);

const unescapeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** An attribute of one tag; `name` is matched whole, so "id" never matches "r:id". */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

/** A format code scales by 100 when it has a % outside quoted text ("0.0\" %\""), escapes (\%) and [colour] parts. */
export function isPercentFormat(code: string): boolean {
  return code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

/** Indexes (the cells' `s`) of the cell styles with a percentage format. */
function percentStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) custom.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const found = new Set<number>();
  let index = 0;
  for (const m of cellXfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isPercentFormat(code) : BUILT_IN_PERCENT.has(id)) found.add(index);
    index++;
  }
  return found;
}

/** Column letters to a 1-based number: A → 1, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "AB12" → "12:28". */
function cellKey(ref: string): string | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  return `${m[2]}:${columnNumber(m[1])}`;
}

/** Percent-formatted cells of every sheet (by the name the workbook gives it); empty when no style is a percentage. */
export function percentCells(files: Unzipped): PercentCells {
  const out: PercentCells = new Map();
  const part = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const rels = part('xl/_rels/workbook.xml.rels');
  // The styles part as the workbook names it, as read-excel-file finds it.
  const target = (rel: string) => (rel.startsWith('/') ? rel.slice(1) : `xl/${rel}`);
  const relTags = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const stylesRel = relTags.find((t) => /\/styles"/.test(t));
  const styles = percentStyles(part(stylesRel ? target(attr(stylesRel, 'Target') ?? '') : 'xl/styles.xml'));
  if (!styles.size) return out;
  const targets = new Map(relTags.map((t) => [attr(t, 'Id') ?? '', target(attr(t, 'Target') ?? '')]));
  for (const m of part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const path = targets.get(attr(m[0], 'r:id') ?? '');
    if (name === undefined || !path) continue;
    const cells = new Set<string>();
    for (const c of part(path).matchAll(/<c\b[^>]*>/g)) {
      const s = attr(c[0], 's');
      const key = s !== undefined && styles.has(Number(s)) ? cellKey(attr(c[0], 'r') ?? '') : null;
      if (key) cells.add(key);
    }
    if (cells.size) out.set(name, cells);
  }
  return out;
}
