/**
 * Groningen 2017 (`groningen2017`): the 108 buurten and 15 wijken of
 * gemeente Groningen (pre-2019 borders) from the original CBS shapefile zips,
 * read with the shared official-format reader (`scripts/readers/`), plus
 * police-registered bicycle thefts per buurt 2013–2017 and RIVM joined on code.
 * Wijk geometry is the official wijk shape from `wijk2017.zip`, not a dissolve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level } from '../../../src/model/dataset-format.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { readShapefileZip } from '../../readers/shapefile-zip.ts';
import type { AreaFeature, CellValue, DatasetInput, IndicatorColumn } from '../types.ts';
import type { ReaderResult } from '../../readers/result.ts';
import { column, displayPath, expectCode, InputError, meta, readCsv } from './common.ts';
import { rivmColumns } from './rivm.ts';

const LICENCE = 'CC BY 4.0';

/** The series of docs/indicators.md for this dataset; other dbf columns are not written. */
export const SHAPE_SERIES = new Set([
  'inwoners', 'huishoudens', 'eenpersoonshuishoudens', 'huishoudens_met_kinderen', 'bevolkingsdichtheid',
  'adressendichtheid', 'stedelijkheid', 'jongeren_15_24', 'aandeel_65plus', 'verweduwd',
]);
const THEFT_YEARS = [2013, 2014, 2015, 2016, 2017];

async function readZip(path: string, year: number) {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new InputError(`${displayPath(path)}: bestand kan niet gelezen worden (${(e as Error).message})`);
  }
  return readShapefileZip(bytes, { file: displayPath(path), year, indelingYear: year, gemeenten: ['GM0014'], source: 'CBS Wijk- en buurtkaart 2017 (shapefile)' });
}

/** The kerncijfers of the shapefiles that docs/indicators.md lists, buurt from buurt2017.zip and wijk from wijk2017.zip. */
function shapeColumns(buurtZip: ReaderResult, wijkZip: ReaderResult): IndicatorColumn[] {
  const columns: IndicatorColumn[] = [];
  for (const [source, level] of [[buurtZip, 'buurt'], [wijkZip, 'wijk']] as const) {
    for (const c of source.columns) {
      if (c.level !== level || !c.meta.series || !SHAPE_SERIES.has(c.meta.series)) continue;
      columns.push({ ...c, meta: { ...c.meta, licence: LICENCE, note: 'Indeling 2017 (gemeente Groningen vóór de herindeling van 2019).' } });
    }
  }
  return columns;
}

/** Bicycle thefts per buurt; wijk = sum of its buurten (incomplete when one lacks a row). */
function theftColumns(dir: string, buurten: AreaFeature[], wijkCodes: string[]): IndicatorColumn[] {
  const csv = readCsv(join(dir, 'fietsdiefstallen_per_buurt2017_groningen.csv'));
  const rows = new Map<string, number>();
  for (let row = 0; row < csv.table.rows.length; row++) {
    const code = expectCode(csv, row, 'BU_CODE', 'buurt', 'buurtcode (BU + 8 tekens)');
    if (rows.has(code)) throw new InputError(`${csv.file}, regel ${csv.line(row)}: buurt ${code} komt twee keer voor`);
    rows.set(code, row);
  }
  return THEFT_YEARS.flatMap((year) => {
    const m = theftMeta(year);
    const b = new Map<string, CellValue>();
    for (const [code, row] of rows) b.set(code, csv.cell(row, `fietsdiefstal_${year}`, MissingReason.unknown));
    const w = new Map<string, CellValue>();
    for (const wijk of wijkCodes) {
      let sum = 0;
      let complete = true;
      for (const bu of buurten) {
        if (bu.wijkCode !== wijk) continue;
        const c = b.get(bu.code);
        if (!c || c.value === null) complete = false;
        else sum += c.value;
      }
      w.set(wijk, complete ? { value: sum, reason: 0 } : { value: null, reason: MissingReason.incomplete });
    }
    return [column(m, 'buurt', b, 'fietsdiefstallen 2013–2017'), column({ ...m, sourceVariable: `${m.sourceVariable}, som van de buurten` }, 'wijk', w)];
  });
}

