// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { checkSurveyData, forgetLegacySurvey, readLegacySurveys } from '../../../src/enrichment/survey/persist.ts';
import type { SurveyData } from '../../../src/model/beleving-types.ts';

const survey: SurveyData = {
  fileName: 'vm.csv', importedAt: '2026-11-26T03:00:00.000Z', measure: '% onveilig',
  figures: [{ level: 'gemeente', code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9, n: null, year: 2023 }],
};

function check(value: unknown): { survey: SurveyData | null; errors: string[] } {
  const errors: string[] = [];
  const out = checkSurveyData(value, 'surveys[0].survey', (p, m) => errors.push(`${p}: ${m}`));
  return { survey: out, errors };
}

describe('an applied survey read back from a workspace', () => {
  it('comes back equal, rebuilt from known keys only', () => {
    const withExtra = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(survey).slice(1)}`);
    const { survey: back, errors } = check(withExtra);
    expect(errors).toEqual([]);
    expect(back).toEqual(survey);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names each wrong field with its path in Dutch', () => {
    const bad = { ...survey, measure: 7, figures: [{ ...survey.figures[0], percent: 140, code: 'XX12', margin: -1 }, 'x'] };
    const { survey: back, errors } = check(bad);
    expect(back).toBeNull();
    expect(errors).toEqual([
      'surveys[0].survey.measure: verwacht tekst',
      'surveys[0].survey.figures[0].code: "XX12" is geen CBS-code (GM…, WK… of BU…)',
      'surveys[0].survey.figures[0].percent: verwacht een percentage van 0 tot en met 100',
      'surveys[0].survey.figures[0].margin: verwacht een marge van 0 tot en met 100 of null',
      'surveys[0].survey.figures[1]: verwacht een object',
    ]);
    expect(check({ ...survey, figures: [] }).errors).toEqual(['surveys[0].survey.figures: verwacht een lijst met minstens één cijfer']);
    expect(check(null).errors).toEqual(['surveys[0].survey: verwacht een object']);
  });
});

describe('surveys this browser kept in localStorage before file version 5', () => {
  beforeEach(() => localStorage.clear());

  it('are read per dataset, leaving out entries that do not check out, and forgotten one by one', () => {
    localStorage.setItem('wijkveiligheidskompas.enquete.nl2024', JSON.stringify(survey));
    localStorage.setItem('wijkveiligheidskompas.enquete.x', JSON.stringify({ ...survey, figures: [{ ...survey.figures[0], percent: 140 }] }));
    localStorage.setItem('wijkveiligheidskompas.enquete.y', '{niet json');
    localStorage.setItem('iets-anders', JSON.stringify(survey));
    expect(readLegacySurveys()).toEqual([{ datasetId: 'nl2024', survey }]);
    forgetLegacySurvey('nl2024');
    expect(readLegacySurveys()).toEqual([]);
    expect(localStorage.getItem('iets-anders')).not.toBeNull();
  });
});
