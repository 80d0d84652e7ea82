import { describe, expect, it } from 'vitest';
import { CHANGE_COLOURS, NO_DATA_COLOUR } from '../../src/map/classes.ts';
import { ChangeClass } from '../../src/model/count-change.ts';

// Colour-vision simulation (Machado, Oliveira & Fernandes 2009, severity 1.0) on linear RGB,
// then CIELAB distance (CIE76): the change classes must stay apart for every viewer.
const MACHADO: Record<string, number[][]> = {
  normaal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopie: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopie: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopie: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(hex: string, viewer: string): [number, number, number] {
  const rgb = [1, 3, 5].map((k) => toLinear(parseInt(hex.slice(k, k + 2), 16) / 255));
  const m = MACHADO[viewer];
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const xyz = [0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b, 0.0193 * r + 0.1192 * g + 0.9505 * b];
  const white = [0.95047, 1, 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map((v, i) => f(v / white[i]));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('change palette', () => {
  for (const viewer of Object.keys(MACHADO)) {
    it(`every pair of change classes stays apart for ${viewer} (ΔE ≥ 15)`, () => {
      const labs = CHANGE_COLOURS.map((c) => lab(c, viewer));
      for (let i = 0; i < labs.length; i++) for (let j = i + 1; j < labs.length; j++) expect(deltaE(labs[i], labs[j])).toBeGreaterThanOrEqual(15);
    });
  }
  it('is diverging: lightness rises toward "geen duidelijke verandering" from both sides', () => {
    const L = CHANGE_COLOURS.map((c) => lab(c, 'normaal')[0]);
    expect(L[ChangeClass.strongFall]).toBeLessThan(L[ChangeClass.fall]);
    expect(L[ChangeClass.fall]).toBeLessThan(L[ChangeClass.none]);
    expect(L[ChangeClass.strongRise]).toBeLessThan(L[ChangeClass.rise]);
    expect(L[ChangeClass.rise]).toBeLessThan(L[ChangeClass.none]);
  });
  it('"geen duidelijke verandering" is a grey, not a hue, and lighter than "geen gegevens"', () => {
    const [L, a, b] = lab(CHANGE_COLOURS[ChangeClass.none], 'normaal');
    expect(Math.hypot(a, b)).toBeLessThan(2);
    expect(L).toBeGreaterThan(lab(NO_DATA_COLOUR, 'normaal')[0] + 10);
  });
});
