// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { WorkspaceStore } from '../../../src/workspace/workspace-store.svelte.ts';
import { KOMPAS_MODEL } from '../../../src/model/kompas/definition.ts';
import type { AppState } from '../../../src/state/app-state.svelte.ts';
import DataImportDialog from '../../../src/ui/enrichment/DataImportDialog.svelte';
import { buurtTable } from './helpers.ts';
import { withDialogs } from '../jsdom-dialog.ts';

withDialogs();

const stores: WorkspaceStore[] = [];
afterEach(() => {
  cleanup();
  while (stores.length) stores.pop()!.dispose();
});

let n = 0;
async function setup() {
  const store = new WorkspaceStore({ dbName: `imp${++n}-${Date.now()}`, autosaveMs: 5 });
  stores.push(store);
  await store.init();
  const app = {
    dataset: { id: 'synthetic', levels: ['buurt'] },
    tables: { buurt: buurtTable() },
    model: KOMPAS_MODEL,
    workerReady: true,
    activeLevel: 'buurt',
    gemeenteName: (code: string) => ({ GM0014: 'Groningen', GM0034: 'Almere' })[code] ?? code,
  } as unknown as AppState;
  let closed = false;
  render(DataImportDialog, { app, store, onClose: () => (closed = true) });
  return { store, closed: () => closed };
}

async function upload(name: string) {
  const input = screen.getByLabelText('Bestand (CSV of Excel .xlsx)') as HTMLInputElement;
  const file = new File([readFileSync(`tests/fixtures/import/${name}`)], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
}

describe('DataImportDialog', () => {
  it('a malformed file is refused with the line named and changes nothing', async () => {
    const { store } = await setup();
    await upload('malformed.csv');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('malformed.csv, regel 3: een aanhalingsteken wordt niet gesloten');
    expect(screen.queryByRole('button', { name: 'Toepassen' })).toBeNull();
    expect(store.workspaces).toEqual([]);
  });

  it('maps, shows the errors, skips the bad rows, applies into a new workspace and undoes', async () => {
    const { store } = await setup();
    await upload('mora-swing.csv');
    const target = await screen.findByLabelText('Gebruiken als: MORA-meldingen 2024') as HTMLSelectElement;
    expect(target.value).toBe('s:mora_meldingen');
    const apply = screen.getByRole('button', { name: 'Toepassen' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    const rows = within(screen.getByRole('table', { name: 'Fouten per regel' })).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      '6GebiedcodeBU00140002BU00140002 Binnenstad-Oost staat ook op regel 4: laat één van beide regels wegOverslaan',
      '7GebiedcodeBU00140112BU00140112 bestaat niet in deze indeling (bedoelt u BU00140102 Herewegwijk?)Overslaan',
    ]);
    await fireEvent.click(screen.getByRole('button', { name: 'Regel 6 overslaan' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Regel 7 overslaan' }));
    await waitFor(() => expect(apply.disabled).toBe(false));
    expect(screen.getByText(/Overgeslagen regels: 6, 7/)).toBeTruthy();
    await fireEvent.click(apply);
    expect(store.workspaces.map((w) => w.name)).toEqual(['Gegevens Groningen']);
    expect(store.active!.focus).toEqual({ kind: 'gemeente', gemeenteCode: 'GM0014', areas: [{ code: 'GM0014', name: 'Groningen' }] });
    expect(store.active!.imports).toHaveLength(1);
    expect(store.active!.imports[0].columns[0].values.BU00140001).toBe(1204);
    expect(screen.getByRole('status').textContent).toContain('Toegepast: mora-swing.csv');
    await fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
    expect(store.active!.imports).toEqual([]);
  });

  it('choosing another key column keeps the user\'s mappings and clears only the new key column', async () => {
    await setup();
    await upload('mora-swing.csv');
    const target = (column: string) => screen.getByLabelText(`Gebruiken als: ${column}`) as HTMLSelectElement;
    await screen.findByLabelText('Gebruiken als: Cohesie (0-10) 2023');
    // The user turns the suggested cohesion off and maps the rate column instead of the count.
    await fireEvent.change(target('Cohesie (0-10) 2023'), { target: { value: '' } });
    await fireEvent.change(target('MORA-meldingen 2024'), { target: { value: '' } });
    await fireEvent.change(target('Meldingen per 1.000 inwoners 2024'), { target: { value: 's:mora_meldingen' } });
    const key = screen.getByLabelText('Kolom met het gebied') as HTMLSelectElement;
    await fireEvent.change(key, { target: { value: '3' } });
    expect(screen.queryByLabelText('Gebruiken als: Meldingen per 1.000 inwoners 2024')).toBeNull();
    await fireEvent.change(key, { target: { value: '0' } });
    expect(target('Cohesie (0-10) 2023').value).toBe('');
    expect(target('MORA-meldingen 2024').value).toBe('');
    // It was the key column for a moment: a key is never also a figure.
    expect(target('Meldingen per 1.000 inwoners 2024').value).toBe('');
  });
});
