/**
 * Opening the app the way hosts and users do: a host's configuration, the
 * dataset switch, labels and hover on the map, and clear messages when the
 * web server is not set up for PMTiles.
 */
import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { GAP_TARGET } from '../../src/beleving/gap.ts';
import { isMapTarget } from '../../src/state/map-targets.ts';
import { baseUrl, chromiumForFile, classPixels, closeRoutedPage, mapPixels, openApp, openAppPage, pixelsNear, waitForColouredMap } from './helpers.ts';

const browser = chromiumForFile();
/** The hover outline (src/map/style.ts): the selection's black, at half its width. */
const HOVER_BLACK = [0, 0, 0];

describe('openen en laden', () => {
  it('opens on the gemeente a host sets in config.json', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ defaultDataset: 'nl2024', defaultGemeente: 'GM0014' }) }));
    await page.goto(`${baseUrl()}?e2e=1`);
    await waitForColouredMap(page);
    await expect.poll(() => page.locator('#area-title').textContent(), { timeout: 30_000 }).toBe('Groningen');
    // The map flew to the gemeente: its centre lies inside Groningen's bbox.
    const centre = await page.evaluate(() => (window as any).__kompas.controller.map.getCenter());
    expect(centre.lng).toBeGreaterThan(6.4);
    expect(centre.lng).toBeLessThan(6.8);
    expect(centre.lat).toBeGreaterThan(53.1);
    expect(centre.lat).toBeLessThan(53.3);
    await context.close();
  });

  it('switches to the Groningen 2017 dataset from a view of Utrecht at gemeente level, and colours its areas', async () => {
    // Groningen 2017 has neither Utrecht nor a gemeente level: the switch must not keep either.
    const { page } = await openApp(browser, '#ds=nl2024&lvl=gemeente&v=5.12,52.09,10');
    await page.selectOption('#dataset-select', 'groningen2017');
    await page.waitForFunction(() => (window as any).__kompas.app.dataset?.id === 'groningen2017' && (window as any).__kompas.app.tables.buurt?.codes.length === 108, undefined, { timeout: 30_000 });
    await page.selectOption('#target-select', 'I2');
    await page.waitForFunction(() => {
      const k = (window as any).__kompas;
      const map = k.controller?.map;
      return k.app.scores[k.app.activeLevel] && map?.loaded() && map.areTilesLoaded() && k.controller.stats.batches > 0;
    }, undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const pixels = await mapPixels(page);
    const coloured = classPixels(pixels.byColour);
    expect(coloured).toBeGreaterThan(10_000);
    expect(page.url()).toContain('ds=groningen2017');
    const centre = await page.evaluate(() => (window as any).__kompas.controller.map.getCenter());
    expect(centre.lng).toBeGreaterThan(6.4);
    expect(centre.lat).toBeGreaterThan(53.1);
    // Its tiles start at zoom 8: the map does not let the user zoom out into an empty map.
    expect(await page.evaluate(() => (window as any).__kompas.controller.map.getMinZoom())).toBe(8);
    // The level list names the level shown, not a blank.
    const level = page.locator('label:has(> span:text-is("Niveau")) select');
    expect(await level.inputValue()).toBe('wijk');
    expect(await level.evaluate((s: HTMLSelectElement) => s.selectedIndex)).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });

  it('opens a link the dataset does not fully have on what it has, and says what it left out', async () => {
    // A category and a factor the model lacks (a link older than the model), a buurt not in the indeling.
    const { page } = await openApp(browser, '#ds=nl2024&lvl=buurt&cat=XYZ&w=S4.99:2,S4:0.5&sel=BU99999999&jr=2030&v=5.12,52.09,10');
    const pixels = await mapPixels(page);
    const coloured = classPixels(pixels.byColour);
    expect(coloured).toBeGreaterThan(0.3 * pixels.total);
    expect(await page.locator('#target-select').inputValue()).toBe('overall');
    // The Kaartkleur list shows exactly what a link may name (src/state/map-targets.ts).
    const offered = await page.locator('#target-select option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const m = KOMPAS_MODEL;
    const candidates = new Set([...offered, m.overall.id, GAP_TARGET, ...m.spheres.map((x) => x.id), ...m.dials.map((x) => x.id), ...m.categories.flatMap((c) => [c.id, ...c.factors.map((f) => f.id)])]);
    expect([...offered].sort()).toEqual([...candidates].filter((id) => isMapTarget(m, id)).sort());
    const warning = page.locator('.status-area [role=status]');
    await expect.poll(() => warning.textContent()).toContain('Niet alles uit de link is toegepast');
    const text = (await warning.textContent())!;
    expect(text).toContain('kaartkleur "XYZ" bestaat niet in Nederland 2024; de kaart toont de kwetsbaarheidsscore');
    expect(text).toContain('gewicht voor "S4.99"');
    expect(text).toContain('gebied BU99999999 staat niet in Nederland 2024');
    expect(text).toContain('jaar 2030 staat niet in de gegevens');
    // The link's known weight stays; the address now says what the map shows.
    await expect.poll(() => page.url()).not.toContain('XYZ');
    expect(page.url()).toContain('w=S4:0.5');
    expect(page.url()).not.toContain('S4.99');
    expect(page.url()).not.toContain('jr=');
    await page.context().close();
  });

  it('draws the map in a browser without DecompressionStream, with fflate loaded only there', async () => {
    const { page, requests, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=buurt&cat=S4&v=5.12,52.09,10', { initScript: 'delete globalThis.DecompressionStream;' });
    const pixels = await mapPixels(page);
    const coloured = classPixels(pixels.byColour);
    expect(coloured).toBeGreaterThan(0.3 * pixels.total);
    expect(requests.filter((u) => /\/assets\/browser-[\w-]+\.js$/.test(u))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows area names as labels and name + score on hover', async () => {
    const { page } = await openApp(browser, '#ds=nl2024&lvl=gemeente&v=5.12,52.09,9');
    await waitForColouredMap(page);
    // A link made by the app itself: applied as a whole, no notice (checked once the load is done).
    await expect.poll(() => page.evaluate(() => (window as any).__kompas.app.loading === null && !!(window as any).__kompas.app.searchIndex)).toBe(true);
    expect(await page.evaluate(() => (window as any).__kompas.app.status.has('link:ignored'))).toBe(false);
    await expect
      .poll(() => page.evaluate(() => (window as any).__kompas.controller.map.queryRenderedFeatures({ layers: ['labels-gemeente'] }).length), { timeout: 20_000 })
      .toBeGreaterThan(3);
    const hoverLine = () => pixelsNear(page, HOVER_BLACK, 4);
    const before = await hoverLine();
    const box = (await page.locator('.map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = page.locator('.tooltip');
    await expect.poll(() => tooltip.textContent(), { timeout: 10_000 }).toMatch(/P\d+|witte vlek|geen/);
    expect(await tooltip.locator('strong').textContent()).toBeTruthy();
    // Once the pointer rests, the gemeente under it is outlined on the map.
    await expect.poll(hoverLine, { timeout: 20_000 }).toBeGreaterThan(before + 200);
    await page.context().close();
  });

  it('hands the buurt names to the map after the first coloured map, and draws them once zoomed in far enough to read them', async () => {
    const { page } = await openApp(browser, '#ds=nl2024&lvl=buurt&cat=S4&v=5.12,52.09,10');
    await waitForColouredMap(page);
    const labels = () => page.evaluate(async () => {
      const k = (window as any).__kompas;
      const data = await k.controller.map.getSource('labels-buurt').getData();
      return { held: data.features.length, drawn: k.controller.map.queryRenderedFeatures({ layers: ['labels-buurt'] }).length };
    });
    // Zoom 10 is below the buurt label layer's minzoom: the 14,000 points wait for the first
    // coloured map, then go while the browser is idle, so the first zoom into the names need not
    // wait for them. Until then no name is drawn.
    await expect.poll(async () => (await labels()).held, { timeout: 20_000 }).toBeGreaterThan(14_000);
    expect((await labels()).drawn).toBe(0);
    const at = await page.evaluate(() => { const k = (window as any).__kompas; return { points: k.labelPointsAt.buurt, coloured: k.firstColouredAt }; });
    expect(at.points).toBeGreaterThan(at.coloured);
    await page.evaluate(() => (window as any).__kompas.controller.map.jumpTo({ center: [5.12, 52.09], zoom: 12.5 }));
    await expect.poll(async () => (await labels()).drawn, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.context().close();
  });

  it('asks for the head of the map file once (the start-up check and the map share it), and no fflate', async () => {
    const ranges: Promise<string>[] = [];
    const { page, requests } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&lvl=gemeente`, {
      beforeLoad: (p) => p.on('request', (r) => { if (r.url().endsWith('.pmtiles')) ranges.push(r.allHeaders().then((h) => h.range ?? '')); }),
    });
    await waitForColouredMap(page);
    // The browser inflates the tiles itself: fflate (pmtiles' fallback) is not loaded.
    expect(requests.filter((u) => /\/assets\/browser-[\w-]+\.js$/.test(u))).toEqual([]);
    const pixels = await mapPixels(page);
    const coloured = classPixels(pixels.byColour);
    expect(coloured).toBeGreaterThan(10_000);
    const heads = (await Promise.all(ranges)).filter((r) => r.startsWith('bytes=0-'));
    expect(heads).toEqual(['bytes=0-16383']);
    await page.context().close();
  });

  it('downloads each level table once, in the scoring worker, and colours the buurt map from it', async () => {
    const tables: string[] = [];
    const { page } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&lvl=buurt&v=5.12,52.09,11.5`, {
      beforeLoad: (p) => p.on('request', (r) => { if (/\.wvk$/.test(r.url())) tables.push(r.url().replace(/^.*\/data\//, '')); }),
    });
    await waitForColouredMap(page);
    const pixels = await mapPixels(page);
    const coloured = classPixels(pixels.byColour);
    expect(coloured).toBeGreaterThan(10_000);
    // One request per level table, none of them from the page itself: the worker fetched them.
    expect(tables.sort()).toEqual([...new Set(tables)].sort());
    expect(tables.map((t) => t.replace(/\.[0-9a-f]+\.wvk$/, '')).sort()).toEqual(['nl2024/buurt', 'nl2024/gemeente', 'nl2024/wijk']);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wvk')).length)).toBe(0);
    // The buurt map on screen has its names for labels and search.
    expect(await page.evaluate(() => (window as any).__kompas.app.table('buurt')?.codes.length)).toBeGreaterThan(10_000);
    await page.context().close();
  });

  it('says what to check when the server ignores Range requests', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // A server without byte serving answers 200 with the whole file.
    await page.route('**/*.pmtiles', async (route) => {
      const response = await route.fetch({ headers: { ...route.request().headers(), range: '' } });
      await route.fulfill({ status: 200, body: await response.body(), headers: { 'content-type': 'application/octet-stream' } });
    });
    await page.goto(`${baseUrl()}?e2e=1`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('Range');
    expect(await alert.textContent()).toContain('docs/hosting.md');
    // The tables did load: the search works without the map, and the score table has scores.
    await page.locator('#search-input').fill('Binnenstad');
    await expect.poll(() => page.getByRole('option').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await closeRoutedPage(page);
  });

  it('says so when a part that loads on first use cannot be loaded (a page left open across an update)', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // The score table's script of the version this page was built with is gone from the server.
    await page.route('**/assets/ScoreTable-*.js', (route) => route.fulfill({ status: 404, body: 'niet gevonden' }));
    await page.goto(`${baseUrl()}?e2e=1#ds=nl2024&lvl=gemeente`);
    await waitForColouredMap(page);
    await page.getByRole('button', { name: 'Scoretabel', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('De scoretabel kon niet worden geladen');
    expect(await alert.textContent()).toContain('Herlaad de pagina');
    expect(await page.locator('.load-failed').textContent()).toContain('De scoretabel kon niet worden geladen');
    await closeRoutedPage(page);
  });

  it('names the missing file when a data file is gone', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.route('**/wijk.*.wvk', (route) => route.fulfill({ status: 404, body: 'niet gevonden' }));
    await page.goto(`${baseUrl()}?e2e=1`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/wijk\.[0-9a-f]+\.wvk ontbreekt/);
    await context.close();
  });
});
