/**
 * Veiligheidsbeleving in real headless Chromium on the built app and the
 * shipped Nederland 2024 data: the perception-gap map and chart, a
 * Veiligheidsmonitor file that turns the beleving dial into an anchored
 * estimate, and the kernteam's judgement beside the score and on the map.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile, featureState, openApp, pixelsNear, recolourCount, waitForColouredMap } from './helpers.ts';
import { QUADRANTS } from '../../src/beleving/gap.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140001';
const SURVEY = fileURLToPath(new URL('../fixtures/beleving/vm-2023-gemeenten.csv', import.meta.url));
/** A waarstaatjegemeente wijk export for Utrecht: Windows-1252, a title line, names without CBS's "Wijk 03", a "Bron:" footer, one short row. */
const SURVEY_WIJKEN = fileURLToPath(new URL('../fixtures/beleving/vm-2023-wijken-utrecht.csv', import.meta.url));

const browser = chromiumForFile();

/** Pixels of the map canvas per quadrant colour (fills at 0.88 opacity over land). */
async function quadrantPixels(page: Page): Promise<{ total: number; byQuadrant: number[] }> {
  return page.evaluate((colours) => {
    const image = (window as any).__mapImageData() as ImageData;
    const data = image.data;
    const land = [243, 241, 236];
    const expected = colours.map((hex) => [1, 3, 5].map((k, i) => Math.round(0.88 * parseInt(hex.slice(k, k + 2), 16) + 0.12 * land[i])));
    const byQuadrant = [0, 0, 0, 0];
    for (let p = 0; p < data.length; p += 4) {
      for (let q = 0; q < 4; q++) {
        const c = expected[q];
        if (Math.abs(data[p] - c[0]) <= 6 && Math.abs(data[p + 1] - c[1]) <= 6 && Math.abs(data[p + 2] - c[2]) <= 6) { byQuadrant[q]++; break; }
      }
    }
    return { total: data.length / 4, byQuadrant };
  }, QUADRANTS.map((q) => q.colour));
}

/** Whether MapLibre draws a layer now: a hidden layer is not even parsed (the first view must not pay for modes that are off). */
const layerShown = (page: Page, id: string) => page.evaluate((layer) => (window as any).__kompas.controller.map.getLayoutProperty(layer, 'visibility') !== 'none', id);

/** A stripe pixel of the gap view: the stripe colour (rgb 20, alpha 170/255) over a quadrant fill (0.88 over land). */
function stripeOver(hex: string): number[] {
  const land = [243, 241, 236];
  const a = 170 / 255;
  return [1, 3, 5].map((k, i) => Math.round(a * 20 + (1 - a) * (0.88 * parseInt(hex.slice(k, k + 2), 16) + 0.12 * land[i])));
}

