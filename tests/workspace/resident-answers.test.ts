import { describe, expect, it } from 'vitest';
import { answersTemplateCsv, readAnswersFile, tallyAnswers } from '../../src/workspace/resident-answers.ts';
import { buildResidentPage } from '../../src/workspace/resident-page.ts';
import { ANSWERS_FILE_FORMAT } from '../../src/workspace/resident-html.ts';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/workspace/file-format.ts';
import { CATEGORY_IDS } from '../../src/workspace/ids.ts';
import type { ResidentAnswerBatch } from '../../src/workspace/model.ts';
import { sampleWorkspace } from './fixtures.ts';
import { residentPageInput } from './resident-fixtures.ts';

const AREA = 'BU00140001';
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const page = buildResidentPage(residentPageInput(CATEGORY_IDS.map((id) => ({ id, percentile: id === 'S4' ? 95 : id === 'S3' ? 88 : id === 'F1' ? 82 : 40, status: 'score' as const }))));
const questionText = (id: string) => page.questions.find((q) => q.id === id)?.text;

describe('answers from paper (CSV template)', () => {
  it('the template filled in reads back, with counts per answer and the free texts', async () => {
    const template = answersTemplateCsv(page);
    expect(template.startsWith('\uFEFF')).toBe(true);
    const lines = template.split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('gebied;'));
    expect(lines[header]).toBe('gebied;vraag;vraagtekst;antwoord;toelichting');
    // Typed in: the S4 line twice (two forms), S3 once with "Een beetje"; F1 left empty.
    const s4 = lines.find((l) => l.includes(';S4;'))!;
    const s3 = lines.find((l) => l.includes(';S3;'))!;
    const filled = [...lines.slice(0, header + 1), s4.replace(/;;$/, ';Ja;"Fietsen gestolen bij het station; twee keer"'), s4.replace(/;;$/, ';nee;'), s3.replace(/;;$/, ';Een beetje;'), lines.find((l) => l.includes(';F1;'))!, ''].join('\r\n');
    const r = await readAnswersFile(bytes(filled), 'papier.csv', AREA, questionText);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.answers).toHaveLength(3);
    const tally = tallyAnswers([r.batch], AREA);
    const t4 = tally.find((t) => t.questionId === 'S4')!;
    expect(t4.counts).toEqual({ ja: 1, 'een beetje': 0, nee: 1, 'weet ik niet': 0 });
    expect(t4.texts).toEqual(['Fietsen gestolen bij het station; twee keer']);
    expect(t4.question).toBe(questionText('S4'));
    expect(tally.find((t) => t.questionId === 'S3')!.counts['een beetje']).toBe(1);
    expect(tallyAnswers([r.batch], 'BU00140002')).toEqual([]);
  });

  it('a short CSV with only vraag and antwoord takes the question from the page', async () => {
    const r = await readAnswersFile(bytes('vraag;antwoord\ns4;weet ik niet\n'), 'kort.csv', AREA, questionText);
    expect(r.ok && r.batch.answers[0]).toEqual({ questionId: 'S4', question: questionText('S4'), answer: 'weet ik niet', text: '' });
  });

  it('names file, row and column of every problem, and refuses the whole file', async () => {
    const r = await readAnswersFile(bytes('gebied;vraag;antwoord;toelichting\nBU00140001;S4;misschien;\nBU00149999;S3;ja;\nBU00140001;X9;ja;\n'), 'kapot.csv', AREA);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'kapot.csv, rij 2, kolom antwoord: onbekend antwoord "misschien" (toegestaan: Ja, Een beetje, Nee, Weet ik niet, of leeg)',
      'kapot.csv, rij 3, kolom gebied: "BU00149999" is een ander gebied dan BU00140001; importeer deze antwoorden bij dat gebied',
      'kapot.csv, rij 4, kolom vraag: onbekende vraag "X9" (verwacht de code uit het formulier, zoals S4)',
    ]);
  });

  it('explains a missing column, an empty form and a file that is no table', async () => {
    const noColumn = await readAnswersFile(bytes('vraag;reactie\nS4;ja\n'), 'a.csv', AREA);
    expect(!noColumn.ok && noColumn.errors[0]).toMatch(/^a\.csv, kopregel: kolom "antwoord" ontbreekt/);
    const empty = await readAnswersFile(bytes(answersTemplateCsv(page)), 'leeg.csv', AREA);
    expect(!empty.ok && empty.errors[0]).toMatch(/^leeg\.csv, geen antwoorden gevonden/);
    const binary = await readAnswersFile(new Uint8Array([0x50, 0x4b, 3, 4]).buffer, 'antwoorden.xlsx', AREA);
    expect(!binary.ok && binary.errors[0]).toMatch(/^antwoorden\.xlsx: lees het antwoordformulier als CSV in/);
  });
});

