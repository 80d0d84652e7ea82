/**
 * Matching the file's area keys to the dataset's areas: CBS codes in the
 * forms exports use ("BU00140001", "  BU00140001  ", "BU 0014 0001",
 * "140001" after Excel dropped the zeros) or names within a gemeente.
 */
import type { Level } from '../../model/dataset-format.ts';
import type { KeyKind } from './types.ts';
import { NameIndex, pushTo } from '../area-names.ts';
import { AREA_CODE_EXAMPLE, areaCodeInText, gemeenteOfAreaCode, levelOfAreaCode, levelOfBareCode, looksLikeAreaCode, normaliseAreaCode } from '../../model/area-code.ts';

export interface AreaList {
  level: Level;
  codes: string[];
  names: string[];
  /** Gemeente code per area (the code itself at gemeente level). */
  gemeenteCodes: string[];
}

/** Level of a canonical CBS code (numeric or Amsterdam-style alphanumeric), or null. */
export const levelOfCode = levelOfAreaCode;
/** Canonical CBS code from exported text, or null; see src/model/area-code.ts. */
export const normaliseCode = normaliseAreaCode;
export const looksLikeCode = looksLikeAreaCode;

export type KeyMatch =
  | { ok: true; index: number }
  | { ok: false; reason: 'leeg' | 'onbekend' | 'ander-niveau' | 'dubbelzinnig' | 'geen-code'; detail: string };

export class AreaMatcher {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new NameIndex<number>();
  private byGemeente: Map<string, string[]> | null = null;
  private hintsGiven = 0;

  /** Gemeenten whose codes the file holds (exact matches); typo hints stay inside them. */
  private fileGemeenten: Set<string> | null = null;

  constructor(readonly areas: AreaList, readonly keyKind: KeyKind, readonly gemeenteCode: string | null) {
    areas.codes.forEach((c, i) => this.byCode.set(c, i));
    if (keyKind === 'naam') {
      areas.names.forEach((name, i) => {
        if (gemeenteCode && areas.level !== 'gemeente' && areas.gemeenteCodes[i] !== gemeenteCode) return;
        this.byName.add(name, i);
      });
    }
  }

  /**
   * Tells the matcher which gemeenten the file is about: those of the keys
   * that match exactly. A typo hint then only proposes an area there, not a
   * buurt of another gemeente one digit away.
   */
  learnFileGemeenten(keys: Iterable<string>): void {
    const found = new Set<string>();
    for (const raw of keys) {
      const code = this.keyKind === 'code' ? normaliseCode(raw, this.areas.level) : null;
      const i = code ? this.byCode.get(code) : undefined;
      if (i !== undefined) found.add(this.areas.gemeenteCodes[i]);
    }
    this.fileGemeenten = found.size ? found : null;
  }

  match(raw: string): KeyMatch {
    if (raw.trim() === '') return { ok: false, reason: 'leeg', detail: 'geen code of naam ingevuld' };
    return this.keyKind === 'code' ? this.matchCode(raw) : this.matchName(raw);
  }

  private matchCode(raw: string): KeyMatch {
    const level = this.areas.level;
    const code = normaliseCode(raw, level);
    if (!code) return { ok: false, reason: 'geen-code', detail: `"${clip(raw)}" is geen CBS-code (verwacht bijvoorbeeld ${example(level)})` };
    const other = levelOfCode(code);
    if (other && other !== level) return { ok: false, reason: 'ander-niveau', detail: `${code} is een ${other}code; dit bestand wordt gelezen als ${level}niveau` };
    const i = this.byCode.get(code);
    if (i !== undefined) return { ok: true, index: i };
    const near = this.nearestCode(code);
    return { ok: false, reason: 'onbekend', detail: `${code} bestaat niet in deze indeling${near ? ` (bedoelt u ${near} ${this.areas.names[this.byCode.get(near)!]}?)` : ''}` };
  }

