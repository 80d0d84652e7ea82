import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { classPixels, mapPixels, openApp, openAppPage, waitForColouredMap } from './helpers.ts';
import { documented, edit, freePort, makeSite, startApache, startNginx, stopAll, type RunningServer } from './hosting-servers.ts';

// The app and hosting-check.html on real nginx 1.22 and Apache 2.4 (Debian
// packages, installed by .ci/run), configured exactly as docs/hosting/ says,
// and on variants of those configs that break one thing each.

const catalog = JSON.parse(readFileSync('dist/data/datasets.json', 'utf8'));
const nl = catalog.datasets.find((d: { id: string }) => d.id === 'nl2024');
const mjsWorker = readdirSync('dist/assets').find((f) => f.endsWith('.mjs'))!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopAll();
});

async function statusTexts(page: Page): Promise<{ errors: string[]; warnings: string[] }> {
  return page.evaluate(() => ({
    errors: [...document.querySelectorAll('.status-area .errors .item')].map((e) => e.textContent ?? ''),
    warnings: [...document.querySelectorAll('.status-area .warnings .item')].map((e) => e.textContent ?? ''),
  }));
}

/** The app's status area says `pattern` (an error, or a warning when asked). */
async function appSays(url: string, pattern: RegExp, kind: 'errors' | 'warnings' = 'errors') {
  const { page } = await openAppPage(browser, `${url}?e2e=1`);
  try {
    await expect.poll(async () => (await statusTexts(page))[kind].join('\n'), { timeout: 45_000 }).toMatch(pattern);
  } finally {
    await page.context().close();
  }
}

interface CheckResult {
  summary: string;
  fail: string[];
  warn: string[];
}

async function hostingCheck(url: string): Promise<CheckResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${url}hosting-check.html`);
    await page.waitForFunction(() => !document.getElementById('samenvatting')!.textContent!.startsWith('Bezig'), null, { timeout: 45_000 });
    return await page.evaluate(() => ({
      summary: document.getElementById('samenvatting')!.textContent!,
      fail: [...document.querySelectorAll('li.fail')].map((e) => e.textContent ?? ''),
      warn: [...document.querySelectorAll('li.warn')].map((e) => e.textContent ?? ''),
    }));
  } finally {
    await context.close();
  }
}

/** The coloured map on a working server, with everything the issue asks checked on the way. */
async function expectWorkingApp(server: RunningServer) {
  const tileAnswers: { status: number; encoding: string | undefined }[] = [];
  const { page } = await openAppPage(browser, `${server.url}?e2e=1`, {
    beforeLoad: (p) => p.on('response', (r) => {
      if (r.url().endsWith('.pmtiles')) tileAnswers.push({ status: r.status(), encoding: r.headers()['content-encoding'] });
    }),
  });
  try {
    await waitForColouredMap(page);
    const pixels = await mapPixels(page);
    const coloured = classPixels(pixels.byColour);
    expect(coloured / pixels.total).toBeGreaterThan(0.05);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(tileAnswers.length).toBeGreaterThan(0);
    for (const answer of tileAnswers) expect(answer).toEqual({ status: 206, encoding: undefined });
    expect(await statusTexts(page)).toEqual({ errors: [], warnings: [] });
  } finally {
    await page.context().close();
  }
}

/** 404s never cached as immutable, hashed files are; the path without slash redirects. */
async function expectNoImmutable404(server: RunningServer) {
  const missing = await fetch(`${server.url}data/nl2024/areas.00000000.pmtiles`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable|max-age=[1-9]/);
  const found = await fetch(`${server.url}data/${nl.files.tiles}`, { headers: { Range: 'bytes=0-15' } });
  expect(found.status).toBe(206);
  expect(found.headers.get('cache-control')).toContain('immutable');
  const noSlash = await fetch(server.url.replace(/\/$/, ''), { redirect: 'manual' });
  expect(noSlash.status).toBe(301);
  expect(noSlash.headers.get('location')).toBe(server.url);
}

/**
 * Scripts, the MapLibre worker and JSON go out compressed when the browser
 * asks (2.0 MB of scripts at start, 0.7 MB compressed); the map and table
 * files never, whatever is asked.
 */
async function expectCompressedText(server: RunningServer) {
  const appScript = readdirSync('dist/assets').find((f) => /^app-main-.+\.js$/.test(f))!;
  const encoding = async (path: string) => {
    const answer = await fetch(`${server.url}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    // Only the header counts; an unread body would keep the connection (and the server's stop) waiting.
    await answer.body?.cancel();
    return answer.headers.get('content-encoding');
  };
  for (const path of [`assets/${appScript}`, `assets/${mjsWorker}`, `data/${nl.files.geometry.buurt}`]) expect(await encoding(path), path).toBe('gzip');
  for (const path of [`data/${nl.files.tiles}`, `data/${nl.files.tables.buurt}`]) expect(await encoding(path), path).toBeNull();
}

