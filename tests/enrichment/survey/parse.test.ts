import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseCode, parseSurvey, type SurveyAreas } from '../../../src/enrichment/survey/parse.ts';
import { decodeFileText } from '../../../src/enrichment/read-text.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/beleving/${name}`, import.meta.url), 'utf8');

const AREAS: SurveyAreas = {
  gemeente: { codes: ['GM0014', 'GM0034', 'GM0363'], names: ['Groningen', 'Almere', 'Amsterdam'], gemeenteCodes: ['', '', ''] },
  wijk: { codes: ['WK001400', 'WK001401', 'WK001402'], names: ['Centrum', 'Oud-Zuid', 'Oosterpoort'], gemeenteCodes: ['GM0014', 'GM0014', 'GM0014'] },
  buurt: { codes: ['BU00140000', 'BU00140001', 'BU03630000'], names: ['Centrum', 'Binnenstad-Zuid', 'Kop Zeedijk'], gemeenteCodes: ['GM0014', 'GM0014', 'GM0363'] },
};

describe('survey import: Veiligheidsmonitor per gemeente (BOM, ;, decimal comma, padded codes)', () => {
  const r = parseSurvey(fixture('vm-2023-gemeenten.csv'), AREAS, { fileName: 'vm-2023-gemeenten.csv' });

  it('reads the columns by their names', () => {
    expect(r.fatal).toBeNull();
    expect(r.measure).toBe('% voelt zich weleens onveilig in eigen buurt');
    expect(r.columns).toEqual({ key: 'Gemeentecode', value: '% voelt zich weleens onveilig in eigen buurt', margin: 'Marge (95%)', n: null, year: 'Perioden', level: null });
  });

  it('keeps the valid rows with exact values', () => {
    expect(r.figures).toEqual([
      { level: 'gemeente', code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9, n: null, year: 2023, line: 2 },
      { level: 'gemeente', code: 'GM0034', name: 'Almere', percent: 21, margin: 2.3, n: null, year: 2023, line: 3 },
    ]);
  });

  it('skips "." without calling it an error, and names line, column and value of each error', () => {
    expect(r.skipped).toEqual([{ line: 4, column: '% voelt zich weleens onveilig in eigen buurt', value: '.', message: 'geen waarde (leeg of ".")' }]);
    expect(r.errors).toEqual([
      { line: 5, column: 'Gemeentecode', value: 'GM0O34', message: 'onbekende code GM0O34: geen gebied van de geladen dataset' },
      { line: 6, column: 'Gemeentecode', value: 'GM0034', message: 'dubbel gebied GM0034: staat ook op regel 3' },
    ]);
  });
});

describe('survey import: local stadspeiling by name within a gemeente', () => {
  const text = fixture('stadspeiling-groningen-namen.csv');

  it('needs the gemeente to look names up', () => {
    const r = parseSurvey(text, AREAS);
    expect(r.fatal).toMatch(/kies eerst de gemeente/);
    expect(r.figures).toEqual([]);
  });

  it('matches names ignoring case and punctuation, uses the niveau column, derives the margin from n', () => {
    const r = parseSurvey(text, AREAS, { gemeenteCode: 'GM0014', year: 2024 });
    expect(r.fatal).toBeNull();
    expect(r.figures.map((f) => [f.level, f.code, f.percent, f.n, f.year, f.line])).toEqual([
      ['wijk', 'WK001400', 24.5, 410, 2024, 2],
      ['wijk', 'WK001401', 19, null, 2024, 3],
      ['buurt', 'BU00140001', 31, 120, 2024, 4],
    ]);
    // Binomial 95 % margin in percentage points: 1.96 · √(p(1−p)/n) · 100.
    expect(r.figures[0].margin).toBeCloseTo(1.96 * Math.sqrt((0.245 * 0.755) / 410) * 100, 10);
    expect(r.figures[1].margin).toBeNull();
    expect(r.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [5, 'Wijk', 'Onbekend'],
      [6, 'Wijk', 'Centrum'],
      [7, 'Onveilig in eigen buurt (%)', 'veel'],
    ]);
    expect(r.errors[0].message).toBe('onbekende naam in gemeente GM0014');
    expect(r.errors[1].message).toMatch(/niet eenduidig: wijk WK001400, buurt BU00140000/);
    expect(r.errors[2].message).toBe('geen getal');
  });
});

