/**
 * Served data is verified before use (src/data/verify.ts,
 * src/model/dataset-format.ts): a damaged file is named in the app, and the
 * map is left without score colours: none from the damaged file, and none
 * from the first view of an intact one (src/model/first-view.ts) once the
 * dataset as a whole failed to load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { appContext, areasWithClassOnScreen, baseUrl, classPixels, closeRoutedPage, externalRequests, mapPixels, waitForColouredMap } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Chromium's in-memory HTTP cache (private windows, profiles that are not
 * kept) answered a range that starts inside a 4 KB block it partly held with
 * only the rest of that block, under the full Content-Range, and called it
 * complete (src/hosting/range-read.ts). In Chromium the map now reads past
 * the cache; the routes below give such an answer anyway, as anything
 * between browser and server might: every tile and directory range beyond
 * the head is cut at its block's end the first time it is asked (`always`:
 * every time, as a broken proxy would). Playwright's routes switch the
 * cache off.
 */
async function openWithRangesCutAtBlockEnd(always: boolean): Promise<{ page: Page; cut: string[]; askedAgain: string[] }> {
  const context = await appContext(browser);
  const page = await context.newPage();
  const cut: string[] = [], askedAgain: string[] = [];
  await page.route('**/*.pmtiles', async (route) => {
    const range = route.request().headers()['range'] ?? '';
    const [start, end] = (/^bytes=(\d+)-(\d+)$/.exec(range) ?? []).slice(1).map(Number);
    const blockRest = 4096 - (start % 4096);
    if (!start || end - start + 1 <= blockRest || (cut.includes(range) && !always)) {
      if (cut.includes(range)) askedAgain.push(range);
      await route.continue();
      return;
    }
    cut.push(range);
    const response = await route.fetch();
    const body = (await response.body()).subarray(0, blockRest);
    await route.fulfill({ status: 206, body, headers: { 'content-type': 'application/vnd.pmtiles', 'content-range': response.headers()['content-range'] } });
  });
  // Utrecht at zoom 13: neighbouring tiles lie next to each other in the file, as in the load where this was found.
  await page.goto(`${baseUrl()}?e2e=1#ds=nl2024&lvl=buurt&cat=S4&v=5.12,52.09,13`);
  return { page, cut, askedAgain };
}

describe('een bereik dat afgekapt binnenkomt', () => {
  it('asks a cut-off tile again, and the map loads without an error', async () => {
    const { page, cut, askedAgain } = await openWithRangesCutAtBlockEnd(false);
    await waitForColouredMap(page);
    expect(cut.length).toBeGreaterThan(0);
    expect(new Set(askedAgain)).toEqual(new Set(cut));
    expect((await page.getByRole('alert').allTextContents()).join('').trim()).toBe('');
    const pixels = await mapPixels(page);
    expect(classPixels(pixels.byColour) / pixels.total).toBeGreaterThan(0.2);
    await closeRoutedPage(page);
  });

  it('says in Dutch which bytes stayed short when every answer is cut off', async () => {
    const { page } = await openWithRangesCutAtBlockEnd(true);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 45_000 }).toMatch(/van het kaartbestand kwamen \d+ bytes binnen in plaats van de gevraagde \d+ \(bytes \d+–\d+\)/);
    await closeRoutedPage(page);
  });
});

/** Open the app with one served file changed on the way; return the page once the alert shows. */
async function openWithServed(glob: string, change: (body: Buffer) => Buffer | string, contentType = 'application/octet-stream'): Promise<{ page: Page; alert: string; requests: string[] }> {
  const context = await appContext(browser);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route(glob, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: 200, body: change(await response.body()), headers: { 'content-type': contentType } });
  });
  await page.goto(`${baseUrl()}?e2e=1#ds=nl2024&lvl=gemeente`);
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent(), { timeout: 45_000 }).toBeTruthy();
  return { page, alert: (await alert.textContent()) ?? '', requests };
}

/**
 * Nothing on the map is (or stays) coloured by a score class: no area on
 * screen holds a class, no class colour is drawn. `noBatch`: the damage
 * is in the start of the table on screen, where its first view is read
 * from, so not even the first view was drawn.
 */
