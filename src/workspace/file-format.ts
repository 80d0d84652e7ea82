/**
 * The workspace file: one versioned JSON document per workspace, the way a
 * kernteam shares its work between organisations and keeps a copy outside
 * the browser. Validation is hand-written so every message can say in Dutch
 * what is wrong and where (a JSON path such as `matrix[3].status`).
 *
 * Imported data is rebuilt field by field from known keys, so unknown keys
 * (including `__proto__`) never reach the app.
 */
import { isCategoryId, isFactorId, isStakeholderId, type CategoryId, type StakeholderId } from './ids.ts';
import {
  EVENT_KINDS,
  FOCUS_KINDS,
  MATRIX_STATUSES,
  ORIGINS,
  RECOGNITION,
  TAFEL_STATES,
  JUDGEMENT_VALUES,
  RESIDENT_ANSWERS,
  isMonth,
  monthIndex,
  newId,
  type AreaEvent,
  type DatasetRef,
  type Focus,
  type Judgement,
  type JudgementValue,
  type LocalKnowledge,
  type MatrixRow,
  type ResidentAnswer,
  type ResidentAnswerBatch,
  type Milestone,
  type StatusChange,
  type StakeholderAction,
  type TafelEntry,
  type TimelineItem,
  type Workspace,
  type WorkspaceSurvey,
} from './model.ts';
import { TAFEL_ITEM_IDS } from './tafel-van-12.ts';
import { checkAreaImports } from '../enrichment/area-table/persist.ts';
import { checkSurveyData } from '../enrichment/survey/persist.ts';
import { isCalendarDate, isIsoDateTime } from '../model/iso-date.ts';
import { parseJsonText } from '../model/formats/json-text.ts';
import { gemeenteOfAreaCode, isAreaCode } from '../model/area-code.ts';

export const FILE_FORMAT = 'wijkveiligheidskompas-workspace';
/** 3: adds `judgements` (kernteam-oordeel); a v2 file reads as having none. */
/** 4: adds `imports` (area data imports with their figures); older files read as having none. */
/** 5: adds `surveys` (the applied survey per dataset, before kept in localStorage); older files read as having none. */
/** 6: adds `statusHistory` per matrix row, `dataset` (the dataset the workspace was made on; see migrateToV6) and `residentAnswers` (answers from the resident page); older files read as having none. */
export const FILE_VERSION = 6;

/** Longest free text accepted in one field; keeps a hostile file from filling the disk. */
const MAX_TEXT = 20_000;
const MAX_ERRORS = 40;

export type ParseResult =
  | { ok: true; workspace: Workspace; migratedFrom: number | null }
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
  return `werkruimte-${slug}-${date.toISOString().slice(0, 10)}.${ext}`;
}

// ── Reading ─────────────────────────────────────────────────────────────────

class Checker {
  errors: string[] = [];

  fail(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(`${path}: ${message}`);
    else if (this.errors.length === MAX_ERRORS) this.errors.push('… en meer fouten in het bestand; de eerste zijn hierboven genoemd');
  }

