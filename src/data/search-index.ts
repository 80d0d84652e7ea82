/**
 * Search over buurt, wijk and gemeente names and codes. Pure, so it is unit
 * tested; the gemeente name is part of every hit to tell apart the many
 * buurten called "Centrum" or "Buitengebied".
 *
 * People type the names they use, not always the CBS spelling: "Den Haag",
 * "Overvecht" (CBS: "Wijk 03 Overvecht"), "Schilderswijk" (CBS:
 * "Schildersbuurt"). Those everyday names live in `place-aliases.ts`; this
 * file only ranks.
 */
import { gemeenteOfAreaCode, levelOfAreaCode } from '../model/area-code.ts';
import { LEVELS, type Level, type LevelTable } from '../model/dataset-format.ts';
import { PLACE_ALIASES } from './place-aliases.ts';

export interface SearchEntry {
  level: Level;
  index: number;
  code: string;
  name: string;
  gemeenteName: string;
  /** Inwoners of the area's gemeente; ranks a place in a big gemeente above a namesake elsewhere. 0 when unknown. */
  gemeenteInwoners?: number;
}

export interface SearchIndex {
  entries: SearchEntry[];
  /**
   * Normalised " names gemeente" per entry, for word and substring matches,
   * starting with a space so that " word" finds a word at any place. The
   * gemeente part holds its everyday names too ("den haag"), so "Moerwijk
   * Den Haag" finds the wijk.
   */
  keys: string[];
  /** Normalised names per entry: the CBS name, the name without "Wijk 03 ", and everyday aliases. */
  names: string[][];
  byCode: Map<string, number>;
  indelingYear: number | null;
}

/**
 * The one rule for comparing names and codes: no accents, lower case, and
 * every run of punctuation or space becomes one space. So "Bergen (NH)"
 * finds CBS "Bergen (NH.)", "Binnenstad Zuid" finds "Binnenstad-Zuid" and
 * "BU0344.05.33" finds BU03440533.
 */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A typed code as CBS writes it: "bu 0344.05.33" → "BU03440533". */
function codeOf(text: string): string {
  return normalise(text).replace(/ /g, '').toUpperCase();
}

/** CBS numbers many wijken ("Wijk 03 Overvecht", "Buurt 12 Oost"); nobody types the number. */
function withoutNumberPrefix(name: string): string {
  return name.replace(/^(wijk|buurt)\s+\d+[a-z]?\s+/, '');
}

/** One entry per area of every loaded level, with the gemeente's name and inwoners. */
export function searchEntriesFromTables(tables: Partial<Record<Level, LevelTable>>): SearchEntry[] {
  const gemeenteNames = new Map<string, string>();
  const gemeenteInwoners = new Map<string, number>();
  const gm = tables.gemeente;
  if (gm) {
    const inwoners = gm.indicators.findIndex((m) => (m.series ?? m.id) === 'inwoners');
    gm.codes.forEach((code, i) => {
      gemeenteNames.set(code, gm.names[i]);
      const n = inwoners >= 0 ? gm.values[inwoners][i] : NaN;
      if (Number.isFinite(n)) gemeenteInwoners.set(code, n);
    });
  }
  const entries: SearchEntry[] = [];
  for (const level of LEVELS) {
    const table = tables[level];
    if (!table) continue;
    table.codes.forEach((code, index) => {
      const gemeenteCode = level === 'gemeente' ? code : table.gemeenteCodes[index];
      entries.push({ level, index, code, name: table.names[index], gemeenteName: gemeenteNames.get(gemeenteCode) ?? gemeenteCode, gemeenteInwoners: gemeenteInwoners.get(gemeenteCode) ?? 0 });
    });
  }
  return entries;
}

export function buildSearchIndex(entries: SearchEntry[], indelingYear: number | null = null): SearchIndex {
  const byCode = new Map<string, number>();
  entries.forEach((e, i) => byCode.set(e.code, i));
  const names = entries.map((e) => {
    const name = normalise(e.name);
    const bare = withoutNumberPrefix(name);
    return bare === name ? [name] : [name, bare];
  });
  /** Gemeente code → its everyday names, for the gemeente part of every area's key. */
  const gemeenteAliases = new Map<string, string[]>();
  for (const alias of PLACE_ALIASES) {
    const key = normalise(alias.name);
    for (const code of alias.codes) {
      const i = byCode.get(code);
      if (i !== undefined && !names[i].includes(key)) names[i].push(key);
      if (code.startsWith('GM')) gemeenteAliases.set(code, [...(gemeenteAliases.get(code) ?? []), key]);
    }
  }
  const keys = entries.map((e, i) => {
    const gemeente = [normalise(e.gemeenteName), ...(gemeenteAliases.get(gemeenteOfAreaCode(e.code)) ?? [])];
    return ` ${names[i].join(' ')} ${gemeente.join(' ')}`;
  });
  return { entries, keys, names, byCode, indelingYear };
}

