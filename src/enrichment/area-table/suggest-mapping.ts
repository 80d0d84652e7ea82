/**
 * Suggested mappings from column names: which series a column probably
 * fills, whether it holds counts, rates or percentages, and for which year.
 * Only a suggestion: the user sees and can change every choice.
 */
import { HERKOMST_PATTERN, seriesById, type SeriesInfo } from '../../model/kompas/series.ts';
import type { KompasModel } from '../../model/kompas/types.ts';
import type { ColumnMapping, Denominator, Measure } from './types.ts';
import { parseImportNumber, yearFrom } from '../read-text.ts';

/** Most specific first: the first pattern that matches wins. */
const RULES: [RegExp, string][] = [
  [/mora|bor[- ]?meld|meld\w*\s*(openbare|buiten)\s*ruimte|meld\w*\s*woonomgeving|fixi|openbare\s*ruimte/i, 'mora_meldingen'],
  [/verhuiz|verhuismutatie|mutatiegraad/i, 'verhuizingen'],
  [/overlastdossier|woonoverlast|buurtoverlast|burenoverlast|buurtbemiddel|zorg\s*(en|&)\s*overlast/i, 'overlastdossiers'],
  [/jeugdoverlast|overlast\s*(door\s*)?jeugd/i, 'overlast_jeugd'],
  [/verward/i, 'overlast_verward'],
  [/cohesie/i, 'cohesie_enquete'],
  [/sociale\s*controle|informele\s*controle/i, 'informele_controle'],
  [/buurtpreventie|whatsapp|buurtwacht/i, 'georganiseerd_toezicht'],
  [/verlicht|lichtpunt|lantaarn|donkere\s*plek/i, 'verlichting_tekort'],
  [/schouw|zichtlijn|cpted/i, 'cpted_schouw'],
  [/hotspot|hangplek/i, 'hotspots'],
  [/verzuim|vsv|voortijdig\s*schoolverl|leerplicht/i, 'schoolverzuim'],
  [/jeugdgroep|groepsscan/i, 'jeugdgroepen'],
  [/onveilig/i, 'onveilig_buurt'],
  [/woninginbra|inbraak\s*woning|inbraken/i, 'misdrijven_woninginbraak'],
  [/straatroof|overval/i, 'misdrijven_straatroof_overval'],
  [/geweld|mishandel|bedreig/i, 'misdrijven_geweld'],
  [/vernieling|vandalisme|zaakbeschadiging/i, 'misdrijven_vernieling'],
  [/fietsdiefstal|zakkenrol|diefstal\s*(uit|van)\s*(auto|motor|brom|fiets)/i, 'misdrijven_vermogen_openbaar'],
  [/ondermijn/i, 'misdrijven_ondermijning'],
  [/winkeldiefstal|bedrijfs?\s*crim/i, 'misdrijven_bedrijf_winkel'],
  [/overlast/i, 'overlast_totaal'],
  [/leegstand|leegsta/i, 'leegstand'],
  [/sociaal\s*minimum/i, 'huishoudens_sociaal_minimum'],
  [/bijstand/i, 'bijstand'],
  [/jeugdzorg|jeugdhulp/i, 'jeugdzorg'],
  [/kind\w*\s*(in\s*)?armoede|armoede\s*kind/i, 'kinderen_armoede'],
  [/wmo/i, 'wmo_per_1000'],
  [/opkomst/i, 'opkomst_verkiezingen'],
  [/meergezins|gestapeld/i, 'meergezinswoningen'],
  [/corporatie/i, 'corporatiewoningen'],
];

/**
 * The series a column name clearly names, or null. A rule whose match lies
 * inside a more specific one's ("overlast" in "Jeugdoverlast") gives way to
 * it; two rules matching different words ("Hangplekken (schouw)": hangplek
 * and schouw) leave the choice to the user instead of guessing the first.
 */
function clearMatch(column: string, usable: Set<string>): string | null {
  const hits: { series: string; start: number; end: number }[] = [];
  for (const [re, series] of RULES) {
    const m = re.exec(column);
    if (m && usable.has(series)) hits.push({ series, start: m.index, end: m.index + m[0].length });
  }
  const inside = (a: (typeof hits)[number], b: (typeof hits)[number]) => a !== b && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  const kept = hits.filter((h) => !hits.some((o) => inside(h, o)));
  const series = new Set(kept.map((h) => h.series));
  return series.size === 1 ? kept[0].series : null;
}

/** Columns that hint at personal data; they are never imported (docs/import.md, "Privacy"). */
export const PERSONAL_COLUMN = /\bbsn\b|burgerservice|geboorte|e-?mail|telefoon|huisnummer|postcode|adres|voornaam|achternaam|initialen/i;

