/**
 * The changes the store makes inside one workspace, as plain functions on
 * the workspace object (no storage, no runes). WorkspaceStore.edit() wraps
 * each one so that it is timestamped and saved.
 */
import { nowIso, type Judgement, type LocalKnowledge, type MatrixRow, type TafelEntry, type TimelineItem, type Workspace } from './model.ts';
import { TEXT_MAX, clipFields, clipText } from './text-rules.ts';
import type { CategoryId } from './ids.ts';
import type { AreaImport } from '../enrichment/area-table/types.ts';
import type { SurveyData } from '../model/beleving-types.ts';

/** The entry of `list` that `matches`, after adding `created()` when there is none; returns the object in the list (reactive in the store). */
function findOrAdd<T>(list: T[], matches: (entry: T) => boolean, created: () => T): T {
  if (!list.some(matches)) list.push(created());
  return list.find(matches)!;
}

/** Moves the element at `i` to `i + delta`; nothing when either end lies outside the list. */
function moveWithin<T>(list: T[], i: number, delta: -1 | 1): void {
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return;
  const [entry] = list.splice(i, 1);
  list.splice(j, 0, entry);
}

/** Drops timeline items and the dependencies on them. */
function dropTimelineItems(ws: Workspace, gone: Set<string>): void {
  ws.timeline = ws.timeline.filter((t) => !gone.has(t.id));
  for (const t of ws.timeline) t.dependsOn = t.dependsOn.filter((d) => !gone.has(d));
}

/** A reference that repairReferences took out: item `index` of the timeline referred to `ref`, which does not exist. */
export interface DanglingReference {
  index: number;
  label: string;
  kind: 'row' | 'dependency';
  ref: string;
}

/**
 * Takes out references to what no longer exists, as removeRow does when it
 * is done in one tab: a timeline item whose matrix row is gone stays as a
 * free item (its months and milestones are the team's work), a dependency
 * on an item that is gone, or on the item itself, is dropped. Two tabs can
 * each make half of such a pair (merge.ts); older versions stored them.
 */
export function repairReferences(ws: Workspace): DanglingReference[] {
  const rows = new Set(ws.matrix.map((r) => r.id));
  const items = new Set(ws.timeline.map((t) => t.id));
  const out: DanglingReference[] = [];
  ws.timeline.forEach((t, index) => {
    if (t.rowId !== null && !rows.has(t.rowId)) {
      out.push({ index, label: t.label, kind: 'row', ref: t.rowId });
      t.rowId = null;
    }
    const gone = t.dependsOn.filter((d) => !items.has(d) || d === t.id);
    for (const ref of gone) out.push({ index, label: t.label, kind: 'dependency', ref });
    if (gone.length) t.dependsOn = t.dependsOn.filter((d) => !gone.includes(d));
  });
  return out;
}

/** Removes a matrix row with its timeline items. */
export function removeRow(ws: Workspace, rowId: string): void {
  ws.matrix = ws.matrix.filter((r) => r.id !== rowId);
  dropTimelineItems(ws, new Set(ws.timeline.filter((t) => t.rowId === rowId).map((t) => t.id)));
}

/** Changes fields of a row (not its status, see changeStatus); texts are clipped to the limits of text-rules.ts, as the editors' maxlength does. */
export function updateRow(ws: Workspace, rowId: string, patch: Partial<Omit<MatrixRow, 'id' | 'status' | 'statusHistory'>>): void {
  const row = ws.matrix.find((r) => r.id === rowId);
  if (!row) return;
  const clipped = clipFields(patch, { name: TEXT_MAX.label, obstacle: TEXT_MAX.text, notes: TEXT_MAX.text });
  if (patch.actions) clipped.actions = patch.actions.map((a) => ({ ...a, text: clipText(a.text, TEXT_MAX.text) }));
  Object.assign(row, clipped);
}

