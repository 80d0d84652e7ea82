import { describe, expect, it } from 'vitest';
import { guessCrs } from '../../../src/enrichment/points/projection.ts';

describe('coordinate system of a point file', () => {
  it('guesses the system from sample values', () => {
    expect(guessCrs([[155000, 463000], [233883, 582065]])).toBe('rd');
    expect(guessCrs([[5.38, 52.15], [6.56, 53.21]])).toBe('wgs84');
    expect(guessCrs([])).toBeNull();
  });
});
