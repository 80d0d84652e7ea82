/**
 * The data path of the app's start, begun by src/main.ts before Svelte mounts
 * and before the map exists: the scoring worker starts, config.json and
 * datasets.json are fetched side by side, and as soon as both name the
 * dataset the worker downloads its level tables and scores the first view
 * (workers/scoring-main-side.ts loadInWorker). AppState.start picks this up
 * (takeEarlyStart); nothing here reports to the user, AppState does.
 */
import { levelOrFallback, type DatasetCatalog, type DatasetEntry, type Level } from '../model/dataset-format.ts';
import type { ScoreRequest, WeightOverrides } from '../model/scoring-types.ts';
import { dataBaseUrl, dataUrl, loadCatalog } from '../data/catalog.ts';
import { PMTILES_HEAD_RANGE } from '../data/verify-tiles.ts';
import { readRange, type RangeRead } from '../hosting/range-read.ts';
import { DENOMINATORS } from '../enrichment/area-table/types.ts';
import { loadHostConfig, type ConfigProblem, type HostConfig } from '../hosting/host-config.ts';
import { levelForZoom, zoomToFit } from '../map/level-for-zoom.ts';
import { loadInWorker, startScoringWorker, type ScoringClient } from '../../workers/scoring-main-side.ts';
import type { FirstView, LoadResult, ShowFirstView } from '../../workers/scoring-api.ts';
import { readViewLink, type ViewState } from './url-state.ts';
import { fitPositionToDataset } from './dataset-position.ts';

/**
 * Indicator series the main thread reads itself (denominators of imports and
 * point rates); the rest stays in the worker, which also computes the change
 * view (AppState.changeAt).
 */
export const MAIN_THREAD_SERIES: string[] = [...DENOMINATORS, 'oppervlakte_land'];

/** Weights as the worker reads them: ids with a dot are factors, the others categories. */
export function weightOverridesOf(weights: Record<string, number>): WeightOverrides {
  const factors: Record<string, number> = {};
  const categories: Record<string, number> = {};
  for (const [id, w] of Object.entries(weights)) {
    if (id.includes('.')) factors[id] = w;
    else categories[id] = w;
  }
  return { factors, categories };
}

/**
 * The level a view shows first: chosen in the link, else the one its zoom
 * follows. A link without either (the bare address) opens on the whole
 * dataset, fitted to the map: with `viewport` (the window), the level that
 * fit shows, when the window and half its width agree on it (the map shares
 * the window with the panel beside it); else null.
 */
export function firstLevel(view: ViewState, entry: DatasetEntry, viewport?: { width: number; height: number }): Level | null {
  const position = fitPositionToDataset(view.view, entry).position;
  let wanted = view.level ?? (position ? levelForZoom(position[2], entry.levels) : null);
  if (!wanted && viewport && viewport.width > 0 && viewport.height > 0) {
    const wide = levelForZoom(zoomToFit(entry.bbox, viewport.width, viewport.height), entry.levels);
    const narrow = levelForZoom(zoomToFit(entry.bbox, viewport.width / 2, viewport.height), entry.levels);
    wanted = wide === narrow ? wide : null;
  }
  if (!wanted) return null;
  return levelOrFallback(wanted, entry.levels);
}

/** The score request of a view at a level (AppState.scoreRequest makes the same from its state). */
export function scoreRequestOf(view: Pick<ViewState, 'frame' | 'weights' | 'rankVisitorAreas' | 'year'>, level: Level): ScoreRequest {
  return { level, frame: view.frame, weights: weightOverridesOf(view.weights), rankVisitorAreas: view.rankVisitorAreas, year: view.year };
}

/** The dataset a start opens: the link's, else config.json's, else the catalog's default, else the first. */
export function chooseEntry(catalog: DatasetCatalog, view: ViewState, config: HostConfig): DatasetEntry | undefined {
  const named = (id: string | null | undefined) => (id ? catalog.datasets.find((d) => d.id === id) : undefined);
  return named(view.dataset) ?? named(config.defaultDataset) ?? named(catalog.defaultDataset) ?? catalog.datasets[0];
}

export interface ProgressRelay {
  /** Progress of the first load (in files); the listener also gets the latest report at once. */
  listen(listener: ((loaded: number, total: number) => void) | null): void;
}

/**
 * Longest the scoring worker holds its decoding for the map to draw the
 * first view (it goes on at once when the map has, or cannot): a map that
 * hangs must not keep the scores away. Browser tests (?e2e) wait longer, so
 * a slow test machine does not let the worker overtake the map.
 */
