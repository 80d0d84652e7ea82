/**
 * The resident page (bewonerspagina) in real headless Chromium on the built
 * app: plain words only, the exported HTML opens with no request at all,
 * prints on A4 (page.pdf, text read back with poppler's pdftotext), its
 * saved answers and a typed-in paper CSV come back under "Wat bewoners
 * zeggen", and a broken answers file is refused in Dutch without changing
 * anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Download, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { openApp, storedWorkspaces, newWorkspaceForArea } from './helpers.ts';
import { axeViolations } from './axe.ts';
import { comparisonOf } from '../../src/workspace/resident-page.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140002';
const CODE = 'BU00140002';
/** Words that must not reach a resident: jargon of the kompas and English. */
const FORBIDDEN = /\bP\d{1,3}\b|percentiel|\bscore|\baandacht\b|referentiekader|witte vlek|\b(the|and|with|score|percentile|hotspot|policing|coverage|frame)\b/i;

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'wvk-bewoners-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function saveDownload(download: Download, name: string): Promise<string> {
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

/** Adds the first suggestion to a new workspace for the area; returns its catalogue name. */
async function planFirstSuggestion(page: Page): Promise<string> {
  const panel = await newWorkspaceForArea(page);
  await panel.getByRole('tab', { name: /Suggesties/ }).click();
  const card = panel.locator('article.card').first();
  const name = ((await card.locator('h4').textContent()) ?? '').trim();
  await card.getByRole('button', { name: /^Toevoegen aan matrix/ }).click();
  await page.locator('#tab-kompas').click();
  return name;
}

async function residentsSection(page: Page): Promise<Locator> {
  const section = page.locator('section.residents');
  await section.waitFor({ timeout: 30_000 });
  return section;
}