describe('veiligheidsbeleving', () => {
  it('gap map mode colours the map by quadrant and the chart lists areas', async () => {
    // Binnenstad-Zuid is a visitor area: it gets a quadrant only with visitor areas ranked (bez=1).
    const { page, pageErrors } = await openApp(browser, `${AREA}&bez=1`);
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    // Step back from the selected buurt so that many buurten are on screen.
    await page.evaluate(() => (window as any).__kompas.controller.map.jumpTo({ zoom: 11.5 }));
    // Before the gap view its stripe layers are off: not drawn, not parsed.
    expect(await layerShown(page, 'pattern-gapFeelsUnsafe-buurt')).toBe(false);
    const stripesBefore = await pixelsNear(page, stripeOver(QUADRANTS[1].colour), 10);
    const n = await recolourCount(page);
    await page.selectOption('#target-select', 'kloof');
    await waitForColouredMap(page, n + 1);
    await expect.poll(() => page.url()).toContain('cat=kloof');
    // The two quadrants where registered and felt safety disagree carry stripes, so colour is not the only cue.
    expect(await layerShown(page, 'pattern-gapFeelsUnsafe-buurt')).toBe(true);
    expect(await pixelsNear(page, stripeOver(QUADRANTS[1].colour), 10)).toBeGreaterThan(stripesBefore + 200);

    const px = await quadrantPixels(page);
    const coloured = px.byQuadrant.reduce((a, b) => a + b, 0);
    expect(coloured / px.total).toBeGreaterThan(0.05);
    expect(px.byQuadrant.filter((v) => v > 300).length).toBeGreaterThanOrEqual(3);
    // The selected buurt carries a quadrant class (10–13) in feature-state.
    const state = await featureState(page, 'buurt', 'BU00140001');
    expect(state.c).toBeGreaterThanOrEqual(10);
    expect(state.c).toBeLessThanOrEqual(13);

    const legend = page.locator('.legend');
    await expect.poll(() => legend.textContent()).toContain('Gesplitst op P50');
    expect(await legend.textContent()).toContain('veilig maar voelt onveilig');
    // Axis labels name each dial's basis; the text alternative lists areas.
    const caption = (await page.locator('#gap-caption').textContent()) ?? '';
    expect(caption).toContain('door de politie geregistreerd');
    expect(caption).toContain('indicatie, geen meting');
    expect(await page.locator('#gap-areas tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('#gap-areas tbody tr.selected').textContent()).toContain('Binnenstad-Zuid');
    expect(await page.locator('#gap-svg-desc').textContent()).toMatch(/\d+ gebieden met beide wijzers/);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a Veiligheidsmonitor file with a gemeente figure makes the beleving dial "geschat" with an interval', async () => {
    const { page, pageErrors } = await openApp(browser, AREA);
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    const dial = page.locator('.dial').filter({ hasText: 'Veiligheidsbeleving' });
    await expect.poll(() => dial.textContent()).toContain('indicatie, geen meting');
    // Without a survey the dial leads to the Tafel van 12 (Aanpak → Lokale kennis).
    await dial.getByRole('button', { name: /Tafel van 12/ }).click();
    await expect.poll(() => page.locator('#wsp-tab-kennis').getAttribute('aria-selected')).toBe('true');
    await page.locator('#tab-kompas').click();

    await page.locator('#survey-open').click();
    await page.setInputFiles('#survey-file', SURVEY);
    const status = page.locator('#survey-status');
    await expect.poll(() => status.textContent()).toMatch(/2 cijfers herkend \(gemeente: 2\);\s*2 fouten; 1 zonder waarde/);
    const errors = await page.locator('table.errors tbody tr').allTextContents();
    expect(errors[0]).toContain('GM0O34');
    expect(errors[1]).toContain('dubbel gebied GM0034');
    expect(await page.locator('#survey-apply').isDisabled()).toBe(true);
    await page.locator('#survey-skip').check();
    const n = await recolourCount(page);
    await page.locator('#survey-apply').click();
    await expect.poll(() => page.locator('#survey-applied').textContent()).toMatch(/Buurt: 0 gemeten, \d+ geschat/);
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await waitForColouredMap(page, n + 1);

    await expect.poll(() => dial.locator('.basis').textContent(), { timeout: 20_000 }).toBe('geschat op basis van proxies');
    const value = (await page.locator('#dial-beleving-survey').textContent()) ?? '';
    expect(value).toMatch(/^\s*\d+(,\d)? % \(geschat\)/);
    const text = (await dial.textContent()) ?? '';
    expect(text).toMatch(/95 %-interval: \d+(,\d)? % – \d+(,\d)? %/);
    expect(text).toContain('Verankerd op Groningen (GM0014): 18,4 % ± 1,9');
    expect(text).toContain('enquête-import: vm-2023-gemeenten.csv');
    // Binnenstad-Zuid is a visitor area: the estimate says to read it with care.
    expect(text).toContain('Let op: bezoekersgebied');
    // Estimate inside its interval.
    const [est, lo, hi] = [/^\s*([\d,]+) %/.exec(value)![1], ...(/interval: ([\d,]+) % – ([\d,]+) %/.exec(text)!.slice(1))].map((s) => Number(s.replace(',', '.')));
    expect(lo).toBeLessThan(est);
    expect(hi).toBeGreaterThan(est);

    // The survey is kept in the workspace (IndexedDB): after a reload the dial is anchored again, with the same estimate.
    await page.reload();
    await expect.poll(() => page.locator('#area-title').textContent(), { timeout: 20_000 }).toBe('Binnenstad-Zuid');
    await expect.poll(() => dial.locator('.basis').textContent(), { timeout: 20_000 }).toBe('geschat op basis van proxies');
    await expect.poll(() => page.locator('#dial-beleving-survey').textContent(), { timeout: 20_000 }).toBe(value);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wijkveiligheidskompas.enquete.')))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a Veiligheidsmonitor wijk export with a title line, "Wijk 03"-less names and a Bron footer goes in on the first try', async () => {
    const { page, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=wijk&sel=WK034403');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Wijk 03 Overvecht');
    await page.locator('#survey-open').click();
    await page.selectOption('#survey-gemeente', 'GM0344');
    await page.setInputFiles('#survey-file', SURVEY_WIJKEN);
    const status = page.locator('#survey-status');
    await expect.poll(() => status.textContent()).toMatch(/3 cijfers herkend \(wijk: 3\);\s*1 fout; 1 zonder waarde/);
    const notes = (await page.locator('#survey-notes').textContent()) ?? '';
    expect(notes).toContain('regels 1–2: titelregel boven de kopregel overgeslagen (“Veiligheidsmonitor 2023 – wijken gemeente Utrecht”)');
    expect(notes).toContain('regel 9: bronvermelding onder de tabel overgeslagen');
    // The footer is not an unknown name; the one error is the short row, with its line.
    const errors = await page.locator('table.errors tbody tr').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^8.*verwacht 4 kolommen, gevonden 3/);
    await page.locator('#survey-skip').check();
    expect(await page.locator('#survey-skipped').textContent()).toBe('1 rij overgeslagen: regel 8.');
    const n = await recolourCount(page);
    await page.locator('#survey-apply').click();
    await expect.poll(() => page.locator('#survey-applied').textContent()).toMatch(/Wijk: 3 gemeten/);
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await waitForColouredMap(page, n + 1);
    // Overvecht's dial shows the measured figure from the file.
    const dial = page.locator('.dial').filter({ hasText: 'Veiligheidsbeleving' });
    await expect.poll(() => dial.locator('.basis').textContent(), { timeout: 20_000 }).toBe('gemeten (enquête)');
    expect(await page.locator('#dial-beleving-survey').textContent()).toMatch(/31,2 % \(gemeten\)/);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a survey this browser kept in localStorage (before workspace file version 5) is adopted into a workspace', async () => {
    const { page, pageErrors } = await openApp(browser, AREA);
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    await page.evaluate(() => localStorage.setItem('wijkveiligheidskompas.enquete.nl2024', JSON.stringify({
      fileName: 'vm-oud.csv', importedAt: '2026-11-26T03:00:00.000Z', measure: '% voelt zich weleens onveilig in eigen buurt',
      figures: [{ level: 'gemeente', code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9, n: null, year: 2023 }],
    })));
    await page.reload();
    const dial = page.locator('.dial').filter({ hasText: 'Veiligheidsbeleving' });
    await expect.poll(() => dial.locator('.basis').textContent(), { timeout: 20_000 }).toBe('geschat op basis van proxies');
    expect(await dial.textContent()).toContain('enquête-import: vm-oud.csv');
    // Moved, not copied: the old entry is gone once the workspace holds it, and a further reload keeps it.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('wijkveiligheidskompas.enquete.nl2024'))).toBeNull();
    await page.reload();
    await expect.poll(() => dial.locator('.basis').textContent(), { timeout: 20_000 }).toBe('geschat op basis van proxies');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('records a kernteam judgement beside the score and shows it on the map with the switch on', async () => {
    // Binnenstad-Zuid is a visitor area: the kernteam judges its crime score with visitor areas ranked (bez=1).
    const { page, pageErrors } = await openApp(browser, `${AREA}&cat=S4&bez=1`);
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Binnenstad-Zuid');
    await page.locator('#oordeel-S4-knop').click();
    await page.getByLabel('−2: veel minder kwetsbaar dan de data laten zien').check();
    await page.locator('#oordeel-S4-reden').fill('Veel aangiften komen van bezoekers van de binnenstad, niet van bewoners');
    await page.locator('#oordeel-S4-rol').fill('wijkagent');
    await page.locator('#oordeel-S4-opslaan').click();
    const shown = page.locator('#oordeel-S4-tekst');
    await expect.poll(() => shown.textContent()).toContain('Kernteam-oordeel (geen data)');
    expect(await shown.textContent()).toContain('−2: veel minder kwetsbaar dan de data laten zien');
    expect(await shown.textContent()).toContain('wijkagent');
    // The data score is still there, unchanged, beside it.
    const before = await featureState(page, 'buurt', 'BU00140001');
    expect(await page.locator('#cat-S4 .cat-score').textContent()).toMatch(/P\d+/);

    const purple = [0x4b, 0x00, 0x82];
    expect(await pixelsNear(page, purple, 12)).toBe(0);
    const n = await recolourCount(page);
    await page.locator('#judgement-switch').check();
    await waitForColouredMap(page, n + 1);
    // The judged buurt gets its dashed purple outline on the map.
    expect(await pixelsNear(page, purple, 12)).toBeGreaterThan(30);
    const after = await featureState(page, 'buurt', 'BU00140001');
    expect(before.c).toBeGreaterThan(0);
    expect(after.c).toBe(Math.max(0, before.c - 2));
    expect(after.kt).toBe(1);
    await expect.poll(() => page.locator('#legend-title').textContent()).toContain('met het oordeel van het kernteam');
    expect(await page.locator('#legend-judgement').textContent()).toMatch(/Kernteam-oordeel, geen data: bij 1 gebied/);

    // Switch off: the data classes come back.
    const m = await recolourCount(page);
    await page.locator('#judgement-switch').uncheck();
    await waitForColouredMap(page, m + 1);
    expect((await featureState(page, 'buurt', 'BU00140001')).c).toBe(before.c);
    expect((await featureState(page, 'buurt', 'BU00140001')).kt).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
