/**
 * The self-contained map style: no basemap, glyph or sprite from any other
 * host. Land is the dataset's own gemeente polygons on a water-coloured
 * background; labels are drawn from local fonts (MapLibre 6 draws glyphs
 * itself when a style has no `glyphs` URL).
 *
 * Every choropleth paint expression has a fixed size: it reads the class and
 * status from feature-state, never a list of areas.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { LEVELS, tileLayerName, type Level } from '../model/dataset-format.ts';
import { CHANGE_CLASS_OFFSET, CHANGE_COLOURS, CLASSES, NO_DATA_COLOUR, TOO_FEW_COLOUR, VISITOR_COLOUR, WHITE_SPOT_COLOUR } from './classes.ts';
// Feature-state carries the scoring result's status codes as they are.
import { ScoreStatus } from '../model/scoring-types.ts';
import { GAP_CLASS_OFFSET, QUADRANTS } from '../beleving/gap.ts';

export const AREA_SOURCE = 'areas';
export const labelSourceId = (level: Level) => `labels-${level}`;

/** Feature-state keys, kept short: set on every feature on every change. */
export const STATE_CLASS = 'c';
export const STATE_STATUS = 's';
export const STATE_INDICATIVE = 'i';
/** Highlights, also through feature-state: a filter change would make MapLibre re-parse every tile. */
export const STATE_HOVER = 'h';
export const STATE_SELECTED = 'sel';
export const STATE_NEIGHBOUR = 'nb';
/** 1 = the class shown is shifted by the kernteam's judgement (dashed outline). */
export const STATE_JUDGED = 'kt';


const classOfState: ExpressionSpecification = ['coalesce', ['feature-state', STATE_CLASS], -1];
const statusOfState: ExpressionSpecification = ['coalesce', ['feature-state', STATE_STATUS], -1];

export const fillColour: ExpressionSpecification = [
  'case',
  ['==', statusOfState, ScoreStatus.witteVlek],
  WHITE_SPOT_COLOUR,
  ['==', statusOfState, ScoreStatus.bezoekersgebied],
  VISITOR_COLOUR,
  ['==', statusOfState, ScoreStatus.teWeinigInwoners],
  TOO_FEW_COLOUR,
  // Percentile classes 0–5, the perception-gap quadrants as classes 10–13 and the change classes 20–24 (still a fixed-size expression).
  ['match', classOfState, ...CLASSES.flatMap((c, i) => [i, c.colour]), ...QUADRANTS.flatMap((q, i) => [GAP_CLASS_OFFSET + i, q.colour]),
    ...CHANGE_COLOURS.flatMap((colour, i) => [CHANGE_CLASS_OFFSET + i, colour]), NO_DATA_COLOUR],
] as unknown as ExpressionSpecification;

export const PATTERNS = {
  /** Diagonal hatch: score is indicatief (50–199 inwoners). */
  indicative: 'patroon-indicatief',
  /** Dots: beperkte dekking (30–60 % of the weight has data). */
  limited: 'patroon-beperkt',
  /** Cross-hatch on white: witte vlek. */
  whiteSpot: 'patroon-wittevlek',
  /** Grid on light lavender: bezoekers- of werkgebied, not ranked. */
  visitor: 'patroon-bezoekers',
  /** Horizontal stripes ("=") on light grey: geen duidelijke verandering (change view). */
  noChange: 'patroon-geen-verandering',
  /** Horizontal stripes: veilig maar voelt onveilig (perception-gap quadrant 1). */
  gapFeelsUnsafe: 'patroon-kloof-h',
  /** Vertical stripes: onveilig maar voelt veilig (perception-gap quadrant 2). */
  gapFeelsSafe: 'patroon-kloof-v',
} as const;

/**
 * Layers that only a map mode needs. They are in the style from the start,
 * hidden: adding a layer to a loaded vector source, like showing one, makes
 * MapLibre parse every loaded tile again, and on the first buurt view that
 * cost seconds (docs/speed.md). Each is shown only while its mode is on.
 */
export interface MapModes {
  /** The change view: "geen duidelijke verandering" stripes. */
  change: boolean;
  /** The perception-gap view: stripes on the two quadrants where the two disagree, so colour is never the only cue. */
  gap: boolean;
  /** The kernteam's judgements on the map: a dashed outline on the areas whose class they shifted. */
  judged: boolean;
}
export const NO_MODES: MapModes = { change: false, gap: false, judged: false };

