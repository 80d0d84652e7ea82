/**
 * Issue #18: a survey with few respondents was applied, then disappeared on
 * reload (its binomial margin exceeded what the loader accepted). Whatever
 * parseSurvey produces must come back from the workspace (stored record and
 * exported file), for any n.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSurvey } from '../../src/enrichment/survey/parse.ts';
import { SURVEY_LIMITS } from '../../src/enrichment/survey/kind.ts';
import { throughWorkspace } from './families/survey-file.ts';

const areas = { gemeente: { codes: ['GM0014', 'GM0363'], names: ['Groningen', 'Amsterdam'], gemeenteCodes: ['GM0014', 'GM0363'] },
  buurt: { codes: ['BU0363AA01'], names: ['Kop Zeedijk'], gemeenteCodes: ['GM0363'] } };

function applied(csv: string) {
  const parsed = parseSurvey(csv, areas, { fileName: 'peiling.csv', year: 2024 });
  expect(parsed.fatal).toBeNull();
  expect(parsed.errors).toEqual([]);
  return { fileName: 'peiling.csv', importedAt: '2026-12-04T10:00:00.000Z', measure: parsed.measure, figures: parsed.figures.map(({ line: _line, ...f }) => f) };
}

describe('the survey round-trips through storage', () => {
  it('n = 1 (margin 98) comes back after a reload', () => {
    const survey = applied('code;% onveilig;respondenten\nGM0014;50;1\n');
    expect(survey.figures[0].margin).toBeCloseTo(98, 0);
    expect(throughWorkspace(survey)).toEqual({ file: survey, stored: survey });
  });

  it('for any n and percentage, and Amsterdam buurt codes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom('GM0014', 'BU0363AA01'), (n, tenths, code) => {
        const survey = applied(`code;% onveilig;respondenten\n${code};${(tenths / 10).toFixed(1).replace('.', ',')};${n}\n`);
        expect(throughWorkspace(survey)).toEqual({ file: survey, stored: survey });
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  it('refuses a survey file past the size limit with a Dutch message, before parsing', () => {
    const parsed = parseSurvey('x'.repeat(SURVEY_LIMITS.maxFileBytes + 1), areas, { fileName: 'groot.csv' });
    expect(parsed.fatal).toBe('groot.csv: het bestand is 10.0 MB; maximaal 10 MB.');
  });
});

describe('found by npm run fuzz (seed 20261204)', () => {
  it('"1e999" or 0,5 respondents is refused with line and column instead of vanishing on reload', () => {
    for (const n of ['1e999', '0,5']) {
      const parsed = parseSurvey(`code;% onveilig;respondenten\nGM0014;10;${n}\n`, areas, { fileName: 'peiling.csv', year: 2024 });
      expect(parsed.errors.map((e) => [e.line, e.column, e.message])).toEqual([[2, 'respondenten', 'aantal respondenten is geen heel getal van 1 tot 10.000.000']]);
    }
  });

  it('a percentage written "-0" is stored as 0 and reads back the same', () => {
    const survey = applied('code;% onveilig;respondenten\nGM0014;-0;5\n');
    expect(Object.is(survey.figures[0].percent, 0)).toBe(true);
    expect(throughWorkspace(survey)).toEqual({ file: survey, stored: survey });
  });
});
