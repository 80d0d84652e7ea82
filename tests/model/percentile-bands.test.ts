import { describe, expect, it } from 'vitest';
import { ATTENTION_MIN, HIGH_MIN, classOfPercentile, classText, classWord, isAttention, isHigh, mapClassOf } from '../../src/model/percentile-bands.ts';
import { CLASSES } from '../../src/map/classes.ts';

describe('percentile bands', () => {
  it('puts the borders at P40, P80 and P90', () => {
    expect(classOfPercentile(0)).toBe('laag');
    expect(classOfPercentile(39.9)).toBe('laag');
    expect(classOfPercentile(40)).toBe('gemiddeld');
    expect(classOfPercentile(79.9)).toBe('gemiddeld');
    expect(classOfPercentile(80)).toBe('aandacht');
    expect(classOfPercentile(89.9)).toBe('aandacht');
    expect(classOfPercentile(90)).toBe('hoog');
    expect(classOfPercentile(100)).toBe('hoog');
  });

  it('has no band without a percentile', () => {
    for (const p of [null, undefined, NaN, Infinity]) {
      expect(classOfPercentile(p)).toBeNull();
      expect(classWord(p)).toBe('geen score');
      expect(isAttention(p)).toBe(false);
      expect(isHigh(p)).toBe(false);
    }
  });

  it('marks attention and high from the same thresholds as the words', () => {
    for (let p = 0; p <= 100; p += 0.5) {
      const band = classOfPercentile(p);
      expect(isAttention(p)).toBe(band === 'aandacht' || band === 'hoog');
      expect(isHigh(p)).toBe(band === 'hoog');
      expect(classWord(p)).toBe(band);
    }
  });

  it('speaks of drukte for gelegenheid categories and of kwetsbaar otherwise', () => {
    expect(classText('hoog')).toBe('hoog (kwetsbaar)');
    expect(classText('laag')).toBe('laag');
    expect(classText('aandacht', 'gelegenheid')).toMatch(/drukte\/gelegenheid/);
    expect(classText(null)).toBeNull();
  });

  it('gives the map legend the same borders and words', () => {
    const attention = CLASSES[mapClassOf(ATTENTION_MIN)];
    const high = CLASSES[mapClassOf(HIGH_MIN)];
    expect(attention.min).toBe(ATTENTION_MIN);
    expect(attention.label).toContain(classWord(ATTENTION_MIN));
    expect(high.min).toBe(HIGH_MIN);
    expect(high.label).toContain(classWord(HIGH_MIN));
    expect(mapClassOf(ATTENTION_MIN - 0.1)).toBe(mapClassOf(ATTENTION_MIN) - 1);
  });
});
