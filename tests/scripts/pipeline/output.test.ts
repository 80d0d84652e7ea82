import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetCatalog } from '../../../src/model/dataset-format.ts';
import { buildDataset } from '../../../scripts/pipeline/build-dataset.ts';
import { writeOutput } from '../../../scripts/pipeline/output.ts';
import { loadNl2024 } from '../../../scripts/pipeline/sources/nl2024.ts';
import { runPipeline } from '../../../scripts/build-data.ts';
import { FIXTURE_DATA, fixtureCopy, setCsvCell, snapshotDir } from './helpers.ts';

const snapshot = snapshotDir;

const build = (dataDir = FIXTURE_DATA) => buildDataset(loadNl2024({ dataDir }));

describe('pipeline output', () => {
  it('is deterministic: two runs give byte-identical files', () => {
    const a = mkdtempSync(join(tmpdir(), 'wvk-out-a-'));
    const b = mkdtempSync(join(tmpdir(), 'wvk-out-b-'));
    writeOutput([build()], { outDir: a, defaultDataset: 'nl2024' });
    writeOutput([build()], { outDir: b, defaultDataset: 'nl2024' });
    const sa = snapshot(a);
    expect(Object.keys(sa).sort()).toEqual(Object.keys(snapshot(b)).sort());
    expect(sa).toEqual(snapshot(b));
    expect(Object.keys(sa).filter((f) => /^nl2024\/(areas|buurt|wijk|gemeente)\.[0-9a-f]{8}\.(pmtiles|wvk)$/.test(f))).toHaveLength(4);
    const catalog = JSON.parse(readFileSync(join(a, 'datasets.json'), 'utf8')) as DatasetCatalog;
    expect(catalog.defaultDataset).toBe('nl2024');
    expect(existsSync(join(a, catalog.datasets[0].files.tiles))).toBe(true);
    expect(existsSync(join(a, catalog.datasets[0].files.tables.buurt!))).toBe(true);
  });

  it('replaces hashed files on a content change and removes the old ones', () => {
    const out = mkdtempSync(join(tmpdir(), 'wvk-out-'));
    writeOutput([build()], { outDir: out, defaultDataset: 'nl2024' });
    const before = JSON.parse(readFileSync(join(out, 'datasets.json'), 'utf8')) as DatasetCatalog;
    const dir = fixtureCopy();
    setCsvCell(join(dir, 'woonikveilig-2024/wijk_2024_kerncijfers.csv'), 'WK173008', 'wozWaarde', '123');
    writeOutput([build(dir)], { outDir: out, defaultDataset: 'nl2024' });
    const after = JSON.parse(readFileSync(join(out, 'datasets.json'), 'utf8')) as DatasetCatalog;
    expect(after.datasets[0].files.tables.wijk).not.toBe(before.datasets[0].files.tables.wijk);
    expect(after.datasets[0].files.tiles).toBe(before.datasets[0].files.tiles);
    expect(existsSync(join(out, before.datasets[0].files.tables.wijk!))).toBe(false);
    // Tiles + three level tables + three geometry files for point counting.
    expect(readdirSync(join(out, 'nl2024'))).toHaveLength(7);
    expect(after.datasets[0].files.geometry?.buurt).toMatch(/^nl2024\/buurt-geometry\.[0-9a-f]{8}\.json$/);
    expect(existsSync(join(out, after.datasets[0].files.geometry!.buurt!))).toBe(true);
  });

  it('is atomic: a failure before the commit leaves the previous files intact', () => {
    const out = mkdtempSync(join(tmpdir(), 'wvk-out-'));
    writeOutput([build()], { outDir: out, defaultDataset: 'nl2024' });
    const before = snapshot(out);
    const dir = fixtureCopy();
    setCsvCell(join(dir, 'woonikveilig-2024/wijk_2024_kerncijfers.csv'), 'WK173008', 'wozWaarde', '321');
    expect(() => writeOutput([build(dir)], {
      outDir: out,
      defaultDataset: 'nl2024',
      beforeCommit: () => { throw new Error('gesimuleerde fout'); },
    })).toThrow('gesimuleerde fout');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).some((f) => f.startsWith('.staging-'))).toBe(false);
  });

  it('keeps datasets that were not rebuilt in the catalog', () => {
    const out = mkdtempSync(join(tmpdir(), 'wvk-out-'));
    const built = build();
    writeOutput([built], { outDir: out, defaultDataset: 'nl2024' });
    const other = { ...built, entry: { ...built.entry, id: 'ander' } };
    writeOutput([other], { outDir: out, defaultDataset: 'nl2024', order: ['nl2024', 'ander'] });
    const catalog = JSON.parse(readFileSync(join(out, 'datasets.json'), 'utf8')) as DatasetCatalog;
    expect(catalog.datasets.map((d) => d.id)).toEqual(['nl2024', 'ander']);
    for (const d of catalog.datasets) expect(existsSync(join(out, d.files.tiles))).toBe(true);
  });

  it('a run that fails on bad input writes nothing', async () => {
    const data = fixtureCopy(); // <tmp>/data
    const root = join(data, '..');
    const out = join(root, 'public/data');
    await runPipeline({ root, ids: ['nl2024'], log: () => {} });
    const before = snapshot(out);
    setCsvCell(join(data, 'tmap-nld-2022/NLD_dist_2022.csv'), 'WK173006', 'income_low', 'n.v.t.');
    await expect(runPipeline({ root, ids: ['nl2024'], log: () => {} })).rejects.toThrow(/NLD_dist_2022\.csv, regel \d+, kolom "income_low"/);
    expect(snapshot(out)).toEqual(before);
  });
});
