/**
 * The crosswalk from the column names of the official CBS/RIVM formats to the
 * indicator series of this project (docs/indicators.md). Only the mapping
 * lives here: label, unit and kind of every series are in the registry
 * (src/model/kompas/series.ts). CBS publishes the
 * same figure under several naming schemes (docs/data-pipeline.md):
 *
 * - `gpkg`: long snake_case names of the wijk- en buurtkaart GeoPackage
 *   (2021 onwards, list A in cbs-schemas/wijkenbuurtkaart_columns.md);
 * - `shp`: short uppercase dbf names of the older shapefiles (AANT_INW);
 * - `stems`: StatLine OData keys without their numeric suffix (the suffix
 *   changes per table and year, so only the stem is matched);
 * - `mnemonics`: the kwb-20xx.csv/xlsx mnemonics (a_inw);
 * - `labels`: column titles of StatLine's labelled ("gebruikersvriendelijke")
 *   CSV downloads, matched case-insensitively on the whole title.
 *
 * Herkomst/migratieachtergrond columns are never mapped (README.md: herkomst
 * counts in no score) and `isHerkomstColumn` keeps them out of the generic path too.
 */
import type { IndicatorMeta } from '../../src/model/dataset-format.ts';
import { seriesWords } from '../../src/model/kompas/series.ts';

/** Where a series sits in each naming scheme; its label, unit and kind are in src/model/kompas/series.ts. */
export interface SeriesDef {
  series: string;
  gpkg?: string[];
  shp?: string[];
  stems?: string[];
  mnemonics?: string[];
  labels?: RegExp[];
}

