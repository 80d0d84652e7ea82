/**
 * Field-level three-way merge of two versions of one workspace (issue 15:
 * no lost work between tabs). `base` is the last version this tab saw,
 * `mine` is this tab's unsaved version, `theirs` is what another tab saved.
 * A field changed on one side only takes that side; a field changed on both
 * sides to different values is a conflict the user decides. Lists of
 * records merge per record, matched by identity (id, area + category, …),
 * so two tabs adding matrix rows both keep theirs. Pure: no DOM, no store,
 * and the versions handed in are never changed. The field labels also word
 * the repairs made on load (pathLabel, used by file-format.ts).
 */
import type { Workspace } from './model.ts';
import { itemLabel } from './text-rules.ts';
import { repairReferences, type DanglingReference } from './workspace-edits.ts';

/** One step into a workspace: an object key, or a list item by its identity. */
export type PathStep = string | { item: string };

export interface FieldConflict {
  /** Stable text form of the path, e.g. "matrix[id:r1].notes". */
  key: string;
  path: PathStep[];
  /** Dutch, e.g. "Interventiematrix › ‘Buurtpreventie’ › notities". */
  label: string;
  mine: unknown;
  theirs: unknown;
  /** Fields that follow this one's choice (a row's status history follows its status). */
  companions?: { path: PathStep[]; mine: unknown; theirs: unknown }[];
}

export interface MergeResult {
  /** Non-conflicting changes of both sides; a conflicting field holds their value until resolved. */
  merged: Workspace;
  conflicts: FieldConflict[];
  /** Labels of the fields the other tab changed and the merge took over (for the notice). */
  fromTheirs: string[];
}

export type Choice = 'mine' | 'theirs';

/** Bookkeeping fields: the later time wins, never a conflict. */
const LATEST_WINS = new Set(['updatedAt', 'savedToFileAt']);

const FIELD_LABELS: Record<string, string> = {
  name: 'naam', focus: 'focus', priorities: 'prioriteiten', matrix: 'Interventiematrix', timeline: 'Tijdslijn',
  events: 'Gebeurtenissen', localKnowledge: 'Lokale kennis', tafel: 'Tafel van 12', judgements: 'Kernteam-oordeel',
  imports: 'Geïmporteerde gegevens', surveys: 'Enquêtes', notes: 'notities', status: 'status', obstacle: 'obstakel',
  actions: 'acties', text: 'tekst', lead: 'trekker', partners: 'partners', examples: 'voorbeelden',
  recognises: 'herkenning', reason: 'toelichting', value: 'oordeel', label: 'naam', start: 'begin', end: 'einde',
  milestones: 'mijlpalen', dependsOn: 'afhankelijkheden', areas: 'gebieden', state: 'stand', source: 'bron',
  date: 'datum', categories: 'categorieën', factors: 'factoren',
  residentAnswers: 'Wat bewoners zeggen', dataset: 'dataset', statusHistory: 'statusgeschiedenis', note: 'notitie',
  authorRole: 'rol',
};

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Identity of a list item, or null when the item has none (the list is then one value). */
function itemKey(x: unknown): string | null {
  if (!isRecord(x)) return null;
  if (typeof x.id === 'string') return `id:${x.id}`;
  if (typeof x.areaCode === 'string' && (typeof x.categoryId === 'string' || typeof x.itemId === 'string')) return `${x.areaCode}|${x.categoryId ?? x.itemId}`;
  if (typeof x.datasetId === 'string') return `ds:${x.datasetId}`;
  if (typeof x.code === 'string') return `code:${x.code}`;
  return null;
}

/** Keys of every item, or null when one lacks an identity or two share one. */
function keyed(list: unknown[]): Map<string, unknown> | null {
  const out = new Map<string, unknown>();
  for (const x of list) {
    const k = itemKey(x);
    if (k === null || out.has(k)) return null;
    out.set(k, x);
  }
  return out;
}

function itemName(x: unknown): string {
  if (!isRecord(x)) return '';
  const name = [x.name, x.label, x.text].find((v) => typeof v === 'string' && v.trim());
  if (name) return `‘${String(name).slice(0, 60)}’`;
  if (typeof x.areaCode === 'string') return [x.areaCode, x.categoryId ?? x.itemId].filter(Boolean).join(' ');
  return '';
}

