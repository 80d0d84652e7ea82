/**
 * Keeps the applied survey per dataset in this browser (localStorage), so a
 * reload keeps the beleving dial as the user left it. What comes back is
 * checked field by field: a stale or hand-edited entry is dropped, never
 * trusted. Survey figures are aggregates per area, no personal data.
 */
import { LEVELS } from '../model/dataset-format.ts';
import type { SurveyData, SurveyFigure } from './types.ts';
import { isAreaCode } from '../model/area-code.ts';
import { SURVEY_MARGIN_MAX, SURVEY_N_MAX } from './survey.ts';

const key = (datasetId: string) => `wijkveiligheidskompas.enquete.${datasetId}`;

export function saveSurvey(datasetId: string, survey: SurveyData | null): void {
  try {
    if (survey) globalThis.localStorage?.setItem(key(datasetId), JSON.stringify(survey));
    else globalThis.localStorage?.removeItem(key(datasetId));
  } catch {
    // Storage full or disabled: the survey then lasts until the page closes.
  }
}

const num = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/** The stored survey for a dataset, or null when there is none or it does not check out. */
export function loadSurvey(datasetId: string): SurveyData | null {
  let raw: unknown;
  try {
    const text = globalThis.localStorage?.getItem(key(datasetId));
    if (!text) return null;
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.fileName !== 'string' || typeof o.importedAt !== 'string' || typeof o.measure !== 'string' || !Array.isArray(o.figures)) return null;
  const figures: SurveyFigure[] = [];
  for (const f of o.figures as unknown[]) {
    if (!f || typeof f !== 'object') return null;
    const x = f as Record<string, unknown>;
    if (!(LEVELS as readonly unknown[]).includes(x.level) || typeof x.code !== 'string' || !isAreaCode(x.code) || typeof x.name !== 'string') return null;
    if (!num(x.percent, 0, 100) || !(x.margin === null || num(x.margin, 0, SURVEY_MARGIN_MAX)) || !(x.n === null || num(x.n, 1, SURVEY_N_MAX)) || !(x.year === null || num(x.year, 1900, 2200))) return null;
    figures.push({ level: x.level as SurveyFigure['level'], code: x.code, name: x.name.slice(0, 200), percent: x.percent as number, margin: x.margin as number | null, n: x.n as number | null, year: x.year as number | null });
  }
  return figures.length ? { fileName: o.fileName.slice(0, 200), importedAt: o.importedAt.slice(0, 40), measure: o.measure.slice(0, 300), figures } : null;
}
