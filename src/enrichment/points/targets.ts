/**
 * Which kompas series counted points can feed, and how. For a factor that
 * computes a rate itself (kind 'rate', e.g. MORA-meldingen per 1.000
 * inwoners with shrinkage) the count is fed; for a plain series the user
 * picks count, per 1.000 inwoners or per km².
 */
import type { KompasModel } from '../../model/kompas/types.ts';
import type { PointMeasure } from './rates.ts';

export interface PointTarget {
  series: string;
  label: string;
  /** Example files, for the select. */
  examples: string;
  /** Factors (id + label) that use the series. */
  factors: string[];
  /** Measures the user may choose; the first is the default. */
  measures: PointMeasure[];
  /** Why the measure is fixed or what the factor does with it. */
  hint: string;
}

const CANDIDATES: { series: string; label: string; examples: string; measures: PointMeasure[] }[] = [
  { series: 'mora_meldingen', label: 'Meldingen openbare ruimte', examples: 'MORA/BOR-meldingen', measures: ['count'] },
  { series: 'verlichting_tekort', label: 'Verlichting: storingen en donkere plekken', examples: 'storingsmeldingen lichtpunten, donkere plekken', measures: ['perKm2', 'count', 'per1000'] },
  { series: 'hotspots', label: 'Hotspots', examples: 'hangplekken, uitgaansgelegenheden', measures: ['count', 'perKm2', 'per1000'] },
  { series: 'overlastdossiers', label: 'Woon- en buurtoverlastdossiers', examples: 'meldpunt overlast, buurtbemiddeling', measures: ['count'] },
  { series: 'jeugdgroepen', label: 'Jeugdgroepen', examples: 'locaties uit de groepsscan', measures: ['count', 'perKm2'] },
];

/** The candidates the model knows, with the factors they feed; rate factors fix the measure to a count. */
export function pointTargets(model: KompasModel): PointTarget[] {
  const factors = model.categories.flatMap((c) => c.factors);
  return CANDIDATES.flatMap((c) => {
    const using = factors.filter((f) => f.options.some((o) => 'series' in o && o.series === c.series));
    if (!using.length) return [];
    const rateOption = using.flatMap((f) => f.options).find((o) => o.kind === 'rate' && o.series === c.series);
    const measures: PointMeasure[] = rateOption ? ['count'] : c.measures;
    const hint = rateOption && rateOption.kind === 'rate'
      ? `Het aantal per gebied gaat naar het kompas; dat rekent zelf per ${rateOption.per.toLocaleString('nl-NL')} inwoners${rateOption.shrink ? ', met bijsturing naar het gemiddelde bij weinig inwoners' : ''}.`
      : 'Kies wat het kompas als waarde gebruikt; hoger betekent kwetsbaarder.';
    return [{ series: c.series, label: c.label, examples: c.examples, factors: using.map((f) => `${f.id} ${f.label}`), measures, hint }];
  });
}
