/**
 * The worker API through comlink over a MessageChannel (Node), with the same
 * transfers as workers/scoring.worker.ts (withTransfers). The worker side
 * downloads the tables itself, here through fetchSource with a fetch that
 * serves a dataset from memory; the main side is loadInWorker.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { DataFileError, firstViewEnd } from '../../src/model/dataset-format.ts';
import { fetchSource, LoadError } from '../../src/data/source.ts';
import { asLoadError } from '../../src/data/load-dataset.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { withTransfers, type FirstView, type ScoringWorkerApi } from '../../workers/scoring-api.ts';
import { emptyMapStates, firstViewStates, scoreMapStates } from '../../src/model/first-view.ts';
import { createScoringService } from '../../workers/scoring-worker-side.ts';
import { loadInWorker } from '../../workers/scoring-main-side.ts';
import { randomTable } from './helpers/synthetic-table.ts';
import { memoryDataset } from './helpers/dataset-files.ts';

const buurt = randomTable(3, 120);
const wijk = { ...randomTable(4, 20, { level: 'wijk' }), level: 'wijk' as const };
const { entry, files } = await memoryDataset('t', [buurt, wijk]);
const WHERE = 'http://host/data/';

/** What the server holds (path → bytes; a missing path answers 404), and what was asked. */
let served: Record<string, Uint8Array> = files;
const requested: string[] = [];
/** A file whose bytes from `at` on come only when `rest` settles: a slow line. */
let slowTail: { path: string; at: number; rest: Promise<void> } | null = null;
const serve = async (input: RequestInfo | URL) => {
  const path = String(input).slice(WHERE.length);
  requested.push(path);
  const body = served[path];
  if (!body) return new Response('niet gevonden', { status: 404, statusText: 'Not Found' });
  const headers = { 'content-type': 'application/octet-stream', 'content-length': String(body.length) };
  const tail = slowTail?.path === path ? slowTail : null;
  if (!tail) return new Response(new Uint8Array(body), { headers });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(body.slice(0, tail.at));
      await tail.rest;
      controller.enqueue(body.slice(tail.at));
      controller.close();
    },
  });
  return new Response(stream, { headers });
};

const channel = new MessageChannel();
const service = createScoringService((where) => fetchSource(where, serve));
let lastSent: ArrayBuffer[] = [];
Comlink.expose(withTransfers(service, (buffers) => (lastSent = buffers)), channel.port1 as unknown as Comlink.Endpoint);
const api = Comlink.wrap<ScoringWorkerApi>(channel.port2 as unknown as Comlink.Endpoint);

afterAll(() => {
  api[Comlink.releaseProxy]();
  channel.port1.close();
  channel.port2.close();
});

