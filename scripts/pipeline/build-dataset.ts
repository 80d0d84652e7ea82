/**
 * Turns a DatasetInput into the served files of one dataset: a level table
 * per level and one PMTiles archive with a layer per level. Pure apart from
 * logging: writing to disk is `output.ts`'s job.
 */
import { decodeLevelTable, encodeLevelTable, AreaFlag, type DatasetEntry, type IndicatorMeta, type Level, type LevelTable } from '../../src/model/dataset-format.ts';
import { firstViewsOf } from './first-views.ts';
import { MissingReason } from '../../src/model/missing.ts';
import * as turf from '@turf/turf';
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { bboxOf, cleanGeometry, dissolve, labelPointOf, type Areal } from './geometry.ts';
import { aggregateNeighbours, DEFAULT_NEIGHBOUR_OPTIONS, findNeighbours, neighbourMethodText, toCsr, type NeighbourOptions } from './neighbours.ts';
import { buildTiles, type TileFeature } from './tiles.ts';
import { encodeGeometryFile } from '../../src/model/geometry-format.ts';
import type { DatasetInput, IndicatorColumn } from './types.ts';

export interface BuiltDataset {
  /** Catalog entry without file names (those carry the content hash). */
  entry: Omit<DatasetEntry, 'files'>;
  tiles: Uint8Array;
  tables: Partial<Record<Level, Uint8Array>>;
  /** Per level: compact area geometry for point-in-polygon counting in the browser. */
  geometry: Partial<Record<Level, Uint8Array>>;
  /** Decoded-form tables, for checks and tests. */
  levelTables: Partial<Record<Level, LevelTable>>;
  report: string[];
  stats: {
    areas: Partial<Record<Level, number>>;
    noGeometry: Partial<Record<Level, number>>;
    repairedRings: number;
    droppedRings: number;
    dissolveFallbacks: number;
    neighbourPairs: Partial<Record<Level, number>>;
    crossGemeentePairs: number;
    tileCount: number;
    tileFeatures: Record<string, number>;
  };
}

interface Area {
  code: string;
  name: string;
  gemeente: string;
  wijk: string;
  flags: number;
  geometry: Areal | null;
}

function sortedCodes(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}

