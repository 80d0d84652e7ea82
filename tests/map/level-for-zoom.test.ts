import { describe, expect, it } from 'vitest';
import { highestZoomShowing, levelForZoom } from '../../src/map/level-for-zoom.ts';
import { LEVELS, type Level } from '../../src/model/dataset-format.ts';

// A selection from the score table or the search flies to its area; with the
// level following the zoom, a flight past this cap would show (and tabulate)
// the next level instead of the one the user picked.
describe('highestZoomShowing', () => {
  const cases: Level[][] = [[...LEVELS], ['wijk', 'buurt'], ['gemeente', 'buurt'], ['gemeente']];
  for (const levels of cases) {
    it(`keeps each level on screen up to its cap and not a step beyond (${levels.join(', ')})`, () => {
      for (const level of levels) {
        const cap = highestZoomShowing(level, levels);
        if (cap === Infinity) {
          expect(levelForZoom(20, levels)).toBe(level);
          continue;
        }
        expect(levelForZoom(cap, levels)).toBe(level);
        expect(levelForZoom(cap + 0.02, levels)).not.toBe(level);
      }
    });
  }
  it('gives a gemeente the zooms below the wijk level, and a dataset without wijken the zooms below buurten', () => {
    expect(highestZoomShowing('gemeente', [...LEVELS])).toBeLessThan(8.5);
    expect(highestZoomShowing('gemeente', ['gemeente', 'buurt'])).toBeGreaterThan(10.9);
    expect(highestZoomShowing('buurt', [...LEVELS])).toBe(Infinity);
  });
});
