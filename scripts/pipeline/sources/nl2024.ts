/**
 * Nederland 2024 (`nl2024`) from the shipped sources in `data/`:
 * woonikveilig-2024 (buurt geometry, kerncijfers B/W/G, crime per buurt),
 * cbs-kwb-2024-gm-wk (woningvoorraad, 2024 population for checks),
 * tmap-nld-2022 (W/G 2022) and rivm-gezondheid-50090NED (2020, 2016).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AreaFlag, type IndicatorMeta, type Level } from '../../../src/model/dataset-format.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import type { AreaFeature, CellValue, DatasetInput, IndicatorColumn } from '../types.ts';
import { column, displayPath, expectCode, InputError, meta, readCsv, seriesColumns, type Csv, type SeriesSpec } from './common.ts';
import { RivmJoin, rivmColumns2024 } from './rivm.ts';
import { sumToParent } from '../../../src/model/aggregate.ts';
import { isAreaCode } from '../../../src/model/area-code.ts';

const LICENCE = 'CC BY 4.0';
const WIV_SOURCE = 'CBS Kerncijfers wijken en buurten 2024 (85984NED), via woonikveilig.nl';

/** WIV kerncijfers present at buurt, wijk and gemeente (series: source column). */
export const KERNCIJFERS = seriesColumns({
  inwoners: 'inwoners',
  inwoners_0_14: 'inwoners0tot15',
  inwoners_65plus: 'inwoners65plus',
  huishoudens: 'huishoudens',
  huishoudensgrootte: 'huishoudensgrootte',
  bevolkingsdichtheid: 'dichtheid',
  woz: 'wozWaarde',
  koopwoningen: 'koopwoningen',
  eengezinswoningen: 'eengezinswoning',
  inkomen_per_inwoner: 'inkomenPerInwoner',
  stedelijkheid: 'stedelijkheid',
  adressendichtheid: 'adressendichtheid',
  oppervlakte_land: 'oppervlakteLandHa',
  afstand_huisarts: 'afstandHuisarts',
  afstand_supermarkt: 'afstandSupermarkt',
  afstand_school: 'afstandSchool',
}, {
  inkomen_per_inwoner: 'Per buurt alleen voor grotere buurten gepubliceerd.',
  stedelijkheid: '1 = zeer sterk stedelijk, 5 = niet stedelijk.',
});
const WIV_EMPTY_NOTE = 'Leeg in de bron betekent 0 of geheim; de bron maakt geen onderscheid.';

const CRIME: SeriesSpec = {
  series: 'misdrijven_totaal',
  note: 'Alle soorten misdrijven samen, inclusief verkeer, fraude en cyber; geteld waar het feit plaatsvond. ' +
    'Gemeente = eigen geregistreerd totaal; wijk = som van de buurten met cijfers, opgehoogd naar alle inwoners als buurten zonder cijfers inwoners hebben.',
};
const CRIME_YEARS = [2021, 2022, 2023, 2024, 2025];
/** The engine pools the last three years of crime; they are the ones checked (crimeInputCheck) and covered. */
const CRIME_POOLED_YEARS = CRIME_YEARS.slice(-3);
const CRIME_COUNTED: SeriesSpec = {
  series: 'misdrijven_inwonersdekking',
  note: 'Wijk = som van de buurten met politiecijfers, opgehoogd naar alle inwoners. 30–60 %: beperkte dekking; onder 30 % geen wijkcijfer.',
};
const CRIME_COVERAGE: SeriesSpec = {
  series: 'misdrijven_dekking',
  note: 'Onder 90 % telt criminaliteit in de buurten van deze gemeente niet mee ("registratie onvolledig").',
};
const RIVM_JOIN: SeriesSpec = {
  series: 'rivm_koppeling',
  note: '0 = op code, 1 = gekoppeld op naam, 2 = wijkwaarde, 3 = gemeentewaarde, 4 = gemiddelde van de wijken (gemeente na 2020 gevormd), 5 = gemiddelde van de buurten (wijkcode gewijzigd).',
};