describe('as documented', () => {
  it('dist/ carries the documented web.config for IIS', () => {
    expect(readFileSync('dist/web.config', 'utf8')).toBe(readFileSync('docs/hosting/web.config', 'utf8'));
  });

  const documentedServers: [string, () => Promise<RunningServer>, boolean][] = [
    ['nginx', () => startNginx(makeSite()), true],
    ['Apache with the .htaccess', () => startApache(makeSite({ htaccess: true })), true],
    // Debian's default: the .htaccess is ignored, so no headers of ours (and no cache rules to check).
    ['Apache with AllowOverride None', () => startApache(makeSite({ htaccess: true }), edit(documented.apache(), 'AllowOverride FileInfo', 'AllowOverride None')), false],
    // The .htaccess's compression line needs mod_filter; without it Apache must not answer 500.
    ['Apache with the .htaccess, without mod_filter', () => startApache(makeSite({ htaccess: true }), documented.apache(), '', ['filter']), false],
  ];

  it.each(documentedServers)('%s: coloured map, no policy violation, 206 uncompressed tiles, hosting-check without false alarm', async (_name, start, headersOfOurs) => {
    const server = await start();
    await expectWorkingApp(server);
    if (headersOfOurs) {
      await expectNoImmutable404(server);
      await expectCompressedText(server);
    }
    const check = await hostingCheck(server.url);
    expect(check.fail).toEqual([]);
    expect(check.summary).toMatch(/^Geen fouten/);
    await server.stop();
  });
});

