/**
 * Reader for the CBS wijk- en buurtkaart GeoPackage (PDOK "wijkenbuurten",
 * 2021 onwards): long snake_case column names, geometry in RD New
 * (EPSG:28992). Reads with sql.js (SQLite in wasm, no native build), decodes
 * the geometry blobs itself (wkb.ts) and reprojects to WGS84 (rd.ts).
 *
 * Layers are recognised by their columns: `buurtcode` → buurten, `wijkcode`
 * without `buurtcode` → wijken, only `gemeentecode` → gemeenten. With
 * `gemeenten` set, only those rows are read (SQL `WHERE gemeentecode IN …`),
 * so decoding and reprojection stay small even for the national file; sql.js
 * still holds the whole file in memory (a national file of ~400 MB needs
 * about 1 GB of RAM).
 */
import type { Level } from '../../src/model/dataset-format.ts';
import { parseCbsNumber } from '../../src/model/missing.ts';
import type { AreaFeature } from '../pipeline/types.ts';
import { gemeenteFilter, levelOfCode, normaliseCode } from './codes.ts';
import { cellError, fileError } from './errors.ts';
import { geometryRdToWgs84, looksLikeWgs84InNl, round7, transformGeometry } from './rd.ts';
import { ColumnCollector, mapArea, type MapReaderOptions, type ReaderResult } from './result.ts';
import { findSeries, isHerkomstColumn, KERNCIJFERS_SERIES, makeMeta, type SeriesDef } from './series.ts';
import { loadSqlJs } from './sqljs.ts';
import { decodeGpkgGeometry } from './wkb.ts';
import type { Database, SqlValue } from 'sql.js';

export interface GeoPackageOptions extends MapReaderOptions {
  /** Only read these layers (table names); all feature layers when absent. */
  layers?: readonly string[];
}

const LEVEL_COLUMNS: Record<Level, { code: string; name: string }> = {
  buurt: { code: 'buurtcode', name: 'buurtnaam' },
  wijk: { code: 'wijkcode', name: 'wijknaam' },
  gemeente: { code: 'gemeentecode', name: 'gemeentenaam' },
};

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function query(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql, params);
  const rows: Record<string, SqlValue>[] = [];
  const names = stmt.getColumnNames();
  while (stmt.step()) {
    const values = stmt.get();
    const row: Record<string, SqlValue> = {};
    names.forEach((n, i) => { row[n] = values[i]; });
    rows.push(row);
  }
  stmt.free();
  return rows;
}

function queryArrays(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const stmt = db.prepare(sql, params);
  const rows: SqlValue[][] = [];
  while (stmt.step()) rows.push(stmt.get());
  stmt.free();
  return rows;
}

function levelOfLayer(columns: string[]): Level | null {
  if (columns.includes('buurtcode')) return 'buurt';
  if (columns.includes('wijkcode')) return 'wijk';
  if (columns.includes('gemeentecode')) return 'gemeente';
  return null;
}

export async function readGeoPackage(bytes: Uint8Array, options: GeoPackageOptions = {}): Promise<ReaderResult> {
  const file = options.file ?? 'wijkenbuurten.gpkg';
  const SQL = await loadSqlJs();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    throw fileError(file, `geen leesbare GeoPackage (SQLite): ${(error as Error).message}`);
  }
  try {
    return readOpenGeoPackage(db, file, options);
  } finally {
    db.close();
  }
}