describe('scoring worker API (comlink)', () => {
  it('downloads each table once in the worker and answers with the main-thread tables, the model and the first scores', async () => {
    requested.length = 0;
    const progress: [number, number][] = [];
    const s = await loadInWorker(api, entry, WHERE, { mainThreadSeries: ['inwoners'], first: { level: 'buurt', frame: 'gemeente' } }, (loaded, total) => void progress.push([loaded, total]));
    expect(requested.sort()).toEqual(Object.values(entry.files.tables).sort());
    // Progress reached the main thread, up to both tables (counted in files).
    await vi.waitFor(() => expect(progress.at(-1)).toEqual([2, 2]));
    expect(s.datasetId).toBe('t');
    expect(Object.keys(s.tables).sort()).toEqual(['buurt', 'wijk']);
    expect(s.tables.buurt!.codes).toHaveLength(120);
    // The main thread gets names, codes, neighbours and only the columns it asked for.
    const t = s.tables.buurt!;
    expect(t.codes).toEqual(buurt.codes);
    expect(t.names).toEqual(buurt.names);
    expect(t.neighbourOffsets).toHaveLength(121);
    expect(new Set(t.indicators.map((m) => m.series))).toEqual(new Set(['inwoners']));
    expect([...t.values[0]]).toEqual([...buurt.values[buurt.indicators.findIndex((m) => m.id === t.indicators[0].id)]]);
    // The tables and the first scores left the worker transferred, not copied.
    expect(lastSent.length).toBeGreaterThan(5);
    expect(lastSent.every((b) => b.byteLength === 0)).toBe(true);
    // The first scores are the ones score() gives for the same request.
    expect(s.model.categories.map((c) => c.id)).toContain('S4');
    const again = await api.score({ level: 'buurt', frame: 'gemeente' });
    expect(s.first!.targets.map((x) => x.id)).toEqual(again.targets.map((x) => x.id));
    expect([...s.first!.percentile]).toEqual([...again.percentile]);
  });

  it('answers without first scores when none were asked or the level is not in the dataset', async () => {
    expect((await loadInWorker(api, entry, WHERE, { mainThreadSeries: [] })).first).toBeNull();
    expect((await loadInWorker(api, entry, WHERE, { mainThreadSeries: [], first: { level: 'gemeente' } })).first).toBeNull();
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

  it('refuses a damaged table with a named error of the same type on the main thread', async () => {
    const path = entry.files.tables.buurt!;
    const bytes = new Uint8Array(files[path]);
    bytes[bytes.length - 20] ^= 0x04;
    served = { ...files, [path]: bytes };
    const error = await loadInWorker(api, entry, WHERE, { mainThreadSeries: [] }).catch((e: unknown) => e);
    served = files;
    expect(error).toBeInstanceOf(DataFileError);
    expect(error).toMatchObject({ kind: 'hash', message: expect.stringMatching(/past niet bij de hash/) });
    expect(asLoadError(error).hint).toMatch(/beschadigd/);
  });

  it('names a file missing from the server with the hint of the main thread', async () => {
    const path = entry.files.tables.wijk!;
    served = Object.fromEntries(Object.entries(files).filter(([p]) => p !== path));
    const error = await loadInWorker(api, entry, WHERE, { mainThreadSeries: [] }).catch((e: unknown) => e);
    served = files;
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toBe(`${path} ontbreekt op de server (${WHERE}${path}).`);
    expect((error as LoadError).hint).toMatch(/Zijn alle bestanden uit de map data\/ meegekopieerd/);
  });
});

describe('scoring worker API: the first view', async () => {
  const withView = await memoryDataset('fv', [buurt, wijk], { firstView: true });
  /** A callback that records the first views it is shown and holds the worker until `letGo`. */
  function holder() {
    const shown: FirstView[] = [];
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    return { shown, letGo, show: async (view: FirstView) => { shown.push(view); await held; } };
  }

  afterEach(() => {
    served = files;
    slowTail = null;
  });

  it('shows the first view from the start of the table while the rest still comes, and asks for the other tables only after the main thread lets go', async () => {
    served = withView.files;
    const path = withView.entry.files.tables.buurt!;
    let sendRest!: () => void;
    slowTail = { path, at: firstViewEnd(withView.files[path], path)!, rest: new Promise<void>((resolve) => (sendRest = resolve)) };
    requested.length = 0;
    const h = holder();
    const loading = loadInWorker(api, withView.entry, WHERE, { mainThreadSeries: [], first: { level: 'buurt' } }, undefined, h.show);
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    expect(requested).toEqual([path]);
    sendRest();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The wijk table would share the line with the map's tiles: not yet.
    expect(requested).toEqual([path]);
    h.letGo();
    const loaded = await loading;
    expect(requested.sort()).toEqual(Object.values(withView.entry.files.tables).sort());
    for (let t = 0; t < h.shown[0].targets.length; t++) expect(firstViewStates(h.shown[0].packed, t, 120)).toEqual(scoreMapStates(loaded.first!, t, emptyMapStates(120)));
  });

  it('keeps the engine of the latest load when an earlier one, overtaken, finishes after it', async () => {
    const other = await memoryDataset('b', [randomTable(5, 60)]);
    served = { ...files, ...other.files };
    let sendRest!: () => void;
    slowTail = { path: entry.files.tables.buurt!, at: 100, rest: new Promise<void>((resolve) => (sendRest = resolve)) };
    const overtaken = loadInWorker(api, entry, WHERE, { mainThreadSeries: [] });
    await loadInWorker(api, other.entry, WHERE, { mainThreadSeries: [] });
    sendRest();
    // It still answers (the main thread drops it), but the engine scores the dataset chosen last.
    expect((await overtaken).datasetId).toBe('t');
    expect((await api.score({ level: 'buurt' })).areaCount).toBe(60);
  });

  it('fails with the hash error when the table turns out damaged after its first view was shown', async () => {
    const path = withView.entry.files.tables.buurt!;
    const damaged = new Uint8Array(withView.files[path]);
    damaged[damaged.length - 20] ^= 0x04;
    served = { ...withView.files, [path]: damaged };
    let sendRest!: () => void;
    slowTail = { path, at: firstViewEnd(damaged, path)!, rest: new Promise<void>((resolve) => (sendRest = resolve)) };
    const h = holder();
    const loading = loadInWorker(api, withView.entry, WHERE, { mainThreadSeries: [], first: { level: 'buurt' } }, undefined, h.show);
    loading.catch(() => undefined);
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    sendRest();
    await expect(loading).rejects.toMatchObject({ kind: 'hash' });
  });

  it('shows the first view of the first level, moved not copied, and gives the same states as its own scores', async () => {
    served = withView.files;
    const h = holder();
    const loading = loadInWorker(api, withView.entry, WHERE, { mainThreadSeries: [], first: { level: 'buurt' } }, undefined, h.show);
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    expect(lastSent.length).toBe(2);
    expect(lastSent.every((b) => b.byteLength === 0)).toBe(true);
    h.letGo();
    const loaded = await loading;
    const view = h.shown[0];
    expect(view.level).toBe('buurt');
    expect([...view.bbox]).toEqual([...buurt.bbox]);
    expect(view.targets).toEqual(loaded.first!.targets.map((t) => t.id));
    expect(view.labels).toEqual(loaded.first!.targets.map((t) => t.label));
    for (let t = 0; t < view.targets.length; t++) expect(firstViewStates(view.packed, t, 120)).toEqual(scoreMapStates(loaded.first!, t, emptyMapStates(120)));
  });

  it('decodes no table until the main thread lets go: a damaged wijk table is found only then', async () => {
    const path = withView.entry.files.tables.wijk!;
    const damaged = new Uint8Array(withView.files[path]);
    damaged[damaged.length - 20] ^= 0x04;
    served = { ...withView.files, [path]: damaged };
    const h = holder();
    let settled = false;
    const loading = loadInWorker(api, withView.entry, WHERE, { mainThreadSeries: [], first: { level: 'buurt' } }, undefined, h.show).finally(() => (settled = true));
    loading.catch(() => undefined);
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    h.letGo();
    await expect(loading).rejects.toMatchObject({ kind: 'hash' });
  });

  it('shows no first view for another frame, weights or year: it holds the default scoring only', async () => {
    served = withView.files;
    const h = holder();
    const loaded = await loadInWorker(api, withView.entry, WHERE, { mainThreadSeries: [], first: { level: 'buurt', frame: 'gemeente' } }, undefined, h.show);
    expect(h.shown).toEqual([]);
    expect(loaded.first!.frame).toBe('gemeente');
  });

  it('goes on at once when the table holds no first view', async () => {
    const h = holder();
    const loaded = await loadInWorker(api, entry, WHERE, { mainThreadSeries: [], first: { level: 'buurt' } }, undefined, h.show);
    expect(h.shown).toEqual([]);
    expect(loaded.first).not.toBeNull();
  });
});

