// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { storeHarness } from './store-harness.ts';
import { interventionById } from '../../src/workspace/interventions.ts';
import { DEFAULT_CATEGORY_LABELS } from '../../src/workspace/ids.ts';
import { FILE_VERSION, serializeWorkspace } from '../../src/workspace/file-format.ts';
import MatrixView from '../../src/ui/workspace/MatrixView.svelte';
import ImportPanel from '../../src/ui/workspace/ImportPanel.svelte';
import TimelineView from '../../src/ui/workspace/TimelineView.svelte';
import WorkspacePanel from '../../src/ui/workspace/WorkspacePanel.svelte';
import LocalKnowledgeBadge from '../../src/ui/workspace/LocalKnowledgeBadge.svelte';
import BestuurReport from '../../src/ui/workspace/BestuurReport.svelte';
import ConflictBanner from '../../src/ui/workspace/ConflictBanner.svelte';
import StorageNotice from '../../src/ui/workspace/StorageNotice.svelte';
import ReportTimelineChart from '../../src/ui/workspace/ReportTimelineChart.svelte';
import { sampleWorkspace } from './fixtures.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const focus = { kind: 'wijk' as const, gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] };
const area = { code: 'WK001401', name: 'Centrum', level: 'wijk' as const, gemeenteCode: 'GM0014' };
const { freshDb, storeOn, freshStore, storedWithOverlongNote } = storeHarness('c');

function fileOf(text: string): File {
  return new File([text], 'werkruimte.json', { type: 'application/json' });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MatrixView', () => {
  it('edits a row in place with labelled controls', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    const row = store.addIntervention(interventionById('hang-sluitwerk')!)!;
    render(MatrixView, { store, labels: DEFAULT_CATEGORY_LABELS });

    await fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'obstakel' } });
    expect(store.active!.matrix[0].status).toBe('obstakel');
    const obstacle = screen.getByLabelText('Beer op de weg: wat houdt het tegen?');
    await fireEvent.input(obstacle, { target: { value: 'Geen budget tot 2027' } });
    expect(store.active!.matrix[0].obstacle).toBe('Geen budget tot 2027');
    expect(screen.getByRole('heading', { level: 4, name: /Obstakel/ })).toBeTruthy();

    await fireEvent.change(screen.getByLabelText('Bestaand of nieuw'), { target: { value: 'bestaand' } });
    expect(store.active!.matrix[0].origin).toBe('bestaand');

    await fireEvent.click(screen.getByRole('button', { name: '+ Actie toevoegen' }));
    await fireEvent.input(screen.getByLabelText('Actie 1'), { target: { value: 'Complexen inventariseren' } });
    expect(store.active!.matrix[0].actions[0]).toMatchObject({ stakeholder: 'woningcorporatie', text: 'Complexen inventariseren' });

    await fireEvent.click(screen.getByRole('button', { name: /Op tijdslijn zetten/ }));
    expect(store.active!.timeline[0].rowId).toBe(row.id);
    expect(screen.getByText(/Op de tijdslijn:/)).toBeTruthy();
  });

  it('an emptied intervention name is shown as "Naamloze interventie"; text fields have the stored limits', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    store.addIntervention(interventionById('hang-sluitwerk')!);
    render(MatrixView, { store, labels: DEFAULT_CATEGORY_LABELS });
    await fireEvent.input(screen.getByLabelText('Naam interventie'), { target: { value: '' } });
    expect(store.active!.matrix[0].name).toBe('');
    expect(screen.getByRole('heading', { level: 4, name: /Naamloze interventie/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verwijderen: Naamloze interventie' })).toBeTruthy();
    expect((screen.getByLabelText('Notities (geen persoonsgegevens)') as HTMLTextAreaElement).maxLength).toBe(20_000);
  });

  it('shows what each stakeholder does', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    store.addIntervention(interventionById('hang-sluitwerk')!);
    store.addIntervention(interventionById('buurtbemiddeling')!);
    render(MatrixView, { store, labels: DEFAULT_CATEGORY_LABELS });
    await fireEvent.click(screen.getByLabelText('Per partij'));
    // getByLabelText is very slow here in jsdom (hundreds of checkbox labels); the id is stable.
    const filter = document.getElementById('matrix-stakeholder') as HTMLSelectElement;
    expect(filter.labels?.[0]?.textContent).toBe('Partij');
    await fireEvent.change(filter, { target: { value: 'woningcorporatie' } });
    // Role queries are slow on a DOM this size in jsdom; text queries say the same here.
    const section = screen.getByText('Wat doet Woningcorporatie?', { exact: false }).closest('section')!;
    expect(within(section).getByText('trekker', { selector: 'strong' })).toBeTruthy();
    expect(within(section).getByText('partner', { selector: 'strong' })).toBeTruthy();
    expect(within(section).getByText(/Inbraakwerend hang- en sluitwerk in bestaande woningen:/)).toBeTruthy();
    expect(within(section).getByText(/Buurtbemiddeling:/)).toBeTruthy();
    await fireEvent.click(screen.getByLabelText('Per categorie'));
    expect(screen.getByText('S3 Overlast', { selector: 'h4', exact: false })).toBeTruthy();
  });

  it('renders a hostile note and name as text', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    const row = store.addCustomRow(HOSTILE)!;
    store.updateRow(row.id, { notes: `<script>alert(1)</script>${HOSTILE}` });
    const { container } = render(MatrixView, { store, labels: DEFAULT_CATEGORY_LABELS });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByRole('heading', { level: 4, name: new RegExp(HOSTILE.replace(/[()]/g, '\\$&')) })).toBeTruthy();
    expect((screen.getByLabelText('Notities (geen persoonsgegevens)') as HTMLTextAreaElement).value).toBe(`<script>alert(1)</script>${HOSTILE}`);
  });
});

