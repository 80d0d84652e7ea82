/**
 * Step 0 of scoring: the kompas model as index lists the hot loops read.
 * A container is a category or dial: its factors (positions in the flat
 * factor list) with default weights, and its substitutions (a factor that
 * stands in for others only where none of those has a value). Pure.
 */
import { DEFAULT_CATEGORY_WEIGHT, hasAdjustableWeight, type FactorDef, type KompasModel, type Substitution } from './kompas/types.ts';
import type { WeightOverrides } from './scoring-types.ts';

/** A factor of a container: its position, default weight, and whether a request may override that weight (hasAdjustableWeight). */
export interface ContainerEntry { f: number; def: number; adjustable: boolean }
export interface SubstitutionEntry { f: number; replaced: number[] /* positions in entries */ }
export interface Container {
  id: string;
  kind: 'category' | 'dial';
  entries: ContainerEntry[];
  subs: SubstitutionEntry[];
  totalDef: number;
}

function container(
  factors: readonly FactorDef[], factorIdx: ReadonlyMap<string, number>,
  id: string, kind: Container['kind'], entries: ContainerEntry[], subs: Substitution[],
): Container {
  const subIds = new Set(subs.map((s) => s.factor));
  const scored = entries.filter((e) => !subIds.has(factors[e.f].id));
  const subEntries = subs.map((s) => ({
    f: factorIdx.get(s.factor)!,
    replaced: s.replaces.map((r) => scored.findIndex((e) => factors[e.f].id === r)).filter((p) => p >= 0),
  }));
  return { id, kind, entries: scored, subs: subEntries, totalDef: scored.reduce((a, e) => a + e.def, 0) };
}

export function categoryContainers(model: KompasModel, factors: readonly FactorDef[], factorIdx: ReadonlyMap<string, number>): Container[] {
  return model.categories.map((c) => container(factors, factorIdx, c.id, 'category',
    c.factors.map((f) => ({ f: factorIdx.get(f.id)!, def: f.weight, adjustable: hasAdjustableWeight(c, f) })), c.substitutions));
}

export function dialContainers(model: KompasModel, factors: readonly FactorDef[], factorIdx: ReadonlyMap<string, number>): Container[] {
  return model.dials.map((d) => container(factors, factorIdx, d.id, 'dial',
    d.components.map((c) => ({ f: factorIdx.get(c.factor)!, def: c.weight, adjustable: false })), d.substitutions));
}

/** Every factor a container reads, substitutes included. */
export function containerFactors(c: Container): number[] {
  return [...c.entries.map((e) => e.f), ...c.subs.map((s) => s.f)];
}

/**
 * The largest weight an override may have, in a link's `w=` as in the engine (the sliders go to 1
 * for a factor and 2 for a category). It keeps every weighted sum far from overflowing: a re-weight
 * adds a column's weight times 0 where the column has no value (scoring-aggregate.ts).
 */
export const MAX_WEIGHT = 10;

/** A weight override the engine takes: a number from 0 to MAX_WEIGHT. */
export function isValidWeight(o: unknown): o is number {
  return typeof o === 'number' && o >= 0 && o <= MAX_WEIGHT;
}

/**
 * The weight of each entry for this request: a valid override of a factor
 * whose weight may be set, else the default. Dials keep theirs, and so do
 * shown-only factors (context, weight 0).
 */
export function activeWeights(c: Container, factors: readonly FactorDef[], w: WeightOverrides | undefined): number[] {
  return c.entries.map((e) => {
    const o = e.adjustable ? w?.factors?.[factors[e.f].id] : undefined;
    return isValidWeight(o) ? o : e.def;
  });
}

/** A category's weight in its sphere and the overall score: a valid override, else 1. */
export function categoryWeight(id: string, w: WeightOverrides | undefined): number {
  const o = w?.categories?.[id as keyof NonNullable<WeightOverrides['categories']>];
  return isValidWeight(o) ? o : DEFAULT_CATEGORY_WEIGHT;
}
