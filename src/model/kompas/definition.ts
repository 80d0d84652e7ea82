/**
 * The kompas model as data: spheres, twelve categories, their factors with
 * direction, default weight (and why), evidence, and indicator options best
 * first. The weights and every change to them, with reasons, are in
 * docs/scoring.md §3–§4 (nationally measurable factors carry ≥ 60 % of a category).
 */
import { seriesWords } from './series.ts';
import { CATEGORY_LABELS, type CategoryDef, type DialDef, type FactorDef, type IndicatorOption, type KompasModel } from './types.ts';

// ---- option helpers (keep the table below readable) ----
const crimeRate = (series: string, label: string, extra: Partial<IndicatorOption> = {}): IndicatorOption => ({
  kind: 'rate', series, denominator: 'inwoners', years: 3, per: 1000, shrink: true, transform: 'log', logOffset: 1,
  label: `${label} per 1.000 inwoners (gemiddelde van 3 jaar, gekrompen)`, unit: 'per 1.000 inwoners', ...extra,
} as IndicatorOption);
/** How a factor reads a plain series beyond the registry's words, e.g. "omgekeerd". */
type SeriesExtra = Partial<IndicatorOption> & { qualifier?: string };
/**
 * A plain series, labelled in the registry's words (src/model/kompas/series.ts),
 * so a figure reads the same in the drill-down and in its source row.
 */
function seriesOption(series: string, transform: IndicatorOption['transform'], base: Partial<IndicatorOption>, { qualifier, ...extra }: SeriesExtra): IndicatorOption {
  const words = seriesWords(series);
  const label = qualifier ? `${words.label} (${qualifier})` : words.label;
  return { kind: 'series', series, transform, ...base, label, unit: words.unit, ...extra } as IndicatorOption;
}
const share = (series: string, extra: SeriesExtra = {}) => seriesOption(series, 'logit', {}, extra);
const value = (series: string, extra: SeriesExtra = {}) => seriesOption(series, 'log', { logOffset: 1 }, extra);
const localScore = (series: string) => seriesOption(series, 'none', {}, {});

const f = (def: Omit<FactorDef, 'measurable'> & { measurable?: FactorDef['measurable'] }): FactorDef =>
  ({ measurable: 'nationaal', ...def });
const W = 'lokaal' as const;

// ---------------------------------------------------------------- fysiek
const F1: CategoryDef = {
  id: 'F1', sphere: 'fysiek', label: CATEGORY_LABELS.F1, type: 'determinant',
  description: 'Zichtbare tekenen dat niemand naar een plek omkijkt: vernieling, leegstand, achterstallig onderhoud.',
  evidence: 'Wilson & Kelling 1982; Skogan 1990; Keizer, Lindenberg & Steg 2008; Steenbeek & Hipp 2011',
  weightNote: '',
  substitutions: [],
  factors: [
    f({ id: 'F1.1', label: 'Vernielingen (signaalcriminaliteit)', category: 'F1', direction: 1, weight: 0.35,
      weightReason: 'Meest directe publieke meting van fysieke wanorde.', evidence: 'Keizer et al. 2008; Skogan 1990',
      options: [crimeRate('misdrijven_vernieling', 'Vernielingen')],
      fillHint: '47018NED soort misdrijf 2.2.1 Vernieling cq. zaakbeschadiging' }),
    f({ id: 'F1.2', label: 'Leegstand', category: 'F1', direction: 1, weight: 0.15,
      weightReason: 'Leegstand signaleert verval en schept onbewaakte plekken; nieuwbouw geeft schijnleegstand, vandaar licht.',
      evidence: 'Branas et al. 2018; Spelman 1993',
      options: [share('leegstand')],
      fillHint: '85984NED OnbewoondeWoningen (p_leegsw)' }),
    f({ id: 'F1.3', label: 'Relatieve woningwaarde', category: 'F1', direction: -1, weight: 0.15,
      weightReason: 'De woningmarkt prijst ervaren achteruitgang in; relatief binnen de gemeente om regionale prijsniveaus weg te nemen.',
      evidence: 'Leefbaarometer 3.0 gedragsmodel',
      options: [{ kind: 'relativeToGemeente', series: 'woz', transform: 'log', label: 'WOZ-waarde ÷ mediaan van de gemeente', unit: '× mediaan gemeente' }],
      fillHint: '85984NED GemiddeldeWOZWaardeVanWoningen' }),
    f({ id: 'F1.4', label: 'Meldingen en schouw openbare ruimte', category: 'F1', direction: 1, weight: 0.35, measurable: W,
      weightReason: 'Directe meting van verval; meldbereidheid verschilt, dus vergelijken binnen de gemeente.',
      evidence: 'CCV Tafel van 12',
      options: [{ kind: 'rate', series: 'mora_meldingen', denominator: 'inwoners', years: 1, per: 1000, shrink: true, transform: 'log', logOffset: 1, label: 'MORA-meldingen per 1.000 inwoners', unit: 'per 1.000 inwoners' }],
      fillHint: 'MORA/BOR-meldingen of CROW-schouw (gemeente-import)' }),
  ],
};

