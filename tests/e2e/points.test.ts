/**
 * Point data in real headless Chromium: a gemeente imports MORA-meldingen
 * in RD New, confirms the detected columns, sees the counts feed factor F1.4
 * in the drill-down and the points drawn by deck.gl on the map canvas, then
 * switches the layer off.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile, externalRequests, openApp, recolourCount, waitForColouredMap } from './helpers.ts';

const MELDINGEN = fileURLToPath(new URL('../fixtures/points/meldingen-rd.csv', import.meta.url));
const FOUT = fileURLToPath(new URL('../fixtures/points/meldingen-fout.csv', import.meta.url));
/** A MORA export as Excel writes it: Windows-1252 ("X-coördinaat"), a title line, a "Bron:" footer, one melding without a location (line 20). */
const MORA_EXPORT = fileURLToPath(new URL('../fixtures/points/mora-export-1252.csv', import.meta.url));
/** 50 points in Brussels: inside the rough rectangle around the Netherlands, in no Dutch buurt. */
const BRUSSEL = fileURLToPath(new URL('../fixtures/points/brussel-wgs84.csv', import.meta.url));

const browser = chromiumForFile();

/** Pixels of the point colour (teal, see src/map/point-overlay.ts) on the map canvas. */
async function pointPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const image = (window as any).__mapImageData() as ImageData;
    const data = image.data;
    let n = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p] < 60 && Math.abs(data[p + 1] - 150) < 30 && Math.abs(data[p + 2] - 160) < 30) n++;
    }
    return n;
  });
}

