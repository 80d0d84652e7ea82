// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadSurvey, saveSurvey } from '../../src/beleving/survey-store.ts';
import type { SurveyData } from '../../src/beleving/types.ts';

const survey: SurveyData = {
  fileName: 'vm.csv', importedAt: '2026-11-26T03:00:00.000Z', measure: '% onveilig',
  figures: [{ level: 'gemeente', code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9, n: null, year: 2023 }],
};

describe('survey kept per dataset in this browser', () => {
  it('round-trips, per dataset, and removes', () => {
    saveSurvey('nl2024', survey);
    expect(loadSurvey('nl2024')).toEqual(survey);
    expect(loadSurvey('groningen2017')).toBeNull();
    saveSurvey('nl2024', null);
    expect(loadSurvey('nl2024')).toBeNull();
  });
  it('drops a stored entry that does not check out', () => {
    localStorage.setItem('wijkveiligheidskompas.enquete.x', JSON.stringify({ ...survey, figures: [{ ...survey.figures[0], percent: 140 }] }));
    expect(loadSurvey('x')).toBeNull();
    localStorage.setItem('wijkveiligheidskompas.enquete.y', '{niet json');
    expect(loadSurvey('y')).toBeNull();
  });
});
