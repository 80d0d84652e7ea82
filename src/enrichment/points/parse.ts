/**
 * Reading point files: CSV with x/y or lat/lon columns, and GeoJSON points.
 * Two steps, so the user can confirm what was detected before anything is
 * counted: `inspectPointFile` guesses the format, columns and coordinate
 * system; `readPoints` converts every row or refuses the whole file with
 * messages that name the row and column (nothing is applied then).
 */
import { guessCrs, type Crs } from './projection.ts';
import { inNetherlands, rdToWgs84 } from '../../model/rd-new.ts';
import { parseJsonText } from '../../model/formats/json-text.ts';
import { ImportFileError, readCsvText, skippedLineText, yearFrom } from '../read-text.ts';
import { PointImportError, type SkippedRows } from './point-errors.ts';
import { tooLargeMessage } from '../contract.ts';
import { POINT_LIMITS, POINTS } from './kind.ts';

export interface CsvTable {
  separator: ';' | ',' | '\t';
  header: string[];
  /** Data rows; `lines[i]` is the file line number of `rows[i]` (header = line 1). */
  rows: string[][];
  lines: number[];
  /** Title lines and the source footer that were left out, in Dutch with their line. */
  skipped: string[];
  /** Rows with a wrong number of cells, left out (the caller reports them as skipped rows). */
  ragged: { line: number; cells: number }[];
}

export interface PointFileInfo {
  kind: 'csv' | 'geojson';
  fileName: string;
  /** CSV columns (empty for GeoJSON). */
  columns: string[];
  separator?: CsvTable['separator'];
  /** Detected coordinate columns (CSV). */
  xColumn: string | null;
  yColumn: string | null;
  crs: Crs | null;
  /** Why the guess was made, in Dutch, for the confirmation step. */
  detection: string;
  rowCount: number;
  /** First rows for the preview (CSV cells, or GeoJSON coordinates as text). */
  sample: string[][];
  /** Lines that are not data (title, source footer), with their line number, in Dutch. */
  notes: string[];
  /** The year the file is about: from its name, else the most frequent year in its dates; null when neither says. */
  year: number | null;
}

export interface PointChoice {
  xColumn: string | null;
  yColumn: string | null;
  crs: Crs;
}

export interface PointSet {
  /** WGS84, interleaved lon, lat. */
  positions: Float64Array;
  count: number;
  crs: Crs;
  /** Rows (CSV) or objects (GeoJSON) left out because they had no usable point. */
  skipped: SkippedRows;
}

const MAX_PROBLEMS = 10;
/** Line numbers listed in the "overgeslagen" report; the count says how many more. */
const MAX_LISTED = 200;

/** Refuses a file past the size limit, before it is read (the dialog checked it already, src/enrichment/contract.ts). */
export function checkPointFileSize(fileName: string, bytes: number): void {
  const tooLarge = tooLargeMessage(POINTS, fileName, bytes);
  if (tooLarge) throw new PointImportError([tooLarge]);
}

function checkPointCount(fileName: string, count: number, noun: string): void {
  if (count > POINT_LIMITS.maxRows) {
    throw new PointImportError([`${fileName}: ${count.toLocaleString('nl-NL')} ${noun}; maximaal ${POINT_LIMITS.maxRows.toLocaleString('nl-NL')}. Splits het bestand.`]);
  }
}

/**
 * A point CSV as a table, through the area import's reader: separator, BOM,
 * quoting, title lines and footer; rows with a wrong number of cells are
 * skipped and reported instead of refusing the file. Dutch errors.
 */
export function parseCsv(text: string, fileName = 'bestand'): CsvTable {
  let t;
  try {
    t = readCsvText(text, fileName, { maxRows: Infinity, raggedRows: 'skip' });
  } catch (error) {
    if (error instanceof ImportFileError) throw new PointImportError([error.message]);
    throw error;
  }
  const skipped = t.skippedLines ?? [];
  return {
    separator: t.separator ?? ';', header: t.columns, rows: t.rows, lines: t.lineNumbers,
    skipped: skipped.filter((l) => l.kind !== 'kolommen').map(skippedLineText),
    ragged: skipped.filter((l) => l.kind === 'kolommen').map((l) => ({ line: l.line, cells: l.cells ?? 0 })),
  };
}

