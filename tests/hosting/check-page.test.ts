// @vitest-environment jsdom
// Runs the self-check page (hosting-check.html + src/hosting/check-page.ts) against a
// fake server; tests/e2e/hosting.test.ts runs it against real nginx and Apache.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const html = readFileSync(resolve(process.cwd(), 'hosting-check.html'), 'utf8');
const csp = readFileSync(resolve(process.cwd(), 'docs/hosting/csp.txt'), 'utf8').trim();

type Handler = (init: RequestInit | undefined) => Response;

function pmtilesHead(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(127));
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  bytes[7] = 3;
  return bytes;
}

const catalog = {
  format: 'wvk-datasets', version: 1, defaultDataset: 'nl2024',
  datasets: [{ id: 'nl2024', title: 'Nederland 2024', files: { tiles: 'nl2024/areas.0a1b2c3d.pmtiles', tables: { buurt: 'nl2024/buurt.4e5f6a7b.wvk' } } }],
};

function server(routes: Record<string, Handler>) {
  return vi.fn(async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const handler = routes[url.pathname] ?? (url.pathname.endsWith('.mjs') ? routes['*.mjs'] : undefined);
    return handler ? handler(init) : new Response('niet gevonden', { status: 404 });
  });
}

const goodRoutes: Record<string, Handler> = {
  '/app/data/datasets.json': () => new Response(JSON.stringify(catalog), { headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' } }),
  '/app/data/nl2024/areas.0a1b2c3d.pmtiles': (init) => {
    expect(new Headers(init?.headers).get('range')).toBe('bytes=0-15');
    return new Response(pmtilesHead().subarray(0, 16), { status: 206, headers: { 'content-type': 'application/vnd.pmtiles', 'content-range': 'bytes 0-15/52000' } });
  },
  '/app/data/nl2024/buurt.4e5f6a7b.wvk': () => new Response(new TextEncoder().encode('WVK2\0\0\0\0'), { status: 206, headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-7/900' } }),
  '/app/': () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html', 'content-security-policy': csp } }),
  '/app/config.json': () => new Response(JSON.stringify({ defaultDataset: 'nl2024', defaultGemeente: null, basemapStyleUrl: null }), { headers: { 'content-type': 'application/json' } }),
  '*.mjs': () => new Response('', { headers: { 'content-type': 'text/javascript' } }),
};

async function runCheck(routes: Record<string, Handler>): Promise<{ summary: string; items: { status: string; text: string }[] }> {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
  vi.stubGlobal('fetch', server(routes));
  vi.resetModules();
  await import('../../src/hosting/check-page.ts');
  const summary = document.getElementById('samenvatting')!;
  await vi.waitFor(() => expect(summary.textContent).not.toMatch(/^Bezig/));
  const items = [...document.querySelectorAll('#resultaten li')].map((li) => ({ status: li.className, text: li.textContent ?? '' }));
  return { summary: summary.textContent ?? '', items };
}

describe('hosting-check.html', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/app/hosting-check.html');
    const fakeGl = { getExtension: () => null, getParameter: () => '' };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((type: string) => (type === 'webgl2' ? fakeGl : null)) as never);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('reports a correctly configured host as in order', async () => {
    const { summary, items } = await runCheck(goodRoutes);
    expect(items.filter((i) => i.status === 'fail' || i.status === 'warn')).toEqual([]);
    expect(summary).toBe('Geen fouten: de server serveert de app zoals bedoeld.');
    const texts = items.map((i) => i.text);
    expect(texts).toContain('In orde:nl2024: Range-verzoek op de kaarttegels geeft 206 (bytes 0-15/52000), zonder compressie, en het is een PMTiles-bestand.');
    expect(texts).toContain('In orde:MIME-type van .pmtiles is application/vnd.pmtiles.');
    expect(texts).toContain('In orde:Scripts en de kaartworker (.mjs) komen als JavaScript (text/javascript).');
    expect(texts).toContain('In orde:WebGL 2 beschikbaar.');
    expect(texts.some((t) => t.startsWith('In orde:De Content-Security-Policy laat toe wat de app nodig heeft.'))).toBe(true);
  });

  it.each([
    ['compression', { status: 200, headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' } }, /^Fout:De webserver comprimeert het kaartbestand nl2024\/areas\.0a1b2c3d\.pmtiles \(Content-Encoding: gzip\)/],
    ['no Range support', { status: 200, headers: { 'content-type': 'application/vnd.pmtiles' } }, /^Fout:De webserver ondersteunt geen Range-verzoeken: nl2024\/areas\.0a1b2c3d\.pmtiles kwam terug met status 200/],
  ])('names %s, once', async (_name, init, said) => {
    const { summary, items } = await runCheck({ ...goodRoutes, '/app/data/nl2024/areas.0a1b2c3d.pmtiles': () => new Response(pmtilesHead(), init) });
    const fails = items.filter((i) => i.status === 'fail').map((i) => i.text);
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatch(said);
    expect(summary).toBe('1 fout(en) en 0 aandachtspunt(en) gevonden: de app werkt zo niet goed.');
  });

  it('names a .mjs worker served with a type the browser refuses', async () => {
    const { items } = await runCheck({ ...goodRoutes, '*.mjs': () => new Response('', { headers: { 'content-type': 'application/octet-stream' } }) });
    const fails = items.filter((i) => i.status === 'fail').map((i) => i.text);
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatch(/stuurt \.mjs-bestanden met het MIME-type "application\/octet-stream" in plaats van text\/javascript/);
  });

  it('names a wrong key in config.json as a point of attention, not an error', async () => {
    const { items } = await runCheck({ ...goodRoutes, '/app/config.json': () => new Response('{ "defaultGemeente": "Groningen" }') });
    expect(items.filter((i) => i.status === 'fail')).toEqual([]);
    expect(items.filter((i) => i.status === 'warn').map((i) => i.text)[0]).toMatch(/"defaultGemeente" is ongeldig: verwacht een gemeentecode zoals "GM0014"/);
  });

  it('explains a missing catalog and a missing WebGL', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => null) as never);
    const { items } = await runCheck({ '/app/': goodRoutes['/app/'], '*.mjs': goodRoutes['*.mjs'] });
    const texts = items.map((i) => `${i.status} ${i.text}`);
    expect(texts.some((t) => t.startsWith('fail Fout:De lijst met datasets ontbreekt op de server (404): data/datasets.json.'))).toBe(true);
    expect(texts).toContain('fail Fout:Deze browser heeft geen WebGL: de kaart kan niet worden getekend.Schakel hardwareversnelling in de browser in, of vraag de werkplekbeheerder of WebGL door beleid is uitgezet.');
  });
});
