/**
 * The report for the bestuur, printed to PDF the way a beleidsadviseur does:
 * a buurt with workspace content, every section present under print media,
 * the reference frame named, a real map image (taken without the test-only
 * drawing buffer, so the production capture path is the one tested), and a
 * gemeente without workspaces that says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { baseUrl, externalRequests, openAppPage, waitForColouredMap, newWorkspaceForArea } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Without ?e2e=1: MapLibre keeps no drawing buffer, as for a real user. */
async function openWithoutTestBuffer(hash: string) {
  const opened = await openAppPage(browser, `${baseUrl()}${hash}`, { viewport: { width: 1280, height: 900 } });
  await waitForColouredMap(opened.page);
  return opened;
}

async function openReport(page: Page) {
  await page.getByRole('button', { name: 'Rapport afdrukken' }).click();
  await page.locator('.print-report.open article.report').waitFor();
  // Focus goes to the report's title, so a keyboard or screen-reader user starts there.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('report-title');
}

/** Distinct colours (4 bits per channel) and the share of the most common one in the report's map image. */
async function mapImageStats(page: Page) {
  return page.evaluate(async () => {
    const img = document.querySelector('.report-map img') as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map<number, number>();
    for (let p = 0; p < data.length; p += 4) {
      const key = ((data[p] >> 4) << 8) | ((data[p + 1] >> 4) << 4) | (data[p + 2] >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { width: canvas.width, height: canvas.height, distinct: counts.size, topShare: Math.max(...counts.values()) / (data.length / 4) };
  });
}

const headings = (page: Page, level: 'h3' | 'h4') => page.locator(`.print-report article.report ${level}`).allTextContents();

/** Pages and page size of a PDF Chromium wrote (its objects are not compressed into streams). */
function pdfFacts(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, width: Number(box?.[1]), height: Number(box?.[2]), images: (text.match(/\/Subtype\s*\/Image/g) ?? []).length };
}

describe('rapport voor het bestuur', () => {
  it('a buurt with workspace content prints every section, the frame by name and a real map image, to a multi-page A4 PDF', async () => {
    const { page, requests } = await openWithoutTestBuffer('#ds=nl2024&lvl=buurt&sel=BU00140001&bez=1');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');

    // Workspace content: a matrix row on the timeline, local knowledge and a Tafel van 12 item.
    const panel = await newWorkspaceForArea(page);
    await panel.getByRole('tab', { name: /Suggesties/ }).click();
    const card = panel.locator('article.card').first();
    await card.waitFor();
    const intervention = (await card.locator('h4').first().textContent())?.trim() ?? '';
    expect(intervention).not.toBe('');
    await card.getByRole('button', { name: /^Toevoegen aan matrix/ }).click();
    await panel.getByRole('tab', { name: /Interventiematrix/ }).click();
    await panel.locator('article.matrix-row').first().getByRole('button', { name: /^Op tijdslijn zetten/ }).click();
    await panel.getByRole('tab', { name: /Lokale kennis/ }).click();
    await panel.locator('input[name="lk-BU00140001-S4-rec"][value="ja"]').check();
    await panel.locator('#lk-BU00140001-S4-ex').locator('xpath=ancestor::details').locator('summary').click();
    await panel.locator('#lk-BU00140001-S4-ex').fill('Fietsendiefstal rond het station');
    await panel.locator('select[aria-labelledby^="tafel-BU00140001-signaal-h"]').selectOption('speelt sterk');
    await panel.locator('input[type="text"][aria-labelledby^="tafel-BU00140001-signaal-h"]').fill('buurtschouw');

    await openReport(page);
    await page.locator('#report-author').fill('Beleidsadviseur veiligheid');
    await page.locator('.report-map img').waitFor({ timeout: 60_000 });
    const image = await mapImageStats(page);
    expect(image.width).toBeGreaterThan(300);
    // A map, not a blank or single-colour canvas.
    expect(image.distinct).toBeGreaterThan(20);
    expect(image.topShare).toBeLessThan(0.8);

    await page.emulateMedia({ media: 'print' });
    // Only the report is on paper.
    expect(await page.locator('.app').isVisible()).toBe(false);
    expect(await page.locator('.report-bar').isVisible()).toBe(false);
    const report = page.locator('.print-report article.report');
    expect(await report.isVisible()).toBe(true);

    const title = await report.locator('.title-page').innerText();
    expect(title).toContain('Binnenstad-Zuid');
    expect(title).toMatch(/Gemeente\s+Groningen/);
    expect(title).toMatch(/Datum\s+\d{1,2} \w+ 20\d\d/);
    expect(title).toMatch(/Opgesteld door\s+Beleidsadviseur veiligheid/);
    expect(await page.evaluate(() => localStorage.getItem('wvk:rapport:auteur'))).toBe('Beleidsadviseur veiligheid');

    expect(await headings(page, 'h3')).toEqual([
      'Samenvatting',
      'Kaart van het gebied en de omgeving',
      'Kompas',
      'Objectieve veiligheid en veiligheidsbeleving',
      'Kwetsbaarheidsprofiel',
      expect.stringMatching(/^Aanpak: Werkruimte ‘Binnenstad-Zuid’/),
      'Methode en kanttekeningen',
      'Bronnen',
    ]);
    expect(await headings(page, 'h4')).toEqual(expect.arrayContaining(['Objectieve veiligheid', 'Veiligheidsbeleving', 'Oordeel van het kernteam en lokale kennis', 'CCV Tafel van 12', 'Interventiematrix', expect.stringMatching(/^Voortgang per /), 'Tijdslijn']));
    expect(await report.locator('.frame-name').first().textContent()).toBe('alle buurten in Nederland 2024');
    expect(await report.innerText()).not.toContain('het gekozen referentiekader');
    // The profile judges each category in words (laag … hoog), or says why it has no score; never the bare status "score".
    const judgements = await report.locator('section:has(> h3:text-is("Kwetsbaarheidsprofiel")) tbody td:nth-child(3)').allTextContents();
    expect(judgements.length).toBe(12);
    for (const j of judgements) expect(j).toMatch(/^(laag|gemiddeld|aandacht|hoog \(kwetsbaar\)|weinig drukte|gemiddelde drukte|aandacht: veel drukte|hoog: zeer veel drukte)|onvoldoende data|inwoners|gegevens|bezoekers/);
    expect(title).toMatch(/Gewichten\s+standaard/);
    // The kompas as a picture: twelve wedges, none of them a button.
    expect(await report.locator('svg[role="img"] path.wedge').count()).toBe(12);
    expect(await report.locator('[role="button"]').count()).toBe(0);
    // Both dials, each with its own value.
    expect(await report.locator('.report-dial').count()).toBe(2);
    const text = await report.innerText();
    expect(text).toContain(intervention);
    expect(text).toContain('Fietsendiefstal rond het station');
    // The bestuur reads the buurt's name, not its CBS code.
    expect(text).toMatch(/Signaalcriminaliteit en -overlast\s+Binnenstad-Zuid\s+speelt sterk\s+buurtschouw/);
    // The timeline is a chart with a bar per planned item, not a list.
    expect(await report.locator('svg.timeline-chart rect.bar').count()).toBe(1);
    expect(text).toMatch(/samenhang, geen oorzaak/);
    expect(text).toMatch(/Geometrie bij benadering/);
    expect(text).toMatch(/Schattingen:/);
    expect(text).toMatch(/Bron: CBS, Politie, RIVM\/GGD.*licentie CC BY 4\.0/);
    expect(text).toMatch(/Jaren van de cijfers in dit rapport:[\s\S]*20(1|2)\d/);

    const pdf = pdfFacts(await page.pdf({ format: 'A4', printBackground: true }));
    // Title page, then the body: at least three A4 pages, with the map image in it.
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    // A4 in points (Chromium writes 595.92 × 842.88).
    expect(Math.abs(pdf.width - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(pdf.height - 841.9)).toBeLessThan(1.5);
    expect(pdf.images).toBeGreaterThanOrEqual(1);
    await page.emulateMedia({ media: 'screen' });

    // Back to the map: focus returns to the button that opened the report.
    await page.getByRole('button', { name: 'Terug naar de kaart' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Rapport afdrukken');
    expect(externalRequests(requests)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('the gemeente report gathers the buurt workspace; a gemeente without workspaces and an empty selection say what is missing', async () => {
    const { page } = await openWithoutTestBuffer('#ds=nl2024&lvl=buurt&sel=BU00140001&bez=1');
    const panel = await newWorkspaceForArea(page);
    await panel.getByRole('tab', { name: /Interventiematrix/ }).click();
    await panel.locator('#matrix-new').fill('Schouw rond het station');
    await panel.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect.poll(() => panel.getByText(/Opgeslagen in deze browser/).count(), { timeout: 10_000 }).toBe(1);

    // Groningen (gemeente): the buurt's workspace is part of the gemeente's report.
    // A full navigation (other query) in the same browser profile: the workspace stays in IndexedDB.
    await page.goto(`${baseUrl()}?rapport=1#ds=nl2024&lvl=gemeente&sel=GM0014`);
    await waitForColouredMap(page);
    await expect.poll(() => page.locator('#area-title').textContent(), { timeout: 30_000 }).toBe('Groningen');
    await openReport(page);
    const report = page.locator('.print-report article.report');
    await expect.poll(() => report.locator('h3').allTextContents()).toContain('Kwetsbaarheidsprofiel');
    expect(await report.locator('h3', { hasText: /^Aanpak: Werkruimte ‘Binnenstad-Zuid’ \(Binnenstad-Zuid\)$/ }).count()).toBe(1);
    expect(await report.innerText()).toContain('Schouw rond het station');
    expect(await report.locator('.frame-name').first().textContent()).toBe('alle gemeenten in Nederland 2024');

    // Amsterdam has no workspace in this browser: the report says so instead of borrowing one.
    await page.goto(`${baseUrl()}?rapport=2#ds=nl2024&lvl=gemeente&sel=GM0363`);
    await waitForColouredMap(page);
    await expect.poll(() => page.locator('#area-title').textContent(), { timeout: 30_000 }).toBe('Amsterdam');
    await openReport(page);
    await page.emulateMedia({ media: 'print' });
    const amsterdam = await report.innerText();
    expect(amsterdam).toMatch(/Er is nog geen werkruimte voor Amsterdam of voor een gebied daarin/);
    expect(amsterdam).not.toContain('Schouw rond het station');
    expect(pdfFacts(await page.pdf({ format: 'A4' })).pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Terug naar de kaart' }).click();

    // Nothing selected: Ctrl+P prints what to select, not an empty titled report.
    await page.getByRole('button', { name: 'Selectie wissen' }).click();
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Kompas');
    // The button left with the area's header: focus is on the panel's heading, not lost.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('area-title');
    await page.emulateMedia({ media: 'print' });
    const empty = await report.innerText();
    expect(empty).toMatch(/nog geen gebied gekozen/);
    expect(empty).toMatch(/Kies eerst een buurt, wijk of gemeente/);
    expect(await report.locator('h3').count()).toBe(0);
    await page.context().close();
  }, 240_000);
});
