/**
 * Residents' answers back into the workspace: from the CSV template (answers
 * collected on paper and typed in) or from the file the resident page saves
 * (src/workspace/resident-html.ts). Both go through one row check, so both
 * give the same Dutch messages with the place of the problem (file, row or
 * answer number, column). A file with any problem is refused whole: nothing
 * is stored, so nothing half-read gets mixed with earlier answers.
 *
 * CSV goes through the app's one parser and writer (src/model/formats/delimited.ts,
 * src/model/formats/csv-write.ts).
 */
import { toCsv } from '../model/formats/csv-write.ts';
import { parseJsonText } from '../model/formats/json-text.ts';
import { DelimitedError, parseDelimited } from '../model/formats/delimited.ts';
import { decodeFileText, ImportFileError } from '../enrichment/read-text.ts';
import { isCategoryId } from './ids.ts';
import { RESIDENT_ANSWERS, newId, type ResidentAnswer, type ResidentAnswerBatch, type ResidentAnswerValue } from './model.ts';
import { ANSWERS_FILE_FORMAT } from './resident-html.ts';
import { ANSWER_LABELS, type ResidentPage } from './resident-page.ts';

/** Columns of the template, in order. `vraag` and `antwoord` are required; the rest may be left out. */
export const ANSWER_COLUMNS = ['gebied', 'vraag', 'vraagtekst', 'antwoord', 'toelichting'] as const;
const MAX_TEXT = 2000;
const MAX_MESSAGES = 20;

/** The CSV template for answers on paper: one line per answer; copy a question's line for each form. */
export function answersTemplateCsv(page: ResidentPage): string {
  const rows = page.questions.map((q) => [page.area.code, q.id, q.text, '', '']);
  return toCsv([...ANSWER_COLUMNS], rows, {
    separator: ';',
    bom: true,
    preamble: [`Antwoorden van bewoners voor ${page.area.name} (${page.area.code}). Eén regel per antwoord: kopieer de regel van een vraag voor elk formulier.`, `Antwoord is een van: ${RESIDENT_ANSWERS.map((a) => ANSWER_LABELS[a]).join(', ')}. Toelichting mag leeg blijven. Schrijf geen namen of adressen over.`],
  });
}

export function answersTemplateFileName(areaCode: string): string {
  return `antwoordformulier-${areaCode}.csv`;
}

export type AnswersImport = { ok: true; batch: ResidentAnswerBatch } | { ok: false; errors: string[] };

interface RawAnswer {
  /** "rij 4" or "antwoord 2": where this answer is in the file. */
  where: string;
  cells: Partial<Record<(typeof ANSWER_COLUMNS)[number], string>>;
}

function normaliseAnswer(text: string): ResidentAnswerValue | null | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  return (RESIDENT_ANSWERS as readonly string[]).includes(t) ? (t as ResidentAnswerValue) : undefined;
}

