import { describe, expect, it } from 'vitest';
import {
  INTERVENTIONS,
  isNotEffective,
  searchInterventions,
  sourceText,
  validateCatalogue,
  type Intervention,
} from '../../src/workspace/interventions.ts';
import { CATEGORY_IDS, isFactorId } from '../../src/workspace/ids.ts';

describe('interventiecatalogus', () => {
  it('has at least 40 interventions and validates cleanly', () => {
    expect(INTERVENTIONS.length).toBeGreaterThanOrEqual(40);
    expect(validateCatalogue()).toEqual([]);
  });

  it('uses only category and factor ids of the scoring engine', () => {
    for (const i of INTERVENTIONS) {
      for (const c of i.categories) expect(CATEGORY_IDS).toContain(c);
      for (const f of i.factors) expect(isFactorId(f), `${i.id}: ${f}`).toBe(true);
    }
  });

  it('covers every category with at least one suggestible intervention', () => {
    for (const c of CATEGORY_IDS) {
      expect(INTERVENTIONS.some((i) => i.categories.includes(c) && !isNotEffective(i)), c).toBe(true);
    }
  });

  it('never shows a year that is not in the data', () => {
    const unchecked = INTERVENTIONS.find((i) => i.evidence.sources.length === 0)!;
    expect(sourceText(unchecked)).toBe('bron niet gecontroleerd');
    const noYear = INTERVENTIONS.find((i) => i.evidence.sources.some((s) => s.year === null))!;
    expect(sourceText(noYear)).toContain('jaar niet gecontroleerd');
  });

  it('reports broken entries in Dutch', () => {
    const broken: Intervention = {
      ...INTERVENTIONS[0],
      id: INTERVENTIONS[1].id,
      categories: ['Z9' as never],
      factors: ['S4.9'],
      lead: ['bakker' as never],
      evidence: { levels: ['A', 'B', 'C'], summary: '', sources: [{ label: 'x', year: 3020 }] },
    };
    const errors = validateCatalogue([INTERVENTIONS[1], broken]);
    expect(errors.join('\n')).toMatch(/dubbele id/);
    expect(errors.join('\n')).toMatch(/onbekende categorie "Z9"/);
    expect(errors.join('\n')).toMatch(/onbekende factor "S4.9"/);
    expect(errors.join('\n')).toMatch(/onbekende partij "bakker"/);
    expect(errors.join('\n')).toMatch(/bereik van twee/);
    expect(errors.join('\n')).toMatch(/onwaarschijnlijk bronjaar 3020/);
  });

  it('finds not-effective interventions only by searching, with their level', () => {
    const hits = searchInterventions('preventiebrief');
    expect(hits).toHaveLength(1);
    expect(isNotEffective(hits[0])).toBe(true);
  });
});

import { personalDataHints } from '../../src/workspace/privacy.ts';

describe('privacyhint', () => {
  it('recognises obvious personal data and leaves situation notes alone', () => {
    expect(personalDataHints('Mail jan@example.nl of bel 06-12345678')).toEqual(['een e-mailadres', 'een telefoonnummer']);
    expect(personalDataHints('Overlast bij 1234 AB 12')).toEqual(['een adres (postcode met huisnummer)']);
    expect(personalDataHints('Hangplek Dorpsstraat 14')).toEqual(['een adres (straat met huisnummer)']);
    expect(personalDataHints('Hangplek bij het winkelcentrum, vooral in 2025 na 22 uur')).toEqual([]);
  });
});
