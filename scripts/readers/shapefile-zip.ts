/**
 * Reader for the zipped CBS wijk- en buurtkaart shapefiles of older years
 * (short uppercase dbf names: BU_CODE, AANT_INW, P_EENP_HH; sentinel
 * -99999999). Unzips with fflate, reads with the `shapefile` package and
 * reprojects RD New to WGS84 when the .prj says so (the national CBS files
 * are in RD; clipped copies such as Groningen 2017 are already WGS84).
 */
import { unzipSync } from 'fflate';
import * as shapefile from 'shapefile';
import type { Level } from '../../src/model/dataset-format.ts';
import { parseCbsNumber } from '../../src/model/missing.ts';
import type { AreaFeature } from '../pipeline/types.ts';
import { gemeenteFilter, levelOfCode, normaliseCode } from './codes.ts';
import { cellError, fileError } from './errors.ts';
import { yearFromName } from './geopackage.ts';
import { geometryRdToWgs84, looksLikeRd, looksLikeWgs84InNl, round7, transformGeometry } from './rd.ts';
import { ColumnCollector, mapArea, type MapReaderOptions, type ReaderResult } from './result.ts';
import { findSeries, isHerkomstColumn, KERNCIJFERS_SERIES, makeMeta } from './series.ts';

/** `year`: when the file name carries none (buurt2017.zip → 2017). */
export type ShapefileZipOptions = MapReaderOptions;

const LEVEL_FIELDS: Record<Level, { code: string; name: string }> = {
  buurt: { code: 'BU_CODE', name: 'BU_NAAM' },
  wijk: { code: 'WK_CODE', name: 'WK_NAAM' },
  gemeente: { code: 'GM_CODE', name: 'GM_NAAM' },
};

type Crs = 'rd' | 'wgs84' | 'guess';

/**
 * The raw text of the numeric (N/F) fields of a dBASE file, per field name and
 * record. The `shapefile` package turns text that is not a number into null,
 * which would hide bad input; reading the cells ourselves lets
 * parseCbsNumber judge them like every other reader does.
 */
export function dbfNumericCells(dbf: Uint8Array, decoder: TextDecoder): Map<string, string[]> {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 32) throw new Error('dBASE-kop is te kort');
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let offset = 1; // deletion flag
  for (let p = 32; p + 32 <= headerLength && dbf[p] !== 0x0d; p += 32) {
    let end = p;
    while (end < p + 11 && dbf[end] !== 0) end++;
    const length = dbf[p + 16];
    fields.push({ name: decoder.decode(dbf.subarray(p, end)), type: String.fromCharCode(dbf[p + 11]), offset, length });
    offset += length;
  }
  const cells = new Map<string, string[]>();
  for (const f of fields) if (f.type === 'N' || f.type === 'F') cells.set(f.name, []);
  for (let r = 0; r < records; r++) {
    const start = headerLength + r * recordLength;
    if (start + recordLength > dbf.byteLength || dbf[start] === 0x1a) break;
    for (const f of fields) {
      const list = cells.get(f.name);
      if (list) list.push(decoder.decode(dbf.subarray(start + f.offset, start + f.offset + f.length)).trim());
    }
  }
  return cells;
}

