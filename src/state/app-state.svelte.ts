/**
 * The app's shared state: what is loaded, what the user chose, and the
 * latest scores from the worker. Components read it; changes go through
 * its methods so that every change re-scores through the worker once and
 * the map is recoloured in one batch.
 */
import type { DatasetCatalog, DatasetEntry, Level, LevelTable } from '../model/dataset-format.ts';
import { LEVELS, levelOrFallback, neighboursOf } from '../model/dataset-format.ts';
import { seriesReadBy, type KompasModel } from '../model/kompas/types.ts';
import type { AreaExplanation, ImportedColumn, ImportedValues, ScoreRequest, ScoreResult, ScoreTarget, WeightOverrides } from '../model/scoring-types.ts';
import type { TableCountChange } from '../model/table-change.ts';
import { dataBaseUrl, dataUrl, LoadError, verifyTilesPrefix } from '../data/catalog.ts';
import { PMTILES_HEAD_RANGE } from '../data/verify-tiles.ts';
import { asLoadError, tableLevels } from '../data/load-dataset.ts';
import { loadInWorker, type ScoringClient } from '../../workers/scoring-main-side.ts';
import type { FirstView, LoadResult } from '../../workers/scoring-api.ts';
import { CONFIG_HINT, type HostConfig } from '../hosting/host-config.ts';
import { probeScript, probeTiles } from '../hosting/probe.ts';
import type { RangeRead } from '../hosting/range-read.ts';
import { workerFailed } from '../hosting/diagnose.ts';
import { levelForZoom, maplibreWorkerUrl, shareTilesPrefix } from '../map/map-controller.ts';
import { appStatus, MAP_FAILED_KEY, type StatusSource } from './status.svelte.ts';
import { buildSearchIndex, searchEntriesFromTables, type SearchIndex } from '../data/search-index.ts';
import type { MapController } from '../map/map-controller.ts';
import { PointsState } from './points-state.svelte.ts';
import { serialiseViewState, type Frame, type ViewLink, type ViewState } from './url-state.ts';
import { fitPositionToDataset } from './dataset-position.ts';
import { fitLinkToDataset, fitLinkToModel, fitLinkToYears, linkMessage, missingSelection } from './link-check.ts';
import { columnsForModel, importedValuesFor } from '../enrichment/area-table/to-worker.ts';
import type { AreaImport } from '../enrichment/area-table/types.ts';
import type { SurveyData, SurveySummary } from '../model/beleving-types.ts';
import { chooseEntry, MAIN_THREAD_SERIES, scoreRequestOf, takeEarlyStart, weightOverridesOf, type EarlyStart, type FirstLoad } from './early-start.ts';

export interface Selection {
  level: Level;
  index: number;
}

export interface LoadingState {
  message: string;
  /** 0–1, or null when unknown. */
  progress: number | null;
}

/** Source id of the area data imports in AppState.importedBySource. */
export const AREA_IMPORT_SOURCE = 'gebiedsimport';

/** The map opens on the overall kwetsbaarheidsscore (issue 9); the dials are one click away. */
export const DEFAULT_TARGET = 'overall';

/** The search list is built at the first coloured map, or this long after the tables came when the map cannot colour. */
const SEARCH_INDEX_LATEST_MS = 4000;

export class AppState {
  catalog = $state.raw<DatasetCatalog | null>(null);
  config = $state.raw<HostConfig>({});
  dataset = $state.raw<DatasetEntry | null>(null);
  tables = $state.raw<Partial<Record<Level, LevelTable>>>({});
  model = $state.raw<KompasModel | null>(null);
  searchIndex = $state.raw<SearchIndex | null>(null);

