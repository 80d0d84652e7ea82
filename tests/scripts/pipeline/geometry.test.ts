import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import { cleanGeometry, dissolve, labelPointOf, removeCracks } from '../../../scripts/pipeline/geometry.ts';

const M_LAT = 1 / 111_320;
const M_LON = 1 / (111_320 * Math.cos((52 * Math.PI) / 180));
const pt = (x: number, y: number): Position => [5 + x * M_LON, 52 + y * M_LAT];
const ring = (xy: [number, number][]): Position[] => [...xy.map(([x, y]) => pt(x, y)), pt(...xy[0])];

describe('geometry helpers', () => {
  it('cuts a thin crack out of a ring but keeps a wide notch', () => {
    // 1 km square with a 10 m wide, 400 m deep crack from the top edge.
    const cracked = ring([[0, 0], [1000, 0], [1000, 1000], [505, 1000], [505, 600], [495, 600], [495, 1000], [0, 1000]]);
    const fixed = removeCracks(cracked, 30);
    expect(fixed.length).toBeLessThan(cracked.length);
    expect(turf.area(turf.polygon([fixed]))).toBeGreaterThan(0.99e6);
    const notched = ring([[0, 0], [1000, 0], [1000, 1000], [700, 1000], [700, 600], [300, 600], [300, 1000], [0, 1000]]);
    expect(removeCracks(notched, 30)).toEqual(notched);
  });

  it('dissolves neighbours separated by a thin gap into one polygon without a crack', () => {
    const a: Polygon = { type: 'Polygon', coordinates: [ring([[0, 0], [500, 0], [500, 1000], [0, 1000]])] };
    const b: Polygon = { type: 'Polygon', coordinates: [ring([[500, 0], [1000, 0], [1000, 1000], [500, 1000]])] };
    const gapped: Polygon = { type: 'Polygon', coordinates: [ring([[510, 0], [1000, 0], [1000, 1000], [510, 1000]])] };
    const joined = dissolve([a, b]).geometry!;
    expect(joined.type).toBe('Polygon');
    expect(turf.area(turf.feature(joined))).toBeCloseTo(1e6, -4);
    // A 10 m slit over the full height splits the shapes; they stay two parts (no union across gaps).
    const split = dissolve([a, gapped]).geometry!;
    expect(split.type).toBe('MultiPolygon');
  });

  it('repairs a self-intersecting (bow-tie) ring', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [ring([[0, 0], [100, 100], [100, 0], [0, 100]])] };
    const c = cleanGeometry(bowtie);
    expect(c.repaired).toBe(true);
    // Two triangles touching at the crossing: each part is simple.
    const g = c.geometry!;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    expect(parts).toHaveLength(2);
    for (const rings of parts) expect(turf.kinks(turf.polygon(rings)).features).toHaveLength(0);
    expect(turf.area(turf.feature(g))).toBeCloseTo(5000, -2);
  });

  it('puts the label point inside a concave polygon', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [ring([[0, 0], [300, 0], [300, 300], [200, 300], [200, 100], [100, 100], [100, 300], [0, 300]])] };
    const p = labelPointOf(u);
    expect(turf.booleanPointInPolygon(p, turf.feature(u))).toBe(true);
  });
});

describe('dissolve holes', () => {
  // A 1 km square with a 100 × 100 m hole: below the gap threshold by area.
  const holed: Polygon = { type: 'Polygon', coordinates: [ring([[0, 0], [1000, 0], [1000, 1000], [0, 1000]]), ring([[450, 450], [450, 550], [550, 550], [550, 450]])] };
  it('drops a small hole that is a gap between buurten', () => {
    const other: Polygon = { type: 'Polygon', coordinates: [ring([[2000, 0], [2100, 0], [2100, 100], [2000, 100]])] };
    const d = dissolve([holed, other]).geometry!;
    const parts = d.type === 'Polygon' ? [d.coordinates] : d.coordinates;
    expect(parts.every((rings) => rings.length === 1)).toBe(true);
  });
  it('keeps the hole when another area fills it (enclave)', () => {
    const d = dissolve([holed], { isEnclave: (hole) => turf.booleanPointInPolygon(pt(500, 500), turf.polygon([hole])) }).geometry!;
    expect(d.type).toBe('Polygon');
    expect((d as Polygon).coordinates).toHaveLength(2);
  });
});
