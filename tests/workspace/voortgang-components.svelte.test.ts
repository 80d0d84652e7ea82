// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { storeHarness } from './store-harness.ts';
import { interventionById } from '../../src/workspace/interventions.ts';
import { DEFAULT_CATEGORY_LABELS } from '../../src/workspace/ids.ts';
import { currentMonth } from '../../src/workspace/model.ts';
import { serializeWorkspace } from '../../src/workspace/file-format.ts';
import MatrixView from '../../src/ui/workspace/MatrixView.svelte';
import VoortgangView from '../../src/ui/workspace/VoortgangView.svelte';
import ImportPanel from '../../src/ui/workspace/ImportPanel.svelte';
import { voortgangMoment } from '../../src/ui/workspace/voortgang-moment.svelte.ts';
import { sampleWorkspace } from './fixtures.ts';

const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] };
const { freshStore } = storeHarness('v');

afterEach(() => {
  cleanup();
  voortgangMoment.month = currentMonth();
});

describe('status history in the matrix', () => {
  it('records a change of the status select and lists it with its date and an editable note', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    const row = store.addIntervention(interventionById('buurtbemiddeling')!)!;
    render(MatrixView, { store, labels: DEFAULT_CATEGORY_LABELS });
    await fireEvent.change(document.getElementById(`l-${row.id}-status`)!, { target: { value: 'lopend' } });
    const summary = screen.getByText(/^Statusgeschiedenis \(1 wijziging\)/);
    const list = within(summary.closest('details')!).getByRole('list', { name: 'Verloop van Buurtbemiddeling' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/Kansrijk/), expect.stringMatching(/Lopend/)]);
    const today = new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
    expect(items[1].textContent).toContain(today);
    await fireEvent.input(within(items[1]).getByLabelText('Notitie bij wijziging 2'), { target: { value: 'Besloten in kernteam' } });
    expect(store.active!.matrix[0].statusHistory[1]).toMatchObject({ status: 'lopend', note: 'Besloten in kernteam' });
  });

  it('arrowing through the closed select records one change, and Voortgang does not count a status passed on the way', async () => {
    // Chrome and Edge on Windows/Linux fire change on every arrow step of a closed select.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
      const store = await freshStore();
      store.create('Centrum', focus);
      const row = store.addIntervention(interventionById('buurtbemiddeling')!)!;
      store.planRow(row.id, '2026-03');
      voortgangMoment.month = '2026-03';
      render(MatrixView, { store, labels: DEFAULT_CATEGORY_LABELS });
      const select = document.getElementById(`l-${row.id}-status`)!;
      const statusAt = async (time: string, value: string) => {
        vi.setSystemTime(new Date(time));
        await fireEvent.change(select, { target: { value } });
      };
      const historyTexts = () => {
        const summary = screen.getByText(/^Statusgeschiedenis \(/);
        return [summary.textContent, ...within(summary.closest('details')!).getAllByRole('listitem').map((li) => li.textContent)];
      };

      await statusAt('2026-03-10T09:05:00.000Z', 'gepland');
      await statusAt('2026-03-10T09:05:00.300Z', 'afgerond');
      await statusAt('2026-03-10T09:05:00.600Z', 'obstakel');
      expect(historyTexts()).toEqual(['Statusgeschiedenis (1 wijziging)', expect.stringMatching(/Kansrijk/), expect.stringMatching(/Obstakel/)]);

      const voortgang = render(VoortgangView, { workspace: store.active! });
      expect(within(voortgang.container).getByText(/^Gepland te starten:/).textContent).toBe('Gepland te starten: 1, waarvan gestart: 0');

      // A change well after the previous one is a new step; put right at once, it leaves no trace.
      await statusAt('2026-03-10T09:20:00.000Z', 'lopend');
      expect(historyTexts()[0]).toBe('Statusgeschiedenis (2 wijzigingen)');
      await statusAt('2026-03-10T09:20:10.000Z', 'obstakel');
      expect(historyTexts()).toEqual(['Statusgeschiedenis (1 wijziging)', expect.stringMatching(/Kansrijk/), expect.stringMatching(/Obstakel/)]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('VoortgangView', () => {
  it('shows a stuck item under its stakeholder with the beer op de weg, at the chosen month', async () => {
    const store = await freshStore();
    const ws = sampleWorkspace();
    const [sluitwerk, bemiddeling] = ws.matrix;
    sluitwerk.statusHistory = [
      { status: 'kansrijk', date: '2026-01-10T09:00:00.000Z', note: '' },
      { status: 'obstakel', date: '2026-04-02T09:00:00.000Z', note: '' },
    ];
    bemiddeling.statusHistory = [{ status: 'kansrijk', date: '2026-01-10T09:00:00.000Z', note: '' }];
    const imported = store.importWorkspace(ws, { kind: 'new' });
    voortgangMoment.month = '2026-04';
    render(VoortgangView, { workspace: imported });
    expect(screen.getByRole('heading', { level: 3, name: 'Voortgang per apr 2026' })).toBeTruthy();
    const corporatie = screen.getByRole('group', { name: 'Woningcorporatie' });
    expect(within(corporatie).getByText(/Beer op de weg:/).parentElement!.textContent).toContain('Budget corporatie pas in 2027');
    expect(within(corporatie).getByText(/nog niet gestart, was gepland vanaf mrt 2026/)).toBeTruthy();

    // One month earlier it was not stuck yet.
    await fireEvent.change(screen.getByLabelText('Stand op maand'), { target: { value: '2026-03' } });
    expect(screen.getByRole('heading', { level: 3, name: 'Voortgang per mrt 2026' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Woningcorporatie' })).queryByText(/Beer op de weg:/)).toBeNull();
  });
});

describe('ImportPanel and the dataset', () => {
  it('warns which areas the dataset on screen does not have, and still imports them', async () => {
    const store = await freshStore();
    store.currentDataset = { ref: { id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 }, hasArea: (c) => c !== 'WK001401' };
    const ws = sampleWorkspace();
    ws.dataset = { id: 'groningen2017', title: 'Groningen 2017', indelingYear: 2017 };
    render(ImportPanel, { store });
    await fireEvent.change(screen.getByLabelText('Werkruimtebestand kiezen (.json)'), {
      target: { files: [new File([serializeWorkspace(ws)], 'werkruimte.json', { type: 'application/json' })] },
    });
    const warning = await screen.findByText(/1 gebied bestaat niet in ‘Nederland 2024’ \(indeling 2024\): WK001401\./);
    expect(warning.textContent).toContain('gemaakt op dataset ‘Groningen 2017’ (indeling 2017)');
    await fireEvent.click(screen.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }));
    expect(store.active!.focus.areas.map((a) => a.code)).toEqual(['WK001401']);
    expect(store.active!.dataset?.id).toBe('groningen2017');
  });
});
