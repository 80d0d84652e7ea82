import { describe, expect, it } from 'vitest';
import { defaultViewState, parseViewState, readViewLink, serialiseViewState } from '../../src/state/url-state.ts';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const state = { dataset: 'nl2024', level: 'buurt' as const, target: 'S4', selection: 'BU0363AA01', frame: 'gemeente' as const, weights: { 'S4.3': 0.5, F1: 0.25 }, view: [4.9, 52.37, 11.5] as [number, number, number], rankVisitorAreas: true, year: 2022, changeYears: [2021, 2025] as [number, number] };
    const hash = serialiseViewState(state);
    expect(hash).toBe('#ds=nl2024&lvl=buurt&cat=S4&sel=BU0363AA01&ref=gemeente&w=F1:0.25,S4.3:0.5&bez=1&jr=2022&vgl=2021-2025&v=4.9,52.37,11.5');
    expect(parseViewState(hash)).toEqual(state);
  });
  it('drops invalid or hostile values instead of trusting them', () => {
    const parsed = parseViewState('#ds=<script>&lvl=provincie&sel=javascript:1&ref=x&w=F1:abc,S1:-2,S2:0.3&v=999,1,1&jr=22&vgl=2025-2021');
    expect(parsed).toEqual({ ...defaultViewState, weights: { S2: 0.3 } });
  });
  it('names every part it left out, so the reader knows the map is not all the sender meant', () => {
    const { ignored } = readViewLink('#ds=<script>&lvl=provincie&cat=a b&sel=javascript:1&ref=x&w=F1:abc,S1:-2,S2:0.3,S3:11,:1,S4.3:0.5:9&v=999,1,1&jr=22&vgl=2025-2021');
    expect(ignored).toEqual([
      'dataset "<script>" is geen geldige naam',
      'niveau "provincie" bestaat niet (wel: gemeente, wijk, buurt)',
      'kaartkleur "a b" bestaat niet',
      'gebied "javascript:1" is geen CBS-code (zoals BU03630001)',
      'vergelijking "x" bestaat niet',
      'gewicht "F1:abc" is niet te lezen (zo hoort het: S4.3:0.5)',
      'gewicht "S1:-2" ligt niet tussen 0 en 10',
      'gewicht "S3:11" ligt niet tussen 0 en 10',
      'gewicht ":1" is niet te lezen (zo hoort het: S4.3:0.5)',
      'gewicht "S4.3:0.5:9" is niet te lezen (zo hoort het: S4.3:0.5)',
      'jaar "22" is geen jaartal',
      'jarenvergelijking "2025-2021" moet twee jaartallen zijn, het vroegste eerst (zoals 2021-2023)',
      'kaartbeeld "999,1,1" is geen lengte, breedte en zoom op de kaart',
    ]);
    expect(readViewLink('#ds=nl2024&lvl=buurt&cat=S4&sel=BU0363AA01&w=S4.3:0.5&v=4.9,52.37,11&jr=2022').ignored).toEqual([]);
    // A mistyped part is named too, once.
    expect(readViewLink('#catt=S4&catt=S5&bez=ja').ignored).toEqual(['bezoekers- en werkgebieden rangschikken: "ja" is geen geldige waarde', 'onderdeel "catt" kent de app niet']);
    // A long pasted value is cut short in the message.
    expect(readViewLink(`#cat=${'x'.repeat(200)}`).ignored[0]).toBe(`kaartkleur "${'x'.repeat(39)}…" bestaat niet`);
  });
  it('keeps a change view only for two years, earlier first', () => {
    expect(parseViewState('#vgl=2021-2021').changeYears).toBeNull();
    expect(parseViewState('#vgl=2021-2023-2025').changeYears).toBeNull();
    expect(parseViewState('#vgl=2016-2020&jr=2016')).toMatchObject({ changeYears: [2016, 2020], year: 2016 });
  });
  it('writes only parts it reads back without a word', () => {
    const state = { dataset: 'nl2024', level: 'buurt' as const, target: 'S4', selection: 'BU0363AA01', frame: 'gemeente' as const, weights: { 'S4.3': 0.5 }, view: [4.9, 52.37, 11.5] as [number, number, number], rankVisitorAreas: true, year: 2022, changeYears: [2021, 2025] as [number, number] };
    expect(readViewLink(serialiseViewState(state)).ignored).toEqual([]);
  });
  it('omits defaults', () => {
    expect(serialiseViewState(defaultViewState)).toBe('#');
  });
});