/** "155.000" or "155.000,5": digits grouped by a thousands point. */
const THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;

/**
 * Dutch or English number: "155000", "155000,5", "5.387", "-1,5e3"; null if
 * not a number. With `decimalComma` (the file writes "155000,5") a point
 * between groups of three digits is a thousands point: "155.000" is 155000.
 */
export function parseCoordinate(raw: string | undefined, decimalComma = false): number | null {
  if (raw === undefined) return null;
  let v = raw.trim().replace(/\s/g, '');
  if (decimalComma && THOUSANDS.test(v)) v = v.replace(/\./g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(v)) return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

const norm = (h: string) => h.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'lengtegraad', 'lonwgs84', 'wgs84lon', 'lengte'];
const LAT_NAMES = ['lat', 'latitude', 'breedtegraad', 'latwgs84', 'wgs84lat', 'breedte'];
const X_NAMES = ['x', 'xcoord', 'xcoordinaat', 'coordx', 'xrd', 'rdx', 'rdxcoordinaat', 'xcoordinate', 'locatiex', 'x28992', 'easting'];
const Y_NAMES = ['y', 'ycoord', 'ycoordinaat', 'coordy', 'yrd', 'rdy', 'rdycoordinaat', 'ycoordinate', 'locatiey', 'y28992', 'northing'];

function findColumn(header: string[], names: string[]): string | null {
  const n = header.map(norm);
  for (const name of names) {
    const i = n.indexOf(name);
    if (i >= 0) return header[i];
  }
  return null;
}

/**
 * Whether the coordinate columns write decimals with a comma ("155000,5"):
 * only then is "155.000" read as thousands; "53.219" in a file with decimal
 * points is degrees.
 */
function decimalCommaIn(table: CsvTable, columns: number[]): boolean {
  return table.rows.some((row) => columns.some((c) => /^[+-]?\d+(\.\d{3})*,\d+$/.test((row[c] ?? '').trim())));
}

function samplePairs(table: CsvTable, xColumn: string, yColumn: string): [number, number][] {
  const xi = table.header.indexOf(xColumn), yi = table.header.indexOf(yColumn);
  const comma = decimalCommaIn(table, [xi, yi]);
  const out: [number, number][] = [];
  for (const row of table.rows.slice(0, 200)) {
    const x = parseCoordinate(row[xi], comma), y = parseCoordinate(row[yi], comma);
    if (x !== null && y !== null) out.push([x, y]);
  }
  return out;
}

function looksLikeGeoJson(text: string): boolean {
  return /^\s*\{/.test(text.replace(/^\uFEFF/, ''));
}

/**
 * `at`: the line (CSV) or object number (GeoJSON) for the skip report;
 * `cells`: the CSV text, kept where a thousands point was read as a decimal point.
 */
interface RawPoint { x: number; y: number; where: string; at: number; cells?: [string, string] }

/** GeoJSON points (Point and MultiPoint features, or bare geometries). */
function geoJsonPoints(text: string, fileName: string): { points: RawPoint[]; problems: { at: number; message: string }[]; objects: number; declaredCrs: Crs | null; latLon: boolean } {
  const json = parseJsonText(text);
  if (!json.ok) throw new PointImportError([`${fileName}: geen geldige GeoJSON: ${json.problem}.`]);
  const data = json.value;
  const obj = data as { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  const features: unknown[] = obj?.type === 'FeatureCollection' && Array.isArray(obj.features) ? obj.features : obj?.type === 'Feature' ? [obj] : [];
  if (!features.length) throw new PointImportError([`${fileName}: geen GeoJSON FeatureCollection met punten gevonden.`]);
  const crsName = String(obj.crs?.properties?.name ?? '');
  const declaredCrs: Crs | null = /28992/.test(crsName) ? 'rd' : /4326|CRS84/i.test(crsName) ? 'wgs84' : null;
  const points: RawPoint[] = [];
  const problems: { at: number; message: string }[] = [];
  features.forEach((f, k) => {
    const at = k + 1;
    const where = `object ${at}`;
    const g = (f as { geometry?: { type?: string; coordinates?: unknown } } | null)?.geometry;
    const coords = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!coords) {
      problems.push({ at, message: `${where}: geometrie is ${g?.type ? `een ${g.type}` : 'leeg'}, verwacht een punt (Point).` });
      return;
    }
    for (const c of coords) {
      const [x, y] = Array.isArray(c) ? c : [];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        problems.push({ at, message: `${where}, kolom coordinates: "${JSON.stringify(c)}" is geen coördinaatpaar.` });
        continue;
      }
      points.push({ x, y, where, at });
    }
  });
  // GeoJSON is longitude first, but EPSG:4326 itself is latitude first and
  // some tools write that; degrees in the Netherlands only fit one way round.
  const sample = points.slice(0, 200);
  const swappedFits = sample.filter((p) => inNetherlands(p.y, p.x)).length;
  const latLon = swappedFits * 2 >= sample.length && swappedFits > sample.filter((p) => inNetherlands(p.x, p.y)).length;
  if (latLon) for (const p of points) [p.x, p.y] = [p.y, p.x];
  return { points, problems, objects: features.length, declaredCrs, latLon };
}

