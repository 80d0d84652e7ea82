/**
 * Intervention catalogue (facts from the published sources named per intervention, descriptions written
 * for this app). Data only, plus a validator the tests run over it.
 *
 * Evidence: `levels` keeps the order the source gives ("C/B" means mostly C,
 * partly B). A source without a checked year has `year: null` and is shown as
 * "jaar niet gecontroleerd"; no sources at all is shown as "niet gecontroleerd".
 * Dates are never filled in from memory.
 */
import {
  isCategoryId,
  isFactorId,
  isStakeholderId,
  categoryOfFactor,
  type CategoryId,
  type StakeholderId,
} from './ids.ts';

export const EVIDENCE_LEVELS = ['A', 'B', 'C', 'D', 'X'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const EVIDENCE_LABELS: Record<EvidenceLevel, string> = {
  A: 'effectief',
  B: 'veelbelovend',
  C: 'theoretisch onderbouwd',
  D: 'onbekend / praktijk',
  X: 'niet effectief',
};

export type Effort = '€' | '€€' | '€€€';

export interface EvidenceSource {
  label: string;
  /** Year of that source, or null when it was not checked. */
  year: number | null;
}

export interface Intervention {
  id: string;
  /** Row number in the original catalogue table, for traceability. */
  nr: number;
  name: string;
  description: string;
  categories: CategoryId[];
  factors: string[];
  /** Also aims at veiligheidsbeleving (not a category of its own). */
  beleving: boolean;
  /** Helps fill witte vlekken (local observation instead of data). */
  fillsWitteVlekken?: boolean;
  lead: StakeholderId[];
  partners: StakeholderId[];
  duration: string;
  /** Range of effort, e.g. ['€', '€€']; empty when the source gives none. */
  effort: Effort[];
  evidence: {
    levels: EvidenceLevel[];
    summary: string;
    sources: EvidenceSource[];
  };
}

type Def = Omit<Intervention, 'evidence'> & { levels: EvidenceLevel[]; summary: string; sources: EvidenceSource[] };

function def(d: Def): Intervention {
  const { levels, summary, sources, ...rest } = d;
  return { ...rest, evidence: { levels, summary, sources } };
}

const src = (label: string, year: number | null): EvidenceSource => ({ label, year });

export const INTERVENTIONS: readonly Intervention[] = [
  // ── Fysiek ──────────────────────────────────────────────────────────────
  def({
    id: 'hang-sluitwerk', nr: 1, name: 'Inbraakwerend hang- en sluitwerk in bestaande woningen',
    description: 'Deuren en ramen van bestaande (huur)woningen op PKVW-niveau brengen, wijk voor wijk.',
    categories: ['S4', 'F4'], factors: ['S4.1'], beleving: false,
    lead: ['woningcorporatie'], partners: ['gemeente', 'politie'],
    duration: '1–3 jaar (programma)', effort: ['€€€'],
    levels: ['A'], summary: 'Woningen met inbraakwerend hang- en sluitwerk hebben ongeveer een kwart minder kans op inbraak; de baten per woning wogen op tegen de kosten.',
    sources: [src('Vollaard & Van Ours (Politie & Wetenschap)', 2011)],
  }),
  def({
    id: 'pkvw-nieuwbouw', nr: 2, name: 'Politiekeurmerk Veilig Wonen bij nieuwbouw en herstructurering',
    description: 'Veiligheid meenemen in het ontwerp: de woning zelf én de omgeving (zichtlijnen, parkeren, achterpaden).',
    categories: ['F2', 'S4'], factors: ['S4.1', 'F2.3'], beleving: false,
    lead: ['gemeente'], partners: ['woningcorporatie', 'ontwikkelaar', 'politie'],
    duration: 'ontwerpfase', effort: ['€'],
    levels: ['A', 'B'], summary: 'Het woningdeel werkt zoals inbraakwerend hang- en sluitwerk; het omgevingsdeel rust op CPTED en is op zichzelf theoretisch onderbouwd.',
    sources: [src('Vollaard & Van Ours (woningdeel)', 2011)],
  }),
  def({
    id: 'preventiebrief', nr: 3, name: 'Voorlichtingscampagne of preventiebrief aan bewoners (los ingezet)',
    description: 'Bewoners per brief of campagne inbraakpreventie-advies geven, zonder praktische hulp erbij.',
    categories: ['S4'], factors: ['S4.1'], beleving: false,
    lead: ['gemeente', 'politie'], partners: [],
    duration: 'enkele weken', effort: ['€'],
    levels: ['X', 'D'], summary: 'Mensen handelen er zelden naar: op 6.200 persoonlijke adviesbrieven in Schiedam kwamen 6 reacties. Alleen zinvol samen met hulp bij het aanbrengen van maatregelen.',
    sources: [src('Vollaard, handreiking inbraakpreventiegedrag', 2014)],
  }),
  def({
    id: 'openbare-verlichting', nr: 4, name: 'Openbare verlichting verbeteren',
    description: 'Donkere plekken en storingen opsporen en de verlichting op orde brengen en houden.',
    categories: ['F2', 'S4'], factors: ['F2.2'], beleving: true,
    lead: ['gemeente'], partners: [],
    duration: 'eenmalig project + onderhoud', effort: ['€€'],
    levels: ['A'], summary: 'Gemiddeld ongeveer 21 % minder criminaliteit, ook overdag; dat wijst op meer trots en toezicht in de buurt.',
    sources: [src('Welsh & Farrington, Campbell-review', 2008)],
  }),
  def({
    id: 'cpted-herinrichting', nr: 5, name: 'CPTED-scan en herinrichting',
    description: 'De openbare ruimte laten doorlichten op zicht, beheer en toegang, en daarna zichtlijnen, groen, tunnels en entrees aanpassen.',
    categories: ['F2'], factors: ['F2.3', 'F2.1'], beleving: true,
    lead: ['gemeente'], partners: ['politie', 'woningcorporatie'],
    duration: '1–3 jaar', effort: ['€€', '€€€'],
    levels: ['B', 'C'], summary: 'Sterke theorie (defensible space, CPTED); evaluaties laten wisselende resultaten zien.',
    sources: [src('Newman, Defensible Space', 1972), src('Jeffery, CPTED', 1971)],
  }),
  def({
    id: 'schoon-heel-veilig', nr: 6, name: 'Schoon, heel en veilig: snel herstel van vernieling, graffiti en zwerfvuil',
    description: 'Vaste hersteltermijnen en een afgesproken beeldkwaliteit, zodat verloedering geen kans krijgt zich te verspreiden.',
    categories: ['F1', 'S3'], factors: ['F1.1', 'F1.4'], beleving: true,
    lead: ['gemeente'], partners: ['woningcorporatie', 'handhaving'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['B'], summary: 'Zichtbare wanorde lokt meer normoverschrijding uit; aanpak van wanorde werkt als die probleemgericht en samen met de buurt gebeurt, niet als hard optreden.',
    sources: [src('Keizer, Lindenberg & Steg (Science)', 2008), src('Braga, Welsh & Schnell, meta-analyse', 2015)],
  }),
  def({
    id: 'vergroenen-leegstand', nr: 7, name: 'Leegstand en braakliggende plekken vergroenen of herbestemmen',
    description: 'Verwaarloosde kavels en lege panden opknappen, vergroenen of tijdelijk een functie geven.',
    categories: ['F1'], factors: ['F1.2'], beleving: true,
    lead: ['gemeente'], partners: ['woningcorporatie', 'ontwikkelaar', 'bewoners'],
    duration: 'maanden', effort: ['€', '€€'],
    levels: ['A', 'B'], summary: 'Een gerandomiseerde studie in Philadelphia vond minder wapengeweld en minder angst bij bewoners; nog niet herhaald in Nederland.',
    sources: [src('Branas et al. (PNAS)', 2018)],
  }),
  def({
    id: 'cameratoezicht', nr: 8, name: 'Cameratoezicht (art. 151c Gemeentewet)',
    description: 'Camera’s op hotspots na een besluit van de burgemeester, met een toets op noodzaak en evenredigheid.',
    categories: ['S4', 'S3', 'F3'], factors: ['S4.4', 'F3.4'], beleving: false,
    lead: ['gemeente'], partners: ['politie'],
    duration: '1–3 jaar', effort: ['€€'],
    levels: ['B'], summary: 'Gemiddeld een bescheiden daling, het sterkst op parkeerplaatsen en zwak bij geweld.',
    sources: [src('Welsh & Farrington', 2009), src('Piza et al.', 2019)],
  }),
  def({
    id: 'keurmerk-veilig-ondernemen', nr: 9, name: 'Keurmerk Veilig Ondernemen (winkelgebied of bedrijventerrein)',
    description: 'Ondernemers, gemeente, politie en brandweer maken samen afspraken over veiligheid en laten die certificeren.',
    categories: ['F3', 'S4'], factors: ['S4.6', 'F3.2'], beleving: false,
    lead: ['ondernemers'], partners: ['gemeente', 'politie', 'brandweer'],
    duration: 'certificeringscyclus van 2 jaar', effort: ['€'],
    levels: ['C', 'B'], summary: 'Praktijkevaluaties melden minder incidenten en betere samenwerking, meestal gemeten als voor- en nameting.',
    sources: [],
  }),
  def({
    id: 'bestuurlijke-aanpak-ondermijning', nr: 10, name: 'Bestuurlijke aanpak ondermijning',
    description: 'Met RIEC, Bibob, sluiting op grond van art. 13b Opiumwet, barrièremodel en integrale controles criminele infrastructuur in de wijk hinderen.',
    categories: ['S4', 'F3'], factors: ['S4.5'], beleving: false,
    lead: ['gemeente'], partners: ['riec', 'politie', 'om', 'belastingdienst'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'Stevige juridische en theoretische basis; het effect op uitkomsten wordt zelden gemeten.',
    sources: [],
  }),
  def({
    id: 'sociaal-beheer', nr: 11, name: 'Sociaal beheer door de woningcorporatie',
    description: 'Huismeester of buurtbeheerder die signalen achter de voordeur oppikt en woonfraude aanpakt.',
    categories: ['F4', 'F1', 'S3'], factors: ['F4.1', 'F4.3', 'S3.5'], beleving: false,
    lead: ['woningcorporatie'], partners: ['gemeente', 'welzijn'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'Logisch mechanisme en praktijkervaring; geen effectstudie bekend.',
    sources: [],
  }),
  def({
    id: 'herstructurering', nr: 12, name: 'Herstructurering en woningdifferentiatie',
    description: 'Sloop, nieuwbouw en verkoop om de woningvoorraad in een wijk meer te mengen.',
    categories: ['F4', 'I1', 'F1'], factors: ['F4.2', 'F4.3', 'I1.1'], beleving: false,
    lead: ['gemeente', 'woningcorporatie'], partners: [],
    duration: '5–15 jaar', effort: ['€€€'],
    levels: ['C', 'B'], summary: 'SCP-onderzoek vindt bescheiden en wisselende winst voor veiligheid en leefbaarheid, met risico op verplaatsing van problemen.',
    sources: [src('Wittebrood & Van Dijk (SCP)', 2007), src('Permentier & Wittebrood (SCP)', 2013)],
  }),
  // ── Sociaal ─────────────────────────────────────────────────────────────
  def({
    id: 'buurtbemiddeling', nr: 13, name: 'Buurtbemiddeling',
    description: 'Getrainde vrijwilligers helpen buren die botsen om zelf tot afspraken te komen.',
    categories: ['S3', 'S1'], factors: ['S3.4', 'S3.5'], beleving: false,
    lead: ['welzijn'], partners: ['gemeente', 'woningcorporatie', 'politie'],
    duration: 'enkele weken per zaak', effort: ['€'],
    levels: ['B', 'C'], summary: 'Sinds 1995 in Nederland, in 2018 in 286 gemeenten; ongeveer 7 op de 10 conflicten worden naar tevredenheid opgelost.',
    sources: [src('Van der Zwet, methodebeschrijving (Movisie)', 2009), src('Jansen, Meijer & Bongers, praktijkevaluatie (CCV)', 2010)],
  }),
  def({
    id: 'whatsapp-buurtpreventie', nr: 14, name: 'WhatsApp-buurtpreventie',
    description: 'Buurtgroepen die verdachte situaties delen, met een protocol van de gemeente: eerst 112 bellen, alleen berichten over criminaliteit.',
    categories: ['S2', 'S4'], factors: ['S2.2', 'S4.1'], beleving: false,
    lead: ['bewoners'], partners: ['gemeente', 'politie'],
    duration: 'doorlopend', effort: ['€'],
    levels: ['B'], summary: 'In 35 Tilburgse buurten daalde het aantal inbraken met ongeveer 40 %, zonder verschuiving naar buurten ernaast. Let op risico’s van etnisch profileren en eigenrichting.',
    sources: [src('Akkermans & Vollaard (Tilburg University)', 2015)],
  }),
  def({
    id: 'buurtpreventieteam', nr: 15, name: 'Buurtpreventieteam',
    description: 'Bewoners lopen georganiseerd rondes door de buurt en melden wat ze zien.',
    categories: ['S2', 'F1', 'S3'], factors: ['S2.2'], beleving: true,
    lead: ['bewoners'], partners: ['gemeente', 'politie'],
    duration: 'doorlopend', effort: ['€'],
    levels: ['C'], summary: 'Internationaal vond een meta-analyse van buurtwachten 16–26 % minder criminaliteit; Nederlands effectonderzoek is schaars.',
    sources: [src('Bennett, Holloway & Farrington', 2008)],
  }),
  def({
    id: 'burendag', nr: 16, name: 'Burendag',
    description: 'Eén dag per jaar waarop buren samen iets ondernemen in hun straat of buurt.',
    categories: ['S1'], factors: ['S1.3'], beleving: false,
    lead: ['bewoners'], partners: ['fondsen', 'welzijn'],
    duration: '1 dag per jaar', effort: ['€'],
    levels: ['D', 'C'], summary: 'Laagdrempelig contact tussen buren; geen effectstudies.',
    sources: [],
  }),
  def({
    id: 'opzoomeren', nr: 17, name: 'Opzoomeren: straatafspraken en straatactiviteiten',
    description: 'Bewoners van een straat maken samen afspraken en organiseren activiteiten (naar Rotterdams voorbeeld).',
    categories: ['S1', 'S2', 'F1'], factors: ['S1.3', 'S2.3'], beleving: false,
    lead: ['bewoners'], partners: ['welzijn', 'gemeente'],
    duration: 'jaarcyclus', effort: ['€'],
    levels: ['C'], summary: 'Bouwt aan onderlinge banden en gedeelde normen (collective efficacy).',
    sources: [],
  }),
  def({
    id: 'opbouwwerk', nr: 18, name: 'Sociaal makelaar / opbouwwerk',
    description: 'Een professional die bewoners en hun talenten verbindt en initiatieven helpt ontstaan.',
    categories: ['S1', 'S2'], factors: ['S1.3', 'S2.1', 'S2.3'], beleving: false,
    lead: ['welzijn'], partners: ['gemeente'],
    duration: 'meerjarig', effort: ['€€'],
    levels: ['C'], summary: 'Beschreven en onderbouwd door Movisie.',
    sources: [src('Movisie', null)],
  }),
  def({
    id: 'bewonersbudget', nr: 19, name: 'Bewonersbudgetten, Right to Challenge en buurtrechten',
    description: 'Bewoners krijgen geld of zeggenschap om zelf taken in de buurt op te pakken.',
    categories: ['S2', 'S1'], factors: ['S2.1', 'S2.3'], beleving: false,
    lead: ['gemeente'], partners: ['bewoners'],
    duration: 'jaarlijks', effort: ['€', '€€'],
    levels: ['C'], summary: 'Versterkt perspectief en invloed (Tafel van 12) en daarmee collective efficacy.',
    sources: [],
  }),
  def({
    id: 'ontmoetingsplek', nr: 20, name: 'Ontmoetingsplekken (huiskamer van de wijk, buurthuis, bibliotheek)',
    description: 'Een vaste, open plek waar buurtbewoners elkaar zonder drempel tegenkomen.',
    categories: ['S1', 'I2'], factors: ['S1.1', 'I2.1'], beleving: false,
    lead: ['welzijn'], partners: ['gemeente', 'woningcorporatie'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C', 'D'], summary: 'Aannemelijk mechanisme, weinig geëvalueerd.',
    sources: [],
  }),
  def({
    id: 'wijkagent', nr: 21, name: 'Wijkagent en gebiedsgebonden politiewerk',
    description: 'Een vaste, bekende agent per wijk (norm: één per 5.000 inwoners) die de buurt kent en aanspreekbaar is.',
    categories: ['S2'], factors: ['S2.3'], beleving: true,
    lead: ['politie'], partners: [],
    duration: 'doorlopend', effort: [],
    levels: ['C'], summary: 'Gebiedsgebonden politiewerk verbetert tevredenheid en ervaren wanorde, maar heeft weinig direct effect op criminaliteit.',
    sources: [src('Gill et al., Campbell-review', 2014)],
  }),
  def({
    id: 'hotspot-policing', nr: 22, name: 'Hotspot policing / gerichte surveillance',
    description: 'Politie en handhaving zijn vaker en gerichter aanwezig op de paar plekken waar het meeste gebeurt.',
    categories: ['S4', 'S3'], factors: ['S4.2', 'S4.3', 'S4.4'], beleving: false,
    lead: ['politie'], partners: ['handhaving'],
    duration: '3–12 maanden', effort: ['€€'],
    levels: ['A'], summary: 'Kleine maar significante dalingen; de winst verspreidt zich vaker naar de omgeving dan dat criminaliteit zich verplaatst.',
    sources: [src('Braga et al., Campbell-review', 2019)],
  }),
  def({
    id: 'probleemgerichte-aanpak', nr: 23, name: 'Probleemgerichte aanpak (SARA, CCV IAA-methode)',
    description: 'Een concreet probleem eerst samen analyseren, dan gericht maatregelen kiezen en het effect nagaan.',
    categories: ['S3', 'S4', 'F1'], factors: ['S3.1', 'S3.3'], beleving: false,
    lead: ['politie', 'gemeente'], partners: ['woningcorporatie', 'jongerenwerk'],
    duration: '3–12 maanden', effort: ['€€'],
    levels: ['A'], summary: 'Bescheiden maar consistente positieve effecten.',
    sources: [src('Weisburd et al., Campbell-review', 2010)],
  }),
  def({
    id: 'toezicht-boa', nr: 24, name: 'Zichtbaar toezicht door boa’s of stadswachten',
    description: 'Herkenbare handhavers die in de buurt aanwezig zijn, aanspreken en zo nodig optreden.',
    categories: ['S3', 'F1'], factors: ['S3.1'], beleving: true,
    lead: ['gemeente'], partners: ['handhaving'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'Aannemelijk mechanisme; weinig effectonderzoek.',
    sources: [],
  }),
  def({
    id: 'wet-aanpak-woonoverlast', nr: 25, name: 'Wet aanpak woonoverlast (gedragsaanwijzing, art. 151d Gemeentewet)',
    description: 'De burgemeester kan bij ernstige, herhaalde woonoverlast een gedragsaanwijzing geven.',
    categories: ['S3'], factors: ['S3.5', 'S3.4'], beleving: false,
    lead: ['gemeente'], partners: ['woningcorporatie'],
    duration: 'maanden', effort: ['€'],
    levels: ['C'], summary: 'Juridisch sluitstuk voor als andere wegen zijn uitgeput; weinig bewijs over effecten.',
    sources: [],
  }),
  def({
    id: 'buurtinterventie-na-inbraak', nr: 26, name: 'Buurtinterventie na een inbraak',
    description: 'Binnen 24–48 uur de buren langs en in de directe omgeving gericht preventie aanbieden.',
    categories: ['S4', 'S2'], factors: ['S4.1'], beleving: false,
    lead: ['politie'], partners: ['gemeente', 'bewoners'],
    duration: 'enkele weken', effort: ['€'],
    levels: ['B'], summary: 'Het verhoogde risico direct rond een inbraak (near repeat) is goed onderzocht.',
    sources: [src('Bowers & Johnson', null), src('Townsley et al.', null)],
  }),
  def({
    id: 'persoonsgerichte-aanpak', nr: 27, name: 'Persoonsgerichte aanpak via het Zorg- en Veiligheidshuis',
    description: 'Per persoon één plan van zorg en straf, afgestemd tussen gemeente, politie, OM en zorg.',
    categories: ['S4', 'I3', 'I4'], factors: ['S4.3'], beleving: false,
    lead: ['zvh'], partners: ['gemeente', 'politie', 'om', 'reclassering', 'ggz'],
    duration: '1–2 jaar per persoon', effort: ['€€€'],
    levels: ['C'], summary: 'Evaluaties geven een wisselend beeld.',
    sources: [],
  }),
  def({
    id: 'veilige-publieke-taak', nr: 28, name: 'Veilige Publieke Taak',
    description: 'Afspraken, agressieprotocollen en training zodat handhavers en wijkteams hun werk veilig kunnen blijven doen.',
    categories: ['S3'], factors: [], beleving: false,
    lead: ['werkgevers'], partners: ['politie', 'om'],
    duration: 'doorlopend', effort: ['€'],
    levels: ['C', 'D'], summary: 'Beschermt indirect: het houdt de mensen in de frontlinie inzetbaar in wijken met veel overlast.',
    sources: [],
  }),
  def({
    id: 'buurtschouw-tafel-van-12', nr: 29, name: 'Buurtschouw met bewoners en analyse met de Tafel van 12',
    description: 'Samen met bewoners de buurt doorlopen en met de CCV Tafel van 12 vastleggen wat er speelt.',
    categories: ['F1', 'F2'], factors: ['F1.4', 'F2.2', 'F2.3'], beleving: true, fillsWitteVlekken: true,
    lead: ['gemeente'], partners: ['woningcorporatie', 'politie', 'bewoners'],
    duration: '1 dag + vervolg', effort: ['€'],
    levels: ['C'], summary: 'Methode van het CCV; vult witte vlekken met waarneming ter plekke.',
    sources: [src('CCV, Tafel van 12', null)],
  }),
  def({
    id: 'communicatie-nazorg', nr: 30, name: 'Communicatie en nazorg na incidenten',
    description: 'Na een schokkend voorval snel uitleggen wat er gebeurt en bewoners handelingsperspectief geven.',
    categories: [], factors: [], beleving: true,
    lead: ['gemeente'], partners: ['politie'],
    duration: 'bij incidenten', effort: ['€'],
    levels: ['C', 'D'], summary: 'Onderdeel "publiek leiderschap" van de Tafel van 12; er is WODC-onderzoek naar risicocommunicatie.',
    sources: [src('Kuttschreuter et al. (WODC)', 2021)],
  }),
  // ── Individueel ─────────────────────────────────────────────────────────
  def({
    id: 'vroegsignalering-schulden', nr: 31, name: 'Vroegsignalering van schulden en schuldhulp',
    description: 'Signalen van betalingsachterstanden (huur, energie, water, zorgverzekering) gebruiken om vroeg hulp aan te bieden.',
    categories: ['I1'], factors: ['I1.1', 'I1.5'], beleving: false,
    lead: ['gemeente'], partners: ['woningcorporatie', 'welzijn'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'Vermindert financiële stress, een bekende bron van spanning en normoverschrijding.',
    sources: [],
  }),
  def({
    id: 'activering-werk', nr: 32, name: 'Activering en werktrajecten',
    description: 'Mensen met een uitkering begeleiden naar werk of leerwerkplekken.',
    categories: ['I1'], factors: ['I1.2', 'I1.3'], beleving: false,
    lead: ['gemeente'], partners: ['uwv', 'ondernemers'],
    duration: '6–24 maanden', effort: ['€€'],
    levels: ['C', 'D'], summary: 'Aannemelijk, weinig effectonderzoek met veiligheid als uitkomst.',
    sources: [],
  }),
  def({
    id: 'een-tegen-eenzaamheid', nr: 33, name: 'Eén tegen eenzaamheid: lokale coalitie',
    description: 'Partners signaleren samen eenzaamheid, leggen huisbezoeken af bij 75-plussers en organiseren ontmoeting.',
    categories: ['I2', 'S1'], factors: ['I2.1', 'I2.3', 'S1.1'], beleving: false,
    lead: ['gemeente'], partners: ['welzijn', 'ggd', 'huisarts'],
    duration: 'meerjarig', effort: ['€€'],
    levels: ['C'], summary: 'Landelijk programma; preventieve huisbezoeken hebben wisselende effecten.',
    sources: [src('Movisie, wat werkt bij eenzaamheid', null)],
  }),
  def({
    id: 'maatjesproject', nr: 34, name: 'Maatjesprojecten en vriendschappelijk huisbezoek',
    description: 'Een vrijwilliger bezoekt iemand die weinig contacten heeft en helpt het netwerk weer op te bouwen.',
    categories: ['I2'], factors: ['I2.1', 'I2.2'], beleving: false,
    lead: ['welzijn'], partners: ['vrijwilligers'],
    duration: '6–12 maanden', effort: ['€'],
    levels: ['C'], summary: 'Opgenomen in de Movisie-databank; controleer het actuele erkenningsniveau.',
    sources: [src('Movisie-databank', null)],
  }),
  def({
    id: 'welzijn-op-recept', nr: 35, name: 'Welzijn op Recept',
    description: 'De huisarts verwijst mensen met psychosociale klachten naar activiteiten van het welzijnswerk.',
    categories: ['I4', 'I2'], factors: ['I4.1', 'I4.2'], beleving: false,
    lead: ['huisarts'], partners: ['welzijn'],
    duration: '3–6 maanden', effort: ['€'],
    levels: ['C'], summary: 'Beschreven door Movisie; controleer het actuele niveau.',
    sources: [src('Movisie', null)],
  }),
  def({
    id: 'verward-gedrag', nr: 36, name: 'Aanpak personen met verward gedrag',
    description: 'Een meldpunt zorg en overlast, een wijk-GGD’er en een route die dag en nacht werkt.',
    categories: ['I4', 'S3'], factors: ['I4.5'], beleving: false,
    lead: ['gemeente'], partners: ['ggd', 'ggz', 'politie'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'Aannemelijk mechanisme; effectonderzoek ontbreekt.',
    sources: [],
  }),
  def({
    id: 'ambulant-jongerenwerk', nr: 37, name: 'Ambulant jongerenwerk',
    description: 'Jongerenwerkers zoeken jongeren op straat op en helpen ze verder.',
    categories: ['I3', 'S3'], factors: ['S3.2', 'I3.5'], beleving: false,
    lead: ['jongerenwerk'], partners: ['gemeente'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'In een studie onder 1.579 jongeren bij 11 organisaties groeiden zelfredzaamheid en steun uit het netwerk; eerder praktijkonderzoek meldt minder overlast.',
    sources: [src('Sonneveld, Metz & Manders', 2019), src('Koops, Metz & Sonneveld', 2013)],
  }),
  def({
    id: 'straatcoaches', nr: 38, name: 'Straatcoaches',
    description: 'Ingehuurde coaches die groepen op straat aanspreken en overlast melden.',
    categories: ['S3', 'I3'], factors: ['S3.2', 'I3.5'], beleving: false,
    lead: ['gemeente'], partners: ['politie', 'jongerenwerk'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['D', 'C'], summary: 'Evaluaties gaan vooral over ervaren effect en uitvoering.',
    sources: [src('Loef, Schaafsma & Hilhorst (Politie & Wetenschap)', 2012)],
  }),
  def({
    id: 'groepsaanpak-jeugd', nr: 39, name: 'Groepsaanpak jeugdgroepen',
    description: 'Met een groepsscan bepalen of een groep hinderlijk, overlastgevend of crimineel is en per groep een plan maken.',
    categories: ['S3', 'I3'], factors: ['I3.5', 'S3.2'], beleving: false,
    lead: ['politie', 'gemeente'], partners: ['jongerenwerk', 'om'],
    duration: '6–12 maanden', effort: ['€€'],
    levels: ['C'], summary: 'Gangbare werkwijze met een duidelijke logica; weinig effectonderzoek.',
    sources: [],
  }),
  def({
    id: 'halt', nr: 40, name: 'Halt-afdoening',
    description: 'Jongeren die voor het eerst de fout in gaan maken schade goed en krijgen een leertraject in plaats van een strafzaak.',
    categories: ['I3', 'S3', 'F1'], factors: ['F1.1', 'I3.5'], beleving: false,
    lead: ['halt'], partners: ['politie', 'om', 'handhaving'],
    duration: 'enkele weken', effort: ['€'],
    levels: ['B'], summary: 'Positief voor first offenders en meelopers; voor de meeste jongeren geen effect op recidive. Onderdelen zijn sindsdien herzien.',
    sources: [src('Beke (WODC)', 2006), src('Buysse et al., werkzaamheidsstudie (DSP/WODC)', 2017)],
  }),
  def({
    id: 'preventie-met-gezag', nr: 41, name: 'Preventie met Gezag',
    description: 'Gebiedsgerichte preventie voor 8- tot 27-jarigen in wijken die kwetsbaar zijn voor ondermijning.',
    categories: ['I3', 'S4'], factors: ['S4.5'], beleving: false,
    lead: ['gemeente'], partners: ['politie', 'om', 'halt', 'rvdk', 'reclassering', 'jongerenwerk', 'onderwijs', 'ondernemers'],
    duration: 'meerjarig (SPUK 2026–2029)', effort: ['€€€'],
    levels: ['C'], summary: 'Gestart in 2022 in 15 gemeenten en uitgebreid; structureel gefinancierd vanaf 2025. Lerende aanpak, evaluaties lopen nog.',
    sources: [src('Rijksprogramma Preventie met Gezag', null)],
  }),
  def({
    id: 'mentoring', nr: 42, name: 'Mentoring (maatjes voor jongeren)',
    description: 'Een vaste volwassen mentor voor een jongere, minstens een jaar.',
    categories: ['I3'], factors: ['I3.4'], beleving: false,
    lead: ['welzijn'], partners: ['onderwijs'],
    duration: 'minstens 1 jaar', effort: ['€', '€€'],
    levels: ['A'], summary: 'Bescheiden positieve effecten op delinquentie, agressie en schoolresultaten.',
    sources: [src('Tolan et al., Campbell-review', 2013)],
  }),
  def({
    id: 'mst', nr: 43, name: 'Multisysteemtherapie (MST)',
    description: 'Intensieve behandeling thuis van jongeren met ernstige gedragsproblemen, samen met gezin, school en omgeving.',
    categories: ['I3'], factors: ['I3.1'], beleving: false,
    lead: ['jeugdhulp'], partners: ['gemeente'],
    duration: '3–5 maanden intensief', effort: ['€€€'],
    levels: ['B', 'A'], summary: 'Erkend als effectief volgens eerste aanwijzingen voor criminaliteit en volgens goede aanwijzingen voor gedragsproblemen.',
    sources: [src('Erkenningscommissie Justitiële Interventies', 2021)],
  }),
  def({
    id: 'voorzorg', nr: 44, name: 'VoorZorg',
    description: 'Een verpleegkundige bezoekt kwetsbare jonge zwangere vrouwen thuis, tot het kind twee jaar is.',
    categories: ['I3', 'I1'], factors: ['I3.3'], beleving: false,
    lead: ['ggd'], partners: [],
    duration: 'zwangerschap tot 2 jaar', effort: ['€€'],
    levels: ['A'], summary: 'Erkend als effectief volgens goede aanwijzingen.',
    sources: [src('Erkenning (NJi)', 2015)],
  }),
  def({
    id: 'communities-that-care', nr: 45, name: 'Communities That Care',
    description: 'De gemeenschap brengt risico- en beschermende factoren voor jongeren in kaart en kiest daar bewezen programma’s bij.',
    categories: ['I3', 'S2'], factors: ['I3.3', 'I3.4'], beleving: false,
    lead: ['gemeente'], partners: ['ggd', 'onderwijs', 'welzijn'],
    duration: '5 jaar of langer', effort: ['€€'],
    levels: ['B'], summary: 'Positief in een Amerikaanse gerandomiseerde studie; in Nederland vooral procesonderzoek.',
    sources: [src('Hawkins et al.', 2009), src('Van Dijk, Jonkman & Junger-Tas', 2005)],
  }),
  def({
    id: 'vreedzame-wijk', nr: 46, name: 'Vreedzame School / Vreedzame Wijk',
    description: 'Kinderen leren conflicten zelf op te lossen, op school en in de wijk met dezelfde taal.',
    categories: ['I3', 'S1'], factors: [], beleving: false,
    lead: ['onderwijs'], partners: ['welzijn', 'jongerenwerk'],
    duration: 'meerjarig', effort: ['€€'],
    levels: ['C'], summary: 'Onderbouwd; het erkenningsniveau bij het NJi moet nog worden gecontroleerd.',
    sources: [],
  }),
  def({
    id: 'buurtsportcoach', nr: 47, name: 'Buurtsportcoach / sport in de wijk',
    description: 'Sport en bewegen in de buurt als vindplaats en verbinder voor kinderen en jongeren.',
    categories: ['I3', 'S1'], factors: [], beleving: false,
    lead: ['gemeente'], partners: ['sport'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C', 'D'], summary: 'Aannemelijk, weinig effectonderzoek naar veiligheid.',
    sources: [],
  }),
  def({
    id: 'verzuim-vsv', nr: 48, name: 'Aanpak verzuim en voortijdig schoolverlaten',
    description: 'Leerplicht en RMC volgen verzuim vroeg op en houden jongeren bij school of werk.',
    categories: ['I3'], factors: ['I3.4'], beleving: false,
    lead: ['gemeente'], partners: ['onderwijs'],
    duration: 'doorlopend', effort: ['€€'],
    levels: ['C'], summary: 'Binding met school beschermt tegen criminaliteit.',
    sources: [src('Farrington', 1996)],
  }),
];

const BY_ID = new Map(INTERVENTIONS.map((i) => [i.id, i]));

export function interventionById(id: string): Intervention | undefined {
  return BY_ID.get(id);
}

export function isNotEffective(i: Intervention): boolean {
  return i.evidence.levels.includes('X');
}

/** "A/B – effectief / veelbelovend". */
export function evidenceText(i: Intervention): string {
  const levels = i.evidence.levels;
  return `${levels.join('/')} – ${levels.map((l) => EVIDENCE_LABELS[l]).join(' / ')}`;
}

/** Sources with years, or "niet gecontroleerd" (never an invented year). */
export function sourceText(i: Intervention): string {
  if (i.evidence.sources.length === 0) return 'bron niet gecontroleerd';
  return i.evidence.sources
    .map((s) => (s.year === null ? `${s.label} (jaar niet gecontroleerd)` : `${s.label} (${s.year})`))
    .join('; ');
}

export function effortText(i: Intervention): string {
  return i.effort.length === 0 ? 'inzet onbekend' : i.effort.join('–');
}

/**
 * Free-text search over name, description and ids. Unlike suggestions this
 * includes "niet effectief" interventions, which the UI labels as such.
 */
export function searchInterventions(query: string, list: readonly Intervention[] = INTERVENTIONS): Intervention[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...list];
  return list.filter((i) =>
    [i.name, i.description, i.id, ...i.categories, ...i.factors].some((t) => t.toLowerCase().includes(q)),
  );
}

/** Every problem in the catalogue, in Dutch; empty when valid. */
export function validateCatalogue(list: readonly Intervention[] = INTERVENTIONS): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  list.forEach((i, n) => {
    const at = `interventie[${n}] (${i.id})`;
    if (!/^[a-z0-9-]+$/.test(i.id)) errors.push(`${at}: ongeldige id`);
    if (ids.has(i.id)) errors.push(`${at}: dubbele id`);
    ids.add(i.id);
    if (!i.name.trim()) errors.push(`${at}: naam ontbreekt`);
    if (!i.description.trim()) errors.push(`${at}: beschrijving ontbreekt`);
    if (i.categories.length === 0 && !i.beleving) errors.push(`${at}: geen doel (categorie of beleving)`);
    for (const c of i.categories) if (!isCategoryId(c)) errors.push(`${at}: onbekende categorie "${c}"`);
    for (const f of i.factors) {
      if (!isFactorId(f)) errors.push(`${at}: onbekende factor "${f}"`);
      else if (!i.categories.includes(categoryOfFactor(f)!)) errors.push(`${at}: factor ${f} valt buiten de doelcategorieën`);
    }
    if (i.lead.length === 0) errors.push(`${at}: geen trekker`);
    for (const s of [...i.lead, ...i.partners]) if (!isStakeholderId(s)) errors.push(`${at}: onbekende partij "${s}"`);
    if (!i.duration.trim()) errors.push(`${at}: duur ontbreekt`);
    for (const e of i.effort) if (e !== '€' && e !== '€€' && e !== '€€€') errors.push(`${at}: ongeldige inzet "${e}"`);
    const lv = i.evidence.levels;
    if (lv.length === 0 || lv.length > 2) errors.push(`${at}: bewijsniveau moet één niveau of een bereik van twee zijn`);
    for (const l of lv) if (!(EVIDENCE_LEVELS as readonly string[]).includes(l)) errors.push(`${at}: onbekend bewijsniveau "${l}"`);
    if (!i.evidence.summary.trim()) errors.push(`${at}: toelichting bij bewijs ontbreekt`);
    for (const s of i.evidence.sources) {
      if (!s.label.trim()) errors.push(`${at}: bron zonder naam`);
      if (s.year !== null && (!Number.isInteger(s.year) || s.year < 1900 || s.year > new Date().getFullYear())) {
        errors.push(`${at}: onwaarschijnlijk bronjaar ${s.year}`);
      }
    }
  });
  return errors;
}