const F2: CategoryDef = {
  id: 'F2', sphere: 'fysiek', label: CATEGORY_LABELS.F2, type: 'determinant',
  description: 'Hoe de inrichting natuurlijk toezicht, zichtlijnen, territorialiteit en verlichting bepaalt.',
  evidence: 'Jeffery 1971; Newman 1972; Jacobs 1961; Welsh & Farrington 2008; Van Gemerden & Staats 2006',
  weightNote: 'Startgewichten: F2.1 0,25 · F2.2 0,40 · F2.3 0,35. Waar een landelijke bron bestaat, dragen landelijk meetbare factoren samen minstens 60 % van het gewicht, zodat de score ook zonder lokale gegevens iets zegt; gestapelde bouw (CBS Kerncijfers wijken en buurten) is hier die bron. Daarom weegt F2.1 0,60 en verfijnen verlichting (0,22) en zichtlijnen (0,18) de score zodra de gemeente ze aanlevert. Lees de score als indicatie van "verdedigbare ruimte" en vergelijk bij voorkeur buurten met dezelfde stedelijkheid. Zie docs/scoring.md §3.',
  substitutions: [],
  factors: [
    f({ id: 'F2.1', label: 'Gestapelde bouw', category: 'F2', direction: 1, weight: 0.60,
      weightReason: 'Enige landelijke meting; gedeelde entrees, galerijen en portieken verminderen verdedigbare ruimte. Verhoogd tot 0,60 (regel ≥ 60 % landelijk).',
      evidence: 'Newman 1972',
      options: [
        share('meergezinswoningen'),
        { kind: 'complement', series: 'eengezinswoningen', transform: 'logit', label: 'Meergezinswoningen (100 − % eengezinswoningen)', unit: '%', proxy: true,
          note: 'Afgeleid als 100 − % eengezinswoningen (±1 procentpunt afronding).' },
      ],
      fillHint: '85984NED PercentageMeergezinswoning' }),
    f({ id: 'F2.2', label: 'Verlichting & donkere plekken', category: 'F2', direction: 1, weight: 0.22, measurable: W,
      weightReason: 'Sterkste CPTED-hefboom, alleen lokaal meetbaar.', evidence: 'Welsh & Farrington 2008',
      options: [localScore('verlichting_tekort')],
      fillHint: 'Lichtpunten en storingen (gemeente) of schouw "donkere plek"' }),
    f({ id: 'F2.3', label: 'Zichtlijnen, groenbeheer, onoverzichtelijke routes', category: 'F2', direction: 1, weight: 0.18, measurable: W,
      weightReason: 'Inrichting bepaalt zowel criminaliteit als angst; alleen via schouw.', evidence: 'Van Gemerden & Staats 2006; CCV Tafel van 12',
      options: [localScore('cpted_schouw')],
      fillHint: 'Buurtschouw of CPTED-scan (kernteam)' }),
  ],
};

const F3: CategoryDef = {
  id: 'F3', sphere: 'fysiek', label: CATEGORY_LABELS.F3, type: 'gelegenheid',
  description: 'Drukte en gelegenheid: horeca, winkels, bezoekers. Blootstelling, geen tekort van bewoners.',
  evidence: 'Cohen & Felson 1979; Brantingham & Brantingham 1995; Bernasco & Block 2011; Weisburd 2015',
  weightNote: '',
  substitutions: [],
  factors: [
    f({ id: 'F3.1', label: 'Horeca en uitgaan', category: 'F3', direction: 1, weight: 0.35, exposure: true,
      weightReason: 'Alcohol en nachtleven genereren geweld en overlast.', evidence: 'Brantingham & Brantingham 1995; Bernasco & Block 2011',
      options: [value('cafes_1km', { qualifier: 'incl. discotheken, coffeeshops', logOffset: 0.5 })],
      fillHint: 'CBS nabijheid cafe_gemiddeld_aantal_binnen_1_km' }),
    f({ id: 'F3.2', label: 'Winkel- en bedrijfsdichtheid', category: 'F3', direction: 1, weight: 0.25, exposure: true,
      weightReason: 'Doelwitten voor winkeldiefstal, zakkenrollerij en fietsdiefstal.', evidence: 'Cohen & Felson 1979',
      options: [{ kind: 'ratio', numerator: 'bedrijven_handel_horeca', denominator: 'woningvoorraad', scale: 100, transform: 'log', logOffset: 1, label: 'Vestigingen handel & horeca per 100 woningen', unit: 'per 100 woningen' }],
      fillHint: '85984NED GIHandelEnHoreca ÷ Woningvoorraad' }),
    f({ id: 'F3.3', label: 'Bezoekersdruk / niet-woonkarakter', category: 'F3', direction: 1, weight: 0.20, exposure: true,
      weightReason: 'Markeert buurten waar cijfers per inwoner misleiden.', evidence: 'Andresen 2006, 2011; Boivin 2018 (docs/scoring.md §2b)',
      options: [
        { kind: 'ratio', numerator: 'bedrijfsvestigingen', denominator: 'woningvoorraad', scale: 1, transform: 'log', logOffset: 0.05, label: 'Bedrijfsvestigingen per woning', unit: 'per woning' },
        { kind: 'ratio', numerator: 'adressendichtheid', denominator: 'bevolkingsdichtheid', scale: 1, transform: 'log', logOffset: 0.05,
          label: 'Omgevingsadressen per inwoner (adressendichtheid ÷ bevolkingsdichtheid)', unit: 'adressen per inwoner', proxy: true,
          note: 'Benadering: omgevingsadressendichtheid (1 km-straal) gedeeld door de eigen bevolkingsdichtheid; hoog bij weinig bewoners tussen veel adressen.' },
      ],
      fillHint: '85984NED BedrijfsvestigingenTotaal ÷ Woningvoorraad' }),
    f({ id: 'F3.4', label: 'Hotspots', category: 'F3', direction: 1, weight: 0.20, measurable: W, exposure: true,
      weightReason: 'Lokale kennis van stations, uitgaansgebied, hangplekken.', evidence: 'Weisburd 2015; Braga et al. 2019',
      options: [localScore('hotspots')],
      fillHint: 'Kernteam: stations, uitgaansgebied, hangplekken, evenementen' }),
  ],
};