function crsOfPrj(prj: string | undefined): Crs {
  if (!prj) return 'guess';
  if (/Amersfoort|RD_New|RD New|28992|Oblique_Stereographic|Double_Stereographic/i.test(prj)) return 'rd';
  if (/^\s*GEOGCS\[/i.test(prj) && /WGS_?1984|WGS 84/i.test(prj)) return 'wgs84';
  throw new Error(`onbekend coördinatenstelsel in .prj (verwacht RD New/EPSG:28992 of WGS84): ${prj.slice(0, 80)}`);
}

export async function readShapefileZip(zipBytes: Uint8Array, options: ShapefileZipOptions = {}): Promise<ReaderResult> {
  const file = options.file ?? 'wijkenbuurten.zip';
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zipBytes);
  } catch (error) {
    throw fileError(file, `geen geldig zip-bestand: ${(error as Error).message}`);
  }
  const byBase = new Map<string, Record<string, Uint8Array>>();
  for (const [name, data] of Object.entries(entries)) {
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(name);
    if (!m || name.startsWith('__MACOSX/')) continue;
    const parts = byBase.get(m[1]) ?? {};
    parts[m[2].toLowerCase()] = data;
    byBase.set(m[1], parts);
  }
  const shapes = [...byBase.entries()].filter(([, p]) => p.shp).sort(([a], [b]) => a.localeCompare(b));
  if (shapes.length === 0) throw fileError(file, 'geen .shp-bestand in de zip: verwacht een shapefile (.shp, .dbf, .prj)');
  const filter = gemeenteFilter(options.gemeenten);
  const areas: AreaFeature[] = [];
  const collector = new ColumnCollector();
  const notes: string[] = [];
  const parentNames = new Map<string, string>();

  for (const [base, parts] of shapes) {
    const inner = `${file}/${base}`;
    if (!parts.dbf) throw fileError(inner, '.dbf ontbreekt naast de .shp: verwacht de attribuuttabel');
    const decoder = new TextDecoder();
    let crs: Crs;
    try { crs = crsOfPrj(parts.prj ? decoder.decode(parts.prj) : undefined); } catch (error) { throw fileError(`${inner}.prj`, (error as Error).message); }
    const cpg = parts.cpg ? decoder.decode(parts.cpg).trim() : '';
    const encoding = /utf-?8/i.test(cpg) ? 'utf-8' : 'windows-1252';
    const year = options.year ?? yearFromName(base) ?? yearFromName(file);
    if (year === null) throw fileError(inner, 'geen jaartal in de bestandsnaam: geef het jaar op (--jaar)');
    const indelingYear = options.indelingYear ?? year;
    const source = await shapefile.open(parts.shp!, parts.dbf, { encoding });
    let rawNumbers: Map<string, string[]>;
    try { rawNumbers = dbfNumericCells(parts.dbf, new TextDecoder(encoding)); } catch (error) { throw fileError(`${inner}.dbf`, (error as Error).message); }

    let level: Level | null = null;
    let mapped: { column: string; series: ReturnType<typeof findSeries> & object }[] = [];
    let index = 0;
    let kept = 0;
    let herkomst = 0;
    for (;;) {
      const { done, value: feature } = await source.read();
      if (done) break;
      index++;
      const where = `object ${index}`;
      const props = (feature.properties ?? {}) as Record<string, unknown>;
      if (level === null) {
        const fields = Object.keys(props);
        level = fields.includes('BU_CODE') ? 'buurt' : fields.includes('WK_CODE') ? 'wijk' : fields.includes('GM_CODE') ? 'gemeente' : null;
        if (!level) throw fileError(`${inner}.dbf`, `kolom BU_CODE, WK_CODE of GM_CODE ontbreekt (gevonden: ${fields.slice(0, 10).join(', ')})`);
        for (const f of fields) {
          if (isHerkomstColumn(f)) { herkomst++; continue; }
          const def = findSeries(KERNCIJFERS_SERIES, 'shp', f);
          if (def && !mapped.some((m) => m.series.series === def.series)) mapped.push({ column: f, series: def });
        }
      }
      const rawCode = props[LEVEL_FIELDS[level].code];
      const code = typeof rawCode === 'string' ? normaliseCode(rawCode) : '';
      if (levelOfCode(code) !== level) throw cellError(`${inner}.dbf`, where, LEVEL_FIELDS[level].code, `een ${level}code`, rawCode ?? null);
      const gemeenteCode = normaliseCode(String(props.GM_CODE ?? ''));
      if (levelOfCode(gemeenteCode) !== 'gemeente') throw cellError(`${inner}.dbf`, `${where} (${code})`, 'GM_CODE', 'een gemeentecode zoals GM0014', props.GM_CODE ?? null);
      if (filter && !filter.has(gemeenteCode)) continue;

      let geometry: AreaFeature['geometry'] = null;
      const g = feature.geometry;
      if (g) {
        if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw cellError(`${inner}.shp`, `${where} (${code})`, 'geometrie', 'een Polygon of MultiPolygon', g.type);
        let useCrs = crs;
        if (useCrs === 'guess') {
          useCrs = looksLikeRd(g) ? 'rd' : looksLikeWgs84InNl(g) ? 'wgs84' : 'guess';
          if (useCrs === 'guess') throw cellError(`${inner}.shp`, `${where} (${code})`, 'geometrie', 'coördinaten in RD New of WGS84 (er is geen .prj)');
        }
        geometry = useCrs === 'rd' ? geometryRdToWgs84(g) : transformGeometry(g, (p) => [round7(p[0]), round7(p[1])]);
        if (!looksLikeWgs84InNl(geometry)) throw cellError(`${inner}.shp`, `${where} (${code})`, 'geometrie', 'coördinaten binnen Nederland na omrekening naar WGS84');
      }
      areas.push(mapArea(code, props[LEVEL_FIELDS[level].name], level, gemeenteCode, props.WK_CODE, geometry));
      kept++;
      if (level !== 'gemeente' && typeof props.GM_NAAM === 'string' && props.GM_NAAM.trim()) parentNames.set(gemeenteCode, props.GM_NAAM.trim());
      for (const { column, series } of mapped) {
        const raw = rawNumbers.get(column)?.[index - 1] ?? props[column];
        const cell = parseCbsNumber(raw as string | number | null | undefined);
        if (cell === null) throw cellError(`${inner}.dbf`, `${where} (${code})`, column, 'een getal', raw);
        const meta = makeMeta(series.series, column, { year, indelingYear, publisher: 'CBS', source: options.source ?? `CBS Wijk- en buurtkaart ${year} (shapefile)` });
        collector.set(level, meta, code, cell, `${inner}.dbf, ${where}`);
      }
    }
    if (crs === 'guess') notes.push(`${inner}: geen .prj; coördinatenstelsel afgeleid uit de coördinaten`);
    if (herkomst) notes.push(`${inner}: ${herkomst} herkomst-/migratiekolommen bewust niet ingelezen`);
    notes.push(`${inner}: ${kept} van ${index} objecten ingelezen (${level ?? 'leeg'})${filter ? ` voor ${[...filter].join(', ')}` : ''}; ${mapped.length} kolommen gekoppeld aan indicatoren`);
    mapped = [];
  }
  return { file, format: 'shapefile', areas, columns: collector.result(), notes, parentNames };
}
