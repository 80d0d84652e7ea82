import { describe, expect, it } from 'vitest';
import { ScoringEngine } from '../../../src/model/scoring-engine.ts';
import { ScoreStatus } from '../../../src/model/scoring-types.ts';
import { columnsForModel, importedValuesFor, importSource } from '../../../src/enrichment/area-table/to-worker.ts';
import { KOMPAS_MODEL } from '../../../src/model/kompas/definition.ts';
import { seriesReadBy } from '../../../src/model/kompas/types.ts';
import type { AreaImport } from '../../../src/enrichment/area-table/types.ts';
import { buurtTable } from './helpers.ts';

const table = buurtTable();
const mora: Record<string, number> = Object.fromEntries(table.codes.map((c, i) => [c, 20 + 37 * i]));

const imp = (over: Partial<AreaImport> = {}): AreaImport => ({
  id: 'a', fileName: 'mora-2024.csv', importedAt: '2026-11-26T10:00:00.000Z', datasetId: 'synthetic', level: 'buurt', keyKind: 'code', gemeenteCode: null, skippedRows: [],
  columns: [
    { column: 'MORA-meldingen 2024', target: { kind: 'series', series: 'mora_meldingen' }, year: 2024, unit: 'aantal', conversion: 'aantal uit het bestand', values: mora },
    { column: 'Hangplekken', target: { kind: 'nieuw', label: 'Hangplekken (kernteam)', category: 'S3', direction: 1 }, year: 2024, unit: 'aantal', conversion: 'waarde uit het bestand', values: { BU00140000: 4, BU00140001: 1, BU00140002: 0, BU00140003: 2, BU00140101: 3 } },
  ],
  ...over,
});

const f1 = (e: ScoringEngine, i: number) => e.explain({ level: 'buurt' }, i).categories.find((c) => c.id === 'F1')!;

