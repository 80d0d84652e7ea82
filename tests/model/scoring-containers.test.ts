import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { activeWeights, categoryContainers } from '../../src/model/scoring-containers.ts';

const factors = KOMPAS_MODEL.categories.flatMap((c) => c.factors);
const factorIdx = new Map(factors.map((f, i) => [f.id, i]));
const containers = categoryContainers(KOMPAS_MODEL, factors, factorIdx);
const weightsOf = (category: string, overrides: Record<string, number>) => {
  const c = containers.find((x) => x.id === category)!;
  const act = activeWeights(c, factors, { factors: overrides });
  return Object.fromEntries(c.entries.map((e, k) => [factors[e.f].id, act[k]]));
};

describe('weight overrides in the engine', () => {
  it('apply to a factor the weights panel offers, not to context that is only shown', () => {
    // I2.3 (ouderen) is context: the panel has no slider, the explanation says "niet meegewogen".
    const w = weightsOf('I2', { 'I2.1': 0.9, 'I2.3': 1 });
    expect(w['I2.1']).toBe(0.9);
    expect(w['I2.3']).toBe(0);
    // S4.6 likewise; the crime families take theirs.
    expect(weightsOf('S4', { 'S4.6': 1, 'S4.3': 0.5 })).toMatchObject({ 'S4.6': 0, 'S4.3': 0.5 });
  });
});
