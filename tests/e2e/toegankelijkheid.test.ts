/**
 * WCAG 2.1 AA in the browser: axe-core on every main view (0 violations),
 * and the keyboard paths a user without a mouse takes through each view.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile, newWorkspaceForArea, openApp } from './helpers.ts';
import { axeViolations } from './axe.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140001';

const browser = chromiumForFile();

/** Press Tab until the focused element matches (bounded), and say what has focus. */
async function tabTo(page: Page, matches: (el: { id: string; text: string; role: string | null; inTableBody: boolean }) => boolean, max = 120): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', role: document.activeElement?.getAttribute('role') ?? null, inTableBody: !!document.activeElement?.closest('tbody') }));
    if (matches(el)) return true;
  }
  return false;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

async function expectAccessible(page: Page, view: string, include?: string) {
  expect(await axeViolations(page, include), view).toEqual([]);
}

/** Opens the area's workspace panel and creates a workspace there; `tab` finds a panel tab by name. */
async function newWorkspace(page: Page) {
  const panel = await newWorkspaceForArea(page);
  return { panel, tab: (name: RegExp) => panel.getByRole('tab', { name }) };
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
    // The stand-in for the crime types has no slider of its own (one would do nothing); the types have theirs.
    const weights = page.locator('dialog[aria-labelledby="weights-title"]');
    await expect.poll(() => weights.locator('[id="weight-S4.0"]').textContent()).toContain('Geen eigen gewicht');
    expect(await weights.locator('[id="weight-S4.0"] input').count()).toBe(0);
    expect(await weights.locator('label', { hasText: 'S4.1 Woninginbraak' }).locator('input[type=range]').count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Toegankelijkheid' }).click();
    await page.locator('dialog[aria-labelledby="a11y-title"]').waitFor();
    await expectAccessible(page, 'toegankelijkheidsverklaring');
    await page.context().close();
  });

  it('workspace (suggestions, matrix, timeline, local knowledge with the Tafel van 12) and the report, printed and as a page: 0 violations', async () => {
    const { page } = await openApp(browser, AREA);
    const { panel, tab } = await newWorkspace(page);

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
    await page.emulateMedia({ media: 'screen' });

    // And as a page of its own ('Rapport afdrukken'), with the author field, map image, kompas, dials and timeline chart.
    await page.getByRole('button', { name: 'Rapport afdrukken' }).click();
    await page.locator('.print-report.open .report-map :is(img, p:not([role="status"]))').first().waitFor({ timeout: 60_000 });
    await page.locator('.print-report.open svg.timeline-chart').waitFor();
    await expectAccessible(page, 'rapport als pagina');
    await page.context().close();
  }, 180_000);

  it('the gap chart in its large view: 0 violations', async () => {
    const { page } = await openApp(browser, `${AREA}&bez=1&cat=kloof`);
    await page.getByRole('button', { name: 'Kloofdiagram groot bekijken' }).click();
    await page.locator('dialog[open] #gap-large-areas').waitFor();
    await expectAccessible(page, 'kloofdiagram groot');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Kloofdiagram groot bekijken');
    await page.context().close();
  });

  it('status history of a matrix row and the voortgang view with a stuck row: 0 violations', async () => {
    const { page } = await openApp(browser, AREA);
    const { panel, tab } = await newWorkspace(page);
    await tab(/Suggesties/).click();
    await panel.locator('article.card').first().getByRole('button', { name: /^Toevoegen aan matrix/ }).click();
    await tab(/Interventiematrix/).click();
    const row = panel.locator('article.matrix-row').first();
    await row.getByLabel('Status').selectOption('obstakel');
    await row.locator('details.history summary').click();
    await row.getByRole('list', { name: /^Verloop van / }).waitFor();
    await expectAccessible(page, 'interventiematrix met statusgeschiedenis');
    await tab(/Voortgang/).click();
    await panel.getByText(/Beer op de weg:/).first().waitFor();
    await expectAccessible(page, 'voortgang');
    await page.context().close();
  });

  it('every import dialog, empty and with a file read (mapping, errors, preview): 0 violations', async () => {
    const { page } = await openApp(browser, AREA);
    const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
    const dialogs = [
      { button: 'Gegevens importeren', view: 'gegevens importeren', input: '#import-file', file: fixture('import/mora-swing.csv'), ready: 'dialog[open] select' },
      { button: 'Punten importeren', view: 'punten importeren', input: '#points-file', file: fixture('points/meldingen-fout.csv'), ready: '#points-x' },
      { button: 'Enquête beleving', view: 'enquête importeren', input: '#survey-file', file: fixture('beleving/vm-2023-gemeenten.csv'), ready: 'table.errors' },
    ];
    for (const d of dialogs) {
      await page.getByRole('button', { name: d.button, exact: true }).first().click();
      await page.locator('dialog[open]').waitFor({ timeout: 30_000 });
      await expectAccessible(page, d.view);
      await page.setInputFiles(d.input, d.file);
      await page.locator(d.ready).first().waitFor({ timeout: 30_000 });
      await expectAccessible(page, `${d.view}, bestand gelezen`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count(), { timeout: 10_000 }).toBe(0);
    }
    await page.context().close();
  });
});

