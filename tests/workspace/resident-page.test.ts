import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATEGORY_IDS, type CategoryId } from '../../src/workspace/ids.ts';
import { buildResidentPage, comparisonOf, figureSentence, gemeenteSentence, MAX_QUESTIONS, MIN_QUESTIONS, PLAIN_INTERVENTIONS, type CategoryFigure } from '../../src/workspace/resident-page.ts';
import { residentPageInput } from './resident-fixtures.ts';
import { residentPageHtml } from '../../src/workspace/resident-html.ts';
import { INTERVENTIONS } from '../../src/workspace/interventions.ts';

const input = residentPageInput;
const all = (p: (id: CategoryId, i: number) => number | null): CategoryFigure[] =>
  CATEGORY_IDS.map((id, i) => ({ id, percentile: p(id, i), status: p(id, i) === null ? 'wittevlek' : 'score' }));

/** The direction word a sentence uses: what a reader takes from it. */
function directionOf(sentence: string): 'meer' | 'evenveel' | 'minder' {
  if (/\bongeveer evenveel\b/.test(sentence)) return 'evenveel';
  if (/\bmeer\b/.test(sentence)) return 'meer';
  if (/\bminder\b/.test(sentence)) return 'minder';
  throw new Error(`geen richting in: ${sentence}`);
}

