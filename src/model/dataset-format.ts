/**
 * The served data formats, shared by the Node pipeline (writes), the scoring
 * worker and the Node scores CLI (read). Pure: no DOM, no Node APIs.
 *
 * A dataset is described in `public/data/datasets.json` (DatasetCatalog). Per
 * level it has one level table file (`.wvk`, layout at encodeLevelTable): a
 * small JSON header followed by compressed sections (deflate, quantised
 * where exact), so a buurt table of Nederland is about a quarter of its
 * decoded size whatever the server does, and the decoder checks every
 * length and cross-reference before anything is scored.
 */
import { deflateSync, inflateSync } from 'fflate';
import { MissingReason, type MissingReasonCode } from './missing.ts';

export const LEVELS = ['gemeente', 'wijk', 'buurt'] as const;
export type Level = (typeof LEVELS)[number];

export const levelLabel: Record<Level, string> = { gemeente: 'Gemeente', wijk: 'Wijk', buurt: 'Buurt' };
export const levelLabelPlural: Record<Level, string> = { gemeente: 'Gemeenten', wijk: 'Wijken', buurt: 'Buurten' };

/** `wanted` when the dataset has that level, else its first level below gemeente (a link or zoom asking for a level it lacks). */
export function levelOrFallback(wanted: Level, levels: readonly Level[]): Level {
  return levels.includes(wanted) ? wanted : (levels.find((l) => l !== 'gemeente') ?? levels[0]);
}

/** Vector-tile layer per level inside the dataset's PMTiles archive. */
export const tileLayerName: Record<Level, string> = { gemeente: 'gemeenten', wijk: 'wijken', buurt: 'buurten' };

/**
 * Feature id in the vector tiles of the area in row `index` of its level
 * table (the .wvk, codes sorted): index + 1. Unique per layer and found
 * without a lookup table, so the map sets feature-state by number instead of
 * hashing CBS codes. Not the index itself: MapLibre treats a feature id 0 as
 * no id when it attaches feature-state to queried features, and in MVT an
 * absent id reads as 0. docs/gis-export.md.
 */
export function tileFeatureId(index: number): number {
  return index + 1;
}

/** The level-table row of a tile feature id (tileFeatureId), or -1 when it is not one. */
export function areaIndexOfTileFeature(id: unknown): number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id - 1 : -1;
}

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

/** Element type of a section once decoded; `json` is UTF-8 JSON text. */
export type SectionType = 'f32' | 'u8' | 'u32' | 'json';

/**
 * How a section is stored. `deflate`: the decoded bytes, deflated (raw
 * DEFLATE, RFC 1951). `quantised`: an f32 column whose every value is an
 * exact decimal with `scale` digits, stored as int32 (NaN = QUANTISED_NAN),
 * split into 4 byte planes, then deflated; decoding gives back the very same
 * float32 values, so scores and contributions stay exact.
 */
export type SectionEncoding = 'deflate' | 'quantised';

export interface SectionRef {
  name: string;
  type: SectionType;
  encoding: SectionEncoding;
  /** Decimal digits of a quantised column (value = int / 10^scale). */
  scale?: number;
  /** Start of the stored bytes, relative to the section block; a multiple of 8. */
  byteOffset: number;
  /** Stored (compressed) byte count. */
  byteLength: number;
  /** Decoded element count (for `json`: decoded byte count). */
  length: number;
}

export interface LevelTableHeader {
  format: 'wvk-level-table';
  version: typeof LEVEL_TABLE_VERSION;
  datasetId: string;
  level: Level;
  indelingYear: number;
  areaCount: number;
  indicators: IndicatorMeta[];
  /** How neighbours were found (stated tolerance), for the credits. */
  neighbourMethod: string;
  /**
   * Targets of the `firstView` section, in its order (src/model/first-view.ts):
   * the map colours of the default scoring, computed by the pipeline. Absent
   * in tables without that section.
   */
  firstViewTargets?: string[];
  sections: SectionRef[];
}

/** The map colours of the default scoring stored in a level table (src/model/first-view.ts packs and reads them). */
export interface FirstViewColumns {
  targets: string[];
  /** One byte per (target, area), row-major by target. */
  packed: Uint8Array;
}

/** Section of a level table that holds FirstViewColumns.packed. */
export const FIRST_VIEW_SECTION = 'firstView';