/**
 * Share of inwoners with a RIVM value per gemeente, at buurt and wijk level:
 * one summary line per level, then every gemeente under 95 %.
 */
function rivmJoinRates(how: Record<'buurt' | 'wijk' | 'gemeente', Map<string, number>>, buurten: AreaFeature[], bInw: Map<string, number>,
  wijken: { code: string; inwoners: number }[], gemeenteNames: Map<string, string>): string[] {
  const lines: string[] = [];
  const rate = (level: 'buurt' | 'wijk', areas: { code: string; gemeente: string; inwoners: number }[]) => {
    const per = new Map<string, { all: number; joined: number; byName: number; fallback: number }>();
    for (const a of areas) {
      const r = per.get(a.gemeente) ?? { all: 0, joined: 0, byName: 0, fallback: 0 };
      r.all += a.inwoners;
      const h = how[level].get(a.code);
      if (h !== undefined) r.joined += a.inwoners;
      if (h === RivmJoin.name) r.byName += a.inwoners;
      if (h !== undefined && h !== RivmJoin.code && h !== RivmJoin.name) r.fallback += a.inwoners;
      per.set(a.gemeente, r);
    }
    let all = 0, joined = 0, fallback = 0;
    const low: string[] = [];
    for (const [g, r] of [...per].sort(([a], [b]) => a.localeCompare(b))) {
      all += r.all; joined += r.joined; fallback += r.fallback + r.byName;
      const pct = r.all > 0 ? (100 * r.joined) / r.all : 100;
      if (pct < 95) low.push(`${g} ${gemeenteNames.get(g) ?? ''} ${pct.toFixed(1)} %`);
    }
    lines.push(`RIVM 50090NED → ${level}: ${(100 * joined / all).toFixed(1)} % van de inwoners heeft een waarde (${(100 * fallback / all).toFixed(1)} % via naam, een hoger niveau of het gemiddelde van de buurten); gemeenten onder 95 %: ${low.length ? low.join('; ') : 'geen'}`);
  };
  rate('buurt', buurten.map((b) => ({ code: b.code, gemeente: b.gemeenteCode, inwoners: bInw.get(b.code) ?? 0 })));
  rate('wijk', wijken.map((w) => ({ code: w.code, gemeente: `GM${w.code.slice(2, 6)}`, inwoners: w.inwoners })));
  return lines;
}

function buurtInwoners(csv: Csv, codes: string[]): Map<string, number> {
  const out = new Map<string, number>();
  codes.forEach((code, row) => out.set(code, csv.cell(row, 'inwoners', MissingReason.zeroOrSuppressed).value ?? 0));
  return out;
}

/**
 * Wijk crime = sum of its buurten (src/model/aggregate.ts#sumToParent,
 * weighted by inwoners): when buurten without police rows hold part of the
 * wijk's inwoners, the sum is raised to the whole wijk and `covered` says
 * which share of the inwoners it rests on; below the coverage bands the wijk
 * is incomplete (issue 16: one buurt without rows must not blank a wijk).
 */
export function sumCrimeToWijk(buurten: AreaFeature[], values: Map<string, CellValue>, inwoners: Map<string, number>, wijkCodes: string[]) {
  const counts = buurten.map((b) => values.get(b.code)?.value ?? NaN);
  const weights = buurten.map((b) => inwoners.get(b.code) ?? 0);
  const agg = sumToParent(counts, buurten.map((b) => b.wijkCode), wijkCodes, weights);
  const sums = new Map<string, CellValue>();
  const covered = new Map<string, number>();
  wijkCodes.forEach((w, k) => {
    const v = agg.values[k];
    sums.set(w, Number.isFinite(v) ? { value: Math.round(v * 10) / 10, reason: 0 } : { value: null, reason: agg.reasons[k] as CellValue['reason'] });
    if (Number.isFinite(agg.covered[k])) covered.set(w, agg.covered[k]);
  });
  return { sums, covered };
}

