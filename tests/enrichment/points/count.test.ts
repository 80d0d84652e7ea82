import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { buildAreaIndex, countPoints, locatePoint } from '../../../src/enrichment/points/count.ts';
import { decodeGeometryFile, encodeGeometryFile } from '../../../src/model/geometry-format.ts';
import { readPoints } from '../../../src/enrichment/points/parse.ts';
import { createPointsService } from '../../../src/enrichment/points/service.ts';
import { DataFileError, type DatasetCatalog } from '../../../src/model/dataset-format.ts';

const square = (w: number, s: number, e: number, n: number, hole?: [number, number, number, number]): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [[w, s], [e, s], [e, n], [w, n], [w, s]],
    ...(hole ? [[[hole[0], hole[1]], [hole[0], hole[3]], [hole[2], hole[3]], [hole[2], hole[1]], [hole[0], hole[1]]]] : []),
  ],
});

// Two buurten side by side sharing the border x = 5.01; B has a hole (a lake).
const codes = ['BU01', 'BU02', 'BU03'];
const geometries = [square(5.0, 52.0, 5.01, 52.01), square(5.01, 52.0, 5.02, 52.01, [5.014, 52.004, 5.016, 52.006]), null];

describe('counting points per area', () => {
  const index = buildAreaIndex(codes, geometries);

  it('counts points inside, once on a shared border, and none in a hole or outside', () => {
    const positions = [
      5.005, 52.005, // A
      5.002, 52.001, // A
      5.018, 52.008, // B
      5.01, 52.005, // on the A|B border: counted once, in A (first in code order)
      5.015, 52.005, // in B's hole
      5.03, 52.005, // east of everything
      4.0, 51.0, // far away, no grid cell
    ];
    const r = countPoints(index, positions);
    expect(Array.from(r.counts)).toEqual([3, 1, 0]);
    expect(r.outside).toBe(3);
    expect(r.onBorder).toBe(1);
  });

  it('decides a border point by code order, not by which area the grid lists first', () => {
    expect(locatePoint(index, 5.01, 52.0075)).toEqual({ area: 0, border: true });
    expect(locatePoint(index, 5.02, 52.005)).toEqual({ area: 1, border: true });
    expect(locatePoint(index, 5.015, 52.0045)).toEqual({ area: -1, border: false });
  });

  it('survives the geometry file round trip (1e-5° quantisation, delta encoding)', () => {
    const bytes = encodeGeometryFile('test', 'buurt', codes, geometries);
    const back = decodeGeometryFile(new TextDecoder().decode(bytes));
    expect(back.codes).toEqual(codes);
    expect(back.geometries[2]).toBeNull();
    expect(back.geometries[1]!.coordinates[0][1][0]).toEqual([5.014, 52.004]);
    const r = countPoints(buildAreaIndex(back.codes, back.geometries), [5.005, 52.005, 5.018, 52.008, 5.015, 52.005]);
    expect(Array.from(r.counts)).toEqual([1, 1, 0]);
  });
});