describe('bewonerspagina', () => {
  // One flow from the app to paper and back: slower than most (two pages, a PDF), so it has more time than the default.
  it('reads plainly, exports one offline HTML file that prints on A4, and its answers come back under "Wat bewoners zeggen"', { timeout: 180_000 }, async () => {
    const { page, pageErrors } = await openApp(browser, AREA);
    const catalogueName = await planFirstSuggestion(page);

    await page.getByRole('button', { name: 'Bewonerspagina', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Bewonerspagina/ });
    const preview: FrameLocator = dialog.frameLocator('iframe[title="Voorbeeld van de bewonerspagina"]');
    await preview.locator('h1').waitFor({ timeout: 30_000 });
    const text = await preview.locator('body').innerText();
    expect(text).toMatch(/Veiligheid in Binnenstad-Oost/);
    expect(text).not.toMatch(FORBIDDEN);
    expect(text).toMatch(/Wat weten we niet\?/);
    expect(text).toMatch(/Bron: CBS, Politie, RIVM\/GGD/);
    expect(text).toMatch(/We vragen niet om uw naam/);
    expect(text).toMatch(/Gemaakt door het kernteam veiligheid van de gemeente Groningen op \d{1,2} \w+ 20\d\d\./);
    // The kernteam's plan in plain words, not the catalogue's name.
    expect(text).not.toContain(catalogueName);
    expect(await preview.locator('h2:has-text("Wat wil het kernteam doen?") + p + ul li').count()).toBe(1);
    const questions = preview.locator('fieldset[data-vraag]');
    expect(await questions.count()).toBeGreaterThanOrEqual(3);
    expect(await questions.count()).toBeLessThanOrEqual(5);
    for (const answer of ['Ja', 'Een beetje', 'Nee', 'Weet ik niet']) expect(await questions.first().getByLabel(answer, { exact: true }).count()).toBe(1);

    // The first sentence's direction against the percentile the kompas shows for that category (dataset frame).
    const first = await questions.first().getAttribute('data-vraag');
    const shown = (await page.locator(`#cat-${first} .cat-score`).textContent()) ?? '';
    const percentile = Number(/P(\d+)/.exec(shown)?.[1]);
    expect(Number.isFinite(percentile), `${first}: ${shown}`).toBe(true);
    expect(await preview.locator('section.topic p').first().getAttribute('data-vergelijking')).toBe(comparisonOf(percentile));

    // One self-contained HTML file, and the CSV template for paper.
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Opslaan als HTML-bestand' }).click()]);
    const htmlPath = await saveDownload(htmlDownload, htmlDownload.suggestedFilename());
    expect(htmlDownload.suggestedFilename()).toBe(`bewonerspagina-${CODE}.html`);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Antwoordformulier (CSV) downloaden' }).click()]);
    const template = readFileSync(await saveDownload(csvDownload, 'formulier.csv'), 'utf8');
    expect(template).toMatch(/gebied;vraag;vraagtekst;antwoord;toelichting/);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    // The file opens offline: every request is counted, and the only one is the file itself.
    const context = await browser.newContext({ acceptDownloads: true, offline: true });
    const offline = await context.newPage();
    const requests: string[] = [];
    offline.on('request', (r) => requests.push(r.url()));
    const fileUrl = pathToFileURL(htmlPath).href;
    await offline.goto(fileUrl);
    const offlineText = await offline.locator('body').innerText();
    expect(offlineText).not.toMatch(FORBIDDEN);
    expect(await axeViolations(offline)).toEqual([]);
    // Fill in and save the answers in the file itself.
    const fileQuestions = offline.locator('fieldset[data-vraag]');
    const askedId = (await fileQuestions.first().getAttribute('data-vraag'))!;
    await fileQuestions.first().getByLabel('Ja', { exact: true }).check();
    await fileQuestions.first().locator('textarea').fill('Fietsen gestolen bij de school; twee keer dit jaar');
    await fileQuestions.nth(1).getByLabel('Een beetje', { exact: true }).check();
    const [answersDownload] = await Promise.all([offline.waitForEvent('download'), offline.getByRole('button', { name: 'Antwoorden opslaan als bestand' }).click()]);
    const answersPath = await saveDownload(answersDownload, answersDownload.suggestedFilename());
    expect(answersDownload.suggestedFilename()).toBe(`antwoorden-${CODE}.json`);
    expect(await offline.getByRole('status').textContent()).toMatch(/opgeslagen als bestand/);
    // A4 on paper: the page's own @page size decides (preferCSSPageSize).
    const pdfPath = join(dir, 'bewonerspagina.pdf');
    writeFileSync(pdfPath, await offline.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(requests.filter((url) => url !== fileUrl)).toEqual([]);
    await context.close();
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }));
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
    expect(Math.abs(Number(size?.[1]) - 595.3)).toBeLessThan(2);
    expect(Math.abs(Number(size?.[2]) - 841.9)).toBeLessThan(2);
    const printed = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(printed).toMatch(/Veiligheid in Binnenstad-Oost/);
    expect(printed).toMatch(/Herkent u dit\?/);
    expect(printed).toMatch(/Bron: CBS, Politie, RIVM\/GGD/);
    expect(printed).not.toMatch(/Antwoorden opslaan als bestand/);
    expect(printed).not.toMatch(FORBIDDEN);

    // Back in the app: the saved file and a typed-in paper form.
    const section = await residentsSection(page);
    await section.locator('#resident-answers-file').setInputFiles(answersPath);
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/2 antwoorden uit antwoorden-BU00140002\.json toegevoegd/);
    const lines = template.replace(/^\uFEFF/, '').split('\r\n');
    const paperLine = lines.find((l) => l.includes(`;${askedId};`))!;
    const paper = [...lines.slice(0, lines.findIndex((l) => l.startsWith('gebied;')) + 1), paperLine.replace(/;;$/, ';nee;'), paperLine.replace(/;;$/, ';ja;Vooral in het weekend'), ''].join('\r\n');
    await section.locator('#resident-answers-file').setInputFiles({ name: 'papier.csv', mimeType: 'text/csv', buffer: Buffer.from(paper, 'utf8') });
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/2 antwoorden uit papier\.csv toegevoegd/);
    const asked = section.locator(`.question[data-question="${askedId}"]`);
    expect(await asked.locator('td[data-answer="ja"]').textContent()).toBe('2');
    expect(await asked.locator('td[data-answer="nee"]').textContent()).toBe('1');
    expect(await asked.locator('.texts li').allTextContents()).toEqual(['Fietsen gestolen bij de school; twee keer dit jaar', 'Vooral in het weekend']);
    await expect.poll(async () => (JSON.parse(await storedWorkspaces(page)) as { workspace: { residentAnswers?: unknown[] } }[]).flatMap((r) => r.workspace.residentAnswers ?? []).length).toBe(2);

    // A broken file: a Dutch message with file, row and column, and nothing changes.
    const before = await storedWorkspaces(page);
    const tableBefore = await section.locator('.question').allTextContents();
    const broken = `gebied;vraag;antwoord;toelichting\r\n${CODE};${askedId};misschien;\r\n`;
    await section.locator('#resident-answers-file').setInputFiles({ name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') });
    const alert = section.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Niet ingelezen; er is niets veranderd:.*kapot\.csv, rij 2, kolom antwoord: onbekend antwoord "misschien"/s);
    expect(await section.locator('.question').allTextContents()).toEqual(tableBefore);
    expect(await storedWorkspaces(page)).toBe(before);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('works for a wijk too: compared with other wijken, in plain words, and the dialog and the answers section pass axe', async () => {
    const { page, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=wijk&sel=WK001401');
    await page.getByRole('button', { name: 'Bewonerspagina', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Bewonerspagina/ });
    const preview = dialog.frameLocator('iframe[title="Voorbeeld van de bewonerspagina"]');
    await preview.locator('h1').waitFor({ timeout: 30_000 });
    const text = await preview.locator('body').innerText();
    expect(text).toMatch(/Veiligheid in Oud-Zuid/);
    expect(text).toMatch(/dan in de meeste wijken in Nederland\.|als in de meeste wijken in Nederland\./);
    expect(text).toMatch(/in de meeste andere wijken\./);
    expect(text).not.toMatch(/\bbuurten\b/);
    expect(text).not.toMatch(FORBIDDEN);
    expect(await axeViolations(page, '.resident-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    const section = await residentsSection(page);
    await section.locator('#resident-answers-file').setInputFiles({ name: 'leeg.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "iets"}', 'utf8') });
    await section.getByRole('alert').waitFor();
    expect(await axeViolations(page, 'section.residents')).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