/** Area names and codes, stored as the `areas` json section. */
export interface AreaNames {
  codes: string[];
  names: string[];
  gemeenteCodes: string[];
  wijkCodes: string[];
}

/** In-memory form of one level table. */
export interface LevelTable extends AreaNames {
  datasetId: string;
  level: Level;
  indelingYear: number;
  /** CBS codes (strings), index = area index used in every array. */
  codes: string[];
  /** Parent codes per area; empty string where not applicable. */
  gemeenteCodes: string[];
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
    /** Per level: compact area geometry for counting imported points (src/model/geometry-format.ts). */
    geometry?: Partial<Record<Level, string>>;
  };
}

export interface DatasetCatalog {
  format: 'wvk-datasets';
  version: 1;
  defaultDataset: string;
  datasets: DatasetEntry[];
}

export const LEVEL_TABLE_MAGIC = 'WVK2';
export const LEVEL_TABLE_VERSION = 2;
/** int32 that stands for NaN in a quantised column. */
export const QUANTISED_NAN = -0x80000000;
const MAX_SCALE = 4;
/**
 * Deflate writes at most 1032 bytes per stored byte (258-byte matches in two
 * bits), plus a little for a stream of a few bytes; a header that announces
 * more for a section is refused before any buffer is made for it. The
 * shipped tables reach 788 per byte.
 */
const MAX_INFLATE_RATIO = 1032;
const MAX_INFLATE_SLACK = 1024;
const HIGHEST_REASON = Math.max(...Object.values(MissingReason));

/**
 * What is wrong with a served data file, in Dutch, with a stable `kind` the
 * app and tests can tell apart. The message names the file and the place.
 */
export class DataFileError extends Error {
  constructor(
    readonly kind: 'magic' | 'version' | 'truncated' | 'header' | 'section' | 'inconsistent' | 'hash' | 'catalog' | 'tiles',
    message: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

type Column = Float32Array | Uint8Array | Uint32Array;
const width = (type: SectionType) => (type === 'u8' || type === 'json' ? 1 : 4);

function bytesOf(array: Column): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Smallest decimal scale at which every finite value round-trips exactly through int32, or -1. */
function quantisationScale(values: Float32Array): number {
  scales: for (let scale = 0; scale <= MAX_SCALE; scale++) {
    const f = 10 ** scale;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      if (x !== x) continue;
      const q = Math.round(x * f);
      if (!(Math.abs(q) < 0x7fffffff) || Math.fround(q / f) !== x || Object.is(x, -0)) continue scales;
    }
    return scale;
  }
  return -1;
}

/** Byte planes: all first bytes, then all second bytes, …; high bytes of small ints then deflate to almost nothing. */
function toPlanes(bytes: Uint8Array): Uint8Array {
  const n = bytes.length >> 2;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < n; i++) {
    out[i] = bytes[4 * i]; out[n + i] = bytes[4 * i + 1]; out[2 * n + i] = bytes[4 * i + 2]; out[3 * n + i] = bytes[4 * i + 3];
  }
  return out;
}

function fromPlanes(planes: Uint8Array): Uint8Array {
  const n = planes.length >> 2;
  const out = new Uint8Array(planes.length);
  for (let i = 0; i < n; i++) {
    out[4 * i] = planes[i]; out[4 * i + 1] = planes[n + i]; out[4 * i + 2] = planes[2 * n + i]; out[4 * i + 3] = planes[3 * n + i];
  }
  return out;
}

function encodeSection(name: string, data: Column | string): { ref: Omit<SectionRef, 'byteOffset'>; stored: Uint8Array } {
  if (typeof data === 'string') {
    const bytes = new TextEncoder().encode(data);
    const stored = deflateSync(bytes, { level: 9 });
    return { ref: { name, type: 'json', encoding: 'deflate', byteLength: stored.length, length: bytes.length }, stored };
  }
  const type: SectionType = data instanceof Float32Array ? 'f32' : data instanceof Uint8Array ? 'u8' : 'u32';
  if (data instanceof Float32Array) {
    const scale = quantisationScale(data);
    if (scale >= 0) {
      const f = 10 ** scale;
      const ints = new Int32Array(data.length);
      for (let i = 0; i < data.length; i++) ints[i] = data[i] !== data[i] ? QUANTISED_NAN : Math.round(data[i] * f);
      const stored = deflateSync(toPlanes(new Uint8Array(ints.buffer)), { level: 9 });
      return { ref: { name, type, encoding: 'quantised', scale, byteLength: stored.length, length: data.length }, stored };
    }
  }
  const stored = deflateSync(bytesOf(data), { level: 9 });
  return { ref: { name, type, encoding: 'deflate', byteLength: stored.length, length: data.length }, stored };
}