  /** null = the level follows the zoom. */
  levelMode = $state<Level | null>(null);
  zoomLevel = $state<Level>('gemeente');
  /** The level on screen: chosen, or following the zoom, always one the dataset has. */
  activeLevel = $derived.by<Level>(() => {
    const levels = this.dataset?.levels ?? LEVELS;
    const wanted = this.levelMode ?? this.zoomLevel;
    return levelOrFallback(wanted, levels);
  });
  target = $state(DEFAULT_TARGET);
  frame = $state<Frame>('dataset');
  /** Rank bezoekers- en werkgebieden like other areas (URL: bez=1). */
  rankVisitorAreas = $state(false);
  /** Year on the map (URL: jr=); null = the latest figures (src/model/year-view.ts). */
  year = $state<number | null>(null);
  /** Change view between two years [earlier, later] of the target's count series (URL: vgl=); null = off. */
  changeYears = $state<[number, number] | null>(null);
  /** Only weights that differ from the defaults (factor ids and category ids). */
  weights = $state<Record<string, number>>({});
  selection = $state<Selection | null>(null);
  /** Area indices (at the selection's level) compared with the selection; starts as its neighbours. */
  compare = $state<number[]>([]);
  scores = $state.raw<Partial<Record<Level, ScoreResult>>>({});
  /**
   * The first-view colours of the start's level (src/model/first-view.ts),
   * while the map may show them: until the worker's own scores are in.
   */
  firstView = $state.raw<FirstView | null>(null);
  explanation = $state.raw<AreaExplanation | null>(null);
  summary = $state<string>('');
  loading = $state<LoadingState | null>({ message: 'App starten…', progress: null });
  /** Every asset, data and server failure goes here; App.svelte shows it. */
  readonly status = appStatus;
  mapView = $state<[number, number, number] | null>(null);

  /** Survey figures on the beleving dial (gemeten/geschat, docs/beleving.md); null = relative index only. */
  survey = $state.raw<SurveyData | null>(null);
  /** Map classes shifted by the kernteam's judgement; the legend then says so. */
  showJudgement = $state(false);

  /** The map, once MapView has created it (overlays and map modes hook in here). */
  controller = $state.raw<MapController | null>(null);
  /**
   * Imported indicator columns per import (an area table, counted points, …).
   * The worker keeps one set per level, so every change sends the union of
   * all imports for that level; see setImportSource.
   */
  importedBySource = $state.raw<Record<string, ImportedValues[]>>({});
  /** Imported points: map layer and counts per area (src/points). */
  readonly points: PointsState = new PointsState(this);
  /** The comlink proxy of the scoring worker (also used by the browser tests). */
  api: ScoringClient | null = null;
  private scoreToken = 0;
  /** Dataset id the worker has loaded; scoring waits for it. */
  private workerLoaded = $state<string | null>(null);
  private explainToken = 0;
  private readonly scoring = new Map<Level, Promise<ScoreResult>>();

  weightOverrides = $derived<WeightOverrides>(weightOverridesOf(this.weights));

  table(level: Level): LevelTable | null {
    return this.tables[level] ?? null;
  }

  /**
   * The link's selected area while the tables that hold it are loading: the
   * address keeps it, so a link copied or reloaded meanwhile still names it.
   */
  private linkSelection = $state<string | null>(null);

  selectedCode(): string | null {
    const s = this.selection;
    if (!s) return null;
    return this.tables[s.level]?.codes[s.index] ?? null;
  }

  async start() {
    try {
      // src/main.ts began the start before Svelte mounted: the worker runs,
      // config.json and the catalog are on their way, and the worker loads the
      // dataset they name as soon as both are in (src/state/early-start.ts).
      const early = takeEarlyStart();
      this.useWorker(early);
      void this.checkScriptTypes();
      const fromUrl = early.view;
      const { config, problems } = await early.config;
      for (const problem of problems) this.configProblem(problem.key, problem.message);
      this.config = config;
      this.loading = { message: 'Lijst met datasets laden…', progress: null };
      this.catalog = await early.catalog;
      const configured = this.config.defaultDataset;
      if (configured && !this.catalog.datasets.some((d) => d.id === configured)) {
        this.configProblem('defaultDataset', `config.json: "defaultDataset" is "${configured}", maar die dataset staat niet in data/datasets.json (wel: ${this.catalog.datasets.map((d) => d.id).join(', ')}).`);
      }
      const entry = chooseEntry(this.catalog, fromUrl, this.config);
      if (!entry) throw new LoadError('Er staan geen datasets in data/datasets.json.', 'Bouw de data met npm run data.');
      const fit = fitLinkToDataset(fromUrl, entry);
      const place = fitPositionToDataset(fromUrl.view, entry);
      const view = { ...fromUrl, level: fit.level, view: place.position };
      this.applyViewState(view);
      const firstLoad = await early.firstLoad;
      await this.loadDataset(entry, { view, ignored: [...early.linkIgnored, ...fit.ignored, ...place.ignored] }, firstLoad?.entry.id === entry.id ? firstLoad : undefined);
    } catch (error) {
      this.fail(error);
    }
  }

