/**
 * The gemeente's data expert imports MORA-meldingen per buurt for Groningen
 * in real headless Chromium: F1 Verloedering is a witte vlek at buurt level
 * in the shipped data and becomes a score, on the map and in the kompas.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile, featureState, openApp, recolourCount, waitForColouredMap } from './helpers.ts';

const browser = chromiumForFile();

const SELECTED = 'BU00140001';
const f1Status = (page: Page) => page.locator('#cat-F1 .cat-score').textContent();
const featureStatus = async (page: Page) => (await featureState(page, 'buurt', SELECTED)).s as number;

/**
 * RGB of the map canvas on a coarse grid. Witte vlek (cross-hatch on white)
 * and beperkte dekking (class colour with a hatch) both use patterns, so the
 * palette histogram of mapPixels cannot tell them apart; a pixel diff can.
 */
async function canvasSample(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const image = (window as any).__mapImageData() as ImageData;
    const data = image.data;
    const out: number[] = [];
    for (let y = 0; y < image.height; y += 5) for (let x = 0; x < image.width; x += 5) {
      const p = (y * image.width + x) * 4;
      out.push(data[p], data[p + 1], data[p + 2]);
    }
    return out;
  });
}

function changedShare(a: number[], b: number[]): number {
  let changed = 0;
  for (let i = 0; i < a.length; i += 3) {
    if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 30) changed++;
  }
  return changed / (a.length / 3);
}

/** A Swing-like export: BOM, semicolons, padded codes, a typo'd code and a duplicate row. */
async function moraCsv(page: Page): Promise<Buffer> {
  const areas = await page.evaluate(() => {
    const t = (window as any).__kompas.app.tables.buurt;
    return (t.codes as string[]).map((code, i) => ({ code, name: t.names[i] as string })).filter((a) => a.code.startsWith('BU0014'));
  });
  const lines = ['Gebiedcode;Gebiednaam;MORA-meldingen 2024'];
  areas.forEach((a, i) => lines.push(`  ${a.code} ;${a.name};${(i * 37) % 400 + 5}`));
  lines.push('BU00140O01;Binnenstad-Zuid (typefout);12');
  lines.push(`${areas[0].code};${areas[0].name};99`);
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('gegevens importeren', () => {
  it('imports MORA-meldingen per buurt, maps them, and F1 turns from witte vlek into a score', { timeout: 240_000 }, async () => {
    // Binnenstad-Zuid is a bezoekers- of werkgebied: ranked (bez=1) so its F1 score shows once the import fills it.
    const { page, pageErrors } = await openApp(browser, `#ds=nl2024&lvl=buurt&cat=F1&sel=${SELECTED}&bez=1`);
    await expect.poll(() => f1Status(page), { timeout: 30_000 }).toBe('onvoldoende data – witte vlek');
    expect(await featureStatus(page)).toBe(2);
    // Look at the city of Groningen, so its buurten fill the map.
    await page.evaluate(() => (window as any).__kompas.controller.map.jumpTo({ center: [6.567, 53.219], zoom: 12.5 }));
    await page.waitForFunction(() => { const m = (window as any).__kompas.controller.map; return m.loaded() && m.areTilesLoaded() && !m.isMoving(); }, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const before = await canvasSample(page);

    await page.getByRole('button', { name: 'Gegevens importeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gegevens importeren' });
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(true);
    await page.setInputFiles('#import-file', { name: 'mora-groningen-2024.csv', mimeType: 'text/csv', buffer: await moraCsv(page) });

    // The suggested mapping: the MORA column feeds the series of F1.4, as a count for 2024.
    const target = dialog.getByLabel('Gebruiken als: MORA-meldingen 2024');
    await expect.poll(() => target.inputValue(), { timeout: 30_000 }).toBe('s:mora_meldingen');
    expect(await dialog.getByLabel('Jaar van MORA-meldingen 2024').inputValue()).toBe('2024');
    expect(await dialog.textContent()).toContain('F1.4 Meldingen en schouw openbare ruimte');

    // Nothing can be applied while rows are wrong; the errors name row, column and value.
    const apply = dialog.getByRole('button', { name: 'Toepassen' });
    expect(await apply.isDisabled()).toBe(true);
    const issues = await dialog.locator('table.issues tbody tr').allTextContents();
    expect(issues).toHaveLength(2);
    expect(issues[0]).toContain('BU00140O01');
    // A letter O is a valid character in alphanumeric (Amsterdam-style) codes, so this is an unknown code with a typo hint.
    expect(issues[0]).toContain('bestaat niet in deze indeling');
    expect(issues[1]).toContain('staat ook op regel 2');
    await dialog.getByRole('button', { name: 'Alle regels met fouten overslaan' }).click();
    await expect.poll(() => apply.isDisabled(), { timeout: 30_000 }).toBe(false);
    expect(await dialog.locator('table.preview tbody tr').count()).toBeGreaterThan(0);

    const n = await recolourCount(page);
    await apply.click();
    await expect.poll(() => dialog.getByRole('status').first().textContent(), { timeout: 30_000 }).toContain('Toegepast: mora-groningen-2024.csv');
    await page.keyboard.press('Escape');
    await waitForColouredMap(page, n + 1);

    // The selected buurt now has an F1 score (limited coverage: 50 % of the weight has data).
    await expect.poll(() => f1Status(page), { timeout: 30_000 }).toMatch(/^P\d+ · .* · beperkte dekking$/);
    await expect.poll(() => featureStatus(page), { timeout: 30_000 }).toBe(1);
    // The Groningen buurten on screen are redrawn: cross-hatch on white → class colour.
    await expect.poll(async () => changedShare(before, await canvasSample(page)), { timeout: 20_000 }).toBeGreaterThan(0.2);

    // The drill-down names the import as the source.
    await page.locator('#cat-F1').click();
    await expect.poll(() => page.locator('#factors-F1 table').textContent(), { timeout: 30_000 }).toMatch(/gemeente-import: mora-groningen-2024\.csv, \d\d-\d\d-\d{4}/);

    // Persisted in the workspace: after a reload the import is applied again.
    await page.reload();
    await waitForColouredMap(page);
    await expect.poll(() => f1Status(page), { timeout: 30_000 }).toMatch(/beperkte dekking$/);

    // Undoable: removing brings the witte vlek back, "Ongedaan maken" restores the score.
    await page.getByRole('button', { name: 'Gegevens importeren' }).click();
    await page.getByRole('button', { name: 'Import mora-groningen-2024.csv verwijderen' }).click();
    await expect.poll(() => f1Status(page), { timeout: 30_000 }).toBe('onvoldoende data – witte vlek');
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => f1Status(page), { timeout: 30_000 }).toMatch(/beperkte dekking$/);

    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
