/**
 * The crosswalk from the column names of the official CBS/RIVM formats to the
 * indicator series of this project (docs/indicators.md). CBS publishes the
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
import type { IndicatorKind, IndicatorMeta } from '../../src/model/dataset-format.ts';

export interface SeriesDef {
  series: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  gpkg?: string[];
  shp?: string[];
  stems?: string[];
  mnemonics?: string[];
  labels?: RegExp[];
}

export const KERNCIJFERS_SERIES: SeriesDef[] = [
  { series: 'inwoners', label: 'Inwoners', unit: 'aantal', kind: 'count', gpkg: ['aantal_inwoners'], shp: ['AANT_INW'], stems: ['AantalInwoners'], mnemonics: ['a_inw'], labels: [/(^|\/)aantal inwoners \(aantal\)$/] },
  { series: 'inwoners_0_14', label: 'Inwoners 0 tot 15 jaar', unit: 'aantal', kind: 'count', stems: ['k_0Tot15Jaar'], mnemonics: ['a_00_14'], labels: [/leeftijdsgroepen\/0 tot 15 jaar \(aantal\)$/] },
  { series: 'inwoners_65plus', label: 'Inwoners 65 jaar of ouder', unit: 'aantal', kind: 'count', stems: ['k_65JaarOfOuder'], mnemonics: ['a_65_oo'], labels: [/leeftijdsgroepen\/65 jaar of ouder \(aantal\)$/] },
  { series: 'aandeel_0_14', label: 'Aandeel inwoners 0 tot 15 jaar', unit: '%', kind: 'share', gpkg: ['percentage_personen_0_tot_15_jaar'], shp: ['P_00_14_JR'], labels: [/leeftijdsgroepen\/0 tot 15 jaar \(%\)$/] },
  { series: 'jongeren_15_24', label: 'Aandeel inwoners 15 tot 25 jaar', unit: '%', kind: 'share', gpkg: ['percentage_personen_15_tot_25_jaar'], shp: ['P_15_24_JR'], labels: [/leeftijdsgroepen\/15 tot 25 jaar \(%\)$/] },
  { series: 'aandeel_65plus', label: 'Aandeel inwoners 65 jaar of ouder', unit: '%', kind: 'share', gpkg: ['percentage_personen_65_jaar_en_ouder'], shp: ['P_65_EO_JR'], labels: [/leeftijdsgroepen\/65 jaar of ouder \(%\)$/] },
  { series: 'verweduwd', label: 'Aandeel verweduwd', unit: '%', kind: 'share', gpkg: ['percentage_verweduwd'], shp: ['P_VERWEDUW'], labels: [/burgerlijke staat\/verweduwd \(%\)$/] },
  { series: 'huishoudens', label: 'Huishoudens', unit: 'aantal', kind: 'count', gpkg: ['aantal_huishoudens'], shp: ['AANTAL_HH'], stems: ['HuishoudensTotaal'], mnemonics: ['a_hh'], labels: [/^particuliere huishoudens \(aantal\)$/, /huishoudens totaal \(aantal\)$/] },
  { series: 'eenpersoonshuishoudens', label: 'Aandeel eenpersoonshuishoudens', unit: '%', kind: 'share', gpkg: ['percentage_eenpersoonshuishoudens'], shp: ['P_EENP_HH'], mnemonics: ['p_1p_hh'], labels: [/eenpersoonshuishoudens \(%\)$/] },
  { series: 'huishoudens_met_kinderen', label: 'Aandeel huishoudens met kinderen', unit: '%', kind: 'share', gpkg: ['percentage_huishoudens_met_kinderen'], shp: ['P_HH_M_K'], labels: [/huishoudens met kinderen \(%\)$/] },
  { series: 'huishoudensgrootte', label: 'Gemiddelde huishoudensgrootte', unit: 'personen', kind: 'value', gpkg: ['gemiddelde_huishoudsgrootte'], shp: ['GEM_HH_GR'], stems: ['GemiddeldeHuishoudensgrootte'], mnemonics: ['g_hhgro'], labels: [/gemiddelde huishoudensgrootte \(aantal\)$/] },
  { series: 'bevolkingsdichtheid', label: 'Bevolkingsdichtheid', unit: 'inwoners per km²', kind: 'value', gpkg: ['bevolkingsdichtheid_inwoners_per_km2'], shp: ['BEV_DICHTH'], stems: ['Bevolkingsdichtheid'], mnemonics: ['bev_dich'], labels: [/bevolkingsdichtheid \(aantal inwoners per km²\)$/] },
  { series: 'adressendichtheid', label: 'Omgevingsadressendichtheid', unit: 'adressen per km²', kind: 'value', gpkg: ['omgevingsadressendichtheid'], shp: ['OAD'], stems: ['Omgevingsadressendichtheid'], mnemonics: ['ste_oad'], labels: [/omgevingsadressendichtheid \(per km²\)$/] },
  { series: 'stedelijkheid', label: 'Mate van stedelijkheid', unit: 'klasse 1–5', kind: 'class', gpkg: ['stedelijkheid_adressen_per_km2'], shp: ['STED'], stems: ['MateVanStedelijkheid'], mnemonics: ['ste_mvs'], labels: [/mate van stedelijkheid \(code\)$/] },
  { series: 'oppervlakte_land', label: 'Oppervlakte land', unit: 'ha', kind: 'value', gpkg: ['oppervlakte_land_in_ha'], shp: ['OPP_LAND'], stems: ['OppervlakteLand'], mnemonics: ['a_lan_ha'], labels: [/oppervlakte land \(ha\)$/] },
  { series: 'woningvoorraad', label: 'Woningvoorraad', unit: 'aantal', kind: 'count', gpkg: ['woningvoorraad'], stems: ['Woningvoorraad'], mnemonics: ['a_woning'], labels: [/woningvoorraad \(aantal\)$/] },
  { series: 'woz', label: 'Gemiddelde WOZ-waarde van woningen', unit: '× € 1.000', kind: 'value', gpkg: ['gemiddelde_woningwaarde', 'gemiddelde_woz_waarde_van_woningen'], shp: ['WOZ'], stems: ['GemiddeldeWOZWaardeVanWoningen', 'GemiddeldeWoningwaarde'], mnemonics: ['g_woz', 'g_wozbag'], labels: [/gemiddelde woz-waarde van woningen \(x 1 000 euro\)$/] },
  { series: 'eengezinswoningen', label: 'Aandeel eengezinswoningen', unit: '%', kind: 'share', gpkg: ['percentage_eengezinswoning'], stems: ['PercentageEengezinswoning'], mnemonics: ['p_1gezw'], labels: [/percentage eengezinswoning \(%\)$/] },
  { series: 'koopwoningen', label: 'Aandeel koopwoningen', unit: '%', kind: 'share', gpkg: ['percentage_koopwoningen'], shp: ['P_KOOPWON'], stems: ['Koopwoningen'], mnemonics: ['p_koopw'], labels: [/koopwoningen \(%\)$/] },
  { series: 'inkomen_per_inwoner', label: 'Gemiddeld inkomen per inwoner', unit: '× € 1.000', kind: 'value', gpkg: ['gemiddeld_inkomen_per_inwoner'], shp: ['INK_INW2'], stems: ['GemiddeldInkomenPerInwoner'], mnemonics: ['g_ink_pi'], labels: [/gemiddeld inkomen per inwoner \(x 1 000 euro\)$/] },
  { series: 'inkomen_laag', label: 'Personen met laag inkomen (landelijk laagste 40 %)', unit: '%', kind: 'share', gpkg: ['percentage_personen_met_laag_inkomen'], shp: ['P_LAAGINKP'], stems: ['k_40PersonenMetLaagsteInkomen'], mnemonics: ['p_ink_li'], labels: [/40% personen met laagste inkomen \(%\)$/] },
  { series: 'inkomen_hoog', label: 'Personen met hoog inkomen (landelijk hoogste 20 %)', unit: '%', kind: 'share', gpkg: ['percentage_personen_met_hoog_inkomen'], shp: ['P_HOOGINKP'], stems: ['k_20PersonenMetHoogsteInkomen'], mnemonics: ['p_ink_hi'], labels: [/20% personen met hoogste inkomen \(%\)$/] },
  { series: 'arbeidsparticipatie', label: 'Nettoarbeidsparticipatie', unit: '%', kind: 'share', gpkg: ['netto_arbeidsparticipatie'], stems: ['Nettoarbeidsparticipatie'], mnemonics: ['p_arb_pp'], labels: [/nettoarbeidsparticipatie \(%\)$/] },
  { series: 'afstand_huisarts', label: 'Afstand tot huisartsenpraktijk', unit: 'km', kind: 'value', gpkg: ['huisartsenpraktijk_gemiddelde_afstand_in_km', 'huisarts_gemiddelde_afstand_in_km'], stems: ['AfstandTotHuisartsenpraktijk'], mnemonics: ['g_afs_hp'], labels: [/afstand tot huisartsenpraktijk \(km\)$/] },
  { series: 'afstand_supermarkt', label: 'Afstand tot grote supermarkt', unit: 'km', kind: 'value', gpkg: ['grote_supermarkt_gemiddelde_afstand_in_km', 'supermarkt_gemiddelde_afstand_in_km'], stems: ['AfstandTotGroteSupermarkt'], mnemonics: ['g_afs_gs'], labels: [/afstand tot grote supermarkt \(km\)$/] },
  { series: 'afstand_school', label: 'Afstand tot school (basisonderwijs)', unit: 'km', kind: 'value', gpkg: ['basisonderwijs_gemiddelde_afstand_in_km'], stems: ['AfstandTotSchool'], mnemonics: ['g_afs_sc'], labels: [/afstand tot school \(km\)$/] },
  { series: 'opleiding_hoog', label: 'Opleidingsniveau hoog (hbo/wo)', unit: '%', kind: 'share', labels: [/^opleidingsniveau\/hoog\/waarde \(%\)$/] },
  { series: 'opleiding_laag', label: 'Opleidingsniveau laag', unit: '%', kind: 'share', labels: [/^opleidingsniveau\/laag\/waarde \(%\)$/] },
  { series: 'opleiding_middelbaar', label: 'Opleidingsniveau middelbaar', unit: '%', kind: 'share', labels: [/^opleidingsniveau\/middelbaar\/waarde \(%\)$/] },
  { series: 'ses_woa', label: 'SES-WOA totaalscore (welvaart, opleiding, arbeid)', unit: 'score', kind: 'value', stems: ['GemiddeldeScore'], labels: [/^ses-woa\/totaalscore\/gemiddelde score \(getal\)$/] },
];

/** RIVM Gezondheidsmonitor (50090NED) stems; the series prefix depends on the age group. */
export const RIVM_SERIES: SeriesDef[] = [
  ['ErvarenGezondheidGoedZeerGoed', 'ervaren_gezondheid', 'Ervaren gezondheid goed of zeer goed'],
  ['HoogRisicoOpAngstOfDepressie', 'angst_depressie', 'Hoog risico op angst of depressie'],
  ['HeelVeelStressInAfgelopen4Weken', 'stress', 'Heel veel stress in de afgelopen 4 weken'],
  ['MatigVeelRegieOverEigenLeven', 'regie', 'Matig of veel regie over eigen leven'],
  ['Eenzaam', 'eenzaam', 'Eenzaam'],
  ['ErnstigZeerErnstigEenzaam', 'ernstig_eenzaam', 'Ernstig of zeer ernstig eenzaam'],
  ['EmotioneelEenzaam', 'emotioneel_eenzaam', 'Emotioneel eenzaam'],
  ['SociaalEenzaam', 'sociaal_eenzaam', 'Sociaal eenzaam'],
  ['Mantelzorger', 'mantelzorger', 'Mantelzorger'],
  ['Vrijwilligerswerk', 'vrijwilligerswerk', 'Doet vrijwilligerswerk'],
  ['ErnstigeGeluidhinderDoorBuren', 'geluidhinder_buren', 'Ernstige geluidhinder door buren'],
  ['MoeiteMetRondkomen', 'moeite_rondkomen', 'Moeite met rondkomen'],
  ['LangdurigeZiekteEnBeperkt', 'langdurig_beperkt', 'Langdurige ziekte en beperkt'],
].map(([stem, series, label]) => ({ series, label, unit: '%', kind: 'share' as const, stems: [stem] }));

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

export function makeMeta(def: Pick<SeriesDef, 'series' | 'label' | 'unit' | 'kind'>, sourceVariable: string, ctx: MetaContext): IndicatorMeta {
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
