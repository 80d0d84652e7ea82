/**
 * A gemeente's house style through config.json: its token stylesheet changes
 * the rendered colours, its logo appears with its text alternative, and a
 * missing or foreign file leaves the neutral theme in place with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { baseUrl, externalRequests, waitForColouredMap } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const THEME = `:root {
  --utrecht-page-header-background-color: rgb(0, 82, 147);
  --utrecht-page-header-color: rgb(255, 255, 255);
  --utrecht-button-background-color: rgb(200, 16, 46);
  --utrecht-button-color: rgb(255, 255, 255);
  --utrecht-page-footer-background-color: rgb(20, 20, 20);
  --utrecht-page-footer-color: rgb(250, 250, 250);
}`;
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#005293"/></svg>';

/** Opens the app with this config.json and these extra files (path → [content type, body] or a status). */
async function openWith(config: object, files: Record<string, [string, string] | number> = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  for (const [path, file] of Object.entries(files)) {
    await page.route(`**/${path}`, (route) => (typeof file === 'number' ? route.fulfill({ status: file, body: 'Not Found' }) : route.fulfill({ contentType: file[0], body: file[1] })));
  }
  await page.goto(`${baseUrl()}?e2e=1`);
  await waitForColouredMap(page);
  return { page, requests };
}

const colours = (page: Page) => page.evaluate(() => {
  const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
  return {
    header: style('header.utrecht-page-header').backgroundColor,
    headerText: style('header.utrecht-page-header h1').color,
    button: style('header .import-button').backgroundColor,
    footer: style('footer.utrecht-page-footer').backgroundColor,
  };
});

describe('huisstijl van de gemeente', () => {
  it("the gemeente's token stylesheet changes the rendered colours and its logo shows with its name", async () => {
    const neutral = await openWith({});
    const before = await colours(neutral.page);
    await neutral.page.context().close();

    const { page, requests } = await openWith(
      { themeStylesheet: 'huisstijl/tokens.css', logoUrl: 'huisstijl/logo.svg', logoAlt: 'Gemeente Testdorp' },
      { 'huisstijl/tokens.css': ['text/css', THEME], 'huisstijl/logo.svg': ['image/svg+xml', LOGO] },
    );
    await expect.poll(() => colours(page)).toEqual({ header: 'rgb(0, 82, 147)', headerText: 'rgb(255, 255, 255)', button: 'rgb(200, 16, 46)', footer: 'rgb(20, 20, 20)' });
    expect(before.header).not.toBe('rgb(0, 82, 147)');
    expect(before.button).not.toBe('rgb(200, 16, 46)');
    const logo = page.getByRole('img', { name: 'Gemeente Testdorp' });
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    expect(await page.locator('.notice').count()).toBe(0);
    expect(externalRequests(requests)).toEqual([]);
    await page.context().close();
  });

  it('a missing theme file leaves the neutral theme in place and says which file to check', async () => {
    const neutral = await openWith({});
    const before = await colours(neutral.page);
    await neutral.page.context().close();

    const { page } = await openWith({ themeStylesheet: 'huisstijl/ontbreekt.css' }, { 'huisstijl/ontbreekt.css': 404 });
    const notice = page.locator('.status-area .warnings');
    await expect.poll(() => notice.textContent()).toMatch(/Huisstijl niet geladen: huisstijl\/ontbreekt\.css gaf 404.*standaardhuisstijl/);
    expect(await colours(page)).toEqual(before);
    // The app itself works: the map is coloured and the search is usable.
    expect(await page.locator('#search-input').isEnabled()).toBe(true);
    await page.context().close();
  });

  it('refuses a stylesheet or logo on another server, without requesting it', async () => {
    const { page, requests } = await openWith({ themeStylesheet: 'https://cdn.example.org/huisstijl.css', logoUrl: '//cdn.example.org/logo.png', logoAlt: 'Logo' });
    const notice = page.locator('.status-area .warnings');
    await expect.poll(() => notice.textContent()).toMatch(/themeStylesheet verwijst naar een andere server \(https:\/\/cdn\.example\.org\)/);
    expect(await notice.textContent()).toMatch(/logoUrl verwijst naar een andere server/);
    expect(await page.locator('header img').count()).toBe(0);
    expect(externalRequests(requests)).toEqual([]);
    await page.context().close();
  });
});