/**
 * A path as the file checks write it ("matrix[0].notes") in the words of the
 * merge notice ("Interventiematrix › ‘Buurtvaders’ › notities"), each list
 * item named from `root`, by its number when it has no name.
 */
export function pathLabel(root: unknown, path: string): string {
  const labels: string[] = [];
  let node = root;
  for (const part of path.split('.')) {
    const [, key, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(part) ?? [part, part];
    labels.push(FIELD_LABELS[key] ?? key);
    node = isRecord(node) ? node[key] : undefined;
    if (index === undefined) continue;
    node = Array.isArray(node) ? node[Number(index)] : undefined;
    labels.push(itemName(node) || `nr. ${Number(index) + 1}`);
  }
  return labels.join(' › ');
}

export function pathKey(path: PathStep[]): string {
  return path.map((s) => (typeof s === 'string' ? `.${s}` : `[${s.item}]`)).join('').replace(/^\./, '');
}

class Merger {
  conflicts: FieldConflict[] = [];
  fromTheirs: string[] = [];

  value(base: unknown, mine: unknown, theirs: unknown, path: PathStep[], labels: string[]): unknown {
    if (same(mine, theirs)) return mine;
    const last = path[path.length - 1];
    if (typeof last === 'string' && LATEST_WINS.has(last)) return String(mine ?? '') >= String(theirs ?? '') ? mine : theirs;
    // Descend even when one side is unchanged, so the notice names the field, not the whole list.
    if (isRecord(mine) && isRecord(theirs)) return this.record(isRecord(base) ? base : {}, mine, theirs, path, labels);
    if (Array.isArray(mine) && Array.isArray(theirs)) {
      const merged = this.list(Array.isArray(base) ? base : [], mine, theirs, path, labels);
      if (merged) return merged;
    }
    if (same(base, mine)) { this.took(labels); return theirs; }
    if (same(base, theirs)) return mine;
    this.conflicts.push({ key: pathKey(path), path, label: labels.join(' › ') || 'werkruimte', mine, theirs });
    return theirs;
  }

  took(labels: string[]) {
    const label = labels.join(' › ');
    if (label && !this.fromTheirs.includes(label)) this.fromTheirs.push(label);
  }

  record(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>, path: PathStep[], labels: string[]) {
    const out: Record<string, unknown> = {};
    // A matrix row's status history is decided together with its status, so the user is asked once.
    const withHistory = 'status' in mine && 'status' in theirs;
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      if (k === 'statusHistory' && withHistory) continue;
      const asked = this.conflicts.length;
      const v = this.value(base[k], mine[k], theirs[k], [...path, k], [...labels, FIELD_LABELS[k] ?? k]);
      if (v !== undefined) out[k] = v;
      if (k !== 'status' || !withHistory) continue;
      const historyPath = [...path, 'statusHistory'];
      if (this.conflicts.length > asked) {
        this.conflicts[this.conflicts.length - 1].companions = [{ path: historyPath, mine: mine.statusHistory, theirs: theirs.statusHistory }];
        out.statusHistory = theirs.statusHistory;
      } else {
        const h = this.value(base.statusHistory, mine.statusHistory, theirs.statusHistory, historyPath, [...labels, FIELD_LABELS.statusHistory]);
        if (h !== undefined) out.statusHistory = h;
      }
    }
    return out;
  }

  /** Per item by identity; null when the lists have no identities (then the list is one value). */
  list(base: unknown[], mine: unknown[], theirs: unknown[], path: PathStep[], labels: string[]): unknown[] | null {
    const b = keyed(base), m = keyed(mine), t = keyed(theirs);
    if (!b || !m || !t) return null;
    // Their order, then the items only this tab has, in this tab's order.
    const order = [...t.keys(), ...[...m.keys()].filter((k) => !t.has(k))];
    const out: unknown[] = [];
    for (const k of order) {
      const item = t.get(k) ?? m.get(k);
      const v = this.value(b.get(k), m.get(k), t.get(k), [...path, { item: k }], [...labels, itemName(item) || k]);
      if (v !== undefined) out.push(v);
    }
    return out;
  }
}

