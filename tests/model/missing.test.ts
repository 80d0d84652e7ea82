import { describe, expect, it } from 'vitest';
import { MissingReason, parseCbsNumber } from '../../src/model/missing.ts';

describe('parseCbsNumber', () => {
  it('reads decimal comma, point, thousands and padding', () => {
    expect(parseCbsNumber('  20,8 ')).toEqual({ value: 20.8, reason: 0 });
    expect(parseCbsNumber('20.8')).toEqual({ value: 20.8, reason: 0 });
    expect(parseCbsNumber('1.234,5')).toEqual({ value: 1234.5, reason: 0 });
    expect(parseCbsNumber('-0.100')).toEqual({ value: -0.1, reason: 0 });
  });
  it('never turns sentinels or "." into numbers', () => {
    expect(parseCbsNumber('-99997')).toEqual({ value: null, reason: MissingReason.suppressed });
    expect(parseCbsNumber('-99995')).toEqual({ value: null, reason: MissingReason.pending });
    expect(parseCbsNumber('-99991')).toEqual({ value: null, reason: MissingReason.discontinued });
    expect(parseCbsNumber(-99999999)).toEqual({ value: null, reason: MissingReason.unknown });
    expect(parseCbsNumber(' . ')).toEqual({ value: null, reason: MissingReason.unknown });
    expect(parseCbsNumber('', MissingReason.zeroOrSuppressed)).toEqual({ value: null, reason: MissingReason.zeroOrSuppressed });
  });
  it('returns null for text that is not a number', () => {
    expect(parseCbsNumber('twintig')).toBeNull();
    expect(parseCbsNumber('12a')).toBeNull();
  });
});