/** Map class of "geen duidelijke verandering" (src/model/count-change.ts ChangeClass.none). */
export const NO_CHANGE_CLASS = CHANGE_CLASS_OFFSET + 2;

/**
 * Zoom from which each level is the one on screen. Labels start at the same
 * zoom, so no band of zoom levels shows areas without names; MapLibre's
 * collision test drops the names that do not fit.
 */
export const LEVEL_FROM_ZOOM: Readonly<Record<Level, number>> = { gemeente: 0, wijk: 8.5, buurt: 11 };
/** Gemeente names are unreadable below this zoom (the whole country on screen). */
const GEMEENTE_LABELS_FROM_ZOOM = 6.5;

/** The zoom from which a level's names are drawn: below it its label layer shows nothing. */
export function labelsFromZoom(level: Level): number {
  return level === 'gemeente' ? GEMEENTE_LABELS_FROM_ZOOM : LEVEL_FROM_ZOOM[level];
}

export interface StyleOptions {
  tilesUrl: string;
  levels: Level[];
  minzoom: number;
  maxzoom: number;
  /** Level visible from the start: a visibility change later makes MapLibre re-parse tiles. */
  initialLevel?: Level;
}

/**
 * No promoteId: each tile feature's own id is its level-table row + 1
 * (tileFeatureId in src/model/dataset-format.ts), and feature-state is set by
 * that number; a string id would be hashed by MapLibre on every tile update.
 */
export function areaSource(options: StyleOptions): SourceSpecification {
  return { type: 'vector', url: `pmtiles://${options.tilesUrl}` };
}

export const layerId = {
  fill: (level: Level) => `fill-${level}`,
  pattern: (level: Level, kind: keyof typeof PATTERNS) => `pattern-${kind}-${level}`,
  outline: (level: Level) => `outline-${level}`,
  neighbours: (level: Level) => `neighbours-${level}`,
  /** The selected area and the one under the pointer: one layer, so a batch of colours re-evaluates one state-dependent width, not two. */
  selection: (level: Level) => `selection-${level}`,
  judged: (level: Level) => `kernteam-${level}`,
  labels: (level: Level) => `labels-${level}`,
};

/** The line layer that draws each highlight's feature-state key. */
export const highlightLayerOf: Readonly<Record<string, (level: Level) => string>> = {
  [STATE_HOVER]: layerId.selection,
  [STATE_SELECTED]: layerId.selection,
  [STATE_NEIGHBOUR]: layerId.neighbours,
  [STATE_JUDGED]: layerId.judged,
};

/** The layers of a level that `modes` show, besides those always shown on the level on screen. */
export function modeLayerIds(level: Level, modes: MapModes): { shown: string[]; hidden: string[] } {
  const byMode: [boolean, string[]][] = [
    [modes.change, [layerId.pattern(level, 'noChange')]],
    [modes.gap, [layerId.pattern(level, 'gapFeelsUnsafe'), layerId.pattern(level, 'gapFeelsSafe')]],
    [modes.judged, [layerId.judged(level)]],
  ];
  return { shown: byMode.flatMap(([on, ids]) => (on ? ids : [])), hidden: byMode.flatMap(([on, ids]) => (on ? [] : ids)) };
}

/**
 * The patterns that mark an area's status, so colour is never the only cue:
 * the statuses each is drawn on, and whether the area must also be indicatief
 * (50–199 inwoners; only its scored statuses get the hatch).
 */
export const STATUS_PATTERN_RULES = {
  indicative: { statuses: [ScoreStatus.score, ScoreStatus.beperkteDekking], indicative: true },
  limited: { statuses: [ScoreStatus.beperkteDekking], indicative: false },
  whiteSpot: { statuses: [ScoreStatus.witteVlek], indicative: false },
  visitor: { statuses: [ScoreStatus.bezoekersgebied], indicative: false },
} as const satisfies Record<string, { statuses: readonly number[]; indicative: boolean }>;
export type StatusPatternKind = keyof typeof STATUS_PATTERN_RULES;
export const STATUS_PATTERN_KINDS = Object.keys(STATUS_PATTERN_RULES) as StatusPatternKind[];