const F4: CategoryDef = {
  id: 'F4', sphere: 'fysiek', label: CATEGORY_LABELS.F4, type: 'determinant',
  description: 'Eigendom en doorstroom die bepalen hoe lang bewoners blijven en elkaar kennen.',
  evidence: 'Shaw & McKay 1942; Sampson & Groves 1989; Pratt & Cullen 2005; Van Wilsem, Wittebrood & De Graaf 2006',
  weightNote: '',
  substitutions: [],
  factors: [
    f({ id: 'F4.1', label: 'Verhuismobiliteit', category: 'F4', direction: 1, weight: 0.40, measurable: W,
      weightReason: 'Kernmechanisme van instabiliteit, ontbreekt in de KWB.', evidence: 'Sampson & Groves 1989; Steenbeek & Hipp 2011; Hardyns et al. 2022',
      options: [{ kind: 'rate', series: 'verhuizingen', denominator: 'inwoners', years: 1, per: 100, shrink: true, transform: 'log', logOffset: 1, label: 'Verhuizingen (in + uit) per 100 inwoners', unit: 'per 100 inwoners' }],
      fillHint: 'BRP verhuismutaties (gemeente-import) of corporatie-mutatiegraad' }),
    f({ id: 'F4.2', label: 'Particuliere huur', category: 'F4', direction: 1, weight: 0.30,
      weightReason: 'Korte huurperioden en veel doorstroom; beste publieke benadering van F4.1.', evidence: 'sociale desorganisatie',
      options: [
        share('particuliere_huur'),
        { kind: 'complement', series: 'koopwoningen', transform: 'logit', label: 'Huurwoningen (100 − % koopwoningen)', unit: '%', proxy: true,
          note: 'Benadering: alle huur (corporatie, particulier, eigendom onbekend) als 100 − % koopwoningen.' },
      ],
      fillHint: '85984NED InBezitOverigeVerhuurders' }),
    f({ id: 'F4.3', label: 'Concentratie sociale huur', category: 'F4', direction: 1, weight: 0.15,
      weightReason: 'Toewijzing concentreert lage inkomens; niet causaal en overlapt met I1, daarom laag.', evidence: 'Van Wilsem et al. 2006',
      options: [share('corporatiewoningen')],
      fillHint: '85984NED InBezitWoningcorporatie' }),
    f({ id: 'F4.4', label: 'Nieuwbouw', category: 'F4', direction: 1, weight: 0.15,
      weightReason: 'Nieuwe buurten missen netwerken (tijdelijk); verklaart ook schijnleegstand.', evidence: 'ontwerpkeuze van het kompas (geen empirische bron)',
      options: [share('nieuwbouw_10jr')],
      fillHint: '85984NED BouwjaarAfgelopenTienJaar' }),
  ],
};

// ---------------------------------------------------------------- sociaal
const S1: CategoryDef = {
  id: 'S1', sphere: 'sociaal', label: CATEGORY_LABELS.S1, type: 'determinant',
  description: 'Mate waarin bewoners elkaar kennen, vertrouwen en helpen.',
  evidence: 'Sampson & Groves 1989; Putnam 2000; Sampson, Raudenbush & Earls 1997',
  weightNote: 'Startgewichten: S1.1 0,30 · S1.2 0,20 · S1.3 0,50. Cohesie per buurt is alleen met een lokale enquête te meten; omdat landelijk meetbare factoren samen minstens 60 % van het gewicht dragen, is het nu S1.1 0,35 · S1.2 0,25 · S1.3 0,40. Zie docs/scoring.md §3.',
  substitutions: [],
  factors: [
    f({ id: 'S1.1', label: 'Sociale eenzaamheid', category: 'S1', direction: 1, weight: 0.35,
      weightReason: 'Te weinig relaties in het dagelijks leven; dichtste publieke benadering van zwakke buurtbanden.',
      evidence: 'De Jong-Gierveld-schaal; RIVM kleine-gebiedsschattingen',
      options: [
        share('rivm_sociaal_eenzaam'),
        share('rivm_eenzaam', { proxy: true, note: 'Benadering: totale eenzaamheid in plaats van sociale eenzaamheid.' }),
      ],
      fillHint: 'RIVM 50120NED SociaalEenzaam' }),
    f({ id: 'S1.2', label: 'Alleenwonenden', category: 'S1', direction: 1, weight: 0.25,
      weightReason: 'Minder huishoudgebonden banden en toezicht; licht omdat RIVM-schattingen huishoudtype al als covariaat gebruiken.',
      evidence: 'Sampson & Groves 1989; RIVM risicogroepen eenzaamheid',
      options: [
        share('eenpersoonshuishoudens'),
        value('huishoudensgrootte', { qualifier: 'omgekeerd', logOffset: 0, sign: -1, proxy: true,
          note: 'Benadering: kleinere gemiddelde huishoudens betekenen meer alleenwonenden.' }),
      ],
      fillHint: '85984NED Eenpersoonshuishoudens ÷ HuishoudensTotaal' }),
    f({ id: 'S1.3', label: 'Cohesie (enquête)', category: 'S1', direction: -1, weight: 0.40, measurable: W,
      weightReason: 'Het construct zelf; verlaagd van 0,50 omdat het op buurtniveau alleen lokaal bestaat.', evidence: 'Veiligheidsmonitor cohesieschaal',
      options: [localScore('cohesie_enquete')],
      fillHint: 'Veiligheidsmonitor 85146NED (gemeente) of buurtenquête' }),
  ],
};

