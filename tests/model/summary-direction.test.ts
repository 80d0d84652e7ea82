/**
 * Summary sentences say the direction the numbers have (issue 16): a buurt
 * with small households has *more* alleenwonenden than the median, even
 * though the indicator (household size) is below it.
 */
import { describe, expect, it } from 'vitest';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { summariseArea } from '../../src/model/summary.ts';
import { makeTable } from './helpers/synthetic-table.ts';

describe('summary sentences and the numbers point the same way', () => {
  // 12 buurten; household size and income per inwoner fall with the index,
  // arbeidsparticipatie too: buurt 11 has the most alleenwonenden, the lowest
  // incomes and the lowest participation.
  const n = 12;
  const idx = Array.from({ length: n }, (_, i) => i);
  const table = makeTable({
    columns: [
      { series: 'inwoners', values: idx.map(() => 2000) },
      { series: 'huishoudensgrootte', values: idx.map((i) => 2.8 - 0.12 * i) },
      { series: 'inkomen_per_inwoner', values: idx.map((i) => 40 - 2 * i) },
      { series: 'arbeidsparticipatie', values: idx.map((i) => 75 - 2 * i) },
      // Makes S1 score (0.35 + 0.25 of its weight), so alleenwonenden appears as a top factor.
      { series: 'rivm_sociaal_eenzaam', values: idx.map((i) => 20 + i) },
    ],
  });
  const e = new ScoringEngine([table]);
  const ex = e.explain({ level: 'buurt' }, 11);
  const text = summariseArea(ex);

  it('names each top factor with "meer" or "minder" matching its position against the median', () => {
    const s12 = ex.categories.find((c) => c.id === 'S1')!.factors.find((f) => f.id === 'S1.2')!;
    expect(s12.timesMedian!).toBeLessThan(1); // household size below the median …
    expect(text).toMatch(/meer alleenwonenden dan de mediaan/); // … means more alleenwonenden
    expect(text).not.toMatch(/alleenwonenden \(0,\d× de mediaan/);
    expect(text).toMatch(/gemiddelde huishoudensgrootte 0,\d+× de mediaan/);
    const i13 = ex.categories.find((c) => c.id === 'I1')!.factors.find((f) => f.id === 'I1.3')!;
    expect(i13.value!).toBeLessThan(i13.referenceMedian!);
    expect(text).toMatch(/minder arbeidsparticipatie dan de mediaan/);
    expect(text).toMatch(/meer lage inkomens dan de mediaan/);
  });

  it('every "meer … dan de mediaan" factor in the summary sits on the vulnerable side in the numbers', () => {
    for (const c of ex.categories) {
      for (const f of c.factors) {
        if (f.value === null || f.referenceMedian === null || f.contribution === null || f.contribution <= 0) continue;
        const phrase = `${f.direction === 1 ? 'meer' : 'minder'} ${f.label.toLowerCase()} dan de mediaan`;
        if (!text.includes(phrase)) continue;
        // Oriented: the factor concept is above the median where it is more vulnerable.
        expect(f.z!).toBeGreaterThan(0);
        expect(f.percentile!).toBeGreaterThan(50);
      }
    }
  });
});
