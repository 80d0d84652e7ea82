/**
 * Search over buurt, wijk and gemeente names and codes. Pure, so it is unit
 * tested; the gemeente name is part of every hit to tell apart the many
 * buurten called "Centrum" or "Buitengebied".
 */
import type { Level } from '../model/dataset-format.ts';

export interface SearchEntry {
  level: Level;
  index: number;
  code: string;
  name: string;
  gemeenteName: string;
}

export interface SearchIndex {
  entries: SearchEntry[];
  keys: string[];
}

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`]/g, "'").replace(/\s+/g, ' ').trim();
}

export function buildSearchIndex(entries: SearchEntry[]): SearchIndex {
  return { entries, keys: entries.map((e) => normalise(`${e.name} ${e.gemeenteName}`)) };
}

/** "'s-Gravenhage" sorts under s, as in a Dutch index. */
const sortKey = (name: string) => normalise(name).replace(/^[^a-z0-9]+/, '');

const levelRank: Record<Level, number> = { gemeente: 0, wijk: 1, buurt: 2 };

/** Best matches first: exact code, name starts with the query, word starts, substring. */
export function search(index: SearchIndex, query: string, limit = 10): SearchEntry[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const upper = query.trim().toUpperCase();
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (let i = 0; i < index.entries.length; i++) {
    const entry = index.entries[i];
    let score = -1;
    if (entry.code === upper) score = 0;
    else if (entry.code.startsWith(upper) && upper.length >= 4) score = 1;
    else {
      const name = normalise(entry.name);
      const key = index.keys[i];
      if (name === q) score = 2;
      else if (name.startsWith(q)) score = 3;
      else if (key.includes(' ' + q) || key.startsWith(q)) score = 4;
      else if (key.includes(q)) score = 5;
      else if (q.includes(' ') && q.split(' ').every((part) => key.includes(part))) score = 6;
    }
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => a.score - b.score || levelRank[a.entry.level] - levelRank[b.entry.level] || a.entry.name.localeCompare(b.entry.name, 'nl') || sortKey(a.entry.gemeenteName).localeCompare(sortKey(b.entry.gemeenteName), 'nl') || a.entry.code.localeCompare(b.entry.code));
  return scored.slice(0, limit).map((s) => s.entry);
}