/** Per wijk the lowest covered share (%) over the given years' sums: the share every pooled year reaches. */
export function lowestCoveredShare(perYear: Map<string, number>[], wijkCodes: string[]): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const w of wijkCodes) {
    const shares = perYear.map((m) => m.get(w)).filter((x): x is number => x !== undefined);
    out.set(w, shares.length ? { value: Math.round(1000 * Math.min(...shares)) / 10, reason: 0 } : { value: null, reason: MissingReason.notJoined });
  }
  return out;
}

/**
 * Crime input check: per gemeente, the sum of its buurt counts over the
 * given years ÷ its registered total. Every buurt gets its gemeente's share
 * (%), which the engine uses to leave crime out below 90 %.
 */
export function crimeInputCheck(buurten: AreaFeature[], buurt: Map<number, Map<string, CellValue>>, gemeente: Map<number, Map<string, CellValue>>, years: number[]) {
  const sums = new Map<string, number>();
  for (const b of buurten) {
    for (const y of years) {
      const v = buurt.get(y)!.get(b.code)?.value;
      if (v !== null && v !== undefined) sums.set(b.gemeenteCode, (sums.get(b.gemeenteCode) ?? 0) + v);
    }
  }
  const ratio = new Map<string, number | null>();
  const notes: string[] = [];
  for (const g of new Set(buurten.map((b) => b.gemeenteCode))) {
    let total = 0;
    let known = true;
    for (const y of years) {
      const v = gemeente.get(y)!.get(g)?.value;
      if (v === null || v === undefined) known = false;
      else total += v;
    }
    const r = known && total > 0 ? Math.round((1000 * (sums.get(g) ?? 0)) / total) / 10 : null;
    ratio.set(g, r);
    if (r !== null && r < 90) notes.push(`misdrijven ${g}: buurten samen ${r} % van het gemeentetotaal ${years[0]}–${years[years.length - 1]} → registratie onvolledig`);
  }
  const perBuurt = new Map<string, CellValue>();
  for (const b of buurten) {
    const r = ratio.get(b.gemeenteCode);
    perBuurt.set(b.code, r === null || r === undefined ? { value: null, reason: MissingReason.unknown } : { value: Math.min(r, 100), reason: 0 });
  }
  return { perBuurt, notes: notes.sort() };
}

const HEALTH: SeriesSpec = {
  series: 'goed_ervaren_gezondheid',
  note: 'RIVM Gezondheidsmonitor 50150NED; niet per wijk gepubliceerd.',
};
const HEALTH_YEARS = [2012, 2016, 2020, 2022, 2024];

export const TMAP = seriesColumns({
  woz: 'dwelling_value',
  koopwoningen: 'dwelling_ownership',
  inkomen_laag: 'income_low',
  inkomen_hoog: 'income_high',
  arbeidsparticipatie: 'employment_rate',
  opleiding_hoog: 'edu_appl_sci',
  jongeren_15_24: 'pop_15_24',
});
const TMAP_SOURCE = 'CBS Kerncijfers wijken en buurten 2022, via R-pakket tmap (NLD_dist, NLD_muni)';

export interface Nl2024Paths {
  dataDir: string;
}

function wivMeta(spec: SeriesSpec, sourceVariable: string, year = 2024): IndicatorMeta {
  return meta(spec, year, {
    indelingYear: 2024,
    publisher: 'CBS',
    source: WIV_SOURCE,
    sourceVariable,
    licence: LICENCE,
    note: [spec.note, WIV_EMPTY_NOTE].filter(Boolean).join(' '),
  });
}

function readGeometry(path: string): Map<string, { feature: Feature; flags: number }> {
  const file = displayPath(path);
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  } catch (e) {
    throw new InputError(`${file}: geen leesbare GeoJSON (${(e as Error).message})`);
  }
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new InputError(`${file}: verwacht een FeatureCollection`);
  const out = new Map<string, { feature: Feature; flags: number }>();
  fc.features.forEach((f, i) => {
    const code = f.properties?.BU_CODE;
    if (typeof code !== 'string' || !isAreaCode(code, 'buurt')) throw new InputError(`${file}, object ${i + 1}, eigenschap "BU_CODE": verwacht een buurtcode (BU + 8 tekens), gevonden ${JSON.stringify(code)}`);
    const g = f.geometry;
    if (g && g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new InputError(`${file}, object ${i + 1} (${code}), geometrie: verwacht Polygon of MultiPolygon, gevonden ${g.type}`);
    if (out.has(code)) throw new InputError(`${file}, object ${i + 1}: buurtcode ${code} komt twee keer voor`);
    let flags = 0;
    if (f.properties?.georef_approx) flags |= AreaFlag.georefApprox;
    if (f.properties?.self_intersection) flags |= AreaFlag.selfIntersection;
    out.set(code, { feature: f, flags });
  });
  return out;
}

