/**
 * The first view (src/model/first-view.ts): on a start with the default
 * scoring the map is coloured from the colours stored in the level table,
 * before the scoring worker has decoded anything, and the worker's scores
 * that follow change none of them. A link with its own weights waits for
 * the worker.
 */
import { describe, expect, it } from 'vitest';
import { areasWithClassOnScreen, baseUrl, chromiumForFile, classPixels, mapPixels, openAppPage, waitForColouredMap } from './helpers.ts';

const browser = chromiumForFile();
const CITY = 'lvl=buurt&cat=S4&v=5.12,52.09,10';

/**
 * Runs `action` (the source of a page function of `__kompas`) at the map's
 * first coloured idle: the moment AppState.markMapColoured is called, with
 * the first view drawn and the worker not yet let go. A poll on the next
 * animation frame would be too late on a busy machine: the worker's answer
 * can come in before that frame. Returns what the action returned.
 */
async function atFirstColouredIdle(page: import('playwright-core').Page, action: string): Promise<any> {
  await page.waitForFunction(`(() => {
    const w = window;
    const k = w.__kompas;
    if (!k || !k.app) return false;
    if (k.recolours >= 1) { w.__atFirstIdle = { tooLate: true }; return true; }
    const app = k.app;
    const original = app.markMapColoured.bind(app);
    app.markMapColoured = () => {
      if (!w.__atFirstIdle) {
        try { w.__atFirstIdle = { result: (${action})(k) }; } catch (e) { w.__atFirstIdle = { error: String(e) }; }
      }
      original();
    };
    return true;
  })()`, undefined, { timeout: 60_000, polling: 'raf' });
  const handle = await page.waitForFunction(() => (window as any).__atFirstIdle, undefined, { timeout: 60_000 });
  const outcome = await handle.jsonValue();
  expect(outcome.tooLate ?? false, 'the hook came after the first coloured idle').toBe(false);
  expect(outcome.error ?? null).toBeNull();
  return outcome.result;
}

/** At the first coloured idle: whether the worker had answered, and the map's pixels by class. */
function atFirstColours(page: import('playwright-core').Page): Promise<{ scored: boolean; model: boolean; fromFirstView: boolean; byClass: number[]; legend: string }> {
  return atFirstColouredIdle(page, `(k) => {
    const data = window.__mapImageData().data;
    // Choropleth classes 0–5 at 0.88 opacity over land, as tests/e2e/helpers.ts mapPixels matches them.
    const palette = [[255, 255, 178], [254, 217, 118], [254, 178, 76], [253, 141, 60], [240, 59, 32], [189, 0, 38]].map((c) => c.map((v, i) => Math.round(0.88 * v + 0.12 * [243, 241, 236][i])));
    const byClass = palette.map(() => 0);
    for (let p = 0; p < data.length; p += 4) {
      const k2 = palette.findIndex((c) => Math.abs(data[p] - c[0]) <= 6 && Math.abs(data[p + 1] - c[1]) <= 6 && Math.abs(data[p + 2] - c[2]) <= 6);
      if (k2 >= 0) byClass[k2]++;
    }
    return { scored: !!k.app.scores.buurt, model: !!k.app.model, fromFirstView: !!k.app.firstView, byClass, legend: document.getElementById('legend-title')?.textContent ?? '' };
  }`);
}

