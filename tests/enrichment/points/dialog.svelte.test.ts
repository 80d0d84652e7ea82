// @vitest-environment jsdom
/**
 * What feeds the factor after the point dialog is used again: a re-import
 * (bewaren on or off), a reload in between and "Punten verwijderen". The
 * worker is the real points service except for counting, which returns the
 * counts the test sets (no geometry files in a unit test); the workspace is
 * a real store on a fake IndexedDB, and its imports reach the kompas as
 * src/ui/App.svelte sends them (AppState.applyImports).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { WorkspaceStore } from '../../../src/workspace/workspace-store.svelte.ts';
import { KOMPAS_MODEL } from '../../../src/model/kompas/definition.ts';
import { AppState } from '../../../src/state/app-state.svelte.ts';
import type { ScoringClient } from '../../../workers/scoring-main-side.ts';
import type { ImportedColumn } from '../../../src/model/scoring-types.ts';
import PointImportDialog from '../../../src/ui/enrichment/PointImportDialog.svelte';
import { buurtTable } from '../area-table/helpers.ts';
import { withDialogs } from '../jsdom-dialog.ts';

const table = buurtTable();
/** Points per Groningen buurt that the next count returns (the file covers GM0014 only). */
const counting = vi.hoisted(() => ({ perBuurt: 0 }));
vi.mock('../../../src/enrichment/points/client.ts', async () => {
  const { createPointsService } = await import('../../../src/enrichment/points/service.ts');
  const service = createPointsService();
  return {
    pointsWorker: () => ({
      ...service,
      count: async () => ({
        level: 'buurt', codes: table.codes, counts: Uint32Array.from(table.gemeenteCodes, (g) => (g === 'GM0014' ? counting.perBuurt : 0)),
        outside: 0, onBorder: 0, loadMs: 0, countMs: 0,
      }),
    }),
  };
});

withDialogs();

const stores: WorkspaceStore[] = [];
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  while (stores.length) stores.pop()!.dispose();
});

let n = 0;
const freshDb = () => `punten${++n}-${Date.now()}`;

/** One browser session: the app with a scoring worker that records what it is sent, and the workspaces on `db`. */
async function session(db: string) {
  const store = new WorkspaceStore({ dbName: db, autosaveMs: 5 });
  stores.push(store);
  await store.init();
  const sent: ImportedColumn[][] = [];
  const app = new AppState();
  app.api = {
    setImportedValues: async ({ columns }: { columns: ImportedColumn[] }) => {
      sent.push(columns);
      return { level: 'buurt', columns: columns.length };
    },
    score: () => new Promise(() => {}),
  } as unknown as ScoringClient;
  app.dataset = { id: 'proef', title: 'Proef', levels: ['buurt'], files: { geometry: { buurt: 'buurt.fgb' } }, caveats: [] } as unknown as AppState['dataset'];
  (app as unknown as { workerLoaded: string }).workerLoaded = 'proef';
  app.tables = { buurt: table };
  app.model = KOMPAS_MODEL;
  /** As App.svelte does on start and on every change of the active workspace's imports. */
  const applyWorkspace = () => app.applyImports(JSON.parse(JSON.stringify(store.active?.imports ?? [])));
  await applyWorkspace();
  render(PointImportDialog, { app, store, onClose: () => {} });
  /** The MORA count of a Groningen buurt that the kompas now uses (undefined: none). */
  const fed = () => sent.at(-1)?.find((c) => c.series === 'mora_meldingen')?.values.BU00140001;
  const pointImports = () => store.workspaces.flatMap((w) => w.imports.filter((i) => i.fileName.endsWith('(punten)')));
  return { store, app, applyWorkspace, fed, pointImports };
}

/** Choose the file and count its points with "bewaren" on or off. */
async function importPoints(count: number, keep: boolean) {
  counting.perBuurt = count;
  const input = screen.getByLabelText('Puntenbestand (CSV of GeoJSON)') as HTMLInputElement;
  const file = new File(['x;y\n233000;581000\n233010;581010\n'], 'meldingen-2024.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
  const persist = (await screen.findByLabelText(/Tellingen per gebied bewaren/)) as HTMLInputElement;
  if (persist.checked !== keep) await fireEvent.click(persist);
  await fireEvent.click(screen.getByRole('button', { name: 'Punten tellen en toepassen' }));
  await screen.findByText('Toegepast: meldingen-2024.csv');
  if (keep) await screen.findByText(/zijn bewaard in werkruimte/);
}

describe('point counts after a re-import, a reload and "Punten verwijderen"', () => {
  it('a re-import without "bewaren" feeds the factor with its new counts, not the ones kept before', async () => {
    const s = await session(freshDb());
    await importPoints(30, true);
    await s.applyWorkspace();
    expect(s.fed()).toBe(30);
    await importPoints(45, false);
    expect(s.fed()).toBe(45);
  });

  it('after a reload, a re-import with "bewaren" replaces the kept counts, and "Punten verwijderen" leaves none', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
    const db = freshDb();
    const day1 = await session(db);
    await importPoints(30, true);
    await day1.applyWorkspace();
    expect(day1.fed()).toBe(30);
    cleanup();

    vi.setSystemTime(new Date('2026-03-03T09:00:00Z'));
    const day2 = await session(db);
    expect(day2.fed()).toBe(30);
    await importPoints(45, true);
    await day2.applyWorkspace();
    expect(day2.fed()).toBe(45);
    expect(day2.pointImports().map((i) => i.columns[0].values.BU00140001)).toEqual([45]);
    expect(screen.getByText(/vervangen/).textContent).toContain('meldingen-2024.csv');

    await fireEvent.click(screen.getByRole('button', { name: 'Punten verwijderen' }));
    await day2.applyWorkspace();
    expect(day2.pointImports()).toEqual([]);
    expect(day2.fed()).toBeUndefined();
  });
});
