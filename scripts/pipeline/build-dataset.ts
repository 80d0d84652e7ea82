/**
 * Turns a DatasetInput into the served files of one dataset: a level table
 * per level and one PMTiles archive with a layer per level. Pure apart from
 * logging: writing to disk is `output.ts`'s job.
 */
import { encodeLevelTable, AreaFlag, type DatasetEntry, type IndicatorMeta, type Level, type LevelTable } from '../../src/model/dataset-format.ts';
import { MissingReason } from '../../src/model/missing.ts';
import * as turf from '@turf/turf';
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

export function buildDataset(input: DatasetInput, options: BuildOptions = {}): BuiltDataset {
  const log = options.log ?? (() => {});
  const report: string[] = [];
  const say = (line: string) => {
    report.push(line);
    log(line);
  };
  const levels = input.levels;
  const t0 = performance.now();
  const steps: string[] = [];
  let tStep = t0;
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${((now - tStep) / 1000).toFixed(1)} s`);
    tStep = now;
  };

  // Buurten: clean and repair geometry, keep source flags.
  let repairedRings = 0;
  let droppedRings = 0;
  const buurten: Area[] = [...input.buurten].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((f) => {
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
  for (let i = 1; i < buurten.length; i++) {
    if (buurten[i].code === buurten[i - 1].code) throw new Error(`${input.id}: buurtcode ${buurten[i].code} komt twee keer voor`);
  }

  // Label points of buurten decide whether a hole in a dissolve is an enclave
  // (another wijk/gemeente inside) or a gap between buurten.
  const buurtLabels = buurten.map((b) => (b.geometry ? labelPointOf(b.geometry) : null));
  let enclaves = 0;
  const CELL = 0.02; // degrees; grid of label points so each hole checks only nearby buurten
  const labelGrid = new Map<string, number[]>();
  buurtLabels.forEach((p, i) => {
    if (!p) return;
    const key = `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
    if (!labelGrid.has(key)) labelGrid.set(key, []);
    labelGrid.get(key)!.push(i);
  });
  const enclaveTest = (owner: (b: Area) => string, code: string) => (hole: Position[]) => {
    const [w, s, e, n] = bboxOf({ type: 'Polygon', coordinates: [hole] });
    let poly: ReturnType<typeof turf.polygon> | null = null;
    for (let gx = Math.floor(w / CELL); gx <= Math.floor(e / CELL); gx++) {
      for (let gy = Math.floor(s / CELL); gy <= Math.floor(n / CELL); gy++) {
        for (const i of labelGrid.get(`${gx},${gy}`) ?? []) {
          const p = buurtLabels[i]!;
          if (owner(buurten[i]) === code || p[0] < w || p[0] > e || p[1] < s || p[1] > n) continue;
          poly ??= turf.polygon([hole]);
          if (turf.booleanPointInPolygon(p, poly)) {
            enclaves++;
            return true;
          }
        }
      }
    }
    return false;
  };

  step('buurten');
  // Wijken: official geometry when given, else the dissolve of their buurten.
  let dissolveFallbacks = 0;
  const buurtenByWijk = new Map<string, Area[]>();
  for (const b of buurten) {
    if (!buurtenByWijk.has(b.wijk)) buurtenByWijk.set(b.wijk, []);
    buurtenByWijk.get(b.wijk)!.push(b);
  }
  const wijkCodes = sortedCodes([...input.wijkNames.keys(), ...buurtenByWijk.keys()]);
  const wijken: Area[] = wijkCodes.map((code) => {
    const children = buurtenByWijk.get(code) ?? [];
    let flags = 0;
    for (const c of children) flags |= c.flags & AreaFlag.georefApprox;
    let geometry: Areal | null = input.wijkGeometry?.get(code) ?? null;
    if (geometry) geometry = cleanGeometry(geometry).geometry;
    else {
      const d = dissolve(children.flatMap((c) => (c.geometry ? [c.geometry] : [])), { isEnclave: enclaveTest((b) => b.wijk, code) });
      if (d.failed) dissolveFallbacks++;
      geometry = d.geometry;
    }
    if (!geometry) flags |= AreaFlag.noGeometry;
    const gemeente = children[0]?.gemeente ?? `GM${code.slice(2, 6)}`;
    return { code, name: input.wijkNames.get(code) ?? code, gemeente, wijk: '', flags, geometry };
  });

  step('wijken');
  let gemeenten: Area[] = [];
  if (levels.includes('gemeente')) {
    const wijkenByGemeente = new Map<string, Area[]>();
    for (const w of wijken) {
      if (!wijkenByGemeente.has(w.gemeente)) wijkenByGemeente.set(w.gemeente, []);
      wijkenByGemeente.get(w.gemeente)!.push(w);
    }
    gemeenten = sortedCodes([...input.gemeenteNames.keys(), ...wijkenByGemeente.keys()]).map((code) => {
      const children = wijkenByGemeente.get(code) ?? [];
      let flags = 0;
      for (const c of children) flags |= c.flags & AreaFlag.georefApprox;
      const d = dissolve(children.flatMap((c) => (c.geometry ? [c.geometry] : [])), { isEnclave: enclaveTest((b) => b.gemeente, code) });
      if (d.failed) dissolveFallbacks++;
      if (!d.geometry) flags |= AreaFlag.noGeometry;
      return { code, name: input.gemeenteNames.get(code) ?? code, gemeente: code, wijk: '', flags, geometry: d.geometry };
    });
  }
  const withGeometry = (areas: Area[]) => areas.filter((a) => a.geometry).length;
  say(`${input.id}: geometrie gekoppeld aan ${withGeometry(buurten)}/${buurten.length} buurten, ${withGeometry(wijken)}/${wijken.length} wijken` +
    (gemeenten.length ? `, ${withGeometry(gemeenten)}/${gemeenten.length} gemeenten` : ''));
  say(`${input.id}: ${buurten.length} buurten, ${wijken.length} wijken, ${gemeenten.length} gemeenten; ` +
    `${repairedRings} buurtgeometrieën hersteld (zelfdoorsnijding), ${droppedRings} ontaarde ringen weggelaten, ` +
    `${dissolveFallbacks} samenvoegingen teruggevallen op losse delen, ${enclaves} gaten behouden als enclave`);

  step('gemeenten');
  // Neighbours: buurt geometry with tolerance; higher levels via their buurten.
  const nOpts = options.neighbours ?? DEFAULT_NEIGHBOUR_OPTIONS;
  const buurtNeighbours = findNeighbours(buurten.map((b) => b.geometry), nOpts);
  const wijkIndex = new Map(wijken.map((w, i) => [w.code, i]));
  const gemeenteIndex = new Map(gemeenten.map((g, i) => [g.code, i]));
  const wijkNeighbours = aggregateNeighbours(buurtNeighbours, buurten.map((b) => wijkIndex.get(b.wijk) ?? -1), wijken.length);
  const gemeenteNeighbours = aggregateNeighbours(buurtNeighbours, buurten.map((b) => gemeenteIndex.get(b.gemeente) ?? -1), gemeenten.length);
  const pairs = (lists: number[][]) => lists.reduce((n, l) => n + l.length, 0) / 2;
  let crossGemeentePairs = 0;
  buurtNeighbours.forEach((list, i) => {
    for (const j of list) if (j > i && buurten[i].gemeente !== buurten[j].gemeente) crossGemeentePairs++;
  });
  say(`${input.id}: buren buurt ${pairs(buurtNeighbours)} paren (${crossGemeentePairs} over een gemeentegrens), ` +
    `wijk ${pairs(wijkNeighbours)}, gemeente ${pairs(gemeenteNeighbours)}`);
  const neighbourMethod = neighbourMethodText(nOpts);
  step('buren');

  // Indicators: every series id is written at every level.
  const metaById = new Map<string, IndicatorMeta>();
  const byLevel = new Map<Level, Map<string, IndicatorColumn>>();
  for (const col of input.columns) {
    if (!metaById.has(col.meta.id)) metaById.set(col.meta.id, col.meta);
    if (!byLevel.has(col.level)) byLevel.set(col.level, new Map());
    const m = byLevel.get(col.level)!;
    if (m.has(col.meta.id)) throw new Error(`${input.id}: indicator ${col.meta.id} staat twee keer op niveau ${col.level}`);
    m.set(col.meta.id, col);
  }

  const areasByLevel: Record<Level, Area[]> = { buurt: buurten, wijk: wijken, gemeente: gemeenten };
  const neighboursByLevel: Record<Level, number[][]> = { buurt: buurtNeighbours, wijk: wijkNeighbours, gemeente: gemeenteNeighbours };
  const tables: Partial<Record<Level, Uint8Array>> = {};
  const levelTables: Partial<Record<Level, LevelTable>> = {};
  const geometry: Partial<Record<Level, Uint8Array>> = {};
  const joinLines: string[] = [];
  for (const level of levels) {
    const areas = areasByLevel[level];
    const n = areas.length;
    const bbox = new Float32Array(4 * n).fill(NaN);
    const labelPoint = new Float32Array(2 * n).fill(NaN);
    areas.forEach((a, i) => {
      if (!a.geometry) return;
      bbox.set(bboxOf(a.geometry), 4 * i);
      labelPoint.set((level === 'buurt' ? buurtLabels[i] : null) ?? labelPointOf(a.geometry), 2 * i);
    });
    const { offsets, indices } = toCsr(neighboursByLevel[level]);
    const indicators: IndicatorMeta[] = [];
    const values: Float32Array[] = [];
    const reasons: Uint8Array[] = [];
    const joinStats = new Map<string, { matched: number; valued: number }>();
    for (const [id, meta] of metaById) {
      const col = byLevel.get(level)?.get(id);
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
            if (!Number.isFinite(cell.value)) throw new Error(`${input.id}: ${id} voor ${a.code} is geen eindig getal`);
            v[i] = cell.value;
            valued++;
          } else {
            if (cell.reason === 0) throw new Error(`${input.id}: ${id} voor ${a.code} heeft geen waarde maar ook geen reden`);
            r[i] = cell.reason;
          }
        });
        if (col.joinSource && !joinStats.has(col.joinSource)) joinStats.set(col.joinSource, { matched, valued });
      }
      indicators.push(col?.meta ?? meta);
      values.push(v);
      reasons.push(r);
    }
    for (const [source, s] of joinStats) {
      joinLines.push(`${input.id} koppeling ${source} → ${level}: rijen ${s.matched}/${n} (${pct(s.matched, n)}), met waarde ${s.valued} (${pct(s.valued, n)})`);
    }
    const table: LevelTable = {
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
      indicators,
      values,
      reasons,
    };
    levelTables[level] = table;
    tables[level] = encodeLevelTable(table);
    geometry[level] = encodeGeometryFile(input.id, level, table.codes, areas.map((a) => a.geometry));
  }
  joinLines.forEach(say);
  step('tabellen');

  // Dataset bbox from the buurt geometry.
  let dbbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of buurten) {
    if (!b.geometry) continue;
    const [w, s, e, nn] = bboxOf(b.geometry);
    dbbox = [Math.min(dbbox[0], w), Math.min(dbbox[1], s), Math.max(dbbox[2], e), Math.max(dbbox[3], nn)];
  }
  dbbox = dbbox.map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number];

  const minzoom = input.minzoom ?? 5;
  const maxzoom = input.maxzoom ?? 12;
  const layerFeatures: Partial<Record<Level, TileFeature[]>> = {};
  for (const level of levels) {
    layerFeatures[level] = areasByLevel[level].flatMap((a) => (a.geometry
      ? [{ code: a.code, name: a.name, gemeente: a.gemeente, wijk: level === 'buurt' ? a.wijk : undefined, flags: a.flags, geometry: a.geometry }]
      : []));
  }
  const attribution = input.sources.flatMap((s) => s.publisher.split(/,\s*/)).filter((p, i, all) => all.indexOf(p) === i).join(', ');
  const tiles = buildTiles(layerFeatures, {
    minzoom,
    maxzoom,
    layerMinzoom: input.layerMinzoom,
    tolerance: options.tolerance,
    bbox: dbbox,
    name: input.title,
    description: input.description,
    attribution: `Bron: ${attribution}`,
  });
  say(`${input.id}: ${tiles.tileCount} tegels z${minzoom}–${maxzoom}, ${(tiles.bytes.length / 1e6).toFixed(2)} MB; ` +
    `objecten op z${maxzoom}: ${Object.entries(tiles.layerCodes).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  step('tegels');
  say(`${input.id}: stappen: ${steps.join(', ')}`);
  const years = input.years ?? sortedCodes([...metaById.values()].map((m) => String(m.year))).map(Number);
  const countNoGeom = (areas: Area[]) => areas.filter((a) => !a.geometry).length;
  return {
    entry: {
      id: input.id,
      title: input.title,
      description: input.description,
      levels,
      bbox: dbbox,
      years,
      indelingYear: input.indelingYear,
      sources: input.sources,
      caveats: input.caveats,
      minzoom,
      maxzoom,
      ...(input.layerMinzoom ? { levelMinzoom: Object.fromEntries(levels.map((l) => [l, Math.max(minzoom, input.layerMinzoom?.[l] ?? minzoom)])) } : {}),
    },
    tiles: tiles.bytes,
    tables,
    geometry,
    levelTables,
    report,
    stats: {
      areas: Object.fromEntries(levels.map((l) => [l, areasByLevel[l].length])),
      noGeometry: Object.fromEntries(levels.map((l) => [l, countNoGeom(areasByLevel[l])])),
      repairedRings,
      droppedRings,
      dissolveFallbacks,
      neighbourPairs: Object.fromEntries(levels.map((l) => [l, pairs(neighboursByLevel[l])])),
      crossGemeentePairs,
      tileCount: tiles.tileCount,
      tileFeatures: tiles.layerCodes,
    },
  };
}
