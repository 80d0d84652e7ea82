/**
 * The change view (src/model/table-change.ts) is computed in the scoring
 * worker (ScoringWorkerApi.countChange) through comlink, with the same
 * transfers as workers/scoring.worker.ts; the main thread no longer keeps
 * the count columns for it (MAIN_THREAD_SERIES).
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { memorySource } from '../../src/data/source.ts';
import { tableCountChange } from '../../src/model/table-change.ts';
import { withTransfers, type ScoringWorkerApi } from '../../workers/scoring-api.ts';
import { createScoringService } from '../../workers/scoring-worker-side.ts';
import { loadInWorker } from '../../workers/scoring-main-side.ts';
import { MAIN_THREAD_SERIES } from '../../src/state/early-start.ts';
import { makeTable } from '../model/helpers/synthetic-table.ts';
import { memoryDataset } from '../model/helpers/dataset-files.ts';

const buurt = makeTable({
  columns: [
    { series: 'inwoners', year: 2021, values: [1000, 1000, 1000, 400] },
    { series: 'inwoners', year: 2025, values: [1000, 1000, 1000, 420] },
    { series: 'misdrijven_totaal', year: 2021, values: [1000, 2, 40, null] },
    { series: 'misdrijven_totaal', year: 2025, values: [880, 5, 80, 12] },
  ],
});
const { entry, files } = await memoryDataset('verandering', [buurt]);

/** The worker side behind comlink on a MessageChannel, transferring like workers/scoring.worker.ts; `sent` holds the last answer's buffers. */
function workerOverChannel() {
  const { port1, port2 } = new MessageChannel();
  const service = createScoringService(() => memorySource(files));
  const state = { sent: [] as ArrayBuffer[] };
  Comlink.expose(withTransfers(service, (buffers) => (state.sent = buffers)), port1 as unknown as Comlink.Endpoint);
  const close = () => [port1, port2].forEach((p) => p.close());
  return { api: Comlink.wrap<ScoringWorkerApi>(port2 as unknown as Comlink.Endpoint), state, close };
}
const { api, state, close } = workerOverChannel();
afterAll(close);

describe('change view in the scoring worker', () => {
  it('the main thread does not ask for the count columns any more', async () => {
    expect(MAIN_THREAD_SERIES).not.toContain('misdrijven_totaal');
    const loaded = await loadInWorker(api, entry, 'geheugen', { mainThreadSeries: MAIN_THREAD_SERIES });
    expect(loaded.tables.buurt!.indicators.map((m) => m.series)).not.toContain('misdrijven_totaal');
  });

  it('gives the same classes, counts and exposures as computing it on the whole table', async () => {
    const change = await api.countChange('buurt', 'misdrijven_totaal', 2021, 2025);
    const expected = tableCountChange(buurt, 'misdrijven_totaal', 2021, 2025)!;
    expect(change).not.toBeNull();
    expect([...change!.classes]).toEqual([...expected.classes]);
    expect([...change!.a]).toEqual([...expected.a]);
    expect([...change!.b]).toEqual([...expected.b]);
    expect([...change!.exposureB!]).toEqual([...expected.exposureB!]);
    expect(change!.counts).toEqual(expected.counts);
    expect(change!.classes[3]).toBe(-1); // no figure for 2021: no comparison
  });

  it('transfers copies: the worker keeps its columns and answers the same again', async () => {
    const first = await api.countChange('buurt', 'misdrijven_totaal', 2021, 2025);
    expect(state.sent.length).toBeGreaterThanOrEqual(5);
    expect(state.sent.every((b) => b.byteLength === 0)).toBe(true); // detached on the sending side
    const again = await api.countChange('buurt', 'misdrijven_totaal', 2021, 2025);
    expect([...again!.a]).toEqual([...first!.a]);
    expect([...again!.classes]).toEqual([...first!.classes]);
  });

  it('is null when the level lacks a year of the series', async () => {
    expect(await api.countChange('buurt', 'misdrijven_totaal', 2019, 2025)).toBeNull();
  });
});