const S2: CategoryDef = {
  id: 'S2', sphere: 'sociaal', label: CATEGORY_LABELS.S2, type: 'determinant',
  description: 'Bereidheid om in te grijpen voor het gemeenschappelijk belang en feitelijke betrokkenheid.',
  evidence: 'Sampson et al. 1997; Cohen & Felson 1979; Steenbeek & Hipp 2011; Hardyns, Pauwels & Khalfa 2022',
  weightNote: 'Startgewichten: S2.1 0,25 · S2.2 0,25 · S2.3 0,35 · S2.4 0,15. Omdat landelijk meetbare factoren (vrijwilligerswerk van het RIVM en de opkomst bij verkiezingen) samen minstens 60 % van het gewicht dragen, is het nu S2.1 0,45 · S2.2 0,15 · S2.3 0,25 · S2.4 0,15. Met alleen de RIVM-cijfers is 45 % van het gewicht gevuld ("beperkte dekking"): vrijwilligerswerk is een zwakke benadering. Zie docs/scoring.md §3.',
  substitutions: [],
  factors: [
    f({ id: 'S2.1', label: 'Vrijwilligerswerk', category: 'S2', direction: -1, weight: 0.45,
      weightReason: 'Maatschappelijke participatie hangt samen met collective efficacy; verhoogd (regel ≥ 60 % landelijk).', evidence: 'Sampson et al. 1997',
      options: [share('rivm_vrijwilligerswerk')],
      fillHint: 'RIVM 50120NED Vrijwilligerswerk' }),
    f({ id: 'S2.2', label: 'Georganiseerd toezicht', category: 'S2', direction: -1, weight: 0.15, measurable: W,
      weightReason: 'Georganiseerd toezicht; register is lokaal.', evidence: 'Akkermans & Vollaard 2015; Bennett et al. 2008',
      options: [localScore('georganiseerd_toezicht')],
      fillHint: 'Register buurtpreventie en WhatsApp-groepen (gemeente)' }),
    f({ id: 'S2.3', label: 'Informele sociale controle (enquête)', category: 'S2', direction: -1, weight: 0.25, measurable: W,
      weightReason: 'Potentiële en feitelijke controle; alleen via enquête.', evidence: 'Steenbeek & Hipp 2011',
      options: [localScore('informele_controle')],
      fillHint: 'Buurtenquête ("bewoners spreken elkaar aan")' }),
    f({ id: 'S2.4', label: 'Opkomst verkiezingen', category: 'S2', direction: -1, weight: 0.15,
      weightReason: 'Betrokkenheid; zwak omdat kiezers bij elk stembureau in de gemeente mogen stemmen.', evidence: 'ontwerpkeuze van het kompas (geen empirische bron)',
      options: [share('opkomst_verkiezingen')],
      fillHint: 'Kiesraad uitslagen per stembureau, ruimtelijk gekoppeld' }),
  ],
};

const S3: CategoryDef = {
  id: 'S3', sphere: 'sociaal', label: CATEGORY_LABELS.S3, type: 'uitkomst',
  description: 'Gedrag dat stoort of intimideert zonder (ernstige) misdaad te zijn: jeugd, buren, verward gedrag, drank en drugs.',
  evidence: 'Skogan 1990; LaGrange, Ferraro & Supancic 1992; Innes 2004; CCV Tafel van 12',
  weightNote: 'Startgewichten: S3.1 0,30 · S3.2 0,10 · S3.3 0,15 · S3.4 0,15 · S3.5 0,30. Geluidhinder door buren (RIVM) is de enige landelijke maat voor overlast per buurt en weegt daarom 0,30 (S3.1 0,25 · S3.3 0,10 · S3.5 0,25). Zonder politieregistratie van overlast blijft deze categorie "beperkte dekking" en een schatting. Zie docs/scoring.md §3.',
  substitutions: [],
  factors: [
    f({ id: 'S3.1', label: 'Geregistreerde overlast (totaal)', category: 'S3', direction: 1, weight: 0.25,
      weightReason: 'Door de politie geregistreerde incidenten.', evidence: '47024NED',
      options: [crimeRate('overlast_totaal', 'Overlastregistraties')],
      fillHint: '47024NED Totaal registraties overlast' }),
    f({ id: 'S3.2', label: 'Jeugdoverlast', category: 'S3', direction: 1, weight: 0.10,
      weightReason: 'Meest genoemde bron van angst.', evidence: 'Skogan 1990',
      options: [crimeRate('overlast_jeugd', 'Jeugdoverlast')],
      fillHint: '47024NED overlast jeugd' }),
    f({ id: 'S3.3', label: 'Overlastmisdrijven', category: 'S3', direction: 1, weight: 0.10,
      weightReason: 'Overlast die de strafrechtelijke drempel overschrijdt.', evidence: '47018NED',
      options: [crimeRate('misdrijven_overlast', 'Overlastmisdrijven')],
      fillHint: '47018NED soort misdrijf 2.4.1 Burengerucht + 2.1.1 Drugs/drankoverlast + 3.6.4 Aantasting openbare orde' }),
    f({ id: 'S3.4', label: 'Ernstige geluidhinder door buren', category: 'S3', direction: 1, weight: 0.30,
      weightReason: 'De enige landelijke maat van ervaren overlast per buurt; verhoogd tot 0,30 zodat S3 niet overal een witte vlek is, maar met alleen deze factor blijft S3 "beperkte dekking".',
      evidence: 'Skogan 1990; RIVM kleine-gebiedsschattingen (Van de Kassteele et al. 2017)',
      options: [share('rivm_geluidhinder_buren', { proxy: true,
        note: 'RIVM-modelschatting uit de Gezondheidsmonitor 2020 (een schatting, geen registratie); burenlawaai is één vorm van overlast.' })],
      fillHint: 'RIVM 50120NED ErnstigeGeluidhinderDoorBuren' }),
    f({ id: 'S3.5', label: 'Woon- en buurtoverlast (dossiers)', category: 'S3', direction: 1, weight: 0.25, measurable: W,
      weightReason: 'Lokale registraties zien wat de politie nooit ziet.', evidence: 'CCV',
      options: [{ kind: 'rate', series: 'overlastdossiers', denominator: 'inwoners', years: 1, per: 1000, shrink: true, transform: 'log', logOffset: 1, label: 'Overlastdossiers per 1.000 inwoners', unit: 'per 1.000 inwoners' }],
      fillHint: 'Corporatie- en gemeentedossiers, buurtbemiddeling, meldpunt zorg & overlast' }),
  ],
};