/**
 * Serialise a level table. Deterministic: same table → same bytes. Generic
 * over indicators: every column in `table.indicators` becomes a `values:` and
 * a `reasons:` section, whatever its series.
 *
 *   bytes 0..3   "WVK2"
 *   bytes 4..7   uint32 LE: header length H (UTF-8 JSON, LevelTableHeader)
 *   bytes 8..8+H header, then zero padding to a multiple of 8
 *   then         the section block: each section's stored bytes at its
 *                byteOffset (a multiple of 8), in header order, zero padded;
 *                the file ends at the padded end of the last section.
 */
export function encodeLevelTable(table: LevelTable, firstView?: FirstViewColumns): Uint8Array {
  const n = table.codes.length;
  const areas: AreaNames = { codes: table.codes, names: table.names, gemeenteCodes: table.gemeenteCodes, wijkCodes: table.wijkCodes };
  // The first view's sections first (FIRST_VIEW_SECTIONS): the app colours
  // the map from them while the rest of the file still downloads.
  const parts: [string, Column | string][] = [['bbox', table.bbox]];
  if (firstView) {
    if (firstView.packed.length !== firstView.targets.length * n) throw new Error(`first view: expected ${firstView.targets.length} × ${n} bytes`);
    parts.push([FIRST_VIEW_SECTION, firstView.packed]);
  }
  parts.push(
    ['areas', JSON.stringify(areas)],
    ['flags', table.flags],
    ['labelPoint', table.labelPoint],
    ['neighbourOffsets', table.neighbourOffsets],
    ['neighbourIndices', table.neighbourIndices],
  );
  table.indicators.forEach((indicator, i) => {
    if (table.values[i].length !== n || table.reasons[i].length !== n) {
      throw new Error(`indicator ${indicator.id}: expected ${n} values and reasons`);
    }
    parts.push([`values:${indicator.id}`, table.values[i]], [`reasons:${indicator.id}`, table.reasons[i]]);
  });
  const encoded = parts.map(([name, data]) => encodeSection(name, data));
  const sections: SectionRef[] = [];
  let offset = 0;
  for (const { ref } of encoded) {
    sections.push({ ...ref, byteOffset: offset });
    offset += Math.ceil(ref.byteLength / 8) * 8;
  }
  const header: LevelTableHeader = {
    format: 'wvk-level-table',
    version: LEVEL_TABLE_VERSION,
    datasetId: table.datasetId,
    level: table.level,
    indelingYear: table.indelingYear,
    areaCount: n,
    indicators: table.indicators,
    neighbourMethod: table.neighbourMethod,
    ...(firstView ? { firstViewTargets: firstView.targets } : {}),
    sections,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const base = Math.ceil((8 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(base + offset);
  out.set(new TextEncoder().encode(LEVEL_TABLE_MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  encoded.forEach(({ stored }, i) => out.set(stored, base + sections[i].byteOffset));
  return out;
}

/**
 * Read and check the header and the section layout, without decoding any
 * section. `partial`: `bytes` is the start of a file that is still coming
 * in, so sections may end past it.
 */
export function readLevelTableHeader(bytes: Uint8Array, source = 'tabel', partial = false): { header: LevelTableHeader; base: number } {
  if (bytes.length < 8) throw new DataFileError('truncated', `${source}: het bestand is te kort (${bytes.length} bytes) om een gebiedstabel te zijn`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === 'WVK1') throw new DataFileError('version', `${source}: gebiedstabel in het oude formaat (WVK1); bouw de data opnieuw met npm run data`);
  if (magic !== LEVEL_TABLE_MAGIC) throw new DataFileError('magic', `${source}: geen gebiedstabel (verwacht "${LEVEL_TABLE_MAGIC}" aan het begin, gevonden "${magic.replace(/[^\x20-\x7e]/g, '?')}")`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new DataFileError('truncated', `${source}: de kop is afgekapt (${headerLength} bytes aangekondigd, ${bytes.length - 8} aanwezig)`);
  let header: LevelTableHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength))) as LevelTableHeader;
  } catch {
    throw new DataFileError('header', `${source}: de kop van de gebiedstabel is beschadigd (geen geldige JSON)`);
  }
  if (typeof header !== 'object' || header === null || header.format !== 'wvk-level-table') throw new DataFileError('header', `${source}: de kop beschrijft geen gebiedstabel`);
  if (header.version !== LEVEL_TABLE_VERSION) throw new DataFileError('version', `${source}: onbekende versie ${String(header.version)} (deze app leest versie ${LEVEL_TABLE_VERSION})`);
  if (!Number.isInteger(header.areaCount) || header.areaCount < 0 || !Array.isArray(header.indicators) || !Array.isArray(header.sections)) {
    throw new DataFileError('header', `${source}: de kop mist het aantal gebieden, de indicatoren of de secties`);
  }
  const targets = header.firstViewTargets;
  if (targets !== undefined && (!Array.isArray(targets) || targets.some((t) => typeof t !== 'string'))) throw new DataFileError('header', `${source}: firstViewTargets in de kop is geen lijst van doelen`);
  const base = Math.ceil((8 + headerLength) / 8) * 8;
  const block = bytes.length - base;
  let end = 0;
  for (const s of header.sections) {
    const where = `${source}: sectie ${String(s?.name)}`;
    if (typeof s?.name !== 'string' || !['f32', 'u8', 'u32', 'json'].includes(s.type) || !['deflate', 'quantised'].includes(s.encoding)) throw new DataFileError('section', `${where} heeft een onbekend type of onbekende codering`);
    if (!Number.isInteger(s.byteOffset) || !Number.isInteger(s.byteLength) || !Number.isInteger(s.length) || s.byteLength < 0 || s.length < 0) throw new DataFileError('section', `${where}: positie of lengte is geen geheel getal`);
    if (s.byteOffset % 8 !== 0) throw new DataFileError('section', `${where} begint op byte ${s.byteOffset}, geen veelvoud van 8 (verschoven sectie)`);
    if (s.byteOffset < end) throw new DataFileError('section', `${where} overlapt de vorige sectie (begint op ${s.byteOffset}, vorige eindigt op ${end})`);
    if (!partial && s.byteOffset + s.byteLength > block) throw new DataFileError('truncated', `${where} valt buiten het bestand (eindigt op ${base + s.byteOffset + s.byteLength}, bestand is ${bytes.length} bytes): afgekapt?`);
    if (s.encoding === 'quantised' && (s.type !== 'f32' || !Number.isInteger(s.scale) || s.scale! < 0 || s.scale! > MAX_SCALE)) throw new DataFileError('section', `${where}: ongeldige kwantisering`);
    if (inflatedSize(s) > s.byteLength * MAX_INFLATE_RATIO + MAX_INFLATE_SLACK) throw new DataFileError('section', `${where} belooft ${inflatedSize(s)} bytes uit ${s.byteLength} opgeslagen bytes, meer dan deflate kan uitpakken`);
    end = s.byteOffset + Math.ceil(s.byteLength / 8) * 8;
  }
  if (!partial && end !== block) throw new DataFileError(end < block ? 'section' : 'truncated', `${source}: het bestand is ${bytes.length} bytes, de secties beschrijven ${base + end} bytes`);
  return { header, base };
}

/** Bytes a section inflates to: its elements at their stored width (a quantised column is 4-byte integers). */
export function inflatedSize(s: SectionRef): number {
  return s.length * (s.encoding === 'quantised' ? 4 : width(s.type));
}

/** A section's deflated bytes within the file. */
export function storedSection(bytes: Uint8Array, base: number, s: SectionRef): Uint8Array {
  return bytes.subarray(base + s.byteOffset, base + s.byteOffset + s.byteLength);
}

/** Sections already inflated by the caller (src/data/inflate-sections.ts), by name. */
export type InflatedSections = ReadonlyMap<string, Uint8Array>;

/** Why a section is refused whose stream inflates past its announced size (both inflaters say the same). */
export const tooLong = (expected: number) => `meer dan ${expected} bytes`;

/** The error for a section whose deflate stream is damaged (or inflates past its announced size). */
export function damagedSection(source: string, name: string, error: unknown): DataFileError {
  return new DataFileError('section', `${source}: sectie ${name} is beschadigd (${(error as Error).message})`);
}

function decodeSection(bytes: Uint8Array, base: number, s: SectionRef, source: string, inflated?: InflatedSections): Column | string {
  const expected = inflatedSize(s);
  let raw: Uint8Array;
  const ready = inflated?.get(s.name);
  if (ready) raw = ready;
  else {
    try {
      // One byte more than announced: fflate stops silently at the end of
      // the buffer it is given, so a stream that is too long fills it.
      raw = inflateSync(storedSection(bytes, base, s), { out: new Uint8Array(expected + 1) });
    } catch (error) {
      throw damagedSection(source, s.name, error);
    }
    if (raw.length > expected) throw damagedSection(source, s.name, new Error(tooLong(expected)));
  }
  if (raw.length !== expected) throw new DataFileError('section', `${source}: sectie ${s.name} geeft ${raw.length} bytes, verwacht ${expected}`);
  if (s.type === 'json') return new TextDecoder().decode(raw);
  if (s.encoding === 'quantised') {
    const ints = new Int32Array(fromPlanes(raw).buffer);
    const f = 10 ** s.scale!;
    const out = new Float32Array(s.length);
    for (let i = 0; i < out.length; i++) out[i] = ints[i] === QUANTISED_NAN ? NaN : ints[i] / f;
    return out;
  }
  if (s.type === 'u8') return raw;
  return s.type === 'f32' ? new Float32Array(raw.buffer, raw.byteOffset, s.length) : new Uint32Array(raw.buffer, raw.byteOffset, s.length);
}

/**
 * Decode and verify a level table. Throws a DataFileError (Dutch, names the
 * file and the section) for any damage the layout or the content reveals:
 * wrong magic or version, a section outside the file, misaligned or
 * overlapping sections, a damaged compressed stream, lengths that disagree
 * with the area count, neighbours out of range, a value without a reason to
 * be missing or a missing value without a reason. A bit flip that none of
 * these catch is caught by the content hash in the file name (src/data/verify.ts).
 */
export function decodeLevelTable(input: ArrayBuffer | Uint8Array, source = 'tabel', inflated?: InflatedSections): LevelTable {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const { header, base } = readLevelTableHeader(bytes, source);
  const n = header.areaCount;
  const need = sectionReader(bytes, header, base, source, inflated);
  let areas: AreaNames;
  try {
    areas = JSON.parse(need<string>('areas', 'json')) as AreaNames;
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError('section', `${source}: sectie areas is geen geldige JSON`);
  }
  for (const key of ['codes', 'names', 'gemeenteCodes', 'wijkCodes'] as const) {
    const list = areas?.[key];
    if (!Array.isArray(list) || list.length !== n || list.some((x) => typeof x !== 'string')) {
      throw new DataFileError('inconsistent', `${source}: ${key} heeft niet precies ${n} teksten`);
    }
  }
  if (new Set(areas.codes).size !== n) throw new DataFileError('inconsistent', `${source}: een gebiedscode komt dubbel voor`);
  const neighbourOffsets = need<Uint32Array>('neighbourOffsets', 'u32', n + 1);
  const neighbourIndices = need<Uint32Array>('neighbourIndices', 'u32');
  if (neighbourOffsets[0] !== 0 || neighbourOffsets[n] !== neighbourIndices.length) throw new DataFileError('inconsistent', `${source}: de burenlijst klopt niet met haar lengte`);
  for (let i = 0; i < n; i++) if (neighbourOffsets[i + 1] < neighbourOffsets[i]) throw new DataFileError('inconsistent', `${source}: burenlijst van gebied ${areas.codes[i]} loopt terug`);
  for (const j of neighbourIndices) if (j >= n) throw new DataFileError('inconsistent', `${source}: buur ${j} bestaat niet (${n} gebieden)`);
  const ids = new Set<string>();
  const values: Float32Array[] = [];
  const reasons: Uint8Array[] = [];
  for (const ind of header.indicators) {
    if (typeof ind?.id !== 'string' || ids.has(ind.id)) throw new DataFileError('inconsistent', `${source}: indicator ${String(ind?.id)} ontbreekt of komt dubbel voor`);
    ids.add(ind.id);
    const v = need<Float32Array>(`values:${ind.id}`, 'f32', n);
    const r = need<Uint8Array>(`reasons:${ind.id}`, 'u8', n);
    for (let i = 0; i < n; i++) {
      const missing = v[i] !== v[i];
      if (r[i] > HIGHEST_REASON || missing !== (r[i] !== 0)) {
        throw new DataFileError('inconsistent', `${source}: indicator ${ind.id}, gebied ${areas.codes[i]}: waarde ${missing ? 'ontbreekt' : v[i]} past niet bij reden ${r[i]}`);
      }
    }
    values.push(v);
    reasons.push(r);
  }
  return {
    datasetId: header.datasetId,
    level: header.level,
    indelingYear: header.indelingYear,
    ...areas,
    flags: need<Uint8Array>('flags', 'u8', n),
    bbox: need<Float32Array>('bbox', 'f32', 4 * n),
    labelPoint: need<Float32Array>('labelPoint', 'f32', 2 * n),
    neighbourOffsets,
    neighbourIndices,
    neighbourMethod: header.neighbourMethod,
    indicators: header.indicators,
    values,
    reasons,
  };
}

/** Decodes the named section of a level table after checking its type and, when given, its element count. */
function sectionReader(bytes: Uint8Array, header: LevelTableHeader, base: number, source: string, inflated?: InflatedSections) {
  const byName = new Map<string, SectionRef>();
  for (const s of header.sections) byName.set(s.name, s);
  return <T extends Column | string>(name: string, type: SectionType, length?: number): T => {
    const s = byName.get(name);
    if (!s) throw new DataFileError('section', `${source}: sectie ${name} ontbreekt`);
    if (s.type !== type) throw new DataFileError('section', `${source}: sectie ${name} heeft type ${s.type}, verwacht ${type}`);
    if (length !== undefined && s.length !== length) throw new DataFileError('inconsistent', `${source}: sectie ${name} heeft ${s.length} elementen, verwacht ${length} (${header.areaCount} gebieden)`);
    return decodeSection(bytes, base, s, source, inflated) as T;
  };
}

/** Sections decodeFirstView reads: the caller may inflate just these. */
export const FIRST_VIEW_SECTIONS: ReadonlySet<string> = new Set([FIRST_VIEW_SECTION, 'bbox']);

/**
 * Where the first view of a table that is still coming in ends: the byte
 * count after which `prefix` holds its header and FIRST_VIEW_SECTIONS;
 * undefined while the header is not in yet, null for a table without a first
 * view. Throws DataFileError on a damaged header.
 */
export function firstViewEnd(prefix: Uint8Array, source = 'tabel'): number | null | undefined {
  if (prefix.length < 8 || 8 + new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength).getUint32(4, true) > prefix.length) return undefined;
  const { header, base } = readLevelTableHeader(prefix, source, true);
  const sections = header.sections.filter((s) => FIRST_VIEW_SECTIONS.has(s.name));
  if (!header.firstViewTargets || sections.length !== FIRST_VIEW_SECTIONS.size) return null;
  return Math.max(...sections.map((s) => base + s.byteOffset + s.byteLength));
}

/**
 * The first-view colours of a level table and the areas' boxes (the map
 * sends the areas in or near the view), without decoding the rest; null when the
 * table has none. The caller has checked the content hash, or reads the
 * start of the file (`partial`, up to firstViewEnd) and checks the hash
 * once the whole file is in.
 */
export function decodeFirstView(bytes: Uint8Array, source = 'tabel', inflated?: InflatedSections, partial = false): (FirstViewColumns & { level: Level; bbox: Float32Array }) | null {
  const { header, base } = readLevelTableHeader(bytes, source, partial);
  const targets = header.firstViewTargets;
  if (!targets) return null;
  const n = header.areaCount;
  const need = sectionReader(bytes, header, base, source, inflated);
  return { level: header.level, targets, packed: need<Uint8Array>(FIRST_VIEW_SECTION, 'u8', targets.length * n), bbox: need<Float32Array>('bbox', 'f32', 4 * n) };
}

/** Neighbour indices of one area. */
export function neighboursOf(table: LevelTable, index: number): Uint32Array {
  return table.neighbourIndices.subarray(table.neighbourOffsets[index], table.neighbourOffsets[index + 1]);
}

export function indicatorIndex(table: LevelTable, id: string): number {
  return table.indicators.findIndex((ind) => ind.id === id);
}

export type { MissingReasonCode };