export const KERNCIJFERS_SERIES: SeriesDef[] = [
  { series: 'inwoners', gpkg: ['aantal_inwoners'], shp: ['AANT_INW'], stems: ['AantalInwoners'], mnemonics: ['a_inw'], labels: [/(^|\/)aantal inwoners \(aantal\)$/] },
  { series: 'inwoners_0_14', stems: ['k_0Tot15Jaar'], mnemonics: ['a_00_14'], labels: [/leeftijdsgroepen\/0 tot 15 jaar \(aantal\)$/] },
  { series: 'inwoners_65plus', stems: ['k_65JaarOfOuder'], mnemonics: ['a_65_oo'], labels: [/leeftijdsgroepen\/65 jaar of ouder \(aantal\)$/] },
  { series: 'aandeel_0_14', gpkg: ['percentage_personen_0_tot_15_jaar'], shp: ['P_00_14_JR'], labels: [/leeftijdsgroepen\/0 tot 15 jaar \(%\)$/] },
  { series: 'jongeren_15_24', gpkg: ['percentage_personen_15_tot_25_jaar'], shp: ['P_15_24_JR'], labels: [/leeftijdsgroepen\/15 tot 25 jaar \(%\)$/] },
  { series: 'aandeel_65plus', gpkg: ['percentage_personen_65_jaar_en_ouder'], shp: ['P_65_EO_JR'], labels: [/leeftijdsgroepen\/65 jaar of ouder \(%\)$/] },
  { series: 'verweduwd', gpkg: ['percentage_verweduwd'], shp: ['P_VERWEDUW'], labels: [/burgerlijke staat\/verweduwd \(%\)$/] },
  { series: 'huishoudens', gpkg: ['aantal_huishoudens'], shp: ['AANTAL_HH'], stems: ['HuishoudensTotaal'], mnemonics: ['a_hh'], labels: [/^particuliere huishoudens \(aantal\)$/, /huishoudens totaal \(aantal\)$/] },
  { series: 'eenpersoonshuishoudens', gpkg: ['percentage_eenpersoonshuishoudens'], shp: ['P_EENP_HH'], mnemonics: ['p_1p_hh'], labels: [/eenpersoonshuishoudens \(%\)$/] },
  { series: 'huishoudens_met_kinderen', gpkg: ['percentage_huishoudens_met_kinderen'], shp: ['P_HH_M_K'], labels: [/huishoudens met kinderen \(%\)$/] },
  { series: 'huishoudensgrootte', gpkg: ['gemiddelde_huishoudsgrootte'], shp: ['GEM_HH_GR'], stems: ['GemiddeldeHuishoudensgrootte'], mnemonics: ['g_hhgro'], labels: [/gemiddelde huishoudensgrootte \(aantal\)$/] },
  { series: 'bevolkingsdichtheid', gpkg: ['bevolkingsdichtheid_inwoners_per_km2'], shp: ['BEV_DICHTH'], stems: ['Bevolkingsdichtheid'], mnemonics: ['bev_dich'], labels: [/bevolkingsdichtheid \(aantal inwoners per km²\)$/] },
  { series: 'adressendichtheid', gpkg: ['omgevingsadressendichtheid'], shp: ['OAD'], stems: ['Omgevingsadressendichtheid'], mnemonics: ['ste_oad'], labels: [/omgevingsadressendichtheid \(per km²\)$/] },
  { series: 'stedelijkheid', gpkg: ['stedelijkheid_adressen_per_km2'], shp: ['STED'], stems: ['MateVanStedelijkheid'], mnemonics: ['ste_mvs'], labels: [/mate van stedelijkheid \(code\)$/] },
  { series: 'oppervlakte_land', gpkg: ['oppervlakte_land_in_ha'], shp: ['OPP_LAND'], stems: ['OppervlakteLand'], mnemonics: ['a_lan_ha'], labels: [/oppervlakte land \(ha\)$/] },
  { series: 'woningvoorraad', gpkg: ['woningvoorraad'], stems: ['Woningvoorraad'], mnemonics: ['a_woning'], labels: [/woningvoorraad \(aantal\)$/] },
  { series: 'woz', gpkg: ['gemiddelde_woningwaarde', 'gemiddelde_woz_waarde_van_woningen'], shp: ['WOZ'], stems: ['GemiddeldeWOZWaardeVanWoningen', 'GemiddeldeWoningwaarde'], mnemonics: ['g_woz', 'g_wozbag'], labels: [/gemiddelde woz-waarde van woningen \(x 1 000 euro\)$/] },
  { series: 'eengezinswoningen', gpkg: ['percentage_eengezinswoning'], stems: ['PercentageEengezinswoning'], mnemonics: ['p_1gezw'], labels: [/percentage eengezinswoning \(%\)$/] },
  { series: 'koopwoningen', gpkg: ['percentage_koopwoningen'], shp: ['P_KOOPWON'], stems: ['Koopwoningen'], mnemonics: ['p_koopw'], labels: [/koopwoningen \(%\)$/] },
  { series: 'inkomen_per_inwoner', gpkg: ['gemiddeld_inkomen_per_inwoner'], shp: ['INK_INW2'], stems: ['GemiddeldInkomenPerInwoner'], mnemonics: ['g_ink_pi'], labels: [/gemiddeld inkomen per inwoner \(x 1 000 euro\)$/] },
  { series: 'inkomen_laag', gpkg: ['percentage_personen_met_laag_inkomen'], shp: ['P_LAAGINKP'], stems: ['k_40PersonenMetLaagsteInkomen'], mnemonics: ['p_ink_li'], labels: [/40% personen met laagste inkomen \(%\)$/] },
  { series: 'inkomen_hoog', gpkg: ['percentage_personen_met_hoog_inkomen'], shp: ['P_HOOGINKP'], stems: ['k_20PersonenMetHoogsteInkomen'], mnemonics: ['p_ink_hi'], labels: [/20% personen met hoogste inkomen \(%\)$/] },
  { series: 'arbeidsparticipatie', gpkg: ['netto_arbeidsparticipatie'], stems: ['Nettoarbeidsparticipatie'], mnemonics: ['p_arb_pp'], labels: [/nettoarbeidsparticipatie \(%\)$/] },
  { series: 'afstand_huisarts', gpkg: ['huisartsenpraktijk_gemiddelde_afstand_in_km', 'huisarts_gemiddelde_afstand_in_km'], stems: ['AfstandTotHuisartsenpraktijk'], mnemonics: ['g_afs_hp'], labels: [/afstand tot huisartsenpraktijk \(km\)$/] },
  { series: 'afstand_supermarkt', gpkg: ['grote_supermarkt_gemiddelde_afstand_in_km', 'supermarkt_gemiddelde_afstand_in_km'], stems: ['AfstandTotGroteSupermarkt'], mnemonics: ['g_afs_gs'], labels: [/afstand tot grote supermarkt \(km\)$/] },
  { series: 'afstand_school', gpkg: ['basisonderwijs_gemiddelde_afstand_in_km'], stems: ['AfstandTotSchool'], mnemonics: ['g_afs_sc'], labels: [/afstand tot school \(km\)$/] },
  { series: 'opleiding_hoog', labels: [/^opleidingsniveau\/hoog\/waarde \(%\)$/] },
  { series: 'opleiding_laag', labels: [/^opleidingsniveau\/laag\/waarde \(%\)$/] },
  { series: 'opleiding_middelbaar', labels: [/^opleidingsniveau\/middelbaar\/waarde \(%\)$/] },
  { series: 'ses_woa', stems: ['GemiddeldeScore'], labels: [/^ses-woa\/totaalscore\/gemiddelde score \(getal\)$/] },
];

