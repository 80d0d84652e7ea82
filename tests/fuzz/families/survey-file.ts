/**
 * Family: a survey export chosen in "Enquêtecijfers importeren". True
 * figures (percent with margin or respondents, any n, Amsterdam codes) are
 * written with the usual variations and maybe damaged; an accepted survey
 * must equal the truth and come back unchanged from the workspace (it is
 * kept there, see src/workspace/model.ts WorkspaceSurvey): through the
 * workspace file and through the check of a stored record.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseSurvey } from '../../../src/enrichment/survey/parse.ts';
import type { SurveyData } from '../../../src/model/beleving-types.ts';
import { createWorkspace } from '../../../src/workspace/model.ts';
import { parseStoredWorkspace, parseWorkspaceFile, serializeWorkspace } from '../../../src/workspace/file-format.ts';
import { hostileCell, type FuzzFamily } from '../harness.ts';

const AREAS = {
  gemeente: { codes: ['GM0014', 'GM0363', 'GM0599'], names: ['Groningen', 'Amsterdam', 'Rotterdam'], gemeenteCodes: ['GM0014', 'GM0363', 'GM0599'] },
  wijk: { codes: ['WK0363AA', 'WK001401'], names: ['Burgwallen-Oude Zijde', 'Centrum'], gemeenteCodes: ['GM0363', 'GM0014'] },
  buurt: { codes: ['BU0363AA01', 'BU0363AA02', 'BU00140000'], names: ['Kop Zeedijk', 'Oude Kerk e.o.', 'Binnenstad'], gemeenteCodes: ['GM0363', 'GM0363', 'GM0014'] },
};
const ALL = [...AREAS.gemeente.codes, ...AREAS.wijk.codes, ...AREAS.buurt.codes];

interface SurveyCase {
  rows: { code: string; tenths: number; n: number }[];
  separator: ';' | ',';
  damage: { kind: 'geen' } | { kind: 'cel'; row: number; col: number; text: string } | { kind: 'afgebroken'; at: number } | { kind: 'binair'; bytes: Uint8Array } | { kind: 'groot' };
}

/**
 * The survey as it comes back after export → import of its workspace and
 * after a reload (the stored record is checked by the same rules); null
 * when either refuses it.
 */
export function throughWorkspace(survey: SurveyData): { file: SurveyData | null; stored: SurveyData | null } {
  const ws = createWorkspace('Peiling', { kind: 'gemeente', gemeenteCode: 'GM0014', areas: [{ code: 'GM0014', name: 'Groningen' }] }, '2026-12-04T10:00:00.000Z');
  ws.surveys = [{ datasetId: 'nl2024', survey }];
  const file = parseWorkspaceFile(serializeWorkspace(ws));
  const stored = parseStoredWorkspace(structuredClone(ws));
  return { file: file.ok ? (file.workspace.surveys[0]?.survey ?? null) : null, stored: stored.ok ? (stored.workspace.surveys[0]?.survey ?? null) : null };
}

const cases = () => fc.record({
  rows: fc.uniqueArray(fc.record({ code: fc.constantFrom(...ALL), tenths: fc.integer({ min: 0, max: 1000 }), n: fc.integer({ min: 1, max: 100_000 }) }), { minLength: 1, maxLength: ALL.length, selector: (r) => r.code }),
  separator: fc.constantFrom<';' | ','>(';', ','),
  damage: fc.oneof(
    { arbitrary: fc.constant<SurveyCase['damage']>({ kind: 'geen' }), weight: 4 },
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), hostileCell).map(([row, col, text]): SurveyCase['damage'] => ({ kind: 'cel', row, col, text })),
    fc.integer({ min: 0, max: 2000 }).map((at): SurveyCase['damage'] => ({ kind: 'afgebroken', at })),
    fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes): SurveyCase['damage'] => ({ kind: 'binair', bytes })),
    fc.constant<SurveyCase['damage']>({ kind: 'groot' }),
  ),
});

function write(c: SurveyCase): string {
  const d = c.damage;
  if (d.kind === 'binair') return new TextDecoder().decode(d.bytes);
  if (d.kind === 'groot') return `code;% onveilig;respondenten\n${'GM0014;10;5\n'.repeat(1_000_000)}`;
  const pct = (t: number) => (c.separator === ';' ? (t / 10).toFixed(1).replace('.', ',') : (t / 10).toFixed(1));
  const rows = c.rows.map((r) => [r.code, pct(r.tenths), String(r.n)]);
  if (d.kind === 'cel') rows[d.row % rows.length][d.col] = d.text;
  const q = (v: string) => (v.includes(c.separator) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [['code', '% onveilig', 'respondenten'], ...rows].map((r) => r.map(q).join(c.separator)).join('\n') + '\n';
  return d.kind === 'afgebroken' ? text.slice(0, d.at % text.length) : text;
}

export const surveyFileFamily: FuzzFamily<SurveyCase> = {
  name: 'enquêtebestand',
  cases,
  describe: (c) => `sep ${JSON.stringify(c.separator)}, ${c.rows.length} rijen (n ${c.rows.map((r) => r.n).join('/')}), schade: ${c.damage.kind}${'text' in c.damage ? ` ${JSON.stringify(c.damage.text)}` : ''}`,
  async run(c) {
    const parsed = parseSurvey(write(c), AREAS, { fileName: 'peiling.csv', year: 2024 });
    if (parsed.fatal) return { kind: 'refused', messages: [parsed.fatal] };
    if (parsed.errors.length) return { kind: 'refused', messages: parsed.errors.map((e) => `peiling.csv, regel ${e.line}, kolom ${e.column}: ${e.message}`) };
    if (!parsed.figures.length) return { kind: 'refused', messages: [`peiling.csv: geen cijfers gevonden (${parsed.skipped.length} rijen zonder waarde).`] };
    if (c.damage.kind === 'geen') {
      for (const r of c.rows) {
        const f = parsed.figures.find((x) => x.code === r.code);
        if (!f || Math.abs(f.percent - r.tenths / 10) > 1e-9 || f.n !== r.n) return { kind: 'accepted', wrong: `${r.code}: gelezen ${f?.percent}% n ${f?.n}, bedoeld ${r.tenths / 10}% n ${r.n}` };
      }
    }
    const survey = { fileName: 'peiling.csv', importedAt: '2026-12-04T10:00:00.000Z', measure: parsed.measure, figures: parsed.figures.map(({ line: _line, ...f }) => f) };
    const back = throughWorkspace(survey);
    if (!isDeepStrictEqual(back.stored, survey)) return { kind: 'accepted', wrong: 'toegepast, maar na herladen weg of anders' };
    if (!isDeepStrictEqual(back.file, survey)) return { kind: 'accepted', wrong: 'toegepast, maar na export → import van de werkruimte weg of anders' };
    return { kind: 'accepted' };
  },
};
