import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaCodeInText, gemeenteOfAreaCode, isAreaCode, levelOfAreaCode, normaliseAreaCode, wijkOfAreaCode } from '../../src/model/area-code.ts';

describe('one rule for CBS area codes', () => {
  it('knows every level, numeric and Amsterdam-style alphanumeric', () => {
    expect(levelOfAreaCode('GM0363')).toBe('gemeente');
    expect(levelOfAreaCode('WK0363AA')).toBe('wijk');
    expect(levelOfAreaCode('BU0363AA01')).toBe('buurt');
    expect(levelOfAreaCode('BU00140001')).toBe('buurt');
    for (const no of ['NL01', 'PV20', 'GM03A3', 'BUAB630001', 'bu0363aa01', 'BU0363AA0', '']) expect(levelOfAreaCode(no)).toBeNull();
    expect(gemeenteOfAreaCode('BU0363AA01')).toBe('GM0363');
    expect(wijkOfAreaCode('BU0363AA01')).toBe('WK0363AA');
    expect(areaCodeInText('Centrum (bu0363aa01)')).toBe('BU0363AA01');
  });

  it('normalises what exports write, without turning a typo into a code', () => {
    expect(normaliseAreaCode(' bu 0363 aa01 ', 'buurt')).toBe('BU0363AA01');
    expect(normaliseAreaCode('140001', 'buurt')).toBe('BU00140001');
    expect(normaliseAreaCode('14', 'gemeente')).toBe('GM0014');
    expect(normaliseAreaCode('AA01', 'buurt')).toBeNull();
    expect(normaliseAreaCode('BU0363AA011', 'buurt')).toBeNull();
  });

  it('every canonical code normalises to itself and is of its level', () => {
    const digits = fc.stringMatching(/^\d{4}$/);
    const alnum = (n: number) => fc.stringMatching(new RegExp(`^[0-9A-Z]{${n}}$`));
    fc.assert(
      fc.property(fc.oneof(
        digits.map((d) => ['gemeente', `GM${d}`] as const),
        fc.tuple(digits, alnum(2)).map(([d, a]) => ['wijk', `WK${d}${a}`] as const),
        fc.tuple(digits, alnum(4)).map(([d, a]) => ['buurt', `BU${d}${a}`] as const),
      ), ([level, code]) => {
        expect(normaliseAreaCode(code, level)).toBe(code);
        expect(isAreaCode(code, level)).toBe(true);
      }),
      { seed: 363, numRuns: 300 },
    );
  });
});
