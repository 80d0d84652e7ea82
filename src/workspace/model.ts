/**
 * The workspace of one kernteam for one focus area: interventiematrix,
 * tijdslijn, known future events, local knowledge, priorities and the
 * CCV Tafel van 12. Plain JSON-able data; persistence and files live in
 * db.ts and file-format.ts.
 */
import type { CategoryId, StakeholderId } from './ids.ts';
import { interventionById, type Intervention } from './interventions.ts';
import type { AreaImport } from '../enrichment/area-table/types.ts';
import type { SurveyData } from '../model/beleving-types.ts';
import { itemLabel } from './text-rules.ts';

export const MATRIX_STATUSES = ['lopend', 'kansrijk', 'gepland', 'afgerond', 'obstakel'] as const;
export type MatrixStatus = (typeof MATRIX_STATUSES)[number];
export const MATRIX_STATUS_LABELS: Record<MatrixStatus, string> = {
  lopend: 'Lopend',
  kansrijk: 'Kansrijk',
  gepland: 'Gepland',
  afgerond: 'Afgerond',
  obstakel: 'Obstakel (beer op de weg)',
};
/** Text symbol per status so status never relies on colour alone. */
export const MATRIX_STATUS_ICONS: Record<MatrixStatus, string> = {
  lopend: '▶',
  kansrijk: '☆',
  gepland: '◷',
  afgerond: '✓',
  obstakel: '⚠',
};

export const ORIGINS = ['bestaand', 'nieuw'] as const;
export type Origin = (typeof ORIGINS)[number];

export const RECOGNITION = ['ja', 'deels', 'nee'] as const;
export type Recognition = (typeof RECOGNITION)[number];

export const TAFEL_STATES = ['onbekend', 'speelt niet', 'speelt', 'speelt sterk'] as const;
export type TafelState = (typeof TAFEL_STATES)[number];