/** A date in a cell: 2024-03-05, 2024/03/05 or 05-03-2024 (a time may follow). */
const DATE_YEAR = /^\s*(?:((?:19|20)\d{2})[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]((?:19|20)\d{2}))(?:[ T]|$)/;

/**
 * The year a point file is about, so the dialog does not default to today:
 * a year in the file name ("meldingen-2024.csv"), else the most frequent
 * year among the dates in its first 2.000 rows (a MORA export's melddatum).
 */
export function yearOfFile(fileName: string, rows: string[][]): number | null {
  const named = yearFrom(fileName);
  if (named) return named;
  const counts = new Map<number, number>();
  for (const row of rows.slice(0, 2000)) for (const cell of row) {
    const m = DATE_YEAR.exec(cell);
    if (m) {
      const y = Number(m[1] ?? m[2]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

export function inspectPointFile(text: string, fileName: string): PointFileInfo {
  checkPointFileSize(fileName, text.length);
  if (looksLikeGeoJson(text)) {
    const { points, problems, declaredCrs, latLon } = geoJsonPoints(text, fileName);
    checkPointCount(fileName, points.length, 'punten');
    const crs = declaredCrs ?? guessCrs(points.slice(0, 200).map((p) => [p.x, p.y]));
    const detection = (declaredCrs
      ? `GeoJSON met ${points.length} punten; coördinaatsysteem volgens het bestand: ${crs === 'rd' ? 'RD New' : 'WGS84'}.`
      : `GeoJSON met ${points.length} punten; coördinaatsysteem afgeleid uit de waarden: ${crs === 'rd' ? 'RD New (meters)' : 'WGS84 (graden)'}.`) +
      (latLon ? ' Het bestand zet de breedtegraad vóór de lengtegraad; de punten zijn zo gelezen.' : '');
    return {
      kind: 'geojson', fileName, columns: [], xColumn: null, yColumn: null, crs,
      detection: problems.length ? `${detection} Let op: ${problems.length} objecten zonder bruikbaar punt.` : detection,
      rowCount: points.length,
      sample: points.slice(0, 5).map((p) => [p.where, String(p.x), String(p.y)]),
      notes: [],
      year: yearOfFile(fileName, []),
    };
  }
  const table = parseCsv(text, fileName);
  checkPointCount(fileName, table.rows.length, 'regels');
  if (table.header.length < 2) throw new PointImportError([`${fileName}: geen tabel met kolommen gevonden (verwacht een kopregel met bijvoorbeeld x en y, of lat en lon).`]);
  let xColumn = findColumn(table.header, LON_NAMES);
  let yColumn = findColumn(table.header, LAT_NAMES);
  let crs: Crs | null = null;
  let detection: string;
  if (xColumn && yColumn) {
    crs = 'wgs84';
    detection = `Kolommen "${yColumn}" (breedtegraad) en "${xColumn}" (lengtegraad) herkend als WGS84.`;
  } else {
    xColumn = findColumn(table.header, X_NAMES);
    yColumn = findColumn(table.header, Y_NAMES);
    if (xColumn && yColumn) {
      crs = guessCrs(samplePairs(table, xColumn, yColumn));
      detection = `Kolommen "${xColumn}" en "${yColumn}" herkend; de waarden lijken ${crs === 'rd' ? 'RD New (meters)' : 'WGS84 (graden)'}.`;
    } else {
      xColumn = null; yColumn = null;
      detection = 'Geen coördinaatkolommen herkend: kies hieronder zelf de kolommen en het coördinaatsysteem.';
    }
  }
  return {
    kind: 'csv', fileName, columns: table.header, separator: table.separator, xColumn, yColumn, crs, detection,
    rowCount: table.rows.length, sample: table.rows.slice(0, 5), notes: table.skipped,
    year: yearOfFile(fileName, table.rows),
  };
}

/** Collects unusable rows: every line number (up to MAX_LISTED) and the first MAX_PROBLEMS reasons. */
class SkipList {
  readonly where: number[] = [];
  readonly problems: string[] = [];
  total = 0;
  private last = -1;
  constructor(readonly unit: SkippedRows['unit']) {}
  add(at: number, problem: string) {
    // Two bad cells on one row are two reasons but one skipped row.
    if (at !== this.last) {
      this.total++;
      if (this.where.length < MAX_LISTED) this.where.push(at);
      this.last = at;
    }
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }
}

/** Why a point lies outside the Netherlands, as far as the file shows it. */
function outsideMessage(p: RawPoint, crs: Crs, columns: [string, string], kind: PointFileInfo['kind']): string {
  const where = `${p.where}, kolommen ${columns[0]}/${columns[1]}`;
  if (p.cells?.some((c) => THOUSANDS.test(c.trim()))) {
    return `${where}: "${p.cells[0].trim()}" en "${p.cells[1].trim()}" zijn gelezen als ${p.x} en ${p.y}, buiten Nederland: staat de punt voor duizendtallen? ` +
      'Sla de coördinaten dan op zonder scheidingsteken voor duizendtallen (155000), of met een komma als decimaalteken.';
  }
  const read = crs === 'rd' ? ' (gelezen als RD New).'
    // The dialog lets the user pick CSV columns the other way round, not GeoJSON axes.
    : kind === 'csv' ? ' (gelezen als WGS84 lengte/breedte; misschien zijn x en y of het coördinaatsysteem verwisseld).'
    : ' (gelezen als WGS84 lengtegraad, breedtegraad). Kies hierboven het andere coördinaatsysteem als dat niet klopt; staat in het bestand de breedtegraad vóór de lengtegraad, zet dan de lengtegraad voorop.';
  return `${where}: punt (${p.x}; ${p.y}) ligt buiten Nederland${read}`;
}

function convert(raw: RawPoint[], crs: Crs, columns: [string, string], kind: PointFileInfo['kind'], skips: SkipList): Float64Array {
  const positions = new Float64Array(raw.length * 2);
  let k = 0;
  for (const p of raw) {
    const [lon, lat] = crs === 'rd' ? rdToWgs84(p.x, p.y) : [p.x, p.y];
    if (!inNetherlands(lon, lat)) {
      skips.add(p.at, outsideMessage(p, crs, columns, kind));
      continue;
    }
    positions[k++] = lon;
    positions[k++] = lat;
  }
  return positions.subarray(0, k);
}

/** "12 regels overgeslagen (regels 5, 17, …)": the report a user sees after a partly usable file. */
export function skippedSummary(s: SkippedRows): string {
  if (!s.total) return '';
  const noun = s.unit === 'regel' ? (s.total === 1 ? 'regel' : 'regels') : (s.total === 1 ? 'object' : 'objecten');
  const listed = s.where.join(', ') + (s.total > s.where.length ? `, … (en nog ${s.total - s.where.length})` : '');
  return `${s.total.toLocaleString('nl-NL')} ${noun} overgeslagen zonder bruikbaar punt: ${noun} ${listed}.`;
}

/**
 * The points in WGS84. Unusable rows (no or bad coordinate, outside the
 * Netherlands, wrong number of cells) are skipped and listed in `skipped`;
 * when half or more of the rows are unusable, or none is left, the file is
 * refused with a PointImportError listing (at most 10) problems by row and column.
 */
export function readPoints(text: string, fileName: string, choice: PointChoice): PointSet {
  let raw: RawPoint[];
  let columns: [string, string];
  let skips: SkipList;
  let rows: number;
  let raggedHint = '';
  const kind = looksLikeGeoJson(text) ? 'geojson' : 'csv';
  if (kind === 'geojson') {
    const g = geoJsonPoints(text, fileName);
    skips = new SkipList('object');
    for (const p of g.problems) skips.add(p.at, p.message);
    raw = g.points;
    rows = g.objects;
    columns = ['coordinates[0]', 'coordinates[1]'];
  } else {
    const table = parseCsv(text, fileName);
    const { xColumn, yColumn } = choice;
    if (!xColumn || !yColumn) throw new PointImportError([`${fileName}: kies de kolommen met de coördinaten (x/lengtegraad en y/breedtegraad).`]);
    const xi = table.header.indexOf(xColumn), yi = table.header.indexOf(yColumn);
    if (xi < 0 || yi < 0) throw new PointImportError([`${fileName}: kolom "${xi < 0 ? xColumn : yColumn}" staat niet in de kopregel.`]);
    if (xi === yi) throw new PointImportError([`${fileName}: kies twee verschillende kolommen voor x en y.`]);
    if (!table.rows.length && !table.ragged.length) throw new PointImportError([`${fileName}: het bestand heeft een kopregel maar geen regels met punten.`]);
    columns = [xColumn, yColumn];
    skips = new SkipList('regel');
    const comma = decimalCommaIn(table, [xi, yi]);
    // "52,4,5,1" under "lat,lon" would silently read as 52 and 4: the reader skipped such rows; say the likely cause.
    if (table.ragged.length && table.separator === ',') raggedHint = ' Staan er decimale komma\'s in een bestand met de komma als scheidingsteken? Gebruik dan ; als scheidingsteken of een punt als decimaalteken.';
    const events: { line: number; problem?: string; point?: RawPoint }[] = table.ragged.map((r) => ({ line: r.line, problem: `regel ${r.line}: ${r.cells} cellen, maar de kopregel heeft er ${table.header.length}.${raggedHint}` }));
    table.rows.forEach((row, r) => {
      const line = table.lines[r];
      const where = `regel ${line}`;
      const x = parseCoordinate(row[xi], comma);
      const y = parseCoordinate(row[yi], comma);
      for (const [value, col, parsed] of [[row[xi], xColumn, x], [row[yi], yColumn, y]] as const) {
        if (parsed !== null) continue;
        events.push({ line, problem: value === undefined || value.trim() === ''
          ? `${where}, kolom ${col}: geen waarde; elke regel heeft een coördinaat nodig.`
          : `${where}, kolom ${col}: "${value.trim().slice(0, 40)}" is geen getal.` });
      }
      if (x !== null && y !== null) events.push({ line, point: { x, y, where, at: line, ...(comma ? {} : { cells: [row[xi], row[yi]] as [string, string] }) } });
    });
    // File order, so line numbers are listed ascending.
    events.sort((a, b) => a.line - b.line);
    raw = [];
    for (const e of events) {
      if (e.problem) skips.add(e.line, e.problem);
      else if (e.point) raw.push(e.point);
    }
    rows = table.rows.length + table.ragged.length;
  }
  const positions = convert(raw, choice.crs, columns, kind, skips);
  // Rows outside the Netherlands are found after the unreadable ones: list all in file order.
  const skipped: SkippedRows = { total: skips.total, where: [...skips.where].sort((a, b) => a - b), unit: skips.unit, problems: skips.problems };
  if (skips.total > 0 && (skips.total * 2 >= rows || positions.length === 0)) {
    const problems = [...skips.problems];
    if (skips.total > problems.length) problems.push(`… en nog ${skips.total - problems.length} problemen in het bestand.`);
    throw new PointImportError(problems, skips.total);
  }
  if (positions.length === 0) throw new PointImportError([`${fileName}: geen punten gevonden.`]);
  return { positions, count: positions.length / 2, crs: choice.crs, skipped };
}