/** Columns of a CSV keyed by code: one map per (series spec) for a level. */
function kerncijferColumns(csv: Csv, codeColumn: string, level: Level, codes: string[]): IndicatorColumn[] {
  return KERNCIJFERS.map((spec) => {
    const values = new Map<string, CellValue>();
    codes.forEach((code, row) => values.set(code, csv.cell(row, spec.column, MissingReason.zeroOrSuppressed)));
    void codeColumn;
    return column(wivMeta(spec, spec.column), level, values);
  });
}

/** What the steps below share: the three area tables of woonikveilig 2024 and the codes and names read from them. */
interface Nl2024Areas {
  bCsv: Csv;
  wCsv: Csv;
  gCsv: Csv;
  buurtCodes: string[];
  buurten: AreaFeature[];
  wijkCodes: string[];
  wijkNames: Map<string, string>;
  gemeenteCodes: string[];
  gemeenteNames: Map<string, string>;
  inwonersPerBuurt: Map<string, number>;
}

/** Every column a step adds and the notes it leaves for the build report. */
interface StepOutput {
  columns: IndicatorColumn[];
  notes: string[];
}

export function loadNl2024({ dataDir }: Nl2024Paths): DatasetInput & { joinNotes: string[] } {
  const wiv = join(dataDir, 'woonikveilig-2024');
  const areas = readAreas(wiv);
  const stock = readWoningvoorraad(dataDir);
  // Order matters: it is the order of the indicators in the level tables.
  const steps: StepOutput[] = [
    { columns: kerncijfersAllLevels(areas), notes: [] },
    crimeColumns(areas),
    { columns: healthColumns(areas), notes: [] },
    { columns: stock.columns, notes: [] },
    tmapColumns(dataDir, stock.pop2024),
    rivmColumnsNl2024(dataDir, areas),
  ];
  return {
    ...NL2024_DESCRIPTION,
    buurten: areas.buurten,
    wijkNames: areas.wijkNames,
    gemeenteNames: areas.gemeenteNames,
    columns: steps.flatMap((s) => s.columns),
    joinNotes: steps.flatMap((s) => s.notes),
  };
}