  private matchName(raw: string): KeyMatch {
    // A code in a name column still counts (StatLine puts "Groningen (BU00140001)" at times).
    const inText = areaCodeInText(raw);
    if (inText) {
      const i = this.byCode.get(inText);
      if (i !== undefined) return { ok: true, index: i };
    }
    const hits = this.byName.find(raw);
    if (hits.length === 1) return { ok: true, index: hits[0] };
    const where = this.gemeenteCode ? ' in deze gemeente' : '';
    if (hits.length > 1) {
      const list = hits.slice(0, 4).map((i) => `${this.areas.codes[i]}`).join(', ');
      return { ok: false, reason: 'dubbelzinnig', detail: `"${clip(raw)}" past bij ${hits.length} gebieden${where} (${list}${hits.length > 4 ? ', …' : ''})${this.gemeenteCode ? '' : '; kies de gemeente'}` };
    }
    return { ok: false, reason: 'onbekend', detail: `geen ${this.areas.level} met de naam "${clip(raw)}"${where}` };
  }

  /**
   * A code one character away (a typo), if exactly one, within the file's
   * gemeenten (learnFileGemeenten), else the chosen gemeente, else the
   * gemeente the code itself names. Codes are bucketed by gemeente once, and
   * only the first MAX_TYPO_HINTS unknown codes get a hint: a file of 100,000
   * unknown codes used to scan all 14,574 codes per row on the main thread (53 s).
   */
  private nearestCode(code: string): string | null {
    if (this.hintsGiven >= MAX_TYPO_HINTS) return null;
    this.hintsGiven++;
    if (!this.byGemeente) {
      this.byGemeente = new Map();
      this.areas.codes.forEach((c, i) => pushTo(this.byGemeente!, this.areas.gemeenteCodes[i] || c, c));
    }
    const within = this.fileGemeenten ?? new Set([this.gemeenteCode ?? gemeenteOfAreaCode(code)]);
    let found: string | null = null;
    for (const g of within) for (const c of this.byGemeente.get(g) ?? []) {
      if (hamming(c, code) === 1) {
        if (found) return null;
        found = c;
      }
    }
    return found;
  }
}

/** Typo hints per matcher (one build of the import); later unknown codes get the plain message. */
const MAX_TYPO_HINTS = 200;

function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

function example(level: Level): string {
  return AREA_CODE_EXAMPLE[level];
}

export function clip(s: string, max = 40): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/**
 * Which column holds the area key, how, and at which level: the column whose
 * cells are mostly CBS codes; otherwise a column named like an area name.
 */
export function detectKey(columns: string[], rows: string[][]): { column: number; keyKind: KeyKind; level: Level | null } {
  const sample = rows.slice(0, 200);
  let best = { column: -1, share: 0 };
  columns.forEach((_, k) => {
    const cells = sample.map((r) => r[k] ?? '').filter((c) => c.trim() !== '');
    if (!cells.length) return;
    // Bare numbers are only codes when the header says so; short ones (zeros dropped by Excel) only under a "…code" header.
    const codeHeader = /code/i.test(columns[k]);
    const share = cells.filter((c) => looksLikeCode(c, codeHeader)).length / cells.length;
    const prefixed = cells.some((c) => /^\s*(GM|WK|BU)/i.test(c));
    const named = /code|cbs|regio|gebied|buurt|wijk|gemeente/i.test(columns[k]);
    if (share > best.share && share >= 0.5 && (prefixed || named)) best = { column: k, share };
  });
  if (best.column >= 0) {
    const counts: Record<Level, number> = { gemeente: 0, wijk: 0, buurt: 0 };
    const header = columns[best.column];
    for (const r of sample) {
      const t = (r[best.column] ?? '').replace(/\s+/g, '').toUpperCase();
      const level = t.startsWith('BU') ? 'buurt' : t.startsWith('WK') ? 'wijk' : t.startsWith('GM') ? 'gemeente' : levelOfBareCode(t, header);
      if (level) counts[level]++;
    }
    const level = (Object.entries(counts) as [Level, number][]).sort((a, b) => b[1] - a[1])[0];
    return { column: best.column, keyKind: 'code', level: level[1] > 0 ? level[0] : null };
  }
  const byName = columns.findIndex((c) => /naam|buurt|wijk|gebied|regio|gemeente/i.test(c));
  const level: Level | null = byName >= 0 ? (/buurt/i.test(columns[byName]) ? 'buurt' : /wijk/i.test(columns[byName]) ? 'wijk' : /gemeente/i.test(columns[byName]) ? 'gemeente' : null) : null;
  return { column: byName >= 0 ? byName : 0, keyKind: 'naam', level };
}