/** Series a column may fill: every series a factor option reads, except denominators' base counts. */
export function importableSeries(model: KompasModel): SeriesInfo[] {
  const used = new Set<string>();
  for (const c of model.categories) for (const f of c.factors) for (const o of f.options) {
    if (o.kind === 'ratio') { used.add(o.numerator); used.add(o.denominator); }
    else if (o.kind === 'rate') used.add(o.series);
    else if (o.kind === 'mean') o.series.forEach((s) => used.add(s));
    else used.add(o.series);
  }
  // Replacing inwoners would change every rate and the population thresholds.
  used.delete('inwoners');
  const order = { lokaal: 0, nationaal: 1, shipped: 2 } as const;
  return [...used].map((s) => seriesById.get(s)).filter((s): s is SeriesInfo => !!s)
    .sort((a, b) => order[a.origin] - order[b.origin] || a.label.localeCompare(b.label, 'nl'));
}

/** Factors (id + label) that read a series. */
export function factorsUsing(model: KompasModel, series: string): { id: string; label: string; category: string; weight: number }[] {
  const out: { id: string; label: string; category: string; weight: number }[] = [];
  for (const c of model.categories) for (const f of c.factors) {
    const reads = f.options.some((o) => (o.kind === 'ratio' ? [o.numerator, o.denominator] : o.kind === 'mean' ? o.series : [o.series]).includes(series));
    if (reads) out.push({ id: f.id, label: f.label, category: c.id, weight: f.weight });
  }
  return out;
}

export { yearFrom };

function measureFrom(name: string, kind: SeriesInfo['kind'] | null): { measure: Measure; per: number } {
  if (/per\s*1[.,]?000\b|per\s*duizend|‰/i.test(name)) return { measure: 'per', per: 1000 };
  if (/per\s*10[.,]?000\b/i.test(name)) return { measure: 'per', per: 10000 };
  if (/per\s*100\b|%|procent|percentage|aandeel/i.test(name)) return kind === 'count' ? { measure: 'per', per: 100 } : { measure: 'waarde', per: 100 };
  if (kind === 'count' || /aantal|totaal|\(n\)|#/i.test(name)) return { measure: kind === 'share' ? 'aantal' : kind === 'count' || kind === null ? 'aantal' : 'waarde', per: 1000 };
  return { measure: 'waarde', per: 1000 };
}

function denominatorFrom(name: string): Denominator {
  if (/woning|adres/i.test(name)) return 'woningvoorraad';
  if (/huishoud/i.test(name)) return 'huishoudens';
  return 'inwoners';
}

/** Share of non-empty cells that parse as numbers (whether they do, not their value, so the decimal sign does not matter). */
export function numericShare(rows: string[][], k: number): number {
  let n = 0, num = 0;
  for (const r of rows.slice(0, 300)) {
    const c = r[k] ?? '';
    if (c.trim() === '' || c.trim() === '.') continue;
    n++;
    if (parseImportNumber(c, true)) num++;
  }
  return n ? num / n : 0;
}

/**
 * A mapping per column. `keyColumn` and columns that are text, personal data
 * or herkomst get no target; a recognised name gets its series.
 */
export function suggestMappings(columns: string[], rows: string[][], keyColumn: number, model: KompasModel, fileName: string, fallbackYear: number): ColumnMapping[] {
  const usable = new Set(importableSeries(model).map((s) => s.id));
  const fileYear = yearFrom(fileName) ?? fallbackYear;
  const taken = new Set<string>();
  return columns.map((column, k) => {
    const year = yearFrom(column) ?? fileYear;
    let series: string | null = null;
    const blocked = k === keyColumn || PERSONAL_COLUMN.test(column) || HERKOMST_PATTERN.test(column) || numericShare(rows, k) < 0.5;
    if (!blocked) series = clearMatch(column, usable);
    // One column per series and year; a second candidate is left for the user.
    if (series && taken.has(`${series}.${year}`)) series = null;
    if (series) taken.add(`${series}.${year}`);
    const info = series ? seriesById.get(series)! : null;
    const { measure, per } = measureFrom(column, info?.kind ?? null);
    return {
      column,
      target: series ? { kind: 'series', series } : null,
      year,
      unit: info && measure !== 'per' ? info.unit : measure === 'per' ? `per ${per.toLocaleString('nl-NL')}` : '',
      measure: info?.kind === 'count' && measure === 'waarde' ? 'aantal' : measure,
      denominator: denominatorFrom(column),
      per,
    };
  });
}