describe('punten importeren', () => {
  it('refuses a malformed file with row and column, and changes nothing', async () => {
    const { page, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=buurt&sel=BU00140001');
    await page.locator('#points-open').click();
    await page.setInputFiles('#points-file', FOUT);
    await expect.poll(() => page.locator('#points-x').inputValue()).toBe('x');
    const recolours = await recolourCount(page);
    await page.locator('#points-apply').click();
    const alert = page.locator('dialog [role=alert]');
    await expect.poll(() => alert.textContent()).toContain('niets veranderd');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('regel 3, kolom x: "ca. 233800" is geen getal.');
    expect(text).toContain('regel 5, kolommen x/y: punt (955000; 463000) ligt buiten Nederland');
    expect(await recolourCount(page)).toBe(recolours);
    expect(await page.evaluate(() => Object.keys((window as any).__kompas.app.importedBySource))).toEqual([]);
    expect(await page.locator('#points-visible').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('imports RD points: counts feed F1.4, deck.gl draws them on the map, the switch hides them', async () => {
    const { page, requests, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=buurt&sel=BU00140001');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    // deck.gl and the geometry are not loaded before points are imported.
    expect(requests.some((u) => /geometry\.[0-9a-f]{8}\.json/.test(u))).toBe(false);
    expect(await pointPixels(page)).toBe(0);

    await page.locator('#points-open').click();
    await page.setInputFiles('#points-file', MELDINGEN);
    await expect.poll(() => page.locator('#points-x').inputValue()).toBe('x');
    expect(await page.locator('#points-y').inputValue()).toBe('y');
    expect(await page.locator('input[name=points-crs][value=rd]').isChecked()).toBe(true);
    expect(await page.locator('dialog').textContent()).toContain('RD New');
    expect(await page.locator('#points-series').inputValue()).toBe('mora_meldingen');

    // A cleared year is refused in Dutch before anything is counted or saved:
    // saved with the counts, it made the whole workspace unreadable on the next load.
    const year = await page.locator('#points-year').inputValue();
    await page.locator('#points-year').fill('');
    await page.locator('#points-apply').click();
    await expect.poll(() => page.locator('dialog [role=alert]').textContent()).toContain('Jaar van de gegevens: geen jaar ingevuld');
    expect(await page.evaluate(() => Object.keys((window as any).__kompas.app.importedBySource).length)).toBe(0);
    await page.locator('#points-year').fill(year);

    const recolours = await recolourCount(page);
    await page.locator('#points-apply').click();
    const outcome = page.locator('section.outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toContain('Toegepast: meldingen-rd.csv');
    const text = (await outcome.textContent()) ?? '';
    expect(text).toMatch(/29 punten ingelezen/);
    expect(text).toMatch(/Buurten: 28 in een gebied, 1 erbuiten/);
    expect(text).toContain('telling bij benadering aan buurtgrenzen');
    // Only the gemeente the file covers gets values; elsewhere a 0 would be false.
    expect(text).toMatch(/dekt gemeente Groningen \(een gemeente geldt als gedekt met minstens 20 punten/);
    expect(text).toMatch(/1 van de 29 punten liggen in geen enkele buurt/);
    expect(await outcome.locator('tbody tr').first().textContent()).toContain('BU00140001');
    // Saved after the layer is drawn (deck.gl loads first).
    await expect.poll(() => outcome.textContent()).toMatch(/tellingen per gebied zijn bewaard in werkruimte/i);
    await page.locator('#points-close').click();
    await waitForColouredMap(page, recolours + 1);

    // The drill-down shows the imported figure with its source.
    await page.locator('#cat-F1').click();
    const factors = page.locator('#factors-F1');
    await expect.poll(() => factors.textContent()).toMatch(/gemeente-import( \(punten\))?: meldingen-rd\.csv/);
    expect(await factors.textContent()).toMatch(/per 1\.000 inwoners/);

    // deck.gl draws the points into the map canvas (interleaved), above the choropleth.
    await expect.poll(() => pointPixels(page), { timeout: 20_000 }).toBeGreaterThan(30);
    expect(await page.locator('.legend').textContent()).toContain('punt uit meldingen-rd.csv');

    await page.locator('#points-visible').uncheck();
    await expect.poll(() => pointPixels(page)).toBe(0);
    expect(await page.locator('.legend').textContent()).not.toContain('punt uit');
    await page.locator('#points-visible').check();
    await expect.poll(() => pointPixels(page)).toBeGreaterThan(30);

    expect(requests.some((u) => /buurt-geometry\.[0-9a-f]{8}\.json/.test(u))).toBe(true);
    expect(externalRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);

    // After a reload the counts per area are still applied (kept in the workspace); the points themselves are not.
    await page.reload();
    await waitForColouredMap(page);
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    await page.locator('#cat-F1').click();
    await expect.poll(() => page.locator('#factors-F1').textContent(), { timeout: 30_000 }).toContain('meldingen-rd.csv (punten)');
    expect(await page.locator('#points-visible').count()).toBe(0);
    await page.context().close();
  });

  it('takes a real MORA export with one bad row, then refuses Brussels points without leaving the old "Toegepast" under the error', async () => {
    const { page, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=buurt&sel=BU00140001');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    await page.locator('#points-open').click();
    await page.setInputFiles('#points-file', MORA_EXPORT);
    // Windows-1252 header recognised; title and footer named as skipped; the year from the file's dates.
    await expect.poll(() => page.locator('#points-x').inputValue()).toBe('X-coördinaat');
    expect(await page.locator('#points-y').inputValue()).toBe('Y-coördinaat');
    const notes = (await page.locator('#points-notes').textContent()) ?? '';
    expect(notes).toContain('regel 1: titelregel boven de kopregel overgeslagen');
    expect(notes).toContain('regel 63: bronvermelding onder de tabel overgeslagen');
    expect(await page.locator('#points-year').inputValue()).toBe('2024');

    const recolours = await recolourCount(page);
    await page.locator('#points-apply').click();
    const outcome = page.locator('section.outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toContain('Toegepast: mora-export-1252.csv');
    expect(await outcome.textContent()).toMatch(/59 punten ingelezen/);
    expect(await page.locator('#points-skipped').textContent()).toContain('1 regel overgeslagen zonder bruikbaar punt: regel 20.');
    await expect.poll(() => outcome.textContent()).toMatch(/bewaard in werkruimte “Gegevens Groningen”/);
    await waitForColouredMap(page, recolours + 1);
    // The map recolours with the counts and the points are drawn.
    await expect.poll(() => pointPixels(page), { timeout: 20_000 }).toBeGreaterThan(30);
    const applied = await page.evaluate(() => JSON.stringify((window as any).__kompas.app.importedBySource));

    // Brussels: the points lie in no buurt. Refused in Dutch; the earlier result stays, and the green box goes.
    await page.setInputFiles('#points-file', BRUSSEL);
    await expect.poll(() => page.locator('#points-x').inputValue()).toBe('lon');
    expect(await outcome.count()).toBe(0);
    await page.locator('#points-apply').click();
    const alert = page.locator('dialog [role=alert]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('geen van de 50 punten ligt in een buurt van deze dataset');
    expect(await alert.textContent()).toContain('Er is niets toegepast of bewaard');
    expect(await outcome.count()).toBe(0);
    expect(await page.locator('#points-earlier').textContent()).toContain('mora-export-1252.csv');
    // Nothing changed: the same counts feed the kompas, the same points are on the map.
    expect(await page.evaluate(() => JSON.stringify((window as any).__kompas.app.importedBySource))).toBe(applied);
    expect(await pointPixels(page)).toBeGreaterThan(30);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
