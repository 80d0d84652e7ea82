/**
 * A short Dutch summary of an area explanation, worded as association
 * ("hangt samen met", "samenhang, geen oorzaak"), never as cause, and with
 * "aandacht"/"kwetsbaar" rather than "slecht". Pure.
 */
import type { AreaExplanation, CategoryExplanation, FactorExplanation } from './scoring-types.ts';

const fmt = (x: number, digits = 1) => x.toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const P = (p: number | null) => (p === null ? '–' : `P${Math.round(p)}`);

function topFactors(c: CategoryExplanation, k = 2): FactorExplanation[] {
  return c.factors
    .filter((f) => f.contribution !== null && f.contribution > 0)
    .sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0))
    .slice(0, k);
}

/**
 * "meer alleenwonenden dan de mediaan (P88, gemiddelde huishoudensgrootte
 * 0,8× de mediaan, benadering)". Only factors that push the
 * score up are named, so the area sits on the vulnerable side of the median:
 * "meer" for a factor where higher is more vulnerable, "minder" where lower
 * is. The ratio to the median is the indicator's own, so an inverse
 * indicator (household size for alleenwonenden) is named with it.
 */
function factorPhrase(f: FactorExplanation): string {
  const parts: string[] = [];
  if (f.percentile !== null) parts.push(P(f.percentile));
  if (f.timesMedian !== null && f.timesMedian > 0) {
    const own = f.direction === 1 && !f.indicator?.inverse;
    // The label's "(omgekeerd)" is dropped here: the sentence already says the direction, and it would nest parentheses.
    const measured = (f.indicator?.label ?? f.label).replace(/\s*\(omgekeerd\)/i, '').toLowerCase();
    parts.push(own ? `${fmt(f.timesMedian)}× de mediaan` : `${measured} ${fmt(f.timesMedian)}× de mediaan`);
  }
  if (f.indicator?.proxy) parts.push('benadering');
  return `${f.direction === 1 ? 'meer' : 'minder'} ${f.label.toLowerCase()} dan de mediaan${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function summariseArea(e: AreaExplanation): string {
  const out: string[] = [];
  const head = `${e.name} (${e.code})`;
  if (e.noScore) {
    return `${head}: te weinig inwoners (< 50) voor een betrouwbare score; alleen de ruwe cijfers zijn te zien.`;
  }
  if (e.overall.percentile !== null) {
    out.push(`Kwetsbaarheidsscore ${P(e.overall.percentile)} (dekking ${Math.round(e.overall.coverage * 100)} %).`);
  }
  const attention = e.categories
    .filter((c) => c.classLabel === 'aandacht' || c.classLabel === 'hoog')
    .sort((a, b) => (b.percentile ?? 0) - (a.percentile ?? 0));
  if (attention.length === 0) {
    out.push(`${head}: geen categorie valt in de 20 % meest kwetsbare gebieden van het referentiekader (${e.frameLabel}).`);
  } else {
    out.push(`${head}: ${attention.length} ${attention.length === 1 ? 'categorie vraagt' : 'categorieën vragen'} aandacht (${e.frameLabel}).`);
    for (const c of attention.slice(0, 4)) {
      const tf = topFactors(c);
      const what = c.categoryType === 'gelegenheid' ? 'veel drukte/gelegenheid' : c.classLabel === 'hoog' ? 'hoog, kwetsbaar' : 'aandacht';
      const limited = c.status === 1 ? ', beperkte dekking' : '';
      out.push(`${c.label} (${P(c.percentile)}, ${what}${limited})${tf.length ? ` hangt vooral samen met ${tf.map(factorPhrase).join(' en ')}` : ''}.`);
    }
  }
  // Single factors in the worst 10 % while their category is not at attention level.
  const flagged = e.categories
    .filter((c) => c.classLabel !== 'aandacht' && c.classLabel !== 'hoog')
    .flatMap((c) => c.factors.filter((f) => f.flagged).map((f) => ({ c, f })));
  if (flagged.length) {
    out.push(`Opvallend in een verder gemiddelde categorie: ${flagged.slice(0, 3).map(({ c, f }) => `${f.label.toLowerCase()} (${c.label}, ${P(f.percentile)})`).join('; ')}.`);
  }
  const obj = e.dials.find((d) => d.id === 'objectief');
  const bel = e.dials.find((d) => d.id === 'beleving');
  const dial = (d: typeof obj) => {
    if (!d) return null;
    // With a survey the beleving dial is a share of residents, measured or
    // anchored on one; say that figure, not the relative index.
    if (d.survey) {
      const s = d.survey;
      const interval = s.lower !== null && s.upper !== null ? ` (${fmt(s.lower, 0)}–${fmt(s.upper, 0)} %)` : '';
      return `${d.label.toLowerCase()} ${s.tier} ${fmt(s.percent, 0)} %${interval} (${s.measure})`;
    }
    return d.percentile !== null ? `${d.label.toLowerCase()} ${P(d.percentile)} (${d.basisLabel})` : null;
  };
  const dials = [dial(obj), dial(bel)].filter(Boolean);
  if (dials.length) out.push(`Wijzers: ${dials.join('; ')}.`);
  const white = e.categories.filter((c) => c.status === 2 || c.status === 4).map((c) => c.id);
  if (white.length) out.push(`Witte vlekken (onvoldoende data): ${white.join(', ')}.`);
  if (e.exposure) out.push(`Let op: bezoekers- of werkgebied${e.exposureReason ? ` (${e.exposureReason})` : ''}; cijfers per inwoner zeggen hier weinig over bewoners.`);
  if (e.crimeIncomplete) out.push('Registratie onvolledig: criminaliteit telt hier niet mee.');
  if (e.indicatief) out.push('Indicatief: minder dan 200 inwoners.');
  out.push('Samenhang, geen oorzaak.');
  return out.join(' ');
}
