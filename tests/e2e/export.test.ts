/**
 * What leaves the app names its sources: the map credit, and a GeoJSON
 * export of the selected gemeente that GDAL (the reader under QGIS) opens.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, openApp } from './helpers.ts';

const browser = chromiumForFile();

describe('bronvermelding en GIS-export', () => {
  it('the map credits CBS, Politie, RIVM/GGD and CC BY 4.0', async () => {
    const { page } = await openApp(browser);
    const credit = (await page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '';
    expect(credit).toContain('Bron: CBS, Politie, RIVM/GGD');
    expect(credit).toContain('CC BY 4.0');
    await page.context().close();
  });

  it('exports the wijken of the selected gemeente as GeoJSON that GDAL opens, with scores and sources', async () => {
    const { page } = await openApp(browser, '#ds=nl2024&lvl=wijk&sel=WK001401');
    await page.getByRole('button', { name: 'Scoretabel', exact: true }).click();
    await page.locator('.score-table tbody tr').first().waitFor();
    await page.getByLabel('GeoJSON van').selectOption('gemeente');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download GeoJSON' }).click()]);
    expect(download.suggestedFilename()).toBe('kompas-nl2024-wijk-dataset-GM0014.geojson');
    const path = (await download.path())!;
    const collection = JSON.parse(readFileSync(path, 'utf8'));
    const wijken = await page.evaluate(() => {
      const t = (window as any).__kompas.app.tables.wijk;
      return t.codes.filter((_: string, i: number) => t.gemeenteCodes[i] === 'GM0014').length;
    });
    expect(collection.features.length).toBe(wijken);
    expect(collection.features.every((f: any) => f.properties.gemeentecode === 'GM0014' && f.id === f.properties.code)).toBe(true);
    expect(collection.description).toMatch(/Bron: CBS, Politie, RIVM\/GGD.*CC BY 4\.0/);
    await expect.poll(() => page.locator('.geojson [role=status]').textContent()).toBe(`${wijken} wijken geëxporteerd.`);

    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', path], { encoding: 'utf8' });
    expect(info).toContain(`Feature Count: ${wijken}`);
    expect(info).toMatch(/Geometry: Multi Polygon/);
    expect(info).toMatch(/\nS4_percentiel: Real/);
    await page.context().close();
  });
});
