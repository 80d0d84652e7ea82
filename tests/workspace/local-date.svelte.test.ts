// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import JudgementControl from '../../src/ui/beleving/JudgementControl.svelte';
import { localDate } from '../../src/workspace/model.ts';
import { storeHarness } from './store-harness.ts';
import { JUST_AFTER_MIDNIGHT_1_MARCH, inDutchTime } from './fixtures.ts';

const { freshStore } = storeHarness('d');

describe('dates the kernteam sees are the day on its own clock', () => {
  inDutchTime();
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('at 00:30 on 1 March a judgement is dated 1 March and the export is named after 1 March', async () => {
    const store = await freshStore();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(JUST_AFTER_MIDNIGHT_1_MARCH) });
    const area = { code: 'WK001401', name: 'Centrum', level: 'wijk' as const, gemeenteCode: 'GM0014' };
    render(JudgementControl, { area, categoryId: 'S4', categoryLabel: 'S4 Criminaliteit', dataText: 'P97 · hoog', store });
    await fireEvent.click(screen.getByRole('button', { name: 'Oordeel kernteam over S4 Criminaliteit vastleggen' }));
    expect((screen.getByLabelText('Datum') as HTMLInputElement).value).toBe('2026-03-01');

    store.create('Centrum', { kind: 'wijk', gemeenteCode: 'GM0014', areas: [{ code: 'WK001401', name: 'Centrum' }] });
    expect(store.exportActive()!.fileName).toBe('werkruimte-centrum-2026-03-01.json');
  });

  it('localDate gives the calendar day in local time', () => {
    expect(localDate(new Date(JUST_AFTER_MIDNIGHT_1_MARCH))).toBe('2026-03-01');
    expect(localDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
