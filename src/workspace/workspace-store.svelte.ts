/**
 * Rune-based store of all workspaces of this browser: the state the UI
 * binds to, with autosave to IndexedDB and conflict detection between tabs.
 *
 * Every change goes through `edit()` (or a helper built on it, the changes
 * themselves are in workspace-edits.ts), which marks the workspace dirty
 * and schedules a save (autosave.ts). A save states the revision it is
 * based on; when another tab saved in between, nothing is written over it:
 * the two versions are merged field by field against the last stored
 * version this tab saw (merge.ts). Edits to different fields are kept from
 * both tabs; edits to the same field set `conflict`, which lists each field
 * with both values so the user chooses per field. A BroadcastChannel
 * (tab-channel.ts) tells other tabs about each save; a tab without unsaved
 * changes takes the new version, and every change that arrives from
 * another tab sets `notice` ("Bijgewerkt vanuit een ander tabblad: …").
 * Opening and checking the storage is store-persistence.ts.
 */
import { gemeenteOfAreaCode } from '../model/area-code.ts';
import { getContext, setContext } from 'svelte';
import { DB_NAME, type StoredWorkspace, type WorkspaceDb } from './db.ts';
import {
  changeStatus,
  createWorkspace,
  customRow,
  newId,
  nowIso,
  rowFromIntervention,
  timelineItemForRow,
  type AreaEvent,
  type DatasetRef,
  type Focus,
  type Judgement,
  type LocalKnowledge,
  type MatrixRow,
  type MatrixStatus,
  type TafelEntry,
  type TimelineItem,
  type Workspace,
  type ResidentAnswerBatch,
} from './model.ts';
import type { CategoryId } from './ids.ts';
import type { AreaImport } from '../enrichment/area-table/types.ts';
import type { SurveyData } from '../model/beleving-types.ts';
import { forgetLegacySurvey, readLegacySurveys } from '../enrichment/survey/persist.ts';
import type { Intervention } from './interventions.ts';
import { serializeWorkspace, workspaceFileName } from './file-format.ts';
import { changedFields, mergeWorkspaces, resolveConflicts, type Choice, type FieldConflict } from './merge.ts';
import * as edits from './workspace-edits.ts';
import * as queries from './workspace-queries.ts';
import { PendingSaves, SeenVersions } from './autosave.ts';
import { TabChannel, type TabMessage } from './tab-channel.ts';
import {
  DAMAGED_RECORD,
  checkStoredRecord,
  checkStoredRecords,
  errorText,
  notSavedText,
  openWorkspaceDb,
  quotaText,
  readRememberedActive,
  rememberActive,
  type QuarantinedRecord,
  type RepairedRecord,
} from './store-persistence.ts';
import { TEXT_MAX, clipFields, clipText, joinNl, withSuffix } from './text-rules.ts';

export { storedRecordJson, type QuarantinedRecord, type RepairedRecord } from './store-persistence.ts';
export { areaWithin } from './workspace-queries.ts';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'error';

/**
 * Whether leaving the page now can lose work: edits while the browser
 * storage is not there to take them, or an open conflict or save error while
 * there is a workspace (storage that is missing before anything was made
 * loses nothing). Edits that only wait for the autosave are written on the
 * way out (onBeforeUnload, pagehide), without a prompt each time a user
 * reloads right after typing.
 */
export function workAtRisk(s: { unsavedCount: number; saveState: SaveState; workspaceCount: number; stored: boolean }): boolean {
  if (s.unsavedCount > 0 && !s.stored) return true;
  return (s.saveState === 'conflict' || s.saveState === 'error') && s.workspaceCount > 0;
}

export interface Conflict {
  workspaceId: string;
  /** The version stored by the other tab, or null when it deleted the workspace. */
  theirs: Workspace | null;
  theirRevision: number;
  /** The fields both tabs changed to different values, with both values. Empty when the other tab deleted the workspace. */
  fields: FieldConflict[];
  /** Both versions merged (conflicting fields hold theirs until chosen); null when the other tab deleted it. */
  merged: Workspace | null;
}

/** Changes that arrived from another tab, named per field, until the user closes the notice. */
export interface TabNotice {
  workspaceId: string;
  fields: string[];
}

export interface StoreOptions {
  dbName?: string;
  autosaveMs?: number;
  channelName?: string;
  /** How long opening the browser storage may take before the app says it is not saving (some managed browsers never answer). */
  openTimeoutMs?: number;
}

/**
 * The dataset on screen, as the app tells the store (src/ui/App.svelte):
 * new workspaces record it, and imports check their areas against it.
 */
