import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import { tileFeatureId, tileLayerName, type Level } from '../../src/model/dataset-format.ts';

export const baseUrl = () => inject('baseUrl');

/**
 * One headless Chromium for the calling test file, launched before its first
 * test and closed after its last. What it returns stands in for that browser
 * (it forwards to the launched one), so a file says
 * `const browser = chromiumForFile();` once instead of its own hooks.
 */
export function chromiumForFile(): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return new Proxy({} as Browser, {
    get(_target, key) {
      if (!launched) throw new Error('De browser is nog niet gestart: gebruik hem pas binnen een test.');
      const value: unknown = Reflect.get(launched, key, launched);
      return typeof value === 'function' ? value.bind(launched) : value;
    },
  });
}

export interface OpenedApp {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  pageErrors: string[];
}

/**
 * Closes the context of a page whose route handlers may still be fetching
 * (a tile requested just before the end): the close disposes their
 * responses, which must not surface as an unhandled error of the run.
 */
export async function closeRoutedPage(page: Page): Promise<void> {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.context().close();
}

export async function openApp(browser: Browser, hash = '', options: { viewport?: { width: number; height: number }; url?: string; initScript?: string } = {}): Promise<OpenedApp> {
  const opened = await openAppPage(browser, `${options.url ?? baseUrl()}?e2e=1${hash}`, options);
  await waitForColouredMap(opened.page);
  return opened;
}

/** A browser context with the page-side map canvas reader and a CSP violation log installed. */
export async function appContext(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // One page-side reader of the map canvas (the app keeps its drawing buffer
  // under ?e2e=1), shared by every pixel check.
  await context.addInitScript(() => {
    (window as any).__mapImageData = (): ImageData => {
      const canvas = (window as any).__kompas.controller.map.getCanvas() as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      return ctx.getImageData(0, 0, copy.width, copy.height);
    };
    // Content-Security-Policy violations, for the hosting tests.
    (window as any).__violations = [];
    window.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return context;
}

/** Opens the app (or any page) with the shared canvas reader, without waiting for the map. */
export async function openAppPage(browser: Browser, url: string, options: { viewport?: { width: number; height: number }; beforeLoad?: (page: Page) => void; initScript?: string } = {}): Promise<OpenedApp> {
  const context = await appContext(browser, options.viewport);
  // Runs before the app: e.g. a simulated storage fault (tests/e2e/storage.test.ts).
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  options.beforeLoad?.(page);
  await page.goto(url);
  return { page, requests, pageErrors };
}

/**
 * The map is loaded, coloured and its tiles drawn, and the worker's scores of
 * the level on screen are in (the first colours may come from the first
 * view, before them: src/model/first-view.ts).
 */
export async function waitForColouredMap(page: Page, minRecolours = 1) {
  await page.waitForFunction(
    (min) => {
      const k = (window as any).__kompas;
      const map = k?.controller?.map;
      return !!(k?.ready && map?.loaded() && map.areTilesLoaded() && k.controller.stats.batches >= 1 && k.recolours >= min && k.app.scores[k.app.activeLevel] && !k.app.firstView);
    },
    minRecolours,
    { timeout: 60_000 },
  );
}

export async function recolourCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).__kompas.recolours as number);
}

/**
 * The tile feature ids of the given areas (CBS codes) of a level: the code's
 * row in the app's level table, through tileFeatureId. -1 for a code the
 * table lacks, so a typo in a test fails instead of reading an empty state.
 */
async function featureIdsOf(page: Page, level: Level, codes: string[] | null): Promise<{ codes: string[]; ids: number[] }> {
  const rows = await page.evaluate(({ level, codes }) => {
    const table = (window as any).__kompas.app.table(level) as { codes: string[] } | null;
    if (!table) throw new Error(`geen gebiedstabel voor ${level}`);
    const wanted = codes ?? table.codes;
    return { codes: wanted, rows: wanted.map((code) => table.codes.indexOf(code)) };
  }, { level, codes });
  return { codes: rows.codes, ids: rows.rows.map((r) => (r < 0 ? -1 : tileFeatureId(r))) };
}

/** MapLibre's feature-state of one area, by CBS code (the map keys it by tile feature id, src/model/dataset-format.ts). */
export async function featureState(page: Page, level: Level, code: string): Promise<Record<string, any>> {
  return (await featureStates(page, level, [code]))[0];
}