/**
 * Three-way merge; `base` null means this tab never saw a stored version (every difference asks).
 * Each side can hold half of a reference (a plan here, the row deleted there): those are
 * repaired as in one tab (repairReferences), so a merge never stores what the next load refuses.
 */
export function mergeWorkspaces(base: Workspace | null, mine: Workspace, theirs: Workspace): MergeResult {
  const m = new Merger();
  // The result shares objects with the inputs: a copy before the repair below, so it never changes them.
  const shared = m.value(base ?? undefined, mine, theirs, [], []) as Workspace;
  const merged = m.conflicts.length ? shared : structuredClone(shared);
  // A status change brings its history entry along: the notice names the status once.
  const fromTheirs = m.fromTheirs.filter((l) => !(l.endsWith(' › statusgeschiedenis') && m.fromTheirs.includes(l.replace(/statusgeschiedenis$/, 'status'))));
  // While the user still chooses, a reference may come back with the choice: resolveConflicts repairs then.
  const repaired = m.conflicts.length ? [] : repairedLabels(merged);
  return { merged, conflicts: m.conflicts, fromTheirs: [...fromTheirs, ...repaired] };
}

/** Applies the user's choice per conflicting field (missing choice: theirs) to a merged workspace. */
export function resolveConflicts(merged: Workspace, conflicts: FieldConflict[], choices: Record<string, Choice>): Workspace {
  const out = structuredClone(merged);
  for (const c of conflicts) {
    if (choices[c.key] !== 'mine') continue;
    setAt(out, c.path, c.mine);
    for (const companion of c.companions ?? []) setAt(out, companion.path, companion.mine);
  }
  // A chosen item can refer to a row or item the other side removed.
  repairReferences(out);
  return out;
}

/** Repairs dangling references in `ws` (a merged list may lack them) and names each for the notice. */
function repairedLabels(ws: Workspace): string[] {
  if (!Array.isArray(ws?.timeline) || !Array.isArray(ws.matrix)) return [];
  return repairReferences(ws).map(referenceRepairText);
}

/** What repairReferences did to one timeline item, for a notice (after a merge, or on load: file-format.ts). */
export function referenceRepairText(r: DanglingReference): string {
  return r.kind === 'row'
    ? `${FIELD_LABELS.timeline} › ‘${itemLabel(r)}’: de interventie is verwijderd; het item staat nu los op de tijdslijn`
    : `${FIELD_LABELS.timeline} › ‘${itemLabel(r)}’: hing af van een item dat is verwijderd; die afhankelijkheid is weggehaald`;
}

function setAt(root: unknown, path: PathStep[], value: unknown): void {
  if (!path.length) throw new Error('een conflict over de hele werkruimte kan niet per veld worden gekozen');
  let node: unknown = root;
  for (let s = 0; s < path.length - 1; s++) node = step(node, path[s]);
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const rec = node as Record<string, unknown>;
    if (value === undefined) delete rec[last];
    else rec[last] = structuredClone(value);
    return;
  }
  const list = node as unknown[];
  const i = list.findIndex((x) => itemKey(x) === last.item);
  if (value === undefined) { if (i >= 0) list.splice(i, 1); }
  else if (i >= 0) list[i] = structuredClone(value);
  else list.push(structuredClone(value));
}

function step(node: unknown, s: PathStep): unknown {
  if (typeof s === 'string') return (node as Record<string, unknown>)[s];
  return (node as unknown[]).find((x) => itemKey(x) === s.item);
}

/** A field value for the conflict banner, in words. */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null) return '(leeg of verwijderd)';
  if (typeof v === 'string') return v.trim() ? v : '(leeg)';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => (isRecord(x) ? itemName(x) || '…' : String(x))).join(', ') : '(leeg)';
  return itemName(v) || JSON.stringify(v).slice(0, 120);
}

/** What another tab changed compared with the version this tab saw (labels for "Bijgewerkt vanuit een ander tabblad: …"). */
export function changedFields(base: Workspace | null, theirs: Workspace): string[] {
  if (!base) return ['de hele werkruimte'];
  return mergeWorkspaces(base, base, theirs).fromTheirs;
}