const S4: CategoryDef = {
  id: 'S4', sphere: 'sociaal', label: CATEGORY_LABELS.S4, type: 'uitkomst',
  description: 'Geregistreerde misdrijven tegen bewoners en plekken: vermogen, geweld, ondermijningssignalen.',
  evidence: 'Politie/CBS 47018NED en 47022NED',
  weightNote: 'Startgewichten: 0,20 · 0,15 · 0,30 · 0,15 · 0,10 (samen 0,90, want S4.6 telt niet mee); herschaald naar samen 1: 0,22 · 0,17 · 0,33 · 0,17 · 0,11. Zolang alleen het totaal van de misdrijven bekend is (47022NED, zonder uitsplitsing naar soort), neemt S4.0 het gewicht van de ontbrekende soorten over, als benadering. Zie docs/scoring.md §3.',
  substitutions: [{ factor: 'S4.0', replaces: ['S4.1', 'S4.2', 'S4.3', 'S4.4', 'S4.5'],
    note: 'Zonder misdrijven per soort telt het totaal aantal geregistreerde misdrijven als benadering voor de soorten.' }],
  factors: [
    f({ id: 'S4.0', label: 'Geregistreerde misdrijven (totaal)', category: 'S4', direction: 1, weight: 0,
      weightReason: 'Vervangt de soorten S4.1–S4.5 alleen als die allemaal ontbreken (dan hun gewicht); anders 0 om dubbeltelling te voorkomen.',
      evidence: 'Politie/CBS 47022NED',
      options: [crimeRate('misdrijven_totaal', 'Misdrijven', { proxy: true,
        note: 'Totaal van alle misdrijven (incl. verkeer, fraude, cyber, vernieling) als benadering van de soorten; geregistreerd op de pleeglocatie.' })],
      fillHint: 'Politie/CBS 47022NED totaal misdrijven' }),
    f({ id: 'S4.1', label: 'Woninginbraak', category: 'S4', direction: 1, weight: 0.22,
      weightReason: 'High impact en goed gemeld.', evidence: '47018NED 1.1.1',
      options: [
        { kind: 'rate', series: 'misdrijven_woninginbraak', denominator: 'woningvoorraad', years: 3, per: 1000, shrink: true, transform: 'log', logOffset: 1, label: 'Woninginbraken per 1.000 woningen (3 jaar, gekrompen)', unit: 'per 1.000 woningen' },
        crimeRate('misdrijven_woninginbraak', 'Woninginbraken', { proxy: true, note: 'Per 1.000 inwoners omdat het aantal woningen op dit niveau ontbreekt.' }),
      ],
      fillHint: '47018NED soort misdrijf 1.1.1 Diefstal/inbraak woning' }),
    f({ id: 'S4.2', label: 'Straatroof & overval', category: 'S4', direction: 1, weight: 0.17,
      weightReason: 'Grote invloed op angst.', evidence: '47018NED 1.4.6, 1.4.7',
      options: [crimeRate('misdrijven_straatroof_overval', 'Straatroven en overvallen')],
      fillHint: '47018NED soort misdrijf 1.4.6 Straatroof + 1.4.7 Overval' }),
    f({ id: 'S4.3', label: 'Geweld', category: 'S4', direction: 1, weight: 0.33,
      weightReason: 'Kern van slachtofferschade.', evidence: '47018NED 1.4.1–1.4.5',
      options: [crimeRate('misdrijven_geweld', 'Geweldsmisdrijven')],
      fillHint: '47018NED soort misdrijf 1.4.1–1.4.5' }),
    f({ id: 'S4.4', label: 'Vermogen in de openbare ruimte', category: 'S4', direction: 1, weight: 0.17,
      weightReason: 'Sterk plaatsgebonden.', evidence: '47018NED 1.2.x',
      options: [
        crimeRate('misdrijven_vermogen_openbaar', 'Vermogensmisdrijven openbare ruimte'),
        crimeRate('fietsdiefstal', 'Fietsdiefstallen', { proxy: true, note: 'Benadering: alleen fietsdiefstal (politie Groningen); onvolledige jaren tellen niet mee.' }),
      ],
      fillHint: '47018NED soort misdrijf 1.2.1, 1.2.2, 1.2.3, 1.2.5, 1.6.2' }),
    f({ id: 'S4.5', label: 'Ondermijningssignalen', category: 'S4', direction: 1, weight: 0.11,
      weightReason: 'Opsporingsgedreven (haalcriminaliteit), daarom laag en als "signaal".', evidence: '47018NED 3.1.1, 3.1.3, 1.6.3, 1.6.1',
      options: [crimeRate('misdrijven_ondermijning', 'Ondermijningssignalen')],
      fillHint: '47018NED soort misdrijf 3.1.1, 3.1.3, 1.6.3, 1.6.1; RIEC-signalen' }),
    f({ id: 'S4.6', label: 'Bedrijfs- en winkelcriminaliteit', category: 'S4', direction: 1, weight: 0, shownOnly: true, exposure: true,
      weightReason: 'Getoond, niet gescoord voor bewoners: weerspiegelt vooral winkelaanwezigheid (F3).', evidence: '47018NED 2.5.1, 2.5.2, 1.2.4',
      options: [crimeRate('misdrijven_bedrijf_winkel', 'Bedrijfs- en winkelmisdrijven')],
      fillHint: '47018NED soort misdrijf 2.5.1, 2.5.2, 1.2.4' }),
    f({ id: 'S4.7', label: 'Geregistreerde misdrijven per hectare (blootstelling)', category: 'S4', direction: 1, weight: 0, shownOnly: true, exposure: true,
      weightReason: 'Getoond naast het cijfer per inwoner: in bezoekers- en werkgebieden zijn bewoners niet de blootgestelde bevolking, dus telt de dichtheid per hectare land (Andresen 2006, 2011; Boivin 2018).',
      evidence: 'Andresen 2006; Andresen 2011; Boivin 2018; Malleson & Andresen 2015',
      options: [{ kind: 'rate', series: 'misdrijven_totaal', denominator: 'oppervlakte_land', years: 3, per: 1, shrink: false, transform: 'log', logOffset: 0.1,
        label: 'Misdrijven per hectare land (gemiddelde van 3 jaar)', unit: 'per ha', proxy: true,
        note: 'Blootstellingsmaat: alle geregistreerde misdrijven per hectare land, onafhankelijk van het aantal bewoners.' }],
      fillHint: 'Politie/CBS 47022NED totaal misdrijven en CBS oppervlakte land' }),
  ],
};

