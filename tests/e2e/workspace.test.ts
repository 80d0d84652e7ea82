/**
 * The kernteam's workspace in real headless Chromium on the built app:
 * choose an area, add a suggested intervention, edit it, plan it, reload,
 * export, clear, import, and refuse malformed or hostile files.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { FILE_VERSION } from '../../src/workspace/file-format.ts';
import { chromiumForFile, openApp, storedWorkspaces, waitForColouredMap } from './helpers.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140001';

const browser = chromiumForFile();

/** Opens the workspace panel the app shows for the selected area. */
async function workspacePanel(page: Page): Promise<Locator> {
  // The area panel shows the workspace on its "Aanpak" tab.
  await page.locator('#tab-aanpak').click();
  const panel = page.locator('.workspace-panel');
  await panel.waitFor({ timeout: 30_000 });
  return panel;
}

const tab = (panel: Locator, name: RegExp) => panel.getByRole('tab', { name });

/** Autosave has written everything to IndexedDB. */
async function saved(page: Page) {
  await page.waitForFunction(
    () => /Opgeslagen in deze browser/.test(document.querySelector('.workspace-panel .save-state')?.textContent ?? ''),
    undefined,
    { timeout: 10_000 },
  );
}

async function download(page: Page, panel: Locator): Promise<string> {
  await tab(panel, /Werkruimte/).click();
  const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Downloaden (JSON)' }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

async function importFile(panel: Locator, name: string, content: string) {
  await panel.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
}

/** File content without the two fields that record when it was written. */
function content(text: string): Record<string, unknown> {
  const o = JSON.parse(text);
  delete o.exportedAt;
  delete o.savedToFileAt;
  return o;
}

describe('werkruimte', () => {
  it('keeps a planned, edited suggestion across reload and survives export → clear → import', async () => {
    const { page, pageErrors } = await openApp(browser, AREA);
    let panel = await workspacePanel(page);

    await panel.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    await tab(panel, /Suggesties/).click();
    const card = panel.locator('article.card').first();
    const name = ((await card.locator('h4').textContent()) ?? '').trim();
    expect(await card.locator('.why').textContent()).toMatch(/Waarom hier voorgesteld:/);
    await card.getByRole('button', { name: /^Toevoegen aan matrix/ }).click();

    await tab(panel, /Interventiematrix/).click();
    const row = panel.locator('article.matrix-row').first();
    expect(await row.getByLabel('Naam interventie').inputValue()).toBe(name);
    await row.getByLabel('Status').selectOption('obstakel');
    await row.getByLabel('Beer op de weg: wat houdt het tegen?').fill('Budget pas in 2027');
    await row.getByRole('button', { name: '+ Actie toevoegen' }).click();
    await row.getByLabel('Actie 1', { exact: true }).fill('Complexen inventariseren');
    await row.getByRole('button', { name: /^Op tijdslijn zetten/ }).click();

    await tab(panel, /Tijdslijn/).click();
    const bar = panel.locator('button.bar').first();
    const planned = (await bar.getAttribute('aria-label'))!;
    await bar.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const moved = (await bar.getAttribute('aria-label'))!;
    expect(moved).not.toBe(planned);
    await saved(page);

    await page.reload();
    await waitForColouredMap(page);
    panel = await workspacePanel(page);
    await tab(panel, /Tijdslijn/).click();
    expect(await panel.locator('button.bar').first().getAttribute('aria-label')).toBe(moved);
    await tab(panel, /Interventiematrix/).click();
    const again = panel.locator('article.matrix-row').first();
    expect(await again.getByLabel('Status').inputValue()).toBe('obstakel');
    expect(await again.getByLabel('Beer op de weg: wat houdt het tegen?').inputValue()).toBe('Budget pas in 2027');
    expect(await again.getByLabel('Actie 1', { exact: true }).inputValue()).toBe('Complexen inventariseren');

    const exported = await download(page, panel);
    expect(JSON.parse(exported)).toMatchObject({ format: 'wijkveiligheidskompas-workspace', version: FILE_VERSION });
    await expect.poll(() => panel.locator('.saved').textContent()).toMatch(/Laatst als bestand opgeslagen/);
    await saved(page);

    await panel.getByRole('button', { name: 'Werkruimte verwijderen…' }).click();
    await panel.getByRole('button', { name: /^Ja, verwijder/ }).click();
    await expect.poll(() => panel.locator('#ws-select').count()).toBe(0);
    expect(JSON.parse(await storedWorkspaces(page))).toEqual([]);

    await importFile(panel, 'werkruimte.json', exported);
    await panel.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }).click();
    await saved(page);
    expect(content(await download(page, panel))).toEqual(content(exported));
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses malformed files with a clear message and renders hostile notes as text', async () => {
    const { page, pageErrors } = await openApp(browser, AREA);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const panel = await workspacePanel(page);
    await panel.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    await tab(panel, /Suggesties/).click();
    await panel.locator('article.card').first().getByRole('button', { name: /^Toevoegen aan matrix/ }).click();
    const good = JSON.parse(await download(page, panel));
    await saved(page);
    const before = await storedWorkspaces(page);

    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const cases: { file: unknown; message: RegExp }[] = [
      { file: { ...good, version: 7 }, message: /version: versie 7 is nieuwer dan deze app kan lezen/ },
      { file: { ...good, focus: undefined, matrix: [{ ...good.matrix[0], name: undefined }] }, message: /focus: verwacht een object, gevonden niets[\s\S]*matrix\[0\]\.name: ontbreekt/ },
      { file: { ...good, matrix: [{ ...good.matrix[0], status: 'bezig', notes: hostile }] }, message: /matrix\[0\]\.status: onbekende status "bezig"/ },
      { file: '{"format": "wijkveiligheidskompas-workspace", ', message: /geen geldige JSON/ },
    ];
    for (const c of cases) {
      await importFile(panel, 'fout.json', typeof c.file === 'string' ? c.file : JSON.stringify(c.file));
      const alert = panel.getByRole('alert');
      await expect.poll(async () => (await alert.count()) && (await alert.textContent())).toMatch(c.message);
      expect(await alert.textContent()).toContain('Er is niets veranderd');
      expect(await panel.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }).count()).toBe(0);
    }
    await page.waitForTimeout(600); // longer than the autosave delay
    expect(await storedWorkspaces(page)).toBe(before);

    // A valid file with a script in a note: imported, and the note is just text.
    await importFile(panel, 'met-script.json', JSON.stringify({ ...good, matrix: [{ ...good.matrix[0], notes: hostile }] }));
    await panel.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }).click();
    await tab(panel, /Interventiematrix/).click();
    await panel.locator('article.matrix-row details.more summary').first().click();
    expect(await panel.getByLabel('Notities (geen persoonsgegevens)').first().inputValue()).toBe(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps each status change with its date and note through export → import, shows the stuck item under its partij in Voortgang, and warns about areas the dataset lacks', async () => {
    const { page, pageErrors } = await openApp(browser, AREA);
    await waitForColouredMap(page);
    const panel = await workspacePanel(page);
    await panel.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    await tab(panel, /Suggesties/).click();
    await panel.locator('article.card').first().getByRole('button', { name: /^Toevoegen aan matrix/ }).click();

    await tab(panel, /Interventiematrix/).click();
    const row = panel.locator('article.matrix-row').first();
    const name = (await row.getByLabel('Naam interventie').inputValue()).trim();
    const lead = ((await row.locator('.who').textContent()) ?? '').match(/Trekker:\s*([^,·]+)/)![1].trim();
    // Picked right after another: a correction of that change, not a step of its own (STATUS_CORRECTION_MS).
    await row.getByLabel('Status').selectOption('lopend');
    await row.getByLabel('Status').selectOption('obstakel');
    await row.getByLabel('Beer op de weg: wat houdt het tegen?').fill('Wachten op de netbeheerder');
    const history = row.locator('details.history');
    await history.locator('summary').click();
    expect(await history.locator('summary').textContent()).toMatch(/Statusgeschiedenis \(1 wijziging\)/);
    const today = await page.evaluate(() => new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }));
    const entries = history.getByRole('listitem');
    expect(await entries.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`${today}.*Kansrijk`)),
      expect.stringMatching(new RegExp(`${today}.*Obstakel`)),
    ]);
    const listed = await entries.allTextContents();
    await history.getByLabel('Notitie bij wijziging 2').fill('Besproken in het kernteam');

    // Voortgang (this month by default): the stuck row under its trekker, with the beer op de weg.
    await tab(panel, /Voortgang/).click();
    const group = panel.getByRole('group', { name: lead, exact: true });
    const item = group.locator('li', { hasText: name });
    expect(await item.textContent()).toMatch(/Obstakel[\s\S]*Beer op de weg:\s*Wachten op de netbeheerder[\s\S]*Notitie: Besproken in het kernteam/);
    await saved(page);

    const exported = await download(page, panel);
    const file = JSON.parse(exported);
    expect(file.dataset).toEqual({ id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 });
    expect(file.matrix[0].statusHistory.map((e: { status: string; note: string }) => [e.status, e.note])).toEqual([
      ['kansrijk', ''], ['obstakel', 'Besproken in het kernteam'],
    ]);

    await panel.getByRole('button', { name: 'Werkruimte verwijderen…' }).click();
    await panel.getByRole('button', { name: /^Ja, verwijder/ }).click();
    await expect.poll(() => panel.locator('#ws-select').count()).toBe(0);
    await importFile(panel, 'werkruimte.json', exported);
    await panel.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }).click();
    await saved(page);
    await tab(panel, /Interventiematrix/).click();
    const back = panel.locator('article.matrix-row').first().locator('details.history');
    await back.locator('summary').click();
    // Same dates and statuses as before the export.
    expect(await back.getByRole('listitem').allTextContents()).toEqual(listed);
    expect(await back.getByLabel('Notitie bij wijziging 2').inputValue()).toBe('Besproken in het kernteam');

    // A file made on another dataset with an area this one lacks: warned before, imported with it, flagged after.
    const other = { ...file, id: 'ander-bestand', name: 'Uit Groningen 2017', dataset: { id: 'groningen2017', title: 'Groningen 2017', indelingYear: 2017 } };
    other.focus = { ...file.focus, areas: [...file.focus.areas, { code: 'BU00149999', name: 'Verdwenen buurt' }] };
    await tab(panel, /Werkruimte/).click();
    await importFile(panel, 'groningen.json', JSON.stringify(other));
    const warning = panel.locator('.dataset-warn');
    await expect.poll(() => warning.textContent()).toMatch(/gemaakt op dataset ‘Groningen 2017’ \(indeling 2017\).*1 gebied bestaat niet in ‘Nederland 2024’ \(indeling 2024\): BU00149999\. Het blijft in de werkruimte bewaard/);
    await panel.getByRole('button', { name: 'Importeren als nieuwe werkruimte' }).click();
    await expect.poll(() => panel.getByRole('note', { name: 'Werkruimte en dataset' }).textContent()).toMatch(/BU00149999/);
    await saved(page);
    const kept = (JSON.parse(await storedWorkspaces(page)) as { workspace: { name: string; focus: { areas: { code: string }[] } } }[]).find((r) => r.workspace.name === 'Uit Groningen 2017');
    expect(kept?.workspace.focus.areas.map((a) => a.code)).toContain('BU00149999');
    // The map still shows the dataset on screen, coloured.
    await waitForColouredMap(page);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