/** Changes fields of a timeline item; its label and milestone labels are clipped like updateRow's texts. */
export function updateTimelineItem(ws: Workspace, itemId: string, patch: Partial<Omit<TimelineItem, 'id'>>): void {
  const item = ws.timeline.find((t) => t.id === itemId);
  if (!item) return;
  const clipped = clipFields(patch, { label: TEXT_MAX.label });
  if (patch.milestones) clipped.milestones = patch.milestones.map((m) => ({ ...m, label: clipText(m.label, TEXT_MAX.label) }));
  Object.assign(item, clipped);
}

export function moveRow(ws: Workspace, rowId: string, delta: -1 | 1): void {
  moveWithin(ws.matrix, ws.matrix.findIndex((r) => r.id === rowId), delta);
}

export function removeTimelineItem(ws: Workspace, itemId: string): void {
  dropTimelineItems(ws, new Set([itemId]));
}

/** Swaps the order of a timeline item with its neighbour in time order. */
export function moveTimelineItem(ws: Workspace, itemId: string, delta: -1 | 1): void {
  const sorted = [...ws.timeline].sort((a, b) => a.order - b.order);
  const i = sorted.findIndex((t) => t.id === itemId);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= sorted.length) return;
  const a = ws.timeline.find((t) => t.id === sorted[i].id)!;
  const b = ws.timeline.find((t) => t.id === sorted[j].id)!;
  [a.order, b.order] = [b.order, a.order];
}

export function setLocalKnowledge(ws: Workspace, areaCode: string, categoryId: CategoryId, patch: Partial<Pick<LocalKnowledge, 'recognises' | 'examples' | 'notes'>>): void {
  const entry = findOrAdd(
    ws.localKnowledge,
    (k) => k.areaCode === areaCode && k.categoryId === categoryId,
    () => ({ areaCode, categoryId, recognises: null, examples: '', notes: '', updatedAt: nowIso() }),
  );
  Object.assign(entry, clipFields(patch, { examples: TEXT_MAX.text, notes: TEXT_MAX.text }), { updatedAt: nowIso() });
}

export function togglePriority(ws: Workspace, categoryId: CategoryId): void {
  ws.priorities = ws.priorities.includes(categoryId) ? ws.priorities.filter((c) => c !== categoryId) : [...ws.priorities, categoryId];
}

export function setTafel(ws: Workspace, areaCode: string, itemId: string, patch: Partial<Pick<TafelEntry, 'state' | 'source' | 'date'>>): void {
  const entry = findOrAdd(
    ws.tafel,
    (t) => t.areaCode === areaCode && t.itemId === itemId,
    () => ({ areaCode, itemId, state: 'onbekend', source: '', date: '' }),
  );
  Object.assign(entry, clipFields(patch, { source: TEXT_MAX.text }));
}

/** Records (or with null removes) the kernteam's judgement for an area and category; reason and role clipped like the form's maxlength. */
export function setJudgement(ws: Workspace, areaCode: string, categoryId: CategoryId, judgement: Omit<Judgement, 'areaCode' | 'categoryId'> | null): void {
  const rest = (ws.judgements ?? []).filter((j) => !(j.areaCode === areaCode && j.categoryId === categoryId));
  ws.judgements = judgement ? [...rest, { areaCode, categoryId, ...clipFields(judgement, { reason: TEXT_MAX.note, authorRole: TEXT_MAX.role }) }] : rest;
}

/** Puts an import at `index` (or last), replacing one with the same id. */
export function restoreImport(ws: Workspace, imp: AreaImport, index: number): void {
  const list = (ws.imports ?? []).filter((i) => i.id !== imp.id);
  list.splice(Math.min(index, list.length), 0, imp);
  ws.imports = list;
}

/** One survey per dataset: sets it, or with null removes it. */
export function setSurvey(ws: Workspace, datasetId: string, survey: SurveyData | null): void {
  const others = (ws.surveys ?? []).filter((s) => s.datasetId !== datasetId);
  ws.surveys = survey ? [...others, { datasetId, survey }] : others;
}