function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`;
}

export interface BuildOptions {
  neighbours?: NeighbourOptions;
  tolerance?: number;
  log?: (line: string) => void;
}

/** Step timings for the report: each call closes the step that started at the previous call. */
function stepClock() {
  const steps: string[] = [];
  let last = performance.now();
  return {
    steps,
    step(name: string) {
      const now = performance.now();
      steps.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
  };
}

export function buildDataset(input: DatasetInput, options: BuildOptions = {}): BuiltDataset {
  const log = options.log ?? (() => {});
  const report: string[] = [];
  const say = (line: string) => {
    report.push(line);
    log(line);
  };
  const levels = input.levels;
  const clock = stepClock();

  const cleaned = cleanBuurten(input);
  const buurten = cleaned.areas;
  const enclaves = enclaveFinder(buurten);
  clock.step('buurten');
  const wijken = buildWijken(input, buurten, enclaves);
  clock.step('wijken');
  const gemeenten = levels.includes('gemeente') ? buildGemeenten(input, wijken.areas, enclaves) : { areas: [], dissolveFallbacks: 0 };
  const dissolveFallbacks = wijken.dissolveFallbacks + gemeenten.dissolveFallbacks;
  const areasByLevel: Record<Level, Area[]> = { buurt: buurten, wijk: wijken.areas, gemeente: gemeenten.areas };
  reportAreas(say, input.id, areasByLevel, cleaned, dissolveFallbacks, enclaves.count());
  clock.step('gemeenten');

  const nOpts = options.neighbours ?? DEFAULT_NEIGHBOUR_OPTIONS;
  const neighbours = neighboursPerLevel(areasByLevel, nOpts);
  say(`${input.id}: buren buurt ${pairs(neighbours.byLevel.buurt)} paren (${neighbours.crossGemeentePairs} over een gemeentegrens), ` +
    `wijk ${pairs(neighbours.byLevel.wijk)}, gemeente ${pairs(neighbours.byLevel.gemeente)}`);
  clock.step('buren');

  const columns = indexColumns(input);
  const { tables, levelTables, geometry, joinLines } = encodeLevels(input, areasByLevel, enclaves.labels, neighbours.byLevel, neighbourMethodText(nOpts), columns);
  joinLines.forEach(say);
  clock.step('tabellen');

  const bbox = datasetBbox(buurten);
  const minzoom = input.minzoom ?? 5;
  const maxzoom = input.maxzoom ?? 12;
  const tiles = tilesOf(input, areasByLevel, bbox, minzoom, maxzoom, options.tolerance);
  say(`${input.id}: ${tiles.tileCount} tegels z${minzoom}–${maxzoom}, ${(tiles.bytes.length / 1e6).toFixed(2)} MB; ` +
    `objecten op z${maxzoom}: ${Object.entries(tiles.layerCodes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  clock.step('tegels');
  say(`${input.id}: stappen: ${clock.steps.join(', ')}`);

  return {
    entry: catalogEntry(input, bbox, minzoom, maxzoom, columns.metaById),
    tiles: tiles.bytes,
    tables,
    geometry,
    levelTables,
    report,
    stats: {
      areas: perLevel(levels, (l) => areasByLevel[l].length),
      noGeometry: perLevel(levels, (l) => areasByLevel[l].filter((a) => !a.geometry).length),
      repairedRings: cleaned.repairedRings,
      droppedRings: cleaned.droppedRings,
      dissolveFallbacks,
      neighbourPairs: perLevel(levels, (l) => pairs(neighbours.byLevel[l])),
      crossGemeentePairs: neighbours.crossGemeentePairs,
      tileCount: tiles.tileCount,
      tileFeatures: tiles.layerCodes,
    },
  };
}

function perLevel(levels: Level[], count: (level: Level) => number): Partial<Record<Level, number>> {
  return Object.fromEntries(levels.map((l) => [l, count(l)]));
}

/** Per level the encoded table, its decoded form and the compact geometry for counting points; join lines for the report. */
function encodeLevels(input: DatasetInput, areasByLevel: Record<Level, Area[]>, buurtLabels: (Position | null)[], neighbours: Record<Level, number[][]>,
  neighbourMethod: string, columns: ColumnIndex) {
  const tables: Partial<Record<Level, Uint8Array>> = {};
  const levelTables: Partial<Record<Level, LevelTable>> = {};
  const geometry: Partial<Record<Level, Uint8Array>> = {};
  const joinLines: string[] = [];
  for (const level of input.levels) {
    const areas = areasByLevel[level];
    const table = levelTable(input, level, areas, level === 'buurt' ? buurtLabels : null, neighbours[level], neighbourMethod, columns, joinLines);
    levelTables[level] = table;
    geometry[level] = encodeGeometryFile(input.id, level, table.codes, areas.map((a) => a.geometry));
  }
  // The first view is scored from the tables as the app reads them (encoded and decoded).
  const firstViews = firstViewsOf(Object.fromEntries(input.levels.map((level) => [level, decodeLevelTable(encodeLevelTable(levelTables[level]!))])));
  for (const level of input.levels) tables[level] = encodeLevelTable(levelTables[level]!, firstViews[level]);
  return { tables, levelTables, geometry, joinLines };
}

/** Buurten sorted by code with repaired geometry: the building block of every level. */
function cleanBuurten(input: DatasetInput): { areas: Area[]; repairedRings: number; droppedRings: number } {
  let repairedRings = 0;
  let droppedRings = 0;
  const areas: Area[] = [...input.buurten].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((f) => {
    let geometry: Areal | null = null;
    let flags = f.flags;
    if (f.geometry) {
      const c = cleanGeometry(f.geometry);
      droppedRings += c.droppedRings;
      if (c.repaired) {
        repairedRings++;
        flags |= AreaFlag.selfIntersection;
      }
      geometry = c.geometry;
    }
    if (!geometry) flags |= AreaFlag.noGeometry;
    return { code: f.code, name: f.name, gemeente: f.gemeenteCode, wijk: f.wijkCode, flags, geometry };
  });
  for (let i = 1; i < areas.length; i++) {
    if (areas[i].code === areas[i - 1].code) throw new Error(`${input.id}: buurtcode ${areas[i].code} komt twee keer voor`);
  }
  return { areas, repairedRings, droppedRings };
}

interface EnclaveFinder {
  /** Label point per buurt (null without geometry); the buurt table reuses them. */
  labels: (Position | null)[];
  /** A hole test for the dissolve of one parent: true when a buurt of another parent lies inside the hole. */
  test(owner: (b: Area) => string, code: string): (hole: Position[]) => boolean;
  count(): number;
}

/**
 * Label points of buurten decide whether a hole in a dissolve is an enclave
 * (another wijk/gemeente inside) or a gap between buurten, which is closed.
 */
function enclaveFinder(buurten: Area[]): EnclaveFinder {
  const labels = buurten.map((b) => (b.geometry ? labelPointOf(b.geometry) : null));
  let enclaves = 0;
  // Label points in a static R-tree, so each hole checks only the buurten inside its bbox.
  const withLabel = labels.flatMap((p, i) => (p ? [i] : []));
  const index = withLabel.length ? new Flatbush(withLabel.length) : null;
  for (const i of withLabel) index!.add(labels[i]![0], labels[i]![1]);
  index?.finish();
  const test = (owner: (b: Area) => string, code: string) => (hole: Position[]) => {
    const [w, s, e, n] = bboxOf({ type: 'Polygon', coordinates: [hole] });
    let poly: ReturnType<typeof turf.polygon> | null = null;
    for (const k of index?.search(w, s, e, n) ?? []) {
      const i = withLabel[k];
      if (owner(buurten[i]) === code) continue;
      poly ??= turf.polygon([hole]);
      if (turf.booleanPointInPolygon(labels[i]!, poly)) {
        enclaves++;
        return true;
      }
    }
    return false;
  };
  return { labels, test, count: () => enclaves };
}

function groupBy(areas: Area[], key: (a: Area) => string): Map<string, Area[]> {
  const groups = new Map<string, Area[]>();
  for (const a of areas) {
    if (!groups.has(key(a))) groups.set(key(a), []);
    groups.get(key(a))!.push(a);
  }
  return groups;
}

/** A parent carries "georeferenced approximately" when any of its children does. */
function approxFlagOf(children: Area[]): number {
  let flags = 0;
  for (const c of children) flags |= c.flags & AreaFlag.georefApprox;
  return flags;
}

/** Wijken: official geometry when the source gives it, else the dissolve of their buurten. */
function buildWijken(input: DatasetInput, buurten: Area[], enclaves: EnclaveFinder): { areas: Area[]; dissolveFallbacks: number } {
  return parentAreas(buurten, (b) => b.wijk, input.wijkNames, enclaves, {
    official: (code) => input.wijkGeometry?.get(code) ?? null,
    gemeenteOf: (code, children) => children[0]?.gemeente ?? `GM${code.slice(2, 6)}`,
  });
}

/** Gemeenten: always the dissolve of their wijken (no source ships gemeente shapes). */
function buildGemeenten(input: DatasetInput, wijken: Area[], enclaves: EnclaveFinder): { areas: Area[]; dissolveFallbacks: number } {
  return parentAreas(wijken, (w) => w.gemeente, input.gemeenteNames, enclaves, { official: () => null, gemeenteOf: (code) => code });
}

/**
 * One level up: every code named by the source or by a child, sorted, with
 * the official (cleaned) shape or else the dissolve of its children's shapes,
 * keeping holes that hold another parent's buurt.
 */
function parentAreas(children: Area[], parentOf: (a: Area) => string, names: Map<string, string>, enclaves: EnclaveFinder,
  how: { official: (code: string) => Areal | null; gemeenteOf: (code: string, children: Area[]) => string }): { areas: Area[]; dissolveFallbacks: number } {
  let dissolveFallbacks = 0;
  const byParent = groupBy(children, parentOf);
  const areas = sortedCodes([...names.keys(), ...byParent.keys()]).map((code): Area => {
    const own = byParent.get(code) ?? [];
    let flags = approxFlagOf(own);
    let geometry = how.official(code);
    if (geometry) geometry = cleanGeometry(geometry).geometry;
    else {
      const d = dissolve(own.flatMap((c) => (c.geometry ? [c.geometry] : [])), { isEnclave: enclaves.test(parentOf, code) });
      if (d.failed) dissolveFallbacks++;
      geometry = d.geometry;
    }
    if (!geometry) flags |= AreaFlag.noGeometry;
    return { code, name: names.get(code) ?? code, gemeente: how.gemeenteOf(code, own), wijk: '', flags, geometry };
  });
  return { areas, dissolveFallbacks };
}

/** The two report lines about geometry: how many areas have it and what was repaired. */
function reportAreas(say: (line: string) => void, id: string, areas: Record<Level, Area[]>, cleaned: { repairedRings: number; droppedRings: number },
  dissolveFallbacks: number, enclaves: number): void {
  const { buurt: buurten, wijk: wijken, gemeente: gemeenten } = areas;
  const withGeometry = (list: Area[]) => list.filter((a) => a.geometry).length;
  say(`${id}: geometrie gekoppeld aan ${withGeometry(buurten)}/${buurten.length} buurten, ${withGeometry(wijken)}/${wijken.length} wijken` +
    (gemeenten.length ? `, ${withGeometry(gemeenten)}/${gemeenten.length} gemeenten` : ''));
  say(`${id}: ${buurten.length} buurten, ${wijken.length} wijken, ${gemeenten.length} gemeenten; ` +
    `${cleaned.repairedRings} buurtgeometrieën hersteld (zelfdoorsnijding), ${cleaned.droppedRings} ontaarde ringen weggelaten, ` +
    `${dissolveFallbacks} samenvoegingen teruggevallen op losse delen, ${enclaves} gaten behouden als enclave`);
}

const pairs = (lists: number[][]) => lists.reduce((n, l) => n + l.length, 0) / 2;

/** Neighbours from the buurt geometry (with tolerance); wijken and gemeenten are neighbours when their buurten are. */
function neighboursPerLevel(areas: Record<Level, Area[]>, nOpts: NeighbourOptions) {
  const { buurt: buurten, wijk: wijken, gemeente: gemeenten } = areas;
  const buurtNeighbours = findNeighbours(buurten.map((b) => b.geometry), nOpts);
  const wijkIndex = new Map(wijken.map((w, i) => [w.code, i]));
  const gemeenteIndex = new Map(gemeenten.map((g, i) => [g.code, i]));
  const byLevel: Record<Level, number[][]> = {
    buurt: buurtNeighbours,
    wijk: aggregateNeighbours(buurtNeighbours, buurten.map((b) => wijkIndex.get(b.wijk) ?? -1), wijken.length),
    gemeente: aggregateNeighbours(buurtNeighbours, buurten.map((b) => gemeenteIndex.get(b.gemeente) ?? -1), gemeenten.length),
  };
  let crossGemeentePairs = 0;
  buurtNeighbours.forEach((list, i) => {
    for (const j of list) if (j > i && buurten[i].gemeente !== buurten[j].gemeente) crossGemeentePairs++;
  });
  return { byLevel, crossGemeentePairs };
}

interface ColumnIndex {
  /** Every indicator id in input order, with the metadata of its first column: each is written at every level. */
  metaById: Map<string, IndicatorMeta>;
  byLevel: Map<Level, Map<string, IndicatorColumn>>;
}

/** Columns by level and indicator id; one indicator twice on one level is a source error. */
function indexColumns(input: DatasetInput): ColumnIndex {
  const metaById = new Map<string, IndicatorMeta>();
  const byLevel = new Map<Level, Map<string, IndicatorColumn>>();
  for (const col of input.columns) {
    if (!metaById.has(col.meta.id)) metaById.set(col.meta.id, col.meta);
    if (!byLevel.has(col.level)) byLevel.set(col.level, new Map());
    const m = byLevel.get(col.level)!;
    if (m.has(col.meta.id)) throw new Error(`${input.id}: indicator ${col.meta.id} staat twee keer op niveau ${col.level}`);
    m.set(col.meta.id, col);
  }
  return { metaById, byLevel };
}

/** The decoded level table of one level: areas, their boxes and label points, neighbours and every indicator. */
function levelTable(input: DatasetInput, level: Level, areas: Area[], buurtLabels: (Position | null)[] | null, neighbours: number[][],
  neighbourMethod: string, columns: ColumnIndex, joinLines: string[]): LevelTable {
  const n = areas.length;
  const bbox = new Float32Array(4 * n).fill(NaN);
  const labelPoint = new Float32Array(2 * n).fill(NaN);
  areas.forEach((a, i) => {
    if (!a.geometry) return;
    bbox.set(bboxOf(a.geometry), 4 * i);
    labelPoint.set(buurtLabels?.[i] ?? labelPointOf(a.geometry), 2 * i);
  });
  const { offsets, indices } = toCsr(neighbours);
  const indicators = indicatorArrays(input.id, areas, columns.metaById, columns.byLevel.get(level));
  for (const [source, s] of indicators.joinStats) {
    joinLines.push(`${input.id} koppeling ${source} → ${level}: rijen ${s.matched}/${n} (${pct(s.matched, n)}), met waarde ${s.valued} (${pct(s.valued, n)})`);
  }
  return {
    datasetId: input.id,
    level,
    indelingYear: input.indelingYear,
    codes: areas.map((a) => a.code),
    names: areas.map((a) => a.name),
    gemeenteCodes: areas.map((a) => (level === 'gemeente' ? '' : a.gemeente)),
    wijkCodes: areas.map((a) => (level === 'buurt' ? a.wijk : '')),
    flags: Uint8Array.from(areas.map((a) => a.flags)),
    bbox,
    labelPoint,
    neighbourOffsets: offsets,
    neighbourIndices: indices,
    neighbourMethod,
    indicators: indicators.metas,
    values: indicators.values,
    reasons: indicators.reasons,
  };
}

/**
 * Values and missing reasons of every indicator for the areas of one level:
 * an indicator without a column at this level is "not published at this
 * level", an area without a row "not joined". Per join source, the first
 * column's match counts go to the report.
 */
function indicatorArrays(datasetId: string, areas: Area[], metaById: Map<string, IndicatorMeta>, levelColumns: Map<string, IndicatorColumn> | undefined) {
  const n = areas.length;
  const metas: IndicatorMeta[] = [];
  const values: Float32Array[] = [];
  const reasons: Uint8Array[] = [];
  const joinStats = new Map<string, { matched: number; valued: number }>();
  for (const [id, meta] of metaById) {
    const col = levelColumns?.get(id);
    const v = new Float32Array(n).fill(NaN);
    const r = new Uint8Array(n);
    if (!col) r.fill(MissingReason.notPublishedAtLevel);
    else {
      let matched = 0;
      let valued = 0;
      areas.forEach((a, i) => {
        const cell = col.values.get(a.code);
        if (!cell) {
          r[i] = MissingReason.notJoined;
          return;
        }
        matched++;
        if (cell.reason === 0 && cell.value !== null) {
          if (!Number.isFinite(cell.value)) throw new Error(`${datasetId}: ${id} voor ${a.code} is geen eindig getal`);
          v[i] = cell.value;
          valued++;
        } else {
          if (cell.reason === 0) throw new Error(`${datasetId}: ${id} voor ${a.code} heeft geen waarde maar ook geen reden`);
          r[i] = cell.reason;
        }
      });
      if (col.joinSource && !joinStats.has(col.joinSource)) joinStats.set(col.joinSource, { matched, valued });
    }
    metas.push(col?.meta ?? meta);
    values.push(v);
    reasons.push(r);
  }
  return { metas, values, reasons, joinStats };
}

/** The dataset's bounding box from the buurt geometry, rounded to 1e-5 degrees (about a metre). */
function datasetBbox(buurten: Area[]): [number, number, number, number] {
  let dbbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of buurten) {
    if (!b.geometry) continue;
    const [w, s, e, nn] = bboxOf(b.geometry);
    dbbox = [Math.min(dbbox[0], w), Math.min(dbbox[1], s), Math.max(dbbox[2], e), Math.max(dbbox[3], nn)];
  }
  return dbbox.map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number];
}

