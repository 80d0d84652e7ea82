import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { aggregateNeighbours, findNeighbours, toCsr } from '../../../scripts/pipeline/neighbours.ts';
import type { Areal } from '../../../scripts/pipeline/geometry.ts';
import { FIXTURE_DATA } from './helpers.ts';

const M_LAT = 1 / 111_320; // degrees per metre (latitude)
const M_LON = 1 / (111_320 * Math.cos((52 * Math.PI) / 180));

/** Axis-aligned rectangle in metres from a local origin at 5°E 52°N. */
function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  const p = (x: number, y: number): Position => [5 + x * M_LON, 52 + y * M_LAT];
  return { type: 'Polygon', coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] };
}

describe('findNeighbours (tolerance)', () => {
  const opts = { toleranceM: 40, sampleSpacingM: 10, minSharedM: 30 };

  it('links squares across a gap smaller than the tolerance, not across a wider one', () => {
    const a = rect(0, 0, 500, 500);
    const b = rect(520, 0, 1000, 500); // 20 m gap: neighbour
    const c = rect(1100, 0, 1500, 500); // 100 m gap from b: not
    const n = findNeighbours([a, b, c], opts);
    expect(n).toEqual([[1], [0], []]);
    // With a 10 m tolerance the 20 m gap is too wide.
    expect(findNeighbours([a, b, c], { ...opts, toleranceM: 10 })).toEqual([[], [], []]);
  });

  it('requires a minimum shared length', () => {
    const a = rect(0, 0, 500, 500);
    const touchShort = rect(505, 480, 900, 900); // overlaps a's side only over ~20 m (+ tolerance)
    expect(findNeighbours([a, touchShort], { ...opts, toleranceM: 10, minSharedM: 100 })).toEqual([[], []]);
    expect(findNeighbours([a, touchShort], { ...opts, toleranceM: 10, minSharedM: 20 })).toEqual([[1], [0]]);
  });

  it('handles shared borders, null geometry and symmetric output', () => {
    const a = rect(0, 0, 100, 100);
    const b = rect(100, 0, 200, 100);
    const n = findNeighbours([a, null, b], opts);
    expect(n).toEqual([[2], [], [0]]);
  });

  it('aggregates to parents and packs CSR', () => {
    const agg = aggregateNeighbours([[1], [0, 2], [1]], [0, 0, 1], 2);
    expect(agg).toEqual([[1], [0]]);
    const { offsets, indices } = toCsr([[1, 2], [], [0]]);
    expect([...offsets]).toEqual([0, 2, 2, 3]);
    expect([...indices]).toEqual([1, 2, 0]);
  });
});

describe('findNeighbours on real buurten across the Groningen–Tynaarlo border', () => {
  const fc = JSON.parse(readFileSync(join(FIXTURE_DATA, 'woonikveilig-2024/buurt_2024_georef_wgs84.geojson'), 'utf8')) as {
    features: { properties: { BU_CODE: string; GM_CODE: string }; geometry: Areal }[];
  };
  const codes = fc.features.map((f) => f.properties.BU_CODE);
  const neighbours = findNeighbours(fc.features.map((f) => f.geometry));
  const isPair = (a: string, b: string) => neighbours[codes.indexOf(a)].includes(codes.indexOf(b));
  const vertices = (code: string) => {
    const g = fc.features[codes.indexOf(code)].geometry;
    return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
  };

  // Checked on a rendering of both gemeenten: these buurten face each other
  // across the gemeente border, separated by a reconstruction gap.
  const pairs: [string, string][] = [
    ['BU00141707', 'BU17300600'], // Paterswoldsemeer – Paterswolde
    ['BU00140704', 'BU17300805'], // Piccardthof – Ter Borch
    ['BU00140701', 'BU17300800'], // Hoornse Meer – Eelderwolde
  ];
  it.each(pairs)('%s borders %s although they share no vertex', (a, b) => {
    const va = new Set(vertices(a).map((p) => p.join(',')));
    expect(vertices(b).some((p) => va.has(p.join(',')))).toBe(false);
    expect(isPair(a, b)).toBe(true);
    expect(isPair(b, a)).toBe(true);
  });

  it('does not link buurten far apart on either side', () => {
    // Essen (Haren) and Ter Borch (Eelderwolde) are kilometres apart.
    expect(isPair('BU00141704', 'BU17300805')).toBe(false);
    // Within a gemeente, shared borders are found as well.
    expect(isPair('BU00140701', 'BU00140702')).toBe(true);
  });
});