describe('ImportPanel', () => {
  it('lists what is wrong and where, and changes nothing', async () => {
    const store = await freshStore();
    store.create('Bestaand werk', focus);
    const before = JSON.stringify($state.snapshot(store.workspaces));
    render(ImportPanel, { store });
    const o = JSON.parse(serializeWorkspace(sampleWorkspace()));
    o.matrix[0].status = 'bezig';
    delete o.matrix[1].lead;
    await fireEvent.change(screen.getByLabelText('Werkruimtebestand kiezen (.json)'), { target: { files: [fileOf(JSON.stringify(o))] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('kan niet worden geïmporteerd');
    expect(alert.textContent).toContain('Er is niets veranderd');
    expect(within(alert).getByText('matrix[0].status: onbekende status "bezig" (toegestaan: lopend, kansrijk, gepland, afgerond, obstakel)')).toBeTruthy();
    expect(within(alert).getByText('matrix[1].lead: ontbreekt (verwacht een lijst)')).toBeTruthy();
    expect(JSON.stringify($state.snapshot(store.workspaces))).toBe(before);
  });

  it('explains a wrong version', async () => {
    const store = await freshStore();
    render(ImportPanel, { store });
    const o = JSON.parse(serializeWorkspace(sampleWorkspace()));
    o.version = FILE_VERSION + 1;
    await fireEvent.change(screen.getByLabelText('Werkruimtebestand kiezen (.json)'), { target: { files: [fileOf(JSON.stringify(o))] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(new RegExp(`version: versie ${FILE_VERSION + 1} is nieuwer dan deze app kan lezen`));
    expect(store.workspaces).toHaveLength(0);
  });

  it('imports only after an explicit choice, and replaces only after confirmation', async () => {
    const store = await freshStore();
    const sample = sampleWorkspace();
    sample.matrix[0].notes = HOSTILE;
    const text = serializeWorkspace(sample);
    const { container } = render(ImportPanel, { store });
    const input = screen.getByLabelText('Werkruimtebestand kiezen (.json)');
    await fireEvent.change(input, { target: { files: [fileOf(text)] } });
    await screen.findByRole('button', { name: 'Importeren als nieuwe werkruimte' });
    expect(store.workspaces).toHaveLength(0); // nothing yet
    await fireEvent.click(screen.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }));
    expect(store.workspaces).toHaveLength(1);
    expect(store.active!.matrix[0].notes).toBe(HOSTILE);
    expect(container.querySelector('img')).toBeNull();

    // Same file again: a replace button appears, which first asks to confirm.
    store.edit((w) => void (w.name = 'Lokaal gewijzigd'));
    await fireEvent.change(input, { target: { files: [fileOf(text)] } });
    await fireEvent.click(await screen.findByRole('button', { name: /Vervang de bestaande ‘Lokaal gewijzigd’/ }));
    expect(store.active!.name).toBe('Lokaal gewijzigd');
    await fireEvent.click(screen.getByRole('button', { name: /Ja, vervang/ }));
    expect(store.workspaces).toHaveLength(1);
    expect(store.active!.name).toBe('Centrum-Oost');
  });
});

describe('TimelineView', () => {
  it('moves a bar with the arrow keys and changes the end with shift', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    const row = store.addIntervention(interventionById('openbare-verlichting')!)!;
    store.planRow(row.id, '2026-03');
    render(TimelineView, { store });
    const bar = screen.getByRole('button', { name: /Openbare verlichting verbeteren: mrt 2026 tot en met aug 2026/ });
    bar.focus();
    await fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(store.active!.timeline[0]).toMatchObject({ start: '2026-04', end: '2026-09' });
    await fireEvent.keyDown(bar, { key: 'ArrowLeft', shiftKey: true });
    expect(store.active!.timeline[0]).toMatchObject({ start: '2026-04', end: '2026-08' });
    expect(screen.getByRole('status').textContent).toContain('apr 2026 tot en met aug 2026');
    // The end never moves before the start.
    for (let i = 0; i < 10; i++) await fireEvent.keyDown(bar, { key: 'ArrowLeft', shiftKey: true });
    expect(store.active!.timeline[0]).toMatchObject({ start: '2026-04', end: '2026-04' });

    await fireEvent.change(screen.getByLabelText('Einde (maand)'), { target: { value: '2026-12' } });
    expect(store.active!.timeline[0].end).toBe('2026-12');
  });

  it('an end before the start is refused with a message and the field shows the end again; a start past the end keeps the length', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    const row = store.addIntervention(interventionById('openbare-verlichting')!)!;
    store.planRow(row.id, '2026-03');
    render(TimelineView, { store });
    const end = screen.getByLabelText('Einde (maand)') as HTMLInputElement;
    await fireEvent.change(end, { target: { value: '2026-01' } });
    expect(store.active!.timeline[0]).toMatchObject({ start: '2026-03', end: '2026-08' });
    expect(screen.getByRole('alert').textContent).toBe('Het einde (jan 2026) ligt vóór de start (mrt 2026). Kies als einde mrt 2026 of later.');
    expect(end.value).toBe('2026-08');

    await fireEvent.change(screen.getByLabelText('Start (maand)'), { target: { value: '2026-10' } });
    expect(store.active!.timeline[0]).toMatchObject({ start: '2026-10', end: '2027-03' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an emptied name is kept empty while typing and shown as "Naamloos tijdslijnitem"; the field has the stored limit', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    const row = store.addIntervention(interventionById('openbare-verlichting')!)!;
    store.planRow(row.id, '2026-03');
    render(TimelineView, { store });
    const label = screen.getByLabelText('Naam op de tijdslijn') as HTMLInputElement;
    expect(label.maxLength).toBe(300);
    await fireEvent.input(label, { target: { value: '' } });
    expect(store.active!.timeline[0].label).toBe('');
    expect(screen.getByRole('button', { name: /^Naamloos tijdslijnitem: mrt 2026/ })).toBeTruthy();
  });
});

describe('ReportTimelineChart', () => {
  it('spans the milestones too and prints the dependencies and the warning under the chart', () => {
    const schouw = { id: 't1', rowId: null, label: 'Schouw', start: '2026-03', end: '2026-08', order: 0, dependsOn: [],
      milestones: [{ id: 'm1', label: 'Kick-off', month: '2026-01' }, { id: 'm2', label: 'Evaluatie', month: '2027-06' }] };
    const verlichting = { id: 't2', rowId: null, label: 'Verlichting', start: '2026-05', end: '2026-10', order: 1, dependsOn: ['t1'], milestones: [] };
    const { container } = render(ReportTimelineChart, { props: { items: [schouw, verlichting], events: [], idPrefix: 'r' } });
    expect(container.querySelector('title')!.textContent).toBe('Tijdslijn van jan 2026 tot en met jun 2027');
    // Every milestone lies right of the label column, within the drawn months.
    const svg = container.querySelector('svg')!;
    const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const labelEnd = Number(container.querySelector('line.grid')!.getAttribute('x1'));
    for (const m of container.querySelectorAll('path.milestone')) {
      const x = Number(/^M([\d.]+)/.exec(m.getAttribute('d')!)![1]);
      expect(x).toBeGreaterThan(labelEnd);
      expect(x).toBeLessThan(width);
    }
    const printed = container.querySelector('.chart-deps')!.textContent!.replace(/\s+/g, ' ');
    expect(printed).toContain('Verlichting: na Schouw');
    expect(printed).toContain('let op: begint vóór ‘Schouw’ klaar is');
  });
});

describe('StorageNotice', () => {
  it('after a repair on load, says what changed in plain Dutch and exports the record as it was stored', async () => {
    const { db } = await storedWithOverlongNote('hang-sluitwerk', focus);
    const written: Blob[] = [];
    vi.stubGlobal('showSaveFilePicker', async () => ({ createWritable: async () => ({ write: async (b: Blob) => void written.push(b), close: async () => {} }) }));

    render(StorageNotice, { store: await storeOn(db) });
    expect(screen.getByText('Bij het laden is hersteld wat een oudere versie had opgeslagen:')).toBeTruthy();
    expect(screen.getByText(/Interventiematrix › ‘Inbraakwerend hang- en sluitwerk in bestaande woningen’ › notities: ingekort van 25\.000 tot 20\.000 tekens/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Exporteren als JSON: Centrum' }));
    await vi.waitFor(() => expect(written).toHaveLength(1));
    expect(JSON.parse(await written[0].text()).workspace.matrix[0].notes).toBe('x'.repeat(25_000));
  });
});

/** Burglary in the top 10 %: the suggestions the panel offers for it. */
const suggestionInput = {
  categories: [{ id: 'S4', label: 'Criminaliteit', percentile: 95, status: 'score' as const }],
  flaggedFactors: [{ id: 'S4.1', label: 'Woninginbraak', categoryId: 'S4' }],
};

describe('WorkspacePanel', () => {
  it('creates a workspace for the area and adds a suggestion with one click', async () => {
    const store = await freshStore();
    render(WorkspacePanel, { area, suggestionInput, categoryLabels: {}, store });
    await tick();
    await fireEvent.click(screen.getByRole('button', { name: 'Werkruimte voor Centrum aanmaken' }));
    const first = screen.getAllByRole('button', { name: /^Toevoegen aan matrix/ })[0];
    await fireEvent.click(first);
    expect(store.active!.matrix).toHaveLength(1);
    expect(screen.getAllByText(/Criminaliteit hoort bij de 10 % hoogste in het referentiekader; woninginbraak valt op/).length).toBeGreaterThan(0);

    const tabs = screen.getAllByRole('tab');
    tabs[0].focus();
    await fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: /Interventiematrix/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Interventiematrix/ }));
    expect(screen.getByLabelText('Status')).toBeTruthy();
  });
});

describe('SuggestionList', () => {
  it('without a workspace, adding a suggestion says to make a workspace first instead of claiming it was added', async () => {
    const store = await freshStore();
    render(WorkspacePanel, { area, suggestionInput, categoryLabels: {}, store });
    await tick();
    await fireEvent.click(screen.getAllByRole('button', { name: /^Toevoegen aan matrix/ })[0]);
    expect(store.active).toBeNull();
    const status = screen.getAllByRole('status').map((s) => s.textContent).join(' ');
    expect(status).not.toMatch(/is toegevoegd/);
    expect(status).toMatch(/is niet toegevoegd: er is nog geen werkruimte\. Maak eerst een werkruimte aan/);
  });
});

describe('ConflictBanner', () => {
  it('offers a choice when another tab saved first', async () => {
    const dbName = freshDb();
    const a = await storeOn(dbName);
    const ws = a.create('Centrum', focus);
    await a.flush();
    const b = await storeOn(dbName);
    b.edit((w) => void (w.name = 'Uit tab B'), ws.id);
    a.edit((w) => void (w.name = 'Uit tab A'), ws.id);
    await b.flush();
    await a.flush();
    render(ConflictBanner, { store: a });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('in een ander tabblad of venster gewijzigd');
    // Both values side by side, per field; applying needs a choice for every field.
    const field = within(alert).getByRole('group', { name: 'naam' });
    expect(within(field).getByRole('radio', { name: /Mijn versie\s*Uit tab A/ })).toBeTruthy();
    const theirs = within(field).getByRole('radio', { name: /Versie uit ander tabblad\s*Uit tab B/ });
    const apply = within(alert).getByRole('button', { name: 'Keuzes toepassen' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    await fireEvent.click(theirs);
    await tick();
    expect(apply.disabled).toBe(false);
    await fireEvent.click(apply);
    await a.flush();
    await tick();
    expect(a.byId(ws.id)?.name).toBe('Uit tab B');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('LocalKnowledgeBadge and BestuurReport', () => {
  it('marks local input beside a category', async () => {
    const store = await freshStore();
    store.create('Centrum', focus);
    store.setLocalKnowledge('WK001401', 'S3', { recognises: 'deels', examples: HOSTILE });
    const { container } = render(LocalKnowledgeBadge, { areaCode: 'BU00140103', categoryId: 'S3', store });
    expect(container.textContent).toMatch(/lokale inbreng \(WK001401\):\s*herkent het beeld:\s*deels/);
    expect(container.querySelector('img')).toBeNull();
  });

  it('prints matrix and timeline of the area, text only', async () => {
    const store = await freshStore();
    const ws = sampleWorkspace();
    store.importWorkspace(ws, { kind: 'new' });
    const { container } = render(BestuurReport, {
      area,
      summary: `Criminaliteit valt op.\n\n${HOSTILE}`,
      categories: [{ label: 'Criminaliteit', percentile: 93.4, assessment: 'hoog (kwetsbaar)' }],
      store,
    });
    expect(screen.getByRole('heading', { level: 2, name: 'Centrum' })).toBeTruthy();
    expect(screen.getByText('93')).toBeTruthy();
    expect(screen.getAllByText(/Inbraakwerend hang- en sluitwerk/).length).toBeGreaterThan(0);
    // Once in the matrix, and in the voortgang section under each partij of the row (it is stuck on it now).
    expect(screen.getAllByText(/Beer op de weg:/)).toHaveLength(1 + ws.matrix[0].lead.length + ws.matrix[0].partners.length);
    expect(screen.getByRole('heading', { level: 4, name: /^Voortgang per / })).toBeTruthy();
    expect(screen.getByText(HOSTILE)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('states changed weights on the title page and in the method, and the standard weights otherwise', async () => {
    const store = await freshStore();
    const changed = [{ id: 'S4', label: 'S4 Criminaliteit', weight: 2, standard: 1 }];
    const { unmount } = render(BestuurReport, { area, summary: '', categories: [], weights: changed, store });
    expect(screen.getByText('1 gewicht aangepast (zie ‘Methode en kanttekeningen’)')).toBeTruthy();
    expect(screen.getByText(/Aangepaste gewichten \(‘Wat als\?’\): S4 Criminaliteit 2 in plaats van 1\./)).toBeTruthy();
    unmount();
    render(BestuurReport, { area, summary: '', categories: [], store });
    expect(screen.getByText('standaard')).toBeTruthy();
    expect(screen.getByText('Gewichten: de standaardgewichten van het model.')).toBeTruthy();
  });

  it('a gemeente report gathers every workspace inside the gemeente, and none from another gemeente', async () => {
    const store = await freshStore();
    store.create('Plan Binnenstad', { kind: 'buurten', gemeenteCode: 'GM0014', areas: [{ code: 'BU00140001', name: 'Binnenstad-Zuid' }] });
    store.addCustomRow('Schouw winkelcentrum');
    store.create('Plan Oost', { kind: 'wijk', gemeenteCode: 'GM0014', areas: [{ code: 'WK001402', name: 'Oost' }] });
    store.addCustomRow('Buurtpreventie-app');
    store.create('Plan Elders', { kind: 'wijk', gemeenteCode: 'GM0363', areas: [{ code: 'WK036301', name: 'Elders' }] });
    store.addCustomRow('Niet van Groningen');
    render(BestuurReport, { area: { code: 'GM0014', name: 'Groningen', level: 'gemeente', gemeenteCode: 'GM0014' }, summary: '', categories: [], frameName: 'alle gemeenten in Nederland 2024', store });
    // Each row shows in the matrix and again in its workspace's voortgang section.
    expect(screen.getAllByText('Schouw winkelcentrum').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Buurtpreventie-app').length).toBeGreaterThan(0);
    expect(screen.queryByText('Niet van Groningen')).toBeNull();
    expect(screen.getAllByRole('heading', { level: 3, name: /^Aanpak: Werkruimte/ }).length).toBe(2);
  });

  it('a gemeente without workspaces says so; with nothing selected it says what to select', async () => {
    const store = await freshStore();
    store.create('Plan Elders', { kind: 'wijk', gemeenteCode: 'GM0363', areas: [{ code: 'WK036301', name: 'Elders' }] });
    render(BestuurReport, { area: { code: 'GM0014', name: 'Groningen', level: 'gemeente', gemeenteCode: 'GM0014' }, summary: '', categories: [{ label: 'S4 Criminaliteit', percentile: 70, assessment: 'gemiddeld' }], frameName: 'alle gemeenten in Nederland 2024', store });
    expect(screen.getByText(/Er is nog geen werkruimte voor Groningen of voor een gebied daarin/)).toBeTruthy();
    expect(screen.getAllByText('alle gemeenten in Nederland 2024').length).toBeGreaterThan(0);
    cleanup();
    render(BestuurReport, { area: null, summary: '', categories: [], store });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/nog geen gebied gekozen/);
    expect(screen.getByText(/Kies eerst een buurt, wijk of gemeente/)).toBeTruthy();
    expect(screen.queryByText('Kwetsbaarheidsprofiel')).toBeNull();
  });

  it('names the publishers and the licence of the figures it prints', async () => {
    const store = await freshStore();
    render(BestuurReport, {
      area, summary: '', categories: [{ label: 'Criminaliteit', percentile: 50, assessment: 'gemiddeld' }], store,
      sources: [
        { publisher: 'Politie, CBS', title: 'Geregistreerde misdrijven', table: '47022NED', licence: 'CC BY 4.0' },
        { publisher: 'RIVM, CBS, GGD', title: 'Gezondheid per wijk en buurt', licence: 'CC BY 4.0' },
      ],
    });
    expect(screen.getByRole('heading', { level: 3, name: 'Bronnen' })).toBeTruthy();
    expect(screen.getByText(/Bron: CBS, Politie, RIVM\/GGD · licentie CC BY 4\.0/)).toBeTruthy();
    expect(screen.getByText(/Politie, CBS: Geregistreerde misdrijven \(47022NED\), licentie CC BY 4\.0/)).toBeTruthy();
  });
});
