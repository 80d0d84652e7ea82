/**
 * Owns the MapLibre map: sources, layers, the feature-state join of scores,
 * hover/selection/neighbour highlights and camera moves. Svelte components
 * talk to it through plain methods; it knows nothing about scoring.
 */
import { Map as MapLibreMap, addProtocol, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { FIT_PADDING } from './level-for-zoom.ts';
import { PMTiles, Protocol, SharedPromiseCache } from 'pmtiles';
import { decompressTiles } from '../data/tiles-decompress.ts';
import { PrefixFirstSource } from './tiles-prefix-source.ts';
import type { FeatureCollection, Point } from 'geojson';
import { LEVELS, areaIndexOfTileFeature, tileFeatureId, tileLayerName, type Level } from '../model/dataset-format.ts';
import { AREA_SOURCE, NO_MODES, STATE_CLASS, STATE_HOVER, STATE_INDICATIVE, STATE_NEIGHBOUR, STATE_SELECTED, STATE_STATUS, STATUS_PATTERN_KINDS, areaLayers, areaSource, highlightLayerOf, labelSourceId, labelSources, layerId, modeLayerIds, ownStyle, showsStatusPattern, type MapModes, type StyleOptions } from './style.ts';
import { patternImages } from './patterns.ts';

/** Same-origin URL of MapLibre's worker file (the app checks the type it is served with). */
export { maplibreWorkerUrl };

let protocol: Protocol | null = null;

/** Input on the map that must reach MapLibre's gesture handlers in a frame of their own (postponeFrame, holdFramesWhileTilesLoad). */
const MAP_INPUT_EVENTS = ['pointerdown', 'wheel', 'touchstart', 'keydown'] as const;

/** Longest the map holds its frames after the first view's first area tile (holdFramesWhileTilesLoad). */
const FIRST_TILES_HOLD_MS = 2000;
/**
 * Same after a camera move has ended: shorter, as the user waits for a view
 * they asked for, and over a slow line the tiles then come one by one.
 */
const MOVED_TILES_HOLD_MS = 1000;

function registerOnce(): Protocol {
  if (protocol) return protocol;
  // maplibre-gl 6 finds its worker through import.meta.url, which is wrong
  // after bundling; point it at the same-origin file Vite emits.
  setWorkerUrl(maplibreWorkerUrl);
  protocol = new Protocol();
  addProtocol('pmtiles', protocol.tile);
  return protocol;
}

/**
 * The start-up check fetches the head of the PMTiles file at `url` (the
 * URL the style names after pmtiles://); the map reads its header and root
 * directory from those bytes instead of a second request.
 */
export function shareTilesPrefix(url: string, prefix: Promise<Uint8Array | null>): void {
  registerOnce().add(new PMTiles(new PrefixFirstSource(url, prefix), new SharedPromiseCache(undefined, undefined, decompressTiles), decompressTiles));
}

export interface LabelPoints {
  codes: string[];
  names: string[];
  /** lon, lat pairs */
  points: Float32Array;
}

export interface MapControllerOptions {
  container: HTMLElement;
  style: StyleOptions;
  bbox: [number, number, number, number];
  /** The host's basemap style, already fetched (map/basemap.ts); our layers go on top of it. */
  basemapStyle?: StyleSpecification | null;
  /** Keep the drawing buffer so tests can read pixels. */
  preserveDrawingBuffer?: boolean;
  initialView?: [number, number, number] | null;
  /** Credits shown on the map. */
  attribution: string;
}

/**
 * Areas are named by their row in the level table (`index`, as in app.table):
 * the tiles carry tileFeatureId(index) as feature id, and feature-state is
 * set by that number, not by CBS code (MapLibre would hash every string id).
 */
export interface MapEvents {
  hover: (level: Level, index: number | null, point: { x: number; y: number } | null) => void;
  click: (level: Level, index: number) => void;
  /**
   * The pointer went down on the map (the start of a click or a drag), on
   * the area `index` of the level on screen, or on no area (null).
   */
  press: (level: Level, index: number | null) => void;
  move: (view: [number, number, number]) => void;
  /** A failed style, source or tile; `sourceId`/`url` say which, when MapLibre tells. */
  error: (message: string, origin: { sourceId?: string; url?: string }) => void;
}

export interface FeatureStateBatch {
  level: Level;
  /** Per area of the level table: entry i is the area with tile feature id tileFeatureId(i). */
  classes: Int8Array;
  statuses: Uint8Array;
  indicative: Uint8Array;
  /** Box per area (minLon, minLat, maxLon, maxLat): which areas are in or near the view, for the batch and each camera move. */
  bbox?: ArrayLike<number>;
}

/** Per area of a batch, a bit per status pattern (STATUS_PATTERN_KINDS order) it shows. */
function statusPatternMasks(batch: Pick<FeatureStateBatch, 'statuses' | 'indicative'>): Uint8Array {
  const masks = new Uint8Array(batch.statuses.length);
  for (let i = 0; i < masks.length; i++) {
    STATUS_PATTERN_KINDS.forEach((kind, bit) => {
      if (showsStatusPattern(kind, batch.statuses[i], batch.indicative[i])) masks[i] |= 1 << bit;
    });
  }
  return masks;
}

/** What MapController holds of one level's feature states (MapController.applied). */
interface HeldStates {
  classes: Int8Array;
  statuses: Uint8Array;
  indicative: Uint8Array;
  set: Uint8Array;
  /** 1 where the area came in or near the view once: MapLibre has its states and gets every change. */
  covered: Uint8Array;
  /** How many areas are covered (a move stops looking once all are). */
  coveredCount: number;
  latest: FeatureStateBatch;
  /** Per area of the latest batch, a bit per status pattern it shows (statusPatternMasks). */
  patterns: Uint8Array;
}

/** How far beyond the view (a share of its width and height) an area still counts as in view. */
const NEAR_VIEW_MARGIN = 0.1;

export class MapController {
  readonly map: MapLibreMap;
  private activeLevel: Level | null = null;
  private readonly levels: Level[];
  private readonly handlers: Partial<MapEvents> = {};
  private readonly ready: Promise<void>;
  /** Counts for tests and the bench: one batch per change. */
  readonly stats = { batches: 0, lastBatchSize: 0 };

  constructor(private readonly options: MapControllerOptions) {
    registerOnce();
    this.levels = options.style.levels;
    this.activeLevel = options.style.initialLevel ?? null;
    const basemap = options.basemapStyle ?? null;
    const view = options.initialView;
    this.map = new MapLibreMap({
      container: options.container,
      style: basemap ?? ownStyle(options.style),
      bounds: view ? undefined : options.bbox,
      center: view ? [view[0], view[1]] : undefined,
      zoom: view ? view[2] : undefined,
      fitBoundsOptions: { padding: FIT_PADDING },
      // Below the first zoom of its tiles a dataset's map is empty (a
      // gemeente's dataset starts at 8): the user cannot zoom out into that.
      minZoom: Math.max(4, options.style.minzoom),
      maxZoom: 17,
      attributionControl: { compact: true, customAttribution: options.attribution },
      canvasContextAttributes: options.preserveDrawingBuffer ? { preserveDrawingBuffer: true } : undefined,
      dragRotate: false,
      pitchWithRotate: false,
      // The labels MapLibre gives its canvas and controls, in the app's language (screen readers read them).
      locale: MAP_LOCALE,
      // Names appear at once instead of fading in over 300 ms: every frame of
      // a fade redraws the whole map, which with software WebGL (a virtual
      // desktop without a GPU) costs about 100 ms at buurt level, and a camera
      // move settled 0.3–0.45 s later for it.
      fadeDuration: 0,
    });
    this.map.keyboard.enable();
    // Patterns are handed over the moment a tile asks for them: adding them
    // after 'load' would make MapLibre parse every loaded tile a second time.
    const patterns = patternImages() as Record<string, ReturnType<typeof patternImages>[keyof ReturnType<typeof patternImages>]>;
    this.map.setMissingStyleImageResolver((id) => {
      const image = patterns[id];
      if (image && !this.map.hasImage(id)) this.map.addImage(id, image, { pixelRatio: 1 });
    });
    // Our own style holds the areas from the start: feature-state can be set
    // as soon as it is parsed, so tiles arrive coloured instead of being drawn
    // grey and re-coloured after 'load' (which waits for every tile).
    this.ready = new Promise((resolve) => {
      if (!basemap) this.map.once('style.load', () => resolve());
      this.map.on('load', () => {
        if (basemap) {
          // A host basemap: add our areas and labels on top of it.
          this.map.addSource(AREA_SOURCE, areaSource(options.style));
          for (const [id, source] of Object.entries(labelSources(this.levels))) this.map.addSource(id, source);
          for (const layer of areaLayers(options.style, false)) this.map.addLayer(layer);
          resolve();
        }
        this.bindEvents();
      });
    });
    // From the start, not at 'load': a batch can come, and the camera move
    // (a link's selection), before the map's first tiles are all in.
    this.map.on('move', () => {
      this.followView();
      this.showStatusPatterns();
    });
    // A resize in the middle of a drag fires no 'move' (the camera counts as moving).
    this.map.on('resize', () => this.followView());
    this.map.on('moveend', () => {
      this.followView();
      // The frame after a move (for an animated one, the frame that ends it) asks for the new view's
      // tiles: the hold starts after it. Until the area source has its metadata, only its own tiles count.
      this.map.once('render', () => {
        if (!this.removed && !this.map.isMoving()) this.holdFramesWhileTilesLoad(MOVED_TILES_HOLD_MS, !!this.map.getSource(AREA_SOURCE)?.loaded());
      });
    });
    this.holdFramesWhileTilesLoad(FIRST_TILES_HOLD_MS, false);
    this.map.on('error', (event) => {
      const error = event.error as (Error & { url?: string }) | undefined;
      const message = error?.message ?? 'onbekende kaartfout';
      console.error('kaart:', message);
      this.handlers.error?.(message, { sourceId: (event as { sourceId?: string }).sourceId, url: error?.url });
    });
  }

  /** Settles once the area source and layers exist (feature-state, visibility and label data may be set). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  on<K extends keyof MapEvents>(event: K, handler: MapEvents[K]) {
    this.handlers[event] = handler;
  }

  private bindEvents() {
    for (const level of this.levels) {
      const fill = layerId.fill(level);
      this.map.on('mousemove', fill, (event: MapLayerMouseEvent) => {
        const index = areaIndexOfTileFeature(event.features?.[0]?.id);
        this.map.getCanvas().style.cursor = index >= 0 ? 'pointer' : '';
        this.handlers.hover?.(level, index >= 0 ? index : null, event.point);
      });
      this.map.on('mouseleave', fill, () => {
        this.map.getCanvas().style.cursor = '';
        this.handlers.hover?.(level, null, null);
      });
      this.map.on('click', fill, (event: MapLayerMouseEvent) => {
        const index = areaIndexOfTileFeature(event.features?.[0]?.id);
        if (index >= 0) this.handlers.click?.(level, index);
      });
    }
    this.map.on('mousedown', (event) => {
      const level = this.activeLevel;
      const fill = level ? layerId.fill(level) : null;
      if (!level || !fill || !this.map.getLayer(fill)) return;
      const index = areaIndexOfTileFeature(this.map.queryRenderedFeatures(event.point, { layers: [fill] })[0]?.id);
      this.handlers.press?.(level, index >= 0 ? index : null);
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.handlers.move?.([c.lng, c.lat, this.map.getZoom()]);
    });
  }

  /** Shows one level's fills, patterns, outlines and labels. */
  setActiveLevel(level: Level) {
    if (level === this.activeLevel) return;
    this.activeLevel = level;
    this.showModeLayers();
    this.showStatusPatterns();
    // The outline under the pointer is drawn on the level on screen. Selection and
    // neighbour outlines of other levels are shown when first used (setSelection,
    // setNeighbours) and stay: a selected buurt stays outlined when the zoom shows
    // wijken. Every visible line layer has MapLibre's worker outline its level's
    // polygons in every tile, so no level gets them before it needs them.
    this.setVisibility(layerId.selection(level), 'visible');
    for (const l of this.levels) {
      const visibility = l === level ? 'visible' : 'none';
      for (const id of [layerId.fill(l), ...STATUS_PATTERN_KINDS.map((kind) => layerId.pattern(l, kind)), layerId.outline(l), layerId.labels(l)]) {
        this.setVisibility(id, visibility);
      }
    }
  }

  private modes: MapModes = NO_MODES;

  /** Shows the layers of the map modes that are on, on the level on screen only (stale state on other levels must not draw). */
  setModes(modes: MapModes) {
    if (modes.change === this.modes.change && modes.gap === this.modes.gap && modes.judged === this.modes.judged) return;
    this.modes = { ...modes };
    this.showModeLayers();
  }

  private showModeLayers() {
    for (const level of this.levels) {
      const { shown, hidden } = modeLayerIds(level, level === this.activeLevel ? this.modes : NO_MODES);
      for (const id of shown) this.setVisibility(id, 'visible');
      for (const id of hidden) this.setVisibility(id, 'none');
    }
  }

  /** Only a real change: every visibility change makes MapLibre parse the source's tiles again. */
  private setVisibility(id: string, visibility: 'visible' | 'none') {
    if (this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== visibility) this.map.setLayoutProperty(id, 'visibility', visibility);
  }

  setLabelPoints(level: Level, labels: LabelPoints) {
    const collection: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: labels.codes.flatMap((code, i) => {
        const lon = labels.points[2 * i];
        const lat = labels.points[2 * i + 1];
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [];
        return [{ type: 'Feature' as const, properties: { code, name: labels.names[i] }, geometry: { type: 'Point' as const, coordinates: [lon, lat] } }];
      }),
    };
    (this.map.getSource(labelSourceId(level)) as GeoJSONSource | undefined)?.setData(collection);
  }

  /**
   * What MapLibre holds per level (`set` = sent at least once), so a change only touches areas whose
   * state differs; which areas it is owed states for (`covered`); and the level's latest batch.
   */
  private readonly applied = new Map<Level, HeldStates>();

  /**
   * The join: one synchronous pass of setFeatureState over the areas whose
   * class or status changed, so MapLibre repaints once and re-uploads as
   * little as possible (a weight change often moves only part of the areas).
   *
   * States follow the view. MapLibre applies every state of the source to
   * each tile that loads and, on a change, looks each changed area up in
   * every loaded tile and state-dependent layer: 14,000 buurt states cost the
   * first buurt view, and each later tile and change, far more than the few
   * thousand areas on screen. So a batch with `bbox` sends the areas in or
   * near the view (NEAR_VIEW_MARGIN), and each camera move sends the areas it
   * brings near the view from the level's latest batch, in the frame before
   * they are drawn. An area once sent gets every later change.
   *
   * Returns how many areas' states it sent now.
   */
  applyFeatureStates(batch: FeatureStateBatch): number {
    const n = batch.classes.length;
    let held = this.applied.get(batch.level);
    if (!held || held.set.length !== n) {
      held = {
        classes: new Int8Array(n), statuses: new Uint8Array(n), indicative: new Uint8Array(n), set: new Uint8Array(n),
        covered: new Uint8Array(n), coveredCount: 0, latest: batch, patterns: new Uint8Array(n),
      };
      this.applied.set(batch.level, held);
    }
    held.latest = batch;
    held.patterns = statusPatternMasks(batch);
    this.showStatusPatterns();
    this.stats.batches++;
    if (batch.bbox) this.coverView(held);
    else {
      held.covered.fill(1);
      held.coveredCount = n;
    }
    this.stats.lastBatchSize = this.sendStates(batch, held);
    return this.stats.lastBatchSize;
  }

  /** Mark the areas in or near the view as covered (an area without a box always is); true when any was new. */
  private coverView(held: HeldStates): boolean {
    const bbox = held.latest.bbox;
    const covered = held.covered;
    if (!bbox || held.coveredCount === covered.length) return false;
    const near = this.inViewTest(bbox, true);
    const before = held.coveredCount;
    for (let i = 0; i < covered.length; i++) {
      if (!covered[i] && near(i)) {
        covered[i] = 1;
        held.coveredCount++;
      }
    }
    return held.coveredCount > before;
  }

  /** The camera moved: each level sends the areas that came near the view (those sent before are skipped as unchanged). */
  private followView() {
    for (const held of this.applied.values()) if (this.coverView(held)) this.sendStates(held.latest, held);
  }

  /** No area of the level keeps a class or status (first-view colours that no scores will follow). */
  clearAreaStates(level: Level) {
    this.applied.delete(level);
    this.map.removeFeatureState({ source: AREA_SOURCE, sourceLayer: tileLayerName[level] });
    this.showStatusPatterns();
  }

  /** setFeatureState for the covered areas whose state differs from what MapLibre holds; returns how many. */
  private sendStates(batch: FeatureStateBatch, applied: HeldStates): number {
    const sourceLayer = tileLayerName[batch.level];
    const covered = applied.covered;
    let changed = 0;
    for (let i = 0; i < batch.classes.length; i++) {
      if (!covered[i]) continue;
      if (applied.set[i] && applied.classes[i] === batch.classes[i] && applied.statuses[i] === batch.statuses[i] && applied.indicative[i] === batch.indicative[i]) continue;
      this.map.setFeatureState(
        { source: AREA_SOURCE, sourceLayer, id: tileFeatureId(i) },
        { [STATE_CLASS]: batch.classes[i], [STATE_STATUS]: batch.statuses[i], [STATE_INDICATIVE]: batch.indicative[i] },
      );
      applied.classes[i] = batch.classes[i];
      applied.statuses[i] = batch.statuses[i];
      applied.indicative[i] = batch.indicative[i];
      applied.set[i] = 1;
      changed++;
    }
    return changed;
  }

  /**
   * Whether area i (bbox: minLon, minLat, maxLon, maxLat per area) overlaps
   * the map's view, widened by a tenth of the view on each side. An area
   * without a box (NaN) cannot be placed: it counts as `unplaced` says.
   * Half a view made the first buurt view slower (docs/speed.md): each state
   * sent before the first coloured frame is work in that frame.
   */
  private inViewTest(bbox: ArrayLike<number>, unplaced: boolean): (i: number) => boolean {
    const b = this.map.getBounds();
    const w = (b.getEast() - b.getWest()) * NEAR_VIEW_MARGIN;
    const h = (b.getNorth() - b.getSouth()) * NEAR_VIEW_MARGIN;
    const west = b.getWest() - w, east = b.getEast() + w, south = b.getSouth() - h, north = b.getNorth() + h;
    return (i) => (Number.isNaN(bbox[4 * i]) ? unplaced : !(bbox[4 * i] > east || bbox[4 * i + 2] < west || bbox[4 * i + 1] > north || bbox[4 * i + 3] < south));
  }

  /**
   * Draws only the status patterns that an area in or near the view shows
   * (NEAR_VIEW_MARGIN): in a city view at buurt level two
   * of the four are usually on no area there, and each drawn pattern layer is
   * a pass over every polygon in every map frame. Runs on every camera move;
   * a loop over the areas' boxes, and a paint change only when a pattern
   * comes or goes.
   */
  private showStatusPatterns() {
    const level = this.activeLevel;
    if (!level) return;
    const held = this.applied.get(level);
    let wanted = 0;
    if (held) {
      // An area without a box has no shape on the map either.
      const bbox = held.latest.bbox;
      const near = bbox ? this.inViewTest(bbox, false) : null;
      const masks = held.patterns;
      const all = (1 << STATUS_PATTERN_KINDS.length) - 1;
      for (let i = 0; i < masks.length && wanted !== all; i++) {
        if (masks[i] && (!near || near(i))) wanted |= masks[i];
      }
    }
    STATUS_PATTERN_KINDS.forEach((kind, bit) => {
      this.setLayerOpacity(layerId.pattern(level, kind), wanted & (1 << bit) ? 1 : 0);
    });
  }

  /** 0: MapLibre skips the (fill or line) layer; 1: drawn. A paint change, so no new parse of the tiles; only a real change. */
  private setLayerOpacity(id: string, opacity: 0 | 1) {
    const type = this.map.getLayer(id)?.type;
    if (type !== 'fill' && type !== 'line') return;
    const property = `${type}-layer-opacity` as const;
    if (this.map.getPaintProperty(id, property) !== opacity) this.map.setPaintProperty(id, property, opacity);
  }

  /** Areas (level-table rows) that currently carry each highlight key, per level. */
  private readonly flagged = new Map<string, { level: Level; indices: number[] }>();

  /**
   * Moves a highlight (hover, selection, neighbours, the kernteam's judged
   * outline) to other areas: a handful of feature-state calls. `on`/`off` are
   * the state values the style's expressions test for.
   */
  setAreaFlag(key: string, level: Level, indices: number[], on: boolean | number = true, off: boolean | number = false) {
    const previous = this.flagged.get(key);
    if (previous && previous.level === level && previous.indices.length === indices.length && previous.indices.every((c, i) => c === indices[i])) return;
    if (previous) {
      for (const index of previous.indices) this.map.setFeatureState({ source: AREA_SOURCE, sourceLayer: tileLayerName[previous.level], id: tileFeatureId(index) }, { [key]: off });
    }
    for (const index of indices) this.map.setFeatureState({ source: AREA_SOURCE, sourceLayer: tileLayerName[level], id: tileFeatureId(index) }, { [key]: on });
    this.flagged.set(key, { level, indices });
    // Only a layer that marks an area is drawn (style.ts): each drawn line
    // layer is a pass over every edge of its level in every map frame. One
    // layer may draw several keys (selection and hover).
    const layerOf = highlightLayerOf[key];
    if (!layerOf) return;
    const keysOfLayer = Object.keys(highlightLayerOf).filter((k) => highlightLayerOf[k] === layerOf);
    for (const l of this.levels) {
      const marks = keysOfLayer.some((k) => { const f = this.flagged.get(k); return !!f && f.level === l && f.indices.length > 0; });
      this.setLayerOpacity(layerOf(l), marks ? 1 : 0);
    }
  }

  setHover(level: Level, index: number | null) {
    this.setAreaFlag(STATE_HOVER, level, index === null ? [] : [index]);
  }

  /**
   * Outline layers of levels other than the first start hidden, so tiles are
   * not parsed for them until needed; a wijk chosen in search while buurten
   * are on screen must still be outlined, so its layer is shown on first use.
   */
  setSelection(level: Level, index: number | null) {
    if (index !== null) this.setVisibility(layerId.selection(level), 'visible');
    this.setAreaFlag(STATE_SELECTED, level, index === null ? [] : [index]);
  }

  setNeighbours(level: Level, indices: number[]) {
    if (indices.length) this.setVisibility(layerId.neighbours(level), 'visible');
    this.setAreaFlag(STATE_NEIGHBOUR, level, indices);
  }

  /** Ends the running holdFramesWhileTilesLoad(), if any (with the frame it held back). */
  private endTileHold: (() => void) | null = null;

  /**
   * From the first counted tile after the first view or a camera move until
   * every tile in view is in, a tile that loads asks for no frame. With
   * software WebGL (headless Chromium, and browsers on virtual desktops
   * without a GPU) each frame re-rasterises the whole map and the page's
   * commit waits for it, while MapLibre's worker waits for the main thread
   * to hand it each tile's bytes and patterns; a frame per tile made the
   * next tiles later still (a jump into the buurt names drew six or seven
   * frames of about 200 ms where one does). The frame after the last tile
   * draws them all.
   *
   * The first tile counts from any source with `fromAnyTile`, else only an
   * area tile: in the first view, before the area tiles are asked for, the
   * pending frame may be the one that asks for them. A frame that carries a
   * change of style is never dropped: showing a level's layers asks for
   * their tiles in that frame. The hold ends at the first idle, at a camera
   * move or a resize (a resized canvas is blank until drawn), at a press,
   * wheel, touch or key on the map (MapLibre's gesture handlers fire
   * 'movestart' only in the frame they ask for), and at most `latestMs`
   * after the first counted tile: on a GPU with a slow network the tiles
   * would otherwise come one by one.
   */
  private holdFramesWhileTilesLoad(latestMs: number, fromAnyTile: boolean) {
    this.endTileHold?.();
    let dropped = false, timer: number | undefined;
    // A tile's data or error event (MapLibre types the two apart; both carry the tile and its source).
    const onTile = (e: unknown) => {
      const event = e as { tile?: unknown; sourceId?: string };
      if (!event.tile) return;
      if (timer === undefined && (fromAnyTile || event.sourceId === AREA_SOURCE)) timer = window.setTimeout(release, latestMs);
      if (timer === undefined) return;
      if (this.map.areTilesLoaded()) return release();
      if (!this.styleChangePending()) dropped = this.dropPendingFrame() || dropped;
    };
    const container = this.map.getCanvasContainer();
    const stop = () => {
      window.clearTimeout(timer);
      this.map.off('sourcedata', onTile);
      this.map.off('error', onTile);
      this.map.off('idle', stop);
      this.map.off('movestart', release);
      this.map.off('resize', release);
      for (const type of MAP_INPUT_EVENTS) container.removeEventListener(type, release, true);
      if (this.endTileHold === release) this.endTileHold = null;
    };
    const release = () => {
      stop();
      if (dropped && !this.removed) this.map.triggerRepaint();
    };
    this.map.on('sourcedata', onTile);
    this.map.on('error', onTile);
    this.map.on('idle', stop);
    this.map.on('movestart', release);
    this.map.on('resize', release);
    for (const type of MAP_INPUT_EVENTS) container.addEventListener(type, release, true);
    this.endTileHold = release;
  }

  /** MapLibre has a change of style (a layer's visibility, a paint property) still to apply in its next frame (its private `_styleDirty`, maplibre-gl 5–6). */
  private styleChangePending(): boolean {
    return (this.map as unknown as { _styleDirty?: boolean })._styleDirty === true;
  }

  /**
   * Cancels the frame MapLibre has asked for, if any. It has no public way to,
   * so this aborts its private `_frameRequest` as its own `redraw()` does
   * (maplibre-gl 5–6); without that field nothing is dropped.
   */
  private dropPendingFrame(): boolean {
    const map = this.map as unknown as { _frameRequest?: AbortController | null };
    if (!(map._frameRequest instanceof AbortController)) return false;
    map._frameRequest.abort();
    map._frameRequest = null;
    return true;
  }

  /** Undoes the running postponeFrame(): the map draws again as it asks. */
  private resumeFrames: (() => void) | null = null;

  /**
   * Drops the map frame that is already asked for, so what the page paints
   * next (the area panel) does not wait behind it: with software WebGL one
   * frame of the buurt view costs hundreds of milliseconds. MapLibre redraws
   * after every press and release (its gesture handlers end) even when
   * nothing moved. The map draws at its next change (a feature-state, a
   * camera move), at the next press, wheel or key on the map (its gesture
   * handlers ask for frames only while the dropped one is pending), and
   * `latestMs` later regardless, so MapLibre's pending gesture work always
   * runs (a press also ends holdFramesWhileTilesLoad).
   */
  postponeFrame(latestMs: number) {
    if (!this.dropPendingFrame()) return;
    this.resumeFrames?.();
    const container = this.map.getCanvasContainer();
    const stop = () => {
      clearTimeout(timer);
      this.map.off('render', stop);
      for (const type of MAP_INPUT_EVENTS) container.removeEventListener(type, draw, true);
      if (this.resumeFrames === stop) this.resumeFrames = null;
    };
    const draw = () => {
      stop();
      if (!this.removed) this.map.triggerRepaint();
    };
    const timer = window.setTimeout(draw, latestMs);
    this.map.on('render', stop);
    for (const type of MAP_INPUT_EVENTS) container.addEventListener(type, draw, true);
    this.resumeFrames = stop;
  }

  fitBbox(bbox: ArrayLike<number>, maxZoom?: number) {
    if (!Number.isFinite(bbox[0])) return;
    this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 60, maxZoom: maxZoom ?? 14, duration: 600 });
  }

  zoom(): number {
    return this.map.getZoom();
  }

  currentLevel(): Level | null {
    return this.activeLevel;
  }

  private removed = false;

  destroy() {
    this.removed = true;
    this.map.remove();
  }
}

/** MapLibre's own labels in Dutch (only those of what the map shows: its canvas and the attribution). */
export const MAP_LOCALE: Record<string, string> = {
  'Map.Title': 'Wijkveiligheidskaart',
  'AttributionControl.ToggleAttribution': 'Bronvermelding tonen of verbergen',
  'AttributionControl.MapFeedback': 'Fout in de kaart melden',
};

export { levelForZoom } from './level-for-zoom.ts';