export const EVENT_KINDS = ['nieuwbouw', 'renovatie', 'onderhoud', 'overig'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const FOCUS_KINDS = ['gemeente', 'wijk', 'buurten'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

/** A calendar month, "2026-03". The timeline works in months. */
export type Month = string;

export interface AreaRef {
  code: string;
  name: string;
}

export interface Focus {
  kind: FocusKind;
  gemeenteCode: string;
  /** The wijk, or the chosen set of buurten (CBS code + name). */
  areas: AreaRef[];
}

export interface StakeholderAction {
  id: string;
  stakeholder: StakeholderId;
  text: string;
}

/**
 * One status change of a matrix row (file version 6). `date` is an ISO date
 * and time, or null when unknown: rows from before version 6 start with the
 * status they had, date unknown (docs/workspace.md "Statusgeschiedenis").
 */
export interface StatusChange {
  status: MatrixStatus;
  date: string | null;
  /** Optional short note: why, what was agreed. */
  note: string;
}

export interface MatrixRow {
  id: string;
  /** Catalogue id, or null for a custom intervention. */
  interventionId: string | null;
  name: string;
  categories: CategoryId[];
  factors: string[];
  lead: StakeholderId[];
  partners: StakeholderId[];
  origin: Origin;
  status: MatrixStatus;
  /** The "beer op de weg" when status is obstakel. */
  obstacle: string;
  actions: StakeholderAction[];
  notes: string;
  /** Every status the row had, oldest first; the last entry is the current status. */
  statusHistory: StatusChange[];
}

export interface Milestone {
  id: string;
  label: string;
  month: Month;
}

export interface TimelineItem {
  id: string;
  /** The matrix row this plans, or null for a free item. */
  rowId: string | null;
  label: string;
  start: Month;
  end: Month;
  order: number;
  milestones: Milestone[];
  /** Ids of timeline items that must come first. */
  dependsOn: string[];
}

export interface AreaEvent {
  id: string;
  kind: EventKind;
  label: string;
  start: Month;
  end: Month;
  /** Area within the focus this concerns, or null for all of it. */
  areaCode: string | null;
}

export interface LocalKnowledge {
  areaCode: string;
  categoryId: CategoryId;
  recognises: Recognition | null;
  examples: string;
  /** Notes that fill witte vlekken. */
  notes: string;
  updatedAt: string;
}

export interface TafelEntry {
  areaCode: string;
  itemId: string;
  state: TafelState;
  source: string;
  /** ISO date (yyyy-mm-dd) of the assessment, or '' when not given. */
  date: string;
}

/**
 * The kernteam's own assessment of one category in one area, against the
 * data: −2 (much less vulnerable than the data show) … +2 (much more).
 * Shown beside the data score and never merged into it.
 */
export const JUDGEMENT_VALUES = [-2, -1, 0, 1, 2] as const;
export type JudgementValue = (typeof JUDGEMENT_VALUES)[number];

export interface Judgement {
  areaCode: string;
  categoryId: CategoryId;
  value: JudgementValue;
  reason: string;
  /** Role of who recorded it (e.g. "wijkagent"); a role, not a name (privacy). */
  authorRole: string;
  /** ISO date (yyyy-mm-dd). */
  date: string;
}

/** Answer options on the resident page ("Herkent u dit?"), as written on paper and in the saved file. */
export const RESIDENT_ANSWERS = ['ja', 'een beetje', 'nee', 'weet ik niet'] as const;
export type ResidentAnswerValue = (typeof RESIDENT_ANSWERS)[number];

/** One answer of one resident to one question; nothing about the person but what they typed. */
export interface ResidentAnswer {
  /** The category the question is about (the question id on the page and in the CSV). */
  questionId: CategoryId;
  /** The question as it was asked, so the answers stay readable when the page changes. */
  question: string;
  /** null when only a free text was given. */
  answer: ResidentAnswerValue | null;
  text: string;
}

/** The answers from one file (a typed-in paper CSV or a file saved from the resident page). */
export interface ResidentAnswerBatch {
  id: string;
  areaCode: string;
  fileName: string;
  /** ISO date-time of the import. */
  importedAt: string;
  answers: ResidentAnswer[];
}

/** The survey (veiligheidsbeleving) applied to one dataset; at most one per dataset. */
export interface WorkspaceSurvey {
  datasetId: string;
  survey: SurveyData;
}

/**
 * The dataset a workspace was made on, as the catalog names it
 * (public/data/datasets.json: id, title, indelingYear). File version 6.
 */
export interface DatasetRef {
  id: string;
  title: string;
  indelingYear: number;
}

export interface Workspace {
  id: string;
  name: string;
  focus: Focus;
  createdAt: string;
  updatedAt: string;
  /** When the workspace was last written to a file (export), or null. */
  savedToFileAt: string | null;
  priorities: CategoryId[];
  matrix: MatrixRow[];
  timeline: TimelineItem[];
  events: AreaEvent[];
  localKnowledge: LocalKnowledge[];
  tafel: TafelEntry[];
  /** Kernteam-oordeel per area and category (file version 3). */
  judgements: Judgement[];
  /** Applied area data imports: figures per area from the gemeente that feed the scores (file version 4). */
  imports: AreaImport[];
  /** Applied surveys, one per dataset (file version 5). */
  surveys: WorkspaceSurvey[];
  /** What residents answered on the resident page, per imported file (file version 6). */
  residentAnswers: ResidentAnswerBatch[];
  /** The dataset the workspace was made on, or null when unknown (files before version 6). */
  dataset: DatasetRef | null;
}

/** Random id; crypto.randomUUID exists in every supported browser and in Node 20. */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export { localDate } from '../model/iso-date.ts';

export function createWorkspace(name: string, focus: Focus, now = nowIso(), dataset: DatasetRef | null = null): Workspace {
  return {
    id: newId(),
    name,
    focus,
    createdAt: now,
    updatedAt: now,
    savedToFileAt: null,
    priorities: [],
    matrix: [],
    timeline: [],
    events: [],
    localKnowledge: [],
    tafel: [],
    judgements: [],
    imports: [],
    surveys: [],
    residentAnswers: [],
    dataset,
  };
}

export function rowFromIntervention(i: Intervention): MatrixRow {
  return {
    id: newId(),
    interventionId: i.id,
    name: i.name,
    categories: [...i.categories],
    factors: [...i.factors],
    lead: [...i.lead],
    partners: [...i.partners],
    origin: 'nieuw',
    status: 'kansrijk',
    obstacle: '',
    actions: [],
    notes: '',
    statusHistory: [{ status: 'kansrijk', date: nowIso(), note: '' }],
  };
}

export function customRow(name: string): MatrixRow {
  return {
    id: newId(),
    interventionId: null,
    name,
    categories: [],
    factors: [],
    lead: [],
    partners: [],
    origin: 'nieuw',
    status: 'gepland',
    obstacle: '',
    actions: [],
    notes: '',
    statusHistory: [{ status: 'gepland', date: nowIso(), note: '' }],
  };
}

/**
 * How soon after a status change another one puts it right instead of being
 * a step of its own: arrowing through a closed select fires a change on every
 * option in Chrome and Edge on Windows and Linux, and a mis-pick is undone
 * within seconds. Steps that were never meant must not count in Voortgang.
 */
export const STATUS_CORRECTION_MS = 60_000;

/**
 * Sets a row's status and records the change with its date; setting the
 * status it already has records nothing. Within STATUS_CORRECTION_MS of the
 * previous change, that change is put right: its entry gets the new status
 * (still coming from the status before it), or goes when the status is back
 * where it was. The first entry, the status the row was added with, stays.
 */
export function changeStatus(row: MatrixRow, status: MatrixStatus, date = nowIso(), note = ''): void {
  if (row.status === status) return;
  const history = row.statusHistory ?? [];
  const last = history.at(-1);
  const before = history.slice(0, -1);
  // Only an entry that is the row's status can be put right (a hand-edited file may differ).
  const correcting = last?.status === row.status && before.length > 0 && isCorrection(last.date, date);
  row.status = status;
  if (correcting) {
    const from = before[before.length - 1].status;
    row.statusHistory = from === status ? before : [...before, { status, date, note: note || last.note }];
    return;
  }
  row.statusHistory = [...history, { status, date, note }];
}

function isCorrection(previous: string | null, date: string): boolean {
  if (previous === null) return false;
  const since = Date.parse(date) - Date.parse(previous);
  return since >= 0 && since < STATUS_CORRECTION_MS;
}

export function catalogueEntryOf(row: MatrixRow): Intervention | undefined {
  return row.interventionId ? interventionById(row.interventionId) : undefined;
}

// ── Months ─────────────────────────────────────────────────────────────────

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function monthIndex(m: Month): number {
  const [y, mm] = m.split('-').map(Number);
  return y * 12 + (mm - 1);
}

export function monthFromIndex(i: number): Month {
  const y = Math.floor(i / 12);
  const m = i - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function addMonths(m: Month, n: number): Month {
  return monthFromIndex(monthIndex(m) + n);
}

/** The month of `date` on the user's clock (local time, as localDate). */
export function currentMonth(date = new Date()): Month {
  return monthFromIndex(date.getFullYear() * 12 + date.getMonth());
}

const MONTH_NAMES = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2026-03" → "mrt 2026". */
export function monthLabel(m: Month): string {
  if (!isMonth(m)) return m;
  const [y, mm] = m.split('-').map(Number);
  return `${MONTH_NAMES[mm - 1]} ${y}`;
}

export function timelineItemForRow(row: MatrixRow, order: number, start = currentMonth()): TimelineItem {
  return {
    id: newId(),
    rowId: row.id,
    label: row.name,
    start,
    end: addMonths(start, 5),
    order,
    milestones: [],
    dependsOn: [],
  };
}

/** Items whose dependency starts after the item itself ends or whose start precedes a dependency's end. */
export function dependencyProblems(items: TimelineItem[]): { itemId: string; dependsOn: string }[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: { itemId: string; dependsOn: string }[] = [];
  for (const item of items) {
    for (const dep of item.dependsOn) {
      const d = byId.get(dep);
      if (d && monthIndex(item.start) < monthIndex(d.end)) out.push({ itemId: item.id, dependsOn: dep });
    }
  }
  return out;
}

/**
 * What the timeline says about an item's dependencies, on screen and on paper
 * alike: the names of the items it waits for, and a warning when it starts
 * before one of them ends.
 */
export function dependencyText(item: TimelineItem, items: TimelineItem[]): { after: string[]; warning: string | null } {
  const name = (id: string) => {
    const t = items.find((x) => x.id === id);
    return t ? itemLabel(t) : '?';
  };
  const early = dependencyProblems(items).filter((p) => p.itemId === item.id).map((p) => `‘${name(p.dependsOn)}’`);
  return { after: item.dependsOn.map(name), warning: early.length ? `begint vóór ${early.join(' en ')} klaar is` : null };
}

/** Every month the timeline shows something in (starts, ends, milestones), so a view's range leaves nothing out. */
export function timelineMonths(items: TimelineItem[], events: AreaEvent[]): number[] {
  return [
    ...items.flatMap((t) => [t.start, t.end, ...t.milestones.map((m) => m.month)]),
    ...events.flatMap((e) => [e.start, e.end]),
  ].map(monthIndex);
}

/** Content that matters to the kernteam, without local bookkeeping (for comparisons). */
export function workspaceContent(ws: Workspace): Omit<Workspace, 'id' | 'updatedAt' | 'savedToFileAt'> {
  const { id: _id, updatedAt: _u, savedToFileAt: _s, ...rest } = ws;
  return rest;
}
