/**
 * WCAG 2.1 AA in the browser: axe-core on every main view (0 violations),
 * and the keyboard paths a user without a mouse takes through each view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { openApp } from './helpers.ts';
import { axeViolations } from './axe.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140001';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, view: string, include?: string) {
  expect(await axeViolations(page, include), view).toEqual([]);
}

describe('toegankelijkheid (axe-core)', () => {
  it('map with kompas, drill-down, neighbours, score table, weights and the statement: 0 violations', async () => {
    const { page } = await openApp(browser, AREA);
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    await expectAccessible(page, 'kaart met kompas');

    await page.locator('#cat-S4').click();
    await page.locator('#factors-S4 table').waitFor();
    await expectAccessible(page, 'doorklikken naar factoren');

    await page.getByRole('tab', { name: 'Buren vergelijken' }).click();
    await page.locator('table.compare').waitFor();
    await expectAccessible(page, 'buren vergelijken');

    await page.getByRole('button', { name: 'Scoretabel', exact: true }).click();
    await page.locator('.score-table tbody tr').first().waitFor();
    await expectAccessible(page, 'scoretabel');

    await page.getByRole('button', { name: 'Gewichten' }).click();
    await page.locator('dialog[aria-labelledby="weights-title"]').waitFor();
    await expectAccessible(page, 'gewichten');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Toegankelijkheid' }).click();
    await page.locator('dialog[aria-labelledby="a11y-title"]').waitFor();
    await expectAccessible(page, 'toegankelijkheidsverklaring');
    await page.context().close();
  });

  it('workspace (suggestions, matrix, timeline, local knowledge) and the printed report: 0 violations', async () => {
    const { page } = await openApp(browser, AREA);
    await page.locator('#tab-aanpak').click();
    const panel = page.locator('.workspace-panel');
    await panel.waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    const tab = (name: RegExp) => panel.getByRole('tab', { name });

    await tab(/Suggesties/).click();
    await panel.locator('article.card').first().waitFor();
    await expectAccessible(page, 'suggesties');
    // Two interventions: per-row parts must stay unique (landmarks, ids) when rows repeat.
    for (let k = 0; k < 2; k++) await panel.locator('article.card').nth(k).getByRole('button', { name: /^Toevoegen aan matrix/ }).click();

    await tab(/Interventiematrix/).click();
    const row = panel.locator('article.matrix-row').first();
    await row.getByRole('button', { name: '+ Actie toevoegen' }).click();
    await panel.locator('article.matrix-row').nth(1).getByRole('button', { name: '+ Actie toevoegen' }).click();
    for (const view of ['Alle interventies', 'Per categorie', 'Per partij']) {
      await panel.getByRole('radio', { name: view }).check();
      await expectAccessible(page, `interventiematrix, ${view.toLowerCase()}`);
    }
    await panel.getByRole('radio', { name: 'Alle interventies' }).check();
    await row.getByRole('button', { name: /^Op tijdslijn zetten/ }).click();

    await tab(/Tijdslijn/).click();
    await panel.locator('button.bar').first().waitFor();
    await expectAccessible(page, 'tijdslijn');

    await tab(/Lokale kennis/).click();
    await expectAccessible(page, 'lokale kennis');

    await tab(/Werkruimte/).click();
    await expectAccessible(page, 'werkruimte beheren');

    // The report for the bestuur is what Ctrl+P prints.
    await page.emulateMedia({ media: 'print' });
    await page.locator('.print-report article.report').waitFor();
    await expectAccessible(page, 'rapport voor het bestuur', '.print-report');
    await page.context().close();
  });

  it('every import dialog: 0 violations', async () => {
    const { page } = await openApp(browser, AREA);
    for (const [button, view] of [['Gegevens importeren', 'gegevens importeren'], ['Punten importeren', 'punten importeren'], ['Enquête beleving', 'enquête importeren']] as const) {
      await page.getByRole('button', { name: button, exact: true }).first().click();
      await page.locator('dialog[open]').waitFor({ timeout: 30_000 });
      await expectAccessible(page, view);
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    }
    await page.context().close();
  });
});
