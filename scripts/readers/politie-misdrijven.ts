/**
 * Reader for the Politie/CBS crime tables per wijk and buurt:
 * 47018NED (jaarcijfers) and 47022NED (maandcijfers), as StatLine CSV
 * exports with codes ("onbewerkte dataset"/OData-typed layout):
 *
 *   "ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"
 *   0;"0.0.0 ";"GM0014    ";"2023JJ00";"  12345"
 *
 * SoortMisdrijf codes carry a trailing space (`'1.1.1 '`); `0.0.0` is Totaal
 * misdrijven. Period codes: `YYYYJJ00` = year, `YYYYMMnn` = month. Months are
 * recognised by their code, never by a range (year codes sort between them).
 * Monthly figures are summed to a year only when the file holds all twelve
 * months of that year; other years are reported (or, on request, emitted with
 * their period in the metadata). A region whose months are not all present
 * gets `incomplete` for that year, never a sum padded with zeros.
 */
import type { Level } from '../../src/model/dataset-format.ts';
import { AreaFlag } from '../../src/model/dataset-format.ts';
import { MissingReason, parseCbsNumber, type ParsedCell } from '../../src/model/missing.ts';
import type { AreaFeature, CellValue } from '../pipeline/types.ts';
import { gemeenteFilter, gemeenteOfCode, regionOfCell, wijkOfCode } from './codes.ts';
import { cellError, fileError } from './errors.ts';
import { ColumnCollector, type ReaderResult } from './result.ts';
import { makeMeta, odataStem } from './series.ts';
import { crimeSeries, SOORT_MISDRIJF } from '../../src/model/kompas/soort-misdrijf.ts';
import { parseStatLineTable } from './statline-csv.ts';

export interface CrimeTableOptions {
  file?: string;
  gemeenten?: readonly string[];
  /** Table id for the metadata; detected from the file name or the periods when absent. */
  table?: '47018NED' | '47022NED';
  /** Indeling of the codes (the current tables use one indeling for all years). Default: the latest year in the file. */
  indelingYear?: number;
  /** Only these SoortMisdrijf codes (e.g. ['0.0.0']); all when absent. */
  soorten?: readonly string[];
  /** Years with only some months: 'skip' (default, reported) or 'emit' with the period in the metadata. */
  partialYears?: 'skip' | 'emit';
}

export interface IncompleteYear {
  year: number;
  /** Months (1–12) present in the file. */
  months: number[];
}

