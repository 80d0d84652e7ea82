import { describe, expect, it } from 'vitest';
import { guessCrs, inNetherlands, rdToWgs84 } from '../../src/points/projection.ts';

describe('RD New → WGS84', () => {
  it('puts the Amersfoort origin (155000, 463000) at 5.38720621, 52.15517440 within a metre', () => {
    const [lon, lat] = rdToWgs84(155000, 463000);
    // 1e-5° is about 0.7 m east-west and 1.1 m north-south here.
    expect(Math.abs(lon - 5.38720621)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 52.1551744)).toBeLessThan(1e-5);
  });

  it('puts the Martinitoren (233,9 km; 582,2 km RD) in Groningen', () => {
    const [lon, lat] = rdToWgs84(233883, 582065);
    expect(lon).toBeCloseTo(6.5682, 2);
    expect(lat).toBeCloseTo(53.2193, 2);
    expect(inNetherlands(lon, lat)).toBe(true);
  });

  it('guesses the system from sample values', () => {
    expect(guessCrs([[155000, 463000], [233883, 582065]])).toBe('rd');
    expect(guessCrs([[5.38, 52.15], [6.56, 53.21]])).toBe('wgs84');
    expect(guessCrs([])).toBeNull();
  });
});