/** Buurten from the kerncijfers table (all areas) with geometry where the GeoJSON has it; wijken and gemeenten from their tables. */
function readAreas(wiv: string): Nl2024Areas {
  const bCsv = readCsv(join(wiv, 'buurt_2024_kerncijfers_misdrijven.csv'));
  const geometryPath = join(wiv, 'buurt_2024_georef_wgs84.geojson');
  const geometry = readGeometry(geometryPath);
  const buurtCodes: string[] = [];
  const buurten: AreaFeature[] = [];
  const gemeenteNames = new Map<string, string>();
  for (let row = 0; row < bCsv.table.rows.length; row++) {
    const code = expectCode(bCsv, row, 'BU_CODE', 'buurt', 'buurtcode (BU + 8 tekens)');
    const wijk = expectCode(bCsv, row, 'WK_CODE', 'wijk', 'wijkcode (WK + 6 tekens)');
    const gemeente = expectCode(bCsv, row, 'GM_CODE', 'gemeente', 'gemeentecode (GM + 4 cijfers)');
    if (wijk !== `WK${code.slice(2, 8)}` || gemeente !== `GM${code.slice(2, 6)}`) {
      throw new InputError(`${bCsv.file}, regel ${bCsv.line(row)}: WK_CODE ${wijk} / GM_CODE ${gemeente} passen niet bij BU_CODE ${code}`);
    }
    const g = geometry.get(code);
    buurtCodes.push(code);
    gemeenteNames.set(gemeente, bCsv.text(row, 'GM_NAAM'));
    buurten.push({
      code,
      name: bCsv.text(row, 'BU_NAAM'),
      level: 'buurt',
      gemeenteCode: gemeente,
      wijkCode: wijk,
      geometry: (g?.feature.geometry as Polygon | MultiPolygon | null) ?? null,
      flags: g ? g.flags : AreaFlag.noGeometry,
    });
  }
  const buurtSet = new Set(buurtCodes);
  for (const code of geometry.keys()) {
    if (!buurtSet.has(code)) throw new InputError(`${displayPath(geometryPath)}: buurt ${code} heeft geometrie maar geen rij in ${bCsv.file}`);
  }
  const wCsv = readCsv(join(wiv, 'wijk_2024_kerncijfers.csv'));
  const wijkCodes = wCsv.table.rows.map((_, row) => expectCode(wCsv, row, 'WK_CODE', 'wijk', 'wijkcode (WK + 6 tekens)'));
  const wijkNames = new Map(wijkCodes.map((c, row) => [c, wCsv.text(row, 'WK_NAAM')]));
  const gCsv = readCsv(join(wiv, 'gemeente_2024_kerncijfers.csv'));
  const gemeenteCodes = gCsv.table.rows.map((_, row) => expectCode(gCsv, row, 'GM_CODE', 'gemeente', 'gemeentecode (GM + 4 cijfers)'));
  gemeenteCodes.forEach((c, row) => gemeenteNames.set(c, gCsv.text(row, 'GM_NAAM')));
  const inwonersPerBuurt = buurtInwoners(bCsv, buurtCodes);
  return { bCsv, wCsv, gCsv, buurtCodes, buurten, wijkCodes, wijkNames, gemeenteCodes, gemeenteNames, inwonersPerBuurt };
}

function kerncijfersAllLevels(a: Nl2024Areas): IndicatorColumn[] {
  return [
    ...kerncijferColumns(a.bCsv, 'BU_CODE', 'buurt', a.buurtCodes),
    ...kerncijferColumns(a.wCsv, 'WK_CODE', 'wijk', a.wijkCodes),
    ...kerncijferColumns(a.gCsv, 'GM_CODE', 'gemeente', a.gemeenteCodes),
  ];
}

/** Metadata of a Nederland 2024 column: indeling 2024, CC BY, the given publisher and source. */
function nl2024Meta(spec: SeriesSpec, year: number, publisher: string, source: string, sourceVariable: string, note?: string): IndicatorMeta {
  return meta(spec, year, { indelingYear: 2024, publisher, source, sourceVariable, licence: LICENCE, ...(note ? { note } : {}) });
}

/** Values of one CSV column for the given codes (row i holds codes[i]). */
function columnValues(csv: Csv, codes: string[], column: string, emptyMeans: Parameters<Csv['cell']>[2]): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  codes.forEach((code, row) => values.set(code, csv.cell(row, column, emptyMeans)));
  return values;
}

/**
 * Crime: per buurt from the police table. Gemeenten keep their own
 * registered total; wijken sum their buurten. The buurt counts are checked
 * against the gemeente total (crimeInputCheck), and the wijk sums say which
 * share of the inwoners they rest on.
 */
