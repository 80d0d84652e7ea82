/**
 * The resident page ("bewonerspagina"): what the figures of one buurt or wijk
 * say, in plain Dutch at taalniveau B1 — short sentences, everyday words, no
 * percentiles, no class names, no English. Pure: the app hands in the
 * category percentiles (against the dataset and against the gemeente), the
 * kernteam's matrix and who made the page; this module writes the sentences.
 *
 * The direction word of every sentence comes from the percentile it is
 * about (`comparisonOf`), so a sentence can never say "meer" where the
 * figures say less; tests/workspace/resident-page.test.ts checks that
 * against generated data.
 */
import { isCategoryId, type CategoryId } from './ids.ts';
import type { CategoryStatus } from './suggest.ts';
import { AVERAGE_MIN, isAttention } from '../model/percentile-bands.ts';
import type { MatrixRow, MatrixStatus, ResidentAnswerValue } from './model.ts';
import { RESIDENT_ANSWERS } from './model.ts';

export interface CategoryFigure {
  id: string;
  percentile: number | null;
  status: CategoryStatus;
}

/** How an area compares with most others: from its percentile (0–100, 100 = most kwetsbaar). */
export type Comparison = 'meer' | 'evenveel' | 'minder';

/**
 * Above P60 an area has more than most areas (more than 60 % of them have
 * less); below P40 (the band "laag", src/model/percentile-bands.ts) it has
 * less; between the two it is about the same.
 */
export const MORE_FROM = 60;

export function comparisonOf(percentile: number): Comparison {
  if (percentile >= MORE_FROM) return 'meer';
  if (percentile < AVERAGE_MIN) return 'minder';
  return 'evenveel';
}

const COMPARISON_WORDS: Record<Comparison, string> = { meer: 'meer … dan', evenveel: 'ongeveer evenveel … als', minder: 'minder … dan' };

/** "meer" / "ongeveer evenveel" / "minder", and the word that follows the subject ("dan" / "als"). */
function comparisonParts(c: Comparison): [string, string] {
  const [before, after] = COMPARISON_WORDS[c].split(' … ');
  return [before, after];
}

/**
 * Per category: a plain topic (a heading) and a plural subject that reads
 * after "meer" / "minder", worded so that more of it is the vulnerable side
 * (the convention of the kompas: higher = kwetsbaarder).
 */
export const PLAIN_CATEGORIES: Record<CategoryId, { topic: string; subject: string }> = {
  F1: { topic: 'Vernielingen en leegstand', subject: 'vernielingen en lege gebouwen' },
  F2: { topic: 'Hoe de buurt eruitziet', subject: 'flats en plekken die je slecht kunt overzien' },
  F3: { topic: 'Drukte', subject: 'winkels, cafés en bezoekers' },
  F4: { topic: 'Wonen en verhuizen', subject: 'verhuizingen en huurwoningen' },
  S1: { topic: 'Contact met de buren', subject: 'mensen die alleen wonen of zich eenzaam voelen' },
  S2: { topic: 'Samen letten op de buurt', subject: 'mensen die weinig meedoen in de buurt, bijvoorbeeld met vrijwilligerswerk of stemmen' },
  S3: { topic: 'Overlast', subject: 'meldingen van overlast' },
  S4: { topic: 'Misdaad', subject: 'misdrijven die bij de politie bekend zijn' },
  I1: { topic: 'Geld en werk', subject: 'mensen met weinig geld of zonder werk' },
  I2: { topic: 'Mensen die extra steun nodig hebben', subject: 'mensen die kwetsbaar zijn of weinig steun hebben' },
  I3: { topic: 'Opgroeien', subject: 'kinderen en jongeren die het moeilijk hebben' },
  I4: { topic: 'Gezondheid', subject: 'mensen met gezondheidsproblemen' },
};

export type AreaLevel = 'buurt' | 'wijk' | 'gemeente';
const PLURAL: Record<AreaLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

/** "Er zijn in Binnenstad meer misdrijven die bij de politie bekend zijn dan in de meeste buurten in Nederland." */
export function figureSentence(areaName: string, level: AreaLevel, id: CategoryId, percentile: number, where: string): string {
  const [word, link] = comparisonParts(comparisonOf(percentile));
  return `In ${areaName} zijn er ${word} ${PLAIN_CATEGORIES[id].subject} ${link} in de meeste ${PLURAL[level]} ${where}.`;
}