describe('compression', () => {
  it("nginx sends the build's gzip -9 copy of a script as it is (gzip_static), not its own gzip at level 1", async () => {
    const server = await startNginx(makeSite());
    const appScript = readdirSync('dist/assets').find((f) => /^app-main-.+\.js$/.test(f))!;
    const answer = await fetch(`${server.url}assets/${appScript}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    // nginx's own gzip streams without a length; the copy goes out with its size, and unpacks to the script.
    expect(Number(answer.headers.get('content-length'))).toBe(statSync(`dist/assets/${appScript}.gz`).size);
    expect(Buffer.from(await answer.arrayBuffer()).equals(readFileSync(`dist/assets/${appScript}`))).toBe(true);
    await server.stop();
  });

  it('every script and stylesheet in dist/assets has a gzip copy that unpacks to it, and nothing else has one', () => {
    const files = readdirSync('dist/assets');
    const originals = files.filter((f) => /\.(m?js|css)$/.test(f));
    expect(originals.length).toBeGreaterThan(10);
    for (const file of originals) expect(gunzipSync(readFileSync(`dist/assets/${file}.gz`)).equals(readFileSync(`dist/assets/${file}`)), file).toBe(true);
    expect(files.filter((f) => f.endsWith('.gz')).sort()).toEqual(originals.map((f) => `${f}.gz`).sort());
  });

  it('nginx told to compress every type: the map and table files still go out uncompressed (their own gzip off)', async () => {
    const server = await startNginx(makeSite(), edit(documented.nginx(), /gzip_types [^;]*;/, 'gzip_types *;'));
    await expectCompressedText(server);
    await server.stop();
  });
});

describe('each broken variant is named, in the app and in hosting-check', () => {
  it('nginx without the .mjs type (stock mime.types + nosniff): the worker type is named', async () => {
    const snippet = edit(documented.nginx(), /\n {4}# De kaartworker van MapLibre[\s\S]*?\n {4}\}\n/, '\n');
    const server = await startNginx(makeSite(), snippet);
    const said = /stuurt \.mjs-bestanden met het MIME-type "application\/octet-stream" in plaats van text\/javascript/;
    await appSays(server.url, said);
    const check = await hostingCheck(server.url);
    expect(check.fail.join('\n')).toMatch(said);
    expect(check.fail.join('\n')).toContain(mjsWorker);
    await server.stop();
  });

  it('nginx serving every asset (.js too) as application/octet-stream: the static notices of both pages say so', async () => {
    const snippet = edit(documented.nginx(), /(location \/wijkveiligheidskompas\/assets\/ \{\n)/, '$1        types { }\n        default_type application/octet-stream;\n');
    const server = await startNginx(makeSite(), snippet);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    // Nothing replaced the notice: the browser refused the module script.
    await expect.poll(() => page.locator('#app').textContent(), { timeout: 10_000 }).toMatch(/de browser weigert haar scripts.*verkeerd MIME-type/);
    await page.goto(`${server.url}hosting-check.html`, { waitUntil: 'load' });
    expect(await page.locator('#samenvatting').textContent()).toMatch(/de browser weigert het script van deze pagina.*verkeerd MIME-type/);
    expect(await page.locator('li').count()).toBe(0);
    await context.close();
    await server.stop();
  });

  it('the scoring worker missing from assets/: the worker failure is said, not a silent wait', async () => {
    const worker = readdirSync('dist/assets').find((f) => /^scoring\.worker-.+\.js$/.test(f))!;
    // Both copies: with gzip_static, nginx sends the .gz one while it is there.
    const server = await startNginx(makeSite({ omit: [`assets/${worker}`, `assets/${worker}.gz`] }));
    await appSays(server.url, /De rekenmodule van het kompas \(een worker\) kon niet starten/);
    await server.stop();
  });

  it('nginx without Range support (max_ranges 0)', async () => {
    const server = await startNginx(makeSite(), documented.nginx(), 'max_ranges 0;');
    const said = /ondersteunt geen Range-verzoeken: .*areas\.[0-9a-f]{8}\.pmtiles kwam terug met status 200/;
    await appSays(server.url, said);
    expect((await hostingCheck(server.url)).fail.join('\n')).toMatch(said);
    await server.stop();
  });

  it('Apache that compresses data/ whatever the request asks (like a proxy that compresses regardless)', async () => {
    // Chromium asks Range requests with "Accept-Encoding: identity"; force-gzip ignores that.
    const compressing = `<Location /wijkveiligheidskompas/data/>\n  SetEnv force-gzip 1\n  SetOutputFilter DEFLATE\n</Location>`;
    const server = await startApache(makeSite(), edit(documented.apache(), 'AllowOverride FileInfo', 'AllowOverride None'), compressing);
    const said = /comprimeert het kaartbestand .*areas\.[0-9a-f]{8}\.pmtiles \(Content-Encoding: gzip\)/;
    await appSays(server.url, said);
    expect((await hostingCheck(server.url)).fail.join('\n')).toMatch(said);
    await server.stop();
  });

  it('a level table missing from the server (404)', async () => {
    const wijk = nl.files.tables.wijk as string;
    const server = await startNginx(makeSite({ omit: [`data/${wijk}`] }));
    await appSays(server.url, new RegExp(`${wijk.replace(/\./g, '\\.')} ontbreekt`));
    expect((await hostingCheck(server.url)).fail.join('\n')).toMatch(new RegExp(`niveautabel wijk ontbreekt op de server \\(404\\): ${wijk.replace(/\./g, '\\.')}`));
    await server.stop();
  });

  it('a stale datasets.json naming a tiles file with another hash', async () => {
    const stale = nl.files.tiles.replace(/\.[0-9a-f]{8}\.pmtiles$/, '.00000000.pmtiles');
    const edited = { ...catalog, datasets: catalog.datasets.map((d: typeof nl) => (d.id === 'nl2024' ? { ...d, files: { ...d.files, tiles: stale } } : d)) };
    const server = await startNginx(makeSite({ write: { 'data/datasets.json': JSON.stringify(edited) } }));
    const said = new RegExp(`kaartbestand ontbreekt op de server \\(404\\): ${stale.replace(/\./g, '\\.')}.*andere versie van de data`, 's');
    await appSays(server.url, said);
    expect((await hostingCheck(server.url)).fail.join('\n')).toMatch(said);
    await server.stop();
  });
});

describe('the basemap never blanks the map', () => {
  let styleHost: Server;
  let stylePort: number;
  beforeAll(async () => {
    // A second origin serving a minimal MapLibre style: "another host" for the policy.
    stylePort = await freePort();
    styleHost = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'achtergrond', type: 'background', paint: { 'background-color': '#eeeeee' } }] }));
    });
    await new Promise<void>((r) => styleHost.listen(stylePort, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => styleHost.close(() => r())));

  const withBasemap = (url: string) => ({ write: { 'config.json': JSON.stringify({ defaultDataset: 'nl2024', defaultGemeente: null, basemapStyleUrl: url }) } });

  async function mapCarriesOnSayingOnce(server: RunningServer, said: RegExp) {
    const { page } = await openApp(browser, '', { url: server.url });
    const pixels = await mapPixels(page);
    expect(classPixels(pixels.byColour) / pixels.total).toBeGreaterThan(0.05);
    const { errors, warnings } = await statusTexts(page);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(said);
    // The user may put it away; the map stays.
    await page.getByRole('button', { name: /Melding verbergen/ }).click();
    expect((await statusTexts(page)).warnings).toEqual([]);
    await page.context().close();
  }

  it('blocked by the shipped policy: the map is coloured without it and says so once, as does hosting-check', async () => {
    const server = await startNginx(makeSite(withBasemap(`http://127.0.0.1:${stylePort}/style.json`)));
    const said = new RegExp(`achtergrondkaart van 127\\.0\\.0\\.1:${stylePort} wordt geblokkeerd door de Content-Security-Policy`);
    await mapCarriesOnSayingOnce(server, said);
    const check = await hostingCheck(server.url);
    expect(check.warn.filter((w) => said.test(w))).toHaveLength(1);
    expect(check.fail).toEqual([]);
    await server.stop();
  });

  /** The documented policy with `origin` added to connect-src and img-src, as docs/hosting.md § 6 says. */
  const allowing = (origin: string) =>
    documented.nginx().replaceAll("connect-src 'self'", `connect-src 'self' ${origin}`).replaceAll("img-src 'self' data: blob:", `img-src 'self' data: blob: ${origin}`);

  it('allowed by the policy and reachable: drawn under our coloured areas, without any message', async () => {
    const origin = `http://127.0.0.1:${stylePort}`;
    const server = await startNginx(makeSite(withBasemap(`${origin}/style.json`)), allowing(origin));
    const { page } = await openApp(browser, '', { url: server.url });
    expect(await page.evaluate(() => (window as any).__kompas.controller.map.getLayer('achtergrond')?.id)).toBe('achtergrond');
    const pixels = await mapPixels(page);
    expect(classPixels(pixels.byColour) / pixels.total).toBeGreaterThan(0.05);
    expect(await statusTexts(page)).toEqual({ errors: [], warnings: [] });
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    // The legend's hint to ask for the basemap (src/ui/Legend.svelte) goes once the basemap is on.
    await expect.poll(() => page.locator('.legend').count()).toBe(1);
    expect(await page.locator('#legend-basemap').count()).toBe(0);
    await page.context().close();
    await server.stop();
  });

  it('allowed by the policy (docs § 6) but unreachable: the same, saying it is unreachable', async () => {
    const closed = await freePort();
    const server = await startNginx(makeSite(withBasemap(`http://127.0.0.1:${closed}/style.json`)), allowing(`http://127.0.0.1:${closed}`));
    const said = new RegExp(`achtergrondkaart van 127\\.0\\.0\\.1:${closed} is niet bereikbaar`);
    await mapCarriesOnSayingOnce(server, said);
    expect((await hostingCheck(server.url)).warn.join('\n')).toMatch(said);
    await server.stop();
  });
});

describe('the server gone while the app is open', () => {
  it('says so when new areas cannot be loaded', async () => {
    const server = await startNginx(makeSite());
    const { page } = await openApp(browser, '#ds=nl2024&lvl=gemeente&v=5.12,52.09,8', { url: server.url });
    await server.stop();
    // Far from the first view and at buurt level: tiles that were never loaded.
    await page.evaluate(() => (window as any).__kompas.controller.map.jumpTo({ center: [6.56, 53.21], zoom: 13 }));
    await expect.poll(async () => (await statusTexts(page)).errors.join('\n'), { timeout: 30_000 }).toMatch(/De webserver is niet bereikbaar \(bij het laden van nieuwe kaartdelen\)/);
    await page.context().close();
  });
});
