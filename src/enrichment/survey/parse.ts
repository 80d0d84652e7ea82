/**
 * Reading a Veiligheidsmonitor or local survey export: one row per area with
 * a share such as "% voelt zich weleens onveilig in eigen buurt", optionally
 * a margin, the number of respondents and the year. Rows are keyed by CBS
 * code (GM/WK/BU, padded or with spaces) or by name within a chosen gemeente.
 *
 * Every problem names the line, the column and the value; valid rows are
 * kept separately so the user can decide to skip the faulty ones. Pure.
 */
import { ImportFileError, parseImportNumber, readCsvText, skippedLineText, type RawTable } from '../read-text.ts';
import { NameIndex, normaliseName } from '../area-names.ts';
import { LEVELS, type Level } from '../../model/dataset-format.ts';
import { levelNamedIn, levelOfBareCode, normaliseAreaCode } from '../../model/area-code.ts';
import type { SurveyFigure } from '../../model/beleving-types.ts';
import { tooLargeMessage } from '../contract.ts';
import { SURVEY, SURVEY_LIMITS } from './kind.ts';

/** The areas a survey can refer to: the loaded level tables (or a subset of them). */
export type SurveyAreaTable = { codes: string[]; names: string[]; gemeenteCodes: string[] };
export type SurveyAreas = Partial<Record<Level, SurveyAreaTable>>;

export interface SurveyIssue {
  /** 1-based line in the file. */
  line: number;
  column: string;
  value: string;
  message: string;
}

export interface SurveyParseOptions {
  fileName?: string;
  /** Needed when rows name areas instead of giving codes: names are looked up within this gemeente. */
  gemeenteCode?: string;
  /** Used when the file has no year column. */
  year?: number | null;
}

export interface SurveyParseResult {
  figures: (SurveyFigure & { line: number })[];
  errors: SurveyIssue[];
  /** Rows without a value ("." or empty): not an error, nothing to apply. */
  skipped: SurveyIssue[];
  /** Lines that are not data and were left out (title lines above the header, the "Bron:" footer), in Dutch with their line. */
  notes: string[];
  /** Header of the value column, used as the measure's label. */
  measure: string;
  /** Which column was read for what (for the preview). */
  columns: { key: string | null; value: string; margin: string | null; n: string | null; year: string | null; level: string | null };
  /** A problem with the file as a whole (no value column, unreadable): nothing can be applied. */
  fatal: string | null;
}

const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9%]+/g, '');
/** Names compare without case, accents, punctuation or extra spaces: "Binnenstad-Zuid" = "binnenstad zuid" (the area import's rule). */
export const nameKey = normaliseName;

const CODE_COLUMNS = ['code', 'gebiedscode', 'regiocode', 'wijkenenbuurten', 'codering', 'gwbcode', 'gemeentecode', 'wijkcode', 'buurtcode', 'regioaanduiding'];
const NAME_COLUMNS = ['naam', 'gebied', 'gebiedsnaam', 'regio', 'regionaam', 'regios', 'wijknaam', 'buurtnaam', 'gemeentenaam', 'wijk', 'buurt', 'gemeente'];
const MARGIN_HINTS = ['marge', 'betrouwbaarheid', 'foutmarge', 'ci95', 'halfwidth'];
const N_COLUMNS = ['n', 'respondenten', 'aantalrespondenten', 'steekproef', 'nrespondenten'];
const YEAR_COLUMNS = ['jaar', 'peiljaar', 'perioden', 'periode', 'meetjaar'];
const LEVEL_COLUMNS = ['niveau', 'soortregio', 'regioniveau', 'gebiedsniveau'];

function findColumn(columns: string[], exact: string[], contains: string[] = [], exclude: (c: string) => boolean = () => false): number {
  const n = columns.map(norm);
  for (const e of exact) { const i = n.indexOf(e); if (i >= 0 && !exclude(n[i])) return i; }
  for (const c of contains) { const i = n.findIndex((x) => x.includes(c) && !exclude(x)); if (i >= 0) return i; }
  return -1;
}

/** "WK 0014 00", " gm14", "0014", "3440101" (Excel dropped the zeros) → "WK001400", "GM0014", "GM0014", "BU03440101". */
export function normaliseCode(raw: string, columnName = '', isKnown: (code: string) => boolean = () => false): string {
  const c = raw.replace(/\s+/g, '').toUpperCase();
  // Bare digits in the code column: the level the area import reads them at (src/model/area-code.ts).
  const bare = levelOfBareCode(c, columnName);
  if (bare) {
    const code = normaliseAreaCode(c, bare) ?? c;
    if (isKnown(code) || levelNamedIn(columnName)) return code;
    // The length fits more levels when a gemeente's number is below 1000:
    // Groningen's buurt BU00140001 loses its zeros to 140001, six digits like
    // a wijk. Under a header that names no level, the level the dataset has.
    return LEVELS.map((level) => normaliseAreaCode(c, level)).find((other) => other !== null && isKnown(other)) ?? code;
  }
  // A prefixed code follows the one code rule (src/model/area-code.ts), Amsterdam's letters included;
  // anything else is kept as written, so the report can name it.
  return /^(GM|WK|BU)/.test(c) ? (normaliseAreaCode(c, 'gemeente') ?? c) : c;
}