describe('counting against the shipped Nederland 2024 geometry', () => {
  const root = new URL('../../../public/data/', import.meta.url);
  const catalog = JSON.parse(readFileSync(new URL('datasets.json', root), 'utf8')) as DatasetCatalog;
  const nl = catalog.datasets.find((d) => d.id === 'nl2024')!;
  const fetchText = async (url: string) => readFileSync(new URL(url.replace('test:', ''), root), 'utf8');

  it('puts the RD fixture in the right buurten, wijk and gemeente (drijfvuil in zee counts nowhere)', async () => {
    const service = createPointsService(fetchText);
    const text = readFileSync(new URL('../../fixtures/points/meldingen-rd.csv', import.meta.url), 'utf8');
    expect((await service.inspect(text, 'meldingen-rd.csv')).ok).toBe(true);
    const read = await service.read({ xColumn: 'x', yColumn: 'y', crs: 'rd' });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const buurt = await service.count('buurt', `test:${nl.files.geometry!.buurt}`, read.positions);
    const byCode = Object.fromEntries(buurt.codes.flatMap((c, i) => (buurt.counts[i] ? [[c, buurt.counts[i]]] : [])));
    expect(byCode).toEqual({ BU00140001: 12, BU00140000: 7, BU00140002: 5, BU00140702: 4 });
    expect(buurt.outside).toBe(1);
    const gemeente = await service.count('gemeente', `test:${nl.files.geometry!.gemeente}`, read.positions);
    expect(gemeente.counts[gemeente.codes.indexOf('GM0014')]).toBe(28);
  });

  it('a geometry file with "scale": 0 or a broken ring gives a named Dutch error, and the service keeps working', async () => {
    const path = nl.files.geometry!.wijk!;
    const good = JSON.parse(readFileSync(new URL(path, root), 'utf8'));
    const damaged: Record<string, string> = {
      'schaal-0.json': JSON.stringify({ ...good, scale: 0 }),
      'schaal-tekst.json': JSON.stringify({ ...good, scale: '1e5' }),
      'ring.json': JSON.stringify({ ...good, areas: [[[1, 2, 3]], ...good.areas.slice(1)] }),
      'kort.json': JSON.stringify({ ...good, codes: good.codes.slice(1) }),
    };
    const service = createPointsService(async (url) => damaged[url.replace('test:', '')] ?? fetchText(url));
    const positions = new Float64Array([6.567, 53.219]);
    await expect(service.count('wijk', 'test:schaal-0.json', positions)).rejects.toThrow(
      new DataFileError('header', 'test:schaal-0.json: schaal 0 is ongeldig (verwacht een positief getal, zoals 100000)'));
    await expect(service.count('wijk', 'test:schaal-tekst.json', positions)).rejects.toThrow('test:schaal-tekst.json: schaal "1e5" is ongeldig');
    await expect(service.count('wijk', 'test:ring.json', positions)).rejects.toThrow(`test:ring.json: gebied 1 (${good.codes[0]}) heeft een ongeldige ring`);
    await expect(service.count('wijk', 'test:kort.json', positions)).rejects.toThrow(/^test:kort\.json: aantal codes \(\d+\) en gebieden \(\d+\) verschilt$/);
    // The same service still counts with a good file afterwards.
    const wijk = await service.count('wijk', `test:${path}`, positions);
    expect(wijk.counts.reduce((a, b) => a + b, 0) + wijk.outside).toBe(1);
  });

  it('counts 10.000 points per buurt in well under a few seconds', async () => {
    const text = readFileSync(new URL(nl.files.geometry!.buurt!, root), 'utf8');
    const t0 = performance.now();
    const g = decodeGeometryFile(text);
    const index = buildAreaIndex(g.codes, g.geometries);
    const loadMs = performance.now() - t0;
    // Deterministic pseudo-random points over the Randstad and Groningen.
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const positions = new Float64Array(20_000);
    for (let i = 0; i < 10_000; i++) {
      const groningen = i % 4 === 0;
      positions[2 * i] = groningen ? 6.5 + rnd() * 0.15 : 4.2 + rnd() * 1.0;
      positions[2 * i + 1] = groningen ? 53.18 + rnd() * 0.06 : 51.8 + rnd() * 0.6;
    }
    const r = countPoints(index, positions);
    let inside = 0;
    for (const c of r.counts) inside += c;
    console.log(`buurtgeometrie laden + index ${loadMs.toFixed(0)} ms; 10.000 punten tellen ${r.ms.toFixed(0)} ms (${inside} in een buurt, ${r.outside} erbuiten)`);
    expect(inside + r.outside).toBe(10_000);
    expect(inside).toBeGreaterThan(7000);
    expect(r.ms).toBeLessThan(5000);
  });

  it('counts the WGS84 GeoJSON hangplekken in the Groningen binnenstad buurten', async () => {
    const service = createPointsService(fetchText);
    const text = readFileSync(new URL('../../fixtures/points/hangplekken-wgs84.geojson', import.meta.url), 'utf8');
    await service.inspect(text, 'hangplekken.geojson');
    const read = await service.read({ xColumn: null, yColumn: null, crs: 'wgs84' });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const r = await service.count('buurt', `test:${nl.files.geometry!.buurt}`, read.positions);
    const byCode = Object.fromEntries(r.codes.flatMap((c, i) => (r.counts[i] ? [[c, r.counts[i]]] : [])));
    expect(byCode).toEqual({ BU00140000: 1, BU00140001: 2 });
  });
});