/** "In de gemeente Groningen zijn dat er meer dan in de meeste andere buurten." */
export function gemeenteSentence(gemeenteName: string, level: AreaLevel, percentile: number): string {
  const [word, link] = comparisonParts(comparisonOf(percentile));
  return `Binnen de gemeente ${gemeenteName} zijn dat er ${word} ${link} in de meeste andere ${PLURAL[level]}.`;
}

/** Plain names for the catalogue's interventions (src/workspace/interventions.ts), without jargon or English. */
export const PLAIN_INTERVENTIONS: Record<string, string> = {
  'hang-sluitwerk': 'Betere sloten en deuren in woningen tegen inbraak',
  'pkvw-nieuwbouw': 'Nieuwe woningen veilig bouwen, met een keurmerk van de politie',
  preventiebrief: 'Een brief of folder met tips om inbraak en diefstal te voorkomen',
  'openbare-verlichting': 'Betere straatverlichting',
  'cpted-herinrichting': 'Straten en pleinen zo inrichten dat je alles goed kunt zien',
  'schoon-heel-veilig': 'Vernielingen, graffiti en afval snel opruimen',
  'vergroenen-leegstand': 'Lege gebouwen en kale plekken een nieuwe functie geven of groen maken',
  cameratoezicht: 'Camera’s op plekken waar veel gebeurt',
  'keurmerk-veilig-ondernemen': 'Ondernemers, gemeente en politie werken samen aan een veilig winkelgebied',
  'bestuurlijke-aanpak-ondermijning': 'Aanpak van criminelen die legale bedrijven misbruiken',
  'sociaal-beheer': 'Extra aandacht van de woningcorporatie voor de flats en de bewoners',
  herstructurering: 'Woningen vernieuwen en meer soorten woningen bouwen',
  buurtbemiddeling: 'Buurtbemiddeling bij ruzie tussen buren',
  'whatsapp-buurtpreventie': 'Een appgroep van buren die op elkaar letten',
  buurtpreventieteam: 'Een groep bewoners die samen door de buurt loopt',
  burendag: 'Een dag waarop buren samen iets doen',
  opzoomeren: 'Samen met de straat afspraken maken en activiteiten doen',
  opbouwwerk: 'Een opbouwwerker die bewoners helpt om samen iets te doen',
  bewonersbudget: 'Geld voor ideeën van bewoners zelf',
  ontmoetingsplek: 'Een plek om elkaar te ontmoeten, zoals een buurthuis',
  wijkagent: 'De wijkagent, die de buurt goed kent',
  'hotspot-policing': 'Vaker politie op plekken waar veel gebeurt',
  'probleemgerichte-aanpak': 'Een probleem stap voor stap onderzoeken en aanpakken',
  'toezicht-boa': 'Handhavers van de gemeente die zichtbaar op straat zijn',
  'wet-aanpak-woonoverlast': 'Afspraken die de burgemeester kan opleggen bij ernstige overlast van een woning',
  'buurtinterventie-na-inbraak': 'Na een inbraak de buren bezoeken met tips',
  'persoonsgerichte-aanpak': 'Hulp en toezicht voor mensen die vaak in de fout gaan',
  'veilige-publieke-taak': 'Bescherming van mensen die voor de gemeente of hulpdiensten werken',
  'buurtschouw-tafel-van-12': 'Met bewoners door de buurt lopen en samen kijken wat beter kan',
  'communicatie-nazorg': 'Goede informatie en hulp na een ernstig voorval',
  'vroegsignalering-schulden': 'Schulden vroeg zien en mensen helpen',
  'activering-werk': 'Hulp bij het vinden van werk',
  'een-tegen-eenzaamheid': 'Samen iets doen tegen eenzaamheid',
  maatjesproject: 'Een maatje dat op bezoek komt',
  'welzijn-op-recept': 'De huisarts verwijst naar activiteiten in de buurt',
  'verward-gedrag': 'Hulp voor mensen die verward zijn',
  'ambulant-jongerenwerk': 'Jongerenwerkers die jongeren op straat opzoeken',
  straatcoaches: 'Straatcoaches die jongeren aanspreken',
  'groepsaanpak-jeugd': 'Aanpak van groepen jongeren die overlast geven',
  halt: 'Een straf met uitleg voor jongeren die iets fout deden',
  'preventie-met-gezag': 'Jongeren op tijd helpen voordat het misgaat',
  mentoring: 'Een maatje voor jongeren',
  mst: 'Hulp voor gezinnen met een jongere die in de problemen zit',
  voorzorg: 'Hulp voor jonge moeders tijdens en na de zwangerschap',
  'communities-that-care': 'Samen met de buurt werken aan gezond en veilig opgroeien',
  'vreedzame-wijk': 'Kinderen leren om ruzies zelf goed op te lossen',
  buurtsportcoach: 'Sport en spel in de buurt',
  'verzuim-vsv': 'Zorgen dat jongeren naar school blijven gaan',
};