const levelOfCode = (code: string): Level | null => (code.startsWith('GM') ? 'gemeente' : code.startsWith('WK') ? 'wijk' : code.startsWith('BU') ? 'buurt' : null);

function levelWord(raw: string): Level | null {
  const w = norm(raw);
  if (w.startsWith('gemeente')) return 'gemeente';
  if (w.startsWith('wijk')) return 'wijk';
  if (w.startsWith('buurt')) return 'buurt';
  return null;
}

/**
 * Largest margin (percentage points) a figure can carry: a stated margin is
 * at most 50, but the binomial margin from few respondents is larger (n = 1
 * at 50 % gives 98). The stored survey is checked against the same bound, so
 * what was applied also comes back after a reload.
 */
export const SURVEY_MARGIN_MAX = 100;
/** Most respondents one figure can have (also the stored survey's bound). */
export const SURVEY_N_MAX = 10_000_000;


/** Parses a survey export against the loaded areas. Never throws: problems come back as `fatal` or `errors`. */
export function parseSurvey(text: string, areas: SurveyAreas, options: SurveyParseOptions = {}): SurveyParseResult {
  const file = options.fileName ?? 'bestand';
  const empty = (fatal: string, measure = ''): SurveyParseResult => ({
    figures: [], errors: [], skipped: [], notes: [], measure, fatal,
    columns: { key: null, value: '', margin: null, n: null, year: null, level: null },
  });
  const tooLarge = tooLargeMessage(SURVEY, file, text.length);
  if (tooLarge) return empty(tooLarge);
  let table: RawTable;
  try {
    // The area import's reader: separator, title lines, "Bron:" footer; rows with a wrong number of cells become errors below.
    table = readCsvText(text, file, { maxRows: SURVEY_LIMITS.maxRows, raggedRows: 'skip' });
  } catch (e) {
    // Never the parser's own (English) words: the reader's messages are Dutch and name the line.
    return empty(e instanceof ImportFileError ? e.message : `${file}: het bestand kon niet als CSV worden gelezen.`);
  }
  const notes = (table.skippedLines ?? []).filter((l) => l.kind !== 'kolommen').map(skippedLineText);
  const cols = table.columns;
  const isMargin = (c: string) => MARGIN_HINTS.some((h) => c.includes(h));
  const codeCol = findColumn(cols, CODE_COLUMNS, ['code']);
  const nameCol = findColumn(cols, NAME_COLUMNS, ['naam'], (c) => c.includes('code'));
  const valueCol = findColumn(cols, ['waarde', 'percentage', '%'], ['onveilig', 'voeltzich', 'percentage'], (c) => isMargin(c) || c.includes('code'));
  const marginCol = cols.findIndex((c) => isMargin(norm(c)));
  const nCol = findColumn(cols, N_COLUMNS);
  const yearCol = findColumn(cols, YEAR_COLUMNS);
  const levelCol = findColumn(cols, LEVEL_COLUMNS);
  if (valueCol < 0) return empty(`${file}: geen kolom met het percentage gevonden (verwacht bijvoorbeeld "% voelt zich weleens onveilig in eigen buurt"; gevonden: ${cols.join(', ')})`);
  if (codeCol < 0 && nameCol < 0) return empty(`${file}: geen kolom met een gebiedscode of gebiedsnaam gevonden (gevonden: ${cols.join(', ')})`, cols[valueCol]);
  if (codeCol < 0 && !options.gemeenteCode) return empty(`${file}: de rijen noemen gebieden bij naam; kies eerst de gemeente waarin die namen liggen`, cols[valueCol]);

  // Name index within the chosen gemeente, per level ("Overvecht" finds CBS's "Wijk 03 Overvecht").
  const byName = new NameIndex<{ level: Level; code: string; name: string }>();
  if (options.gemeenteCode) {
    for (const level of ['gemeente', 'wijk', 'buurt'] as const) {
      const t = areas[level];
      if (!t) continue;
      t.codes.forEach((code, i) => {
        const inside = level === 'gemeente' ? code === options.gemeenteCode : t.gemeenteCodes[i] === options.gemeenteCode;
        if (!inside) return;
        byName.add(t.names[i], { level, code, name: t.names[i] });
      });
    }
  }
  const codeIndex = new Map<string, { level: Level; name: string }>();
  for (const level of ['gemeente', 'wijk', 'buurt'] as const) {
    const t = areas[level];
    t?.codes.forEach((code, i) => codeIndex.set(code, { level, name: t.names[i] }));
  }

  const figures: SurveyParseResult['figures'] = [];
  const errors: SurveyIssue[] = [];
  const skipped: SurveyIssue[] = [];
  const seen = new Map<string, number>();
  for (const l of table.skippedLines ?? []) {
    if (l.kind === 'kolommen') errors.push({ line: l.line, column: '', value: '', message: l.message });
  }
  table.rows.forEach((row, r) => {
    const line = table.lineNumbers[r];
    const issue = (col: number, message: string): SurveyIssue => ({ line, column: cols[col] ?? '', value: (row[col] ?? '').trim(), message });
    // Which area?
    let area: { level: Level; code: string; name: string } | null = null;
    const wantedLevel = levelCol >= 0 ? levelWord(row[levelCol]) : null;
    if (codeCol >= 0 && row[codeCol].trim() !== '') {
      const code = normaliseCode(row[codeCol], cols[codeCol], (c) => codeIndex.has(c));
      const known = codeIndex.get(code);
      if (!levelOfCode(code)) { errors.push(issue(codeCol, `geen CBS-gebiedscode (verwacht GM…, WK… of BU…)`)); return; }
      if (!known) { errors.push(issue(codeCol, `onbekende code ${code}: geen gebied van de geladen dataset`)); return; }
      area = { level: known.level, code, name: known.name };
    } else if (nameCol >= 0 && row[nameCol].trim() !== '') {
      if (!options.gemeenteCode) { errors.push(issue(nameCol, 'gebied bij naam: kies eerst de gemeente')); return; }
      let hits = byName.find(row[nameCol]);
      if (wantedLevel) hits = hits.filter((h) => h.level === wantedLevel);
      if (hits.length === 0) { errors.push(issue(nameCol, `onbekende naam in gemeente ${options.gemeenteCode}`)); return; }
      if (hits.length > 1) {
        errors.push(issue(nameCol, `naam is niet eenduidig: ${hits.map((h) => `${h.level} ${h.code}`).join(', ')}; voeg een kolom "niveau" of de code toe`));
        return;
      }
      area = hits[0];
    } else {
      errors.push(issue(codeCol >= 0 ? codeCol : nameCol, 'geen gebiedscode of naam'));
      return;
    }
    // The value.
    const raw = row[valueCol];
    const parsed = parseImportNumber(raw, table.decimalComma);
    if (parsed === null) { errors.push(issue(valueCol, 'geen getal')); return; }
    if (parsed.value === null) { skipped.push(issue(valueCol, 'geen waarde (leeg of ".")')); return; }
    // "+ 0" turns a written "-0" into 0, so the figure stores and reads back the same.
    const percent = parsed.value + 0;
    if (!(percent >= 0 && percent <= 100)) { errors.push(issue(valueCol, 'percentage buiten 0–100')); return; }
    let margin: number | null = null;
    if (marginCol >= 0) {
      const m = parseImportNumber(row[marginCol], table.decimalComma);
      if (m === null || (m.value !== null && !(m.value >= 0 && m.value <= 50))) { errors.push(issue(marginCol, 'marge is geen getal tussen 0 en 50 procentpunt')); return; }
      margin = m.value;
    }
    let n: number | null = null;
    if (nCol >= 0) {
      const m = parseImportNumber(row[nCol], table.decimalComma);
      if (m === null || (m.value !== null && !(Number.isInteger(m.value) && m.value >= 1 && m.value <= SURVEY_N_MAX))) { errors.push(issue(nCol, `aantal respondenten is geen heel getal van 1 tot ${SURVEY_N_MAX.toLocaleString('nl-NL')}`)); return; }
      n = m.value;
    }
    let year = options.year ?? null;
    if (yearCol >= 0 && row[yearCol].trim() !== '') {
      const y = /(19|20)\d{2}/.exec(row[yearCol]);
      if (!y) { errors.push(issue(yearCol, 'geen jaartal')); return; }
      year = Number(y[0]);
    }
    // Without a stated margin, the binomial margin from n (95 %).
    if (margin === null && n !== null && percent > 0 && percent < 100) margin = 196 * Math.sqrt((percent / 100) * (1 - percent / 100) / n);
    const first = seen.get(area.code);
    if (first !== undefined) { errors.push(issue(codeCol >= 0 ? codeCol : nameCol, `dubbel gebied ${area.code}: staat ook op regel ${first}`)); return; }
    seen.set(area.code, line);
    figures.push({ level: area.level, code: area.code, name: area.name, percent, margin, n, year, line });
  });
  return {
    figures, errors: errors.sort((a, b) => a.line - b.line), skipped, notes, fatal: null, measure: cols[valueCol],
    columns: {
      key: codeCol >= 0 ? cols[codeCol] : cols[nameCol],
      value: cols[valueCol],
      margin: marginCol >= 0 ? cols[marginCol] : null,
      n: nCol >= 0 ? cols[nCol] : null,
      year: yearCol >= 0 ? cols[yearCol] : null,
      level: levelCol >= 0 ? cols[levelCol] : null,
    },
  };
}