describe('imports feed the engine like shipped data', () => {
  it('a MORA import turns the F1 witte vlek into a score, with the import as source', () => {
    const e = new ScoringEngine([table]);
    expect(f1(e, 0).status).toBe(ScoreStatus.witteVlek);
    expect(f1(e, 0).coverage).toBeCloseTo(0.15, 6);
    const [buurt] = importedValuesFor([imp()], 'synthetic', ['buurt']);
    e.setImportedValues(buurt);
    const c = f1(e, 0);
    expect(c.status).toBe(ScoreStatus.beperkteDekking);
    expect(c.coverage).toBeCloseTo(0.5, 6);
    expect(c.score).not.toBeNull();
    const f14 = c.factors.find((f) => f.id === 'F1.4')!;
    // A rate also names its denominator's source.
    expect(f14.indicator!.source.split('; ')[0]).toBe('gemeente-import: mora-2024.csv, 26-11-2026');
    expect(f14.indicator!.sourceVariable).toContain('MORA-meldingen 2024');
    expect(f14.rawValue).toBeCloseTo((20 / 4745) * 1000, 6);
  });

  it('an import of five buurten ranks each among those five, and the factor says so (referenceCount)', () => {
    const e = new ScoringEngine([table]);
    const five = { BU00140000: 20, BU00140001: 57, BU00140002: 94, BU00140003: 131, BU00140101: 168 };
    e.setImportedValues(importedValuesFor([imp({ columns: [{ ...imp().columns[0], values: five }] })], 'synthetic', ['buurt'])[0]);
    const f14 = f1(e, 0).factors.find((f) => f.id === 'F1.4')!;
    // 11 buurten in the frame, 5 with a value: the lowest of five is P10, not a rank among all eleven.
    expect(table.codes).toHaveLength(11);
    expect(f14.referenceCount).toBe(5);
    expect(f14.percentile).toBe(10);
  });

  it('a new indicator is shown under its category with a percentile, never weighted', () => {
    const e = new ScoringEngine([table]);
    const before = e.explain({ level: 'buurt' }, 0).categories.find((c) => c.id === 'S3')!;
    e.setImportedValues(importedValuesFor([imp()], 'synthetic', ['buurt'])[0]);
    const s3 = e.explain({ level: 'buurt' }, 0).categories.find((c) => c.id === 'S3')!;
    const extra = s3.factors.find((f) => f.localIndicator)!;
    expect(extra).toMatchObject({ id: 'lokaal_hangplekken_kernteam', label: 'Hangplekken (kernteam)', value: 4, weight: 0, effectiveWeight: 0, contribution: null, shownOnly: true, referenceMedian: 2 });
    // Highest of five reference values: (4 + 0.5) / 5.
    expect(extra.percentile).toBeCloseTo(90, 6);
    expect(s3.status).toBe(before.status);
    expect(s3.coverage).toBe(before.coverage);
    // An area outside the file: shown as missing.
    const other = e.explain({ level: 'buurt' }, 9).categories.find((c) => c.id === 'S3')!.factors.find((f) => f.localIndicator)!;
    expect(other.value).toBeNull();
  });

  it('removing the import (empty columns) restores the witte vlek; other datasets are left out', () => {
    const e = new ScoringEngine([table]);
    e.setImportedValues(importedValuesFor([imp()], 'synthetic', ['buurt'])[0]);
    e.setImportedValues(importedValuesFor([], 'synthetic', ['buurt'])[0]);
    expect(f1(e, 0).status).toBe(ScoreStatus.witteVlek);
    expect(importedValuesFor([imp({ datasetId: 'groningen2017' })], 'synthetic', ['buurt'])[0].columns).toEqual([]);
  });

  it('two imports of the same series and year merge per area; the later one wins', () => {
    const a = imp({ id: 'a', columns: [{ ...imp().columns[0], values: { BU00140000: 1, BU00140001: 2 } }] });
    const b = imp({ id: 'b', fileName: 'mora-almere.csv', importedAt: '2026-11-27T10:00:00.000Z', columns: [{ ...imp().columns[0], values: { BU00140001: 5, BU00340001: 9 } }] });
    const [v] = importedValuesFor([b, a], 'synthetic', ['buurt']);
    expect(v.columns).toHaveLength(1);
    expect(v.columns[0].values).toEqual({ BU00140000: 1, BU00140001: 5, BU00340001: 9 });
    expect(v.columns[0].source).toBe(`${importSource(a)}; ${importSource(b)}`);
  });

  it('a single imported year of a 3-year rate is labelled as one year, not "gemiddelde van 3 jaar"', () => {
    const e = new ScoringEngine([table]);
    const geweld = imp({ columns: [{ column: 'Geweldsmisdrijven 2025', target: { kind: 'series', series: 'misdrijven_geweld' }, year: 2025, unit: 'aantal', conversion: 'aantal uit het bestand', values: mora }] });
    e.setImportedValues(importedValuesFor([geweld], 'synthetic', ['buurt'])[0]);
    const factor = e.explain({ level: 'buurt' }, 0).categories.flatMap((c) => c.factors).find((f) => f.indicator?.id.startsWith('misdrijven_geweld.2025'))!;
    expect(factor.indicator!.years).toEqual([2025]);
    expect(factor.indicator!.label).not.toContain('gemiddelde van 3 jaar');
    expect(factor.indicator!.label).toMatch(/\(alleen 2025, gekrompen\)$/);
  });
});

describe('imports from another app version', () => {
  it('leave out, and name, a column whose series this model does not read, and keep the rest', () => {
    const old = imp({ columns: [...imp().columns, { ...imp().columns[0], column: 'Meldingen (oud)', target: { kind: 'series', series: 'meldingen_oud' } }] });
    const { values, leftOut } = columnsForModel(importedValuesFor([old], 'synthetic', ['buurt']), seriesReadBy(KOMPAS_MODEL));
    expect(values[0].columns.map((c) => c.series)).toEqual(['mora_meldingen', 'lokaal_hangplekken_kernteam']);
    expect(leftOut).toEqual(['meldingen_oud (gemeente-import: mora-2024.csv, 26-11-2026)']);
    // What is left the engine takes without refusing the level.
    const e = new ScoringEngine([table]);
    expect(() => e.setImportedValues(values[0])).not.toThrow();
    expect(columnsForModel(importedValuesFor([imp()], 'synthetic', ['buurt']), seriesReadBy(KOMPAS_MODEL)).leftOut).toEqual([]);
  });
});