async function expectNoScoreColours(page: Page, { noBatch = false } = {}) {
  if (noBatch) expect(await page.evaluate(() => (window as any).__kompas?.controller?.stats.batches ?? 0)).toBe(0);
  const hasMap = await page.evaluate(() => !!(window as any).__kompas?.controller?.map);
  if (!hasMap) return;
  await expect.poll(() => areasWithClassOnScreen(page), { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => {
    const pixels = await mapPixels(page);
    return classPixels(pixels.byColour);
  }, { timeout: 15_000 }).toBe(0);
}

describe('verificatie van de geserveerde data', () => {
  it('names a level table with one flipped byte', async () => {
    const { page, alert } = await openWithServed('**/gemeente.*.wvk', (body) => {
      const copy = Buffer.from(body);
      // The header's opening brace: no first view can be read from the start either.
      copy[8] ^= 0x10;
      return copy;
    });
    expect(alert).toMatch(/gemeente\.[0-9a-f]{8}\.wvk: de inhoud past niet bij de hash in de naam/);
    expect(alert).toMatch(/beschadigd/);
    await expectNoScoreColours(page, { noBatch: true });
    await closeRoutedPage(page);
  });

  it('takes the first view off the map when the rest of its table turns out damaged', async () => {
    // The first view is read from the start of the file, before the hash of the whole can be checked;
    // AppState.fail takes it off again.
    const { page, alert } = await openWithServed('**/gemeente.*.wvk', (body) => {
      const copy = Buffer.from(body);
      copy[copy.length - 100] ^= 0x10;
      return copy;
    });
    expect(alert).toMatch(/gemeente\.[0-9a-f]{8}\.wvk: de inhoud past niet bij de hash in de naam/);
    await expectNoScoreColours(page);
    await closeRoutedPage(page);
  });

  it('names a truncated level table', async () => {
    const { page, alert } = await openWithServed('**/wijk.*.wvk', (body) => body.subarray(0, Math.floor(body.length * 0.6)));
    expect(alert).toMatch(/wijk\.[0-9a-f]{8}\.wvk/);
    expect(alert).toMatch(/past niet bij de hash|afgekapt|buiten het bestand/);
    await expectNoScoreColours(page);
    await closeRoutedPage(page);
  });

  it('names an SPA fallback instead of "geen geldige JSON" when datasets.json is missing', async () => {
    const { page, alert } = await openWithServed('**/data/datasets.json', () => '<!doctype html><html><body>app</body></html>', 'text/html');
    expect(alert).toMatch(/HTML-pagina .*datasets\.json.*SPA-terugval/);
    expect(alert).not.toMatch(/geen geldige JSON/);
    await closeRoutedPage(page);
  });

  it('refuses a data path on another host and never requests it', async () => {
    const { page, alert, requests } = await openWithServed('**/data/datasets.json', (body) => {
      const catalog = JSON.parse(body.toString('utf8'));
      for (const d of catalog.datasets) d.files.tables.gemeente = 'https://elders.example/gemeente.wvk';
      return JSON.stringify(catalog);
    }, 'application/json');
    expect(alert).toMatch(/niet relatief aan datasets\.json/);
    expect(externalRequests(requests)).toEqual([]);
    await closeRoutedPage(page);
  });

  it('names a PMTiles archive cut to 4 KB, and still says what the link asked for that the data lacks', async () => {
    const context = await appContext(browser);
    const page = await context.newPage();
    await page.route('**/*.pmtiles', async (route) => {
      const response = await route.fetch({ headers: { ...route.request().headers(), range: 'bytes=0-4095' } });
      const body = (await response.body()).subarray(0, 4096);
      await route.fulfill({ status: 206, body, headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${body.length - 1}/4096` } });
    });
    await page.goto(`${baseUrl()}?e2e=1#ds=nl2024&lvl=gemeente&cat=XYZ`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 45_000 }).toMatch(/Kaartbestand .*areas\.[0-9a-f]{8}\.pmtiles: .*afgekapt/);
    const notice = page.locator('.status-area [role=status]');
    await expect.poll(() => notice.textContent()).toContain('kaartkleur "XYZ" bestaat niet in Nederland 2024');
    // Not "the rest of the link is applied": the map did not load.
    expect(await notice.textContent()).toContain('zodra de fout hierboven is verholpen');
    await closeRoutedPage(page);
  });
});