function crimeColumns(a: Nl2024Areas): StepOutput {
  const columns: IndicatorColumn[] = [];
  const buurtCrime = new Map<number, Map<string, CellValue>>();
  const gemeenteCrime = new Map<number, Map<string, CellValue>>();
  const coveredPerYear: Map<string, number>[] = [];
  for (const year of CRIME_YEARS) {
    const m = nl2024Meta(CRIME, year, 'Politie, CBS', 'Politie/CBS Geregistreerde misdrijven per buurt (47022NED), totaal, via woonikveilig.nl', `misdrijven_${year} (SoortMisdrijf 0.0.0)`);
    // Crime counts keep 0; an empty cell means the police table has no row for the buurt.
    const bValues = columnValues(a.bCsv, a.buurtCodes, `misdrijven_${year}`, MissingReason.notJoined);
    const gValues = columnValues(a.gCsv, a.gemeenteCodes, `misdrijven_${year}`, MissingReason.unknown);
    buurtCrime.set(year, bValues);
    gemeenteCrime.set(year, gValues);
    columns.push(column(m, 'buurt', bValues));
    const wijkSum = sumCrimeToWijk(a.buurten, bValues, a.inwonersPerBuurt, a.wijkCodes);
    if (CRIME_POOLED_YEARS.includes(year)) coveredPerYear.push(wijkSum.covered);
    columns.push(column({ ...m, sourceVariable: `${m.sourceVariable}, som van de buurten met cijfers, opgehoogd naar alle inwoners van de wijk` }, 'wijk', wijkSum.sums));
    columns.push(column({ ...m, sourceVariable: `${m.sourceVariable}, gemeentetotaal` }, 'gemeente', gValues));
  }
  const [first, last] = [CRIME_POOLED_YEARS[0], CRIME_POOLED_YEARS[CRIME_POOLED_YEARS.length - 1]];
  columns.push(column(nl2024Meta(CRIME_COUNTED, last, 'Politie, CBS',
    `Afgeleid: inwoners van de buurten met politiecijfers ÷ inwoners van de wijk, laagste van ${first}–${last}`,
    'misdrijven_YYYY per buurt, inwoners per buurt'), 'wijk', lowestCoveredShare(coveredPerYear, a.wijkCodes)));
  const check = crimeInputCheck(a.buurten, buurtCrime, gemeenteCrime, CRIME_POOLED_YEARS);
  const dekMeta = nl2024Meta(CRIME_COVERAGE, CRIME_YEARS[CRIME_YEARS.length - 1], 'Politie, CBS',
    'Afgeleid: som van de buurtcijfers ÷ gemeentetotaal (47022NED), laatste drie jaren samen', 'misdrijven_YYYY buurten ÷ misdrijven_YYYY gemeente');
  const wijkCoverage = new Map<string, CellValue>();
  for (const b of a.buurten) wijkCoverage.set(b.wijkCode, check.perBuurt.get(b.code)!);
  columns.push(column(dekMeta, 'buurt', check.perBuurt), column(dekMeta, 'wijk', wijkCoverage));
  return { columns, notes: check.notes };
}

/** Health 50150NED: published for buurt and gemeente only. */
function healthColumns(a: Nl2024Areas): IndicatorColumn[] {
  return HEALTH_YEARS.flatMap((year) => {
    const variable = `goedErvarenGezondheid_${year}`;
    const m = nl2024Meta(HEALTH, year, 'RIVM, CBS, GGD', 'RIVM Gezondheidsmonitor Volwassenen en Ouderen (50150NED), via woonikveilig.nl', variable);
    return [column(m, 'buurt', columnValues(a.bCsv, a.buurtCodes, variable, MissingReason.unknown)),
      column(m, 'gemeente', columnValues(a.gCsv, a.gemeenteCodes, variable, MissingReason.unknown))];
  });
}

/** KWB 2024 (wijk, gemeente): woningvoorraad, and the 2024 population that checks the tmap 2022 join. */
function readWoningvoorraad(dataDir: string): { columns: IndicatorColumn[]; pop2024: Map<string, number> } {
  const kCsv = readCsv(join(dataDir, 'cbs-kwb-2024-gm-wk', 'kwb_2024_gm_wk.csv'));
  const pop2024 = new Map<string, number>();
  const stock: Record<'wijk' | 'gemeente', Map<string, CellValue>> = { wijk: new Map(), gemeente: new Map() };
  for (let row = 0; row < kCsv.table.rows.length; row++) {
    const level = kCsv.text(row, 'level');
    if (level !== 'wijk' && level !== 'gemeente') throw new InputError(`${kCsv.file}, regel ${kCsv.line(row)}, kolom "level": verwacht "wijk" of "gemeente", gevonden "${level}"`);
    const code = expectCode(kCsv, row, 'code', level, `${level}code`);
    const p = kCsv.cell(row, 'AantalInwoners_5', MissingReason.unknown);
    if (p.value !== null) pop2024.set(code, p.value);
    stock[level].set(code, kCsv.cell(row, 'Woningvoorraad_35', MissingReason.unknown));
  }
  const stockMeta = nl2024Meta({ series: 'woningvoorraad' }, 2024, 'CBS', 'CBS Kerncijfers wijken en buurten 2024 (85984NED)', 'Woningvoorraad_35',
    'Niet per buurt in de meegeleverde bron.');
  const join85984 = 'CBS 85984NED gemeenten/wijken';
  return { columns: [column(stockMeta, 'wijk', stock.wijk, join85984), column(stockMeta, 'gemeente', stock.gemeente, join85984)], pop2024 };
}

