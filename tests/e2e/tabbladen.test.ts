/**
 * Issue 15, no lost work between tabs: two pages of one browser profile edit
 * the same workspace. Edits to different fields are merged; edits to the
 * same field ask the tab that saves last, with both values side by side.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { baseUrl, chromiumForFile, openApp, waitForColouredMap } from './helpers.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140001';

const browser = chromiumForFile();

async function matrixRow(page: Page): Promise<Locator> {
  await page.bringToFront();
  await page.locator('#tab-aanpak').click();
  const panel = page.locator('.workspace-panel');
  await panel.waitFor({ timeout: 30_000 });
  await panel.getByRole('tab', { name: /Interventiematrix/ }).click();
  const row = panel.locator('article.matrix-row').first();
  await row.waitFor({ timeout: 15_000 });
  const more = row.locator('details.more');
  if ((await more.getAttribute('open')) === null) await more.locator('> summary').click();
  return row;
}

const savedIn = (page: Page) => expect.poll(() => page.locator('.workspace-panel .save-state').textContent(), { timeout: 10_000 }).toMatch(/Opgeslagen in deze browser/);

describe('twee tabbladen, één werkruimte', () => {
  it('keeps edits to different fields from both tabs; the same field asks, showing both values', async () => {
    const { page: a, pageErrors } = await openApp(browser, AREA);
    await a.locator('#tab-aanpak').click();
    const panelA = a.locator('.workspace-panel');
    await panelA.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    await panelA.getByRole('tab', { name: /Suggesties/ }).click();
    await panelA.locator('article.card').first().getByRole('button', { name: /^Toevoegen aan matrix/ }).click();
    await savedIn(a);

    // Tab B: same profile, same workspace.
    const b = await a.context().newPage();
    const errorsB: string[] = [];
    b.on('pageerror', (e) => errorsB.push(e.message));
    await b.goto(`${baseUrl()}?e2e=1${AREA}`);
    await waitForColouredMap(b);
    const rowA = await matrixRow(a);
    const rowB = await matrixRow(b);

    // Different fields, both unsaved at once: A a note, B the name.
    await rowA.getByLabel('Notities (geen persoonsgegevens)').fill('Hangplek achter de school');
    await rowB.getByLabel('Naam interventie').fill('Verlichting Oosterpoort');
    for (const [page, row] of [[a, rowA], [b, rowB]] as const) {
      await expect.poll(() => row.getByLabel('Notities (geen persoonsgegevens)').inputValue(), { timeout: 10_000 }).toBe('Hangplek achter de school');
      await expect.poll(() => row.getByLabel('Naam interventie').inputValue(), { timeout: 10_000 }).toBe('Verlichting Oosterpoort');
      await savedIn(page);
    }
    // Whatever changed on a screen came with a notice.
    await expect.poll(() => a.locator('.tab-notice').textContent()).toMatch(/Bijgewerkt vanuit een ander tabblad: .*naam/);
    await expect.poll(() => b.locator('.tab-notice').textContent()).toMatch(/Bijgewerkt vanuit een ander tabblad: .*notities/);
    expect(await a.getByRole('alert').filter({ hasText: 'ander tabblad' }).count()).toBe(0);

    // The same field in both: A saves first, B is asked and sees both values.
    await rowA.getByLabel('Notities (geen persoonsgegevens)').fill('Notitie uit tabblad A');
    await rowB.getByLabel('Notities (geen persoonsgegevens)').fill('Notitie uit tabblad B');
    const conflict = b.locator('.conflict');
    await conflict.waitFor({ timeout: 10_000 });
    const field = conflict.locator('fieldset.field');
    expect(await field.count()).toBe(1);
    expect(await field.locator('legend').textContent()).toMatch(/notities/);
    expect(await field.getByRole('radio', { name: /Mijn versie/ }).count()).toBe(1);
    expect(await field.locator('label', { hasText: 'Mijn versie' }).textContent()).toContain('Notitie uit tabblad B');
    expect(await field.locator('label', { hasText: 'Versie uit ander tabblad' }).textContent()).toContain('Notitie uit tabblad A');
    // B's screen still shows B's own text while it is asked.
    expect(await rowB.getByLabel('Notities (geen persoonsgegevens)').inputValue()).toBe('Notitie uit tabblad B');
    await field.getByRole('radio', { name: /Mijn versie/ }).check();
    await conflict.getByRole('button', { name: 'Keuzes toepassen' }).click();
    await savedIn(b);
    await expect.poll(() => rowA.getByLabel('Notities (geen persoonsgegevens)').inputValue(), { timeout: 10_000 }).toBe('Notitie uit tabblad B');
    expect(await rowA.getByLabel('Naam interventie').inputValue()).toBe('Verlichting Oosterpoort');

    expect(pageErrors).toEqual([]);
    expect(errorsB).toEqual([]);
    await a.context().close();
  }, 240_000); // two full app loads in one test
});