describe('eerste beeld', () => {
  it('draws the buurt tiles of the first view once they are all in, not a frame per tile', async () => {
    const { page, pageErrors } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&${CITY}`);
    // From the moment the map exists until the first coloured idle: the area tiles that load, and
    // each frame drawn after the first of them while tiles were still loading. With software WebGL
    // each frame re-rasterises the whole map and holds up the tiles still to come
    // (MapController.holdFramesWhileTilesLoad).
    await page.waitForFunction(`(() => {
      const k = window.__kompas;
      const map = k?.controller?.map;
      if (!map) return false;
      const log = window.__firstTiles = { areaTiles: 0, framesWithTilesMissing: 0, framesAfter: 0, late: map.areTilesLoaded() && map.loaded() };
      const counting = () => !(k.firstColouredAt > 0);
      map.on('sourcedata', (e) => { if (e.tile && e.sourceId === 'areas' && counting()) log.areaTiles++; });
      map.on('render', () => {
        if (log.areaTiles === 0 || !counting()) return;
        log.framesAfter++;
        if (!map.areTilesLoaded()) log.framesWithTilesMissing++;
      });
      return true;
    })()`, undefined, { timeout: 60_000, polling: 'raf' });
    await page.waitForFunction('window.__kompas.firstColouredAt > 0', undefined, { timeout: 60_000 });
    const log = await page.evaluate('window.__firstTiles') as { areaTiles: number; framesWithTilesMissing: number; framesAfter: number; late: boolean };
    expect(log.late, 'the counting began after the map had loaded').toBe(false);
    expect(log.areaTiles).toBeGreaterThanOrEqual(3);
    expect(log.framesAfter).toBeGreaterThanOrEqual(1);
    expect(log.framesWithTilesMissing).toBe(0);
    // And the frame shows the city in colour.
    const { byColour } = await mapPixels(page);
    const coloured = classPixels(byColour);
    expect(coloured).toBeGreaterThan(1400 * 900 * 0.1);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('colours the buurt map from the level table before the worker has scored, and the scores change nothing', async () => {
    const { page, pageErrors } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&${CITY}`);
    const first = await atFirstColours(page);
    expect(first.scored).toBe(false);
    expect(first.model).toBe(false);
    expect(first.fromFirstView).toBe(true);
    // The city is in colour: several classes on a good share of the canvas.
    const coloured = first.byClass.reduce((a, b) => a + b, 0);
    expect(coloured).toBeGreaterThan(1400 * 900 * 0.1);
    expect(first.byClass.filter((n) => n > 1000).length).toBeGreaterThanOrEqual(4);
    // The legend names the category on the map already, not its code.
    expect(first.legend).not.toMatch(/S4/);

    await waitForColouredMap(page);
    const after = await page.evaluate(() => {
      const k = (window as any).__kompas;
      return { recolours: k.recolours, lastBatch: k.controller.stats.lastBatchSize, firstView: k.app.firstView };
    });
    // The worker's scores sent no state (identical colours) and drew no frame of their own.
    expect(after.lastBatch).toBe(0);
    expect(after.recolours).toBe(1);
    expect(after.firstView).toBeNull();
    expect(await page.locator('#legend-title').textContent()).toBe(first.legend);
    const now = await mapPixels(page);
    for (let c = 0; c < 6; c++) expect(Math.abs(now.byColour[`c${c}`] - first.byClass[c])).toBeLessThanOrEqual(Math.max(50, first.byClass[c] * 0.01));
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a bare link, which opens on the whole country, is coloured from the first view as well', async () => {
    const { page, pageErrors } = await openAppPage(browser, `${baseUrl()}?e2e=1`);
    await waitForColouredMap(page);
    // Read at the map's first coloured idle (MapView's hook): the main thread
    // may be busy right after it, until the worker's scores are in as well.
    const first = await page.evaluate(() => { const k = (window as any).__kompas; return { level: k.app.activeLevel, ...k.firstColouredWith }; });
    expect(first).toEqual({ level: 'gemeente', firstView: true, scored: false });
    expect(await areasWithClassOnScreen(page)).toBeGreaterThan(300);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a frame chosen before the worker has scored clears the first view, and the worker colours the map for that frame', async () => {
    const { page } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&${CITY}`);
    // At the idle in which the first view is drawn, the user picks another
    // frame. A task later (after the effects that starts), and before the
    // worker has scored the new frame, no buurt on screen keeps a
    // default-scoring class.
    const chosen = await atFirstColouredIdle(page, `(k) => {
      const fromFirstView = !!k.app.firstView && !k.app.scores.buurt;
      k.app.setFrame('gemeente');
      window.__afterFrameChoice = null;
      setTimeout(() => {
        const map = k.controller.map;
        const drawn = map.queryRenderedFeatures({ layers: ['fill-buurt'] });
        window.__afterFrameChoice = {
          drawn: drawn.length,
          classes: drawn.filter((f) => map.getFeatureState({ source: 'areas', sourceLayer: f.sourceLayer, id: f.id }).c !== undefined).length,
          scored: !!k.app.scores.buurt,
        };
      }, 0);
      return { fromFirstView };
    }`);
    expect(chosen.fromFirstView).toBe(true);
    const after = await (await page.waitForFunction(() => (window as any).__afterFrameChoice)).jsonValue();
    expect(after.drawn).toBeGreaterThan(100);
    expect({ classes: after.classes, scored: after.scored }).toEqual({ classes: 0, scored: false });
    await waitForColouredMap(page, 2);
    expect(await page.evaluate(() => (window as any).__kompas.app.scores.buurt.frame)).toBe('gemeente');
    expect(await areasWithClassOnScreen(page)).toBeGreaterThan(100);
    await page.context().close();
  });

  it('a click on the first view before the tables are in selects that buurt once they are', async () => {
    const { page } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&${CITY}`);
    // The click goes in at the idle in which the first view is drawn: no
    // message of the worker (the tables) can come in between.
    const state = await atFirstColouredIdle(page, `(k) => {
      const state = { fromFirstView: !!k.app.firstView, hadTable: !!k.app.table('buurt') };
      const canvas = k.controller.map.getCanvas();
      const r = canvas.getBoundingClientRect();
      const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, button: 0 };
      canvas.dispatchEvent(new MouseEvent('mousedown', at));
      canvas.dispatchEvent(new MouseEvent('mouseup', at));
      canvas.dispatchEvent(new MouseEvent('click', at));
      return state;
    }`);
    expect(state).toEqual({ fromFirstView: true, hadTable: false });
    await page.waitForFunction(() => (window as any).__kompas.app.selection?.level === 'buurt', undefined, { timeout: 30_000 });
    // The panel names the buurt under the pointer.
    const name = await page.evaluate(() => { const a = (window as any).__kompas.app; return a.tables.buurt.names[a.selection.index]; });
    await expect.poll(() => page.locator('#area-title').textContent(), { timeout: 30_000 }).toBe(name);
    await page.context().close();
  });

  it('waits for the worker when the link asks for other weights', async () => {
    const { page } = await openAppPage(browser, `${baseUrl()}?e2e=1#ds=nl2024&${CITY}&w=S4:2`);
    const first = await atFirstColours(page);
    expect(first.fromFirstView).toBe(false);
    expect(first.scored).toBe(true);
    expect(first.byClass.reduce((a, b) => a + b, 0)).toBeGreaterThan(1400 * 900 * 0.1);
    await page.context().close();
  });
});