/** "'s-Gravenhage" sorts under s, as in a Dutch index. */
const sortKey = normalise;

const levelRank: Record<Level, number> = { gemeente: 0, wijk: 1, buurt: 2 };

/** A name starts with the query at a word boundary ("kanaleneiland" → "Kanaleneiland-Noord", not "Kanaleneilandstraat"). */
function startsAsWord(name: string, q: string): boolean {
  return name.startsWith(q) && (name.length === q.length || /[^a-z0-9]/.test(name[q.length]));
}

/**
 * Best matches first: exact code, code prefix, then names. Among names, an
 * exact or whole-word-prefix match (aliases included) comes first, higher
 * levels before lower, then the bigger gemeente: most people who type
 * "Kanaleneiland" mean Utrecht's, not a namesake street-sized buurt.
 * Several words ("Den Bosch centrum") match in any order, best where each
 * starts a word: Oudenbosch-Centrum has "den" and "bosch" only inside one.
 * `accept` limits the entries searched (the comparison wants one level).
 */
export function search(index: SearchIndex, query: string, limit = 10, accept: (entry: SearchEntry) => boolean = () => true): SearchEntry[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const code = codeOf(query);
  const words = q.split(' ');
  const wordStarts = words.map((part) => ' ' + part);
  const scored: { entry: SearchEntry; score: number; exact: number }[] = [];
  for (let i = 0; i < index.entries.length; i++) {
    const entry = index.entries[i];
    // Filtered before the limit: 40 wijken named "Centrum" must not hide the buurten.
    if (!accept(entry)) continue;
    let score = -1;
    let exact = 1;
    if (entry.code === code) score = 0;
    else if (code.length >= 4 && entry.code.startsWith(code)) score = 1;
    else {
      const names = index.names[i];
      const key = index.keys[i];
      if (names.some((n) => n === q)) { score = 2; exact = 0; }
      else if (names.some((n) => startsAsWord(n, q))) score = 2;
      else if (names.some((n) => n.startsWith(q))) score = 3;
      else if (key.includes(' ' + q)) score = 4;
      else if (key.includes(q)) score = 5;
      else if (words.length > 1 && wordStarts.every((part) => key.includes(part))) score = 6;
      else if (words.length > 1 && words.every((part) => key.includes(part))) score = 7;
    }
    if (score >= 0) scored.push({ entry, score, exact });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      levelRank[a.entry.level] - levelRank[b.entry.level] ||
      (b.entry.gemeenteInwoners ?? 0) - (a.entry.gemeenteInwoners ?? 0) ||
      a.exact - b.exact ||
      a.entry.name.localeCompare(b.entry.name, 'nl') ||
      sortKey(a.entry.gemeenteName).localeCompare(sortKey(b.entry.gemeenteName), 'nl') ||
      a.entry.code.localeCompare(b.entry.code),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}

export interface CodeHint {
  /** Dutch sentence saying why the code is not on this map. */
  message: string;
  /** The gemeente the code belongs to, when it is in this indeling. */
  suggestion: SearchEntry | null;
}

/**
 * Explains a CBS code that is not in this map's indeling, instead of a bare
 * "niets gevonden": codes change when a gemeente re-divides or merges, and
 * Amsterdam moved to letters in its wijk and buurt codes in 2023.
 */
export function explainUnknownCode(index: SearchIndex, query: string): CodeHint | null {
  const code = codeOf(query);
  if (!levelOfAreaCode(code) || index.byCode.has(code)) return null;
  const year = index.indelingYear ? ` (${index.indelingYear})` : '';
  const gemeenteCode = gemeenteOfAreaCode(code);
  const gemeenteIndex = index.byCode.get(gemeenteCode);
  if (gemeenteIndex === undefined) {
    return {
      message: `${code} staat niet in de indeling van deze kaart${year}. Gemeente ${gemeenteCode} bestaat daarin niet meer, bijvoorbeeld door een gemeentelijke herindeling. Zoek op de naam van de plaats.`,
      suggestion: null,
    };
  }
  const gemeente = index.entries[gemeenteIndex];
  const oldAmsterdam = gemeenteCode === 'GM0363' && /^(WK|BU)\d+$/.test(code);
  const why = oldAmsterdam
    ? `${code} is een code uit de indeling van vóór 2023; Amsterdam gebruikt sindsdien letters in wijk- en buurtcodes (zoals BU0363AA01).`
    : `${code} staat niet in de indeling van deze kaart${year}; wijk- en buurtcodes veranderen als een gemeente opnieuw indeelt.`;
  return { message: `${why} Bedoelt u een gebied in ${gemeente.name}?`, suggestion: gemeente };
}
