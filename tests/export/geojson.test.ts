/**
 * The GeoJSON export opened the way a GIS colleague would: by GDAL's
 * ogrinfo (the reader under QGIS), on the shipped Groningen 2017 data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from '../../scripts/scores-cli.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { decodeGeometryFile } from '../../src/model/geometry-format.ts';
import { scoresToGeoJson, type ExportScope } from '../../src/export/geojson.ts';
import { creditLine } from '../../src/model/credits.ts';
import type { Position } from 'geojson';

const catalogPath = 'public/data/datasets.json';
const { catalog, tables } = await loadDatasetFromDisk(catalogPath, 'groningen2017', ['wijk']);
const entry = catalog.datasets.find((d) => d.id === 'groningen2017')!;
const table = tables.wijk!;
const result = new ScoringEngine(tables).score({ level: 'wijk' });
const geometry = decodeGeometryFile(readFileSync(join('public/data', entry.files.geometry!.wijk!), 'utf8'));

function exportFor(scope: ExportScope) {
  return scoresToGeoJson({
    datasetId: 'groningen2017', level: 'wijk', table, result, geometry,
    gemeenteName: () => 'Groningen', credit: creditLine(entry.sources), frameLabel: 'alle wijken', scope,
  });
}

function ogrinfo(file: string, ...args: string[]): string {
  return execFileSync('ogrinfo', ['-ro', '-al', ...args, file], { encoding: 'utf8' });
}

const twiceArea = (ring: Position[]) => ring.reduce((s, p, i) => { const q = ring[(i + 1) % ring.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0);

describe('GeoJSON export', () => {
  const collection = exportFor({ kind: 'all' });
  const dir = mkdtempSync(join(tmpdir(), 'wvk-geojson-'));
  const file = join(dir, 'kompas-groningen2017-wijk.geojson');
  writeFileSync(file, JSON.stringify(collection));

  it('GDAL opens it as WGS84 multipolygons with every wijk and the score columns', () => {
    const summary = ogrinfo(file, '-so');
    expect(summary).toContain(`Feature Count: ${table.codes.length}`);
    expect(summary).toMatch(/Geometry: Multi Polygon/);
    expect(summary).toMatch(/WGS 84/);
    // Groningen 2017 wijken have S1 scores for every wijk (S4 is a witte vlek there).
    expect(summary).toMatch(/\nS1_z: Real/);
    expect(summary).toMatch(/\nS1_percentiel: Real/);
    expect(summary).toMatch(/\nS1_status: String/);
    expect(summary).toMatch(/\nS1_dekking: Real/);
    expect(summary).toMatch(/\ncode: String/);
    // The credit line travels with the file as the layer description.
    expect(summary).toMatch(/DESCRIPTION=.*Bron: CBS, Politie, RIVM\/GGD · licentie CC BY 4\.0/);
    // And which figures they are: without a year on the map, the latest.
    expect(summary).toMatch(/DESCRIPTION=.*niveau wijk, nieuwste cijfers\./);
    // Extent inside the city of Groningen.
    const extent = /Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)/.exec(summary)!.slice(1).map(Number);
    expect(extent[0]).toBeGreaterThan(6.4);
    expect(extent[2]).toBeLessThan(6.8);
    expect(extent[1]).toBeGreaterThan(53.1);
    expect(extent[3]).toBeLessThan(53.3);
  });

  it('a wijk read back by GDAL carries the scores the engine computed for it', () => {
    const i = table.codes.indexOf('WK001401');
    const n = table.codes.length;
    const s1 = result.targets.findIndex((t) => t.id === 'S1');
    const s4 = result.targets.findIndex((t) => t.id === 'S4');
    expect(Number.isFinite(result.percentile[s1 * n + i])).toBe(true);
    const feature = ogrinfo(file, '-where', "code = 'WK001401'");
    expect(feature).toContain('Feature Count: 1');
    expect(feature).toContain(`naam (String) = ${table.names[i]}`);
    expect(feature).toContain(`S1_percentiel (Real) = ${Math.round(result.percentile[s1 * n + i] * 10) / 10}`);
    // No score is an empty value with its status, never 0.
    expect(result.status[s4 * n + i]).toBe(2);
    expect(feature).toMatch(/S4_percentiel \(\w+\) = \(null\)/);
    expect(feature).toContain('S4_status (String) = onvoldoende data – witte vlek');
    expect(feature).toMatch(/MULTIPOLYGON \(\(\(6\.\d+ 53\.\d+/);
  });

  it('follows RFC 7946: CBS code as id, closed rings, shells counter-clockwise and holes clockwise', () => {
    for (const f of collection.features) {
      expect(f.id).toBe(f.properties.code);
      for (const polygon of f.geometry?.coordinates ?? []) {
        polygon.forEach((ring, r) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(twiceArea(ring) > 0).toBe(r === 0);
        });
      }
    }
  });

  it('exports a gemeente or a selection only', () => {
    expect(exportFor({ kind: 'within', code: 'GM0014' }).features.length).toBe(table.codes.length);
    expect(exportFor({ kind: 'within', code: 'GM0363' }).features.length).toBe(0);
    expect(exportFor({ kind: 'within', code: 'WK001401' }).features.map((f) => f.id)).toEqual(['WK001401']);
    const picked = exportFor({ kind: 'codes', codes: ['WK001401', 'WK001402'] });
    expect(picked.features.map((f) => f.id)).toEqual(['WK001401', 'WK001402']);
  });
});
