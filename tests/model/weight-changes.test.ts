import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { hasAdjustableWeight, weightChanges } from '../../src/model/kompas/types.ts';
import { assessmentText } from '../../src/model/percentile-bands.ts';
import { ScoreStatus } from '../../src/model/scoring-types.ts';

describe('the weights a report states', () => {
  it('lists the weights that differ from the model, named, in the model order, with their standard', () => {
    const s4 = KOMPAS_MODEL.categories.find((c) => c.id === 'S4')!;
    const factor = s4.factors.find((f) => hasAdjustableWeight(s4, f) && f.weight > 0)!;
    const changes = weightChanges(KOMPAS_MODEL, { [factor.id]: 0, S4: 2, F1: 1 });
    // F1 at its standard weight (a link may say w=F1:1) is no change.
    expect(changes.map((c) => c.id)).toEqual(['S4', factor.id]);
    expect(changes[0]).toEqual({ id: 'S4', label: `S4 ${s4.label}`, weight: 2, standard: 1 });
    expect(changes[1]).toMatchObject({ label: `${factor.id} ${factor.label} (in S4 ${s4.label})`, weight: 0, standard: factor.weight });
    expect(weightChanges(KOMPAS_MODEL, {})).toEqual([]);
  });
});

describe("the report's judgement of a category", () => {
  const t = (status: number, classText: string | null) => ({ status: status as 0, statusLabel: `status ${status}`, classText });
  it('gives the class in words, says limited coverage, and the status where there is no score', () => {
    expect(assessmentText(t(ScoreStatus.score, 'hoog (kwetsbaar)'))).toBe('hoog (kwetsbaar)');
    expect(assessmentText(t(ScoreStatus.beperkteDekking, 'gemiddeld'))).toBe('gemiddeld · beperkte dekking');
    expect(assessmentText(t(ScoreStatus.witteVlek, null))).toBe('status 2');
    expect(assessmentText(t(ScoreStatus.bezoekersgebied, null))).toBe('status 5');
  });
});
