import { describe, expect, it } from 'vitest';
import { evidenceWeight, suggestInterventions, weakCategories, type SuggestionInput } from '../../src/workspace/suggest.ts';
import { INTERVENTIONS, isNotEffective } from '../../src/workspace/interventions.ts';

const input: SuggestionInput = {
  categories: [
    { id: 'S4', label: 'Criminaliteit', percentile: 93, status: 'score' },
    { id: 'S3', label: 'Overlast', percentile: 84, status: 'score' },
    { id: 'I1', label: 'Sociaaleconomische kwetsbaarheid', percentile: 85, status: 'beperkt' },
    { id: 'S1', label: 'Sociale cohesie', percentile: 40, status: 'score' },
    { id: 'F2', label: 'Inrichting openbare ruimte', percentile: null, status: 'wittevlek' },
    { id: 'I2', label: 'Kwetsbare groepen', percentile: 99, status: 'geen' },
  ],
  flaggedFactors: [{ id: 'S4.1', label: 'Woninginbraak', categoryId: 'S4' }],
};

describe('suggestInterventions', () => {
  it('says on the card when a category rests on a stand-in indicator (F2 from gestapelde bouw)', () => {
    const proxyInput: SuggestionInput = {
      categories: [{ id: 'F2', label: 'Inrichting openbare ruimte', percentile: 88, status: 'beperkt', proxies: ['Meergezinswoningen (100 − % eengezinswoningen)'] }],
      flaggedFactors: [],
    };
    const s = suggestInterventions(proxyInput);
    expect(s.length).toBeGreaterThan(0);
    for (const x of s) expect(x.why).toContain('inrichting openbare ruimte rust (deels) op een benadering: meergezinswoningen (100 − % eengezinswoningen)');
    // Without a stand-in the card does not mention one.
    expect(suggestInterventions(input).some((x) => x.why.includes('benadering'))).toBe(false);
  });

  it('treats percentile ≥ 80 with data as weak, highest first', () => {
    expect(weakCategories(input).map((c) => c.id)).toEqual(['S4', 'I1', 'S3']);
  });

  it('ranks burglary measures with strong evidence first and explains why', () => {
    const s = suggestInterventions(input);
    expect(s[0].intervention.id).toBe('hang-sluitwerk');
    expect(s[0].why).toBe('Criminaliteit hoort bij de 10 % hoogste in het referentiekader; woninginbraak valt op');
    expect(s[0].matchedFactors).toEqual(['S4.1']);
    const ids = s.map((x) => x.intervention.id);
    // Evidence A with the flagged factor beats evidence B with the same fit.
    expect(ids.indexOf('hang-sluitwerk')).toBeLessThan(ids.indexOf('whatsapp-buurtpreventie'));
    // Fit on two weak categories beats fit on one with equal evidence.
    expect(ids.indexOf('probleemgerichte-aanpak')).toBeLessThan(ids.indexOf('vroegsignalering-schulden'));
    // Scores never increase down the list.
    for (let i = 1; i < s.length; i++) expect(s[i].score).toBeLessThanOrEqual(s[i - 1].score);
  });

  it('never suggests level X, even when it targets a flagged factor', () => {
    const s = suggestInterventions(input);
    expect(s.some((x) => isNotEffective(x.intervention))).toBe(false);
    expect(s.some((x) => x.intervention.id === 'preventiebrief')).toBe(false);
  });

  it('ignores categories without a score or below 80, and marks C/D as kansrijk', () => {
    const s = suggestInterventions(input);
    expect(s.some((x) => x.matchedCategories.includes('S1') || x.matchedCategories.includes('I2'))).toBe(false);
    const schulden = s.find((x) => x.intervention.id === 'vroegsignalering-schulden')!;
    expect(schulden.kansrijk).toBe(true);
    expect(schulden.why).toContain('(beperkte data)');
    expect(s.find((x) => x.intervention.id === 'hang-sluitwerk')!.kansrijk).toBe(false);
  });

  it('offers a buurtschouw for a witte vlek', () => {
    const s = suggestInterventions(input);
    const schouw = s.find((x) => x.intervention.id === 'buurtschouw-tafel-van-12')!;
    expect(schouw.why).toMatch(/witte vlek/);
  });

  it('returns nothing for an area without weak spots', () => {
    expect(suggestInterventions({ categories: [{ id: 'S4', label: 'Criminaliteit', percentile: 50, status: 'score' }], flaggedFactors: [] })).toEqual([]);
  });

  it('keeps X interventions out even when the catalogue is only X', () => {
    const x = INTERVENTIONS.filter(isNotEffective);
    expect(suggestInterventions(input, { catalogue: x })).toEqual([]);
  });

  it('does not let a broad C-level fit outrank effective interventions', () => {
    const broad: SuggestionInput = {
      categories: [
        { id: 'S4', label: 'Criminaliteit', percentile: 100, status: 'score' },
        { id: 'F2', label: 'Inrichting openbare ruimte', percentile: 98, status: 'score' },
        { id: 'F4', label: 'Woningvoorraad & doorstroom', percentile: 99, status: 'beperkt' },
        { id: 'I1', label: 'Sociaaleconomische kwetsbaarheid', percentile: 94, status: 'beperkt' },
      ],
      flaggedFactors: [
        { id: 'F4.2', label: 'Particuliere huur', categoryId: 'F4' },
        { id: 'I1.1', label: 'Lage inkomens', categoryId: 'I1' },
      ],
    };
    const ids = suggestInterventions(broad).map((s) => s.intervention.id);
    expect(ids.indexOf('openbare-verlichting')).toBeLessThan(ids.indexOf('herstructurering'));
    expect(ids.indexOf('hang-sluitwerk')).toBeLessThan(ids.indexOf('herstructurering'));
    // It is still suggested, with both flagged factors in its reason.
    const h = suggestInterventions(broad).find((s) => s.intervention.id === 'herstructurering')!;
    expect(h.why).toContain('particuliere huur en lage inkomens vallen op');
  });

  it('never ranks an intervention of a lower evidence level above one of a higher level with the same strongest match, however broad its fit', () => {
    // S3 and I3 at P100 with a flagged factor each: jongerenwerk and groepsaanpak (C) touch all four, hotspot policing (A) one.
    const wide: SuggestionInput = {
      categories: [
        { id: 'S3', label: 'Overlast', percentile: 100, status: 'score' },
        { id: 'I3', label: 'Jeugd & opgroeien', percentile: 100, status: 'score' },
      ],
      flaggedFactors: [
        { id: 'S3.2', label: 'Jeugdoverlast', categoryId: 'S3' },
        { id: 'I3.5', label: 'Jeugdgroepen', categoryId: 'I3' },
      ],
    };
    const ranked = suggestInterventions(wide);
    const strongest = (s: (typeof ranked)[number]) => Math.max(...s.matchedCategories.map(() => 2), ...s.matchedFactors.map(() => 1.5));
    for (const a of ranked) for (const b of ranked) {
      if (evidenceWeight(a.intervention) > evidenceWeight(b.intervention) && strongest(a) === strongest(b)) {
        expect(a.score, `${a.intervention.id} vs ${b.intervention.id}`).toBeGreaterThan(b.score);
      }
    }
    expect(ranked.length).toBeGreaterThan(3);
  });
});
