/**
 * The workspace file: one versioned JSON document per workspace, the way a
 * kernteam shares its work between organisations and keeps a copy outside
 * the browser. Validation is hand-written so every message can say in Dutch
 * what is wrong and where (a JSON path such as `matrix[3].status`).
 *
 * Imported data is rebuilt field by field from known keys, so unknown keys
 * (including `__proto__`) never reach the app. The checks per part are in
 * file-fields.ts, the checker that words the messages in file-checker.ts;
 * this file writes, migrates older versions and puts the checks together.
 */
import { localDate, newId, type Focus, type Workspace } from './model.ts';
import { checkAreaImports } from '../enrichment/area-table/persist.ts';
import { parseJsonText } from '../model/formats/json-text.ts';
import { gemeenteOfAreaCode, isAreaCode } from '../model/area-code.ts';
import { Checker, describe } from './file-checker.ts';
import { TEXT_MAX } from './text-rules.ts';
import { repairReferences } from './workspace-edits.ts';
import { pathLabel, referenceRepairText } from './merge.ts';
import {
  checkDatasetRef,
  checkEvents,
  checkFocus,
  checkJudgements,
  checkLocalKnowledge,
  checkMatrix,
  checkResidentAnswerBatches,
  checkSurveys,
  checkTafel,
  checkTimeline,
} from './file-fields.ts';

export const FILE_FORMAT = 'wijkveiligheidskompas-workspace';
/** 3: adds `judgements` (kernteam-oordeel); a v2 file reads as having none. */
/** 4: adds `imports` (area data imports with their figures); older files read as having none. */
/** 5: adds `surveys` (the applied survey per dataset, before kept in localStorage); older files read as having none. */
/** 6: adds `statusHistory` per matrix row, `dataset` (the dataset the workspace was made on; see migrateToV6) and `residentAnswers` (answers from the resident page); older files read as having none. */
export const FILE_VERSION = 6;

export type ParseResult =
  /** `repairs`: what a stored record needed changed to load (parseStoredWorkspace), with its path. */
  | { ok: true; workspace: Workspace; migratedFrom: number | null; repairs: string[] }
  | { ok: false; errors: string[] };

// ── Writing ─────────────────────────────────────────────────────────────────

export function toFileObject(ws: Workspace, exportedAt: string): Record<string, unknown> {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt,
    id: ws.id,
    name: ws.name,
    focus: ws.focus,
    createdAt: ws.createdAt,
    updatedAt: ws.updatedAt,
    savedToFileAt: ws.savedToFileAt,
    priorities: ws.priorities,
    matrix: ws.matrix,
    timeline: ws.timeline,
    events: ws.events,
    localKnowledge: ws.localKnowledge,
    tafel: ws.tafel,
    judgements: ws.judgements ?? [],
    imports: ws.imports ?? [],
    surveys: ws.surveys ?? [],
    residentAnswers: ws.residentAnswers ?? [],
    dataset: ws.dataset ?? null,
  };
}

export function serializeWorkspace(ws: Workspace, exportedAt = new Date().toISOString()): string {
  return JSON.stringify(toFileObject(ws, exportedAt), null, 2) + '\n';
}

/** A safe file name: "werkruimte-centrum-2026-03-01.json". */
export function workspaceFileName(ws: Workspace, ext: 'json' | 'csv', date = new Date()): string {
  const slug =
    ws.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'werkruimte';
  return `werkruimte-${slug}-${localDate(date)}.${ext}`;
}

// ── Reading ─────────────────────────────────────────────────────────────────

function checkWorkspace(c: Checker, o: Record<string, unknown>): Workspace {
  const id = c.str(o, 'id', '', { max: 100 });
  const name = c.str(o, 'name', '', { max: TEXT_MAX.workspaceName, clip: true });
  const createdAt = c.isoDate(o, 'createdAt', '', false) ?? '';
  const updatedAt = c.isoDate(o, 'updatedAt', '', false) ?? '';
  const savedToFileAt = c.isoDate(o, 'savedToFileAt', '', true);
  const focus = checkFocus(c, o.focus, 'focus');
  const priorities = o.priorities === undefined ? [] : c.categories(o.priorities, 'priorities');
  const rowIds = new Set<string>();
  const matrix = checkMatrix(c, o.matrix, rowIds);
  const timeline = checkTimeline(c, o.timeline ?? [], rowIds);
  const events = checkEvents(c, o.events ?? []);
  const localKnowledge = checkLocalKnowledge(c, o.localKnowledge ?? []);
  const tafel = checkTafel(c, o.tafel ?? []);
  const judgements = checkJudgements(c, o.judgements ?? []);
  const imports = checkAreaImports(o.imports ?? [], (p, m) => c.fail(p, m));
  const surveys = checkSurveys(c, o.surveys ?? []);
  const residentAnswers = checkResidentAnswerBatches(c, o.residentAnswers ?? []);
  const dataset = checkDatasetRef(c, o.dataset);
  return { id, name, focus, createdAt, updatedAt, savedToFileAt, priorities, matrix, timeline, events, localKnowledge, tafel, judgements, imports, surveys, residentAnswers, dataset };
}