export interface CrimeTableResult extends ReaderResult {
  table: '47018NED' | '47022NED';
  /** Years (from monthly figures) that were not complete in the file. */
  incompleteYears: IncompleteYear[];
  /** SoortMisdrijf codes found (trimmed). */
  soorten: string[];
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MAAND_KORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

type Period = { year: number; month: number | null };

/** `2023JJ00` → year; `2023MM04` → month; labelled `2023`, `2023 april`; null for other periods. */
export function parsePeriod(raw: string): Period | null {
  const t = raw.trim().replace(/\*$/, '');
  let m = /^(\d{4})JJ00$/.exec(t) ?? /^(\d{4})$/.exec(t);
  if (m) return { year: Number(m[1]), month: null };
  m = /^(\d{4})MM(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
  }
  m = /^(\d{4}) ([a-z]+)$/i.exec(t);
  if (m) {
    const month = MAANDEN.indexOf(m[2].toLowerCase()) + 1;
    return month > 0 ? { year: Number(m[1]), month } : null;
  }
  return null;
}

/** SoortMisdrijf code from a key (`'1.1.1 '`) or a labelled title (`1.1.1 Diefstal/inbraak woning`, `Totaal misdrijven`). */
export function soortCode(raw: string): string | null {
  const t = raw.trim();
  if (/^totaal misdrijven$/i.test(t)) return '0.0.0';
  const m = /^(\d+\.\d+\.\d+)(\s|$)/.exec(t);
  return m ? m[1] : null;
}

function periodText(months: number[], year: number): string {
  const first = months[0];
  const last = months[months.length - 1];
  const contiguous = months.length === last - first + 1;
  return contiguous ? `${MAAND_KORT[first - 1]}–${MAAND_KORT[last - 1]} ${year}` : `${months.length} maanden van ${year} (${months.map((m) => MAAND_KORT[m - 1]).join(', ')})`;
}

export function readCrimeTable(text: string, options: CrimeTableOptions = {}): CrimeTableResult {
  const file = options.file ?? 'misdrijven.csv';
  const isHeader = (cells: string[]) => cells.some((c) => /^SoortMisdrijf$|^Soort misdrijf$/i.test(c.trim()));
  const table = parseStatLineTable(text, file, isHeader,
    'geen kolom SoortMisdrijf gevonden: verwacht een Politie/CBS-tabel 47018NED of 47022NED met de kolommen SoortMisdrijf, WijkenEnBuurten, Perioden en GeregistreerdeMisdrijven');
  const cols = table.columns.map((c) => c.trim());
  const find = (res: RegExp[]) => cols.findIndex((c) => res.some((re) => re.test(c)));
  const soortCol = find([/^SoortMisdrijf$/i, /^Soort misdrijf$/i]);
  const regionCol = find([/^WijkenEnBuurten$/i, /^Codering(_\d+)?$/i, /regiocode/i, /\(code\)$/i]);
  const periodCol = find([/^Perioden$/i]);
  const measureCol = cols.findIndex((c) => odataStem(c) === 'GeregistreerdeMisdrijven' || /^geregistreerde misdrijven( \(aantal\))?$/i.test(c));
  if (regionCol < 0) throw fileError(file, `geen kolom met regiocodes (WijkenEnBuurten of "Regiocode (code)"); gevonden: ${cols.join(', ')}. Download de tabel met codes (onbewerkte dataset), niet alleen met namen`);
  if (periodCol < 0) throw fileError(file, `kolom "Perioden" ontbreekt (gevonden: ${cols.join(', ')})`);
  if (measureCol < 0) throw fileError(file, `kolom "GeregistreerdeMisdrijven_1" ontbreekt (gevonden: ${cols.join(', ')})`);

  const filter = gemeenteFilter(options.gemeenten);
  const wantSoorten = options.soorten ? new Set(options.soorten.map((s) => s.trim())) : null;
  const notes: string[] = [];
  const yearCells = new Map<string, ParsedCell>();
  const monthCells = new Map<string, Map<number, ParsedCell>>();
  const monthsInFile = new Map<number, Set<number>>();
  const yearsWithYearCode = new Set<number>();
  const keys = new Map<string, { code: string; level: Level; soort: string; year: number }>();
  const areas = new Map<string, AreaFeature>();
  const soorten = new Set<string>();
  const titles = new Map<string, string>();
  let skippedRegions = 0;
  let skippedPeriods = 0;

  table.rows.forEach((row, r) => {
    const where = `regel ${table.lineNumbers[r]}`;
    const soort = soortCode(row[soortCol]);
    if (soort === null) throw cellError(file, where, cols[soortCol], 'een SoortMisdrijf-code zoals "1.1.1 " of "0.0.0 "', row[soortCol]);
    if (wantSoorten && !wantSoorten.has(soort)) return;
    const region = regionOfCell(file, where, cols[regionCol], row[regionCol]);
    if (!region) { skippedRegions++; return; }
    const { code, level } = region;
    if (filter && !filter.has(gemeenteOfCode(code))) return;
    const period = parsePeriod(row[periodCol]);
    if (!period) {
      if (/^\d{4}(KW\d{2}|X0\d|HJ\d{2})$/.test(row[periodCol].trim())) { skippedPeriods++; return; }
      throw cellError(file, where, cols[periodCol], 'een periode zoals 2023JJ00 (jaar) of 2023MM04 (maand)', row[periodCol].trim());
    }
    const cell = parseCbsNumber(row[measureCol]);
    if (cell === null) throw cellError(file, where, cols[measureCol], 'een getal', row[measureCol].trim());
    if (cell.value !== null && (cell.value < 0 || !Number.isInteger(cell.value))) throw cellError(file, where, cols[measureCol], 'een aantal (geheel getal ≥ 0)', row[measureCol].trim());
    soorten.add(soort);
    const title = row[soortCol].trim().replace(/^\d+\.\d+\.\d+\s+/, '');
    if (!/^\d+\.\d+\.\d+$/.test(row[soortCol].trim()) && title) titles.set(soort, title);
    if (!areas.has(code)) {
      areas.set(code, { code, name: '', level, gemeenteCode: gemeenteOfCode(code), wijkCode: level === 'buurt' ? wijkOfCode(code) : '', geometry: null, flags: AreaFlag.noGeometry });
    }
    const key = `${code}|${soort}|${period.year}`;
    keys.set(key, { code, level, soort, year: period.year });
    if (period.month === null) {
      if (yearCells.has(key)) throw cellError(file, where, cols[periodCol], `één regel per gebied, soort en jaar (${code}, ${soort}, ${period.year} komt twee keer voor)`);
      yearCells.set(key, cell);
      yearsWithYearCode.add(period.year);
    } else {
      let months = monthCells.get(key);
      if (!months) { months = new Map(); monthCells.set(key, months); }
      if (months.has(period.month)) throw cellError(file, where, cols[periodCol], `één regel per gebied, soort en maand (${code}, ${soort}, ${row[periodCol].trim()} komt twee keer voor)`);
      months.set(period.month, cell);
      if (!monthsInFile.has(period.year)) monthsInFile.set(period.year, new Set());
      monthsInFile.get(period.year)!.add(period.month);
    }
  });
  if (keys.size === 0) throw fileError(file, filter ? `geen regels voor ${[...filter].join(', ')}` : 'geen regels met gegevens');

  const tableId = options.table ?? (/47022/.test(file) ? '47022NED' : /47018/.test(file) ? '47018NED' : monthsInFile.size > 0 ? '47022NED' : '47018NED');
  const allYears = [...new Set([...keys.values()].map((k) => k.year))].sort((a, b) => a - b);
  const indelingYear = options.indelingYear ?? allYears[allYears.length - 1];
  if (options.indelingYear === undefined) notes.push(`${file}: indeling aangenomen als ${indelingYear} (laatste jaar in het bestand; de Politie-tabellen gebruiken één indeling voor alle jaren — geef --indeling op als dat anders is)`);

  const incompleteYears: IncompleteYear[] = [];
  const completeMonthYears = new Set<number>();
  for (const [year, months] of [...monthsInFile].sort(([a], [b]) => a - b)) {
    if (yearsWithYearCode.has(year)) { notes.push(`${file}: ${year} heeft een jaarcijfer (JJ00); de maandcijfers van dat jaar zijn niet opgeteld`); continue; }
    if (months.size === 12) completeMonthYears.add(year);
    else {
      const list = [...months].sort((a, b) => a - b);
      incompleteYears.push({ year, months: list });
      notes.push(`${file}: ${year} is onvolledig (${periodText(list, year)})${options.partialYears === 'emit' ? '; opgenomen met die periode in de metadata' : '; niet opgeteld tot een jaarcijfer'}`);
    }
  }

  const collector = new ColumnCollector();
  const sortedKeys = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, { code, level, soort, year }] of sortedKeys) {
    let cell: CellValue;
    let period: string | undefined;
    if (yearCells.has(key)) {
      cell = yearCells.get(key)!;
    } else {
      const partial = incompleteYears.find((y) => y.year === year);
      if (!completeMonthYears.has(year) && !(partial && options.partialYears === 'emit')) continue;
      const expected = completeMonthYears.has(year) ? Array.from({ length: 12 }, (_, i) => i + 1) : partial!.months;
      if (partial) period = periodText(partial.months, year);
      const months = monthCells.get(key)!;
      let sum = 0;
      let complete = true;
      for (const m of expected) {
        const c = months.get(m);
        if (!c || c.value === null) { complete = false; break; }
        sum += c.value;
      }
      cell = complete ? { value: sum, reason: MissingReason.present } : { value: null, reason: MissingReason.incomplete };
    }
    const series = crimeSeries(soort);
    // A type missing from the registry's SoortMisdrijf list keeps the title the file gives it.
    const words = SOORT_MISDRIJF.has(soort) ? series : { series, label: `Geregistreerde misdrijven: ${titles.get(soort) ?? `Soort misdrijf ${soort}`}`, unit: 'aantal', kind: 'count' as const };
    const meta = makeMeta(words, `${cols[measureCol]} (SoortMisdrijf ${soort})`, {
      year, indelingYear, publisher: 'Politie, CBS',
      source: `Politie/CBS ${tableId} (geregistreerde misdrijven; soort misdrijf, wijk, buurt, ${tableId === '47022NED' ? 'maandcijfers' : 'jaarcijfers'})`,
      period,
      note: soort === '0.0.0' ? 'Alle soorten misdrijven samen, ook verkeer, fraude en cybercrime; geregistreerd op de pleeglocatie.' : 'Geregistreerd op de pleeglocatie.',
    });
    collector.set(level, meta, code, cell, file);
  }
  if (skippedRegions) notes.push(`${file}: ${skippedRegions} regels voor Nederland/provincie overgeslagen`);
  if (skippedPeriods) notes.push(`${file}: ${skippedPeriods} regels met kwartaal- of andere perioden overgeslagen`);
  notes.push(`${file}: ${tableId}, ${areas.size} gebieden, ${soorten.size} soorten misdrijf, jaren ${allYears.join(', ')}`);
  return {
    file, format: 'politie-misdrijven', areas: [...areas.values()], columns: collector.result(), notes,
    table: tableId, incompleteYears, soorten: [...soorten].sort(),
  };
}