const PLAIN_STATUS: Record<MatrixStatus, string> = {
  lopend: 'loopt al',
  kansrijk: 'wordt besproken',
  gepland: 'staat gepland',
  afgerond: 'is klaar',
  obstakel: 'loopt vast, er wordt naar een oplossing gezocht',
};

export function plainInterventionName(row: Pick<MatrixRow, 'interventionId' | 'name'>): string {
  return (row.interventionId && PLAIN_INTERVENTIONS[row.interventionId]) || row.name;
}

export const ANSWER_LABELS: Record<ResidentAnswerValue, string> = { ja: 'Ja', 'een beetje': 'Een beetje', nee: 'Nee', 'weet ik niet': 'Weet ik niet' };
export const ANSWER_OPTIONS = RESIDENT_ANSWERS.map((value) => ({ value, label: ANSWER_LABELS[value] }));

export interface ResidentQuestion {
  /** The category it is about; the id in the CSV and in the saved file. */
  id: CategoryId;
  topic: string;
  /** What the figures say, the thing to recognise; '' for a topic without figures. */
  statement: string;
  text: string;
}

export interface ResidentPageInput {
  area: { code: string; name: string; level: AreaLevel };
  gemeenteName: string;
  /** Percentiles against the whole dataset. */
  dataset: CategoryFigure[];
  /** Where the dataset reaches: "in Nederland". */
  datasetWhere: string;
  /** Percentiles against the other areas of the gemeente, or null (a gemeente, or a dataset of one gemeente). */
  withinGemeente: CategoryFigure[] | null;
  /** 50–199 inwoners. */
  fewResidents: boolean;
  /** Under 50 inwoners: no figures to tell. */
  noFigures: boolean;
  /** A bezoekers- of werkgebied: figures per inwoner describe visitors, so the kompas does not compare it. */
  visitorArea: boolean;
  matrix: Pick<MatrixRow, 'interventionId' | 'name' | 'status'>[];
  madeBy: string;
  /** yyyy-mm-dd */
  date: string;
  credit: string;
}

