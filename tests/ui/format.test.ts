import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercentile } from '../../src/ui/format.ts';

describe('Dutch number formatting in the panels', () => {
  it('uses Dutch separators and at most the asked digits, without trailing zeros', () => {
    expect(formatNumber(1234.567, 2)).toBe('1.234,57');
    expect(formatNumber(12.5, 2)).toBe('12,5');
    expect(formatNumber(1234.4, 0)).toBe('1.234');
  });

  it('keeps each number of digits apart (one formatter per digit count)', () => {
    expect(formatNumber(1.26, 1)).toBe('1,3');
    expect(formatNumber(1.26, 2)).toBe('1,26');
    expect(formatNumber(1.26, 1)).toBe('1,3');
    expect(formatNumber(1.26)).toBe('1,3');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(undefined, 2)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatPercentile(83.6)).toBe('P84');
  });
});
