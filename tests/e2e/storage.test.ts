/**
 * Storage faults in real Chromium (issue #18): IndexedDB missing, throwing,
 * never answering, or full. The map keeps working, the app says in Dutch on
 * the start screen that work is not being saved and offers "Opslaan als
 * bestand", and the point/data dialogs never claim "bewaard".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chromiumForFile, mapPixels, openApp } from './helpers.ts';

const AREA = '#ds=nl2024&lvl=buurt&sel=BU00140001';

const browser = chromiumForFile();

// Headless Chromium has the save picker but no one to answer it: files are offered as downloads instead.
const NO_PICKER = `Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });`;

const FAULTS: Record<string, string> = {
  ontbreekt: `Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });`,
  'gooit een fout': `IDBFactory.prototype.open = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };`,
  // A real open request whose events are swallowed before anyone else hears them.
  'antwoordt nooit': `const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      for (const type of ['success', 'error', 'upgradeneeded', 'blocked']) request.addEventListener(type, (e) => e.stopImmediatePropagation());
      return request;
    };`,
};

describe('opslagfouten', () => {
  for (const [fault, script] of Object.entries(FAULTS)) {
    it(`IndexedDB ${fault}: the map works, the notice says work is not saved and offers "Opslaan als bestand"`, async () => {
      const { page, pageErrors } = await openApp(browser, AREA, { initScript: `${NO_PICKER}\n${script}` });
      const notice = page.locator('.storage-notice');
      await notice.waitFor({ timeout: 20_000 });
      expect(await notice.textContent()).toMatch(/Uw werk wordt niet bewaard/);
      // The map is coloured all the same.
      const pixels = await mapPixels(page);
      expect(pixels.total - pixels.water - pixels.byColour.nodata).toBeGreaterThan(0);
      expect(Object.entries(pixels.byColour).filter(([k, v]) => k !== 'nodata' && v > 0).length).toBeGreaterThan(1);

      // Work made now can still leave the browser as a file.
      await page.locator('#tab-aanpak').click();
      await page.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Opslaan als bestand' }).click()]);
      expect(JSON.parse(readFileSync((await file.path())!, 'utf8'))).toMatchObject({ format: 'wijkveiligheidskompas-workspace' });
      expect(pageErrors).toEqual([]);
      await page.context().close();
    });
  }

  it('quota full: a save that fails is reported, never "Opgeslagen"', async () => {
    const quota = `IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`;
    const { page } = await openApp(browser, AREA, { initScript: quota });
    await page.locator('#tab-aanpak').click();
    await page.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    const notice = page.locator('.storage-notice');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toMatch(/Uw werk wordt niet bewaard in deze browser: opslaan is mislukt/);
    expect(await page.locator('.workspace-panel .save-state').textContent()).not.toMatch(/Opgeslagen in deze browser/);
    await expect.poll(() => page.getByRole('button', { name: 'Opslaan als bestand' }).count()).toBe(1);
    await page.context().close();
  });

  it('one malformed stored workspace is set apart and shown; the valid one stays reachable', async () => {
    const { page } = await openApp(browser, AREA, { initScript: NO_PICKER });
    await page.locator('#tab-aanpak').click();
    await page.getByRole('button', { name: /^Werkruimte voor .+ aanmaken$/ }).click();
    await page.waitForFunction(() => /Opgeslagen in deze browser/.test(document.querySelector('.workspace-panel .save-state')?.textContent ?? ''), undefined, { timeout: 10_000 });
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('wijkveiligheidskompas-werkruimtes');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('workspaces', 'readwrite');
        tx.objectStore('workspaces').put({ id: 'kapot', revision: 3, workspace: { id: 'kapot', name: 'Kapotte werkruimte', matrix: 7 } });
        tx.oncomplete = () => { req.result.close(); resolve(); };
      };
    }));
    await page.reload();
    const notice = page.locator('.storage-notice');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toMatch(/Eén opgeslagen werkruimte klopt niet.*Kapotte werkruimte/s);
    const [file] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
    expect(JSON.parse(readFileSync((await file.path())!, 'utf8'))).toMatchObject({ id: 'kapot', workspace: { name: 'Kapotte werkruimte', matrix: 7 } });
    await page.locator('#tab-aanpak').click();
    await page.locator('.workspace-panel').waitFor();
    expect(await page.locator('.workspace-panel h2').textContent()).toMatch(/Van inzicht naar actie: /);
    await page.context().close();
  });
});
