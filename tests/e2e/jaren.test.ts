/**
 * Years on the map (issue 13, "Time on the map") in real headless Chromium
 * on the built app and the shipped Nederland 2024 data: a year recolours the
 * map, the change view between two years keeps small counts neutral, and
 * both survive a reload through the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { axeViolations } from './axe.ts';
import { externalRequests, featureStates, mapPixels, openApp, recolourCount, waitForColouredMap } from './helpers.ts';

// Each test loads the whole Nederland 2024 dataset once or twice (a year
// test reloads); on a busy machine that needs more than the default 90 s.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Map class (feature-state `c`) of every area of a level, in table order;
 * undefined where MapLibre holds none (states follow the view: an area gets
 * its state once it comes in or near the view, src/map/map-controller.ts).
 */
const classesOf = async (page: Page, level: 'gemeente' | 'buurt') => (await featureStates(page, level)).map((state) => state.c as number | undefined);

/** Reload with the URL as the app wrote it, and wait for the coloured map. */
async function reload(page: Page) {
  await page.reload();
  await waitForColouredMap(page);
}

describe('jaren op de kaart', () => {
  it('choosing a year recolours the map, the legend names the year and indeling, and the year survives a reload', async () => {
    const { page, requests, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=gemeente&cat=S4');
    const year = page.getByLabel('Jaar op de kaart');
    await expect.poll(() => year.count()).toBe(1);
    const options = await page.locator('#year-select option').allTextContents();
    expect(options).toEqual(['Nieuwste cijfers (standaard)', ...[2021, 2022, 2023, 2024, 2025].map((y) => `${y} · gebiedsindeling 2024`)]);

    const before = await classesOf(page, 'gemeente');
    const pixelsBefore = await mapPixels(page);
    const n = await recolourCount(page);
    // By keyboard: focus the labelled select and step to the first year.
    await year.focus();
    await page.keyboard.press('ArrowDown');
    await waitForColouredMap(page, n + 1);
    expect(await year.inputValue()).toBe('2021');
    const after = await classesOf(page, 'gemeente');
    const pixelsAfter = await mapPixels(page);

    // 2021 alone ranks gemeenten differently from the pooled recent years.
    const changed = before.filter((c, i) => c !== after[i]).length;
    expect(changed).toBeGreaterThan(before.length * 0.05);
    const moved = Object.keys(pixelsBefore.byColour).reduce((s, k) => s + Math.abs(pixelsBefore.byColour[k] - pixelsAfter.byColour[k]), 0);
    expect(moved / pixelsBefore.total).toBeGreaterThan(0.005);
    await expect.poll(() => page.locator('#legend-title').textContent()).toContain('2021 (gebiedsindeling 2024)');
    await expect.poll(() => page.url()).toContain('jr=2021');

    // The kompas of an area says which year it shows.
    await page.evaluate(() => (window as any).__kompas.app.select('gemeente', 0));
    await expect.poll(() => page.locator('#area-year').textContent()).toContain('Cijfers van 2021');

    await reload(page);
    expect(await page.locator('#year-select').inputValue()).toBe('2021');
    expect(await classesOf(page, 'gemeente')).toEqual(after);

    // Back to the latest figures: the default map again.
    const m = await recolourCount(page);
    await page.selectOption('#year-select', '');
    await waitForColouredMap(page, m + 1);
    expect(await classesOf(page, 'gemeente')).toEqual(before);
    await expect.poll(() => page.url()).not.toContain('jr=');

    expect(pageErrors).toEqual([]);
    expect(externalRequests(requests)).toEqual([]);
    await page.context().close();
  }, 240_000);

  /** What the change view wrote into the URL and drew, for the round trip below. */
  let written: { hash: string; classes: (number | undefined)[] } | null = null;

  it('the change 2021–2025 keeps a buurt with small counts neutral ("geen duidelijke verandering") and colours clear changes', async () => {
    const { page, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=buurt&cat=S4&v=5.12,52.09,12');
    const n = await recolourCount(page);
    await page.getByLabel(/Verandering tussen twee jaren/).check();
    await waitForColouredMap(page, n + 1);
    await expect.poll(() => page.url()).toContain('vgl=2021-2025');
    expect(await page.locator('#change-from').inputValue()).toBe('2021');
    expect(await page.locator('#change-to').inputValue()).toBe('2025');
    await expect.poll(() => page.locator('#legend-title').textContent()).toBe('Legenda: verandering in geregistreerde misdrijven, 2021 → 2025');

    // A buurt on the map whose two years together hold fewer than ten offences.
    // The counts come with the change view from the worker (the main thread keeps no crime columns).
    const picked = await page.evaluate(() => {
      const k = (window as any).__kompas;
      const app = k.app;
      const t = app.table('buurt');
      const { a, b, incomplete } = app.changeAt('buurt');
      const onMap = (i: number) => k.controller.map.getFeatureState({ source: 'areas', sourceLayer: 'buurten', id: i + 1 }).c !== undefined;
      let small = -1;
      for (let i = 0; i < t.codes.length; i++) {
        if (incomplete[i] || !Number.isFinite(a[i]) || !Number.isFinite(b[i]) || !onMap(i)) continue;
        if (a[i] + b[i] > 0 && a[i] + b[i] < 10) { small = i; break; }
      }
      return { small: t.codes[small] as string };
    });
    expect(picked.small).toMatch(/^BU/);
    const classes = await classesOf(page, 'buurt');
    const codes = await page.evaluate(() => (window as any).__kompas.app.table('buurt').codes as string[]);
    // 22 = change class "geen duidelijke verandering" (src/map/style.ts NO_CHANGE_CLASS).
    expect(classes[codes.indexOf(picked.small)]).toBe(22);
    // Most buurten on the map have a comparison, in the change classes 20–24; some change clearly.
    const shown = classes.filter((c): c is number => c !== undefined);
    expect(shown.length).toBeGreaterThan(100);
    const compared = shown.filter((c) => c >= 20 && c <= 24);
    expect(compared.length).toBeGreaterThan(shown.length * 0.5);
    expect(compared.filter((c) => c !== 22).length).toBeGreaterThan(20);
    // The map draws the diverging colours (fills at 0.88 over land #f3f1ec).
    const diverging = await page.evaluate(() => {
      const data = ((window as any).__mapImageData() as ImageData).data;
      const land = [243, 241, 236];
      const colours = [[94, 60, 153], [178, 171, 210], [253, 184, 99], [230, 97, 1]].map((c) => c.map((v, i) => Math.round(0.88 * v + 0.12 * land[i])));
      let hits = 0;
      for (let p = 0; p < data.length; p += 4) if (colours.some((c) => Math.abs(data[p] - c[0]) <= 6 && Math.abs(data[p + 1] - c[1]) <= 6 && Math.abs(data[p + 2] - c[2]) <= 6)) hits++;
      return hits;
    });
    expect(diverging).toBeGreaterThan(1000);
    // "Geen duidelijke verandering" is striped, not only light grey: the
    // stripe layer belongs to the change view (src/map/style.ts modeLayerIds)
    // and draws over the neutral buurten on screen.
    const striped = await page.evaluate(() => {
      const features = (window as any).__kompas.controller.map.queryRenderedFeatures({ layers: ['pattern-noChange-buurt'] });
      return features.filter((f: any) => f.state?.c === 22).length;
    });
    expect(striped).toBeGreaterThan(10);

    // The kompas of the small buurt says so in words.
    await page.evaluate((code) => { const app = (window as any).__kompas.app; app.select('buurt', app.table('buurt').codes.indexOf(code)); }, picked.small);
    await expect.poll(() => page.locator('#area-change').textContent()).toMatch(/Geen duidelijke verandering in geregistreerde misdrijven tussen 2021 en 2025 .*te klein/);
    expect(await page.locator('#legend-title').textContent()).toContain('2021 → 2025');
    // The year controls, the change legend and the sentence pass axe-core (WCAG 2.1 AA).
    for (const part of ['.controls', '.legend-holder', '#area-change']) expect(await axeViolations(page, part), part).toEqual([]);
    await expect.poll(() => page.url()).toContain(`sel=${picked.small}`);
    // The classes as the map holds them at the view the link keeps (the selected buurt's).
    written = { hash: new URL(page.url()).hash, classes: await classesOf(page, 'buurt') };
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a copied link restores the change view, the sentence and the table with both years', async () => {
    expect(written?.hash).toContain('vgl=2021-2025');
    const { page, pageErrors } = await openApp(browser, written!.hash);
    expect(await page.locator('#change-switch').isChecked()).toBe(true);
    expect(await page.locator('#change-from').inputValue()).toBe('2021');
    expect(await page.locator('#change-to').inputValue()).toBe('2025');
    // The same class on every buurt both maps hold.
    const restored = await classesOf(page, 'buurt');
    const both = restored.flatMap((c, i) => (c !== undefined && written!.classes[i] !== undefined ? [[c, written!.classes[i]]] : []));
    expect(both.length).toBeGreaterThan(20);
    expect(both.filter(([c, w]) => c !== w)).toEqual([]);
    await expect.poll(() => page.locator('#area-change').textContent()).toContain('Geen duidelijke verandering');

    // The score table shows both years and the change.
    await page.getByRole('button', { name: 'Scoretabel', exact: true }).click();
    await expect.poll(() => page.locator('.score-table thead').textContent()).toMatch(/2021.*2025.*Verandering/);

    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