/** MapLibre's feature-state per area of a level, by CBS code, in the order given (default: every area, in table order). */
export async function featureStates(page: Page, level: Level, codes: string[] | null = null): Promise<Record<string, any>[]> {
  const { codes: asked, ids } = await featureIdsOf(page, level, codes);
  ids.forEach((id, i) => {
    if (id < 0) throw new Error(`${asked[i]} staat niet in de ${level}-tabel`);
  });
  return page.evaluate(({ sourceLayer, ids }) => {
    const map = (window as any).__kompas.controller.map;
    return ids.map((id) => map.getFeatureState({ source: 'areas', sourceLayer, id }));
  }, { sourceLayer: tileLayerName[level], ids });
}

/** How many areas drawn on screen (any level's fill) hold a class in their feature-state. */
export function areasWithClassOnScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = (window as any).__kompas.controller.map;
    const layers = ['fill-gemeente', 'fill-wijk', 'fill-buurt'].filter((id) => map.getLayer(id));
    return map.queryRenderedFeatures({ layers }).filter((f: any) => map.getFeatureState({ source: 'areas', sourceLayer: f.sourceLayer, id: f.id }).c !== undefined).length;
  });
}

/** Map pixels within `tolerance` of an RGB colour (each channel). */
export function pixelsNear(page: Page, rgb: number[], tolerance: number): Promise<number> {
  return page.evaluate(({ rgb, tolerance }) => {
    const data = ((window as any).__mapImageData() as ImageData).data;
    let n = 0;
    for (let p = 0; p < data.length; p += 4) if (Math.abs(data[p] - rgb[0]) <= tolerance && Math.abs(data[p + 1] - rgb[1]) <= tolerance && Math.abs(data[p + 2] - rgb[2]) <= tolerance) n++;
    return n;
  }, { rgb, tolerance });
}

/** Pixels in one of the six class colours, from mapPixels' histogram. */
export function classPixels(byColour: Record<string, number>): number {
  return ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'].reduce((sum, k) => sum + byColour[k], 0);
}

/** Histogram of the map canvas: how many pixels match each palette colour. */
export async function mapPixels(page: Page): Promise<{ total: number; byColour: Record<string, number>; water: number }> {
  return page.evaluate(() => {
    const image = (window as any).__mapImageData() as ImageData;
    const data = image.data;
    const palette: Record<string, [number, number, number]> = {
      c0: [255, 255, 178], c1: [254, 217, 118], c2: [254, 178, 76], c3: [253, 141, 60], c4: [240, 59, 32], c5: [189, 0, 38], nodata: [200, 200, 200],
    };
    // Fills are drawn at 0.88 opacity over land (#f3f1ec): blend before matching.
    const land = [243, 241, 236];
    const expected = Object.fromEntries(Object.entries(palette).map(([k, c]) => [k, c.map((v, i) => Math.round(0.88 * v + 0.12 * land[i]))]));
    const byColour: Record<string, number> = Object.fromEntries(Object.keys(palette).map((k) => [k, 0]));
    let water = 0;
    for (let p = 0; p < data.length; p += 4) {
      const [r, g, b] = [data[p], data[p + 1], data[p + 2]];
      if (Math.abs(r - 207) < 4 && Math.abs(g - 224) < 4 && Math.abs(b - 234) < 4) water++;
      for (const [k, c] of Object.entries(expected)) {
        if (Math.abs(r - c[0]) <= 6 && Math.abs(g - c[1]) <= 6 && Math.abs(b - c[2]) <= 6) { byColour[k]++; break; }
      }
    }
    return { total: data.length / 4, byColour, water };
  });
}

/** The raw workspace records in IndexedDB (src/workspace/db.ts), to prove that a refused import changed nothing. */
export function storedWorkspaces(page: Page): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('workspaces').objectStore('workspaces').getAll();
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result));
            req.result.close();
          };
        };
      }),
    'wijkveiligheidskompas-werkruimtes',
  );
}

export function externalRequests(requests: string[]): string[] {
  const origin = new URL(baseUrl()).origin;
  return requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Opens the Aanpak tab of the selected area and makes a new workspace for it; returns the workspace panel. */
export async function newWorkspaceForArea(page: Page): Promise<Locator> {
  await page.locator('#tab-aanpak').click();
  const panel = page.locator('.workspace-panel');
  await panel.waitFor({ timeout: 30_000 });
  await panel.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
  return panel;
}
