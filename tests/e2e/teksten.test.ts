/**
 * The Dutch a user reads: no doubled words ("Witte vlek: witte vlek"), no
 * "(en)" plurals, no parentheses inside parentheses. Scans the rendered text
 * of the kompas with every drill-down open, the weights dialog and the legend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { openApp } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Awkward fragments in a text, each with a little context. */
function awkwardText(text: string): string[] {
  const found: string[] = [];
  const context = (i: number) => text.slice(Math.max(0, i - 30), i + 50).replace(/\s+/g, ' ');
  for (const m of text.matchAll(/\b([A-Za-zÀ-ÿ]{3,}(?: [A-Za-zÀ-ÿ]{3,})?)[:,]? \1\b/gi)) found.push(`dubbel: ${context(m.index!)}`);
  for (const m of text.matchAll(/[a-zà-ÿ]\((?:en|s|n)\)/gi)) found.push(`meervoud: ${context(m.index!)}`);
  for (const m of text.matchAll(/\([^()\n]*\([^()\n]*\)[^()\n]*\)/g)) found.push(`haakjes in haakjes: ${context(m.index!)}`);
  return found;
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

describe('teksten', () => {
  it('the scanner finds what it is meant to find', () => {
    expect(awkwardText('Witte vlek: witte vlek: geen bron')).toHaveLength(1);
    expect(awkwardText('1 gewicht(en) wijken af')).toHaveLength(1);
    expect(awkwardText('objectieve veiligheid P88 (geregistreerd (politie))')).toHaveLength(1);
    expect(awkwardText('Witte vlek: geen bron in deze dataset. 2 gewichten wijken af.')).toEqual([]);
  });

  it('the kompas, every drill-down, the legend and the weights read without doubled words or "(en)" plurals', async () => {
    const { page } = await openApp(browser, '#ds=nl2024&lvl=buurt&sel=BU03440831&bez=1');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Kanaleneiland-Zuid');
    const buttons = page.locator('button.cat');
    await expect.poll(() => buttons.count()).toBeGreaterThan(3);
    for (const id of await buttons.evaluateAll((els) => els.map((el) => el.id))) await page.click(`#${id}`);
    await expect.poll(() => page.locator('.factors').count()).toBeGreaterThan(3);
    const panel = await visibleText(page);
    expect(panel).toContain('Witte vlek');
    expect(awkwardText(panel)).toEqual([]);

    await page.getByRole('button', { name: 'Gewichten' }).click();
    await page.locator('dialog input[type=range]').first().fill('0.5');
    await page.locator('dialog input[type=range]').first().dispatchEvent('change');
    const dialog = (await page.locator('dialog[open]').innerText()) ?? '';
    expect(dialog).toMatch(/1 gewicht wijkt af/);
    expect(dialog).toMatch(/S4\.0 .*neemt het gewicht over van S4\.1/s);
    expect(awkwardText(dialog)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});