  obj(value: unknown, path: string): Record<string, unknown> | null {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, `verwacht een object, gevonden ${describe(value)}`);
      return null;
    }
    return value as Record<string, unknown>;
  }

  arr(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'ontbreekt (verwacht een lijst)' : `verwacht een lijst, gevonden ${describe(value)}`);
      return [];
    }
    return value;
  }

  str(o: Record<string, unknown>, key: string, path: string, opts: { allowEmpty?: boolean; max?: number } = {}): string {
    const v = o[key];
    const at = join(path, key);
    if (v === undefined) {
      this.fail(at, 'ontbreekt');
      return '';
    }
    if (typeof v !== 'string') {
      this.fail(at, `verwacht tekst, gevonden ${describe(v)}`);
      return '';
    }
    if (!opts.allowEmpty && v.trim() === '') this.fail(at, 'is leeg');
    if (v.length > (opts.max ?? MAX_TEXT)) this.fail(at, `tekst is te lang (${v.length} tekens, maximaal ${opts.max ?? MAX_TEXT})`);
    return v;
  }

  /** Free text that may be absent in a hand-edited file; defaults to ''. */
  text(o: Record<string, unknown>, key: string, path: string): string {
    if (o[key] === undefined) return '';
    return this.str(o, key, path, { allowEmpty: true });
  }

  oneOf<T extends string>(o: Record<string, unknown>, key: string, path: string, allowed: readonly T[], noun: string): T {
    const v = o[key];
    const at = join(path, key);
    if (v === undefined) {
      this.fail(at, 'ontbreekt');
    } else if (typeof v !== 'string') {
      this.fail(at, `verwacht tekst, gevonden ${describe(v)}`);
    } else if (!(allowed as readonly string[]).includes(v)) {
      this.fail(at, `onbekende ${noun} "${clip(v)}" (toegestaan: ${allowed.join(', ')})`);
    } else {
      return v as T;
    }
    return allowed[0];
  }

  month(o: Record<string, unknown>, key: string, path: string): string {
    const v = o[key];
    const at = join(path, key);
    if (v === undefined) this.fail(at, 'ontbreekt');
    else if (!isMonth(v)) this.fail(at, `verwacht een maand als "2026-03", gevonden ${describe(v)}`);
    else return v;
    return '2000-01';
  }

  isoDate(o: Record<string, unknown>, key: string, path: string, nullable: boolean): string | null {
    const v = o[key];
    const at = join(path, key);
    if (v === null && nullable) return null;
    if (v === undefined) {
      if (nullable) return null;
      this.fail(at, 'ontbreekt');
      return '';
    }
    if (!isIsoDateTime(v)) {
      this.fail(at, `verwacht een bestaande datum en tijd (ISO 8601, zoals "2026-03-01T09:00:00.000Z"), gevonden ${describe(v)}`);
      return '';
    }
    return v;
  }

  id(o: Record<string, unknown>, key: string, path: string, seen: Set<string>): string {
    const v = this.str(o, key, path, { max: 100 });
    if (v && seen.has(v)) this.fail(join(path, key), `dubbele id "${clip(v)}"`);
    seen.add(v);
    return v;
  }

  categories(value: unknown, path: string): CategoryId[] {
    const out: CategoryId[] = [];
    this.arr(value, path).forEach((c, i) => {
      if (isCategoryId(c)) out.push(c);
      else this.fail(`${path}[${i}]`, `onbekende categorie ${describe(c)} (verwacht bijvoorbeeld F1 of S4)`);
    });
    return out;
  }

  stakeholders(value: unknown, path: string): StakeholderId[] {
    const out: StakeholderId[] = [];
    this.arr(value, path).forEach((s, i) => {
      if (isStakeholderId(s)) out.push(s);
      else this.fail(`${path}[${i}]`, `onbekende partij ${describe(s)}`);
    });
    return out;
  }
}