function readOpenGeoPackage(db: Database, file: string, options: GeoPackageOptions): ReaderResult {
  const tables = new Set(query(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view')").map((r) => String(r.name)));
  for (const required of ['gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys']) {
    if (!tables.has(required)) throw fileError(file, `tabel ${required} ontbreekt: verwacht een GeoPackage (OGC) met ${required}`);
  }
  const srsById = new Map<number, { organization: string; orgId: number }>();
  for (const r of query(db, 'SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys')) {
    srsById.set(Number(r.srs_id), { organization: String(r.organization ?? ''), orgId: Number(r.organization_coordsys_id) });
  }
  const geometryColumns = new Map<string, { column: string; srsId: number }>();
  for (const r of query(db, 'SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns')) {
    geometryColumns.set(String(r.table_name), { column: String(r.column_name), srsId: Number(r.srs_id) });
  }
  let layers = query(db, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").map((r) => String(r.table_name));
  if (options.layers) {
    for (const wanted of options.layers) if (!layers.includes(wanted)) throw fileError(file, `laag "${wanted}" ontbreekt (gevonden: ${layers.join(', ') || 'geen'})`);
    layers = layers.filter((l) => options.layers!.includes(l));
  }
  const filter = gemeenteFilter(options.gemeenten);
  const areas: AreaFeature[] = [];
  const collector = new ColumnCollector();
  const notes: string[] = [];
  const parentNames = new Map<string, string>();

  for (const layer of layers) {
    const geom = geometryColumns.get(layer);
    if (!geom) throw fileError(file, `laag "${layer}" staat niet in gpkg_geometry_columns: verwacht een geometriekolom`);
    const columns = query(db, `PRAGMA table_info(${quoteIdent(layer)})`).map((r) => String(r.name));
    const lower = columns.map((c) => c.toLowerCase());
    const level = levelOfLayer(lower);
    if (!level) { notes.push(`${file}: laag "${layer}" overgeslagen (geen kolom buurtcode, wijkcode of gemeentecode)`); continue; }
    const colOf = (name: string) => columns[lower.indexOf(name)];
    for (const required of [LEVEL_COLUMNS[level].code, LEVEL_COLUMNS[level].name, 'gemeentecode']) {
      if (!lower.includes(required)) throw fileError(file, `laag "${layer}": kolom "${required}" ontbreekt (gevonden: ${columns.slice(0, 10).join(', ')}, …)`);
    }
    const mapped: { column: string; def: SeriesDef }[] = [];
    let herkomst = 0;
    for (const c of columns) {
      if (isHerkomstColumn(c)) { herkomst++; continue; }
      const def = findSeries(KERNCIJFERS_SERIES, 'gpkg', c);
      if (def && !mapped.some((m) => m.def.series === def.series)) mapped.push({ column: c, def });
    }
    if (herkomst) notes.push(`${file}: laag "${layer}": ${herkomst} herkomst-/migratiekolommen bewust niet ingelezen`);

    const hasFid = lower.includes('fid');
    const select = [hasFid ? colOf('fid') : 'rowid', colOf(LEVEL_COLUMNS[level].code), colOf(LEVEL_COLUMNS[level].name), colOf('gemeentecode'),
      lower.includes('wijkcode') ? colOf('wijkcode') : null, lower.includes('jaarstatcode') ? colOf('jaarstatcode') : null,
      lower.includes('jaar') ? colOf('jaar') : null, geom.column,
      level !== 'gemeente' && lower.includes('gemeentenaam') ? colOf('gemeentenaam') : null,
      level === 'buurt' && lower.includes('wijknaam') ? colOf('wijknaam') : null, ...mapped.map((m) => m.column)];
    const sqlColumns = select.map((c) => (c === null ? 'NULL' : c === 'rowid' ? 'rowid' : quoteIdent(c))).join(', ');
    const params: string[] = filter ? [...filter] : [];
    const where = filter ? ` WHERE upper(trim(${quoteIdent(colOf('gemeentecode'))})) IN (${params.map(() => '?').join(', ')})` : '';
    const rows = queryArrays(db, `SELECT ${sqlColumns} FROM ${quoteIdent(layer)}${where} ORDER BY 2`, params);

    let layerCount = 0;
    for (const row of rows) {
      const [fid, rawCode, rawName, rawGemeente, rawWijk, jaarstatcode, jaar, blob, gemeenteNaam, wijkNaam] = row;
      const values = row.slice(10);
      const where = `laag "${layer}", object fid ${String(fid)}`;
      if (typeof rawCode !== 'string' || levelOfCode(normaliseCode(rawCode)) !== level) {
        throw cellError(file, where, LEVEL_COLUMNS[level].code, `een ${level}code zoals ${level === 'buurt' ? 'BU00140000' : level === 'wijk' ? 'WK001400' : 'GM0014'}`, rawCode);
      }
      const code = normaliseCode(rawCode);
      const gemeenteCode = normaliseCode(String(rawGemeente ?? ''));
      if (levelOfCode(gemeenteCode) !== 'gemeente') throw cellError(file, `${where} (${code})`, 'gemeentecode', 'een gemeentecode zoals GM0014', rawGemeente);
      const year = yearOf(jaarstatcode, jaar) ?? options.year ?? yearFromName(file);
      if (year === null) throw cellError(file, `${where} (${code})`, 'jaarstatcode', 'een jaartal (of geef het jaar op met --jaar)', jaarstatcode);
      const indelingYear = options.indelingYear ?? year;

      let geometry: AreaFeature['geometry'] = null;
      if (blob !== null) {
        if (!(blob instanceof Uint8Array)) throw cellError(file, `${where} (${code})`, geom.column, 'een GeoPackage-geometrie (blob)', blob);
        let decoded;
        try { decoded = decodeGpkgGeometry(blob); } catch (error) {
          throw cellError(file, `${where} (${code})`, geom.column, `een geldige Polygon/MultiPolygon: ${(error as Error).message}`);
        }
        const srsId = decoded.srsId || geom.srsId;
        const srs = srsById.get(srsId);
        if (decoded.geometry) {
          if (srs?.orgId === 28992) geometry = geometryRdToWgs84(decoded.geometry);
          else if (srs?.orgId === 4326) geometry = transformGeometry(decoded.geometry, (p) => [round7(p[0]), round7(p[1])]);
          else throw cellError(file, `${where} (${code})`, geom.column, `coördinaten in EPSG:28992 (RD New) of EPSG:4326, gevonden srs_id ${srsId}${srs ? ` (${srs.organization}:${srs.orgId})` : ''}`);
          if (!looksLikeWgs84InNl(geometry)) throw cellError(file, `${where} (${code})`, geom.column, 'coördinaten binnen Nederland na omrekening naar WGS84');
        }
      }
      areas.push(mapArea(code, rawName, level, gemeenteCode, rawWijk, geometry));
      layerCount++;
      if (typeof gemeenteNaam === 'string' && gemeenteNaam.trim()) parentNames.set(gemeenteCode, gemeenteNaam.trim());
      const wijkCode = areas[areas.length - 1].wijkCode;
      if (typeof wijkNaam === 'string' && wijkNaam.trim() && wijkCode) parentNames.set(wijkCode, wijkNaam.trim());

      mapped.forEach(({ column, def }, i) => {
        const raw = values[i];
        if (raw instanceof Uint8Array) throw cellError(file, `${where} (${code})`, column, 'een getal', '(blob)');
        const cell = parseCbsNumber(raw as string | number | null);
        if (cell === null) throw cellError(file, `${where} (${code})`, column, 'een getal', raw);
        const meta = makeMeta(def.series, column, {
          year, indelingYear, publisher: 'CBS',
          source: options.source ?? `CBS Wijk- en buurtkaart ${year} (GeoPackage)`,
        });
        collector.set(level, meta, code, cell, `${file}, ${where}`);
      });
    }
    notes.push(`${file}: laag "${layer}": ${layerCount} ${level === 'buurt' ? 'buurten' : level === 'wijk' ? 'wijken' : 'gemeenten'}${filter ? ` in ${[...filter].join(', ')}` : ''}; ${mapped.length} kolommen gekoppeld aan indicatoren`);
  }
  return { file, format: 'geopackage', areas, columns: collector.result(), notes, parentNames };
}

function yearOf(jaarstatcode: SqlValue, jaar: SqlValue): number | null {
  if (typeof jaarstatcode === 'string') {
    const m = /^(\d{4})/.exec(jaarstatcode.trim());
    if (m) return Number(m[1]);
  }
  if (typeof jaar === 'number' && jaar > 1990 && jaar < 2100) return jaar;
  if (typeof jaar === 'string' && /^\d{4}$/.test(jaar.trim())) return Number(jaar.trim());
  return null;
}

export function yearFromName(file: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(file.split(/[\\/]/).pop() ?? file);
  return m ? Number(m[1]) : null;
}
