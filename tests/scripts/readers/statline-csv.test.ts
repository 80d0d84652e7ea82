import { describe, expect, it } from 'vitest';
import { readStatLineCsv } from '../../../scripts/readers/statline-csv.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import { allValues, column, fixtureText } from './helpers.ts';

describe('readStatLineCsv: labelled StatLine export (real SES-WOA 2019 piece)', () => {
  const file = 'ses-woa-2019-amsterdam.csv';
  const r = readStatLineCsv(fixtureText(file), { file });

  it('reads codes, names and levels from the padded code column', () => {
    expect(r.areas.map((a) => `${a.level}:${a.code}:${a.name}`)).toEqual([
      'gemeente:GM0363:Amsterdam', 'wijk:WK036300:Burgwallen-Oude Zijde', 'buurt:BU03630000:Kop Zeedijk', 'buurt:BU03630001:Oude Kerk e.o.',
      'buurt:BU03630002:Burgwallen Oost', 'buurt:BU03630003:Nes e.o.', 'buurt:BU03630004:BG-terrein e.o.', 'wijk:WK036301:Burgwallen-Nieuwe Zijde',
      'buurt:BU03630100:Stationsplein e.o.', 'buurt:BU03630101:Hemelrijk', 'buurt:BU03630102:Nieuwendijk Noord', 'buurt:BU03630103:Spuistraat Noord',
    ]);
    expect(r.areas[2]).toMatchObject({ gemeenteCode: 'GM0363', wijkCode: 'WK036300', geometry: null });
  });

  it('maps the labelled columns and keeps "." as a missing value, 0 as a value', () => {
    expect(column(r, 'gemeente', 'huishoudens.2019').values.get('GM0363')).toEqual({ value: 457400, reason: 0 });
    expect(column(r, 'gemeente', 'ses_woa.2019').values.get('GM0363')).toEqual({ value: -0.1, reason: 0 });
    expect(column(r, 'wijk', 'opleiding_hoog.2019').values.get('WK036301')).toEqual({ value: 60.4, reason: 0 });
    expect(column(r, 'buurt', 'huishoudens.2019').values.get('BU03630100')).toEqual({ value: 0, reason: 0 });
    for (const id of ['opleiding_laag.2019', 'opleiding_middelbaar.2019', 'opleiding_hoog.2019', 'ses_woa.2019']) {
      expect(column(r, 'buurt', id).values.get('BU03630100')).toEqual({ value: null, reason: MissingReason.unknown });
    }
    expect(column(r, 'buurt', 'opleiding_hoog.2019').meta).toMatchObject({ unit: '%', kind: 'share', year: 2019, sourceVariable: 'Opleidingsniveau/Hoog/Waarde (%)' });
    expect(r.notes).toContain('ses-woa-2019-amsterdam.csv: 1 kolommen zonder bekende indicator overgeslagen');
  });

  it('emits unmapped columns only on request', () => {
    const all = readStatLineCsv(fixtureText(file), { file, includeUnmapped: true });
    expect(column(all, 'buurt', 'extra_spreiding_spreiding_totaal_waarde_getal.2019').values.get('BU03630000')).toEqual({ value: 0.856, reason: 0 });
  });
});