export interface CurrentDataset {
  ref: DatasetRef;
  /** Does this CBS code exist at any level of the dataset? */
  hasArea: (code: string) => boolean;
}

export class WorkspaceStore {
  workspaces = $state<Workspace[]>([]);
  activeId = $state<string | null>(null);
  loaded = $state(false);
  saveState = $state<SaveState>('idle');
  lastSavedAt = $state<string | null>(null);
  conflict = $state<Conflict | null>(null);
  notice = $state<TabNotice | null>(null);
  error = $state<string | null>(null);
  /** Stored records that failed the check; see QuarantinedRecord. */
  quarantined = $state<QuarantinedRecord[]>([]);
  /** Stored workspaces that loaded after a repair, with what was changed and the record as stored (shown until dismissed; only ever replaced whole). */
  repaired = $state.raw<RepairedRecord[]>([]);
  /** The dataset on screen, or null before it is loaded. */
  currentDataset = $state.raw<CurrentDataset | null>(null);

  active = $derived(this.workspaces.find((w) => w.id === this.activeId) ?? null);

  readonly tabId = newId();
  #db: WorkspaceDb | null = null;
  #channel: TabChannel | null = null;
  #seen = new SeenVersions<Workspace>();
  #pending: PendingSaves;
  #saving: Promise<void> | null = null;
  #initPromise: Promise<void> | null = null;
  readonly #opts: Required<StoreOptions>;
  #onPageHide = () => void this.flush();