// ---------------------------------------------------------------- individueel
const I1: CategoryDef = {
  id: 'I1', sphere: 'individueel', label: CATEGORY_LABELS.I1, type: 'determinant',
  description: 'Concentratie van financiële onzekerheid, lage arbeidsmarktbinding en lage opleiding.',
  evidence: 'Wilson 1987; Sampson et al. 1997; Agnew 1992; Pratt & Cullen 2005; Bruinsma et al. 2013',
  weightNote: '',
  substitutions: [],
  factors: [
    f({ id: 'I1.1', label: 'Lage inkomens', category: 'I1', direction: 1, weight: 0.30,
      weightReason: 'Geconcentreerde achterstand is de sterkste macrovoorspeller.', evidence: 'Pratt & Cullen 2005; Sampson et al. 1997',
      options: [
        share('huishoudens_sociaal_minimum'),
        share('inkomen_laag', { proxy: true, note: 'Benadering: laagste 40 % landelijk (2022) in plaats van sociaal minimum.' }),
        value('inkomen_per_inwoner', { qualifier: 'omgekeerd', logOffset: 0, sign: -1, proxy: true,
          note: 'Benadering: een laag gemiddeld inkomen per inwoner; CBS publiceert het alleen voor grotere buurten.' }),
      ],
      fillHint: '85984NED HuishOnderOfRondSociaalMinimum' }),
    f({ id: 'I1.2', label: 'Bijstand', category: 'I1', direction: 1, weight: 0.25,
      weightReason: 'Langdurige uitsluiting.', evidence: 'Bruinsma et al. 2013',
      options: [{ kind: 'ratio', numerator: 'bijstand', denominator: 'inwoners_15_64', scale: 100, transform: 'logit', label: 'Bijstand per 100 inwoners 15–64', unit: '%' }],
      fillHint: '85984NED PersonenPerSoortUitkeringBijstand ÷ inwoners 15–64' }),
    f({ id: 'I1.3', label: 'Arbeidsparticipatie', category: 'I1', direction: -1, weight: 0.15,
      weightReason: 'Arbeidsmarktbinding.', evidence: 'Wilson 1987',
      options: [share('arbeidsparticipatie')],
      fillHint: '85984NED NettoArbeidsparticipatie' }),
    f({ id: 'I1.4', label: 'Opleidingsniveau laag', category: 'I1', direction: 1, weight: 0.10,
      weightReason: 'Hulpbronnenbenadering.', evidence: 'literatuur concentrated disadvantage',
      options: [share('opleiding_hoog', { qualifier: 'omgekeerd', sign: -1, proxy: true, note: 'Benadering: een laag aandeel hbo/wo in plaats van het aandeel laagopgeleiden.' })],
      fillHint: '85984NED opleidingsniveau laag (a_opl_bvm)' }),
    f({ id: 'I1.5', label: 'Moeite met rondkomen', category: 'I1', direction: 1, weight: 0.10,
      weightReason: 'Ervaren financiële stress.', evidence: 'RIVM kleine-gebiedsschattingen',
      options: [share('rivm_moeite_rondkomen')],
      fillHint: 'RIVM 50120NED MoeiteMetRondkomen' }),
    f({ id: 'I1.6', label: 'Vermogen', category: 'I1', direction: -1, weight: 0.10,
      weightReason: 'Buffer tegen tegenslag.', evidence: 'CBS',
      options: [value('vermogen_mediaan', { transform: 'none' })],
      fillHint: '85984NED MediaanVermogenVanParticuliereHuish' }),
  ],
};

const I2: CategoryDef = {
  id: 'I2', sphere: 'individueel', label: CATEGORY_LABELS.I2, type: 'determinant',
  description: 'Bewoners die door hun fysieke, sociale of emotionele positie kwetsbaarder zijn voor slachtofferschap, isolement en angst.',
  evidence: 'Killias 1990; Hale 1996; Gezondheidsmonitor 2022',
  weightNote: 'Startgewichten: I2.1 0,25 · I2.2 0,15 · I2.3 0,15 · I2.4 0,15 · I2.5 0,20 · I2.6 0,10. Ouderen, verweduwden en afstand tot voorzieningen maken een gebied niet kwetsbaarder voor onveiligheid: oudere en landelijke buurten hebben juist minder slachtoffers (Cohen & Felson 1979; Killias 1990 gaat over angst van personen, niet over buurten). Ze staan daarom als context in de uitleg (gewicht 0), en het gewicht is nu I2.1 0,40 · I2.2 0,25 · I2.5 0,35. Zie docs/scoring.md §3.',
  substitutions: [],
  factors: [
    f({ id: 'I2.1', label: 'Ernstige eenzaamheid', category: 'I2', direction: 1, weight: 0.40,
      weightReason: 'Emotioneel en sociaal isolement.', evidence: 'Gezondheidsmonitor 2022',
      options: [
        share('rivm_ernstig_eenzaam'),
        share('rivm65_ernstig_eenzaam', { proxy: true, note: 'Benadering: alleen 65-plussers.' }),
      ],
      fillHint: 'RIVM 50120NED ErnstigZeerErnstigEenzaam' }),
    f({ id: 'I2.2', label: 'Mist emotionele steun', category: 'I2', direction: 1, weight: 0.25,
      weightReason: 'Gebrek aan steun na slachtofferschap.', evidence: 'kwetsbaarheidsmodel',
      options: [
        share('mist_emotionele_steun'),
        share('rivm_emotioneel_eenzaam', { proxy: true, note: 'Benadering: emotionele eenzaamheid; "mist emotionele steun" zit niet in de geleverde RIVM-tabel.' }),
      ],
      fillHint: 'RIVM 50120NED MistEmotioneleSteun' }),
    f({ id: 'I2.3', label: 'Ouderen (context)', category: 'I2', direction: 1, weight: 0, shownOnly: true,
      weightReason: 'Context, niet gescoord: ouderen zijn persoonlijk angstiger (Killias 1990), maar buurten met veel ouderen hebben minder geregistreerde criminaliteit en slachtofferschap (routineactiviteiten: Cohen & Felson 1979).',
      evidence: 'Killias 1990; Cohen & Felson 1979',
      options: [
        { kind: 'ratio', numerator: 'inwoners_65plus', denominator: 'inwoners', scale: 100, transform: 'logit', label: 'Inwoners 65+ ÷ inwoners', unit: '%' },
        share('aandeel_65plus'),
      ],
      fillHint: '85984NED k_65JaarOfOuder ÷ AantalInwoners' }),
    f({ id: 'I2.4', label: 'Verweduwd (context)', category: 'I2', direction: 1, weight: 0, shownOnly: true,
      weightReason: 'Context, niet gescoord: op gebiedsniveau vooral een maat voor leeftijd (zie I2.3); de eenzaamheid die het zou voorspellen meet I2.1 direct.',
      evidence: 'VZinfo; Cohen & Felson 1979',
      options: [share('verweduwd')],
      fillHint: '85984NED Verweduwd' }),
    f({ id: 'I2.5', label: 'Wmo-maatwerk', category: 'I2', direction: 1, weight: 0.35,
      weightReason: 'Zorgafhankelijkheid.', evidence: 'CBS',
      options: [value('wmo_per_1000')],
      fillHint: '85984NED WmoClientenRelatief' }),
    f({ id: 'I2.6', label: 'Afstand basisvoorzieningen (context)', category: 'I2', direction: 1, weight: 0, shownOnly: true,
      weightReason: 'Context, niet gescoord: grote afstanden horen bij landelijke buurten, die op elke onafhankelijke maat veiliger zijn; als kwetsbaarheid zou het de score de verkeerde kant op trekken.',
      evidence: 'Cohen & Felson 1979; Shaw & McKay 1942 (criminaliteit concentreert zich stedelijk)',
      options: [{ kind: 'mean', series: ['afstand_huisarts', 'afstand_supermarkt'], transform: 'log', logOffset: 0.1, label: 'Gemiddelde afstand huisarts en supermarkt', unit: 'km' }],
      fillHint: '85984NED AfstandTotHuisartsenpraktijk, AfstandTotGroteSupermarkt' }),
  ],
};

