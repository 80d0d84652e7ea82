import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { validateModel } from '../../src/model/kompas/validate.ts';
import { HERKOMST_PATTERN, SERIES, seriesById } from '../../src/model/kompas/series.ts';
import type { KompasModel } from '../../src/model/kompas/types.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { makeTable } from './helpers/synthetic-table.ts';

const clone = (): KompasModel => JSON.parse(JSON.stringify(KOMPAS_MODEL));

describe('kompas model definition', () => {
  it('is valid', () => {
    expect(validateModel(KOMPAS_MODEL)).toEqual([]);
  });

  it('has the twelve categories and their fixed factor ids', () => {
    expect(KOMPAS_MODEL.categories.map((c) => c.id)).toEqual(['F1', 'F2', 'F3', 'F4', 'S1', 'S2', 'S3', 'S4', 'I1', 'I2', 'I3', 'I4']);
    const ids = KOMPAS_MODEL.categories.flatMap((c) => c.factors.map((f) => f.id));
    for (const id of ['F1.1', 'F1.4', 'F2.3', 'F3.4', 'F4.4', 'S1.3', 'S2.4', 'S3.5', 'S4.1', 'S4.3', 'S4.6', 'I1.6', 'I2.3', 'I2.6', 'I3.5', 'I4.5']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts ≥ 60 % of each category on nationally measurable factors', () => {
    expect(KOMPAS_MODEL.categories.length).toBeGreaterThan(0);
    for (const c of KOMPAS_MODEL.categories) {
      const nat = c.factors.filter((f) => f.measurable === 'nationaal').reduce((a, f) => a + f.weight, 0);
      expect(nat, c.id).toBeGreaterThanOrEqual(0.6 - 1e-9);
    }
  });

  it('reads every plain series in the words of the series registry, so a figure has one name on every screen', () => {
    const options = KOMPAS_MODEL.categories.flatMap((c) => c.factors.flatMap((f) => f.options)).filter((o) => o.kind === 'series');
    expect(options.length).toBeGreaterThan(30);
    for (const o of options) {
      const info = seriesById.get(o.series as string)!;
      // Only a qualifier in brackets may follow the registry's label ("… (omgekeerd)").
      expect(o.label, o.series as string).toMatch(new RegExp(`^${info.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\([^()]+\\))?$`));
      expect(o.unit, o.series as string).toBe(info.unit);
    }
  });

  it('never refers to a herkomst/migratieachtergrond series', () => {
    const used = KOMPAS_MODEL.categories.flatMap((c) => c.factors.flatMap((f) => f.options.flatMap((o) => JSON.stringify(o).match(/"(series|numerator|denominator)":"?[^,}]*/g) ?? [])));
    for (const u of used) expect(HERKOMST_PATTERN.test(u), u).toBe(false);
    for (const s of SERIES) expect(HERKOMST_PATTERN.test(s.id), s.id).toBe(false);
  });

  it('marks proxies with a Dutch note and gives every factor a fill hint', () => {
    for (const f of KOMPAS_MODEL.categories.flatMap((c) => c.factors)) {
      expect(f.fillHint.length, f.id).toBeGreaterThan(5);
      for (const o of f.options) if (o.proxy) expect(o.note, `${f.id} ${o.label}`).toBeTruthy();
    }
  });

  it('rejects weights that do not sum to 1, unknown series, duplicate ids and herkomst series', () => {
    const a = clone();
    a.categories[0].factors[0].weight = 0.5;
    expect(validateModel(a).join('\n')).toMatch(/F1: weights sum to/);

    const b = clone();
    b.categories[1].factors[0].options = [{ kind: 'series', series: 'bestaat_niet', transform: 'none', label: 'x', unit: '' }];
    expect(validateModel(b).join('\n')).toMatch(/unknown series bestaat_niet/);

    const c = clone();
    c.categories[2].factors[1].id = c.categories[2].factors[0].id;
    expect(validateModel(c).join('\n')).toMatch(/duplicate factor id F3.1/);

    const d = clone();
    d.categories[4].factors[0].options.push({ kind: 'series', series: 'p_niet_westerse_migratieachtergrond', transform: 'logit', label: 'x', unit: '%' });
    expect(validateModel(d).join('\n')).toMatch(/herkomst/);

    const e = clone();
    e.dials[0].components[0].weight = 0.9;
    expect(validateModel(e).join('\n')).toMatch(/dial objectief: weights sum/);

    const f = clone();
    f.categories[5].factors[0].weight = 0.2; // S2.1 0.45 → 0.2 (+0.25 to a local factor)
    f.categories[5].factors[2].weight += 0.25;
    expect(validateModel(f).join('\n')).toMatch(/S2: nationally measurable factors carry 0.35/);

    // Scoring keeps which columns of a category or dial have a value as bits of one 32-bit mask per area.
    const g = clone();
    const dial = g.dials[0];
    dial.components = Array.from({ length: 32 }, (_, k) => ({ ...dial.components[0], weight: 1 / 32, label: `c${k}` }));
    expect(validateModel(g).join('\n')).toMatch(/dial objectief: 33 columns \(components plus substitutions\), at most 32/);
    dial.substitutions = [];
    expect(validateModel(g)).toEqual([]);
    // A substitute counts once per substitution: S4 has 8 factors, one of them the substitute S4.0 (8 columns).
    const h = clone();
    const s4 = h.categories.find((c) => c.id === 'S4')!;
    s4.substitutions = Array.from({ length: 26 }, () => ({ ...s4.substitutions[0] }));
    expect(validateModel(h).join('\n')).toMatch(/S4: 33 columns/);
    s4.substitutions.pop();
    expect(validateModel(h).join('\n')).not.toMatch(/columns/);
  });

  it('the engine refuses an invalid model at load', () => {
    const a = clone();
    a.categories[3].factors[0].weight = 0;
    const t = makeTable({ columns: [{ series: 'inwoners', values: [100] }] });
    expect(() => new ScoringEngine([t], a)).toThrow(/F4: weights sum/);
  });

  it('knows every shipped series of docs/indicators.md', () => {
    for (const s of ['inwoners', 'misdrijven_totaal', 'rivm_geluidhinder_buren', 'goed_ervaren_gezondheid', 'fietsdiefstal', 'verweduwd', 'woningvoorraad', 'jongeren_15_24']) {
      expect(seriesById.get(s)?.origin, s).toBe('shipped');
    }
  });
});