// ── Versions and migration ─────────────────────────────────────────────────

/**
 * Version 1 was the first, minimal shape: one area (code + name) and matrix
 * rows with a single lead stakeholder and no origin, actions or timeline.
 */
export interface WorkspaceFileV1 {
  format: typeof FILE_FORMAT;
  version: 1;
  exportedAt?: string;
  name: string;
  areaCode: string;
  areaName: string;
  matrix: { name: string; interventionId?: string | null; categories: string[]; lead: string; status: string; notes?: string }[];
}

/** "WK001401" / "BU0363AB10" / "GM0014" → "GM0014"; the four digits after the prefix are the gemeente. */
export function gemeenteCodeOf(areaCode: string): string {
  const code = areaCode.trim();
  return isAreaCode(code) ? gemeenteOfAreaCode(code) : '';
}

function focusKindOf(areaCode: string): Focus['kind'] {
  if (areaCode.startsWith('GM')) return 'gemeente';
  if (areaCode.startsWith('BU')) return 'buurten';
  return 'wijk';
}

/** v1 → v2. Checks the v1 shape itself so errors point at the file as written. */
function migrateV1(c: Checker, o: Record<string, unknown>): Record<string, unknown> {
  const name = c.str(o, 'name', '', { max: TEXT_MAX.workspaceName });
  const areaCode = c.str(o, 'areaCode', '', { max: 20 });
  const areaName = c.str(o, 'areaName', '', { max: 200 });
  const exportedAt = typeof o.exportedAt === 'string' && !Number.isNaN(Date.parse(o.exportedAt)) ? o.exportedAt : new Date(0).toISOString();
  const matrix = c.arr(o.matrix, 'matrix').map((r, i) => {
    const ro = c.obj(r, `matrix[${i}]`);
    if (!ro) return r;
    const lead = ro.lead;
    if (typeof lead !== 'string') c.fail(`matrix[${i}].lead`, lead === undefined ? 'ontbreekt' : `verwacht tekst, gevonden ${describe(lead)}`);
    return {
      id: newId(),
      interventionId: ro.interventionId ?? null,
      name: ro.name,
      categories: ro.categories,
      factors: [],
      lead: typeof lead === 'string' && lead ? [lead] : [],
      partners: [],
      origin: 'nieuw',
      status: ro.status,
      obstacle: '',
      actions: [],
      notes: ro.notes ?? '',
    };
  });
  return {
    format: FILE_FORMAT,
    version: 2,
    id: newId(),
    name,
    focus: { kind: focusKindOf(areaCode), gemeenteCode: gemeenteCodeOf(areaCode), areas: [{ code: areaCode, name: areaName }] },
    createdAt: exportedAt,
    updatedAt: exportedAt,
    savedToFileAt: null,
    priorities: [],
    matrix,
    timeline: [],
    events: [],
    localKnowledge: [],
    tafel: [],
    judgements: [],
  };
}

/**
 * v5 → v6. Each matrix row gets a history of one entry, its current status
 * with the date unknown (the app did not record when it was set), so the
 * voortgang view knows the status without pretending to know since when.
 * `dataset` did not exist: a stray key in an older file is not trusted.
 * Rows that are not objects are left for checkRow to report. A stored
 * record (`stored`) keeps the history and dataset it already has.
 */