describe('readStatLineCsv: RIVM 50090NED (real pieces)', () => {
  it('reads the 18+ estimates per level, skips NL01 and keeps empty cells missing', () => {
    const file = 'rivm-2020-18plus-groningen.csv';
    const r = readStatLineCsv(fixtureText(file), { file });
    expect(r.areas.map((a) => a.code)).toEqual(['GM0014', 'WK001400', 'BU00140000', 'BU00140001', 'BU00140002', 'BU00140003', 'BU00140004', 'BU00140005', 'BU00140007', 'BU00140008']);
    expect(r.areas[0].name).toBe('Groningen');
    expect(r.columns.filter((c) => c.level === 'buurt').map((c) => c.meta.series)).toEqual([
      'rivm_ervaren_gezondheid', 'rivm_langdurig_beperkt', 'rivm_angst_depressie', 'rivm_stress', 'rivm_regie', 'rivm_eenzaam', 'rivm_ernstig_eenzaam',
      'rivm_emotioneel_eenzaam', 'rivm_sociaal_eenzaam', 'rivm_mantelzorger', 'rivm_vrijwilligerswerk', 'rivm_geluidhinder_buren', 'rivm_moeite_rondkomen',
    ]);
    expect(column(r, 'gemeente', 'rivm_eenzaam.2020').values.get('GM0014')).toEqual({ value: 48.6, reason: 0 });
    expect(column(r, 'wijk', 'rivm_ervaren_gezondheid.2020').values.get('WK001400')).toEqual({ value: 85.3, reason: 0 });
    expect(column(r, 'buurt', 'rivm_moeite_rondkomen.2020').values.get('BU00140000')).toEqual({ value: 23.6, reason: 0 });
    expect(column(r, 'buurt', 'rivm_eenzaam.2020').values.get('BU00140007')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(column(r, 'buurt', 'rivm_eenzaam.2020').meta).toMatchObject({ label: 'Eenzaam (18+)', unit: '%', publisher: 'RIVM, CBS, GGD', sourceVariable: 'Eenzaam_28' });
    expect(r.notes).toContain('rivm-2020-18plus-groningen.csv: 1 regels voor Nederland/provincie/landsdeel overgeslagen');
  });

  it('names the 65+ file (Leeftijd 80200) as rivm65_ series', () => {
    const file = 'rivm-2020-65plus-groningen.csv';
    const r = readStatLineCsv(fixtureText(file), { file });
    expect(column(r, 'buurt', 'rivm65_ernstig_eenzaam.2020').values.get('BU00140000')).toEqual({ value: 12.1, reason: 0 });
    expect(column(r, 'buurt', 'rivm65_ernstig_eenzaam.2020').meta).toMatchObject({ label: 'Ernstig of zeer ernstig eenzaam (65+)', unit: '%' });
  });

  it('asks for a choice when the file mixes age groups', () => {
    const a = fixtureText('rivm-2020-18plus-groningen.csv').trimEnd().split('\n');
    const b = fixtureText('rivm-2020-65plus-groningen.csv').trimEnd().split('\n').slice(1);
    const mixed = [...a, ...b].join('\n') + '\n';
    expect(() => readStatLineCsv(mixed, { file: 'rivm.csv' })).toThrow('rivm.csv, alle regels, kolom "Leeftijd": verwacht één waarde, of kies er een (bijvoorbeeld --dimensie Leeftijd=20300), gevonden "20300, 80200"');
    const only65 = readStatLineCsv(mixed, { file: 'rivm.csv', dimensions: { Leeftijd: '80200' } });
    expect(only65.areas.map((x) => x.code)).toEqual(['GM0014', 'WK001400', 'BU00140000']);
    expect(column(only65, 'buurt', 'rivm65_eenzaam.2020').values.get('BU00140000')).toEqual({ value: 50.9, reason: 0 });
  });
});

describe('readStatLineCsv: Kerncijfers 2024', () => {
  const typed = fixtureText('kwb-2024-typed-groningen.csv');

  it('matches OData keys on their stem and maps sentinels to reasons', () => {
    const r = readStatLineCsv(typed, { file: 'kwb.csv', year: 2024, source: 'CBS StatLine 85984NED' });
    expect(r.areas.map((a) => a.code)).toEqual(['GM0014', 'WK001400', 'BU00140000', 'BU00140004', 'BU00140007', 'GM0034']);
    expect(r.areas.find((a) => a.code === 'GM0034')?.name).toBe('Almere');
    expect(column(r, 'gemeente', 'inwoners.2024').values.get('GM0014')).toEqual({ value: 243768, reason: 0 });
    expect(column(r, 'gemeente', 'inwoners.2024').meta).toMatchObject({ sourceVariable: 'AantalInwoners_5', source: 'CBS StatLine 85984NED' });
    expect(column(r, 'gemeente', 'huishoudensgrootte.2024').values.get('GM0034')).toEqual({ value: 2.4, reason: 0 });
    expect(column(r, 'buurt', 'inwoners_0_14.2024').values.get('BU00140004')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(column(r, 'buurt', 'huishoudensgrootte.2024').values.get('BU00140007')).toEqual({ value: null, reason: MissingReason.suppressed });
    expect(column(r, 'buurt', 'woz.2024').values.get('BU00140007')).toEqual({ value: null, reason: MissingReason.pending });
    expect(column(r, 'buurt', 'koopwoningen.2024').values.get('BU00140007')).toEqual({ value: null, reason: MissingReason.discontinued });
    expect(column(r, 'buurt', 'inwoners.2024').values.get('BU00140007')).toEqual({ value: 0, reason: 0 });
    for (const v of allValues(r)) expect([-99997, -99995, -99991]).not.toContain(v);
    expect(r.columns.some((c) => /Nederland_17|BuitenEuropa_19/.test(c.meta.sourceVariable))).toBe(false);
    expect(r.notes).toContain('kwb.csv: 2 herkomst-/migratiekolommen bewust niet ingelezen');
  });

  it('does not depend on the numeric suffix', () => {
    const renumbered = typed.replace('"AantalInwoners_5"', '"AantalInwoners_7"').replace('"GemiddeldeWOZWaardeVanWoningen_39"', '"GemiddeldeWOZWaardeVanWoningen_41"');
    const r = readStatLineCsv(renumbered, { file: 'kwb.csv', year: 2024 });
    expect(column(r, 'wijk', 'inwoners.2024').values.get('WK001400')).toEqual({ value: 22595, reason: 0 });
    expect(column(r, 'wijk', 'inwoners.2024').meta.sourceVariable).toBe('AantalInwoners_7');
    expect(column(r, 'wijk', 'woz.2024').values.get('WK001400')).toEqual({ value: 301, reason: 0 });
  });

  it('reads only the requested gemeente', () => {
    const r = readStatLineCsv(typed, { file: 'kwb.csv', year: 2024, gemeenten: ['GM0034'] });
    expect(r.areas.map((a) => a.code)).toEqual(['GM0034']);
  });

  it('reads the labelled download: title lines, decimal comma, footer', () => {
    const file = 'kwb-2024-labels-groningen.csv';
    const r = readStatLineCsv(fixtureText(file), { file });
    expect(r.areas.map((a) => `${a.code}:${a.name}`)).toEqual(['GM0014:Groningen', 'WK001400:Binnenstad', 'BU00140000:Binnenstad-Noord', 'BU00140004:Noorderplantsoen']);
    expect(column(r, 'gemeente', 'huishoudensgrootte.2024').values.get('GM0014')).toEqual({ value: 1.6, reason: 0 });
    expect(column(r, 'buurt', 'woz.2024').values.get('BU00140000')).toEqual({ value: 322, reason: 0 });
    expect(column(r, 'buurt', 'woz.2024').values.get('BU00140004')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(column(r, 'buurt', 'stedelijkheid.2024').meta).toMatchObject({ kind: 'class', unit: 'klasse 1–5' });
    expect(r.columns.map((c) => c.meta.series).filter((s, i, a) => a.indexOf(s) === i)).toEqual(['inwoners', 'inwoners_0_14', 'huishoudens', 'huishoudensgrootte', 'woz', 'koopwoningen', 'stedelijkheid']);
  });

  it('names file, line, column and expectation on bad input', () => {
    const bad = typed.replace('"     22595"', '"abc"');
    expect(() => readStatLineCsv(bad, { file: 'kwb.csv', year: 2024 })).toThrow('kwb.csv, regel 4, kolom "AantalInwoners_5": verwacht een getal, gevonden "abc"');
    const badCode = typed.replace('"BU00140000";"Groningen', '"Binnenstad";"Groningen');
    expect(() => readStatLineCsv(badCode, { file: 'kwb.csv', year: 2024 })).toThrow('kwb.csv, regel 5, kolom "WijkenEnBuurten": verwacht een regiocode zoals GM0014, WK001400 of BU00140000, gevonden "Binnenstad"');
    expect(() => readStatLineCsv('"Wijken en buurten";"Aantal inwoners (aantal)"\n"Binnenstad";"12"\n', { file: 'x.csv' }))
      .toThrow('x.csv: geen kopregel met een kolom met regiocodes gevonden (verwacht WijkenEnBuurten, Codering, gwb_code_10 of "Regiocode … (code)"); kies bij het downloaden uit StatLine ook de regiocodes, niet alleen de namen');
    expect(() => readStatLineCsv(typed, { file: 'kwb.csv' })).toThrow('kwb.csv: geen kolom Perioden: geef het jaar op (--jaar)');
  });
});

describe('readStatLineCsv: kwb-20xx.csv with mnemonics', () => {
  it('reads gwb_code_10, regio and the mnemonic columns', () => {
    const text = [
      'gwb_code_10;gwb_code_8;regio;gm_naam;recs;ind_wbi;a_inw;a_nl_all;g_hhgro;g_wozbag;p_koopw;ste_mvs',
      'GM0014    ;0014;Groningen;Groningen;Gemeente;.;243768;180120;1,6;269;38;1',
      'BU00140000;00140000;Binnenstad-Noord;Groningen;Buurt;1;4610;3200;1,2;322;29;1',
      'BU00140004;00140004;Noorderplantsoen;Groningen;Buurt;1;10;.;.;.;.;1',
    ].join('\r\n');
    const r = readStatLineCsv(text, { file: 'kwb-2024.csv', year: 2024 });
    expect(r.areas.map((a) => `${a.code}:${a.name}`)).toEqual(['GM0014:Groningen', 'BU00140000:Binnenstad-Noord', 'BU00140004:Noorderplantsoen']);
    expect(r.columns.map((c) => `${c.level}/${c.meta.id}`)).toEqual([
      'gemeente/inwoners.2024', 'gemeente/huishoudensgrootte.2024', 'gemeente/woz.2024', 'gemeente/koopwoningen.2024', 'gemeente/stedelijkheid.2024',
      'buurt/inwoners.2024', 'buurt/huishoudensgrootte.2024', 'buurt/woz.2024', 'buurt/koopwoningen.2024', 'buurt/stedelijkheid.2024',
    ]);
    expect(column(r, 'buurt', 'huishoudensgrootte.2024').values.get('BU00140000')).toEqual({ value: 1.2, reason: 0 });
    expect(column(r, 'buurt', 'woz.2024').values.get('BU00140004')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(r.notes).toContain('kwb-2024.csv: 1 herkomst-/migratiekolommen bewust niet ingelezen');
  });
});

describe('isHerkomstColumn', () => {
  it('recognises herkomst/migratieachtergrond in every naming scheme, and nothing else', async () => {
    const { isHerkomstColumn } = await import('../../../scripts/readers/series.ts');
    for (const name of ['percentage_westerse_migratieachtergrond', 'percentage_met_herkomstland_nederland', 'P_N_W_AL', 'P_TURKIJE', 'Nederland_17', 'BuitenEuropa_24',
      'a_nl_all', 'a_eur_al', 'a_w_all', 'p_nw_all', 'a_geb_ne', 'a_gbl_eu', 'Bevolking/Herkomstland/Nederland (aantal)', 'Geboren buiten Nederland/Buiten Europa (aantal)']) {
      expect(isHerkomstColumn(name), name).toBe(true);
    }
    for (const name of ['a_inw', 'a_geb', 'p_geb', 'GeboorteTotaal_25', 'aantal_inwoners', 'Gemeentenaam_1', 'WijkenEnBuurten', 'AANT_INW', 'percentage_gescheid']) {
      expect(isHerkomstColumn(name), name).toBe(false);
    }
  });
});
