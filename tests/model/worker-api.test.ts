/**
 * The worker API through comlink over a MessageChannel (Node), with the same
 * transfers as workers/scoring.worker.ts, fed by the main-thread side from a
 * memory DatasetSource.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { memorySource } from '../../src/data/source.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { tableTransferables, transferablesOf, type ScoringWorkerApi } from '../../workers/scoring-api.ts';
import { createScoringService } from '../../workers/scoring-worker-side.ts';
import { loadIntoWorker } from '../../workers/scoring-main-side.ts';
import { randomTable } from './helpers/synthetic-table.ts';
import { memoryDataset } from './helpers/dataset-files.ts';

const buurt = randomTable(3, 120);
const wijk = { ...randomTable(4, 20, { level: 'wijk' }), level: 'wijk' as const };
const { entry, files } = await memoryDataset('t', [buurt, wijk]);

const channel = new MessageChannel();
const service = createScoringService();
let lastSent: ArrayBuffer[] = [];
Comlink.expose({
  ...service,
  async load(...args: Parameters<ScoringWorkerApi['load']>) {
    const r = await service.load(...args);
    return Comlink.transfer(r, tableTransferables(r.tables));
  },
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
  it('reads each table once and moves its bytes to the worker', async () => {
    const source = memorySource(files);
    const read = vi.spyOn(source, 'read');
    const handed: ArrayBuffer[] = [];
    const spyApi = { load: (e: typeof entry, f: Parameters<ScoringWorkerApi['load']>[1], s: string[]) => { handed.push(...Object.values(f).map((x) => x.bytes.buffer)); return api.load(e, f, s); } };
    const s = await loadIntoWorker(spyApi, source, entry, ['inwoners']);
    expect(read).toHaveBeenCalledTimes(2);
    expect(handed).toHaveLength(2);
    // Transferred, not copied: the main thread's buffers are detached.
    expect(handed.every((b) => b.byteLength === 0)).toBe(true);
    expect(s.datasetId).toBe('t');
    expect(s.levels.map((l) => l.level).sort()).toEqual(['buurt', 'wijk']);
    expect(s.levels.find((l) => l.level === 'buurt')!.areaCount).toBe(120);
    // The main thread gets names, codes, neighbours and only the columns it asked for.
    const t = s.tables.buurt!;
    expect(t.codes).toEqual(buurt.codes);
    expect(t.names).toEqual(buurt.names);
    expect(t.neighbourOffsets).toHaveLength(121);
    expect(new Set(t.indicators.map((m) => m.series))).toEqual(new Set(['inwoners']));
    expect([...t.values[0]]).toEqual([...buurt.values[buurt.indicators.findIndex((m) => m.id === t.indicators[0].id)]]);
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
    const explain = vi.spyOn(ScoringEngine.prototype, 'explain');
    const [ex, text] = await Promise.all([api.explain({ level: 'buurt', frame: 'gemeente' }, 5), api.summarise({ level: 'buurt', frame: 'gemeente' }, 5)]);
    // One click, one explanation: the summary reuses it.
    expect(explain).toHaveBeenCalledTimes(1);
    explain.mockRestore();
    expect(ex.categories).toHaveLength(12);
    expect(ex.frameLabel).toMatch(/gemeente/);
    expect(text).toMatch(/Samenhang, geen oorzaak\./);
    expect(text).not.toMatch(/slecht/i);
    const model = await api.model();
    expect(model.categories.map((c) => c.id)).toContain('S4');
  });

  it('answers a click with the explanation and its summary in one message', async () => {
    const request = { level: 'buurt' as const, frame: 'gemeente' as const };
    const both = await api.explainWithSummary(request, 5);
    expect(both.explanation.areaIndex).toBe(5);
    expect(both.explanation.categories).toHaveLength(12);
    expect(both.summary).toBe(await api.summarise(request, 5));
    expect(both.explanation).toEqual(await api.explain(request, 5));
  });

  it('prepares the explanations of a level and frame once, when the app asks', async () => {
    const prepare = vi.spyOn(ScoringEngine.prototype, 'prepareExplanations');
    await api.prepareExplanations({ level: 'buurt', frame: 'stedelijkheid' });
    await api.prepareExplanations({ level: 'buurt', frame: 'stedelijkheid' });
    expect(prepare).toHaveBeenCalledTimes(1);
    await api.prepareExplanations({ level: 'wijk', frame: 'stedelijkheid' });
    expect(prepare).toHaveBeenCalledTimes(2);
    prepare.mockRestore();
    const ex = await api.explain({ level: 'buurt', frame: 'stedelijkheid' }, 7);
    expect(ex.areaIndex).toBe(7);
    expect(ex.categories).toHaveLength(12);
  });

  it('accepts imported values for a level', async () => {
    const values = Object.fromEntries(buurt.codes.map((c, i) => [c, i % 7]));
    const res = await api.setImportedValues({ level: 'buurt', columns: [{ series: 'hotspots', year: 2025, values }] });
    expect(res.accepted).toEqual(['hotspots.2025']);
    const ex = await api.explain({ level: 'buurt' }, 6);
    const f = ex.categories.find((c) => c.id === 'F3')!.factors.find((x) => x.id === 'F3.4')!;
    expect(f.value).toBe(6);
  });

  it('refuses a damaged table with a named error', async () => {
    const broken = { ...files };
    const path = entry.files.tables.buurt!;
    const bytes = new Uint8Array(broken[path]);
    bytes[bytes.length - 20] ^= 0x04;
    broken[path] = bytes;
    await expect(loadIntoWorker(api, memorySource(broken), entry, [])).rejects.toMatchObject({ name: 'DataFileError', message: expect.stringMatching(/past niet bij de hash/) });
  });
});
