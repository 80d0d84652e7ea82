// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import DialCard from '../../src/ui/DialCard.svelte';
import GapChart from '../../src/ui/beleving/GapChart.svelte';
import GapLegend from '../../src/ui/beleving/GapLegend.svelte';
import JudgementControl from '../../src/ui/beleving/JudgementControl.svelte';
import { ScoreStatus, type DialExplanation, type ScoreResult } from '../../src/model/scoring-types.ts';
import { BelevingTier, type DialSurvey } from '../../src/model/beleving-types.ts';
import type { AppState } from '../../src/state/app-state.svelte.ts';
import { quadrantOf, type GapData } from '../../src/beleving/gap.ts';
import { WorkspaceStore } from '../../src/workspace/workspace-store.svelte.ts';

afterEach(() => cleanup());

const dial = (survey?: DialSurvey): DialExplanation => ({
  id: 'beleving', label: 'Veiligheidsbeleving', kind: 'dial', score: 0.4, percentile: 71, status: ScoreStatus.score,
  statusLabel: 'score', coverage: 1, classLabel: 'gemiddeld', classText: 'gemiddeld',
  basisLabel: survey ? (survey.tier === 'gemeten' ? 'gemeten (enquête)' : 'geschat op basis van proxies') : 'indicatie, geen meting',
  components: [], ...(survey ? { survey } : {}),
});

describe('DialCard: the beleving dial', () => {
  it('tier A: shows the measured share with its margin and source, the index only as context', () => {
    render(DialCard, {
      dial: dial({
        tier: 'gemeten', measure: '% voelt zich weleens onveilig in eigen buurt', percent: 24.5, lower: 20.3, upper: 28.7, intervalLevel: 0.95,
        source: 'enquête-import: stadspeiling.csv, 2026-11-26', year: 2024, anchor: null, method: null, caveat: null,
      }),
    });
    expect(screen.getByText('gemeten (enquête)')).toBeTruthy();
    expect(document.querySelector('#dial-beleving-survey')!.textContent).toMatch(/24,5 %\s*\(gemeten\)/);
    expect(screen.getByText('95 %-interval: 20,3 % – 28,7 %')).toBeTruthy();
    expect(screen.getByText(/Bron: enquête-import: stadspeiling.csv, 2026-11-26, 2024/)).toBeTruthy();
    expect(screen.getByText(/Relatieve proxy-index: P71 \(indicatie, geen meting\)/)).toBeTruthy();
    expect(screen.queryByText(/Verankerd/)).toBeNull();
  });

  it('tier B: names the anchor and how β was obtained', () => {
    render(DialCard, {
      dial: dial({
        tier: 'geschat', measure: '% onveilig', percent: 21.6, lower: 14.2, upper: 31.6, intervalLevel: 0.95, source: 'enquête-import: vm.csv, 2026-11-26',
        year: 2023, anchor: { code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9 }, method: 'standaard-β 0,40 (te weinig gemeenten met een enquêtecijfer om β te schatten)', caveat: 'bezoekersgebied',
      }),
    });
    expect(screen.getByText('geschat op basis van proxies')).toBeTruthy();
    expect(screen.getByText(/Verankerd op Groningen \(GM0014\): 18,4 % ± 1,9; standaard-β 0,40/)).toBeTruthy();
    expect(screen.getByText('Let op: bezoekersgebied.')).toBeTruthy();
  });

  it('without a survey: the index, never a percentage, and a way to the Tafel van 12', async () => {
    const onTafel = vi.fn();
    render(DialCard, { dial: dial(), onTafel });
    expect(screen.getByText('indicatie, geen meting')).toBeTruthy();
    expect(screen.getByText('P71 · gemiddeld')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d %/);
    await fireEvent.click(screen.getByRole('button', { name: /Tafel van 12/ }));
    expect(onTafel).toHaveBeenCalledOnce();
  });
});

describe('GapChart', () => {
  it('draws one path per quadrant, circles the selection and lists areas as a text alternative', async () => {
    const objective = Float32Array.from([10, 20, 80, 90, NaN]);
    const beleving = Float32Array.from([15, 95, 5, 70, 50]);
    const quadrant = Int8Array.from([...objective].map((o, i) => quadrantOf(o, beleving[i])));
    const data: GapData = {
      objective, beleving, quadrant, counts: [1, 1, 1, 1], shown: 4, split: 50, belevingSource: 'index',
      surveyAreas: 0, missing: { objectief: 1, beleving: 0 }, belevingNote: null,
      objectiveAxis: 'Objectieve veiligheid (geregistreerd (politie)), percentiel', belevingAxis: 'Veiligheidsbeleving (indicatie, geen meting), percentiel',
      objectiveBasis: 'geregistreerd (politie)', belevingBasis: 'indicatie, geen meting',
    };
    const onSelect = vi.fn();
    render(GapChart, { data, names: ['A', 'B', 'C', 'D', 'E'], selected: 3, onSelect });
    expect(document.querySelectorAll('svg path')).toHaveLength(8);
    expect(document.querySelectorAll('svg circle')).toHaveLength(2);
    expect(document.querySelector('#gap-svg-desc')!.textContent).toMatch(/4 gebieden met beide wijzers\. veilig en voelt veilig: 1/);
    expect(document.body.textContent).toContain('Beleving: indicatie, geen meting, percentiel');
    const rows = [...document.querySelectorAll('#gap-areas tbody tr')].map((r) => r.textContent);
    // The selection first (it is in neither discordant quadrant), then the largest gaps.
    expect(rows[0]).toContain('D');
    expect(rows.slice(1).map((r) => r![0])).toEqual(['B', 'C']);
    await fireEvent.click(screen.getByRole('button', { name: 'B' }));
    expect(onSelect).toHaveBeenCalledWith(1);
  });
});

