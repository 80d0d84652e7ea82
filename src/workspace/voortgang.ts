/**
 * Voortgang (the after-talk of the method, issue 13): at a chosen month,
 * what the timeline planned to have started or finished, what the status
 * history says did, and what is stuck on an obstacle, per stakeholder.
 * A moment is a whole month: a change dated in that month counts.
 * Pure data in, data out; VoortgangView.svelte shows it.
 */
import { STAKEHOLDER_IDS, type StakeholderId } from './ids.ts';
import { currentMonth, isMonth, monthIndex, type MatrixRow, type MatrixStatus, type Month, type StatusChange, type Workspace } from './model.ts';
import { rowName } from './text-rules.ts';

export interface RowProgress {
  rowId: string;
  name: string;
  lead: StakeholderId[];
  partners: StakeholderId[];
  /** From the row's timeline item; null when it is not planned. */
  plannedStart: Month | null;
  plannedEnd: Month | null;
  /** Status at the end of the month; null when the row had no recorded status yet. */
  status: MatrixStatus | null;
  /** When that status was set (ISO), or null when unknown. */
  since: string | null;
  /** The status comes from an entry without a date (rows from before file version 6). */
  dateUnknown: boolean;
  /** Note of the status change that set it. */
  note: string;
  /** Planned to start / finish by this month. */
  dueToStart: boolean;
  dueToFinish: boolean;
  /** Was lopend or afgerond at some point up to this month. */
  started: boolean;
  done: boolean;
  stuck: boolean;
  /** The "beer op de weg" when stuck. */
  obstacle: string;
  /** Planned to start by now but did not; planned to finish by now but is not afgerond. */
  lateStart: boolean;
  lateFinish: boolean;
}

export interface StakeholderProgress {
  /** null: rows with neither lead nor partners. */
  stakeholder: StakeholderId | null;
  items: { role: 'trekker' | 'partner'; progress: RowProgress }[];
}

export interface Voortgang {
  moment: Month;
  rows: RowProgress[];
  byStakeholder: StakeholderProgress[];
  counts: {
    dueToStart: number;
    startedOfDue: number;
    dueToFinish: number;
    doneOfDue: number;
    stuck: number;
    late: number;
  };
}

const STARTED: readonly MatrixStatus[] = ['lopend', 'afgerond'];

/** The month of an ISO date-time on the kernteam's clock: 00:30 on 1 March (23:30 UTC the day before) is March. */
function monthOf(iso: string): Month {
  return currentMonth(new Date(iso));
}

/**
 * The history as recorded, plus the row's current status on an unknown
 * date when the history does not end with it (an empty history, or a file
 * edited by hand): the status is never contradicted, only undated.
 */
export function effectiveHistory(row: MatrixRow): StatusChange[] {
  const history = row.statusHistory ?? [];
  return history.at(-1)?.status === row.status ? history : [...history, { status: row.status, date: null, note: '' }];
}

/**
 * The status history up to and including the month. An undated entry
 * counts from the month of the entry before it (from the start when it is
 * first); the view flags such a status as "datum onbekend".
 */
export function historyUpTo(row: MatrixRow, moment: Month): StatusChange[] {
  const limit = monthIndex(moment);
  let from = -Infinity;
  return effectiveHistory(row).filter((e) => {
    if (e.date !== null) from = monthIndex(monthOf(e.date));
    return from <= limit;
  });
}

export function rowProgress(row: MatrixRow, ws: Pick<Workspace, 'timeline'>, moment: Month): RowProgress {
  const plan = ws.timeline.find((t) => t.rowId === row.id) ?? null;
  const m = monthIndex(moment);
  const upTo = historyUpTo(row, moment);
  const last = upTo.at(-1) ?? null;
  const status = last?.status ?? null;
  const dueToStart = plan !== null && isMonth(plan.start) && monthIndex(plan.start) <= m;
  const dueToFinish = plan !== null && isMonth(plan.end) && monthIndex(plan.end) <= m;
  const started = upTo.some((e) => STARTED.includes(e.status));
  const done = status === 'afgerond';
  const stuck = status === 'obstakel';
  return {
    rowId: row.id,
    name: rowName(row),
    lead: [...row.lead],
    partners: [...row.partners],
    plannedStart: plan?.start ?? null,
    plannedEnd: plan?.end ?? null,
    status,
    since: last?.date ?? null,
    dateUnknown: last !== null && last.date === null,
    note: last?.note ?? '',
    dueToStart,
    dueToFinish,
    started,
    done,
    stuck,
    obstacle: stuck ? row.obstacle : '',
    lateStart: dueToStart && !started,
    lateFinish: dueToFinish && !done,
  };
}

/** Everything the voortgang view shows for one month. */
export function voortgangAt(ws: Pick<Workspace, 'matrix' | 'timeline'>, moment: Month): Voortgang {
  const rows = ws.matrix.map((r) => rowProgress(r, ws, moment));
  const byStakeholder: StakeholderProgress[] = [];
  for (const s of STAKEHOLDER_IDS) {
    const items: StakeholderProgress['items'] = [];
    for (const p of rows) {
      if (p.lead.includes(s)) items.push({ role: 'trekker', progress: p });
      else if (p.partners.includes(s)) items.push({ role: 'partner', progress: p });
    }
    if (items.length) byStakeholder.push({ stakeholder: s, items });
  }
  const nobody = rows.filter((p) => p.lead.length === 0 && p.partners.length === 0);
  if (nobody.length) byStakeholder.push({ stakeholder: null, items: nobody.map((progress) => ({ role: 'trekker', progress })) });
  const due = rows.filter((p) => p.dueToStart);
  const dueFinish = rows.filter((p) => p.dueToFinish);
  return {
    moment,
    rows,
    byStakeholder,
    counts: {
      dueToStart: due.length,
      startedOfDue: due.filter((p) => p.started).length,
      dueToFinish: dueFinish.length,
      doneOfDue: dueFinish.filter((p) => p.done).length,
      stuck: rows.filter((p) => p.stuck).length,
      late: rows.filter((p) => p.lateStart || p.lateFinish).length,
    },
  };
}

/** "3 maart 2026", or a plain statement when the date is unknown (rows from before file version 6). */
export function statusDateText(date: string | null): string {
  if (date === null) return 'datum onbekend';
  return new Date(date).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}
