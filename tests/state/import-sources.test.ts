/**
 * Two import sources holding the same series and year (counted points not
 * kept, and counts kept in the workspace): the one imported last feeds the
 * factor, whichever source was set first in the session
 * (AppState.setImportSource).
 */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/state/app-state.svelte.ts';
import type { ScoringClient } from '../../workers/scoring-main-side.ts';
import type { ImportedColumn, ImportedValues } from '../../src/model/scoring-types.ts';

function appWithWorker() {
  const app = new AppState();
  let last: ImportedColumn[] = [];
  app.api = {
    setImportedValues: async ({ columns }: { columns: ImportedColumn[] }) => {
      last = columns;
      return { level: 'buurt', columns: columns.length };
    },
    score: () => new Promise(() => {}),
  } as unknown as ScoringClient;
  app.dataset = { id: 'proef', levels: ['buurt'] } as unknown as AppState['dataset'];
  (app as unknown as { workerLoaded: string }).workerLoaded = 'proef';
  const fed = (series: string) => last.find((c) => c.series === series)?.values.BU00140001;
  return { app, fed };
}

const counts = (series: string, value: number): ImportedValues[] => [{ level: 'buurt', columns: [{ series, year: 2024, values: { BU00140001: value } }] }];

describe('the newest import feeds the factor', () => {
  it('a later change of the first source wins over a source set after it', async () => {
    const { app, fed } = appWithWorker();
    await app.setImportSource('punten', counts('mora_meldingen', 30));
    await app.setImportSource('gebiedsimport', counts('mora_meldingen', 30));
    await app.setImportSource('punten', counts('mora_meldingen', 45));
    expect(fed('mora_meldingen')).toBe(45);
  });

  it('another column of the workspace changing does not bring its older counts back', async () => {
    const { app, fed } = appWithWorker();
    await app.setImportSource('gebiedsimport', counts('mora_meldingen', 30));
    await app.setImportSource('punten', counts('mora_meldingen', 45));
    // A table for another series is imported into the workspace: the whole source is sent again.
    await app.setImportSource('gebiedsimport', [{ level: 'buurt', columns: [...counts('mora_meldingen', 30)[0].columns, ...counts('hotspots', 3)[0].columns] }]);
    expect(fed('mora_meldingen')).toBe(45);
    expect(fed('hotspots')).toBe(3);
    // The newer points removed: the kept counts feed the factor again.
    await app.setImportSource('punten', []);
    expect(fed('mora_meldingen')).toBe(30);
  });
});