/** The shared row check: CSV rows and saved-file answers alike. */
function checkAnswers(fileName: string, areaCode: string, raw: RawAnswer[], questionText: (id: string) => string | undefined): AnswersImport {
  const errors: string[] = [];
  const fail = (message: string) => {
    if (errors.length < MAX_MESSAGES) errors.push(`${fileName}, ${message}`);
  };
  const answers: ResidentAnswer[] = [];
  for (const { where, cells } of raw) {
    const answerText = cells.antwoord ?? '';
    const text = (cells.toelichting ?? '').trim();
    const question = (cells.vraag ?? '').trim().toUpperCase();
    // An unfilled template line (no answer, no text) is skipped, not an error.
    if (answerText.trim() === '' && text === '') continue;
    const gebied = (cells.gebied ?? '').trim();
    if (gebied && gebied.toUpperCase() !== areaCode.toUpperCase()) fail(`${where}, kolom gebied: "${clip(gebied)}" is een ander gebied dan ${areaCode}; importeer deze antwoorden bij dat gebied`);
    if (!isCategoryId(question)) fail(`${where}, kolom vraag: onbekende vraag "${clip(cells.vraag ?? '')}" (verwacht de code uit het formulier, zoals S4)`);
    const answer = normaliseAnswer(answerText);
    if (answer === undefined) fail(`${where}, kolom antwoord: onbekend antwoord "${clip(answerText)}" (toegestaan: ${RESIDENT_ANSWERS.map((a) => ANSWER_LABELS[a]).join(', ')}, of leeg)`);
    if (text.length > MAX_TEXT) fail(`${where}, kolom toelichting: tekst is te lang (${text.length} tekens, maximaal ${MAX_TEXT})`);
    if (!isCategoryId(question) || answer === undefined) continue;
    const asked = (cells.vraagtekst ?? '').trim() || questionText(question) || question;
    answers.push({ questionId: question, question: asked.slice(0, 500), answer, text: text.slice(0, MAX_TEXT) });
  }
  if (errors.length === 0 && answers.length === 0) fail('geen antwoorden gevonden: elke regel is leeg (vul per regel een antwoord of een toelichting in)');
  if (errors.length) return { ok: false, errors };
  return { ok: true, batch: { id: newId(), areaCode, fileName, importedAt: new Date().toISOString(), answers } };
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** A file saved by the resident page (JSON). */
function fromSavedFile(value: unknown, fileName: string): RawAnswer[] | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${fileName}: verwacht een bestand met antwoorden (een JSON-object)`;
  const o = value as Record<string, unknown>;
  if (o.format !== ANSWERS_FILE_FORMAT) return `${fileName}, format: dit is geen antwoordbestand van een bewonerspagina (verwacht "${ANSWERS_FILE_FORMAT}")`;
  if (o.version !== 1) return `${fileName}, version: onbekende versie ${JSON.stringify(o.version)} (deze app leest versie 1)`;
  if (!Array.isArray(o.antwoorden)) return `${fileName}, antwoorden: ontbreekt of is geen lijst`;
  const gebied = typeof o.gebied === 'string' ? o.gebied : '';
  return o.antwoorden.map((a, i) => {
    const ao = a !== null && typeof a === 'object' && !Array.isArray(a) ? (a as Record<string, unknown>) : {};
    const text = (k: string) => (typeof ao[k] === 'string' ? (ao[k] as string) : ao[k] === undefined || ao[k] === null ? '' : String(ao[k]));
    return { where: `antwoord ${i + 1}`, cells: { gebied, vraag: text('vraag'), vraagtekst: text('vraagtekst'), antwoord: text('antwoord'), toelichting: text('toelichting') } };
  });
}

/**
 * Reads one answers file for one area. `questionText` gives the page's
 * wording for a question id when the file has none (a short paper CSV).
 */
export async function readAnswersFile(buffer: ArrayBuffer, fileName: string, areaCode: string, questionText: (id: string) => string | undefined = () => undefined): Promise<AnswersImport> {
  const head = new TextDecoder('utf-8').decode(buffer.slice(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || /\.json$/i.test(fileName)) {
    const json = parseJsonText(new TextDecoder('utf-8').decode(buffer));
    if (!json.ok) return { ok: false, errors: [`${fileName}: het bestand is geen geldige JSON: ${json.problem}.`] };
    const raw = fromSavedFile(json.value, fileName);
    return typeof raw === 'string' ? { ok: false, errors: [raw] } : checkAnswers(fileName, areaCode, raw, questionText);
  }
  if (/\.xlsx?$/i.test(fileName)) return { ok: false, errors: [`${fileName}: lees het antwoordformulier als CSV in (in Excel: Opslaan als → CSV (puntkomma gescheiden)).`] };
  try {
    // The header is found by its "vraag" column, so the template's explanation lines above it are skipped.
    const table = parseDelimited(decodeFileText(buffer, fileName), { file: fileName, findHeader: (cells) => cells.some((c) => c.toLowerCase() === 'vraag') });
    const index = new Map(table.columns.map((c, i) => [c.trim().toLowerCase(), i]));
    const missing = (['vraag', 'antwoord'] as const).filter((c) => !index.has(c));
    if (missing.length) return { ok: false, errors: [missingColumns(fileName, missing)] };
    const raw: RawAnswer[] = table.rows.map((row, r) => ({
      where: `rij ${table.lineNumbers[r]}`,
      cells: Object.fromEntries(ANSWER_COLUMNS.filter((c) => index.has(c)).map((c) => [c, row[index.get(c)!] ?? ''])),
    }));
    return checkAnswers(fileName, areaCode, raw, questionText);
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, errors: [error.message] };
    if (!(error instanceof DelimitedError)) throw error;
    return { ok: false, errors: [/geen kopregel/.test(error.message) ? missingColumns(fileName, ['vraag', 'antwoord']) : error.message] };
  }
}

function missingColumns(fileName: string, missing: readonly string[]): string {
  return `${fileName}, kopregel: ${missing.map((m) => `kolom "${m}"`).join(' en ')} ontbreekt (verwacht de kolommen ${ANSWER_COLUMNS.join(';')}, zoals in het antwoordformulier)`;
}

export interface QuestionTally {
  questionId: string;
  question: string;
  counts: Record<ResidentAnswerValue, number>;
  /** Answers with only a text. */
  withoutChoice: number;
  texts: string[];
}

/** Counts per answer per question, and the free texts, over every imported file for the area. */
export function tallyAnswers(batches: readonly ResidentAnswerBatch[], areaCode: string): QuestionTally[] {
  const byQuestion = new Map<string, QuestionTally>();
  for (const batch of batches) {
    if (batch.areaCode !== areaCode) continue;
    for (const a of batch.answers) {
      let t = byQuestion.get(a.questionId);
      if (!t) {
        t = { questionId: a.questionId, question: a.question, counts: { ja: 0, 'een beetje': 0, nee: 0, 'weet ik niet': 0 }, withoutChoice: 0, texts: [] };
        byQuestion.set(a.questionId, t);
      }
      if (a.answer) t.counts[a.answer]++;
      else t.withoutChoice++;
      if (a.text.trim()) t.texts.push(a.text.trim());
    }
  }
  return [...byQuestion.values()];
}
