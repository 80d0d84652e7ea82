/**
 * Area names as exports spell them, matched to the dataset's names: shared by
 * the area table and survey imports (src/enrichment/area-table/area-keys.ts,
 * src/enrichment/survey/parse.ts), so both match names the same way.
 */

/** Name for matching: lower case, no accents, punctuation and "wijk 01" numbering folded. */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`"]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** CBS wijk/buurt names sometimes carry a number ("Wijk 01 Oost"); exports often drop it. */
function strippedName(n: string): string {
  return n.replace(/^(wijk|buurt)\s+\d+\s+/, '').trim();
}

/**
 * Areas by name, tolerant of how exports spell them: case, accents,
 * punctuation, and CBS numbering ("Wijk 03 Overvecht" is found as
 * "Overvecht", and the other way round). Shared by the area and survey
 * imports so both match names the same way.
 */
export class NameIndex<T> {
  private readonly byName = new Map<string, T[]>();
  private readonly byStripped = new Map<string, T[]>();

  add(name: string, item: T): void {
    const n = normaliseName(name);
    pushTo(this.byName, n, item);
    const s = strippedName(n);
    if (s !== n) pushTo(this.byStripped, s, item);
  }

  /** Every area the name can mean: the exact name first, else the name without its CBS number. */
  find(raw: string): T[] {
    const n = normaliseName(raw);
    const exact = this.byName.get(n);
    if (exact?.length) return exact;
    return this.byStripped.get(strippedName(n)) ?? this.byName.get(strippedName(n)) ?? [];
  }
}

/** Appends `item` to the list under `key`. */
export function pushTo<T>(map: Map<string, T[]>, key: string, item: T) {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
