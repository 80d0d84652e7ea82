// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { storeHarness } from './store-harness.ts';
import ResidentAnswersView from '../../src/ui/workspace/ResidentAnswersView.svelte';

const area = { code: 'BU00140002', name: 'Binnenstad-Oost', level: 'buurt' as const, gemeenteCode: 'GM0014' };
const { freshStore } = storeHarness('bewoners');
afterEach(() => cleanup());

async function choose(name: string, text: string) {
  const input = screen.getByLabelText(/Antwoorden inlezen/) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true });
  await fireEvent.change(input);
}

describe('Wat bewoners zeggen', () => {
  it('stores a good file in a new workspace for the area, shows counts and texts, and refuses a file twice or a broken one without change', async () => {
    const store = await freshStore();
    render(ResidentAnswersView, { area, store });
    expect(screen.getByText(/Nog geen antwoorden van bewoners voor Binnenstad-Oost/)).toBeTruthy();

    await choose('papier.csv', 'gebied;vraag;antwoord;toelichting\nBU00140002;S4;Ja;Bij de brug <b>vaak</b>\nBU00140002;S4;nee;\n');
    expect(await screen.findByText('2 antwoorden uit papier.csv toegevoegd.')).toBeTruthy();
    expect(store.workspacesFor(area.code)).toHaveLength(1);
    const batches = store.active!.residentAnswers;
    expect(batches).toHaveLength(1);
    const cell = (answer: string) => document.querySelector(`.question[data-question="S4"] td[data-answer="${answer}"]`)?.textContent;
    expect([cell('ja'), cell('nee'), cell('een beetje')]).toEqual(['1', '1', '0']);
    // User text as text, never as markup.
    expect(screen.getByText('Bij de brug <b>vaak</b>')).toBeTruthy();

    await choose('papier.csv', 'gebied;vraag;antwoord;toelichting\nBU00140002;S4;Ja;Bij de brug <b>vaak</b>\nBU00140002;S4;nee;\n');
    expect((await screen.findByRole('alert')).textContent).toMatch(/papier\.csv: deze antwoorden zijn al eerder ingelezen/);
    await choose('kapot.csv', 'gebied;vraag;antwoord\nBU00140002;S4;ja\nBU00140002;S3;misschien\n');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Niet ingelezen; er is niets veranderd: kapot\.csv, rij 3, kolom antwoord: onbekend antwoord "misschien"/);
    expect(store.active!.residentAnswers).toEqual(batches);
    expect([cell('ja'), cell('nee')]).toEqual(['1', '1']);
  });
});
