/**
 * One check per part of a workspace file (file-format.ts puts them
 * together): each rebuilds its part from known keys only and reports what
 * is wrong through the Checker (file-checker.ts), with the JSON path.
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
  type WorkspaceSurvey,
} from './model.ts';
import { TAFEL_ITEM_IDS } from './tafel-van-12.ts';
import { checkSurveyData } from '../enrichment/survey/persist.ts';
import { clip, describe, type Checker } from './file-checker.ts';
import { TEXT_MAX } from './text-rules.ts';

type Fields = Record<string, unknown>;

export function checkFocus(c: Checker, value: unknown, path: string): Focus {
  const o = c.obj(value, path);
  if (!o) return { kind: 'wijk', gemeenteCode: '', areas: [] };
  const kind = c.oneOf(o, 'kind', path, FOCUS_KINDS, 'soort focusgebied');
  const gemeenteCode = c.str(o, 'gemeenteCode', path, { max: 20 });
  const areas = c.objects(o.areas, `${path}.areas`, (ao, p) => ({ code: c.str(ao, 'code', p, { max: 20 }), name: c.str(ao, 'name', p, { max: 200 }) }));
  if (Array.isArray(o.areas) && areas.length === 0) c.fail(`${path}.areas`, 'bevat geen enkel gebied');
  return { kind, gemeenteCode, areas };
}

/** The matrix: rows with ids unique within it (`rowIds` is filled for the timeline's references). */
export function checkMatrix(c: Checker, value: unknown, rowIds: Set<string>): MatrixRow[] {
  return c.objects(value, 'matrix', (o, path) => checkRow(c, o, path, rowIds));
}

