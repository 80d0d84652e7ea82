import { describe, expect, it } from 'vitest';
import { inNetherlands, inRdGrid, NL_WGS84_BOUNDS, RD_GRID_BOUNDS, rdToWgs84 } from '../../src/model/rd-new.ts';
import { looksLikeRd, looksLikeWgs84InNl, rdToWgs84 as pipelineRdToWgs84, round7 } from '../../scripts/readers/rd.ts';

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


  it('the pipeline converts with the same settings, rounded to 7 decimals', () => {
    for (const [x, y] of [[155000, 463000], [233883, 582065], [13000, 372000], [279000, 600000]] as const) {
      const [lon, lat] = rdToWgs84(x, y);
      expect(pipelineRdToWgs84(x, y)).toEqual([round7(lon), round7(lat)]);
    }
  });

  it('the point import and the geometry readers share one set of bounds', () => {
    const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
    const nl = NL_WGS84_BOUNDS;
    expect(looksLikeWgs84InNl(square(nl.west, nl.south, nl.east, nl.north))).toBe(true);
    expect(inNetherlands(nl.west - 0.01, 52)).toBe(false);
    expect(looksLikeWgs84InNl(square(nl.west - 0.01, 52, 5, 52.1))).toBe(false);
    const rd = RD_GRID_BOUNDS;
    expect(looksLikeRd(square(rd.west, rd.south, rd.east, rd.north))).toBe(true);
    expect(inRdGrid(155000, rd.north + 1)).toBe(false);
    expect(looksLikeRd(square(150000, 460000, 155000, rd.north + 1))).toBe(false);
  });
});
