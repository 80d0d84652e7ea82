/**
 * Checks an applied survey as it comes back from the workspace (IndexedDB or
 * a workspace file, see src/workspace/file-format.ts) field by field, with a
 * Dutch message per problem. Survey figures are aggregates per area, no
 * personal data.
 *
 * Before file version 5 the survey was kept per dataset in localStorage; the
 * legacy functions below read those entries once so the workspace store can
 * adopt them (src/workspace/workspace-store.svelte.ts) and then forget them.
 */
import { LEVELS } from '../../model/dataset-format.ts';
import type { SurveyData, SurveyFigure } from '../../model/beleving-types.ts';
import { isAreaCode } from '../../model/area-code.ts';
import { SURVEY_MARGIN_MAX, SURVEY_N_MAX } from './parse.ts';
import { LEGACY_SURVEY_PREFIX } from './legacy-key.ts';

/** Most figures one applied survey may hold; a buurt file for all of Nederland has about 14,600. */
export const SURVEY_MAX_FIGURES = 100_000;

type Fail = (path: string, message: string) => void;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const orNull = (v: unknown, lo: number, hi: number) => v === null || num(v, lo, hi);

/** Text, cut at `max` characters as the survey dialog's own output may be long (a file name, a column header). */
function text(o: Record<string, unknown>, key: string, path: string, fail: Fail, max: number): string {
  const v = o[key];
  if (typeof v !== 'string') { fail(`${path}.${key}`, v === undefined ? 'ontbreekt' : 'verwacht tekst'); return ''; }
  return v.slice(0, max);
}

/** One applied survey, rebuilt from known keys only; null (after `fail`) when it does not check out. */
export function checkSurveyData(value: unknown, path: string, fail: Fail): SurveyData | null {
  if (!isObj(value)) { fail(path, 'verwacht een object'); return null; }
  let ok = true;
  const failHere: Fail = (p, m) => { ok = false; fail(p, m); };
  const fileName = text(value, 'fileName', path, failHere, 300);
  const importedAt = text(value, 'importedAt', path, failHere, 40);
  const measure = text(value, 'measure', path, failHere, 300);
  const list = value.figures;
  if (!Array.isArray(list) || list.length === 0) { failHere(`${path}.figures`, 'verwacht een lijst met minstens één cijfer'); return null; }
  if (list.length > SURVEY_MAX_FIGURES) { failHere(`${path}.figures`, `te veel cijfers (${list.length}, maximaal ${SURVEY_MAX_FIGURES})`); return null; }
  const figures: SurveyFigure[] = [];
  list.forEach((f, i) => {
    const p = `${path}.figures[${i}]`;
    if (!isObj(f)) return failHere(p, 'verwacht een object');
    const level = f.level;
    if (!(LEVELS as readonly unknown[]).includes(level)) return failHere(`${p}.level`, 'verwacht gemeente, wijk of buurt');
    const code = text(f, 'code', p, failHere, 20);
    if (!isAreaCode(code)) failHere(`${p}.code`, `"${code}" is geen CBS-code (GM…, WK… of BU…)`);
    const name = text(f, 'name', p, failHere, 200);
    if (!num(f.percent, 0, 100)) failHere(`${p}.percent`, 'verwacht een percentage van 0 tot en met 100');
    if (!orNull(f.margin, 0, SURVEY_MARGIN_MAX)) failHere(`${p}.margin`, `verwacht een marge van 0 tot en met ${SURVEY_MARGIN_MAX} of null`);
    if (!orNull(f.n, 1, SURVEY_N_MAX)) failHere(`${p}.n`, `verwacht een aantal respondenten van 1 tot en met ${SURVEY_N_MAX} of null`);
    if (!orNull(f.year, 1900, 2200)) failHere(`${p}.year`, 'verwacht een jaartal van 1900 tot en met 2200 of null');
    figures.push({ level: level as SurveyFigure['level'], code, name, percent: f.percent as number, margin: f.margin as number | null, n: f.n as number | null, year: f.year as number | null });
  });
  return ok ? { fileName, importedAt, measure, figures } : null;
}

// ── Legacy: one localStorage entry per dataset (before workspace file version 5) ──


/** Surveys this browser kept in localStorage, per dataset id; entries that do not check out are left out. */
export function readLegacySurveys(): { datasetId: string; survey: SurveyData }[] {
  const out: { datasetId: string; survey: SurveyData }[] = [];
  try {
    const storage = globalThis.localStorage;
    if (!storage) return out;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(LEGACY_SURVEY_PREFIX)) continue;
      const datasetId = key.slice(LEGACY_SURVEY_PREFIX.length);
      let raw: unknown;
      try { raw = JSON.parse(storage.getItem(key) ?? ''); } catch { continue; }
      const survey = checkSurveyData(raw, 'enquete', () => {});
      if (survey && datasetId) out.push({ datasetId, survey });
    }
  } catch {
    // Storage disabled: nothing to adopt.
  }
  return out;
}

/** Removes the legacy entry once the survey is durably in a workspace. */
export function forgetLegacySurvey(datasetId: string): void {
  try {
    globalThis.localStorage?.removeItem(LEGACY_SURVEY_PREFIX + datasetId);
  } catch {
    // Storage disabled: the entry stays, and is adopted again only where the workspace lacks it.
  }
}