/** JSON path of a key; top-level keys have no prefix ("matrix[3].status"). */
function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function describe(v: unknown): string {
  if (v === undefined) return 'niets';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'een lijst';
  if (typeof v === 'string') return `"${clip(v)}"`;
  if (typeof v === 'number') return `het getal ${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return 'een object';
}

function checkFocus(c: Checker, value: unknown, path: string): Focus {
  const o = c.obj(value, path);
  if (!o) return { kind: 'wijk', gemeenteCode: '', areas: [] };
  const kind = c.oneOf(o, 'kind', path, FOCUS_KINDS, 'soort focusgebied');
  const gemeenteCode = c.str(o, 'gemeenteCode', path, { max: 20 });
  const areas = c.arr(o.areas, `${path}.areas`).flatMap((a, i) => {
    const p = `${path}.areas[${i}]`;
    const ao = c.obj(a, p);
    return ao ? [{ code: c.str(ao, 'code', p, { max: 20 }), name: c.str(ao, 'name', p, { max: 200 }) }] : [];
  });
  if (Array.isArray(o.areas) && areas.length === 0) c.fail(`${path}.areas`, 'bevat geen enkel gebied');
  return { kind, gemeenteCode, areas };
}

function checkRow(c: Checker, value: unknown, path: string, seen: Set<string>): MatrixRow | null {
  const o = c.obj(value, path);
  if (!o) return null;
  const interventionId = o.interventionId === null || o.interventionId === undefined ? null : c.str(o, 'interventionId', path, { max: 100 });
  const factors: string[] = [];
  if (o.factors !== undefined) {
    c.arr(o.factors, `${path}.factors`).forEach((f, i) => {
      if (isFactorId(f)) factors.push(f);
      else c.fail(`${path}.factors[${i}]`, `onbekende factor ${describe(f)} (verwacht bijvoorbeeld S4.1)`);
    });
  }
  const actionIds = new Set<string>();
  const actions: StakeholderAction[] = c.arr(o.actions ?? [], `${path}.actions`).flatMap((a, i) => {
    const p = `${path}.actions[${i}]`;
    const ao = c.obj(a, p);
    if (!ao) return [];
    const id = c.id(ao, 'id', p, actionIds);
    const st = ao.stakeholder;
    if (!isStakeholderId(st)) c.fail(`${p}.stakeholder`, st === undefined ? 'ontbreekt' : `onbekende partij ${describe(st)}`);
    return [{ id, stakeholder: (isStakeholderId(st) ? st : 'overig') as StakeholderId, text: c.str(ao, 'text', p, { allowEmpty: true }) }];
  });
  return {
    id: c.id(o, 'id', path, seen),
    interventionId,
    name: c.str(o, 'name', path, { max: 300 }),
    categories: c.categories(o.categories, `${path}.categories`),
    factors,
    lead: c.stakeholders(o.lead, `${path}.lead`),
    partners: c.stakeholders(o.partners ?? [], `${path}.partners`),
    origin: c.oneOf(o, 'origin', path, ORIGINS, 'herkomst'),
    status: c.oneOf(o, 'status', path, MATRIX_STATUSES, 'status'),
    obstacle: c.text(o, 'obstacle', path),
    actions,
    notes: c.text(o, 'notes', path),
    statusHistory: checkStatusHistory(c, o.statusHistory, `${path}.statusHistory`),
  };
}

/**
 * The status history of one row (file version 6): a list, oldest first, in
 * which dated entries are in date order. An empty list is allowed (nothing
 * recorded). A last entry that differs from the row's status is not an
 * error: the current status then counts as set on an unknown date
 * (voortgang.ts effectiveHistory).
 */
function checkStatusHistory(c: Checker, value: unknown, path: string): StatusChange[] {
  let previousDate: string | null = null;
  return c.arr(value, path).flatMap((e, i): StatusChange[] => {
    const p = `${path}[${i}]`;
    const eo = c.obj(e, p);
    if (!eo) return [];
    const status = c.oneOf(eo, 'status', p, MATRIX_STATUSES, 'status');
    let date: string | null = null;
    if (eo.date !== null) {
      date = c.isoDate(eo, 'date', p, false);
      if (date && previousDate && Date.parse(date) < Date.parse(previousDate)) {
        c.fail(`${p}.date`, `datum ${date.slice(0, 10)} ligt vóór die van de vorige statuswijziging (${previousDate.slice(0, 10)})`);
      }
      if (date) previousDate = date;
    }
    return [{ status, date, note: c.str(eo, 'note', p, { allowEmpty: true, max: 2000 }) }];
  });
}

/** The dataset a workspace was made on (file version 6); null when the file does not say. */
function checkDatasetRef(c: Checker, value: unknown): DatasetRef | null {
  if (value === null || value === undefined) return null;
  const o = c.obj(value, 'dataset');
  if (!o) return null;
  const year = o.indelingYear;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100) {
    c.fail('dataset.indelingYear', year === undefined ? 'ontbreekt' : `verwacht een jaartal als 2024, gevonden ${describe(year)}`);
  }
  return {
    id: c.str(o, 'id', 'dataset', { max: 100 }),
    title: c.str(o, 'title', 'dataset', { max: 200 }),
    indelingYear: typeof year === 'number' && Number.isInteger(year) ? year : 0,
  };
}

function checkTimeline(c: Checker, value: unknown, path: string, rowIds: Set<string>): TimelineItem | null {
  const o = c.obj(value, path);
  if (!o) return null;
  const start = c.month(o, 'start', path);
  const end = c.month(o, 'end', path);
  if (isMonth(start) && isMonth(end) && isMonth(o.start) && isMonth(o.end) && monthIndex(end) < monthIndex(start)) {
    c.fail(`${path}.end`, `einde (${end}) ligt vóór het begin (${start})`);
  }
  let rowId: string | null = null;
  if (o.rowId !== null && o.rowId !== undefined) {
    rowId = c.str(o, 'rowId', path, { max: 100 });
    if (rowId && !rowIds.has(rowId)) c.fail(`${path}.rowId`, `verwijst naar een matrixregel die niet bestaat ("${clip(rowId)}")`);
  }
  const msIds = new Set<string>();
  const milestones: Milestone[] = c.arr(o.milestones ?? [], `${path}.milestones`).flatMap((m, i) => {
    const p = `${path}.milestones[${i}]`;
    const mo = c.obj(m, p);
    return mo ? [{ id: c.id(mo, 'id', p, msIds), label: c.str(mo, 'label', p, { max: 300 }), month: c.month(mo, 'month', p) }] : [];
  });
  const dependsOn: string[] = c.arr(o.dependsOn ?? [], `${path}.dependsOn`).flatMap((d, i) => {
    if (typeof d !== 'string') {
      c.fail(`${path}.dependsOn[${i}]`, `verwacht een id, gevonden ${describe(d)}`);
      return [];
    }
    return [d];
  });
  const order = o.order;
  if (typeof order !== 'number' || !Number.isFinite(order)) c.fail(`${path}.order`, order === undefined ? 'ontbreekt' : `verwacht een getal, gevonden ${describe(order)}`);
  return {
    id: '', // filled by the caller, which tracks duplicates
    rowId,
    label: c.str(o, 'label', path, { max: 300 }),
    start,
    end,
    order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
    milestones,
    dependsOn,
  };
}

function checkWorkspace(c: Checker, o: Record<string, unknown>): Workspace {
  const id = c.str(o, 'id', '', { max: 100 });
  const name = c.str(o, 'name', '', { max: 200 });
  const createdAt = c.isoDate(o, 'createdAt', '', false) ?? '';
  const updatedAt = c.isoDate(o, 'updatedAt', '', false) ?? '';
  const savedToFileAt = c.isoDate(o, 'savedToFileAt', '', true);

  const focus = checkFocus(c, o.focus, 'focus');
  const priorities = o.priorities === undefined ? [] : c.categories(o.priorities, 'priorities');

  const rowIds = new Set<string>();
  const matrix = c.arr(o.matrix, 'matrix').flatMap((r, i) => {
    const row = checkRow(c, r, `matrix[${i}]`, rowIds);
    return row ? [row] : [];
  });

  const itemIds = new Set<string>();
  const rawTimeline = c.arr(o.timeline ?? [], 'timeline');
  const timeline: TimelineItem[] = [];
  rawTimeline.forEach((t, i) => {
    const path = `timeline[${i}]`;
    const item = checkTimeline(c, t, path, rowIds);
    const to = t !== null && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, unknown>) : null;
    if (item && to) {
      item.id = c.id(to, 'id', path, itemIds);
      timeline.push(item);
    }
  });
  timeline.forEach((item, i) => {
    item.dependsOn.forEach((d, j) => {
      if (!itemIds.has(d)) c.fail(`timeline[${i}].dependsOn[${j}]`, `verwijst naar een tijdslijnitem dat niet bestaat ("${clip(d)}")`);
      if (d === item.id) c.fail(`timeline[${i}].dependsOn[${j}]`, 'een item kan niet van zichzelf afhangen');
    });
  });

  const eventIds = new Set<string>();
  const events: AreaEvent[] = c.arr(o.events ?? [], 'events').flatMap((e, i) => {
    const p = `events[${i}]`;
    const eo = c.obj(e, p);
    if (!eo) return [];
    const start = c.month(eo, 'start', p);
    const end = c.month(eo, 'end', p);
    if (isMonth(eo.start) && isMonth(eo.end) && monthIndex(end) < monthIndex(start)) c.fail(`${p}.end`, `einde (${end}) ligt vóór het begin (${start})`);
    const areaCode = eo.areaCode === null || eo.areaCode === undefined ? null : c.str(eo, 'areaCode', p, { max: 20 });
    return [{ id: c.id(eo, 'id', p, eventIds), kind: c.oneOf(eo, 'kind', p, EVENT_KINDS, 'soort gebeurtenis'), label: c.str(eo, 'label', p, { max: 300 }), start, end, areaCode }];
  });

  const lkSeen = new Set<string>();
  const localKnowledge: LocalKnowledge[] = c.arr(o.localKnowledge ?? [], 'localKnowledge').flatMap((k, i) => {
    const p = `localKnowledge[${i}]`;
    const ko = c.obj(k, p);
    if (!ko) return [];
    const areaCode = c.str(ko, 'areaCode', p, { max: 20 });
    const cat = ko.categoryId;
    if (!isCategoryId(cat)) c.fail(`${p}.categoryId`, cat === undefined ? 'ontbreekt' : `onbekende categorie ${describe(cat)}`);
    const key = `${areaCode}|${String(cat)}`;
    if (lkSeen.has(key)) c.fail(p, `dubbele lokale kennis voor ${areaCode} / ${String(cat)}`);
    lkSeen.add(key);
    const rec = ko.recognises;
    let recognises: LocalKnowledge['recognises'] = null;
    if (rec !== null && rec !== undefined) recognises = c.oneOf(ko, 'recognises', p, RECOGNITION, 'waarde voor "herkent het beeld"');
    return [{
      areaCode,
      categoryId: (isCategoryId(cat) ? cat : 'F1') as CategoryId,
      recognises,
      examples: c.text(ko, 'examples', p),
      notes: c.text(ko, 'notes', p),
      updatedAt: c.isoDate(ko, 'updatedAt', p, false) ?? '',
    }];
  });

  const tafel: TafelEntry[] = c.arr(o.tafel ?? [], 'tafel').flatMap((t, i) => {
    const p = `tafel[${i}]`;
    const to = c.obj(t, p);
    if (!to) return [];
    const date = to.date === undefined ? '' : c.str(to, 'date', p, { allowEmpty: true, max: 10 });
    if (date && !isCalendarDate(date)) c.fail(`${p}.date`, `verwacht een bestaande datum als "2026-03-01", gevonden "${clip(date)}"`);
    return [{
      areaCode: c.str(to, 'areaCode', p, { max: 20 }),
      itemId: c.oneOf(to, 'itemId', p, TAFEL_ITEM_IDS, 'onderdeel van de Tafel van 12'),
      state: c.oneOf(to, 'state', p, TAFEL_STATES, 'waarde'),
      source: c.text(to, 'source', p),
      date,
    }];
  });

  const judgements = checkJudgements(c, o.judgements ?? []);

  const imports = checkAreaImports(o.imports ?? [], (p, m) => c.fail(p, m));

  const surveys = checkSurveys(c, o.surveys ?? []);

  const residentAnswers = checkResidentAnswerBatches(c, o.residentAnswers ?? []);

  const dataset = checkDatasetRef(c, o.dataset);

  return { id, name, focus, createdAt, updatedAt, savedToFileAt, priorities, matrix, timeline, events, localKnowledge, tafel, judgements, imports, surveys, residentAnswers, dataset };
}

function checkSurveys(c: Checker, value: unknown): WorkspaceSurvey[] {
  const datasets = new Set<string>();
  return c.arr(value, 'surveys').flatMap((s, i) => {
    const p = `surveys[${i}]`;
    const so = c.obj(s, p);
    if (!so) return [];
    const datasetId = c.str(so, 'datasetId', p, { max: 100 });
    if (datasets.has(datasetId)) c.fail(`${p}.datasetId`, `dubbele enquête voor dataset "${clip(datasetId)}"`);
    datasets.add(datasetId);
    const survey = checkSurveyData(so.survey, `${p}.survey`, (path, message) => c.fail(path, message));
    return survey ? [{ datasetId, survey }] : [];
  });
}

/** Version 6 (residents): the answers imported from resident pages, rebuilt field by field. */
function checkResidentAnswerBatches(c: Checker, value: unknown): ResidentAnswerBatch[] {
  const batchIds = new Set<string>();
  return c.arr(value, 'residentAnswers').flatMap((b, i) => {
    const p = `residentAnswers[${i}]`;
    const bo = c.obj(b, p);
    if (!bo) return [];
    const answers: ResidentAnswer[] = c.arr(bo.answers, `${p}.answers`).flatMap((a, j) => {
      const ap = `${p}.answers[${j}]`;
      const ao = c.obj(a, ap);
      if (!ao) return [];
      const q = ao.questionId;
      if (!isCategoryId(q)) c.fail(`${ap}.questionId`, q === undefined ? 'ontbreekt' : `onbekende vraag ${describe(q)} (verwacht een categorie zoals S4)`);
      const answer = ao.answer === null ? null : c.oneOf(ao, 'answer', ap, RESIDENT_ANSWERS, 'antwoord');
      return [{ questionId: (isCategoryId(q) ? q : 'F1') as CategoryId, question: c.str(ao, 'question', ap, { max: 500 }), answer, text: c.text(ao, 'text', ap) }];
    });
    return [{
      id: c.id(bo, 'id', p, batchIds),
      areaCode: c.str(bo, 'areaCode', p, { max: 20 }),
      fileName: c.str(bo, 'fileName', p, { max: 300 }),
      importedAt: c.isoDate(bo, 'importedAt', p, false) ?? '',
      answers,
    }];
  });
}

function checkJudgements(c: Checker, value: unknown): Judgement[] {
  const seen = new Set<string>();
  return c.arr(value, 'judgements').flatMap((j, i) => {
    const p = `judgements[${i}]`;
    const jo = c.obj(j, p);
    if (!jo) return [];
    const areaCode = c.str(jo, 'areaCode', p, { max: 20 });
    const cat = jo.categoryId;
    if (!isCategoryId(cat)) c.fail(`${p}.categoryId`, cat === undefined ? 'ontbreekt' : `onbekende categorie ${describe(cat)}`);
    const key = `${areaCode}|${String(cat)}`;
    if (seen.has(key)) c.fail(p, `dubbel oordeel voor ${areaCode} / ${String(cat)}`);
    seen.add(key);
    const v = jo.value;
    if (!(JUDGEMENT_VALUES as readonly unknown[]).includes(v)) c.fail(`${p}.value`, v === undefined ? 'ontbreekt' : `verwacht een geheel getal van -2 tot en met 2, gevonden ${describe(v)}`);
    const date = c.str(jo, 'date', p, { max: 10 });
    if (date && !isCalendarDate(date)) c.fail(`${p}.date`, `verwacht een bestaande datum als "2026-03-01", gevonden "${clip(date)}"`);
    return [{
      areaCode,
      categoryId: (isCategoryId(cat) ? cat : 'F1') as CategoryId,
      value: ((JUDGEMENT_VALUES as readonly unknown[]).includes(v) ? v : 0) as JudgementValue,
      reason: c.str(jo, 'reason', p, { max: 2000 }),
      authorRole: c.str(jo, 'authorRole', p, { max: 100 }),
      date,
    }];
  });
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
  const name = c.str(o, 'name', '', { max: 200 });
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
 */
export function parseStoredWorkspace(value: unknown): ParseResult {
  const c = new Checker();
  const o = c.obj(value, 'werkruimte');
  if (!o) return { ok: false, errors: c.errors };
  // A record saved before version 6 has no status history and no dataset: migrate it like a file.
  const stored = migrateToV6(o, true);
  const workspace = checkWorkspace(c, { ...stored, judgements: o.judgements ?? [], imports: o.imports ?? [], surveys: o.surveys ?? [], residentAnswers: o.residentAnswers ?? [] });
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, workspace, migratedFrom: null };
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
  return { ok: true, workspace, migratedFrom: version === FILE_VERSION ? null : version };
}