  private applyViewState(view: ViewState) {
    this.levelMode = view.level;
    this.target = view.target ?? DEFAULT_TARGET;
    this.frame = view.frame;
    this.rankVisitorAreas = view.rankVisitorAreas;
    this.year = view.year;
    this.changeYears = view.changeYears;
    this.weights = { ...view.weights };
    this.mapView = view.view;
  }

  /** A link's target or weights the dataset's model lacks give way to the defaults (link-check.ts); `ignored` gets why. */
  private fitLinkTo(model: KompasModel, view: ViewState, entry: DatasetEntry, ignored: string[]) {
    const fit = fitLinkToModel(view, model, entry.title);
    if (fit.target !== view.target && this.target === view.target) this.target = fit.target ?? DEFAULT_TARGET;
    const unknownWeights = Object.keys(view.weights).filter((id) => !(id in fit.weights));
    if (unknownWeights.length) this.weights = Object.fromEntries(Object.entries(this.weights).filter(([id]) => !unknownWeights.includes(id)));
    ignored.push(...fit.ignored);
  }

  /** A link's year or change view the dataset's targets lack gives way to the latest figures (link-check.ts); `ignored` gets why. */
  private async fitLinkYears(view: ViewState, entry: DatasetEntry, ignored: string[]) {
    if (view.year === null && !view.changeYears) return;
    // The first scores, or those the load asked for when the start had no level to score yet.
    const scores = this.scores[this.activeLevel] ?? (await this.scoresFor(this.activeLevel).catch(() => null));
    if (!scores || this.dataset !== entry) return;
    const years = fitLinkToYears(view, scores.targets);
    if (years.changeYears === null && this.changeYears?.join('-') === view.changeYears?.join('-')) this.changeYears = null;
    if (years.year === null && this.year === view.year) this.setYear(null);
    ignored.push(...years.ignored);
  }

  private configProblem(key: string, message: string) {
    this.status.report({ key: `config:${key}`, source: 'config', severity: 'warning', message, hint: CONFIG_HINT });
  }

