/**
 * Layout at common screen sizes: nothing in the right-hand panel is cut off
 * at laptop sizes (wide tables scroll inside their own region, the page never
 * scrolls sideways), and on a tablet the legend stays beside the map.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile, openApp } from './helpers.ts';

const browser = chromiumForFile();

const KANALENEILAND_ZUID = '#ds=nl2024&lvl=buurt&sel=BU03440831&bez=1';

/**
 * Elements in a panel (the right-hand panel by default, or the left bar)
 * that reach past its visible right edge or are wider than the panel
 * without sitting in a scroll region of their own, and whether the panel or
 * the page itself scrolls sideways.
 */
async function cutOff(page: Page, selector = 'aside.panel') {
  return page.evaluate((selector) => {
    const panel = document.querySelector(selector) as HTMLElement;
    const box = panel.getBoundingClientRect();
    const visibleRight = box.left + panel.clientLeft + panel.clientWidth;
    const scrollsSideways = (el: Element) => {
      const style = getComputedStyle(el);
      return (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.getBoundingClientRect().right <= visibleRight + 1;
    };
    const inScrollRegion = (el: Element) => {
      for (let a = el.parentElement; a && a !== panel; a = a.parentElement) if (scrollsSideways(a)) return true;
      return false;
    };
    const outside: string[] = [];
    for (const el of panel.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > visibleRight + 1 || r.width > panel.clientWidth + 1) && !inScrollRegion(el)) outside.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)} px breed, rechts ${Math.round(r.right)} > ${Math.round(visibleRight)}`);
    }
    const doc = document.scrollingElement!;
    return {
      outside: outside.slice(0, 10),
      panelScrollsSideways: panel.scrollWidth > panel.clientWidth,
      pageScrollsSideways: doc.scrollWidth !== doc.clientWidth,
    };
  }, selector);
}

const FITS = { outside: [], panelScrollsSideways: false, pageScrollsSideways: false };

describe('indeling', () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    it(`at ${viewport.width}×${viewport.height} no drill-down or comparison column is cut off in the panel`, async () => {
      const { page } = await openApp(browser, KANALENEILAND_ZUID, { viewport });
      await expect.poll(() => page.locator('#area-title').textContent()).toBe('Kanaleneiland-Zuid');
      const buttons = page.locator('button.cat');
      await expect.poll(() => buttons.count()).toBeGreaterThan(3);
      const ids = await buttons.evaluateAll((els) => els.map((el) => el.id));
      for (const id of ids) await page.click(`#${id}`);
      await expect.poll(() => page.locator('.factors').count()).toBe(ids.length);
      // Every drill-down shows its contribution column.
      await expect.poll(() => page.locator('.factors thead th', { hasText: 'Bijdrage' }).count()).toBe(ids.length);
      expect(await cutOff(page)).toEqual(FITS);

      await page.click('#tab-vergelijken');
      const neighbours = page.locator('.pick input[type=checkbox]');
      await expect.poll(() => neighbours.count()).toBeGreaterThan(2);
      for (const box of await neighbours.all()) if (!(await box.isChecked())) await box.check();
      await expect.poll(() => page.locator('.compare thead th').count()).toBe((await neighbours.count()) + 2);
      expect(await cutOff(page)).toEqual(FITS);
      await page.context().close();
    });
  }

  for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    it(`at ${viewport.width}×${viewport.height} matrix, timeline (a full year in view), Tafel van 12 and the gap chart fit their panels`, async () => {
      const { page } = await openApp(browser, `${KANALENEILAND_ZUID}&cat=kloof`, { viewport });
      await expect.poll(() => page.locator('#area-title').textContent()).toBe('Kanaleneiland-Zuid');
      // The gap chart with its tables in the 17rem left bar.
      await page.locator('#gap-areas').waitFor();
      expect(await cutOff(page, 'aside.side'), 'linkerbalk met kloofdiagram').toEqual(FITS);

      await page.click('#tab-aanpak');
      const panel = page.locator('.workspace-panel');
      await panel.waitFor({ timeout: 30_000 });
      await panel.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
      await panel.getByRole('tab', { name: /Suggesties/ }).click();
      for (let k = 0; k < 2; k++) await panel.locator('article.card').nth(k).getByRole('button', { name: /^Toevoegen aan matrix/ }).click();

      await panel.getByRole('tab', { name: /Interventiematrix/ }).click();
      await panel.locator('article.matrix-row').nth(1).getByRole('button', { name: '+ Actie toevoegen' }).click();
      for (const view of ['Alle interventies', 'Per categorie', 'Per partij']) {
        await panel.getByRole('radio', { name: view }).check();
        expect(await cutOff(page), `matrix, ${view}`).toEqual(FITS);
      }
      await panel.getByRole('radio', { name: 'Alle interventies' }).check();
      for (let k = 0; k < 2; k++) await panel.locator('article.matrix-row').nth(k).getByRole('button', { name: /^Op tijdslijn zetten/ }).click();

      await panel.getByRole('tab', { name: /Tijdslijn/ }).click();
      await expect.poll(() => panel.locator('button.bar').count()).toBe(2);
      expect(await cutOff(page), 'tijdslijn').toEqual(FITS);
      // Twelve whole months side by side inside the timeline's visible box.
      const monthsInView = await page.evaluate(() => {
        const box = document.querySelector('.timeline .scroll')!.getBoundingClientRect();
        return [...document.querySelectorAll('.timeline .month')].filter((m) => {
          const r = m.getBoundingClientRect();
          return r.left >= box.left - 1 && r.right <= box.right + 1;
        }).length;
      });
      expect(monthsInView).toBeGreaterThanOrEqual(12);

      await panel.getByRole('tab', { name: /Lokale kennis/ }).click();
      await panel.locator('#tafel-h').waitFor();
      expect(await cutOff(page), 'lokale kennis en Tafel van 12').toEqual(FITS);
      await page.context().close();
    });
  }

  it('on a tablet (820×1180) the legend sits right under the map, and opening the score table keeps the map in view', async () => {
    const { page } = await openApp(browser, KANALENEILAND_ZUID, { viewport: { width: 820, height: 1180 } });
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Kanaleneiland-Zuid');
    const layout = () =>
      page.evaluate(() => {
        const map = document.querySelector('.map-holder')!.getBoundingClientRect();
        const legend = document.querySelector('#legend-title')!.closest('section')!.getBoundingClientRect();
        return { mapTop: map.top, mapBottom: map.bottom, mapHeight: map.height, legendTop: legend.top, legendBottom: legend.bottom, scrollY: window.scrollY };
      });
    const before = await layout();
    // Directly under the map (a small gap for borders and padding), and on the first screen.
    expect(before.legendTop - before.mapBottom).toBeGreaterThanOrEqual(0);
    expect(before.legendTop - before.mapBottom).toBeLessThan(40);
    expect(before.legendBottom).toBeLessThanOrEqual(1180);
    expect(before.mapHeight).toBeGreaterThan(400);
    // Without a basemap (the default config.json) the legend says where streets and water come from.
    await expect.poll(() => page.locator('.legend-holder #legend-basemap').textContent()).toMatch(/Straten en water staan niet op deze kaart\..*achtergrondkaart van PDOK aan te zetten/);

    await page.click('button.text-alternative');
    await expect.poll(() => page.locator('#table-title').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('table-title');
    const after = await layout();
    expect(after.scrollY).toBe(before.scrollY);
    expect(after.mapTop).toBe(before.mapTop);
    expect(after.mapTop).toBeGreaterThanOrEqual(0);
    expect(after.mapHeight).toBeGreaterThan(250);
    expect(after.legendTop - after.mapBottom).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });
});