describe('survey import: a Veiligheidsmonitor wijk export as gemeenten download it (Windows-1252, title line, CBS names, Bron footer)', () => {
  // CBS spells Utrecht's wijken with their number (nl2024 wijk table, gemeente GM0344); the export leaves it out.
  const UTRECHT: SurveyAreas = {
    gemeente: { codes: ['GM0344'], names: ['Utrecht'], gemeenteCodes: ['GM0344'] },
    wijk: {
      codes: ['WK034402', 'WK034403', 'WK034406', 'WK034408', 'WK034409'],
      names: ['Wijk 02 Noordwest', 'Wijk 03 Overvecht', 'Wijk 06 Binnenstad', 'Wijk 08 Zuidwest', 'Wijk 09 Leidsche Rijn'],
      gemeenteCodes: Array(5).fill('GM0344'),
    },
    buurt: { codes: ['BU03440343'], names: ['Poldergebied Overvecht'], gemeenteCodes: ['GM0344'] },
  };
  const bytes = readFileSync(new URL('../../fixtures/beleving/vm-2023-wijken-utrecht.csv', import.meta.url));
  const text = decodeFileText(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 'vm-2023-wijken-utrecht.csv');
  const r = parseSurvey(text, UTRECHT, { fileName: 'vm-2023-wijken-utrecht.csv', gemeenteCode: 'GM0344' });

  it('decodes Windows-1252 and finds the header under the title line', () => {
    expect(r.fatal).toBeNull();
    expect(r.columns.key).toBe('Wijk');
    expect(r.notes[0]).toBe('regels 1–2: titelregel boven de kopregel overgeslagen (“Veiligheidsmonitor 2023 – wijken gemeente Utrecht”)');
  });

  it('matches "Overvecht", "Noordwest" and "Leidsche Rijn" to the CBS names "Wijk 03 Overvecht" etc.', () => {
    expect(r.figures.map((f) => [f.code, f.name, f.percent, f.margin, f.year, f.line])).toEqual([
      ['WK034403', 'Wijk 03 Overvecht', 31.2, 3.4, 2023, 4],
      ['WK034402', 'Wijk 02 Noordwest', 24, 3.1, 2023, 5],
      ['WK034409', 'Wijk 09 Leidsche Rijn', 14.8, 2.6, 2023, 6],
    ]);
  });

  it('reports the "Bron:" footer as skipped, not as an unknown name, and a short row as an error with its line', () => {
    expect(r.notes[1]).toBe('regel 9: bronvermelding onder de tabel overgeslagen (“Bron: CBS, Veiligheidsmonitor 2023; bewerking gemeente Utrec…”), met alles daarna');
    expect(r.skipped.map((s) => [s.line, s.value])).toEqual([[7, '']]);
    expect(r.errors).toEqual([{ line: 8, column: '', value: '', message: 'verwacht 4 kolommen, gevonden 3; vanaf kolom "Perioden" ontbreekt alles; regel overgeslagen' }]);
  });
});