  /** Reports a failure in the status area; `source` says which part failed. */
  fail(error: unknown, source: StatusSource = 'data') {
    this.loading = null;
    this.dropFirstView();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof LoadError) this.status.report({ key: `${source}:${message}`, source, severity: 'error', message, hint: error.hint });
    else this.status.report({ key: `app:${message}`, source: 'app', severity: 'error', message: `Er ging iets mis: ${message}`, hint: 'Herlaad de pagina. Blijft de fout, meld dan wat u deed en deze melding.' });
  }

  /** The scoring worker of the early start; a worker that cannot start (wrong type, CSP, missing file) is reported, not left waiting. */
  private useWorker(early: EarlyStart) {
    this.api = early.api;
    early.onWorkerError((message) => {
      this.loading = null;
      this.dropFirstView();
      this.status.reportDiagnosis('worker', workerFailed(message));
    });
  }

  /** Browsers refuse a module worker served with a non-JavaScript type; nginx has no type for .mjs. */
  private async checkScriptTypes() {
    const url = new URL(maplibreWorkerUrl, location.href);
    const { problem } = await probeScript(url.href, url.pathname.split('/').pop() ?? url.pathname);
    if (problem) {
      this.loading = null;
      this.status.reportDiagnosis(problem.kind === 'server-gone' ? 'server' : 'scripts', problem);
    }
  }

  /**
   * The PMTiles file answers a Range request as the map needs it (the hosting
   * diagnosis), and its header and root directory are sound (a cut or damaged
   * file is named); throws the Dutch message. One request reads the head of
   * the file for both, and the map reads its header from the same bytes;
   * `asked` is that request when the early start made it already.
   */
  private async checkTiles(path: string, asked?: Promise<RangeRead>) {
    const url = dataUrl(path);
    const probe = probeTiles(url, path, {}, PMTILES_HEAD_RANGE, asked);
    // When the server is unfit for the map, the map waits instead of asking
    // again: the status area names the cause once, and on a server without
    // Range support a second request would download the whole file.
    shareTilesPrefix(url, probe.then(({ problem, answer }) => (problem ? new Promise<never>(() => {}) : (answer?.firstBytes ?? null))));
    const { problem, answer } = await probe;
    if (problem) {
      // The specific cause replaces the map's own "could not load" message.
      this.status.resolve(MAP_FAILED_KEY);
      throw new LoadError(problem.message, problem.hint);
    }
    await verifyTilesPrefix(path, answer?.firstBytes ?? new Uint8Array(0), answer?.contentRange ?? '');
  }

  /**
   * Load a dataset into the worker and show it; `link` is the view the page
   * opened with, `started` the early start's load of it (src/state/early-start.ts).
   */
  async loadDataset(entry: DatasetEntry, link?: ViewLink, started?: FirstLoad) {
    const view = link?.view;
    const linkIgnored = [...(link?.ignored ?? [])];
    this.linkSelection = view?.selection ?? null;
    if (!link) {
      // A switch of dataset: the view of the one before may lie outside this
      // one, or ask for a level it lacks (the level list would show nothing).
      this.levelMode = fitLinkToDataset({ dataset: entry.id, level: this.levelMode }, entry).level;
      this.mapView = fitPositionToDataset(this.mapView, entry).position;
    }
    this.status.clear('data');
    this.status.clear('tiles');
    this.status.clear('link');
    this.selection = null;
    this.explanation = null;
    this.compare = [];
    this.scores = {};
    this.survey = null; // a new dataset means a new engine without the survey
    this.tables = {};
    this.searchIndex = null;
    // The worker builds a fresh engine for the new dataset, without imports.
    this.importedBySource = {};
    this.points.reset();
    this.scoring.clear();
    this.#scoredAround.clear();
    this.early = null;
    this.changes = {};
    this.changesAsked.clear();
    this.scoreToken++;
    this.firstView = null;
    this.#releaseWorker();
    this.#releaseWorker = started?.releaseWorker ?? (() => undefined);
    const thisLoad = ++this.#datasetLoads;
    const current = () => thisLoad === this.#datasetLoads;
    let colouredYet = false;
    const coloured = new Promise<void>((resolve) => (this.#colouredSinceLoad = resolve)).then(() => void (colouredYet = true));
    const api = this.api;
    if (!api) throw new Error('de rekenmodule is niet gestart');
    // The map starts right away (its style and tiles load while the tables
    // and the worker load), so the first coloured map comes as early as it can.
    this.dataset = entry;
    this.loading = { message: `${entry.title}: gegevens laden…`, progress: 0 };
    const levels = tableLevels(entry);
    let shown = -1;
    const report = (done: number, total: number) => {
      const progress = total > 0 ? Math.min(1, done / total) : null;
      // A large table arrives in hundreds of chunks; repaint the bar per 5 %,
      // not per chunk, so the map keeps the main thread while it starts.
      if (progress !== null && Math.abs(progress - shown) < 0.05 && progress < 1) return;
      shown = progress ?? -1;
      if (this.loading) this.loading = { message: `${entry.title}: gegevens laden…`, progress };
    };
    // The worker downloads each table once, verifies and decodes it, scores
    // the first view and sends back what this thread needs, in one answer.
    let load: Promise<LoadResult>;
    let first: ScoreRequest | null;
    if (started) {
      started.progress.listen(report);
      ({ loaded: load, request: first } = started);
      void started.firstView.then((view) => {
        // MapView shows it, or drops it when the map shows something else.
        if (view && this.dataset === entry && !this.scores[view.level]) this.firstView = view;
        else started.releaseWorker();
      });
    } else {
      const level = view?.view && !this.levelMode ? levelForZoom(view.view[2], entry.levels) : this.activeLevel;
      first = this.scoreRequest(level);
      load = loadInWorker(api, entry, dataBaseUrl(), { mainThreadSeries: MAIN_THREAD_SERIES, first }, report);
    }
    const workerReady = load.then((loaded) => {
      started?.progress.listen(null);
      // Another dataset was chosen meanwhile (this load's other tables only start once its first view is drawn or dropped).
      if (!current()) return;
      this.tables = loaded.tables;
      this.model = loaded.model;
      this.workerLoaded = entry.id;
      // The search list waits for this dataset's first coloured map: building
      // it takes 80–100 ms of main thread in Node, more beside the map, and
      // the first map does not need it (the search box says it is loading).
      // It needs only the tables: a map whose tiles fail still gets a search.
      const tables = loaded.tables;
      void Promise.race([coloured, new Promise((resolve) => setTimeout(resolve, SEARCH_INDEX_LATEST_MS))])
        .then(() => {
          if (this.tables === tables) this.searchIndex = buildSearchIndex(searchEntriesFromTables(tables), tables[levels[0]]?.indelingYear ?? null);
        })
        .catch((error) => this.fail(error));
      if (first && loaded.first) this.acceptScores(first, loaded.first);
      if (view) this.fitLinkTo(loaded.model, view, entry, linkIgnored);
      this.firstView = null;
      void this.scoresFor(this.activeLevel);
      // Coloured from the first view already: prepare the explanations now.
      if (colouredYet) void api.prepareExplanations(this.scoreRequest(this.activeLevel)).catch(() => undefined);
    }, (error: unknown) => {
      // The first view came from the start of a table, before its hash was
      // checked (load-dataset.ts): one that then fails takes its colours along
      // now, not after the tiles check.
      if (current()) this.dropFirstView();
      throw error;
    });
    // Wait for both, then report the most telling failure: a damaged or
    // missing file is named; any other error only says that it failed.
    // A map that cannot load its tiles will not draw the first view: the worker goes on at once.
    const tilesChecked = this.checkTiles(entry.files.tiles, started?.tilesHead).catch((error: unknown) => {
      this.dropFirstView();
      throw error;
    });
    const results = await Promise.allSettled([tilesChecked, workerReady]);
    if (!current()) return;
    let datasetLoaded = false;
    try {
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      const named = failures.find((f) => f instanceof LoadError || ['DataFileError', 'LoadError'].includes((f as Error)?.name));
      if (named) throw asLoadError(named);
      if (failures.length) throw failures[0];
      if (!this.scores[this.activeLevel]) this.loading = { message: 'Scores berekenen…', progress: null };
      else this.loading = null;
      if (view?.selection) {
        const level = levels.find((l) => this.tables[l]!.codes.includes(view.selection!));
        if (level) this.select(level, this.tables[level]!.codes.indexOf(view.selection));
        else linkIgnored.push(missingSelection(view.selection, entry));
        this.linkSelection = null;
      }
      const gemeente = this.config.defaultGemeente;
      if (!view?.view && !view?.selection && gemeente) {
        const index = this.tables.gemeente?.codes.indexOf(gemeente) ?? -1;
        if (index >= 0) this.select('gemeente', index);
        else if (this.tables.gemeente) this.configProblem('defaultGemeente', `config.json: "defaultGemeente" is ${gemeente}, maar die gemeente staat niet in de dataset ${entry.title}.`);
        // Said once, at the start: a switch to such a dataset later is the user's own choice.
        else if (link) this.configProblem('defaultGemeente', `config.json: "defaultGemeente" is ${gemeente}, maar de dataset ${entry.title} heeft geen gemeenten (wel: ${entry.levels.join(', ')}).`);
      }
      if (view) await this.fitLinkYears(view, entry, linkIgnored);
      datasetLoaded = true;
    } finally {
      // Also beside a failure (tiles or tables): what the link asked for and did not get is still said.
      const told = linkMessage(linkIgnored, datasetLoaded);
      if (told && current()) this.status.report({ key: 'link:ignored', source: 'link', severity: 'warning', ...told });
    }
  }

  /** The map will not draw the first view (another level, target or view, or no map at all): the worker goes on. */
  dropFirstView() {
    this.firstView = null;
    this.#releaseWorker();
  }

  /** MapView calls this when the map has drawn its first coloured frame. */
  markMapColoured() {
    this.colouredOnce = true;
    this.#releaseWorker();
    this.#mapColoured();
    this.#colouredSinceLoad();
    // Now the worker is free: let it prepare the explanations of the level on
    // screen (once per level and frame), so a click shows its kompas at once.
    if (this.workerReady) void this.api?.prepareExplanations(this.scoreRequest(this.activeLevel)).catch(() => undefined);
  }

  /** True once the map has drawn a coloured frame (benches and tests read it). */
  colouredOnce = false;
  /** Lets the scoring worker of the early start decode (FirstLoad.releaseWorker). */
  #releaseWorker: () => void = () => undefined;
  /** Datasets loaded so far: what a load overtaken by a later one finds is dropped. */
  #datasetLoads = 0;
  #mapColoured!: () => void;
  /** Settles the promise of the latest loadDataset: its map has drawn a coloured frame. */
  #colouredSinceLoad: () => void = () => undefined;
  /** Settles at the first coloured frame: what the map does not need loads after it. */
  readonly mapColoured = new Promise<void>((resolve) => (this.#mapColoured = resolve));

  gemeenteName(code: string): string {
    const gm = this.tables.gemeente;
    if (!gm) return code;
    const index = gm.codes.indexOf(code);
    return index >= 0 ? gm.names[index] : code;
  }

  /** Scores that came with the load: kept when the view still asks for them (same level, frame, weights, year). */
  private acceptScores(request: ScoreRequest, result: ScoreResult) {
    if (JSON.stringify(request) !== JSON.stringify(this.scoreRequest(request.level))) return;
    this.scoring.set(request.level, Promise.resolve(result));
    this.scores = { ...this.scores, [request.level]: result };
  }

  /** Scores for a level under the current frame and weights (cached until they change). */
  scoresFor(level: Level): Promise<ScoreResult> {
    let pending = this.scoring.get(level);
    if (!pending) {
      const api = this.api;
      // Before the worker has the dataset, the map's request is answered
      // by the call loadDataset makes once the worker is ready.
      if (!api || this.workerLoaded !== this.dataset?.id) return new Promise(() => {});
      pending = api.score(this.scoreRequest(level));
      this.scoring.set(level, pending);
      const token = this.scoreToken;
      pending.then(
        (result) => {
          if (token !== this.scoreToken) return;
          this.scores = { ...this.scores, [level]: result };
          if (this.loading?.message === 'Scores berekenen…') this.loading = null;
        },
        (error) => this.fail(error),
      );
    }
    return pending;
  }

  /**
   * While the level follows the zoom, the levels next to the one on screen
   * are scored ahead (MapView asks once the browser is idle after the map's
   * colours, and after each change of level): a zoom across a level's border
   * then colours the new level in the frame that shows its layers, instead
   * of a cold scoring later (about 0.13 s less for wijken → buurten with
   * software WebGL). Once per level and dataset, not after a re-weight:
   * during a slider's drag the worker would score levels off screen between
   * the drag's steps.
   */
  scoreNeighbourLevels() {
    const levels = this.dataset?.levels;
    const key = `${this.dataset?.id}|${this.activeLevel}`;
    // Not before the worker has this dataset: scoresFor would wait for nothing.
    if (this.levelMode || !levels || this.workerLoaded !== this.dataset?.id || this.#scoredAround.has(key)) return;
    this.#scoredAround.add(key);
    const at = levels.indexOf(this.activeLevel);
    // scoresFor asks the worker only for a level it has no scores of yet.
    for (const level of [levels[at - 1], levels[at + 1]]) if (level) void this.scoresFor(level);
  }

  /** Dataset and level whose neighbours scoreNeighbourLevels has scored. */
  #scoredAround = new Set<string>();

  /** Frame or weights changed: drop cached scores and re-score what is on screen. */
  rescore() {
    // The first view holds the default scoring only.
    this.dropFirstView();
    this.early = null;
    this.scoreToken++;
    this.scoring.clear();
    this.scores = {};
    void this.scoresFor(this.activeLevel);
    if (this.selection && this.selection.level !== this.activeLevel) void this.scoresFor(this.selection.level);
    void this.refreshExplanation();
  }

  /**
   * Replace the columns of one import (`[]` removes it), hand the worker the
   * union of all imports for each level that changed, and re-score. Imports
   * of different sources never overwrite each other this way.
   */
  async setImportSource(sourceId: string, imports: ImportedValues[]) {
    const api = this.api;
    if (!api || this.workerLoaded !== this.dataset?.id) throw new Error('de gegevens zijn nog niet geladen');
    const previous = this.importedBySource[sourceId] ?? [];
    const next = { ...this.importedBySource };
    if (imports.length) next[sourceId] = imports;
    else delete next[sourceId];
    this.importedBySource = next;
    this.#stampImports(sourceId, imports);
    const levels = new Set([...previous, ...imports].map((i) => i.level));
    const summaries = [];
    for (const level of levels) {
      // One column per series and year: the one changed last wins, whichever
      // source was set first. Read the current state, not `next`: another
      // import may have changed meanwhile.
      const byId = new Map<string, { column: ImportedColumn; stamp: number }>();
      for (const [source, list] of Object.entries(this.importedBySource)) {
        for (const c of list.filter((i) => i.level === level).flatMap((i) => i.columns)) {
          const id = `${c.series}.${c.year}`;
          const stamp = this.#importStamps.get(`${source}|${level}|${id}`)?.stamp ?? 0;
          if (stamp >= (byId.get(id)?.stamp ?? -1)) byId.set(id, { column: c, stamp });
        }
      }
      const columns = [...byId.values()].map((b) => b.column);
      summaries.push(await api.setImportedValues({ level, columns }));
    }
    this.rescore();
    return summaries;
  }

  /**
   * When each source's column (`source|level|series.year`) last changed. A
   * source is sent whole on every change (the workspace's on any edit), so an
   * unchanged column keeps its stamp and does not overrule a newer import.
   */
  #importStamps = new Map<string, { stamp: number; json: string }>();
  #importClock = 0;

  #stampImports(sourceId: string, imports: readonly ImportedValues[]) {
    const keys = new Set<string>();
    for (const imp of imports) for (const c of imp.columns) {
      const key = `${sourceId}|${imp.level}|${c.series}.${c.year}`;
      const json = JSON.stringify(c);
      keys.add(key);
      if (this.#importStamps.get(key)?.json !== json) this.#importStamps.set(key, { stamp: ++this.#importClock, json });
    }
    for (const key of this.#importStamps.keys()) if (key.startsWith(`${sourceId}|`) && !keys.has(key)) this.#importStamps.delete(key);
  }

  /** Applies survey figures in the worker (null removes them) and re-scores. */
  async setSurvey(survey: SurveyData | null): Promise<SurveySummary | null> {
    if (!this.api) return null;
    const summary = await this.api.setSurvey(survey);
    this.survey = survey;
    this.rescore();
    return summary;
  }

  /**
   * The active workspace's survey for the dataset on screen → the worker
   * (App.svelte calls this on start and on every change). Nothing happens
   * when the worker already has the same figures.
   */
  async applySurvey(survey: SurveyData | null) {
    if (!this.workerReady) return;
    if (JSON.stringify(survey) === JSON.stringify(this.survey)) return;
    await this.setSurvey(survey);
  }

  /** The worker holds the dataset on screen, so imports can be applied. */
  get workerReady(): boolean {
    return this.workerLoaded !== null && this.workerLoaded === this.dataset?.id;
  }

  /**
   * Area data imports (src/import) of the active workspace → the worker, as
   * one import source, then re-score. Imports made for another dataset
   * (another indeling) are left out. Nothing happens while nothing is or was applied.
   */
  async applyImports(list: readonly AreaImport[]) {
    const dataset = this.dataset;
    if (!dataset || !this.workerReady || !this.model) return;
    // A series this model does not read (a file from another app version)
    // would make the worker refuse the whole level: left out, and said.
    const { values, leftOut: unfit } = columnsForModel(importedValuesFor(list, dataset.id, dataset.levels), seriesReadBy(this.model));
    if (unfit.length) {
      this.status.report({
        key: 'data:import-series', source: 'data', severity: 'warning',
        message: `Eerder geïmporteerde gegevens passen niet bij deze versie van het kompas en tellen niet mee (een reeks die het model niet leest, of een nieuwe indicator die het model inmiddels zelf heeft): ${unfit.join('; ')}.`,
        hint: 'Importeer het bestand opnieuw en koppel de kolom aan een factor of als nieuwe indicator (knop "Gegevens importeren"). De import zelf blijft bewaard in de werkruimte.',
      });
    } else this.status.resolve('data:import-series');
    if (values.length === 0 && !this.importedBySource[AREA_IMPORT_SOURCE]) return;
    await this.setImportSource(AREA_IMPORT_SOURCE, values);
  }

  setFrame(frame: Frame) {
    if (frame === this.frame) return;
    this.frame = frame;
    this.rescore();
  }

  setRankVisitorAreas(rank: boolean) {
    if (rank === this.rankVisitorAreas) return;
    this.rankVisitorAreas = rank;
    this.rescore();
  }

  /** The request of every score and explanation: the view's frame, weights, ranking and year. */
  private scoreRequest(level: Level): ScoreRequest {
    return scoreRequestOf({ frame: this.frame, weights: $state.snapshot(this.weights), rankVisitorAreas: this.rankVisitorAreas, year: this.year }, level);
  }

  /** Show the map as in one year (null: the latest figures) and re-score. */
  setYear(year: number | null) {
    if (year === this.year) return;
    this.year = year;
    this.rescore();
  }

  /** The target on the map at a level, with its years and count series (once scored). */
  targetAt(level: Level): ScoreTarget | null {
    return this.scores[level]?.targets.find((t) => t.id === this.target) ?? null;
  }

  /** Change views the worker computed, by dataset, level, series and years. */
  private changes = $state.raw<Record<string, TableCountChange | null>>({});
  private readonly changesAsked = new Set<string>();

  /**
   * The change view at a level: the target's count series between the two
   * chosen years, or null when the view is off, the target has no count
   * series with both years, or the worker is still computing it (the views
   * that read this update when it arrives). Computed once per level, series
   * and years, in the worker (ScoringWorkerApi.countChange).
   */
  changeAt(level: Level): TableCountChange | null {
    const years = this.changeYears;
    const datasetId = this.dataset?.id;
    if (!years || !datasetId || !this.tables[level]) return null;
    const series = this.targetAt(level)?.countSeries?.find((c) => c.years.includes(years[0]) && c.years.includes(years[1]));
    if (!series) return null;
    const key = `${datasetId}|${level}|${series.series}|${years.join('-')}`;
    if (key in this.changes) return this.changes[key];
    const api = this.api;
    if (api && this.workerReady && !this.changesAsked.has(key)) {
      this.changesAsked.add(key);
      // Stored after the read that asked for it: state may not change while a template or $derived reads.
      void api.countChange(level, series.series, years[0], years[1]).then(
        (change) => (this.changes = { ...this.changes, [key]: change }),
        (error) => this.fail(error),
      );
    }
    return null;
  }

  setWeight(id: string, weight: number | null) {
    const next = { ...this.weights };
    if (weight === null) delete next[id];
    else next[id] = weight;
    this.weights = next;
    this.rescore();
  }

  resetWeights() {
    this.weights = {};
    this.rescore();
  }

  select(level: Level, index: number | null) {
    if (index === null || index < 0) {
      this.selection = null;
      this.explanation = null;
      this.summary = '';
      this.compare = [];
      return;
    }
    this.selection = { level, index };
    // The comparison starts with the bordering areas (also across a gemeente
    // border); the user adds or removes areas from there.
    const table = this.tables[level];
    this.compare = table ? [...neighboursOf(table, index)] : [];
    void this.refreshExplanation();
  }

  /**
   * An explanation asked for when the pointer is pressed on an area, before
   * the click that selects it: a person holds the button long enough (about
   * 100 ms) for the worker to answer, so the click can show the kompas in
   * the same task, before the map's next frame (docs/speed.md).
   */
  private early: { key: string; answer: Promise<{ explanation: AreaExplanation; summary: string }>; result: { explanation: AreaExplanation; summary: string } | null } | null = null;

  private explanationKey(index: number, request: ScoreRequest): string {
    return `${index}|${JSON.stringify(request)}`;
  }

  /** MapView calls this on a press on an area; a drag or another click simply leaves it unused. */
  prefetchExplanation(level: Level, index: number) {
    const api = this.api;
    if (!api || !this.workerReady) return;
    const request = this.scoreRequest(level);
    const key = this.explanationKey(index, request);
    if (this.early?.key === key) return;
    const early: NonNullable<typeof this.early> = { key, answer: api.explainWithSummary(request, index), result: null };
    early.answer.then((result) => (early.result = result), () => undefined);
    this.early = early;
  }

  async refreshExplanation() {
    const selection = this.selection;
    if (!selection || !this.api) return;
    const token = ++this.explainToken;
    const request = this.scoreRequest(selection.level);
    const key = this.explanationKey(selection.index, request);
    const early = this.early?.key === key ? this.early : null;
    this.early = null;
    if (early?.result) {
      this.explanation = early.result.explanation;
      this.summary = early.result.summary;
      return;
    }
    try {
      // One message: two would each wait for a turn of a busy main thread.
      const { explanation, summary } = await (early?.answer ?? this.api.explainWithSummary(request, selection.index));
      if (token !== this.explainToken) return;
      this.explanation = explanation;
      this.summary = summary;
    } catch (error) {
      this.fail(error);
    }
  }

  toggleCompare(index: number) {
    this.compare = this.compare.includes(index) ? this.compare.filter((i) => i !== index) : [...this.compare, index];
  }

  viewState(): ViewState {
    return {
      dataset: this.dataset?.id ?? null,
      level: this.levelMode,
      target: this.target === DEFAULT_TARGET ? null : this.target,
      selection: this.selectedCode() ?? this.linkSelection,
      frame: this.frame,
      weights: this.weights,
      view: this.mapView,
      rankVisitorAreas: this.rankVisitorAreas,
      year: this.year,
      changeYears: this.changeYears,
    };
  }

  hash(): string {
    return serialiseViewState(this.viewState());
  }
}