/** tmap 2022 (wijk, gemeente), joined on code with a ±10 % population check against 2024. */
function tmapColumns(dataDir: string, pop2024: Map<string, number>): StepOutput {
  const out: StepOutput = { columns: [], notes: [] };
  const tmapFiles: ['wijk' | 'gemeente', string][] = [['wijk', 'NLD_dist_2022.csv'], ['gemeente', 'NLD_muni_2022.csv']];
  for (const [level, name] of tmapFiles) {
    const csv = readCsv(join(dataDir, 'tmap-nld-2022', name));
    const maps = TMAP.map(() => new Map<string, CellValue>());
    let changed = 0;
    for (let row = 0; row < csv.table.rows.length; row++) {
      const code = csv.text(row, 'code');
      if (!isAreaCode(code, level)) {
        if (level === 'gemeente') continue;
        throw new InputError(`${csv.file}, regel ${csv.line(row)}, kolom "code": verwacht een wijkcode, gevonden "${code}"`);
      }
      const p22 = csv.cell(row, 'population', MissingReason.unknown).value;
      const p24 = pop2024.get(code);
      // Same code, same area? Only checkable when both populations are known.
      const sameArea = p24 === undefined || p22 === null || Math.abs(p22 - p24) <= 0.1 * p24;
      if (!sameArea) changed++;
      TMAP.forEach((spec, i) => {
        const c = csv.cell(row, spec.column, MissingReason.suppressed);
        maps[i].set(code, sameArea ? c : { value: null, reason: MissingReason.boundaryChanged });
      });
    }
    out.notes.push(`tmap 2022 → ${level}: ${changed} gekoppelde codes met > 10 % bevolkingsverschil → grens gewijzigd`);
    TMAP.forEach((spec, i) => {
      const m = meta(spec, 2022, {
        indelingYear: 2022,
        publisher: 'CBS',
        source: TMAP_SOURCE,
        sourceVariable: spec.column,
        licence: LICENCE,
        note: 'Indeling 2022, gekoppeld op code; bij meer dan 10 % verschil in inwoners met 2024: grens gewijzigd.',
      });
      out.columns.push(column(m, level, maps[i], 'tmap 2022'));
    });
  }
  return out;
}

