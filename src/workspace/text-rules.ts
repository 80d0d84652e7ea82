/**
 * How long the kernteam's texts may be and how an empty name is shown: one
 * rule for the editors (maxlength, and the store clips what code hands it),
 * the stored-record check (clips what an older version let through) and the
 * file check (refuses). Names and labels may be empty: a team clears a
 * field to retype it, and an autosave in between must not damage anything.
 */
export const TEXT_MAX = {
  /** Free text (notes, obstacle, actions, examples, source); keeps a hostile file from filling the disk. */
  text: 20_000,
  /** Names and labels of interventions, timeline items, milestones and events. */
  label: 300,
  workspaceName: 200,
  /** Short notes: a status change, a judgement's reason. */
  note: 2000,
  /** The role (never a name) of who recorded a judgement. */
  role: 100,
} as const;

/** At most `max` characters (UTF-16 units, as maxlength counts), without leaving half an emoji at the end. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A patch with each text field named in `limits` clipped to its limit; other fields as given. */
export function clipFields<T extends object>(patch: T, limits: { [K in keyof T]?: number }): T {
  const out = { ...patch };
  for (const key of Object.keys(limits) as (keyof T)[]) {
    const v = out[key];
    if (typeof v === 'string') out[key] = clipText(v, limits[key]!) as T[keyof T];
  }
  return out;
}

/** `name` followed by `suffix` (" (geïmporteerd)"), the name shortened so the whole fits in `max`. */
export function withSuffix(name: string, suffix: string, max: number): string {
  return clipText(name, max - suffix.length) + suffix;
}

/** What the screen shows for a name left empty. */
export const UNNAMED = {
  row: 'Naamloze interventie',
  item: 'Naamloos tijdslijnitem',
  milestone: 'Naamloze mijlpaal',
  event: 'Naamloze gebeurtenis',
} as const;

/** The name, or `fallback` when it is empty or only spaces. */
export function shownName(name: string, fallback: string): string {
  return name.trim() ? name : fallback;
}

export const rowName = (row: { name: string }): string => shownName(row.name, UNNAMED.row);
export const itemLabel = (item: { label: string }): string => shownName(item.label, UNNAMED.item);
export const milestoneLabel = (m: { label: string }): string => shownName(m.label, UNNAMED.milestone);
export const eventLabel = (e: { label: string }): string => shownName(e.label, UNNAMED.event);

/** "a", "a en b", "a, b en c": a list in a Dutch sentence. */
export function joinNl(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
