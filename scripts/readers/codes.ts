/**
 * CBS region codes: always strings, trimmed (StatLine pads them to 10
 * characters), `GM` + 4, `WK` + 6, `BU` + 8 characters. Since 2022/2023
 * Amsterdam uses letters in wijk and buurt codes (`WK0363AA`, `BU0363AA01`),
 * so the parts after the prefix are alphanumeric.
 */
import { gemeenteOfAreaCode, levelOfAreaCode, wijkOfAreaCode } from '../../src/model/area-code.ts';
import type { Level } from '../../src/model/dataset-format.ts';
import { cellError } from './errors.ts';

export function normaliseCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Level of a CBS code, or null for NL01, PV20, LD01 and other non-area codes (one rule: src/model/area-code.ts). */
export const levelOfCode = levelOfAreaCode;
export const gemeenteOfCode = gemeenteOfAreaCode;
export const wijkOfCode = wijkOfAreaCode;

/** Normalised set of requested gemeenten (`14`, `0014`, `GM0014` all mean GM0014), or null for all. */
export function gemeenteFilter(gemeenten: readonly string[] | undefined): Set<string> | null {
  if (!gemeenten || gemeenten.length === 0) return null;
  const set = new Set<string>();
  for (const g of gemeenten) {
    const t = g.trim().toUpperCase();
    const digits = t.replace(/^GM/, '');
    if (!/^\d{1,4}$/.test(digits)) throw new Error(`gemeentecode "${g}" is ongeldig: verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0014`);
    set.add(`GM${digits.padStart(4, '0')}`);
  }
  return set;
}

/**
 * The area of a region cell in a StatLine table: its code and level, or null
 * for a row of Nederland, a landsdeel, provincie or other region that is not
 * a gemeente, wijk or buurt (skipped and counted by the caller).
 */
export function regionOfCell(file: string, where: string, column: string, raw: string): { code: string; level: Level } | null {
  const code = normaliseCode(raw);
  const level = levelOfCode(code);
  if (level) return { code, level };
  if (/^(NL|PV|LD|CR|RE)\d{2}$/.test(code)) return null;
  throw cellError(file, where, column, 'een regiocode zoals GM0014, WK001400 of BU00140000', raw.trim());
}