export interface ResidentPage {
  title: string;
  intro: string[];
  figures: { id: CategoryId; topic: string; sentences: string[]; comparison: Comparison }[];
  unknown: string[];
  interventions: string[];
  questions: ResidentQuestion[];
  privacy: string[];
  madeBy: string;
  credit: string;
  area: { code: string; name: string; level: AreaLevel };
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-12-04" → "4 december 2026". */
export function dateInWords(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

const hasFigure = (c: CategoryFigure): c is CategoryFigure & { id: CategoryId; percentile: number } =>
  isCategoryId(c.id) && (c.status === 'score' || c.status === 'beperkt') && c.percentile !== null && Number.isFinite(c.percentile);

export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 5;

/** The shown categories with their sentences: the weak spots (highest first), topped up to MIN_QUESTIONS with the next highest. */
function pageFigures(input: ResidentPageInput): ResidentPage['figures'] {
  const { area } = input;
  const withFigures = input.noFigures ? [] : input.dataset.filter(hasFigure).sort((a, b) => b.percentile - a.percentile);
  const weak = withFigures.filter((c) => isAttention(c.percentile));
  const shown = (weak.length >= MIN_QUESTIONS ? weak : withFigures.slice(0, MIN_QUESTIONS)).slice(0, MAX_QUESTIONS);
  const local = new Map((input.withinGemeente ?? []).filter(hasFigure).map((c) => [c.id, c.percentile]));
  return shown.map((c) => {
    const sentences = [figureSentence(area.name, area.level, c.id, c.percentile, input.datasetWhere)];
    const inGemeente = local.get(c.id);
    if (inGemeente !== undefined && area.level !== 'gemeente') sentences.push(gemeenteSentence(input.gemeenteName, area.level, inGemeente));
    if (c.status === 'beperkt') sentences.push('Voor dit onderwerp hebben we niet alle cijfers.');
    return { id: c.id, topic: PLAIN_CATEGORIES[c.id].topic, sentences, comparison: comparisonOf(c.percentile) };
  });
}

/** What the figures cannot say here. Without figures because of a visitor area or too few inwoners, the reason is said once, not per topic. */
function unknownNotes(input: ResidentPageInput, levelWord: string): string[] {
  const missing = (c: CategoryFigure) => c.status === 'wittevlek' || (c.status === 'geen' && !input.visitorArea && !input.noFigures);
  const white = input.dataset.filter((c) => isCategoryId(c.id) && missing(c)).map((c) => c.id as CategoryId);
  const unknown: string[] = [];
  if (input.noFigures) unknown.push(`In deze ${levelWord} wonen te weinig mensen om iets over de cijfers te zeggen.`);
  else if (input.fewResidents) unknown.push(`In deze ${levelWord} wonen niet veel mensen. Daarom zeggen de cijfers minder dan in een grote ${levelWord}.`);
  if (input.visitorArea) unknown.push(`In deze ${levelWord} komen veel bezoekers en mensen die er werken. Cijfers per bewoner zeggen hier weinig. Daarom vergelijken we de meeste onderwerpen niet met andere ${PLURAL[input.area.level]}.`);
  for (const id of white) unknown.push(`Over ${PLAIN_CATEGORIES[id].topic.toLowerCase()} hebben we te weinig cijfers voor deze ${levelWord}.`);
  unknown.push('De cijfers laten niet zien hoe veilig mensen zich voelen. Dat weet u zelf het best.');
  unknown.push('Cijfers laten zien wat vaak samen voorkomt. Ze zeggen niet wat de oorzaak is.');
  return unknown;
}

/** "Herkent u dit?" per shown figure; too few: topics without figures, in the kompas's order. */
function pageQuestions(input: ResidentPageInput, figures: ResidentPage['figures'], levelWord: string): ResidentQuestion[] {
  const unasked = input.dataset.filter((c) => isCategoryId(c.id) && (c.status === 'wittevlek' || c.status === 'geen')).map((c) => c.id as CategoryId);
  const questions: ResidentQuestion[] = figures.map((f) => ({
    id: f.id,
    topic: f.topic,
    statement: f.sentences[0],
    text: `Herkent u dit? ${f.sentences[0]}`,
  }));
  for (const id of unasked) {
    if (questions.length >= MIN_QUESTIONS) break;
    const topic = PLAIN_CATEGORIES[id].topic;
    questions.push({ id, topic, statement: '', text: `Merkt u in uw ${levelWord} iets van ${PLAIN_CATEGORIES[id].subject}?` });
  }
  return questions;
}

/**
 * The page. Shown categories: those that need attention (the kernteam's
 * weak spots, highest first), topped up to three with the next highest;
 * each becomes a "Herkent u dit?" question. Too few categories with
 * figures: the witte vlekken are asked about instead.
 */
export function buildResidentPage(input: ResidentPageInput): ResidentPage {
  const { area } = input;
  const levelWord = area.level === 'buurt' ? 'buurt' : area.level === 'wijk' ? 'wijk' : 'gemeente';
  const figures = pageFigures(input);
  const questions = pageQuestions(input, figures, levelWord);
  const interventions = input.matrix.map((r) => `${plainInterventionName(r)} (${PLAIN_STATUS[r.status]})`);

  return {
    title: `Veiligheid in ${area.name}`,
    intro: [
      `Op deze pagina leest u wat de cijfers zeggen over veiligheid in ${area.name}.`,
      'We vergelijken uw ' + levelWord + ' met andere ' + PLURAL[area.level] + '. We willen graag weten of u dit herkent.',
    ],
    figures,
    unknown: unknownNotes(input, levelWord),
    interventions: interventions.length ? interventions : [],
    questions: questions.slice(0, MAX_QUESTIONS),
    privacy: [
      'Op deze pagina staat niets over u of over andere bewoners.',
      'Als u de vragen invult, bewaren we alleen wat u zelf kiest en typt. We vragen niet om uw naam.',
      'Schrijf daarom geen namen, adressen of telefoonnummers op.',
      'Uw antwoorden blijven op uw eigen computer, totdat u ze zelf opslaat en inlevert.',
    ],
    madeBy: `Gemaakt door ${input.madeBy} op ${dateInWords(input.date)}.`,
    credit: input.credit,
    area,
  };
}
