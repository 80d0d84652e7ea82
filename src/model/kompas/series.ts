/**
 * The one registry of indicator series: label, unit and kind of every series
 * the app, the data pipeline (scripts/pipeline/sources/) and the official
 * readers (scripts/readers/) write or read. The pipeline and the readers keep
 * only their column → series mappings and take the words from here, so one
 * figure reads the same on every screen (tests/scripts/pipeline/series-registry.test.ts
 * checks the mappings and the shipped datasets against this list).
 *
 * Origins:
 * - shipped: written by the data pipeline (docs/indicators.md), ids `<series>.<year>`;
 * - nationaal: a public national table could fill it (some through
 *   `scripts/import-official.ts`); lokaal: only local data. A factor that
 *   needs one is a witte vlek until a gemeente (or a later pipeline) provides
 *   the series; the `fill` text says which file or register would do that.
 * The validator rejects a model that refers to a series not listed here.
 *
 * Wording: a share says "Aandeel …" or names the people it counts, its unit
 * is '%' and the base population (18+, 15–75 jaar) is in the label.
 */
import type { IndicatorKind } from '../dataset-format.ts';
import { crimeSeries, SOORT_MISDRIJF } from './soort-misdrijf.ts';

export type SeriesOrigin = 'shipped' | 'nationaal' | 'lokaal';

export interface SeriesInfo {
  id: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  /** shipped: in a shipped dataset; nationaal: a public national table could fill it; lokaal: only local data. */
  origin: SeriesOrigin;
  /** Which source/import would fill it (for witte vlekken) or where it comes from. */
  fill: string;
}

const s = (id: string, label: string, unit: string, kind: IndicatorKind, origin: SeriesOrigin, fill: string): SeriesInfo =>
  ({ id, label, unit, kind, origin, fill });

/**
 * RIVM Gezondheid per wijk en buurt (50090NED) measures: series key and the
 * label without its age group. The series id is the age group's prefix + key.
 */
export const RIVM_MEASURES: readonly (readonly [key: string, label: string])[] = [
  ['ervaren_gezondheid', 'Goed of zeer goed ervaren gezondheid'],
  ['angst_depressie', 'Hoog risico op angststoornis of depressie'],
  ['stress', 'Heel veel stress in de afgelopen 4 weken'],
  ['regie', 'Matig of veel regie over eigen leven'],
  ['eenzaam', 'Eenzaam'],
  ['ernstig_eenzaam', 'Ernstig of zeer ernstig eenzaam'],
  ['emotioneel_eenzaam', 'Emotioneel eenzaam'],
  ['sociaal_eenzaam', 'Sociaal eenzaam'],
  ['mantelzorger', 'Mantelzorger'],
  ['vrijwilligerswerk', 'Doet vrijwilligerswerk'],
  ['geluidhinder_buren', 'Ernstige geluidhinder door buren'],
  ['moeite_rondkomen', 'Moeite met rondkomen'],
  ['langdurig_beperkt', 'Langdurige ziekte en beperkt'],
];

/** 50090NED age groups (Leeftijd code) with their series prefix; other codes get `rivm_l<code>_`. */
export const RIVM_AGE_GROUPS: Readonly<Record<string, { prefix: string; group: string }>> = {
  20300: { prefix: 'rivm_', group: '18+' },
  80200: { prefix: 'rivm65_', group: '65+' },
};

/** Series id of a 50090NED measure for an age group (`ernstig_eenzaam`, `80200` → `rivm65_ernstig_eenzaam`). */
export function rivmSeriesId(key: string, ageCode = '20300'): string {
  return `${RIVM_AGE_GROUPS[ageCode]?.prefix ?? `rivm_l${ageCode}_`}${key}`;
}

/** The shipped RIVM series; every other (measure, age group) pair is importable. */
const SHIPPED_RIVM = new Set([...RIVM_MEASURES.map(([key]) => rivmSeriesId(key)), 'rivm65_ernstig_eenzaam']);

