/**
 * One registry of series words (src/model/kompas/series.ts): the pipeline
 * sources and the official readers map columns to series and take label,
 * unit and kind from the registry. These tests fail when a source or a
 * reader names a series the registry does not know, and when a shipped
 * dataset (public/data, written by `npm run data`) carries other words than
 * the registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLevelTableHeader, type DatasetCatalog } from '../../../src/model/dataset-format.ts';
import { RIVM_AGE_GROUPS, rivmSeriesId, seriesById, seriesWords } from '../../../src/model/kompas/series.ts';
import { crimeSeries, SOORT_MISDRIJF } from '../../../src/model/kompas/soort-misdrijf.ts';
import { KERNCIJFERS_SERIES, RIVM_SERIES } from '../../../scripts/readers/series.ts';
import { SHAPE_SERIES } from '../../../scripts/pipeline/sources/groningen2017.ts';
import { KERNCIJFERS, TMAP } from '../../../scripts/pipeline/sources/nl2024.ts';
import { RIVM_18, RIVM_65 } from '../../../scripts/pipeline/sources/rivm.ts';

const MAPPING_DIRS = ['scripts/pipeline/sources', 'scripts/readers'];

/** Every `series: '<id>'` written in a pipeline source or reader: the literal column → series mappings. */
function literalSeries(): { file: string; series: string }[] {
  return MAPPING_DIRS.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.ts')).flatMap((name) => {
    const file = join(dir, name);
    return [...readFileSync(file, 'utf8').matchAll(/\bseries: '([a-z0-9_]+)'/g)].map((m) => ({ file, series: m[1] }));
  }));
}

const unknown = (ids: string[]) => ids.filter((id) => !seriesById.has(id));

describe('series registry', () => {
  it('knows every series a pipeline source or reader maps a column to', () => {
    const found = literalSeries();
    // The scan must see the mapping tables, or it would pass on an empty list.
    expect(found.filter((f) => f.file.endsWith('nl2024.ts')).map((f) => f.series)).toContain('woningvoorraad');
    expect(found.filter((f) => f.file.endsWith('series.ts')).map((f) => f.series)).toContain('ses_woa');
    expect(found.filter((f) => !seriesById.has(f.series)).map((f) => `${f.file}: ${f.series}`)).toEqual([]);
  });

  it('knows the series of the pipeline column tables: kerncijfers and tmap of Nederland 2024, RIVM 18+ and 65+', () => {
    const tables = [KERNCIJFERS, TMAP, RIVM_18, RIVM_65];
    expect(tables.every((t) => t.length > 0)).toBe(true);
    expect(unknown(tables.flat().map((s) => s.series))).toEqual([]);
  });

  it('knows the series of the reader tables: kerncijfers, RIVM per age group, crime per soort misdrijf, Groningen 2017', () => {
    expect(unknown(KERNCIJFERS_SERIES.map((d) => d.series))).toEqual([]);
    expect(unknown(Object.keys(RIVM_AGE_GROUPS).flatMap((age) => RIVM_SERIES.map((d) => rivmSeriesId(d.series, age))))).toEqual([]);
    expect(unknown([...SOORT_MISDRIJF.keys()].map(crimeSeries))).toEqual([]);
    expect(unknown([...SHAPE_SERIES])).toEqual([]);
  });

  it('refuses words for a series it does not know, with a Dutch message naming the registry', () => {
    expect(() => seriesWords('nieuwe_reeks')).toThrow(/serie "nieuwe_reeks" staat niet in src\/model\/kompas\/series\.ts/);
    expect(seriesWords('rivm_l53115_eenzaam')).toEqual({ label: 'Eenzaam (leeftijd 53115)', unit: '%', kind: 'share' });
    expect(seriesWords('koopwoningen')).toEqual({ label: 'Aandeel koopwoningen', unit: '%', kind: 'share' });
  });

  it('every indicator in the shipped datasets carries the label, unit and kind of the registry', () => {
    const catalog = JSON.parse(readFileSync('public/data/datasets.json', 'utf8')) as DatasetCatalog;
    const differences: string[] = [];
    let checked = 0;
    for (const entry of catalog.datasets) {
      for (const [level, path] of Object.entries(entry.files.tables)) {
        const { header } = readLevelTableHeader(new Uint8Array(readFileSync(join('public/data', path!))), path);
        for (const m of header.indicators) {
          checked++;
          const words = seriesById.get(m.series ?? m.id);
          if (!words) differences.push(`${entry.id} ${level} ${m.id}: serie ${m.series} staat niet in het register`);
          else if (m.label !== words.label || m.unit !== words.unit || m.kind !== words.kind) {
            differences.push(`${entry.id} ${level} ${m.id}: "${m.label}" (${m.unit}, ${m.kind}) ≠ register "${words.label}" (${words.unit}, ${words.kind})`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(differences).toEqual([]);
  });
});
