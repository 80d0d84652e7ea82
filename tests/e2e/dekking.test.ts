/**
 * Issue 16: a wijk whose crime is a sum over part of its buurten still gets a
 * colour, and says which share of its inwoners the sum rests on. Oud-Noord
 * (Groningen, WK001403) has buurten without police rows holding about a
 * fifth of its inwoners; before, it was grey ("geen gegevens").
 */
import { describe, expect, it } from 'vitest';
import { chromiumForFile, featureState, openApp } from './helpers.ts';

const browser = chromiumForFile();

describe('wijken uit buurten met en zonder politiecijfers', () => {
  it('Oud-Noord shows the share of inwoners its crime rests on, and is coloured on the map', async () => {
    const { page, pageErrors } = await openApp(browser, '#ds=nl2024&lvl=wijk&cat=S4&sel=WK001403&v=6.566,53.229,12');
    await expect.poll(() => page.locator('#area-title').textContent()).toBe('Oud-Noord');
    await expect.poll(() => page.locator('#area-crime-counted').textContent()).toMatch(/misdrijven uit buurten met \d\d % van de inwoners/);
    await page.waitForFunction(() => { const m = (window as any).__kompas.controller.map; return !m.isMoving() && m.areTilesLoaded(); });
    const state = await featureState(page, 'wijk', 'WK001403');
    expect(state.s).toBeLessThanOrEqual(1);
    expect(state.c).toBeGreaterThanOrEqual(0);
    // On the canvas, the wijk's own box holds its class colour (0.88 over land), not the grey of "geen gegevens".
    const pixels = await page.evaluate((cls: number) => {
      const map = (window as any).__kompas.controller.map;
      const feature = map.queryRenderedFeatures().find((f: any) => f.sourceLayer === 'wijken' && f.properties.code === 'WK001403');
      const rings: number[][][] = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
      const pts = rings.flat().map(([lon, lat]) => map.project([lon, lat]));
      const ratio = window.devicePixelRatio;
      const [x0, x1] = [Math.min(...pts.map((p: any) => p.x)), Math.max(...pts.map((p: any) => p.x))].map((v) => Math.round(v * ratio));
      const [y0, y1] = [Math.min(...pts.map((p: any) => p.y)), Math.max(...pts.map((p: any) => p.y))].map((v) => Math.round(v * ratio));
      const palette = [[255, 255, 178], [254, 217, 118], [254, 178, 76], [253, 141, 60], [240, 59, 32], [189, 0, 38]];
      const land = [243, 241, 236];
      const blend = (c: number[]) => c.map((v, i) => Math.round(0.88 * v + 0.12 * land[i]));
      const want = blend(palette[cls]);
      const grey = blend([200, 200, 200]);
      const image = (window as any).__mapImageData() as ImageData;
      let own = 0, nodata = 0;
      for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
        for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
          const p = 4 * (y * image.width + x);
          const near = (c: number[]) => Math.abs(image.data[p] - c[0]) <= 6 && Math.abs(image.data[p + 1] - c[1]) <= 6 && Math.abs(image.data[p + 2] - c[2]) <= 6;
          if (near(want)) own++;
          else if (near(grey)) nodata++;
        }
      }
      return { own, nodata };
    }, state.c as number);
    expect(pixels.own).toBeGreaterThan(500);
    expect(pixels.own).toBeGreaterThan(pixels.nodata);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