describe('GapLegend', () => {
  it('with one surveyed gemeente, says the quadrants use the index, states the median rule and names what grey areas lack', () => {
    const S = ScoreStatus.score;
    const result: ScoreResult = {
      level: 'gemeente', frame: 'dataset', areaCount: 3,
      targets: [{ id: 'objectief', label: 'Objectieve veiligheid', kind: 'dial' }, { id: 'beleving', label: 'Veiligheidsbeleving', kind: 'dial' }],
      z: new Float32Array(6), coverage: new Float32Array(6).fill(1), areaFlags: new Uint8Array(3), notes: [],
      percentile: Float32Array.from([20, 70, NaN, 10, 80, 40]),
      status: Uint8Array.from([S, S, ScoreStatus.witteVlek, S, S, S]),
      beleving: {
        percent: Float32Array.from([3, NaN, NaN]), lower: new Float32Array(3), upper: new Float32Array(3),
        tier: Uint8Array.from([BelevingTier.gemeten, BelevingTier.none, BelevingTier.none]), measure: '% onveilig',
      },
    };
    const app = {
      activeLevel: 'gemeente', frame: 'dataset', year: null, survey: null, selection: null, scores: { gemeente: result },
      model: { dials: [{ id: 'objectief', basisLabel: 'door de politie geregistreerd' }, { id: 'beleving', basisLabel: 'indicatie, geen meting' }] },
      table: () => ({ names: ['Groningen', 'Haren', 'Ten Boer'] }), select: vi.fn(),
    } as unknown as AppState;
    render(GapLegend, { app });
    const legend = document.querySelector('.legend')!.textContent!.replace(/\s+/g, ' ');
    expect(legend).toContain('Gesplitst op P50 (de mediaan); een gebied precies op de mediaan telt bij de (voelt) onveilige helft.');
    expect(legend).toContain('Enquêtecijfer voor 1 gebied: te weinig om onderling te rangschikken (minimaal 5).');
    expect(legend).toContain('veilig en voelt veilig: 1');
    expect(legend).toContain('onveilig en voelt onveilig: 1');
    expect(legend).toContain('geen kwadrant: geen objectieve score (1)');
    expect(legend).not.toContain('niet beide wijzers');
    expect(document.querySelector('#legend-title')!.textContent).toBe('Legenda: Kloof: objectief vs beleving');
    // A year on the map: the legend names it, as the other legends do.
    cleanup();
    render(GapLegend, { app: { ...app, year: 2022 } as AppState });
    expect(document.querySelector('#legend-title')!.textContent).toBe('Legenda: Kloof: objectief vs beleving, 2022');
    expect(document.querySelector('.legend .frame')!.textContent).toContain('met de cijfers van 2022');
  });
});

describe('JudgementControl', () => {
  it('records a judgement beside the data, creating a workspace for the area when there is none', async () => {
    const store = new WorkspaceStore({ dbName: `oordeel-ui-${Math.random()}`, autosaveMs: 5 });
    await store.init();
    const area = { code: 'BU00140001', name: 'Binnenstad-Zuid', level: 'buurt' as const, gemeenteCode: 'GM0014' };
    render(JudgementControl, { area, categoryId: 'S4', categoryLabel: 'S4 Criminaliteit', dataText: 'P97 · hoog', store });
    await fireEvent.click(screen.getByRole('button', { name: 'Oordeel kernteam over S4 Criminaliteit vastleggen' }));
    expect(screen.getByText('Data: P97 · hoog. Het oordeel staat naast de score en verandert die niet.')).toBeTruthy();
    // A reason is required (the browser's own check aside, the component says so too).
    await fireEvent.submit(document.querySelector('form')!);
    expect(screen.getByRole('alert').textContent).toMatch(/Geef een reden/);
    await fireEvent.click(screen.getByLabelText('−1: minder kwetsbaar dan de data laten zien'));
    await fireEvent.input(screen.getByLabelText('Reden'), { target: { value: 'Veel aangiften van bezoekers' } });
    await fireEvent.input(screen.getByLabelText('Rol (geen naam)'), { target: { value: 'wijkagent' } });
    await fireEvent.click(screen.getByRole('button', { name: /Opslaan \(−1\)/ }));
    await tick();
    expect(store.workspaces).toHaveLength(1);
    expect(store.workspaces[0].focus.areas).toEqual([{ code: 'BU00140001', name: 'Binnenstad-Zuid' }]);
    expect(store.findJudgement('BU00140001', 'S4')?.judgement).toMatchObject({ value: -1, reason: 'Veel aangiften van bezoekers', authorRole: 'wijkagent' });
    expect(document.querySelector('#oordeel-S4-tekst')!.textContent).toMatch(/Kernteam-oordeel \(geen data\)\s*−1: minder kwetsbaar/);
    store.dispose();
  });
});
