// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import SearchBox from '../../src/ui/SearchBox.svelte';
import { buildSearchIndex, type SearchEntry, type SearchIndex } from '../../src/data/search-index.ts';
import type { AppState } from '../../src/state/app-state.svelte.ts';

afterEach(() => cleanup());

// Gemeente Hengelo (Overijssel) and the village Hengelo in Bronckhorst (Gelderland).
const entries: SearchEntry[] = [
  { level: 'gemeente', index: 0, code: 'GM0164', name: 'Hengelo', gemeenteName: 'Hengelo', gemeenteInwoners: 80_000 },
  { level: 'gemeente', index: 1, code: 'GM1876', name: 'Bronckhorst', gemeenteName: 'Bronckhorst', gemeenteInwoners: 37_000 },
  { level: 'buurt', index: 0, code: 'BU18760101', name: 'Hengelo', gemeenteName: 'Bronckhorst', gemeenteInwoners: 37_000 },
];

function setup(searchIndex: SearchIndex | null = buildSearchIndex(entries, 2024)) {
  const select = vi.fn();
  const app = { searchIndex, select } as unknown as AppState;
  render(SearchBox, { app });
  const input = screen.getByRole('combobox') as HTMLInputElement;
  const type = (text: string) => fireEvent.input(input, { target: { value: text } });
  const key = (name: string) => fireEvent.keyDown(input, { key: name });
  return { select, input, type, key };
}

describe('SearchBox', () => {
  it('announces the number of results and "nothing found" in one live region that is there from the start', async () => {
    const { type } = setup();
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await type('hengelo');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('2 resultaten');
    await type('GM0164');
    expect(status.textContent).toBe('1 resultaat');
    await type('xyzzyq');
    expect(status.textContent).toBe('Geen gebied gevonden met “xyzzyq”.');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('announces that the names are still loading', async () => {
    const { type } = setup(null);
    const status = screen.getByRole('status');
    await type('hengelo');
    expect(status.textContent).toBe('Gebiedsnamen worden geladen…');
  });

  it('Enter picks only from an open list: not again after a choice, not after Escape', async () => {
    const { select, input, type, key } = setup();
    await type('hengelo');
    await key('ArrowDown');
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('search-option-1');
    await key('Enter');
    expect(select.mock.calls).toEqual([['buurt', 0]]);
    expect(input.value).toBe('Hengelo');
    expect(screen.queryByRole('listbox')).toBeNull();
    await key('Enter'); // the text "Hengelo" would otherwise pick gemeente Hengelo
    expect(select.mock.calls).toEqual([['buurt', 0]]);

    await type('bronckhorst');
    await key('Escape');
    await key('Enter');
    expect(select.mock.calls).toEqual([['buurt', 0]]);
  });

  it('ArrowUp on a closed list points at no option', async () => {
    const { input, type, key } = setup();
    await type('hengelo');
    await key('Escape');
    await key('ArrowUp');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('search-option-0');
    expect(document.getElementById('search-option-0')).not.toBeNull();
  });

  it('the "Ga naar" button of an unknown code works with the keyboard and stays while it has focus', async () => {
    const { select, input, type } = setup();
    input.focus();
    await type('BU01640099');
    expect(screen.getByRole('status').textContent).toMatch(/BU01640099 staat niet in de indeling van deze kaart \(2024\).*Hengelo/);
    const button = screen.getByRole('button', { name: 'Ga naar Hengelo' });
    button.focus(); // Tab from the field
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(button.isConnected).toBe(true);
    await fireEvent.click(button); // what Enter and Space on a button do
    expect(select.mock.calls).toEqual([['gemeente', 0]]);
    expect(document.activeElement).toBe(input);
  });

  it('closes when focus leaves the search', async () => {
    const { input, type } = setup();
    const outside = document.body.appendChild(document.createElement('button'));
    input.focus();
    await type('hengelo');
    expect(screen.getByRole('listbox')).toBeTruthy();
    outside.focus();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(screen.queryByRole('listbox')).toBeNull();
    outside.remove();
  });
});