/** 2017 holds January to September only, and says so in its period and note. */
function theftMeta(year: number) {
  const partial = year === 2017;
  return meta({ series: 'fietsdiefstal' }, year, {
    indelingYear: 2017,
    publisher: 'Politie',
    source: 'Politie Groningen, fietsdiefstallen (incidentcode A72), geteld per buurt 2017',
    sourceVariable: `fietsdiefstal_${year}`,
    licence: LICENCE,
    ...(partial ? { period: 'jan–sep 2017' } : {}),
    note: partial
      ? 'Alleen januari tot en met september 2017: niet vergelijkbaar met een heel jaar.'
      : 'Aangiften met pleegdatum in dit jaar, per buurt geteld via de pleeglocatie.',
  });
}

export async function loadGroningen2017({ dataDir }: { dataDir: string }): Promise<DatasetInput & { joinNotes: string[] }> {
  const dir = join(dataDir, 'groningen-2017');
  const joinNotes: string[] = [];
  const buurtZip = await readZip(join(dir, 'buurt2017.zip'), 2017);
  const wijkZip = await readZip(join(dir, 'wijk2017.zip'), 2017);
  joinNotes.push(...buurtZip.notes, ...wijkZip.notes);

  const buurten: AreaFeature[] = buurtZip.areas.filter((a) => a.level === 'buurt');
  const wijken = wijkZip.areas.filter((a) => a.level === 'wijk');
  if (buurten.length === 0 || wijken.length === 0) throw new InputError(`${dir}: verwacht buurten in buurt2017.zip en wijken in wijk2017.zip`);
  const wijkNames = new Map(wijken.map((w) => [w.code, w.name]));
  const wijkGeometry = new Map(wijken.flatMap((w) => (w.geometry ? [[w.code, w.geometry] as const] : [])));
  for (const b of buurten) {
    if (!wijkNames.has(b.wijkCode)) throw new InputError(`${buurtZip.file}: buurt ${b.code} hoort bij wijk ${b.wijkCode}, die niet in wijk2017.zip staat`);
  }

  const columns: IndicatorColumn[] = [...shapeColumns(buurtZip, wijkZip), ...theftColumns(dir, buurten, [...wijkNames.keys()])];
  const skipped: string[] = [];
  const levels: Level[] = ['wijk', 'buurt'];
  columns.push(...rivmColumns(join(dataDir, 'rivm-gezondheid-50090NED'), levels, skipped));
  joinNotes.push(...skipped.map((s) => `niet geschreven: ${s}`));

  return {
    id: 'groningen2017',
    title: 'Groningen 2017',
    description: 'De 108 buurten en 15 wijken van de gemeente Groningen (indeling 2017, vóór de herindeling van 2019) met kerncijfers, fietsdiefstallen 2013–2017 en RIVM-gezondheidscijfers.',
    indelingYear: 2017,
    levels,
    sources: [
      { publisher: 'CBS', title: 'Wijk- en buurtkaart 2017 (shapefile)', licence: LICENCE },
      { publisher: 'Politie', title: 'Fietsdiefstallen gemeente Groningen 2013–2017 (A72)', licence: LICENCE },
      { publisher: 'RIVM, CBS, GGD', title: 'Gezondheid per wijk en buurt 2020 en 2016', table: '50090NED', licence: LICENCE },
    ],
    caveats: [
      'fietsdiefstallen 2017: alleen januari tot en met september',
      'RIVM-cijfers (indeling 2020) zijn op buurt- en wijkcode gekoppeld',
      'ontbrekende waarden in de shapefile (-99999999) zijn als ontbrekend overgenomen, niet als getal',
    ],
    buurten,
    wijkNames,
    gemeenteNames: new Map([['GM0014', 'Groningen']]),
    wijkGeometry,
    columns,
    minzoom: 8,
    maxzoom: 14,
    joinNotes,
  };
}