describe('resident page sentences follow the figures', () => {
  it('says meer above P60, minder below P40, ongeveer evenveel in between', () => {
    expect(directionOf(figureSentence('X', 'buurt', 'S4', 95, 'in Nederland'))).toBe('meer');
    expect(directionOf(figureSentence('X', 'buurt', 'S4', 50, 'in Nederland'))).toBe('evenveel');
    expect(directionOf(figureSentence('X', 'buurt', 'S4', 12, 'in Nederland'))).toBe('minder');
    expect(figureSentence('Binnenstad', 'buurt', 'S4', 95, 'in Nederland')).toBe('In Binnenstad zijn er meer misdrijven die bij de politie bekend zijn dan in de meeste buurten in Nederland.');
    expect(figureSentence('Oost', 'wijk', 'S3', 50, 'in Nederland')).toBe('In Oost zijn er ongeveer evenveel meldingen van overlast als in de meeste wijken in Nederland.');
    expect(gemeenteSentence('Groningen', 'buurt', 20)).toBe('Binnen de gemeente Groningen zijn dat er minder dan in de meeste andere buurten.');
  });

  it('for any data: each sentence on the page has the direction of its own percentile, national and within the gemeente', () => {
    const pct = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(pct, { minLength: 12, maxLength: 12 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }), (national, local) => {
        const dataset = all((_, i) => national[i]);
        const withinGemeente = all((_, i) => local[i]);
        const page = buildResidentPage(input(dataset, { withinGemeente }));
        for (const f of page.figures) {
          const p = dataset.find((c) => c.id === f.id)!.percentile!;
          expect(directionOf(f.sentences[0])).toBe(comparisonOf(p));
          expect(f.sentences[0]).toMatch(/in de meeste buurten in Nederland\.$/);
          expect(directionOf(f.sentences[1])).toBe(comparisonOf(withinGemeente.find((c) => c.id === f.id)!.percentile!));
        }
        expect(page.questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
        expect(page.questions.length).toBeLessThanOrEqual(MAX_QUESTIONS);
      }),
      { numRuns: 200 },
    );
  });

  it('asks about the weak categories first, highest first, at most five', () => {
    const page = buildResidentPage(input(all((id) => ({ S4: 97, S3: 91, F1: 85, I1: 83, I4: 81, S1: 80, F2: 30 })[id as string] ?? 50)));
    expect(page.questions.map((q) => q.id)).toEqual(['S4', 'S3', 'F1', 'I1', 'I4']);
    expect(page.questions[0].text).toMatch(/^Herkent u dit\? In Binnenstad-Zuid zijn er meer misdrijven/);
  });

  it('with few weak spots still asks three questions, and asks about witte vlekken when figures are missing', () => {
    expect(buildResidentPage(input(all((id) => (id === 'S4' ? 90 : 20)))).questions).toHaveLength(3);
    const sparse = buildResidentPage(input(all((id) => (id === 'S4' ? 70 : null))));
    expect(sparse.questions.map((q) => q.id)).toEqual(['S4', 'F1', 'F2']);
    expect(sparse.unknown.join(' ')).toMatch(/Over vernielingen en leegstand hebben we te weinig cijfers voor deze buurt\./);
  });

  it('says so when few people live there or too few for figures', () => {
    expect(buildResidentPage(input(all(() => 50), { fewResidents: true })).unknown[0]).toMatch(/wonen niet veel mensen/);
    const none = buildResidentPage(input(all(() => 50), { noFigures: true }));
    expect(none.figures).toEqual([]);
    expect(none.unknown[0]).toMatch(/te weinig mensen/);
  });

  it('a visitor area says why it is not compared, once, and still asks three questions', () => {
    const page = buildResidentPage(input(CATEGORY_IDS.map((id) => ({ id, percentile: null, status: id === 'F1' ? 'wittevlek' : 'geen' })), { visitorArea: true }));
    expect(page.figures).toEqual([]);
    expect(page.unknown.filter((u) => /bezoekers/.test(u))).toHaveLength(1);
    expect(page.unknown.filter((u) => /te weinig cijfers/.test(u))).toEqual(['Over vernielingen en leegstand hebben we te weinig cijfers voor deze buurt.']);
    expect(page.questions.map((q) => q.text)).toEqual([
      'Merkt u in uw buurt iets van vernielingen en lege gebouwen?',
      'Merkt u in uw buurt iets van flats en plekken die je slecht kunt overzien?',
      'Merkt u in uw buurt iets van winkels, cafés en bezoekers?',
    ]);
  });

  it('names the kernteam’s plans in plain words, and every catalogue intervention has a plain name', () => {
    const page = buildResidentPage(input(all(() => 50), { matrix: [{ interventionId: 'hotspot-policing', name: 'Hotspot policing / gerichte surveillance', status: 'gepland' }, { interventionId: null, name: 'Bankje bij het plein', status: 'kansrijk' }] }));
    expect(page.interventions).toEqual(['Vaker politie op plekken waar veel gebeurt (staat gepland)', 'Bankje bij het plein (wordt besproken)']);
    for (const i of INTERVENTIONS) expect(PLAIN_INTERVENTIONS[i.id], i.id).toBeTruthy();
  });

  it('the HTML has no percentile, class word, English or outside reference, and escapes what people typed', () => {
    const page = buildResidentPage(input(all((_, i) => i * 9), { area: { code: 'BU1', name: '<script>alert(1)</script> & Zuid', level: 'buurt' }, matrix: [{ interventionId: null, name: '<img src=x onerror=alert(1)>', status: 'lopend' }] }));
    for (const interactive of [true, false]) {
      const html = residentPageHtml(page, { interactive });
      const text = html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
      expect(text).not.toMatch(/\bP\d{1,3}\b|percentiel|score|aandacht|\bhoog\b/i);
      expect(text).not.toMatch(/\b(the|and|with|hotspot|policing)\b/i);
      expect(html).not.toMatch(/<script[^>]*\bsrc=|<link\b|<img\b|https?:|@import|\burl\(/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zuid');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect((html.match(/<script>/g) ?? []).length).toBe(interactive ? 1 : 0);
      expect(text).toMatch(/Bron: CBS, Politie, RIVM\/GGD/);
      expect(text).toMatch(/Gemaakt door het kernteam veiligheid van de gemeente Groningen op 4 december 2026\./);
      expect(text).toMatch(/We vragen niet om uw naam/);
    }
  });
});