describe('survey import: malformed files change nothing', () => {
  it('an unclosed quote is fatal, with the line', () => {
    const r = parseSurvey(fixture('kapot.csv'), AREAS, { fileName: 'kapot.csv' });
    expect(r.fatal).toBe('kapot.csv, regel 2: een aanhalingsteken wordt niet gesloten');
    expect(r.figures).toEqual([]);
  });
  it('a file without a percentage column is fatal', () => {
    const r = parseSurvey('code;naam\nGM0014;Groningen\n', AREAS, { fileName: 'x.csv' });
    expect(r.fatal).toMatch(/geen kolom met het percentage/);
  });
  it('a percentage above 100 or a bad margin is an error for that row', () => {
    const r = parseSurvey('code;% onveilig;marge\nGM0014;140;1\nGM0034;20;-3\n', AREAS);
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, '% onveilig', 'percentage buiten 0–100'],
      [3, 'marge', 'marge is geen getal tussen 0 en 50 procentpunt'],
    ]);
  });
});

describe('survey import: numbers and codes as the area import reads them', () => {
  it('respondents with a thousands point are a whole number, and the margin follows from it', () => {
    const r = parseSurvey('code;% onveilig;respondenten\nGM0014;20;1.234\nGM0034;20,5 %;12,5\n', AREAS, { fileName: 'vm.csv' });
    expect(r.figures.map((f) => [f.code, f.percent, f.n])).toEqual([['GM0014', 20, 1234]]);
    expect(r.figures[0].margin).toBeCloseTo(1.96 * Math.sqrt((0.2 * 0.8) / 1234) * 100, 10);
    expect(r.errors).toEqual([{ line: 3, column: 'respondenten', value: '12,5', message: 'aantal respondenten is geen heel getal van 1 tot 10.000.000' }]);
  });

  it('codes that lost their leading zero in Excel are read as codes of the level the column names, or by their length', () => {
    const utrecht: SurveyAreas = {
      gemeente: { codes: ['GM0344'], names: ['Utrecht'], gemeenteCodes: ['GM0344'] },
      wijk: { codes: ['WK034401'], names: ['West'], gemeenteCodes: ['GM0344'] },
      buurt: { codes: ['BU03440101'], names: ['Lombok'], gemeenteCodes: ['GM0344'] },
    };
    const r = parseSurvey('code;% onveilig\n3440101;20\n34401;21\n344;22\n', utrecht, { fileName: 'vm.csv' });
    expect(r.errors).toEqual([]);
    expect(r.figures.map((f) => [f.level, f.code, f.percent])).toEqual([['buurt', 'BU03440101', 20], ['wijk', 'WK034401', 21], ['gemeente', 'GM0344', 22]]);
    const b = parseSurvey('Buurtcode;% onveilig\n3440101;20\n', utrecht, { fileName: 'vm.csv' });
    expect(b.figures.map((f) => f.code)).toEqual(['BU03440101']);
  });

  it('a gemeente numbered below 1000: the level the dataset has, as the length fits more than one', () => {
    // Groningen (0014): buurt BU00140001 becomes 140001 (six digits, like a wijk), wijk WK001401 becomes 1401 (like a gemeente).
    const groningen: SurveyAreas = {
      gemeente: { codes: ['GM0014'], names: ['Groningen'], gemeenteCodes: ['GM0014'] },
      wijk: { codes: ['WK001401'], names: ['Oude Wijken'], gemeenteCodes: ['GM0014'] },
      buurt: { codes: ['BU00140001'], names: ['Binnenstad-Noord'], gemeenteCodes: ['GM0014'] },
    };
    const r = parseSurvey('code;% onveilig\n140001;20\n1401;21\n14;22\n', groningen, { fileName: 'vm.csv' });
    expect(r.errors).toEqual([]);
    expect(r.figures.map((f) => [f.level, f.code])).toEqual([['buurt', 'BU00140001'], ['wijk', 'WK001401'], ['gemeente', 'GM0014']]);
  });
});

describe('normaliseCode', () => {
  it('removes spaces, upper-cases, pads gemeente codes', () => {
    expect(normaliseCode(' wk 0014 00 ')).toBe('WK001400');
    expect(normaliseCode('GM14')).toBe('GM0014');
    expect(normaliseCode('14', 'Gemeentecode')).toBe('GM0014');
    expect(normaliseCode('BU00140001')).toBe('BU00140001');
  });
});
