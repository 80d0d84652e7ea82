/**
 * The served data formats, shared by the Node pipeline (writes), the scoring
 * worker and the Node scores CLI (read). Pure: no DOM, no Node APIs.
 *
 * A dataset is described in `public/data/datasets.json` (DatasetCatalog). Per
 * level it has one level table file (`.wvk`): a small JSON header followed by
 * typed-array sections, so the worker gets zero-copy views instead of parsing
 * hundreds of thousands of numbers out of JSON.
 *
 *   bytes 0..3   "WVK1"
 *   bytes 4..7   uint32 LE: header length H (UTF-8 JSON)
 *   bytes 8..8+H header JSON (LevelTableHeader), then zero padding to 8 bytes
 *   then         sections, each at header.sections[i].byteOffset (8-aligned,
 *                relative to the start of the section block)
 */
import type { MissingReasonCode } from './missing.ts';

export const LEVELS = ['gemeente', 'wijk', 'buurt'] as const;
export type Level = (typeof LEVELS)[number];

export const levelLabel: Record<Level, string> = { gemeente: 'Gemeente', wijk: 'Wijk', buurt: 'Buurt' };
export const levelLabelPlural: Record<Level, string> = { gemeente: 'Gemeenten', wijk: 'Wijken', buurt: 'Buurten' };

/** Vector-tile layer per level inside the dataset's PMTiles archive. */
export const tileLayerName: Record<Level, string> = { gemeente: 'gemeenten', wijk: 'wijken', buurt: 'buurten' };

export type IndicatorKind =
  /** A count of events or persons; aggregates upward by summing. */
  | 'count'
  /** A percentage 0–100 of a population. */
  | 'share'
  /** Already a rate or mean (e.g. WOZ, distance): no upward aggregation. */
  | 'value'
  /** An ordinal class (e.g. stedelijkheid 1–5). */
  | 'class';

export interface IndicatorMeta {
  /** Unique within the level table, e.g. `misdrijven_totaal.2024` or `woz`. */
  id: string;
  /** Multi-year indicators share a series id; `id` then carries the year. */
  series?: string;
  /** Dutch label for the UI. */
  label: string;
  /** Unit as shown to users: "aantal", "%", "× € 1.000", "km", "per km²". */
  unit: string;
  kind: IndicatorKind;
  /** Reference year of the figure. */
  year: number;
  /** Free text for periods that are not a full year, e.g. "jan–sep 2017". */
  period?: string;
  /** Indeling (boundary edition) the codes of the source belong to. */
  indelingYear: number;
  /** Publisher(s) credited in the app. */
  publisher: string;
  /** Human-readable source, e.g. "CBS Kerncijfers wijken en buurten 2024 (85984NED)". */
  source: string;
  /** Column or measure name in the source file. */
  sourceVariable: string;
  licence: string;
  /** Caveats worth showing next to the value. */
  note?: string;
}

export const AreaFlag = {
  /** Geometry reconstructed with a less certain georeference. */
  georefApprox: 1,
  /** A ring self-intersected after reconstruction and was repaired. */
  selfIntersection: 2,
  /** The area has data but no geometry on the map. */
  noGeometry: 4,
} as const;

export type SectionType = 'f32' | 'u8' | 'u32' | 'i32';

export interface SectionRef {
  name: string;
  type: SectionType;
  byteOffset: number;
  length: number;
}

export interface LevelTableHeader {
  format: 'wvk-level-table';
  version: 1;
  datasetId: string;
  level: Level;
  indelingYear: number;
  /** CBS codes (strings), index = area index used in every array. */
  codes: string[];
  names: string[];
  /** Parent codes per area; empty string where not applicable. */
  gemeenteCodes: string[];
  wijkCodes: string[];
  indicators: IndicatorMeta[];
  /** How neighbours were found (stated tolerance), for the credits. */
  neighbourMethod: string;
  sections: SectionRef[];
}

/** In-memory form of one level table. */
export interface LevelTable {
  datasetId: string;
  level: Level;
  indelingYear: number;
  codes: string[];
  names: string[];
  gemeenteCodes: string[];
  wijkCodes: string[];
  /** AreaFlag bits per area. */
  flags: Uint8Array;
  /** [west, south, east, north] per area (4 × n), WGS84. NaN without geometry. */
  bbox: Float32Array;
  /** Label point (lon, lat) per area (2 × n), inside the area. */
  labelPoint: Float32Array;
  /** Compressed sparse rows: neighbours of area i are indices[offsets[i]..offsets[i+1]). */
  neighbourOffsets: Uint32Array;
  neighbourIndices: Uint32Array;
  neighbourMethod: string;
  indicators: IndicatorMeta[];
  /** Per indicator (same order): value per area, NaN where missing. */
  values: Float32Array[];
  /** Per indicator: MissingReasonCode per area (0 = present). */
  reasons: Uint8Array[];
}

export interface DatasetSource {
  publisher: string;
  title: string;
  table?: string;
  licence: string;
  url?: string;
}

export interface DatasetEntry {
  id: string;
  title: string;
  description: string;
  levels: Level[];
  /** [west, south, east, north] WGS84 */
  bbox: [number, number, number, number];
  years: number[];
  indelingYear: number;
  sources: DatasetSource[];
  /** Caveats shown in the credits, e.g. "geometrie bij benadering". */
  caveats: string[];
  minzoom: number;
  maxzoom: number;
  /** Lowest zoom at which a level's areas are in the tiles (default: minzoom). */
  levelMinzoom?: Partial<Record<Level, number>>;
  /** Paths relative to `data/` (the folder holding datasets.json). */
  files: {
    tiles: string;
    tables: Partial<Record<Level, string>>;
    /** Per level: compact area geometry for counting imported points (src/points/geometry-format.ts). */
    geometry?: Partial<Record<Level, string>>;
  };
}

