/**
 * Reader for CBS "Kerncijfers wijken en buurten" CSV files and other StatLine
 * CSV exports with one row per region (e.g. RIVM 50090NED, SES-WOA 85163NED):
 *
 * - StatLine's labelled download: title lines, `"Perioden";"Wijken en
 *   buurten";"Regiocode (gemeente, wijk, buurt) (code)";"Bevolking/Aantal
 *   inwoners (aantal)"…`, space-padded cells, `.` for missing and a "Bron"
 *   footer;
 * - the "onbewerkte"/OData-typed download: keys such as `WijkenEnBuurten`,
 *   `AantalInwoners_5`, matched on the stem (the suffix changes per table);
 * - the kwb-20xx.csv with mnemonics (`gwb_code_10`, `a_inw`).
 *
 * `;` or `,`, UTF-8 BOM, decimal comma or point; all via parseDelimited and
 * parseCbsNumber, so `.` and the CBS sentinels never become numbers.
 */
import { AreaFlag } from '../../src/model/dataset-format.ts';
import { parseDelimited, type DelimitedTable } from '../../src/model/formats/delimited.ts';
import { parseCbsNumber } from '../../src/model/missing.ts';
import type { AreaFeature } from '../pipeline/types.ts';
import { gemeenteFilter, gemeenteOfCode, regionOfCell, wijkOfCode } from './codes.ts';
import { cellError, fileError } from './errors.ts';
import { ColumnCollector, type ReaderResult } from './result.ts';
import { rivmSeriesId } from '../../src/model/kompas/series.ts';
import { findSeries, isHerkomstColumn, KERNCIJFERS_SERIES, makeMeta, odataStem, RIVM_SERIES, type SeriesWords } from './series.ts';

export interface StatLineCsvOptions {
  file?: string;
  gemeenten?: readonly string[];
  /** Reference year when the file has no Perioden column. */
  year?: number;
  indelingYear?: number;
  /** Human-readable source, e.g. "CBS StatLine 85984NED". */
  source?: string;
  publisher?: string;
  /** Also emit numeric columns without a known series (as `extra_<naam>`). */
  includeUnmapped?: boolean;
  /** Keep only rows with these dimension values, e.g. `{ Leeftijd: '80200' }`. */
  dimensions?: Record<string, string>;
}