/** RIVM 50090NED joined to the 2024 indeling (rivm.ts), with how each area was joined as its own series. */
function rivmColumnsNl2024(dataDir: string, a: Nl2024Areas): StepOutput {
  const skipped: string[] = [];
  const oldWijkNames = new Map<string, string>();
  const tmapDist = readCsv(join(dataDir, 'tmap-nld-2022', 'NLD_dist_2022.csv'));
  for (let row = 0; row < tmapDist.table.rows.length; row++) oldWijkNames.set(tmapDist.text(row, 'code'), tmapDist.text(row, 'name'));
  const wijkInwoners = (row: number) => a.wCsv.cell(row, 'inwoners', MissingReason.zeroOrSuppressed).value ?? 0;
  const rivm = rivmColumns2024(join(dataDir, 'rivm-gezondheid-50090NED'), {
    buurten: a.buurten.map((b) => ({ code: b.code, wijk: b.wijkCode, gemeente: b.gemeenteCode, inwoners: a.inwonersPerBuurt.get(b.code) ?? 0 })),
    wijken: a.wijkCodes.map((code, row) => ({ code, name: a.wijkNames.get(code) ?? '', gemeente: `GM${code.slice(2, 6)}`, inwoners: wijkInwoners(row) })),
    gemeenteNames: new Map(a.gemeenteCodes.map((c) => [c, a.gemeenteNames.get(c) ?? ''])),
    oldWijkNames,
  }, skipped);
  const columns: IndicatorColumn[] = rivm.columns.map((c) => ({ ...c, meta: { ...c.meta, note: RIVM_2024_NOTE } }));
  const koppelingMeta = nl2024Meta(RIVM_JOIN, 2020, 'RIVM, CBS, GGD', 'Afgeleid: hoe RIVM 50090NED (indeling 2020) aan de indeling 2024 is gekoppeld', 'Codering_3');
  for (const level of ['buurt', 'wijk', 'gemeente'] as const) {
    const values = new Map<string, CellValue>();
    for (const [code, how] of rivm.how[level]) values.set(code, { value: how, reason: 0 });
    columns.push(column(koppelingMeta, level, values));
  }
  const rates = rivmJoinRates(rivm.how, a.buurten, a.inwonersPerBuurt, a.wijkCodes.map((code, row) => ({ code, inwoners: wijkInwoners(row) })), a.gemeenteNames);
  return { columns, notes: [...rivm.notes, ...skipped.map((s) => `niet geschreven: ${s}`), ...rates] };
}

const RIVM_2024_NOTE = 'Modelschatting (kleine-gebiedsschatting), indeling 2020. Gekoppeld op code; waar de code veranderde op gemeente + naam ("gekoppeld op naam"); een buurt zonder RIVM-rij krijgt de waarde van haar wijk ("wijkwaarde") of gemeente ("gemeentewaarde"), onzekerder dan een eigen schatting.';

/** The catalog description of Nederland 2024. */
const NL2024_DESCRIPTION = {
  id: 'nl2024',
  title: 'Nederland 2024',
  description: 'Alle buurten, wijken en gemeenten van Nederland (indeling 2024) met kerncijfers, geregistreerde misdrijven 2021–2025, RIVM-gezondheidscijfers en sociaaleconomische cijfers 2022.',
  indelingYear: 2024,
  levels: ['gemeente', 'wijk', 'buurt'],
  sources: [
    { publisher: 'CBS', title: 'Kerncijfers wijken en buurten 2024', table: '85984NED', licence: LICENCE },
    { publisher: 'Politie, CBS', title: 'Geregistreerde misdrijven per buurt', table: '47022NED', licence: LICENCE },
    { publisher: 'RIVM, CBS, GGD', title: 'Gezondheidsmonitor Volwassenen en Ouderen', table: '50150NED', licence: LICENCE },
    { publisher: 'RIVM, CBS, GGD', title: 'Gezondheid per wijk en buurt 2020 en 2016', table: '50090NED', licence: LICENCE },
    { publisher: 'CBS', title: 'Kerncijfers wijken en buurten 2022 (via tmap)', licence: LICENCE },
    { publisher: 'CBS, PDOK', title: 'Gebiedsindelingen 2024, buurt gegeneraliseerd (gereconstrueerd via woonikveilig.nl)', licence: LICENCE },
  ],
  caveats: [
    'geometrie bij benadering: buurtgrenzen zijn gereconstrueerd uit vereenvoudigde kaarten (afwijking tientallen meters); wijken en gemeenten zijn samengevoegde buurten',
    'misdrijven: alle soorten misdrijven samen, inclusief verkeer, fraude en cyber',
    'lege kerncijfers betekenen 0 of geheim; de bron maakt geen onderscheid',
    'RIVM-cijfers (indeling 2020) en cijfers 2022 (indeling 2022) zijn op code gekoppeld; een code kan een ander gebied beslaan',
    '8 buurten hebben geen geometrie en staan alleen in de tabellen',
  ],
  minzoom: 5,
  maxzoom: 12,
  // At national zooms 14,000 buurten are a pixel or two each yet made every
  // low-zoom tile heavy; the app zooms in when a user asks for buurten.
  layerMinzoom: { wijk: 7, buurt: 8 },
} satisfies Partial<DatasetInput>;
