/**
 * CBS area codes, the one rule for every level and every indeling: `GM` + 4
 * digits, `WK` + gemeente digits + 2 characters, `BU` + gemeente digits + 4
 * characters. Since the 2022/2023 indeling Amsterdam uses letters in wijk
 * and buurt codes (`WK0363AA`, `BU0363AA01`), so the part after the gemeente
 * number is alphanumeric; the gemeente number itself is always digits.
 * Pure; shared by the import, the workspace file, points and the readers.
 */
import type { Level } from './dataset-format.ts';

export const AREA_CODE_PREFIX: Readonly<Record<Level, string>> = { gemeente: 'GM', wijk: 'WK', buurt: 'BU' };
/** Characters after the prefix. */
export const AREA_CODE_BODY_LENGTH: Readonly<Record<Level, number>> = { gemeente: 4, wijk: 6, buurt: 8 };
export const AREA_CODE_EXAMPLE: Readonly<Record<Level, string>> = { gemeente: 'GM0014', wijk: 'WK001401', buurt: 'BU00140001' };

const PATTERN: Readonly<Record<Level, RegExp>> = {
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{4}[0-9A-Z]{2}$/,
  buurt: /^BU\d{4}[0-9A-Z]{4}$/,
};
const LEVEL_OF_PREFIX: Readonly<Record<string, Level>> = { GM: 'gemeente', WK: 'wijk', BU: 'buurt' };

/** Level of a canonical code, or null (NL01, PV20 and anything else). */
export function levelOfAreaCode(code: string): Level | null {
  const level = LEVEL_OF_PREFIX[code.slice(0, 2)];
  return level && PATTERN[level].test(code) ? level : null;
}

export function isAreaCode(code: string, level?: Level): boolean {
  const found = levelOfAreaCode(code);
  return found !== null && (level === undefined || found === level);
}

/** Spaces, no-break spaces, dots, underscores and hyphens people type inside codes ("BU 0014 0001"). */
function compact(raw: string): string {
  return raw.replace(/[\s\u00a0._-]+/g, '').toUpperCase();
}

/**
 * Canonical code from text as exports write it, or null when it is not a
 * code. Bare digits get the prefix of `level`; a shorter body is padded with
 * zeros in front, because Excel drops them (14 at gemeente level → GM0014,
 * 140001 at buurt level → BU00140001).
 */
export function normaliseAreaCode(raw: string, level: Level): string | null {
  const t = compact(raw);
  const m = /^(GM|WK|BU)?([0-9A-Z]{1,8})$/.exec(t);
  if (!m) return null;
  const prefix = m[1] ?? AREA_CODE_PREFIX[level];
  const codeLevel = LEVEL_OF_PREFIX[prefix];
  const length = AREA_CODE_BODY_LENGTH[codeLevel];
  // Without a prefix only digits are a code; "AB12" in a code column is a typo, not a code.
  if (!m[1] && !/^\d+$/.test(m[2])) return null;
  if (m[2].length > length) return null;
  const code = prefix + m[2].padStart(length, '0');
  return PATTERN[codeLevel].test(code) ? code : null;
}

/**
 * Does this text look like a CBS code of some level (used to find the key
 * column)? Bare digits of a code's full length do; with `zerosDropped` (the
 * column is named as a code column) any 1–8 digits do, because Excel drops
 * leading zeros (GM0344 → 344, BU03440101 → 3440101), which would make every
 * small count look like a code elsewhere.
 */
export function looksLikeAreaCode(raw: string, zerosDropped = false): boolean {
  const t = compact(raw);
  if (zerosDropped && /^\d{1,8}$/.test(t)) return true;
  return /^(GM\d{1,4}|WK\d{1,4}[0-9A-Z]{2}|WK\d{1,6}|BU\d{1,4}[0-9A-Z]{4}|BU\d{1,8}|\d{4}|\d{6}|\d{8})$/.test(t);
}

/**
 * Level of a code written as bare digits: the one level the column's header
 * names ("Buurtcode"), else by length as Excel leaves it without its leading
 * zeros (7–8 digits buurt, 5–6 wijk, 1–4 gemeente); null for other text.
 */
export function levelOfBareCode(digits: string, header = ''): Level | null {
  if (!/^\d{1,8}$/.test(digits)) return null;
  return levelNamedIn(header) ?? (digits.length >= 7 ? 'buurt' : digits.length >= 5 ? 'wijk' : 'gemeente');
}

/** The one level a column header names ("Buurtcode" → buurt), or null ("code", "Wijk- en buurtcode"). */
export function levelNamedIn(header: string): Level | null {
  const named = (['buurt', 'wijk', 'gemeente'] as const).filter((l) => header.toLowerCase().includes(l));
  return named.length === 1 ? named[0] : null;
}

/** A code written inside other text ("Centrum (BU0363AA01)"), canonical, or null. */
export function areaCodeInText(text: string): string | null {
  const m = /\b(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})\b/i.exec(text);
  return m ? m[1].toUpperCase() : null;
}

/** Gemeente code of any area code (`BU0363AA01` → `GM0363`). */
export function gemeenteOfAreaCode(code: string): string {
  return code.startsWith('GM') ? code : `GM${code.slice(2, 6)}`;
}

/** Wijk code of a buurt or wijk code, '' for a gemeente. */
export function wijkOfAreaCode(code: string): string {
  return code.startsWith('BU') ? `WK${code.slice(2, 8)}` : code.startsWith('WK') ? code : '';
}