/** One PMTiles archive with a layer per level, crediting every publisher once. */
function tilesOf(input: DatasetInput, areasByLevel: Record<Level, Area[]>, bbox: [number, number, number, number], minzoom: number, maxzoom: number, tolerance?: number) {
  const layerFeatures: Partial<Record<Level, TileFeature[]>> = {};
  for (const level of input.levels) {
    // areasByLevel[level] is in level-table order (levelTable takes its codes from it): the row gives the feature id.
    layerFeatures[level] = areasByLevel[level].flatMap((a, row) => (a.geometry
      ? [{ row, code: a.code, name: a.name, gemeente: a.gemeente, wijk: level === 'buurt' ? a.wijk : undefined, flags: a.flags, geometry: a.geometry }]
      : []));
  }
  const attribution = input.sources.flatMap((s) => s.publisher.split(/,\s*/)).filter((p, i, all) => all.indexOf(p) === i).join(', ');
  return buildTiles(layerFeatures, {
    minzoom,
    maxzoom,
    layerMinzoom: input.layerMinzoom,
    tolerance,
    bbox,
    name: input.title,
    description: input.description,
    attribution: `Bron: ${attribution}`,
  });
}

/** The catalog entry (datasets.json) without file names; years come from the indicators unless the source names them. */
function catalogEntry(input: DatasetInput, bbox: [number, number, number, number], minzoom: number, maxzoom: number, metaById: Map<string, IndicatorMeta>): BuiltDataset['entry'] {
  const levels = input.levels;
  const years = input.years ?? sortedCodes([...metaById.values()].map((m) => String(m.year))).map(Number);
  return {
    id: input.id,
    title: input.title,
    description: input.description,
    levels,
    bbox,
    years,
    indelingYear: input.indelingYear,
    sources: input.sources,
    caveats: input.caveats,
    minzoom,
    maxzoom,
    ...(input.layerMinzoom ? { levelMinzoom: Object.fromEntries(levels.map((l) => [l, Math.max(minzoom, input.layerMinzoom?.[l] ?? minzoom)])) } : {}),
  };
}
