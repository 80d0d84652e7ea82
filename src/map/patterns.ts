/**
 * Fill patterns drawn into pixel buffers, so no sprite is fetched. Each
 * pattern is distinct in shape, not just colour: hatch = indicatief,
 * dots = beperkte dekking, cross-hatch = witte vlek, grid = bezoekers- of
 * werkgebied, horizontal stripes = geen duidelijke verandering; in the
 * perception-gap view horizontal and vertical stripes mark the two quadrants
 * where registered and felt safety disagree.
 */
import { PATTERNS } from './style.ts';

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const SIZE = 8;

function draw(paint: (x: number, y: number) => boolean, rgba: [number, number, number, number]): PatternImage {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (!paint(x, y)) continue;
      data.set(rgba, (y * SIZE + x) * 4);
    }
  }
  return { width: SIZE, height: SIZE, data };
}

export function patternImages(): Record<(typeof PATTERNS)[keyof typeof PATTERNS], PatternImage> {
  return {
    [PATTERNS.indicative]: draw((x, y) => (x + y) % SIZE === 0 || (x + y) % SIZE === 1, [40, 40, 40, 150]),
    [PATTERNS.limited]: draw((x, y) => (x % 4 === 1 && y % 4 === 1) || (x % 4 === 2 && y % 4 === 1) || (x % 4 === 1 && y % 4 === 2) || (x % 4 === 2 && y % 4 === 2), [30, 30, 30, 170]),
    [PATTERNS.whiteSpot]: draw((x, y) => (x + y) % SIZE === 0 || (x - y + SIZE) % SIZE === 0, [110, 110, 110, 220]),
    [PATTERNS.visitor]: draw((x, y) => x % 4 === 0 || y % 4 === 0, [84, 39, 143, 200]),
    [PATTERNS.noChange]: draw((_x, y) => y % 4 === 0, [90, 90, 90, 200]),
    [PATTERNS.gapFeelsUnsafe]: draw((_x, y) => y % 4 === 0, [20, 20, 20, 170]),
    [PATTERNS.gapFeelsSafe]: draw((x) => x % 4 === 0, [20, 20, 20, 170]),
  };
}
