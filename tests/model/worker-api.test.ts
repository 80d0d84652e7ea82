/**
 * The worker API through comlink over a MessageChannel (Node), with the same
 * transfer as workers/scoring.worker.ts, and a fake fetch serving encoded tables.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { encodeLevelTable, type DatasetCatalog } from '../../src/model/dataset-format.ts';
import { createScoringService, transferablesOf, type ScoringWorkerApi } from '../../workers/scoring-api.ts';
import { randomTable } from './helpers/synthetic-table.ts';

const buurt = randomTable(3, 120);
const wijk = { ...randomTable(4, 20, { level: 'wijk' }), level: 'wijk' as const };
const files: Record<string, ArrayBuffer> = {
  'http://test/data/t/buurt.wvk': encodeLevelTable(buurt).slice().buffer as ArrayBuffer,
  'http://test/data/t/wijk.wvk': encodeLevelTable(wijk).slice().buffer as ArrayBuffer,
};
const catalog: DatasetCatalog = {
  format: 'wvk-datasets', version: 1, defaultDataset: 't',
  datasets: [{
    id: 't', title: 'Test', description: '', levels: ['wijk', 'buurt'], bbox: [0, 0, 1, 1], years: [2024], indelingYear: 2024,
    sources: [], caveats: [], minzoom: 0, maxzoom: 12, files: { tiles: 't/areas.pmtiles', tables: { buurt: 't/buurt.wvk', wijk: 't/wijk.wvk' } },
  }],
};
const fakeFetch = async (url: string) => ({
  ok: url === 'http://test/data/datasets.json' || url in files,
  status: 200,
  json: async () => catalog,
  arrayBuffer: async () => files[url].slice(0),
});

const channel = new MessageChannel();
const service = createScoringService(fakeFetch);
let lastSent: ArrayBuffer[] = [];
Comlink.expose({
  ...service,
  async score(request: Parameters<ScoringWorkerApi['score']>[0]) {
    const r = await service.score(request);
    lastSent = transferablesOf(r);
    return Comlink.transfer(r, lastSent);
  },
} satisfies ScoringWorkerApi, channel.port1 as unknown as Comlink.Endpoint);
const api = Comlink.wrap<ScoringWorkerApi>(channel.port2 as unknown as Comlink.Endpoint);

afterAll(() => {
  api[Comlink.releaseProxy]();
  channel.port1.close();
  channel.port2.close();
});

describe('scoring worker API (comlink)', () => {
  it('loads the catalog and tables relative to it', async () => {
    const s = await api.load('http://test/data/datasets.json', 't');
    expect(s.datasetId).toBe('t');
    expect(s.levels.map((l) => l.level).sort()).toEqual(['buurt', 'wijk']);
    expect(s.levels.find((l) => l.level === 'buurt')!.areaCount).toBe(120);
  });

  it('scores with the typed arrays transferred', async () => {
    const r = await api.score({ level: 'buurt' });
    expect(r.z).toBeInstanceOf(Float32Array);
    expect(r.z.length).toBe(r.targets.length * 120);
    expect(r.status).toBeInstanceOf(Uint8Array);
    expect(r.targets.filter((t) => t.kind === 'category')).toHaveLength(12);
    expect(r.targets.filter((t) => t.kind === 'dial').map((t) => t.id)).toEqual(['objectief', 'beleving']);
    // Transferred: the sender's buffers are detached.
    expect(lastSent.every((b) => b.byteLength === 0)).toBe(true);
    // A second call still works (the engine keeps no reference to sent arrays).
    const again = await api.score({ level: 'buurt' });
    expect(again.z[0]).toBe(r.z[0]);
  });

  it('explains, summarises and returns the model as plain data', async () => {
    const ex = await api.explain({ level: 'buurt', frame: 'gemeente' }, 5);
    expect(ex.categories).toHaveLength(12);
    expect(ex.frameLabel).toMatch(/gemeente/);
    const text = await api.summarise({ level: 'buurt' }, 5);
    expect(text).toMatch(/Samenhang, geen oorzaak\./);
    expect(text).not.toMatch(/slecht/i);
    const model = await api.model();
    expect(model.categories.map((c) => c.id)).toContain('S4');
  });

  it('accepts imported values for a level', async () => {
    const values = Object.fromEntries(buurt.codes.map((c, i) => [c, i % 7]));
    const res = await api.setImportedValues({ level: 'buurt', columns: [{ series: 'hotspots', year: 2025, values }] });
    expect(res.accepted).toEqual(['hotspots.2025']);
    const ex = await api.explain({ level: 'buurt' }, 6);
    const f = ex.categories.find((c) => c.id === 'F3')!.factors.find((x) => x.id === 'F3.4')!;
    expect(f.value).toBe(6);
    await expect(api.load('http://test/data/datasets.json', 'bestaat-niet')).rejects.toThrow(/niet gevonden/);
  });
});