describe('toetsenbord per weergave', () => {
  it('map → its text alternative: the score table, sorted and used to select, by keyboard only', async () => {
    const { page } = await openApp(browser, AREA);
    // The table needs the worker's scores; until then its button is disabled, and Tab passes it.
    await page.waitForFunction(() => (window as any).__kompas.app.workerReady, undefined, { timeout: 30_000 });
    expect(await tabTo(page, (el) => el.text === 'Kaart als tekst: scoretabel')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('table-title');
    expect(await tabTo(page, (el) => el.text === 'S4', 40)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.score-table th[aria-sort="descending"]').textContent()).toContain('S4');
    // Into the rows: Enter on an area's name selects it on the map and in the panel.
    expect(await tabTo(page, (el) => el.inTableBody, 40)).toBe(true);
    const name = await focusedText(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe(name);
    await page.context().close();
  });

  it('a gemeente picked in the score table keeps the table, its level and the focus (the level follows the zoom)', async () => {
    // No lvl= in the link: the map shows gemeenten because of its zoom, far enough out for a selection to fly.
    const { page } = await openApp(browser, '#ds=nl2024&cat=S4&v=5.3,52.2,6.5');
    // The map canvas a screen reader lands on is named in Dutch, not MapLibre's "Map".
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Wijkveiligheidskaart');
    await page.getByRole('button', { name: 'Scoretabel', exact: true }).click();
    const title = page.locator('#table-title');
    await expect.poll(() => title.textContent()).toMatch(/^Scoretabel: gemeenten/);
    // A small gemeente: fitted without a cap, the camera would pass the wijk level's zoom.
    await page.locator('.score-table input').first().fill('Hilversum');
    const row = page.locator('.score-table tbody tr th button', { hasText: /^Hilversum$/ });
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Hilversum');
    // The flight to the gemeente has ended.
    await page.waitForTimeout(1200);
    await page.waitForFunction(() => !(window as any).__kompas.controller.map.isMoving());
    expect(await page.evaluate(() => (window as any).__kompas.controller.currentLevel())).toBe('gemeente');
    expect(await title.textContent()).toMatch(/^Scoretabel: gemeenten/);
    expect(await focusedText(page)).toBe('Hilversum');
    // The camera did come closer: Hilversum fills more of the map than at the national view.
    expect(await page.evaluate(() => (window as any).__kompas.controller.map.getZoom())).toBeGreaterThan(8);
    await page.context().close();
  });

  it('panel tabs with the arrow keys; weights, statement and import dialogs open with Enter and close with Escape', async () => {
    const { page } = await openApp(browser, AREA);
    await page.locator('#tab-kompas').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedId(page)).toBe('tab-vergelijken');
    await expect.poll(() => page.locator('table.compare').count()).toBe(1);
    // The comparison scrolls with the keyboard: its region takes focus.
    expect(await tabTo(page, (el) => el.role === 'region', 40)).toBe(true);

    for (const [button, dialog] of [['Gewichten', 'weights-title'], ['Toegankelijkheid', 'a11y-title'], ['Gegevens importeren', null]] as const) {
      await page.getByRole('button', { name: button, exact: true }).focus();
      await page.keyboard.press('Enter');
      const open = page.locator(dialog ? `dialog[open][aria-labelledby="${dialog}"]` : 'dialog[open]');
      await open.waitFor({ timeout: 30_000 });
      // Focus moved into the (modal) dialog.
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => focusedText(page), { timeout: 10_000 }).toBe(button);
    }
    await page.context().close();
  });

  it('workspace: create, switch tabs with the arrow keys, add a suggestion with Enter', async () => {
    const { page } = await openApp(browser, AREA);
    await page.locator('#tab-kompas').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedId(page)).toBe('tab-aanpak');
    const panel = page.locator('.workspace-panel');
    await panel.waitFor({ timeout: 30_000 });
    expect(await tabTo(page, (el) => /^Werkruimte voor .+ aanmaken$/.test(el.text), 40)).toBe(true);
    await page.keyboard.press('Enter');
    const first = panel.getByRole('tab').first();
    await first.waitFor();
    await first.focus();
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      names.push(await focusedText(page));
      await page.keyboard.press('ArrowRight');
    }
    expect(names.some((n) => /Suggesties/.test(n)) && names.some((n) => /Interventiematrix/.test(n)) && names.some((n) => /Tijdslijn/.test(n))).toBe(true);
    await panel.getByRole('tab', { name: /Suggesties/ }).focus();
    await page.keyboard.press('Enter');
    expect(await tabTo(page, (el) => /^Toevoegen aan matrix/.test(el.text), 80)).toBe(true);
    await page.keyboard.press('Enter');
    await panel.getByRole('tab', { name: /Interventiematrix/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('article.matrix-row').count()).toBe(1);
    await page.context().close();
  });
});