const rivmSeries = (): SeriesInfo[] => Object.entries(RIVM_AGE_GROUPS).flatMap(([code, { group }]) =>
  RIVM_MEASURES.map(([key, label]) => {
    const id = rivmSeriesId(key, code);
    const shipped = SHIPPED_RIVM.has(id);
    return s(id, `${label} (${group})`, '%', 'share', shipped ? 'shipped' : 'nationaal', `RIVM 50090NED${group === '18+' ? '' : ` (${group})`}`);
  }));

/** One series per SoortMisdrijf of 47018NED/47022NED (`misdrijven_1_1_1`); the total is `misdrijven_totaal` above. */
const crimeTypeSeries = (): SeriesInfo[] => [...SOORT_MISDRIJF].filter(([code]) => code !== '0.0.0').map(([code, title]) =>
  s(crimeSeries(code), `Geregistreerde misdrijven: ${title}`, 'aantal', 'count', 'nationaal', `Politie/CBS 47018NED of 47022NED soort misdrijf ${code}`));

export const SERIES: readonly SeriesInfo[] = [
  // --- shipped: Nederland 2024 ---
  s('inwoners', 'Inwoners', 'aantal', 'count', 'shipped', 'CBS 85984NED (KWB 2024)'),
  s('inwoners_0_14', 'Inwoners 0–14 jaar', 'aantal', 'count', 'shipped', 'CBS 85984NED'),
  s('inwoners_65plus', 'Inwoners 65 jaar en ouder', 'aantal', 'count', 'shipped', 'CBS 85984NED'),
  s('huishoudens', 'Huishoudens', 'aantal', 'count', 'shipped', 'CBS 85984NED'),
  s('huishoudensgrootte', 'Gemiddelde huishoudensgrootte', 'personen', 'value', 'shipped', 'CBS 85984NED'),
  s('bevolkingsdichtheid', 'Bevolkingsdichtheid', 'inwoners per km²', 'value', 'shipped', 'CBS 85984NED'),
  s('woz', 'Gemiddelde WOZ-waarde van woningen', '× € 1.000', 'value', 'shipped', 'CBS 85984NED'),
  s('koopwoningen', 'Aandeel koopwoningen', '%', 'share', 'shipped', 'CBS 85984NED'),
  s('eengezinswoningen', 'Aandeel eengezinswoningen', '%', 'share', 'shipped', 'CBS 85984NED'),
  s('inkomen_per_inwoner', 'Gemiddeld inkomen per inwoner', '× € 1.000', 'value', 'shipped', 'CBS 85984NED'),
  s('stedelijkheid', 'Mate van stedelijkheid', 'klasse 1–5', 'class', 'shipped', 'CBS 85984NED'),
  s('adressendichtheid', 'Omgevingsadressendichtheid', 'adressen per km²', 'value', 'shipped', 'CBS 85984NED'),
  s('oppervlakte_land', 'Oppervlakte land', 'ha', 'value', 'shipped', 'CBS 85984NED'),
  s('afstand_huisarts', 'Afstand tot huisartsenpraktijk', 'km', 'value', 'shipped', 'CBS 85984NED'),
  s('afstand_supermarkt', 'Afstand tot grote supermarkt', 'km', 'value', 'shipped', 'CBS 85984NED'),
  s('afstand_school', 'Afstand tot basisschool', 'km', 'value', 'shipped', 'CBS 85984NED'),
  s('woningvoorraad', 'Woningvoorraad', 'aantal', 'count', 'shipped', 'CBS 85984NED Woningvoorraad (wijk, gemeente)'),
  s('misdrijven_totaal', 'Geregistreerde misdrijven, alle soorten samen', 'aantal', 'count', 'shipped', 'Politie/CBS 47022NED totaal misdrijven'),
  s('rivm_koppeling', 'Koppeling RIVM-gezondheidscijfers', 'code', 'class', 'shipped', 'Afgeleid: code, naam, wijk- of gemeentewaarde'),
  s('misdrijven_inwonersdekking', 'Misdrijven: aandeel inwoners in buurten met politiecijfers', '%', 'share', 'shipped', 'Afgeleid: inwoners van buurten met cijfers ÷ inwoners van de wijk (47022NED, 85984NED)'),
  s('misdrijven_dekking', 'Dekking buurtregistratie misdrijven (som van de buurten ÷ gemeentetotaal)', '%', 'share', 'shipped', 'Afgeleid: som van de buurtcijfers ÷ gemeentetotaal (47022NED)'),
  s('goed_ervaren_gezondheid', 'Goed of zeer goed ervaren gezondheid (18+)', '%', 'share', 'shipped', 'RIVM 50150NED'),
  ...rivmSeries(),
  s('inkomen_laag', 'Personen met laag inkomen (landelijk laagste 40 %)', '%', 'share', 'shipped', 'CBS KWB 2022 (wijk, gemeente)'),
  s('inkomen_hoog', 'Personen met hoog inkomen (landelijk hoogste 20 %)', '%', 'share', 'shipped', 'CBS KWB 2022 (wijk, gemeente)'),
  s('arbeidsparticipatie', 'Netto arbeidsparticipatie (15–75 jaar)', '%', 'share', 'shipped', 'CBS KWB 2022 (wijk, gemeente)'),
  s('opleiding_hoog', 'Hoogopgeleiden (hbo/wo, 15–75 jaar)', '%', 'share', 'shipped', 'CBS KWB 2022 (wijk, gemeente)'),
  s('jongeren_15_24', 'Aandeel inwoners 15–24 jaar', '%', 'share', 'shipped', 'CBS KWB 2022 (wijk, gemeente); Groningen 2017'),
  // --- shipped: Groningen 2017 only ---
  s('eenpersoonshuishoudens', 'Aandeel eenpersoonshuishoudens', '%', 'share', 'shipped', 'CBS KWB (Groningen 2017); elders 85984NED Eenpersoonshuishoudens ÷ huishoudens'),
  s('huishoudens_met_kinderen', 'Aandeel huishoudens met kinderen', '%', 'share', 'shipped', 'CBS KWB (Groningen 2017)'),
  s('aandeel_65plus', 'Aandeel inwoners 65 jaar en ouder', '%', 'share', 'shipped', 'CBS KWB (Groningen 2017)'),
  s('verweduwd', 'Aandeel verweduwd', '%', 'share', 'shipped', 'CBS KWB (Groningen 2017); elders 85984NED Verweduwd'),
  s('fietsdiefstal', 'Geregistreerde fietsdiefstallen', 'aantal', 'count', 'shipped', 'politie Groningen A72 per buurt'),

  // --- importable from national public tables ---
  s('aandeel_0_14', 'Aandeel inwoners 0–14 jaar', '%', 'share', 'nationaal', 'CBS wijk- en buurtkaart, Kerncijfers (scripts/import-official.ts)'),
  s('opleiding_laag', 'Laagopgeleiden (15–75 jaar)', '%', 'share', 'nationaal', 'CBS 85984NED Opleidingsniveau laag (scripts/import-official.ts)'),
  s('opleiding_middelbaar', 'Middelbaar opgeleiden (15–75 jaar)', '%', 'share', 'nationaal', 'CBS 85984NED Opleidingsniveau middelbaar (scripts/import-official.ts)'),
  s('ses_woa', 'SES-WOA totaalscore (welvaart, opleiding, arbeid)', 'score', 'value', 'nationaal', 'CBS 85163NED SES-WOA (scripts/import-official.ts)'),
  ...crimeTypeSeries(),
  s('misdrijven_woninginbraak', 'Woninginbraak', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 1.1.1 Diefstal/inbraak woning (+ 1.1.2 × 0,5)'),
  s('misdrijven_straatroof_overval', 'Straatroof en overval', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 1.4.6 Straatroof + 1.4.7 Overval'),
  s('misdrijven_geweld', 'Geweldsmisdrijven', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 1.4.1–1.4.5 (zeden, moord/doodslag, openlijk geweld, bedreiging, mishandeling)'),
  s('misdrijven_vermogen_openbaar', 'Vermogensmisdrijven openbare ruimte', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 1.2.1, 1.2.2, 1.2.3, 1.2.5, 1.6.2'),
  s('misdrijven_ondermijning', 'Ondermijningssignalen', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 3.1.1, 3.1.3, 1.6.3, 1.6.1 (+ RIEC-signalen, 13b-sluitingen)'),
  s('misdrijven_bedrijf_winkel', 'Bedrijfs- en winkelcriminaliteit', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 2.5.1, 2.5.2, 1.2.4'),
  s('misdrijven_vernieling', 'Vernieling en zaakbeschadiging', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 2.2.1 Vernieling cq. zaakbeschadiging'),
  s('misdrijven_overlast', 'Overlastmisdrijven', 'aantal', 'count', 'nationaal', '47018NED soort misdrijf 2.4.1 + 2.1.1 + 3.6.4'),
  s('overlast_totaal', 'Geregistreerde overlast, totaal', 'aantal', 'count', 'nationaal', '47024NED Totaal registraties overlast'),
  s('overlast_jeugd', 'Jeugdoverlast', 'aantal', 'count', 'nationaal', '47024NED overlast jeugd'),
  s('overlast_verward', 'Overlast door verward persoon', 'aantal', 'count', 'nationaal', '47024NED overlast verward persoon'),
  s('leegstand', 'Leegstaande woningen', '%', 'share', 'nationaal', '85984NED OnbewoondeWoningen (p_leegsw)'),
  s('meergezinswoningen', 'Meergezinswoningen', '%', 'share', 'nationaal', '85984NED PercentageMeergezinswoning'),
  s('particuliere_huur', 'Huurwoningen overige verhuurders', '%', 'share', 'nationaal', '85984NED InBezitOverigeVerhuurders'),
  s('corporatiewoningen', 'Huurwoningen woningcorporaties', '%', 'share', 'nationaal', '85984NED InBezitWoningcorporatie'),
  s('nieuwbouw_10jr', 'Woningen gebouwd in de afgelopen tien jaar', '%', 'share', 'nationaal', '85984NED BouwjaarAfgelopenTienJaar'),
  s('huishoudens_sociaal_minimum', 'Huishoudens onder of rond sociaal minimum', '%', 'share', 'nationaal', '85984NED HuishOnderOfRondSociaalMinimum'),
  s('bijstand', 'Personen met bijstandsuitkering', 'aantal', 'count', 'nationaal', '85984NED PersonenPerSoortUitkeringBijstand'),
  s('ao_uitkering', 'Personen met arbeidsongeschiktheidsuitkering', 'aantal', 'count', 'nationaal', '85984NED PersonenPerSoortUitkeringAO'),
  s('inwoners_15_64', 'Inwoners 15–64 jaar', 'aantal', 'count', 'nationaal', '85984NED k_15Tot25 + k_25Tot45 + k_45Tot65'),
  s('vermogen_mediaan', 'Mediaan vermogen particuliere huishoudens', '× € 1.000', 'value', 'nationaal', '85984NED MediaanVermogenVanParticuliereHuish'),
  s('wmo_per_1000', 'Wmo-cliënten per 1.000 inwoners', 'per 1.000', 'value', 'nationaal', '85984NED WmoClientenRelatief'),
  s('jeugdzorg', 'Jongeren met jeugdzorg in natura', '%', 'share', 'nationaal', '85984NED PercentageJongerenMetJeugdzorg'),
  s('mist_emotionele_steun', 'Mist emotionele steun (18+)', '%', 'share', 'nationaal', 'RIVM 50120NED MistEmotioneleSteun'),
  s('cafes_1km', 'Cafés binnen 1 km', 'gemiddeld aantal', 'value', 'nationaal', 'CBS nabijheid cafe_gemiddeld_aantal_binnen_1_km'),
  s('bedrijven_handel_horeca', 'Vestigingen handel en horeca', 'aantal', 'count', 'nationaal', '85984NED GIHandelEnHoreca'),
  s('bedrijfsvestigingen', 'Bedrijfsvestigingen', 'aantal', 'count', 'nationaal', '85984NED BedrijfsvestigingenTotaal'),
  s('kinderen_armoede', 'Kinderen in huishoudens met laag inkomen', '%', 'share', 'nationaal', 'CBS Jeugdmonitor (gemeente-import)'),
  s('opkomst_verkiezingen', 'Opkomst gemeenteraadsverkiezingen', '%', 'share', 'nationaal', 'Kiesraad uitslagen per stembureau, ruimtelijk gekoppeld'),
  s('onveilig_buurt', 'Voelt zich weleens onveilig in eigen buurt', '%', 'share', 'nationaal', 'Veiligheidsmonitor 85146NED (gemeente) of lokale oversampling'),

  // --- local only (gemeente or kernteam import) ---
  s('mora_meldingen', 'Meldingen openbare ruimte', 'aantal', 'count', 'lokaal', 'MORA/BOR-meldingen (gemeente-import)'),
  s('verlichting_tekort', 'Verlichting: storingen en donkere plekken', 'score', 'value', 'lokaal', 'lichtpunten/storingen (gemeente) of schouw "donkere plek"'),
  s('cpted_schouw', 'Zichtlijnen en overzichtelijkheid (schouw)', 'score', 'value', 'lokaal', 'buurtschouw / CPTED-scan'),
  s('hotspots', 'Hotspots (station, uitgaan, hangplekken)', 'aantal', 'value', 'lokaal', 'kernteam'),
  s('verhuizingen', 'Verhuizingen (in + uit)', 'aantal', 'count', 'lokaal', 'BRP verhuismutaties (gemeente-import)'),
  s('cohesie_enquete', 'Sociale cohesie (enquête)', 'schaal 0–10', 'value', 'lokaal', 'Veiligheidsmonitor-oversampling of buurtenquête'),
  s('georganiseerd_toezicht', 'Georganiseerd toezicht (buurtpreventie)', 'score', 'value', 'lokaal', 'register buurtpreventie/WhatsApp-groepen (gemeente)'),
  s('informele_controle', 'Informele sociale controle (enquête)', 'schaal 0–10', 'value', 'lokaal', 'buurtenquête'),
  s('overlastdossiers', 'Woon- en buurtoverlastdossiers', 'aantal', 'count', 'lokaal', 'corporatie- en gemeentedossiers, buurtbemiddeling, meldpunt zorg & overlast'),
  s('schoolverzuim', 'Schoolverzuim en voortijdig schoolverlaten', 'per 1.000 jongeren', 'value', 'lokaal', 'leerplicht/RMC (gemeente-import)'),
  s('jeugdgroepen', 'Jeugdgroepen (groepsscan)', 'aantal', 'value', 'lokaal', 'politie groepsscan'),
];

export const seriesById: ReadonlyMap<string, SeriesInfo> = new Map(SERIES.map((x) => [x.id, x]));

/**
 * Label, unit and kind of a series for the pipeline and the readers: the
 * registry entry, or for a 50090NED age group without its own entry
 * (`rivm_l<code>_<key>`) the measure's label with that age code. Throws for
 * any other unknown series, so a new mapping cannot ship words of its own.
 */
export function seriesWords(id: string): Pick<SeriesInfo, 'label' | 'unit' | 'kind'> {
  const info = seriesById.get(id);
  if (info) return { label: info.label, unit: info.unit, kind: info.kind };
  const age = /^rivm_l(\w+?)_(.+)$/.exec(id);
  const measure = age && RIVM_MEASURES.find(([key]) => key === age[2]);
  if (age && measure) return { label: `${measure[1]} (leeftijd ${age[1]})`, unit: '%', kind: 'share' };
  throw new Error(`serie "${id}" staat niet in src/model/kompas/series.ts; voeg daar label, eenheid en soort toe`);
}

/** Words that mark herkomst/migratieachtergrond; such series never enter a score. */
export const HERKOMST_PATTERN = /herkomst|migratie|westers|allochto|nationaliteit|geboorteland|marokk|turk|surinam|antill/i;