const I3: CategoryDef = {
  id: 'I3', sphere: 'individueel', label: CATEGORY_LABELS.I3, type: 'determinant',
  description: 'Voorwaarden om veilig op te groeien; risico- en beschermende factoren. Een groot aandeel jongeren is blootstelling, geen tekort.',
  evidence: 'Farrington 1996; Hawkins & Catalano (Communities That Care)',
  weightNote: 'Startgewichten: I3.1 0,30 · I3.2 0,15 · I3.3 0,20 · I3.4 0,20 · I3.5 0,15. Omdat landelijk meetbare factoren samen minstens 60 % van het gewicht dragen, is het nu I3.1 0,40 (CBS Kerncijfers) · I3.2 0,10 (CBS Kerncijfers; blootstelling, bewust licht) · I3.3 0,20 (CBS Jeugdmonitor) · I3.4 0,15 · I3.5 0,15. Zie docs/scoring.md §3.',
  substitutions: [],
  factors: [
    f({ id: 'I3.1', label: 'Jeugdhulp, jeugdbescherming, jeugdreclassering', category: 'I3', direction: 1, weight: 0.40,
      weightReason: 'Concentratie van gezins- en jeugdproblemen; verhoogd (regel ≥ 60 % landelijk).', evidence: 'CBS-definitie jeugdzorg in natura',
      options: [share('jeugdzorg')],
      fillHint: '85984NED PercentageJongerenMetJeugdzorg' }),
    f({ id: 'I3.2', label: 'Jongeren 15–24', category: 'I3', direction: 1, weight: 0.10, exposure: true,
      weightReason: 'Leeftijd-criminaliteitscurve; blootstelling, niet stigmatiserend bedoeld, daarom laag.', evidence: 'age–crime curve',
      options: [share('jongeren_15_24')],
      fillHint: '85984NED k_15Tot25Jaar ÷ AantalInwoners' }),
    f({ id: 'I3.3', label: 'Kinderen in armoede', category: 'I3', direction: 1, weight: 0.20,
      weightReason: 'Ontwikkelingsrisico.', evidence: 'CTC-risicofactoren',
      options: [share('kinderen_armoede')],
      fillHint: 'CBS Jeugdmonitor (gemeente-import)' }),
    f({ id: 'I3.4', label: 'Schooluitval en verzuim', category: 'I3', direction: 1, weight: 0.15, measurable: W,
      weightReason: 'Schoolbinding is beschermend.', evidence: 'Farrington 1996',
      options: [value('schoolverzuim')],
      fillHint: 'Leerplicht/RMC per buurt (gemeente-import)' }),
    f({ id: 'I3.5', label: 'Jeugdgroepen', category: 'I3', direction: 1, weight: 0.15, measurable: W,
      weightReason: 'Lokaal signaal.', evidence: 'politie groepsscan',
      options: [value('jeugdgroepen', { logOffset: 1 })],
      fillHint: 'Politie groepsscan (hinderlijk / overlastgevend / crimineel)' }),
  ],
};

const I4: CategoryDef = {
  id: 'I4', sphere: 'individueel', label: CATEGORY_LABELS.I4, type: 'determinant',
  description: 'Psychische en lichamelijke belasting en zorgafhankelijkheid, inclusief het signaal "verward gedrag".',
  evidence: 'Killias 1990; Teplin et al. 2005',
  weightNote: '',
  substitutions: [],
  factors: [
    f({ id: 'I4.1', label: 'Psychische kwetsbaarheid', category: 'I4', direction: 1, weight: 0.25,
      weightReason: 'Kwetsbaarheid en veerkracht.', evidence: 'RIVM',
      options: [
        share('rivm_angst_depressie'),
        share('rivm_stress', { proxy: true, note: 'Benadering: ervaren stress in plaats van risico op angst of depressie.' }),
      ],
      fillHint: 'RIVM 50120NED HoogRisicoOpAngstOfDepressie' }),
    f({ id: 'I4.2', label: 'Ervaren gezondheid', category: 'I4', direction: -1, weight: 0.20,
      weightReason: 'Algemene gezondheidslast.', evidence: 'RIVM',
      options: [
        share('goed_ervaren_gezondheid'),
        share('rivm_ervaren_gezondheid'),
      ],
      fillHint: 'RIVM 50120NED ErvarenGezondheidGoedZeerGoed' }),
    f({ id: 'I4.3', label: 'Arbeidsongeschiktheid', category: 'I4', direction: 1, weight: 0.15,
      weightReason: 'Chronische ziekte in de werkende leeftijd.', evidence: 'CBS',
      options: [{ kind: 'ratio', numerator: 'ao_uitkering', denominator: 'inwoners_15_64', scale: 100, transform: 'logit', label: 'AO-uitkeringen per 100 inwoners 15–64', unit: '%' }],
      fillHint: '85984NED PersonenPerSoortUitkeringAO ÷ inwoners 15–64' }),
    f({ id: 'I4.4', label: 'Langdurig beperkt', category: 'I4', direction: 1, weight: 0.15,
      weightReason: 'Beperking door langdurige ziekte.', evidence: 'RIVM',
      options: [share('rivm_langdurig_beperkt')],
      fillHint: 'RIVM 50120NED LangdurigeZiekteEnBeperkt' }),
    f({ id: 'I4.5', label: 'Verward gedrag', category: 'I4', direction: 1, weight: 0.25,
      weightReason: 'Zorggerelateerd overlastsignaal; zorg eerst.', evidence: 'Teplin et al. 2005',
      options: [crimeRate('overlast_verward', 'Meldingen verward persoon')],
      fillHint: '47024NED overlast verward persoon; meldpunt zorg & overlast' }),
  ],
};

