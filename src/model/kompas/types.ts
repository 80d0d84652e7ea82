/** Types of the kompas model definition (plain data, serialisable to the UI). */

export const SPHERES = ['fysiek', 'sociaal', 'individueel'] as const;
export type SphereId = (typeof SPHERES)[number];

export const CATEGORY_IDS = ['F1', 'F2', 'F3', 'F4', 'S1', 'S2', 'S3', 'S4', 'I1', 'I2', 'I3', 'I4'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The Dutch name of each category, written once: the kompas, the workspace and the report read it from here. */
export const CATEGORY_LABELS: Readonly<Record<CategoryId, string>> = {
  F1: 'Verloedering & fysieke staat',
  F2: 'Inrichting openbare ruimte, zicht & verlichting',
  F3: 'Voorzieningen, functiemenging & gelegenheid',
  F4: 'Woningvoorraad & doorstroom',
  S1: 'Sociale cohesie',
  S2: 'Sociale controle & betrokkenheid',
  S3: 'Overlast',
  S4: 'Criminaliteit',
  I1: 'Sociaaleconomische kwetsbaarheid',
  I2: 'Kwetsbare groepen & eenzaamheid',
  I3: 'Jeugd & opgroeien',
  I4: 'Gezondheid & zorg',
};

export type CategoryType = 'determinant' | 'uitkomst' | 'gelegenheid';
export type DialId = 'objectief' | 'beleving';

/** +1: higher value = more vulnerable / less safe; −1: lower value = more vulnerable. */
export type Direction = 1 | -1;

/**
 * log: log(x + logOffset) for rates, densities, distances and amounts;
 * logit: logit of a percentage clamped to [1 %, 99 %];
 * none: used as is.
 */
export type Transform = 'log' | 'logit' | 'none';

interface OptionBase {
  /** Dutch description of the value as derived (e.g. "meergezinswoningen (100 − % eengezinswoningen)"). */
  label: string;
  unit: string;
  transform: Transform;
  /** Added before taking the log (so that zeros stay finite). Default 0 → zeros are clamped to a small positive number. */
  logOffset?: number;
  /** −1 when the indicator runs against the factor (e.g. household size for "alleenwonenden"). */
  sign?: 1 | -1;
  /** The indicator approximates the factor; shown wherever it is shown. */
  proxy?: boolean;
  /** Dutch note, required for proxies. */
  note?: string;
}

export type IndicatorOption =
  /** Latest year of one series. */
  | (OptionBase & { kind: 'series'; series: string })
  /** 100 − latest year of a percentage series. */
  | (OptionBase & { kind: 'complement'; series: string })
  /** scale × numerator / denominator (latest years). */
  | (OptionBase & { kind: 'ratio'; numerator: string; denominator: string; scale: number })
  /**
   * Count rate: mean of the last `years` complete years of a count ÷ the
   * denominator × per, optionally with empirical-Bayes shrinkage toward the frame.
   */
  | (OptionBase & { kind: 'rate'; series: string; denominator: string; years: number; per: number; shrink: boolean })
  /** Mean of several series (latest years), e.g. distances; normally with transform log. */
  | (OptionBase & { kind: 'mean'; series: string[] })
  /** Latest value ÷ median of the same gemeente's areas at this level (at gemeente level: ÷ dataset median). */
  | (OptionBase & { kind: 'relativeToGemeente'; series: string });

export interface FactorDef {
  /** Fixed factor id: category id, dot, factor number, e.g. "F1.1", "S4.3". */
  id: string;
  label: string;
  category: CategoryId;
  /** Direction of the factor concept within its category. */
  direction: Direction;
  /** Default weight within the category (sums to 1 per category). */
  weight: number;
  weightReason: string;
  evidence: string;
  /** 'nationaal': a national public table can measure it; 'lokaal': only local data (witte vlek by design). */
  measurable: 'nationaal' | 'lokaal';
  /** Indicator options, best first. The first one the dataset has (at this level) is used for all areas. */
  options: IndicatorOption[];
  /** Which source/import would fill this factor when no option has data. */
  fillHint: string;
  /** Exposure/opportunity rather than a deficit of residents. */
  exposure?: boolean;
  /** Shown in the drill-down but not scored (weight 0), e.g. business crime. */
  shownOnly?: boolean;
}

/** A stand-in factor that takes the weights of `replaces` when none of them has data for an area. */
export interface Substitution {
  factor: string;
  replaces: string[];
  note: string;
}

export interface CategoryDef {
  id: CategoryId;
  sphere: SphereId;
  label: string;
  type: CategoryType;
  description: string;
  evidence: string;
  factors: FactorDef[];
  substitutions: Substitution[];
  /** Deviation from the starting weights (startgewichten), with reason (empty if none). */
  weightNote: string;
}

export interface DialComponent {
  /** A factor id from the categories (its indicator and direction are reused). */
  factor: string;
  label: string;
  weight: number;
  reason: string;
}

export interface DialDef {
  id: DialId;
  label: string;
  /** Label of the basis shown with every value ("indicatie, geen meting"). */
  basisLabel: string;
  description: string;
  components: DialComponent[];
  substitutions: Substitution[];
}

export interface SphereDef {
  id: SphereId;
  label: string;
}

/** The overall kwetsbaarheidsscore: a fixed set of categories, so a missing one lowers coverage instead of dropping out. */
export interface OverallDef {
  id: 'overall';
  label: string;
  description: string;
  categories: CategoryId[];
  /** Why the categories outside the set are left out. */
  excludedNote: string;
}

/**
 * A factor whose weight a user may change (the weights panel, a link's `w=`):
 * one that is scored and not a stand-in. A shown-only factor is context; a
 * substitution factor takes the weight of the factors it replaces, and the
 * engine never reads its own.
 */
export function hasAdjustableWeight(category: CategoryDef, factor: FactorDef): boolean {
  return !factor.shownOnly && !category.substitutions.some((s) => s.factor === factor.id);
}

/** A category's weight in its sphere and the overall score, unless the user changes it. */
export const DEFAULT_CATEGORY_WEIGHT = 1;

/** A weight that differs from the model's: what the weights panel lists and the report for bestuur states. */
export interface WeightChange {
  id: string;
  /** "S4 Criminaliteit" or "S4.3 Woninginbraak (in S4 Criminaliteit)". */
  label: string;
  weight: number;
  standard: number;
}

/**
 * The weights of `weights` that differ from the model's, in the model's
 * order: a category's own weight before its factors'. Unknown ids are left
 * out (a link checks those, src/state/link-check.ts).
 */
export function weightChanges(model: KompasModel, weights: Readonly<Record<string, number>>): WeightChange[] {
  const out: WeightChange[] = [];
  // A link may name a weight at its standard value (w=S4:1): no change.
  const add = (id: string, label: string, standard: number) => {
    if (id in weights && Math.abs(weights[id] - standard) > 1e-9) out.push({ id, label, weight: weights[id], standard });
  };
  for (const category of model.categories) {
    const name = `${category.id} ${category.label}`;
    add(category.id, name, DEFAULT_CATEGORY_WEIGHT);
    for (const factor of category.factors) add(factor.id, `${factor.id} ${factor.label} (in ${name})`, factor.weight);
  }
  return out;
}

/** All series an option reads. */
export function optionSeries(o: IndicatorOption): string[] {
  switch (o.kind) {
    case 'series': case 'complement': case 'relativeToGemeente': return [o.series];
    case 'ratio': return [o.numerator, o.denominator];
    case 'rate': return [o.series, o.denominator];
    case 'mean': return [...o.series];
  }
}

/** Every series the model's factors read: what an import may replace (anything else is a new local indicator). */
export function seriesReadBy(model: KompasModel): Set<string> {
  return new Set(model.categories.flatMap((c) => c.factors.flatMap((f) => f.options.flatMap(optionSeries))));
}

export interface KompasModel {
  version: string;
  spheres: SphereDef[];
  categories: CategoryDef[];
  dials: DialDef[];
  overall: OverallDef;
}