/** Whether an area with this status (and indicatief flag, 0/1) shows the pattern `kind`. */
export function showsStatusPattern(kind: StatusPatternKind, status: number, indicative: number): boolean {
  const rule: { statuses: readonly number[]; indicative: boolean } = STATUS_PATTERN_RULES[kind];
  return rule.statuses.includes(status) && (!rule.indicative || indicative === 1);
}

/**
 * Paint of a fill or line layer that MapLibre skips until MapController sets
 * its layer opacity to 1. No fade (MapLibre's default is 300 ms): a fading
 * layer is drawn twice per frame.
 */
const undrawnFill = { 'fill-layer-opacity': 0, 'fill-layer-opacity-transition': { duration: 0, delay: 0 } } as const;
const undrawnLine = { 'line-layer-opacity': 0, 'line-layer-opacity-transition': { duration: 0, delay: 0 } } as const;

/** Layers of our own, added on top of our background or a host's basemap. */
export function areaLayers(options: StyleOptions, withLand: boolean): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  // No fill here draws MapLibre's antialiasing pass (a line along every
  // polygon edge, with a shader of its own to compile for the first frame):
  // the outline layer and the gemeente borders draw those edges already.
  // The fill's outline colour is then never drawn; a constant keeps MapLibre
  // from copying the data-driven fill colour into a second per-vertex array
  // on every feature-state change.
  const landPaint = { 'fill-color': '#f3f1ec', 'fill-antialias': false } as const;
  // Land and the gemeente borders name their visibility like the level
  // layers do: MapLibre's worker builds one bucket (one tessellation of the
  // tile's polygons) per group of layers with equal type, source layer and
  // layout, so at gemeente level they share the fills' and outlines' buckets
  // instead of tessellating the same polygons twice.
  if (withLand) {
    const landLevel = options.levels.includes('gemeente') ? 'gemeente' : options.levels[0];
    layers.push({ id: 'land', type: 'fill', source: AREA_SOURCE, 'source-layer': tileLayerName[landLevel], layout: { visibility: 'visible' }, paint: landPaint });
  }
  for (const level of LEVELS) {
    if (!options.levels.includes(level)) continue;
    const sourceLayer = tileLayerName[level];
    const visibility = level === options.initialLevel ? ('visible' as const) : ('none' as const);
    const base = { source: AREA_SOURCE, 'source-layer': sourceLayer, layout: { visibility } };
    layers.push({ id: layerId.fill(level), type: 'fill', ...base, paint: { 'fill-color': fillColour, 'fill-opacity': 0.88, 'fill-antialias': false, 'fill-outline-color': '#5a5a5a' } });
    // A status pattern is drawn only while an area near the view has its
    // status (MapController): each drawn one is a pass over every polygon of
    // the level.
    for (const kind of STATUS_PATTERN_KINDS) {
      const rule = STATUS_PATTERN_RULES[kind];
      const statusIn: ExpressionSpecification = ['match', statusOfState, [...rule.statuses], true, false];
      const shown = rule.indicative ? ['all', ['==', ['coalesce', ['feature-state', STATE_INDICATIVE], 0], 1], statusIn] : statusIn;
      layers.push({
        id: layerId.pattern(level, kind), type: 'fill', ...base,
        paint: { ...undrawnFill, 'fill-antialias': false, 'fill-pattern': PATTERNS[kind], 'fill-opacity': ['case', shown as ExpressionSpecification, 1, 0] },
      });
    }
    const modeBase = { ...base, layout: { visibility: 'none' as const } };
    const classIs = (c: number): ExpressionSpecification => ['case', ['==', classOfState, c], 1, 0];
    layers.push({ id: layerId.pattern(level, 'noChange'), type: 'fill', ...modeBase, paint: { 'fill-antialias': false, 'fill-pattern': PATTERNS.noChange, 'fill-opacity': classIs(NO_CHANGE_CLASS) } });
    layers.push({ id: layerId.pattern(level, 'gapFeelsUnsafe'), type: 'fill', ...modeBase, paint: { 'fill-antialias': false, 'fill-pattern': PATTERNS.gapFeelsUnsafe, 'fill-opacity': classIs(GAP_CLASS_OFFSET + 1) } });
    layers.push({ id: layerId.pattern(level, 'gapFeelsSafe'), type: 'fill', ...modeBase, paint: { 'fill-antialias': false, 'fill-pattern': PATTERNS.gapFeelsSafe, 'fill-opacity': classIs(GAP_CLASS_OFFSET + 2) } });
    layers.push({
      id: layerId.outline(level), type: 'line', ...base,
      paint: { 'line-color': '#5a5a5a', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.2, 12, 0.8], 'line-opacity': 0.55 },
    });
  }
  // Gemeente borders stay visible on top at every level: the orientation a
  // beleidsadviseur reads the map by.
  if (options.levels.includes('gemeente')) {
    layers.push({
      id: 'gemeente-borders', type: 'line', source: AREA_SOURCE, 'source-layer': tileLayerName.gemeente, layout: { visibility: 'visible' },
      paint: { 'line-color': '#333333', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 10, 1.4] },
    });
  }
  // Highlights above every fill: a wijk selected while buurten are on screen
  // must not be painted over by the buurt fills.
  // A highlight's width, not its opacity, is 0 on the areas it does not mark:
  // zero-width lines cover no pixels, while transparent ones are still
  // rasterised and blended along every edge of the level in each map frame.
  // And a highlight layer that marks nothing is not drawn at all: MapLibre
  // skips a line layer whose layer opacity is 0 (MapController.setAreaFlag
  // sets it to 1 while the layer marks an area). A paint property, unlike
  // visibility, changes without a new parse of the tiles.
  const flagged = (key: string, width: number): ExpressionSpecification => ['case', ['boolean', ['feature-state', key], false], width, 0];
  for (const level of LEVELS) {
    if (!options.levels.includes(level)) continue;
    const visibility = level === options.initialLevel ? ('visible' as const) : ('none' as const);
    const base = { source: AREA_SOURCE, 'source-layer': tileLayerName[level], layout: { visibility } };
    layers.push({ id: layerId.neighbours(level), type: 'line', ...base, paint: { ...undrawnLine, 'line-color': '#1f4e79', 'line-width': flagged(STATE_NEIGHBOUR, 2.5), 'line-dasharray': [2, 1] } });
    // MapLibre evaluates every state-dependent paint property of a layer again
    // for each area whose state changes, so each highlight layer costs every
    // batch of colours a pass over the changed areas' edges: the selection
    // (4 px) and the area under the pointer (2 px) share one.
    const selectedOrHovered: ExpressionSpecification = ['case', ['boolean', ['feature-state', STATE_SELECTED], false], 4, ['boolean', ['feature-state', STATE_HOVER], false], 2, 0];
    layers.push({ id: layerId.selection(level), type: 'line', ...base, paint: { ...undrawnLine, 'line-color': '#000000', 'line-width': selectedOrHovered } });
    layers.push({
      id: layerId.judged(level), type: 'line', ...base, layout: { visibility: 'none' },
      paint: { ...undrawnLine, 'line-color': '#4b0082', 'line-width': ['case', ['==', ['coalesce', ['feature-state', STATE_JUDGED], 0], 1], 3, 0], 'line-dasharray': [1.5, 1] },
    });
  }
  for (const level of LEVELS) {
    if (!options.levels.includes(level)) continue;
    layers.push({
      id: layerId.labels(level), type: 'symbol', source: labelSourceId(level),
      minzoom: labelsFromZoom(level),
      layout: {
        visibility: level === options.initialLevel ? 'visible' : 'none',
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': level === 'gemeente' ? 13 : 12,
        'text-max-width': 8,
        'text-padding': 4,
      },
      paint: { 'text-color': '#1b1b1b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    });
  }
  return layers;
}

/** Label points come from the level tables (one point inside each area), not from clipped tiles. */
export function labelSources(levels: Level[]): Record<string, SourceSpecification> {
  return Object.fromEntries(levels.map((level) => [labelSourceId(level), { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }]));
}

export function ownStyle(options: StyleOptions): StyleSpecification {
  return {
    version: 8,
    sources: { [AREA_SOURCE]: areaSource(options), ...labelSources(options.levels) },
    layers: [{ id: 'water', type: 'background', paint: { 'background-color': '#cfe0ea' } }, ...areaLayers(options, true)],
  };
}