function checkRow(c: Checker, o: Fields, path: string, seen: Set<string>): MatrixRow {
  const interventionId = o.interventionId === null || o.interventionId === undefined ? null : c.str(o, 'interventionId', path, { max: 100 });
  const factors: string[] = [];
  if (o.factors !== undefined) {
    c.arr(o.factors, `${path}.factors`).forEach((f, i) => {
      if (isFactorId(f)) factors.push(f);
      else c.fail(`${path}.factors[${i}]`, `onbekende factor ${describe(f)} (verwacht bijvoorbeeld S4.1)`);
    });
  }
  const actionIds = new Set<string>();
  const actions: StakeholderAction[] = c.objects(o.actions ?? [], `${path}.actions`, (ao, p) => {
    const id = c.id(ao, 'id', p, actionIds);
    const st = ao.stakeholder;
    if (!isStakeholderId(st)) c.fail(`${p}.stakeholder`, st === undefined ? 'ontbreekt' : `onbekende partij ${describe(st)}`);
    return { id, stakeholder: (isStakeholderId(st) ? st : 'overig') as StakeholderId, text: c.str(ao, 'text', p, { allowEmpty: true, clip: true }) };
  });
  return {
    id: c.id(o, 'id', path, seen),
    interventionId,
    name: c.label(o, 'name', path),
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
  return c.objects(value, path, (eo, p): StatusChange => {
    const status = c.oneOf(eo, 'status', p, MATRIX_STATUSES, 'status');
    let date: string | null = null;
    if (eo.date !== null) {
      date = c.isoDate(eo, 'date', p, false);
      if (date && previousDate && Date.parse(date) < Date.parse(previousDate)) {
        c.fail(`${p}.date`, `datum ${date.slice(0, 10)} ligt vóór die van de vorige statuswijziging (${previousDate.slice(0, 10)})`);
      }
      if (date) previousDate = date;
    }
    return { status, date, note: c.str(eo, 'note', p, { allowEmpty: true, max: TEXT_MAX.note, clip: true }) };
  });
}

/** The dataset a workspace was made on (file version 6); null when the file does not say. */
export function checkDatasetRef(c: Checker, value: unknown): DatasetRef | null {
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

/**
 * The timeline: items with unique ids, rows that exist, and dependencies on
 * items that exist (not on themselves). In repair mode references are left
 * to repairReferences (workspace-edits.ts), the one rule for them.
 */
export function checkTimeline(c: Checker, value: unknown, rowIds: Set<string>): TimelineItem[] {
  const itemIds = new Set<string>();
  const timeline = c.objects(value, 'timeline', (o, path) => {
    const item = checkTimelineItem(c, o, path, rowIds);
    item.id = c.id(o, 'id', path, itemIds);
    return item;
  });
  if (c.repair) return timeline;
  timeline.forEach((item, i) => {
    item.dependsOn.forEach((d, j) => {
      if (!itemIds.has(d)) c.fail(`timeline[${i}].dependsOn[${j}]`, `verwijst naar een tijdslijnitem dat niet bestaat ("${clip(d)}")`);
      if (d === item.id) c.fail(`timeline[${i}].dependsOn[${j}]`, 'een item kan niet van zichzelf afhangen');
    });
  });
  return timeline;
}

function checkTimelineItem(c: Checker, o: Fields, path: string, rowIds: Set<string>): TimelineItem {
  const start = c.month(o, 'start', path);
  const end = c.month(o, 'end', path);
  if (isMonth(start) && isMonth(end) && isMonth(o.start) && isMonth(o.end) && monthIndex(end) < monthIndex(start)) {
    c.fail(`${path}.end`, `einde (${end}) ligt vóór het begin (${start})`);
  }
  let rowId: string | null = null;
  if (o.rowId !== null && o.rowId !== undefined) {
    rowId = c.str(o, 'rowId', path, { max: 100 });
    if (rowId && !rowIds.has(rowId) && !c.repair) c.fail(`${path}.rowId`, `verwijst naar een matrixregel die niet bestaat ("${clip(rowId)}")`);
  }
  const msIds = new Set<string>();
  const milestones: Milestone[] = c.objects(o.milestones ?? [], `${path}.milestones`, (mo, p) => ({
    id: c.id(mo, 'id', p, msIds),
    label: c.label(mo, 'label', p),
    month: c.month(mo, 'month', p),
  }));
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
    id: '', // filled by checkTimeline, which tracks duplicates
    rowId,
    label: c.label(o, 'label', path),
    start,
    end,
    order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
    milestones,
    dependsOn,
  };
}

export function checkEvents(c: Checker, value: unknown): AreaEvent[] {
  const eventIds = new Set<string>();
  return c.objects(value, 'events', (eo, p) => {
    const start = c.month(eo, 'start', p);
    const end = c.month(eo, 'end', p);
    if (isMonth(eo.start) && isMonth(eo.end) && monthIndex(end) < monthIndex(start)) c.fail(`${p}.end`, `einde (${end}) ligt vóór het begin (${start})`);
    const areaCode = eo.areaCode === null || eo.areaCode === undefined ? null : c.str(eo, 'areaCode', p, { max: 20 });
    return { id: c.id(eo, 'id', p, eventIds), kind: c.oneOf(eo, 'kind', p, EVENT_KINDS, 'soort gebeurtenis'), label: c.label(eo, 'label', p), start, end, areaCode };
  });
}

export function checkLocalKnowledge(c: Checker, value: unknown): LocalKnowledge[] {
  const seen = new Set<string>();
  return c.objects(value, 'localKnowledge', (ko, p) => {
    const { areaCode, categoryId } = c.areaCategory(ko, p, seen, 'dubbele lokale kennis');
    const rec = ko.recognises;
    let recognises: LocalKnowledge['recognises'] = null;
    if (rec !== null && rec !== undefined) recognises = c.oneOf(ko, 'recognises', p, RECOGNITION, 'waarde voor "herkent het beeld"');
    return {
      areaCode,
      categoryId,
      recognises,
      examples: c.text(ko, 'examples', p),
      notes: c.text(ko, 'notes', p),
      updatedAt: c.isoDate(ko, 'updatedAt', p, false) ?? '',
    };
  });
}

export function checkTafel(c: Checker, value: unknown): TafelEntry[] {
  return c.objects(value, 'tafel', (to, p) => {
    const date = to.date === undefined ? '' : c.str(to, 'date', p, { allowEmpty: true, max: 10 });
    c.calendarDate(date, `${p}.date`);
    return {
      areaCode: c.str(to, 'areaCode', p, { max: 20 }),
      itemId: c.oneOf(to, 'itemId', p, TAFEL_ITEM_IDS, 'onderdeel van de Tafel van 12'),
      state: c.oneOf(to, 'state', p, TAFEL_STATES, 'waarde'),
      source: c.text(to, 'source', p),
      date,
    };
  });
}

/** Version 5: the applied survey per dataset, one per dataset. */
export function checkSurveys(c: Checker, value: unknown): WorkspaceSurvey[] {
  const datasets = new Set<string>();
  return c.objects(value, 'surveys', (so, p) => {
    const datasetId = c.str(so, 'datasetId', p, { max: 100 });
    if (datasets.has(datasetId)) c.fail(`${p}.datasetId`, `dubbele enquête voor dataset "${clip(datasetId)}"`);
    datasets.add(datasetId);
    const survey = checkSurveyData(so.survey, `${p}.survey`, (path, message) => c.fail(path, message));
    return survey ? { datasetId, survey } : null;
  });
}

/** Version 6 (residents): the answers imported from resident pages, rebuilt field by field. */
export function checkResidentAnswerBatches(c: Checker, value: unknown): ResidentAnswerBatch[] {
  const batchIds = new Set<string>();
  return c.objects(value, 'residentAnswers', (bo, p) => {
    const answers: ResidentAnswer[] = c.objects(bo.answers, `${p}.answers`, (ao, ap) => {
      const q = ao.questionId;
      if (!isCategoryId(q)) c.fail(`${ap}.questionId`, q === undefined ? 'ontbreekt' : `onbekende vraag ${describe(q)} (verwacht een categorie zoals S4)`);
      const answer = ao.answer === null ? null : c.oneOf(ao, 'answer', ap, RESIDENT_ANSWERS, 'antwoord');
      return { questionId: (isCategoryId(q) ? q : 'F1') as CategoryId, question: c.str(ao, 'question', ap, { max: 500 }), answer, text: c.text(ao, 'text', ap) };
    });
    return {
      id: c.id(bo, 'id', p, batchIds),
      areaCode: c.str(bo, 'areaCode', p, { max: 20 }),
      fileName: c.str(bo, 'fileName', p, { max: 300 }),
      importedAt: c.isoDate(bo, 'importedAt', p, false) ?? '',
      answers,
    };
  });
}

export function checkJudgements(c: Checker, value: unknown): Judgement[] {
  const seen = new Set<string>();
  return c.objects(value, 'judgements', (jo, p) => {
    const { areaCode, categoryId } = c.areaCategory(jo, p, seen, 'dubbel oordeel');
    const v = jo.value;
    if (!(JUDGEMENT_VALUES as readonly unknown[]).includes(v)) c.fail(`${p}.value`, v === undefined ? 'ontbreekt' : `verwacht een geheel getal van -2 tot en met 2, gevonden ${describe(v)}`);
    const date = c.str(jo, 'date', p, { max: 10 });
    c.calendarDate(date, `${p}.date`);
    return {
      areaCode,
      categoryId,
      value: ((JUDGEMENT_VALUES as readonly unknown[]).includes(v) ? v : 0) as JudgementValue,
      reason: c.str(jo, 'reason', p, { max: TEXT_MAX.note, clip: true }),
      authorRole: c.str(jo, 'authorRole', p, { max: TEXT_MAX.role, clip: true }),
      date,
    };
  });
}
