/**
 * Identifiers shared with the scoring engine (src/model/kompas/definition.ts, docs/indicators.md). The
 * category ids come from the model's type module (plain data, no engine
 * code), so the workspace and the kompas can never disagree on them.
 */
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../model/kompas/types.ts';

export { CATEGORY_IDS, type CategoryId };

/** Dutch category labels (src/model/kompas/types.ts), used when the app passes no labels. */
export const DEFAULT_CATEGORY_LABELS: Readonly<Record<CategoryId, string>> = CATEGORY_LABELS;

/** Number of factors per category in src/model/kompas/definition.ts (F1.1 … F1.4 and so on). */
const FACTOR_COUNTS: Record<CategoryId, number> = {
  F1: 4, F2: 3, F3: 4, F4: 4,
  S1: 3, S2: 4, S3: 5, S4: 6,
  I1: 6, I2: 6, I3: 5, I4: 5,
};

export const FACTOR_IDS: readonly string[] = CATEGORY_IDS.flatMap((c) =>
  Array.from({ length: FACTOR_COUNTS[c] }, (_, i) => `${c}.${i + 1}`),
);

const FACTOR_SET = new Set(FACTOR_IDS);
const CATEGORY_SET = new Set<string>(CATEGORY_IDS);

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && CATEGORY_SET.has(value);
}

export function isFactorId(value: unknown): value is string {
  return typeof value === 'string' && FACTOR_SET.has(value);
}

/** `S4.1` → `S4`. */
export function categoryOfFactor(factorId: string): CategoryId | null {
  const c = factorId.split('.')[0];
  return isCategoryId(c) ? c : null;
}

/** Stakeholder types of a kernteam (the usual kernteam partners and their abbreviations). */
export const STAKEHOLDERS = {
  gemeente: 'Gemeente',
  politie: 'Politie',
  woningcorporatie: 'Woningcorporatie',
  jongerenwerk: 'Jongerenwerk',
  welzijn: 'Welzijn',
  ggd: 'GGD',
  ggz: 'GGZ',
  onderwijs: 'Onderwijs',
  handhaving: 'Handhaving / boa',
  bewoners: 'Bewoners',
  ondernemers: 'Ondernemers',
  jeugdhulp: 'Jeugdhulp',
  om: 'OM',
  halt: 'Halt',
  zvh: 'Zorg- en Veiligheidshuis',
  riec: 'RIEC',
  reclassering: 'Reclassering',
  rvdk: 'Raad voor de Kinderbescherming',
  brandweer: 'Brandweer',
  huisarts: 'Huisarts',
  uwv: 'UWV',
  belastingdienst: 'Belastingdienst',
  sport: 'Sportaanbieders',
  vrijwilligers: 'Vrijwilligers',
  fondsen: 'Fondsen',
  ontwikkelaar: 'Ontwikkelaar / eigenaar',
  werkgevers: 'Werkgevers (publieke taak)',
  overig: 'Overig',
} as const;
export type StakeholderId = keyof typeof STAKEHOLDERS;
export const STAKEHOLDER_IDS = Object.keys(STAKEHOLDERS) as StakeholderId[];

export function isStakeholderId(value: unknown): value is StakeholderId {
  return typeof value === 'string' && Object.hasOwn(STAKEHOLDERS, value);
}