function migrateToV6(o: Record<string, unknown>, stored = false): Record<string, unknown> {
  const matrix = Array.isArray(o.matrix)
    ? o.matrix.map((r) => {
        if (r === null || typeof r !== 'object' || Array.isArray(r)) return r;
        const row = r as Record<string, unknown>;
        if (stored && row.statusHistory !== undefined) return row;
        return { ...row, statusHistory: [{ status: row.status, date: null, note: '' }] };
      })
    : o.matrix;
  return { ...o, matrix, dataset: stored ? (o.dataset ?? null) : null };
}

/**
 * Checks a workspace as stored in IndexedDB (written by this or an older
 * version of the app, or damaged): the same rules as a file of the current
 * version; records from before judgements/imports/surveys existed have none.
 * What an edit in an older version could store (text longer than the
 * editors now allow, a reference two tabs left dangling) is repaired and
 * listed in `repairs`, not a reason to keep the whole workspace out.
 */
export function parseStoredWorkspace(value: unknown): ParseResult {
  const c = new Checker(true);
  const o = c.obj(value, 'werkruimte');
  if (!o) return { ok: false, errors: c.errors };
  // A record saved before version 6 has no status history and no dataset: migrate it like a file.
  const stored = migrateToV6(o, true);
  const workspace = checkWorkspace(c, { ...stored, judgements: o.judgements ?? [], imports: o.imports ?? [], surveys: o.surveys ?? [], residentAnswers: o.residentAnswers ?? [] });
  if (c.errors.length) return { ok: false, errors: c.errors };
  // Worded like the merge notice, with the names the team gave (the items are still at the checked paths).
  const clipped = c.repairs.map((r) => `${pathLabel(workspace, r.path)}: ${r.change}`);
  return { ok: true, workspace, migratedFrom: null, repairs: [...clipped, ...repairReferences(workspace).map(referenceRepairText)] };
}

/**
 * The record "Exporteren als JSON" writes from the browser storage
 * (store-persistence.ts): `{ id, revision, workspace }`. Only `workspace` is
 * required: a missing revision or id can be why the record was kept apart.
 */
function isStoredRecord(o: Record<string, unknown>): boolean {
  return o.format === undefined && o.workspace !== null && typeof o.workspace === 'object' && !Array.isArray(o.workspace);
}

/** Reads a workspace file (any supported version) and explains every problem in Dutch. */
export function parseWorkspaceFile(text: string): ParseResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [`Het bestand is geen geldige JSON: ${json.problem}.`] };
  const data = json.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: ['Het bestand bevat geen werkruimte: verwacht een JSON-object.'] };
  }
  const o = data as Record<string, unknown>;
  // A quarantined record exported from the browser storage: read it as the store would, so the team gets its work back.
  if (isStoredRecord(o)) return parseStoredWorkspace(o.workspace);
  if (o.format !== FILE_FORMAT) {
    return {
      ok: false,
      errors: [`format: verwacht "${FILE_FORMAT}", gevonden ${describe(o.format)}. Dit is geen werkruimtebestand van het Wijkveiligheidskompas.`],
    };
  }
  const version = o.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, errors: [`version: verwacht een geheel getal, gevonden ${describe(version)}`] };
  }
  if (version > FILE_VERSION) {
    return {
      ok: false,
      errors: [`version: versie ${version} is nieuwer dan deze app kan lezen (tot en met versie ${FILE_VERSION}). Gebruik een nieuwere versie van de app.`],
    };
  }
  if (version < 1) return { ok: false, errors: [`version: onbekende versie ${version} (deze app leest versie 1 tot en met ${FILE_VERSION})`] };

  const c = new Checker();
  let current: Record<string, unknown> = o;
  if (version === 1) current = migrateV1(c, current);
  // v2 → v3: judgements did not exist before; a stray `judgements` key in an older file is not trusted either.
  if (version < 3) current = { ...current, judgements: [] };
  // v3 → v4: imports did not exist before; a stray `imports` key in an older file is not trusted.
  if (version < 4) current = { ...current, imports: [] };
  // v4 → v5: surveys lived in localStorage, not in the file; a stray `surveys` key in an older file is not trusted.
  if (version < 5) current = { ...current, surveys: [] };
  // v5 → v6: status history per matrix row, the dataset the workspace was made on, and resident
  // answers (which did not exist before: a stray `residentAnswers` key in an older file is not trusted).
  if (version < 6) current = { ...migrateToV6(current), residentAnswers: [] };
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  const workspace = checkWorkspace(c, current);
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, workspace, migratedFrom: version === FILE_VERSION ? null : version, repairs: [] };
}