describe('answers saved from the resident page (JSON)', () => {
  const saved = (antwoorden: unknown[], extra: Record<string, unknown> = {}) =>
    bytes(JSON.stringify({ format: ANSWERS_FILE_FORMAT, version: 1, gebied: AREA, gebiedsnaam: 'Binnenstad-Zuid', opgeslagen: '2026-12-04T10:00:00.000Z', antwoorden, ...extra }));

  it('reads the answers; an unanswered question is skipped', async () => {
    const r = await readAnswersFile(saved([{ vraag: 'S4', vraagtekst: 'Herkent u dit? …', antwoord: 'een beetje', toelichting: 'Vooral ’s nachts' }, { vraag: 'S3', vraagtekst: '…', antwoord: '', toelichting: '' }]), 'antwoorden-BU00140001.json', AREA);
    expect(r.ok && r.batch.answers).toEqual([{ questionId: 'S4', question: 'Herkent u dit? …', answer: 'een beetje', text: 'Vooral ’s nachts' }]);
  });

  it('says where a saved file is wrong', async () => {
    const wrong = await readAnswersFile(saved([{ vraag: 'S4', antwoord: 'jazeker' }]), 'x.json', AREA);
    expect(!wrong.ok && wrong.errors).toEqual(['x.json, antwoord 1, kolom antwoord: onbekend antwoord "jazeker" (toegestaan: Ja, Een beetje, Nee, Weet ik niet, of leeg)']);
    const other = await readAnswersFile(saved([], { format: 'iets' }), 'y.json', AREA);
    expect(!other.ok && other.errors[0]).toMatch(/^y\.json, format: dit is geen antwoordbestand/);
    const broken = await readAnswersFile(bytes('{"format": "wijk'), 'z.json', AREA);
    expect(!broken.ok && broken.errors[0]).toMatch(/^z\.json: het bestand is geen geldige JSON: het houdt halverwege op/);
  });
});

describe('workspace file version 6: resident answers', () => {
  const batch: ResidentAnswerBatch = {
    id: 'b1', areaCode: AREA, fileName: 'papier.csv', importedAt: '2026-12-04T10:00:00.000Z',
    answers: [{ questionId: 'S4', question: 'Herkent u dit?', answer: 'ja', text: 'Bij het station' }, { questionId: 'S3', question: 'Herkent u dit?', answer: null, text: 'Soms' }],
  };

  it('export → import keeps the answers', () => {
    const ws = sampleWorkspace();
    ws.residentAnswers = [batch];
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok && r.workspace).toEqual(ws);
  });

  it('migrates a version 5 file to no answers, without trusting a stray key', () => {
    const o = JSON.parse(serializeWorkspace(sampleWorkspace()));
    const r = parseWorkspaceFile(JSON.stringify({ ...o, version: 5, residentAnswers: [{ kapot: true }] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(5);
    expect(r.workspace.residentAnswers).toEqual([]);
  });

  it('names the path of a damaged answer', () => {
    const o = JSON.parse(serializeWorkspace(sampleWorkspace()));
    o.residentAnswers = [{ ...batch, answers: [{ ...batch.answers[0], answer: 'misschien' }, { ...batch.answers[1], questionId: 'Z1' }] }];
    const r = parseWorkspaceFile(JSON.stringify(o));
    expect(!r.ok && r.errors).toEqual([
      'residentAnswers[0].answers[0].answer: onbekende antwoord "misschien" (toegestaan: ja, een beetje, nee, weet ik niet)',
      'residentAnswers[0].answers[1].questionId: onbekende vraag "Z1" (verwacht een categorie zoals S4)',
    ]);
  });
});
