// @vitest-environment jsdom
/**
 * Issue #17: the applied survey moved from localStorage (one entry per
 * dataset) into the workspace. A survey kept the old way is adopted once,
 * and its old entry is removed only after IndexedDB confirmed the write.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storeHarness } from './store-harness.ts';
import { WorkspaceDb } from '../../src/workspace/db.ts';
import type { SurveyData } from '../../src/model/beleving-types.ts';

const OLD_KEY = 'wijkveiligheidskompas.enquete.nl2024';
const survey: SurveyData = {
  fileName: 'vm-2023.csv', importedAt: '2026-11-26T03:00:00.000Z', measure: '% onveilig',
  figures: [{ level: 'gemeente', code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9, n: null, year: 2023 }],
};
const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] };

const { freshDb, storeOn, freshStore, savedWorkspace } = storeHarness('enq');

beforeEach(() => localStorage.clear());

describe('survey from localStorage → workspace', () => {
  it('moves into the active workspace, survives a reload and leaves localStorage', async () => {
    const { db, store: a } = await savedWorkspace('Centrum', focus);
    a.dispose();

    localStorage.setItem(OLD_KEY, JSON.stringify(survey));
    const b = await storeOn(db);
    expect(b.workspaces).toHaveLength(1);
    expect(b.surveyFor('nl2024')).toEqual(survey);
    expect(localStorage.getItem(OLD_KEY)).toBeNull();

    const c = await storeOn(db);
    expect(c.surveyFor('nl2024')).toEqual(survey);
    expect(c.surveyFor('groningen2017')).toBeNull();
  });

  it('gets a workspace of its own for its gemeente when there is none', async () => {
    localStorage.setItem(OLD_KEY, JSON.stringify(survey));
    const a = await freshStore();
    expect(a.workspaces.map((w) => [w.name, w.focus.gemeenteCode])).toEqual([['Enquête Groningen', 'GM0014']]);
    expect(a.surveyFor('nl2024')).toEqual(survey);
    expect(localStorage.getItem(OLD_KEY)).toBeNull();
  });

  it('does not overwrite a survey the workspace already has for that dataset', async () => {
    const db = freshDb();
    const a = await storeOn(db);
    a.create('Centrum', focus);
    const newer = { ...survey, fileName: 'peiling-2025.csv' };
    a.setSurvey('nl2024', newer);
    expect(await a.saveNow()).toBe(true);
    a.dispose();

    localStorage.setItem(OLD_KEY, JSON.stringify(survey));
    const b = await storeOn(db);
    expect(b.surveyFor('nl2024')).toEqual(newer);
    expect(localStorage.getItem(OLD_KEY)).toBeNull();
  });

  it('stays in localStorage when IndexedDB cannot be used, so nothing is lost', async () => {
    vi.spyOn(WorkspaceDb, 'open').mockRejectedValue(new Error('indexedDB is not defined'));
    localStorage.setItem(OLD_KEY, JSON.stringify(survey));
    const a = await freshStore();
    expect(a.error).toMatch(/niet bewaard/);
    expect(localStorage.getItem(OLD_KEY)).toBe(JSON.stringify(survey));
  });

  it('stays in localStorage when the write into the workspace fails (quota)', async () => {
    vi.spyOn(WorkspaceDb.prototype, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    localStorage.setItem(OLD_KEY, JSON.stringify(survey));
    const a = await freshStore();
    expect(a.saveState).toBe('error');
    expect(localStorage.getItem(OLD_KEY)).toBe(JSON.stringify(survey));
  });

  it('setSurvey(null) removes only that dataset’s survey', async () => {
    const a = await freshStore();
    a.create('Centrum', focus);
    a.setSurvey('nl2024', survey);
    a.setSurvey('groningen2017', survey);
    a.setSurvey('nl2024', null);
    expect(a.surveyFor('nl2024')).toBeNull();
    expect(a.surveyFor('groningen2017')).toEqual(survey);
    expect(a.active?.surveys).toHaveLength(1);
  });

  it('a survey applied without a workspace gets one for the gemeente of its first figure', async () => {
    const a = await freshStore();
    const buurten = { ...survey, figures: [{ ...survey.figures[0], level: 'buurt' as const, code: 'BU0363AA01', name: 'Kop Zeedijk' }] };
    const id = a.workspaceIdForSurvey(buurten, (code) => (code === 'GM0363' ? 'Amsterdam' : code));
    expect(a.byId(id)?.name).toBe('Enquête Amsterdam');
    expect(a.byId(id)?.focus).toEqual({ kind: 'gemeente', gemeenteCode: 'GM0363', areas: [{ code: 'GM0363', name: 'Amsterdam' }] });
    // With a workspace active, that one is used.
    expect(a.workspaceIdForSurvey(survey)).toBe(id);
    expect(a.workspaces).toHaveLength(1);
  });
});