  /** `beforeunload`: while work is at risk, asks for the browser's own "leave the page?" prompt (both ways browsers read it). */
  readonly onBeforeUnload = (event: { preventDefault(): void; returnValue: unknown }): void => {
    // Start writing now; pagehide tries again if the user leaves anyway.
    if (this.#pending.size > 0) void this.flush();
    if (!workAtRisk({ unsavedCount: this.#pending.size, saveState: this.saveState, workspaceCount: this.workspaces.length, stored: this.#db !== null })) return;
    event.preventDefault();
    event.returnValue = true;
  };

  constructor(opts: StoreOptions = {}) {
    this.#opts = {
      dbName: opts.dbName ?? DB_NAME,
      autosaveMs: opts.autosaveMs ?? 400,
      channelName: opts.channelName ?? `${opts.dbName ?? DB_NAME}-kanaal`,
      openTimeoutMs: opts.openTimeoutMs ?? 5000,
    };
    this.#pending = new PendingSaves(this.#opts.autosaveMs);
  }

  /** Loads all workspaces; safe to call more than once. */
  init(): Promise<void> {
    this.#initPromise ??= this.#init();
    return this.#initPromise;
  }

  async #init(): Promise<void> {
    await this.#loadStored();
    this.#channel = new TabChannel(this.#opts.channelName, (msg) => void this.#onMessage(msg));
    if (typeof window !== 'undefined') {
      // Reload or closing the tab: write what is pending right away.
      window.addEventListener('pagehide', this.#onPageHide);
      window.addEventListener('beforeunload', this.onBeforeUnload);
      document.addEventListener('visibilitychange', this.#onPageHide);
    }
    if (this.#db) await this.#adoptLegacySurveys();
    this.loaded = true;
  }

  /** Opens the database and shows what it holds; when it cannot be opened, says that work is not kept. */
  async #loadStored(): Promise<void> {
    try {
      this.#db = await openWorkspaceDb(this.#opts.dbName, this.#opts.openTimeoutMs);
      const { valid, quarantined, repaired } = checkStoredRecords(await this.#db.all());
      for (const s of valid) this.#seen.record(s.id, s.revision, s.workspace);
      this.workspaces = valid.map((s) => s.workspace);
      this.quarantined = quarantined;
      this.repaired = repaired;
      const remembered = readRememberedActive();
      this.activeId = this.workspaces.some((w) => w.id === remembered) ? remembered : (this.workspaces[0]?.id ?? null);
    } catch (e) {
      this.#db = null;
      this.saveState = 'error';
      this.error = notSavedText(errorText(e));
    }
  }

  dispose(): void {
    this.#pending.cancelTimer();
    this.#channel?.close();
    this.#channel = null;
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.#onPageHide);
      window.removeEventListener('beforeunload', this.onBeforeUnload);
      document.removeEventListener('visibilitychange', this.#onPageHide);
    }
    this.#db?.close();
    this.#db = null;
  }

  get hasUnsavedChanges(): boolean {
    return this.#pending.size > 0;
  }

  byId(id: string): Workspace | undefined {
    return this.workspaces.find((w) => w.id === id);
  }

  /** Workspaces whose focus contains this area (the area itself or a wijk/gemeente around it). */
  workspacesFor(areaCode: string): Workspace[] {
    return queries.workspacesCovering(this.workspaces, areaCode);
  }

  select(id: string | null): void {
    this.activeId = id;
    rememberActive(id);
  }

  create(name: string, focus: Focus): Workspace {
    const ws = createWorkspace(clipText(name.trim(), TEXT_MAX.workspaceName) || 'Naamloze werkruimte', focus, nowIso(), this.currentDataset?.ref ?? null);
    this.workspaces.push(ws);
    this.#seen.recordNew(ws.id);
    this.select(ws.id);
    this.#markDirty(ws.id);
    return this.byId(ws.id)!;
  }

  /**
   * Applies a change to a workspace (default: the active one) and schedules
   * the autosave. The mutator receives the reactive object.
   */
  edit(mutator: (ws: Workspace) => void, id: string | null = this.activeId): void {
    const ws = id ? this.byId(id) : undefined;
    if (!ws) return;
    mutator(ws);
    ws.updatedAt = nowIso();
    this.#markDirty(ws.id);
  }

  rename(id: string, name: string): void {
    const clean = clipText(name.trim(), TEXT_MAX.workspaceName);
    if (!clean) return;
    this.edit((ws) => void (ws.name = clean), id);
  }

  /**
   * Deletes a workspace. Resolves to null when it is gone, or to the Dutch
   * message why not: the storage refused, so it stays (a reload would bring
   * it back). Not a save error: nothing the team wrote is at risk.
   */
  async remove(id: string): Promise<string | null> {
    await this.init();
    const name = this.byId(id)?.name ?? id;
    const wasPending = this.#pending.has(id);
    this.#pending.forget(id); // no autosave may write it back meanwhile
    try {
      await this.#db?.delete(id);
    } catch (e) {
      if (wasPending) this.#markDirty(id);
      return `‘${name}’ kon niet uit de browseropslag worden verwijderd (${quotaText(e)}). De werkruimte staat er nog; probeer het later opnieuw.`;
    }
    this.workspaces = this.workspaces.filter((w) => w.id !== id);
    this.#seen.forget(id);
    if (this.activeId === id) this.select(this.workspaces[0]?.id ?? null);
    if (this.conflict?.workspaceId === id) this.conflict = null;
    this.#channel?.post({ type: 'deleted', id, tab: this.tabId });
    return null;
  }

  // ── Matrix ────────────────────────────────────────────────────────────────

  addIntervention(i: Intervention): MatrixRow | null {
    return this.#addRow(rowFromIntervention(i));
  }

  addCustomRow(name: string): MatrixRow | null {
    return this.#addRow(customRow(clipText(name.trim(), TEXT_MAX.label) || 'Eigen interventie'));
  }

  #addRow(row: MatrixRow): MatrixRow | null {
    this.edit((ws) => void ws.matrix.push(row));
    return this.active?.matrix.find((r) => r.id === row.id) ?? null;
  }

  /** Changes fields of a row; a new status is recorded in its history (see setStatus). */
  updateRow(rowId: string, patch: Partial<Omit<MatrixRow, 'id' | 'statusHistory'>>): void {
    const { status, ...rest } = patch;
    this.edit((ws) => {
      edits.updateRow(ws, rowId, rest);
      const row = ws.matrix.find((r) => r.id === rowId);
      if (row && status) changeStatus(row, status);
    });
  }

  /** Sets a row's status and records the change, with today's date and an optional note. */
  setStatus(rowId: string, status: MatrixStatus, note = ''): void {
    this.edit((ws) => {
      const row = ws.matrix.find((r) => r.id === rowId);
      if (row) changeStatus(row, status, nowIso(), clipText(note, TEXT_MAX.note));
    });
  }

  /** Edits the note of one entry of a row's status history. */
  setStatusNote(rowId: string, index: number, note: string): void {
    this.edit((ws) => {
      const entry = ws.matrix.find((r) => r.id === rowId)?.statusHistory[index];
      if (entry) entry.note = clipText(note, TEXT_MAX.note);
    });
  }

  /** Removes a row with its timeline items. */
  removeRow(rowId: string): void {
    this.edit((ws) => edits.removeRow(ws, rowId));
  }

  /** Moves a row up (-1) or down (+1), for keyboard reordering. */
  moveRow(rowId: string, delta: -1 | 1): void {
    this.edit((ws) => edits.moveRow(ws, rowId, delta));
  }

  // ── Timeline and events ───────────────────────────────────────────────────

  /** Puts a matrix row on the timeline (once), starting this month. */
  planRow(rowId: string, start?: string): TimelineItem | null {
    const ws = this.active;
    const row = ws?.matrix.find((r) => r.id === rowId);
    if (!ws || !row) return null;
    const existing = ws.timeline.find((t) => t.rowId === rowId);
    if (existing) return existing;
    const order = ws.timeline.reduce((m, t) => Math.max(m, t.order), -1) + 1;
    const item = timelineItemForRow(row, order, start);
    this.edit((w) => void w.timeline.push(item));
    return this.active?.timeline.find((t) => t.id === item.id) ?? null;
  }

  updateTimelineItem(itemId: string, patch: Partial<Omit<TimelineItem, 'id'>>): void {
    this.edit((ws) => edits.updateTimelineItem(ws, itemId, patch));
  }

  removeTimelineItem(itemId: string): void {
    this.edit((ws) => edits.removeTimelineItem(ws, itemId));
  }

  /** Swaps the order of an item with its neighbour. */
  moveTimelineItem(itemId: string, delta: -1 | 1): void {
    this.edit((ws) => edits.moveTimelineItem(ws, itemId, delta));
  }

  addEvent(event: Omit<AreaEvent, 'id'>): void {
    this.edit((ws) => void ws.events.push({ ...clipFields(event, { label: TEXT_MAX.label }), id: newId() }));
  }

  updateEvent(eventId: string, patch: Partial<Omit<AreaEvent, 'id'>>): void {
    this.edit((ws) => {
      const e = ws.events.find((x) => x.id === eventId);
      if (e) Object.assign(e, clipFields(patch, { label: TEXT_MAX.label }));
    });
  }

  removeEvent(eventId: string): void {
    this.edit((ws) => void (ws.events = ws.events.filter((e) => e.id !== eventId)));
  }

  // ── Local knowledge, priorities, Tafel van 12 ─────────────────────────────

  setLocalKnowledge(areaCode: string, categoryId: CategoryId, patch: Partial<Pick<LocalKnowledge, 'recognises' | 'examples' | 'notes'>>): void {
    this.edit((ws) => edits.setLocalKnowledge(ws, areaCode, categoryId, patch));
  }

  togglePriority(categoryId: CategoryId): void {
    this.edit((ws) => edits.togglePriority(ws, categoryId));
  }

  setTafel(areaCode: string, itemId: string, patch: Partial<Pick<TafelEntry, 'state' | 'source' | 'date'>>): void {
    this.edit((ws) => edits.setTafel(ws, areaCode, itemId, patch));
  }

  /**
   * Records (or replaces) the kernteam's judgement for an area and category
   * in a workspace (default: the active one); null removes it.
   */
  setJudgement(areaCode: string, categoryId: CategoryId, judgement: Omit<Judgement, 'areaCode' | 'categoryId'> | null, id: string | null = this.activeId): void {
    this.edit((ws) => edits.setJudgement(ws, areaCode, categoryId, judgement), id);
  }

  // ── Area data imports ─────────────────────────────────────────────────────

  /** Adds an applied import to a workspace (default: the active one). */
  addImport(imp: AreaImport, id: string | null = this.activeId): void {
    this.edit((ws) => {
      ws.imports = [...(ws.imports ?? []), imp];
    }, id);
  }

  /** Removes an import; returns it and its position so that undo can put it back. */
  removeImport(importId: string, id: string | null = this.activeId): { imp: AreaImport; index: number } | null {
    const ws = id ? this.byId(id) : undefined;
    const index = ws?.imports?.findIndex((i) => i.id === importId) ?? -1;
    if (!ws || index < 0) return null;
    const imp = $state.snapshot(ws.imports[index]) as AreaImport;
    this.edit((w) => {
      w.imports = w.imports.filter((i) => i.id !== importId);
    }, id);
    return { imp, index };
  }

  /** Puts a removed import back at its place (undo of removeImport). */
  restoreImport(imp: AreaImport, index: number, id: string | null = this.activeId): void {
    this.edit((ws) => edits.restoreImport(ws, imp, index), id);
  }

  // ── Surveys (veiligheidsbeleving) ─────────────────────────────────────────

  /** The survey a workspace (default: the active one) applies to a dataset, or null. */
  surveyFor(datasetId: string, id: string | null = this.activeId): SurveyData | null {
    const ws = id ? this.byId(id) : undefined;
    return ws?.surveys?.find((s) => s.datasetId === datasetId)?.survey ?? null;
  }

  /** Sets (or with null removes) the survey of a workspace for a dataset; one survey per dataset. */
  setSurvey(datasetId: string, survey: SurveyData | null, id: string | null = this.activeId): void {
    const plain = survey ? (structuredClone($state.snapshot(survey)) as SurveyData) : null;
    this.edit((ws) => edits.setSurvey(ws, datasetId, plain), id);
  }
  /**
   * The active workspace, or, when there is none, a new one for the gemeente
   * of the survey's first figure.
   */
  workspaceIdForSurvey(survey: SurveyData, gemeenteName: (code: string) => string = (code) => survey.figures.find((f) => f.code === code)?.name ?? code): string {
    if (this.activeId && this.active) return this.activeId;
    const first = survey.figures[0];
    const gemeenteCode = gemeenteOfAreaCode(first.code);
    const name = gemeenteName(gemeenteCode);
    return this.create(`Enquête ${name}`, { kind: 'gemeente', gemeenteCode, areas: [{ code: gemeenteCode, name }] }).id;
  }

  /**
   * Before file version 5 an applied survey lived per dataset in
   * localStorage. Each such survey moves once into the active workspace (or
   * a new one for its gemeente when there is none), unless that workspace
   * already has a survey for the dataset. The old entry is removed only
   * after IndexedDB confirmed the write, so a failed save loses nothing.
   */
  async #adoptLegacySurveys(): Promise<void> {
    const legacy = readLegacySurveys();
    if (legacy.length === 0) return;
    const adopted: string[] = [];
    for (const { datasetId, survey } of legacy) {
      const id = this.workspaceIdForSurvey(survey);
      if (!this.surveyFor(datasetId, id)) this.setSurvey(datasetId, survey, id);
      adopted.push(datasetId);
    }
    // Still inside init, so no other save can run: write directly (flush would wait for init).
    this.#pending.cancelTimer();
    await this.#saveAll();
    if (this.#durable()) adopted.forEach(forgetLegacySurvey);
  }

  /** The workspace that covers an area: the active one if it does, else the first that does, else a new one for the area. */
  workspaceIdForArea(area: { code: string; name: string; level: 'gemeente' | 'wijk' | 'buurt'; gemeenteCode: string }): string {
    const covering = this.workspacesFor(area.code);
    if (this.active && covering.includes(this.active)) return this.active.id;
    if (covering[0]) return covering[0].id;
    const kind = area.level === 'buurt' ? 'buurten' : area.level;
    return this.create(area.name, { kind, gemeenteCode: area.gemeenteCode, areas: [{ code: area.code, name: area.name }] }).id;
  }

  /** Stores the answers of one imported file (resident page) in a workspace. */
  addResidentAnswers(batch: ResidentAnswerBatch, id: string | null = this.activeId): void {
    this.edit((ws) => {
      ws.residentAnswers = [...(ws.residentAnswers ?? []), batch];
    }, id);
  }

  // ── Lookups for the map, the kompas and the report ────────────────────────

  /** The judgement for an area and category: from the active workspace first, then any other. */
  findJudgement(areaCode: string, categoryId: string): { judgement: Judgement; workspace: Workspace } | null {
    return queries.findJudgement(queries.activeFirst(this.workspaces, this.active), areaCode, categoryId);
  }

  /** All judgements for one category by area code (for the map), with the same precedence as findJudgement. */
  judgementsFor(categoryId: string): Map<string, Judgement> {
    return queries.judgementsFor(queries.activeFirst(this.workspaces, this.active), categoryId);
  }

  /**
   * Local knowledge for an area and category, for the kompas badge. Prefers
   * the active workspace, then any other; falls back to the enclosing wijk.
   */
  findLocalKnowledge(areaCode: string, categoryId: string): { entry: LocalKnowledge; workspace: Workspace } | null {
    return queries.findLocalKnowledge(queries.activeFirst(this.workspaces, this.active), areaCode, categoryId);
  }

  // ── Files ─────────────────────────────────────────────────────────────────

  /**
   * The JSON text and file name for the active workspace. The file carries
   * its own save time; call `markSavedToFile` once the file was written.
   */
  exportActive(now = new Date()): { text: string; fileName: string; savedAt: string } | null {
    const ws = this.active;
    if (!ws) return null;
    const savedAt = now.toISOString();
    // structuredClone as well: in server-compiled code (Node tests) snapshot returns the object itself.
    const snap = structuredClone($state.snapshot(ws)) as Workspace;
    snap.savedToFileAt = savedAt;
    // A workspace from before file version 6 does not know its dataset; the file records the one on screen.
    snap.dataset ??= this.currentDataset?.ref ?? null;
    return { text: serializeWorkspace(snap, savedAt), fileName: workspaceFileName(snap, 'json', now), savedAt };
  }

  /** Records when the workspace was last written to a file (not a content change, so updatedAt stays). */
  markSavedToFile(id: string, savedAt: string): void {
    const ws = this.byId(id);
    if (!ws) return;
    ws.savedToFileAt = savedAt;
    this.#markDirty(id);
  }

  /**
   * Adds an imported workspace. `new` keeps both (with a fresh id when the
   * id is taken, also by a quarantined record); `replace` overwrites the
   * workspace with `targetId`, and is only called after the user confirmed.
   */
  importWorkspace(imported: Workspace, mode: { kind: 'new' } | { kind: 'replace'; targetId: string }): Workspace {
    // Snapshot first: the caller may hand in a reactive proxy, which structuredClone refuses.
    const ws: Workspace = structuredClone($state.snapshot(imported) as Workspace);
    if (mode.kind === 'replace') {
      const i = this.workspaces.findIndex((w) => w.id === mode.targetId);
      if (i < 0) throw new Error('De werkruimte die vervangen moest worden bestaat niet meer.');
      ws.id = mode.targetId;
      this.workspaces[i] = ws;
    } else {
      // A quarantined record keeps its id in IndexedDB: reusing it would meet that record as an "other tab".
      if (this.byId(ws.id) || this.quarantined.some((q) => q.key === ws.id)) {
        ws.id = newId();
        ws.name = withSuffix(ws.name, ' (geïmporteerd)', TEXT_MAX.workspaceName);
      }
      this.workspaces.push(ws);
      this.#seen.recordNew(ws.id);
    }
    this.select(ws.id);
    this.#markDirty(ws.id);
    return this.byId(ws.id)!;
  }

  // ── Saving ────────────────────────────────────────────────────────────────

  #markDirty(id: string): void {
    this.#pending.mark(id);
    if (this.saveState !== 'conflict') this.saveState = 'dirty';
    this.#pending.schedule(() => void this.flush());
  }

  /**
   * Saves now and says whether the work is durable: true only when
   * IndexedDB confirmed every write (nothing dirty, no error, no conflict).
   * Dialogs use this before they say "bewaard".
   */
  async saveNow(): Promise<boolean> {
    await this.flush();
    return this.#durable();
  }

  #durable(): boolean {
    return this.#db !== null && this.#pending.size === 0 && this.saveState === 'saved';
  }

  /** Saves every dirty workspace now. Resolves when done. */
  async flush(): Promise<void> {
    this.#pending.cancelTimer();
    await this.init();
    // One save at a time; a flush during a save runs right after it.
    while (this.#saving) await this.#saving;
    if (this.#pending.size === 0) return;
    this.#saving = this.#saveAll().finally(() => (this.#saving = null));
    await this.#saving;
  }

  async #saveAll(): Promise<void> {
    const db = this.#db;
    if (!db) {
      // No IndexedDB (blocked by policy or private mode): work stays in memory only.
      this.saveState = 'error';
      this.error ??= notSavedText('de browseropslag is niet beschikbaar');
      return;
    }
    this.saveState = 'saving';
    let conflicted = false;
    // Every workspace gets its turn: one that cannot be written must not keep the others unsaved.
    const failed: string[] = [];
    for (const [id, editCount] of this.#pending.list()) {
      try {
        if (await this.#saveOne(db, id, editCount)) conflicted = true;
      } catch (e) {
        failed.push(`‘${this.byId(id)?.name ?? id}’ (${quotaText(e)})`);
      }
    }
    if (failed.length) {
      this.saveState = 'error';
      this.error = notSavedText(`opslaan is mislukt voor ${joinNl(failed)}`);
    } else if (conflicted || this.conflict) this.saveState = 'conflict';
    else if (this.#pending.size > 0) this.saveState = 'dirty';
    else {
      this.saveState = 'saved';
      this.lastSavedAt = nowIso();
      this.error = null;
    }
  }

  /**
   * Writes one dirty workspace; when another tab saved in between, merges
   * with its version and tries again (a third tab may race once more).
   * True when the user must choose between the versions first.
   */
  async #saveOne(db: WorkspaceDb, id: string, editCount: number): Promise<boolean> {
    if (this.conflict?.workspaceId === id) return true;
    const ws = this.byId(id);
    if (!ws) {
      this.#pending.forget(id);
      return false;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const snap = $state.snapshot(ws) as Workspace;
      const res = await db.put(snap, this.#seen.revision(id) ?? 0);
      if (res.ok) {
        this.#stored(id, res.revision, snap);
        this.#pending.saved(id, editCount);
        return false;
      }
      // What another tab stored is checked like at load: a damaged record is neither merged nor overwritten.
      const theirs = res.current ? checkStoredRecord(res.current) : null;
      if (res.current && !theirs) throw new Error(DAMAGED_RECORD);
      if (!this.#mergeTheirs(id, theirs)) return true;
    }
    // Still dirty: the next save tries again.
    return false;
  }

  /** IndexedDB holds `snap` at `revision`: remember it as the merge base and tell the other tabs. */
  #stored(id: string, revision: number, snap: Workspace): void {
    this.#seen.record(id, revision, snap);
    this.#channel?.post({ type: 'saved', id, revision, tab: this.tabId });
  }

  // ── Tabs: conflicts and changes from elsewhere ────────────────────────────

  /**
   * Ends a conflict: `reload` takes the other tab's version, `keepMine`
   * keeps this tab's value in every conflicting field (the other tab's
   * changes to other fields stay), `copy` keeps this tab's version as a new
   * workspace and reloads the other one.
   */
  async resolveConflict(choice: 'reload' | 'keepMine' | 'copy'): Promise<void> {
    // A plain copy: the versions are cloned and stored, which a reactive proxy refuses.
    const c = this.conflict ? ($state.snapshot(this.conflict) as Conflict) : null;
    const db = this.#db;
    if (!c || !db) return;
    const mine = this.byId(c.workspaceId);
    if (choice === 'keepMine' && mine && c.merged) {
      await this.resolveFields(Object.fromEntries(c.fields.map((f) => [f.key, 'mine' as const])));
      return;
    }
    if (choice === 'keepMine' && mine) {
      const snap = $state.snapshot(mine) as Workspace;
      try {
        this.#stored(c.workspaceId, await db.forcePut(snap), snap);
      } catch (e) {
        // The conflict stays open, so the user can choose again or save a file.
        this.#choiceFailed(c, e);
        return;
      }
      this.#pending.forget(c.workspaceId);
    } else {
      if (choice === 'copy' && mine) this.#keepAsCopy(mine);
      this.#pending.forget(c.workspaceId);
      this.#applyStored(c.workspaceId, c.theirs ? { id: c.workspaceId, revision: c.theirRevision, workspace: c.theirs } : null);
    }
    this.conflict = null;
    this.saveState = this.#pending.size > 0 ? 'dirty' : 'saved';
    if (this.#pending.size > 0) await this.flush();
  }

  /** This tab's version of a workspace as a new workspace "(mijn versie)", to be saved. */
  #keepAsCopy(mine: Workspace): void {
    const copy = structuredClone($state.snapshot(mine) as Workspace);
    copy.id = newId();
    copy.name = withSuffix(mine.name, ' (mijn versie)', TEXT_MAX.workspaceName);
    this.workspaces.push(copy);
    this.#seen.recordNew(copy.id);
    this.#pending.mark(copy.id);
  }

  /**
   * Ends a conflict field by field: each conflicting field takes this tab's
   * value ('mine') or the other tab's ('theirs', also when not chosen); all
   * other changes of both tabs are kept. The result is saved right away.
   */
  async resolveFields(choices: Record<string, Choice>): Promise<void> {
    const c = this.conflict ? ($state.snapshot(this.conflict) as Conflict) : null;
    if (!c?.merged || !c.theirs) return;
    let resolved: Workspace;
    try {
      resolved = resolveConflicts(c.merged, c.fields, choices);
    } catch (e) {
      this.#choiceFailed(c, e);
      return;
    }
    this.#takeMerged(c.workspaceId, resolved, { id: c.workspaceId, revision: c.theirRevision, workspace: c.theirs });
    this.conflict = null;
    this.#pending.mark(c.workspaceId);
    this.saveState = 'dirty';
    await this.flush();
  }

  #choiceFailed(c: Conflict, e: unknown): void {
    const name = this.byId(c.workspaceId)?.name ?? c.theirs?.name ?? 'de werkruimte';
    this.saveState = 'error';
    this.error = notSavedText(`uw keuze voor ‘${name}’ kon niet worden opgeslagen (${quotaText(e)})`);
  }

  dismissNotice(): void {
    this.notice = null;
  }

  dismissRepaired(): void {
    this.repaired = [];
  }

  /**
   * Merges the stored version of another tab into this tab's unsaved one.
   * True when nothing conflicts (the merge is now this tab's version, based
   * on theirs); false when the user must choose (`conflict` is set).
   */
  #mergeTheirs(id: string, stored: StoredWorkspace | null): boolean {
    const mine = this.byId(id);
    if (!stored || !mine) {
      this.conflict = { workspaceId: id, theirs: stored?.workspace ?? null, theirRevision: stored?.revision ?? 0, fields: [], merged: null };
      return false;
    }
    const result = mergeWorkspaces(this.#seen.content(id), $state.snapshot(mine) as Workspace, stored.workspace);
    if (result.conflicts.length) {
      this.conflict = { workspaceId: id, theirs: stored.workspace, theirRevision: stored.revision, fields: result.conflicts, merged: result.merged };
      return false;
    }
    this.#takeMerged(id, result.merged, stored);
    this.#announce(id, result.fromTheirs);
    return true;
  }

  /** This tab now shows `merged`, based on the stored version `base` (in place, so open forms keep their object). */
  #takeMerged(id: string, merged: Workspace, base: StoredWorkspace): void {
    const ws = this.byId(id);
    if (!ws) return;
    for (const key of Object.keys(ws) as (keyof Workspace)[]) if (!(key in merged)) delete ws[key];
    Object.assign(ws, structuredClone(merged));
    this.#seen.record(id, base.revision, base.workspace);
  }

  #announce(id: string, fields: string[]): void {
    if (!fields.length) return;
    const earlier = this.notice?.workspaceId === id ? this.notice.fields : [];
    this.notice = { workspaceId: id, fields: [...earlier, ...fields.filter((f) => !earlier.includes(f))] };
  }

  /** This tab shows the stored version (or drops the workspace when another tab deleted it). */
  #applyStored(id: string, stored: StoredWorkspace | null): void {
    const i = this.workspaces.findIndex((w) => w.id === id);
    if (!stored) {
      if (i >= 0) this.workspaces.splice(i, 1);
      this.#seen.forget(id);
      if (this.activeId === id) this.select(this.workspaces[0]?.id ?? null);
      return;
    }
    this.#seen.record(id, stored.revision, stored.workspace);
    if (i >= 0) this.workspaces[i] = stored.workspace;
    else this.workspaces.push(stored.workspace);
  }

  async #onMessage(msg: TabMessage): Promise<void> {
    if (!msg || msg.tab === this.tabId || !this.#db) return;
    const known = this.#seen.revision(msg.id);
    if (msg.type === 'saved' && known !== undefined && msg.revision <= known) return;
    const raw = await this.#db.get(msg.id);
    const stored = raw ? checkStoredRecord(raw) : null;
    // A record that does not check out is not taken in; saving here says so (#saveOne).
    if (raw && !stored) return;
    if (this.conflict?.workspaceId === msg.id) {
      // Already asking: ask again against the newest version.
      this.#mergeTheirs(msg.id, stored);
      return;
    }
    if (this.#pending.has(msg.id)) {
      // Unsaved work here and a newer version there: merge, and ask only about fields both changed.
      if (this.#mergeTheirs(msg.id, stored)) this.#markDirty(msg.id);
      else this.saveState = 'conflict';
      return;
    }
    if (this.byId(msg.id) && stored) this.#announce(msg.id, changedFields(this.#seen.content(msg.id), stored.workspace));
    this.#applyStored(msg.id, stored);
  }
}

/** "a", "a en b", "a, b en c". */

// ── Sharing one store in the app ─────────────────────────────────────────────

const CONTEXT_KEY = Symbol('workspace-store');
let shared: WorkspaceStore | null = null;

/** The app-wide store, created on first use. */
export function sharedWorkspaceStore(): WorkspaceStore {
  shared ??= new WorkspaceStore();
  void shared.init();
  return shared;
}

/** Lets a parent (or a test) provide a store to the workspace components below it. */
export function provideWorkspaceStore(store: WorkspaceStore): WorkspaceStore {
  setContext(CONTEXT_KEY, store);
  return store;
}

/** For components: the provided store, or the app-wide one. */
export function useWorkspaceStore(): WorkspaceStore {
  return getContext<WorkspaceStore | undefined>(CONTEXT_KEY) ?? sharedWorkspaceStore();
}