const REGION_COLUMNS = [/^WijkenEnBuurten$/i, /^Codering(_\d+)?$/i, /^gwb_code_10$/i, /^gwb_code$/i, /^RegioS$/i, /regiocode/i, /\(code\)$/i];
const NAME_COLUMNS = [/^wijken en buurten$/i, /^regio$/i, /^regio's$/i];
const GEMEENTENAAM = [/^Gemeentenaam(_\d+)?$/i, /^gm_naam$/i, /^gemeentenaam$/i];
const PERIOD_COLUMNS = [/^Perioden$/i, /^jaar$/i];
/** Columns that describe the row rather than measure something. */
const NON_MEASURES = /^(ID|SoortRegio(_\d+)?|Soort regio|recs|Codering(_\d+)?|Indelingswijziging\w*|ind_wbi|gwb_code(_8|_10)?|gm_code|gm_naam|regio|water|postcode|MeestVoorkomendePostcode(_\d+)?|Dekkingspercentage(_\d+)?|pst_mvp|pst_dekp|Gemeentenaam(_\d+)?)$/i;
/** Dimensions: only rows with one value are read (Marges: the point estimate). */
const DIMENSIONS = /^(Marges|Leeftijd|Geslacht|Leeftijdsgroep)$/i;
const POINT_ESTIMATE = 'MW00000';

function findColumn(columns: string[], patterns: RegExp[]): number {
  for (const re of patterns) {
    const i = columns.findIndex((c) => re.test(c.trim()));
    if (i >= 0) return i;
  }
  return -1;
}

/** A header line is one that names a region column. */
export function isStatLineHeader(cells: string[]): boolean {
  return cells.length >= 2 && cells.some((c) => REGION_COLUMNS.some((re) => re.test(c.trim())));
}

export function isStatLineFooter(cells: string[]): boolean {
  const first = cells[0]?.trim().replace(/^"|"$/g, '') ?? '';
  return /^(bron|source|©|centraal bureau)/i.test(first) && cells.slice(1).every((c) => c.trim() === '');
}

/** Year of a StatLine period: `2019`, `2019JJ00`; null for months, quarters and other periods. */
export function yearOfPeriod(raw: string): number | null {
  const m = /^(\d{4})(JJ00)?\*?$/.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

function slug(column: string): string {
  const stem = odataStem(column.trim());
  return stem
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 48);
}

/**
 * A StatLine export without its title lines and "Bron" footer; `missingHeader`
 * explains what the header should name when `isHeader` finds no header line.
 */
export function parseStatLineTable(text: string, file: string, isHeader: (cells: string[]) => boolean, missingHeader: string): DelimitedTable {
  try {
    return parseDelimited(text, { file, findHeader: isHeader, isFooter: isStatLineFooter });
  } catch (error) {
    if (/geen kopregel/.test((error as Error).message)) throw fileError(file, missingHeader);
    throw error;
  }
}

export function readStatLineCsv(text: string, options: StatLineCsvOptions = {}): ReaderResult {
  const file = options.file ?? 'statline.csv';
  const table = parseStatLineTable(text, file, isStatLineHeader,
    'geen kopregel met een kolom met regiocodes gevonden (verwacht WijkenEnBuurten, Codering, gwb_code_10 of "Regiocode … (code)"); kies bij het downloaden uit StatLine ook de regiocodes, niet alleen de namen');
  const cols = table.columns;
  const regionCol = findColumn(cols, REGION_COLUMNS);
  if (regionCol < 0) throw fileError(file, `geen kolom met regiocodes gevonden (verwacht WijkenEnBuurten, Codering of "Regiocode … (code)"; gevonden: ${cols.slice(0, 8).join(', ')})`);
  const nameFound = findColumn(cols, NAME_COLUMNS);
  const nameCol = nameFound === regionCol ? -1 : nameFound;
  const gemeenteNaamCol = findColumn(cols, GEMEENTENAAM);
  const periodCol = findColumn(cols, PERIOD_COLUMNS);
  const dimensionCols = cols.map((c, i) => (DIMENSIONS.test(c.trim()) ? i : -1)).filter((i) => i >= 0);
  const filter = gemeenteFilter(options.gemeenten);
  const notes: string[] = [];

  // Fix each dimension to one value: the option, the point estimate for Marges, or the only value present.
  const fixed = new Map<number, string>();
  for (const i of dimensionCols) {
    const name = cols[i];
    const wanted = options.dimensions?.[name] ?? options.dimensions?.[odataStem(name)];
    const present = [...new Set(table.rows.map((r) => r[i].trim()))];
    if (wanted !== undefined) {
      if (!present.includes(wanted)) throw cellError(file, 'alle regels', name, `de waarde "${wanted}"`, present.join(', '));
      fixed.set(i, wanted);
    } else if (/^Marges$/i.test(name.trim()) && present.includes(POINT_ESTIMATE)) {
      fixed.set(i, POINT_ESTIMATE);
      if (present.length > 1) notes.push(`${file}: alleen de puntschatting (Marges = ${POINT_ESTIMATE}) gelezen, marges overgeslagen`);
    } else if (present.length === 1) {
      fixed.set(i, present[0]);
    } else {
      throw cellError(file, 'alle regels', name, `één waarde, of kies er een (bijvoorbeeld --dimensie ${name}=${present[0]})`, present.slice(0, 5).join(', '));
    }
  }
  const leeftijdCol = dimensionCols.find((i) => /^Leeftijd$/i.test(cols[i].trim()));
  const ageCode = leeftijdCol === undefined ? undefined : fixed.get(leeftijdCol);

  // Measure columns and their series.
  interface Measure { index: number; series: string | SeriesWords; publisher: string; source: string }
  const measures: Measure[] = [];
  let herkomst = 0;
  let unmapped = 0;
  const isRivm = cols.some((c) => RIVM_SERIES.some((d) => d.stems!.includes(odataStem(c.trim()))));
  cols.forEach((column, index) => {
    if (index === regionCol || index === nameCol || index === periodCol || dimensionCols.includes(index) || NON_MEASURES.test(column.trim())) return;
    if (isHerkomstColumn(column) || /herkomst|migratie/i.test(column)) { herkomst++; return; }
    const rivmDef = findSeries(RIVM_SERIES, 'stems', column);
    if (rivmDef) {
      measures.push({ index, series: rivmSeriesId(rivmDef.series, ageCode), publisher: 'RIVM, CBS, GGD', source: options.source ?? 'RIVM Gezondheidsmonitor Volwassenen en Ouderen (StatLine 50090NED)' });
      return;
    }
    const def = findSeries(KERNCIJFERS_SERIES, 'stems', column) ?? findSeries(KERNCIJFERS_SERIES, 'mnemonics', column) ?? findSeries(KERNCIJFERS_SERIES, 'labels', column);
    const publisher = options.publisher ?? 'CBS';
    const source = options.source ?? 'CBS StatLine';
    if (def && !measures.some((m) => m.series === def.series)) {
      measures.push({ index, series: def.series, publisher, source });
    } else if (options.includeUnmapped && !isRivm) {
      const unit = /\(%\)\s*$/.test(column) ? '%' : /\(aantal\)\s*$/i.test(column) ? 'aantal' : '';
      measures.push({ index, series: { series: `extra_${slug(column)}`, label: column.trim(), unit, kind: unit === '%' ? 'share' : unit === 'aantal' ? 'count' : 'value' }, publisher, source });
    } else {
      unmapped++;
    }
  });
  if (measures.length === 0) throw fileError(file, `geen kolom herkend als indicator (gevonden: ${cols.slice(0, 10).join(', ')}); gebruik --alle-kolommen om alle getalkolommen te lezen`);
  if (herkomst) notes.push(`${file}: ${herkomst} herkomst-/migratiekolommen bewust niet ingelezen`);
  if (unmapped) notes.push(`${file}: ${unmapped} kolommen zonder bekende indicator overgeslagen`);

  const collector = new ColumnCollector();
  const areas = new Map<string, AreaFeature>();
  let skippedRegions = 0;
  let skippedOther = 0;
  table.rows.forEach((row, r) => {
    const line = table.lineNumbers[r];
    const where = `regel ${line}`;
    for (const [i, value] of fixed) if (row[i].trim() !== value) { skippedOther++; return; }
    const region = regionOfCell(file, where, cols[regionCol], row[regionCol]);
    if (!region) { skippedRegions++; return; }
    const { code, level } = region;
    const gemeenteCode = gemeenteOfCode(code);
    if (filter && !filter.has(gemeenteCode)) return;
    let year = options.year ?? null;
    if (periodCol >= 0) {
      year = yearOfPeriod(row[periodCol]);
      if (year === null) throw cellError(file, where, cols[periodCol], 'een jaar zoals 2024 of 2024JJ00', row[periodCol].trim());
    }
    if (year === null) throw fileError(file, 'geen kolom Perioden: geef het jaar op (--jaar)');
    if (!areas.has(code)) {
      const name = nameCol >= 0 ? row[nameCol].trim() : level === 'gemeente' && gemeenteNaamCol >= 0 ? row[gemeenteNaamCol].trim() : '';
      areas.set(code, { code, name, level, gemeenteCode, wijkCode: level === 'buurt' ? wijkOfCode(code) : '', geometry: null, flags: AreaFlag.noGeometry });
    }
    for (const m of measures) {
      const raw = row[m.index];
      const cell = parseCbsNumber(raw);
      if (cell === null) throw cellError(file, where, cols[m.index], 'een getal', raw.trim());
      const meta = makeMeta(m.series, cols[m.index].trim(), { year, indelingYear: options.indelingYear ?? year, publisher: m.publisher, source: m.source });
      collector.set(level, meta, code, cell, `${file}, ${where}`);
    }
  });
  if (skippedRegions) notes.push(`${file}: ${skippedRegions} regels voor Nederland/provincie/landsdeel overgeslagen`);
  if (skippedOther) notes.push(`${file}: ${skippedOther} regels met een andere ${dimensionCols.map((i) => cols[i]).join('/')} overgeslagen`);
  notes.push(`${file}: ${areas.size} gebieden, ${measures.length} kolommen gekoppeld aan indicatoren`);
  return { file, format: 'statline-csv', areas: [...areas.values()], columns: collector.result(), notes };
}