/** RIVM Gezondheidsmonitor (50090NED) stems → measure key; the series prefix depends on the age group (rivmSeriesId). */
export const RIVM_SERIES: SeriesDef[] = [
  ['ErvarenGezondheidGoedZeerGoed', 'ervaren_gezondheid'],
  ['HoogRisicoOpAngstOfDepressie', 'angst_depressie'],
  ['HeelVeelStressInAfgelopen4Weken', 'stress'],
  ['MatigVeelRegieOverEigenLeven', 'regie'],
  ['Eenzaam', 'eenzaam'],
  ['ErnstigZeerErnstigEenzaam', 'ernstig_eenzaam'],
  ['EmotioneelEenzaam', 'emotioneel_eenzaam'],
  ['SociaalEenzaam', 'sociaal_eenzaam'],
  ['Mantelzorger', 'mantelzorger'],
  ['Vrijwilligerswerk', 'vrijwilligerswerk'],
  ['ErnstigeGeluidhinderDoorBuren', 'geluidhinder_buren'],
  ['MoeiteMetRondkomen', 'moeite_rondkomen'],
  ['LangdurigeZiekteEnBeperkt', 'langdurig_beperkt'],
].map(([stem, series]) => ({ series, stems: [stem] }));

/** Herkomst/migratieachtergrond in any naming scheme: labels and long names, OData stems, mnemonics, dbf names. */
const HERKOMST_TEXT = /herkomst|migratie|westers|marokk|surinam|turkije|antill|allochto|etnic|geboren (in|buiten) nederland/i;
const HERKOMST_STEMS = new Set(['nederland', 'europaexclusiefnederland', 'buiteneuropa', 'westerstotaal', 'nietwesterstotaal', 'marokko', 'nederlandseantillenenaruba', 'suriname', 'turkije', 'overignietwesters']);
const HERKOMST_CODES = /^(a|p)_(w_all|nw_all|nl_all|eur_al|eur_all|neu_al|neu_all|geb_nl|geb_eu|geb_ne|gbl_eu|gbl_ne|marok|ant_aru|surina|turk|over_nw|west_al|n_w_al)$|^p_(west_al|n_w_al|marokko|ant_aru|surinam|turkije|over_nw|nl_all|eur_all|neu_all|gebnl_\w+|gebbl_\w+)$/i;

/** True for herkomst/migratieachtergrond columns, which are never emitted. */
export function isHerkomstColumn(name: string): boolean {
  const t = name.trim();
  return HERKOMST_TEXT.test(t) || HERKOMST_STEMS.has(odataStem(t).toLowerCase()) || HERKOMST_CODES.test(t);
}

/** `AantalInwoners_5` → `AantalInwoners`; `k_0Tot15Jaar_8` → `k_0Tot15Jaar`. */
export function odataStem(key: string): string {
  return key.replace(/_\d+$/, '');
}

export type NamingScheme = 'gpkg' | 'shp' | 'stems' | 'mnemonics' | 'labels';

/** Find the series for a column name under one naming scheme. */
export function findSeries(defs: SeriesDef[], scheme: NamingScheme, column: string): SeriesDef | undefined {
  if (isHerkomstColumn(column)) return undefined;
  const name = column.trim();
  switch (scheme) {
    case 'gpkg': return defs.find((d) => d.gpkg?.includes(name.toLowerCase()));
    case 'shp': return defs.find((d) => d.shp?.includes(name.toUpperCase()));
    case 'stems': return defs.find((d) => d.stems?.includes(odataStem(name)));
    case 'mnemonics': return defs.find((d) => d.mnemonics?.includes(name.toLowerCase()));
    case 'labels': {
      const label = name.toLowerCase().replace(/\s+/g, ' ');
      return defs.find((d) => d.labels?.some((re) => re.test(label)));
    }
  }
}

export interface MetaContext {
  year: number;
  indelingYear: number;
  publisher: string;
  source: string;
  licence?: string;
  period?: string;
  note?: string;
}

export const CBS_LICENCE = 'CC BY 4.0';

/** Label, unit and kind for a series that the registry does not list (a column the user asked for, a crime type missing from the table). */
export type SeriesWords = Pick<IndicatorMeta, 'series' | 'label' | 'unit' | 'kind'>;

/** The metadata of one series in one year; the words come from the registry unless `series` carries its own (SeriesWords). */
export function makeMeta(series: string | SeriesWords, sourceVariable: string, ctx: MetaContext): IndicatorMeta {
  const def = typeof series === 'string' ? { series, ...seriesWords(series) } : series;
  const meta: IndicatorMeta = {
    id: `${def.series}.${ctx.year}`,
    series: def.series,
    label: def.label,
    unit: def.unit,
    kind: def.kind,
    year: ctx.year,
    indelingYear: ctx.indelingYear,
    publisher: ctx.publisher,
    source: ctx.source,
    sourceVariable,
    licence: ctx.licence ?? CBS_LICENCE,
  };
  if (ctx.period) meta.period = ctx.period;
  if (ctx.note) meta.note = ctx.note;
  return meta;
}