// ---------------------------------------------------------------- dials
const objectief: DialDef = {
  id: 'objectief', label: 'Objectieve veiligheid', basisLabel: 'door de politie geregistreerd',
  description: 'Ernstgewogen index van geregistreerde criminaliteit en overlast per inwoner, gekrompen naar de referentie. Hoger = meer geregistreerde onveiligheid.',
  substitutions: [{ factor: 'S4.0', replaces: ['S4.3', 'S4.1', 'S4.2', 'S4.4', 'F1.1', 'S4.5'],
    note: 'Zonder misdrijven per soort telt het totaal aantal geregistreerde misdrijven voor de misdrijffamilies.' }],
  components: [
    { factor: 'S4.3', label: 'Geweld', weight: 0.30, reason: 'Kern van slachtofferschade.' },
    { factor: 'S4.1', label: 'Woninginbraak', weight: 0.20, reason: 'High impact.' },
    { factor: 'S4.2', label: 'Straatroof/overval', weight: 0.15, reason: 'High impact, angst.' },
    { factor: 'S4.4', label: 'Vermogen openbare ruimte', weight: 0.10, reason: 'Plaatsgebonden.' },
    { factor: 'F1.1', label: 'Vernieling', weight: 0.10, reason: 'Telt in de wijzer wel mee (in het profiel onder F1).' },
    { factor: 'S3.1', label: 'Overlast', weight: 0.10, reason: 'Geregistreerde overlast waar een dataset die heeft.' },
    { factor: 'S4.5', label: 'Ondermijningssignalen', weight: 0.05, reason: 'Opsporingsgedreven, daarom laag.' },
  ],
};

const beleving: DialDef = {
  id: 'beleving', label: 'Veiligheidsbeleving', basisLabel: 'indicatie, geen meting',
  description: 'Zonder enquête een relatieve index uit proxies (overlast, verloedering, criminaliteit, cohesie, kwetsbaarheid); nooit een percentage bewoners. Hoger = naar verwachting meer onveiligheidsgevoel.',
  substitutions: [{ factor: 'S4.0', replaces: ['S4.3', 'S4.2'],
    note: 'Zonder geweld en straatroof apart telt het totaal aantal geregistreerde misdrijven.' }],
  components: [
    { factor: 'S3.1', label: 'Geregistreerde overlast', weight: 0.20, reason: 'Incivilities verklaren angst beter dan criminaliteit (Skogan 1990; Hipp 2010).' },
    { factor: 'S3.4', label: 'Geluidhinder door buren', weight: 0.15, reason: 'Ervaren overlast.' },
    { factor: 'F1.1', label: 'Vernielingen', weight: 0.10, reason: 'Zichtbare wanorde.' },
    { factor: 'F1.2', label: 'Leegstand', weight: 0.05, reason: 'Verval.' },
    { factor: 'S4.3', label: 'Geweld', weight: 0.10, reason: 'Criminaliteit telt minder zwaar dan overlast.' },
    { factor: 'S4.2', label: 'Straatroof/overval', weight: 0.05, reason: 'High impact op angst.' },
    { factor: 'S1.1', label: 'Sociale eenzaamheid (cohesie)', weight: 0.15, reason: 'Zwakke banden vergroten onveiligheidsgevoel.' },
    { factor: 'I2.1', label: 'Ernstige eenzaamheid (kwetsbaarheid)', weight: 0.10, reason: 'Kwetsbaarheidsmodel (Killias 1990).' },
    { factor: 'I1.5', label: 'Moeite met rondkomen (kwetsbaarheid)', weight: 0.10, reason: 'Kwetsbaarheid en stress.' },
  ],
};

export const KOMPAS_MODEL: KompasModel = {
  version: '1.0.0',
  spheres: [
    { id: 'fysiek', label: 'Fysiek' },
    { id: 'sociaal', label: 'Sociaal' },
    { id: 'individueel', label: 'Individueel' },
  ],
  categories: [F1, F2, F3, F4, S1, S2, S3, S4, I1, I2, I3, I4],
  dials: [objectief, beleving],
  overall: {
    id: 'overall',
    label: 'Kwetsbaarheidsscore',
    description: 'Gemiddelde van elf vaste categorieën (alle behalve F3). Een categorie zonder score verlaagt de dekking; ze valt er niet stilzwijgend uit. De twee wijzers (objectief en beleving) tellen nooit mee.',
    categories: ['F1', 'F2', 'F4', 'S1', 'S2', 'S3', 'S4', 'I1', 'I2', 'I3', 'I4'],
    excludedNote: 'F3 (voorzieningen en gelegenheid) meet drukte en blootstelling, geen kwetsbaarheid van bewoners (Cohen & Felson 1979); het blijft een aparte kaartlaag.',
  },
};