export const FIRST_VIEW_HOLD_MAX_MS = 6000;
const holdMaxMs = () => (new URLSearchParams(location.search).has('e2e') ? 30_000 : FIRST_VIEW_HOLD_MAX_MS);

export interface FirstLoad {
  entry: DatasetEntry;
  /** The scores asked for with the tables (LoadResult.first), or null. */
  request: ScoreRequest | null;
  loaded: Promise<LoadResult>;
  progress: ProgressRelay;
  /** The first-view colours of the request's level (src/model/first-view.ts); null when the request is not the default scoring or the table has none. */
  firstView: Promise<FirstView | null>;
  /** The map has drawn the first view, or will not: the worker decodes and scores now. */
  releaseWorker(): void;
  /**
   * The head of the entry's PMTiles file (header and root directory), asked
   * for as soon as config.json and the catalog name it: read while the main
   * thread still waits for the app chunk, it is there when the map asks for
   * the source's header. AppState's hosting check diagnoses this answer
   * (checkTiles).
   */
  tilesHead: Promise<RangeRead>;
}

export interface EarlyStart {
  view: ViewState;
  /** What the link asked that could not be read (url-state.ts, readViewLink). */
  linkIgnored: string[];
  api: ScoringClient;
  worker: Worker;
  /** The message of a worker that failed to start, also when it failed before anyone listened. */
  onWorkerError(listener: (message: string) => void): void;
  config: Promise<{ config: HostConfig; problems: ConfigProblem[] }>;
  catalog: Promise<DatasetCatalog>;
  /** The load of the dataset the start opens; null when the catalog names none. */
  firstLoad: Promise<FirstLoad | null>;
}

let started: EarlyStart | null = null;

/** Begin the start's data path (once). */
export function beginEarlyStart(): EarlyStart {
  started ??= earlyStart();
  return started;
}

/** The early start for AppState.start: the one begun by src/main.ts, or a new one. Once. */
export function takeEarlyStart(): EarlyStart {
  const early = beginEarlyStart();
  started = null;
  return early;
}

function earlyStart(): EarlyStart {
  const { view, ignored: linkIgnored } = readViewLink(location.hash);
  const { api, worker } = startScoringWorker();
  let workerError: string | null = null;
  let errorListener: ((message: string) => void) | null = null;
  worker.addEventListener('error', (event) => {
    workerError = event.message ?? '';
    errorListener?.(workerError);
  });
  const configUrl = new URL('config.json', new URL(import.meta.env.BASE_URL, location.href)).href;
  const config = loadHostConfig(configUrl);
  const catalog = loadCatalog();
  const firstLoad = Promise.all([config, catalog]).then(([{ config: host }, cat]) => {
    const entry = chooseEntry(cat, view, host);
    if (!entry) return null;
    const tilesHead = readRange(dataUrl(entry.files.tiles), PMTILES_HEAD_RANGE);
    // AppState reports a failure when it diagnoses the answer.
    tilesHead.catch(() => undefined);
    const level = firstLevel(view, entry, { width: window.innerWidth, height: window.innerHeight });
    const request = level ? scoreRequestOf(view, level) : null;
    let last: [number, number] | null = null;
    let listener: ((loaded: number, total: number) => void) | null = null;
    let settleFirstView!: (view: FirstView | null) => void;
    const firstView = new Promise<FirstView | null>((resolve) => (settleFirstView = resolve));
    let releaseWorker!: () => void;
    const released = new Promise<void>((resolve) => (releaseWorker = resolve));
    const showFirstView: ShowFirstView = (view) => {
      settleFirstView(view);
      return Promise.race([released, new Promise<void>((resolve) => setTimeout(resolve, holdMaxMs()))]);
    };
    const loaded = loadInWorker(api, entry, dataBaseUrl(), { mainThreadSeries: MAIN_THREAD_SERIES, first: request }, (l, t) => {
      last = [l, t];
      listener?.(l, t);
    }, showFirstView);
    // No first view came (none in the table, or the load failed before it).
    void loaded.then(() => settleFirstView(null), () => settleFirstView(null));
    // AppState reports failures when it awaits this; until then it is not "unhandled".
    loaded.catch(() => undefined);
    const progress: ProgressRelay = {
      listen(next) {
        listener = next;
        if (next && last) next(...last);
      },
    };
    return { entry, request, loaded, progress, firstView, releaseWorker, tilesHead };
  });
  firstLoad.catch(() => undefined);
  return {
    view,
    linkIgnored,
    api,
    worker,
    onWorkerError(listener) {
      errorListener = listener;
      if (workerError !== null) listener(workerError);
    },
    config: config.then(({ config: c, problems }) => ({ config: c, problems })),
    catalog,
    firstLoad,
  };
}