export interface DatasetCatalog {
  format: 'wvk-datasets';
  version: 1;
  defaultDataset: string;
  datasets: DatasetEntry[];
}

const MAGIC = 'WVK1';

function sectionArray(type: SectionType, buffer: ArrayBuffer, byteOffset: number, length: number) {
  switch (type) {
    case 'f32': return new Float32Array(buffer, byteOffset, length);
    case 'u8': return new Uint8Array(buffer, byteOffset, length);
    case 'u32': return new Uint32Array(buffer, byteOffset, length);
    case 'i32': return new Int32Array(buffer, byteOffset, length);
  }
}

function typeOf(array: Float32Array | Uint8Array | Uint32Array | Int32Array): SectionType {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint32Array) return 'u32';
  return 'i32';
}

/** Serialise a level table. Deterministic: same table → same bytes. */
export function encodeLevelTable(table: LevelTable): Uint8Array {
  const n = table.codes.length;
  const arrays: [string, Float32Array | Uint8Array | Uint32Array | Int32Array][] = [
    ['flags', table.flags],
    ['bbox', table.bbox],
    ['labelPoint', table.labelPoint],
    ['neighbourOffsets', table.neighbourOffsets],
    ['neighbourIndices', table.neighbourIndices],
  ];
  table.indicators.forEach((indicator, i) => {
    if (table.values[i].length !== n || table.reasons[i].length !== n) {
      throw new Error(`indicator ${indicator.id}: expected ${n} values and reasons`);
    }
    arrays.push([`values:${indicator.id}`, table.values[i]]);
    arrays.push([`reasons:${indicator.id}`, table.reasons[i]]);
  });
  const sections: SectionRef[] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    sections.push({ name, type: typeOf(array), byteOffset: offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const header: LevelTableHeader = {
    format: 'wvk-level-table',
    version: 1,
    datasetId: table.datasetId,
    level: table.level,
    indelingYear: table.indelingYear,
    codes: table.codes,
    names: table.names,
    gemeenteCodes: table.gemeenteCodes,
    wijkCodes: table.wijkCodes,
    indicators: table.indicators,
    neighbourMethod: table.neighbourMethod,
    sections,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerPadded = Math.ceil((8 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(headerPadded + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (let i = 0; i < arrays.length; i++) {
    const array = arrays[i][1];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), headerPadded + sections[i].byteOffset);
  }
  return out;
}

/** Parse a level table; the typed arrays are views on `buffer` (no copy). */
export function decodeLevelTable(buffer: ArrayBuffer, source = 'tabel'): LevelTable {
  if (buffer.byteLength < 8) throw new Error(`${source}: bestand is te kort om een niveautabel te zijn`);
  const magic = new TextDecoder().decode(new Uint8Array(buffer, 0, 4));
  if (magic !== MAGIC) throw new Error(`${source}: geen niveautabel (verwacht "${MAGIC}", gevonden "${magic}")`);
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new Error(`${source}: kop is afgekapt`);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerLength))) as LevelTableHeader;
  if (header.format !== 'wvk-level-table' || header.version !== 1) {
    throw new Error(`${source}: onbekende versie ${String(header.format)} ${String(header.version)}`);
  }
  const base = Math.ceil((8 + headerLength) / 8) * 8;
  const byName = new Map<string, Float32Array | Uint8Array | Uint32Array | Int32Array>();
  for (const s of header.sections) {
    const bytes = s.length * (s.type === 'u8' ? 1 : 4);
    if (base + s.byteOffset + bytes > buffer.byteLength) throw new Error(`${source}: sectie ${s.name} valt buiten het bestand`);
    byName.set(s.name, sectionArray(s.type, buffer, base + s.byteOffset, s.length));
  }
  const need = <T>(name: string) => {
    const array = byName.get(name);
    if (!array) throw new Error(`${source}: sectie ${name} ontbreekt`);
    return array as T;
  };
  return {
    datasetId: header.datasetId,
    level: header.level,
    indelingYear: header.indelingYear,
    codes: header.codes,
    names: header.names,
    gemeenteCodes: header.gemeenteCodes,
    wijkCodes: header.wijkCodes,
    flags: need<Uint8Array>('flags'),
    bbox: need<Float32Array>('bbox'),
    labelPoint: need<Float32Array>('labelPoint'),
    neighbourOffsets: need<Uint32Array>('neighbourOffsets'),
    neighbourIndices: need<Uint32Array>('neighbourIndices'),
    neighbourMethod: header.neighbourMethod,
    indicators: header.indicators,
    values: header.indicators.map((ind) => need<Float32Array>(`values:${ind.id}`)),
    reasons: header.indicators.map((ind) => need<Uint8Array>(`reasons:${ind.id}`)),
  };
}

/** Neighbour indices of one area. */
export function neighboursOf(table: LevelTable, index: number): Uint32Array {
  return table.neighbourIndices.subarray(table.neighbourOffsets[index], table.neighbourOffsets[index + 1]);
}

export function indicatorIndex(table: LevelTable, id: string): number {
  return table.indicators.findIndex((ind) => ind.id === id);
}

export type { MissingReasonCode };
