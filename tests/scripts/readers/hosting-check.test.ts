// @vitest-environment jsdom
// Runs the self-check page against a fake server (vitest runs from the repository root).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const html = readFileSync(resolve(process.cwd(), 'public/hosting-check.html'), 'utf8');
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
    const handler = routes[url.pathname];
    return handler ? handler(init) : new Response('niet gevonden', { status: 404 });
  });
}

const goodRoutes: Record<string, Handler> = {
  '/app/data/datasets.json': () => new Response(JSON.stringify(catalog), { headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' } }),
  '/app/data/nl2024/areas.0a1b2c3d.pmtiles': (init) => {
    expect(new Headers(init?.headers).get('range')).toBe('bytes=0-126');
    return new Response(pmtilesHead(), { status: 206, headers: { 'content-type': 'application/vnd.pmtiles', 'content-range': 'bytes 0-126/52000' } });
  },
  '/app/data/nl2024/buurt.4e5f6a7b.wvk': () => new Response(new TextEncoder().encode('WVK2\0\0\0\0'), { status: 206, headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-7/900' } }),
  '/app/hosting-check.html': () => new Response(html, { headers: { 'content-type': 'text/html', 'content-security-policy': csp } }),
};

async function runCheck(routes: Record<string, Handler>): Promise<{ summary: string; items: { status: string; text: string }[] }> {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
  vi.stubGlobal('fetch', server(routes));
  vi.resetModules();
  // @ts-expect-error -- plain JavaScript served as-is from public/, without type declarations
  await import('../../../public/hosting-check.js');
  const summary = document.getElementById('samenvatting')!;
  await vi.waitFor(() => expect(summary.textContent).not.toBe('Bezig met controleren…'));
  const items = [...document.querySelectorAll('#resultaten li')].map((li) => ({ status: li.className, text: li.textContent ?? '' }));
  return { summary: summary.textContent ?? '', items };
}

describe('public/hosting-check.js', () => {
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
    expect(summary).toBe('Alles in orde: de server serveert de app zoals bedoeld.');
    const texts = items.map((i) => i.text);
    expect(texts).toContain('In orde:nl2024: Range-verzoek op de kaarttegels geeft 206 met Content-Range (bytes 0-126/52000).');
    expect(texts).toContain('In orde:nl2024: geen Content-Encoding op .pmtiles.');
    expect(texts).toContain('In orde:MIME-type van .pmtiles is application/vnd.pmtiles.');
    expect(texts).toContain('In orde:WebGL 2 beschikbaar.');
    expect(texts.some((t) => t.startsWith('In orde:De Content-Security-Policy laat toe wat de app nodig heeft.'))).toBe(true);
  });

  it('reports a server that ignores Range, compresses and sends the wrong type', async () => {
    const { summary, items } = await runCheck({
      ...goodRoutes,
      '/app/data/nl2024/areas.0a1b2c3d.pmtiles': () => new Response(pmtilesHead(), { status: 200, headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' } }),
    });
    const fails = items.filter((i) => i.status === 'fail').map((i) => i.text.split('\n')[0]);
    expect(fails.some((t) => t.startsWith('Fout:nl2024: de server negeert Range-verzoeken (antwoord 200 in plaats van 206).'))).toBe(true);
    expect(fails.some((t) => t.startsWith('Fout:nl2024: .pmtiles wordt gecomprimeerd verstuurd (Content-Encoding: gzip).'))).toBe(true);
    expect(fails.some((t) => t.startsWith('Fout:MIME-type van .pmtiles is "text/plain", verwacht application/vnd.pmtiles.'))).toBe(true);
    expect(summary).toBe('3 fout(en) en 0 aandachtspunt(en) gevonden: de app werkt zo niet goed.');
  });

  it('explains a missing catalog and a missing WebGL', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => null) as never);
    const { items } = await runCheck({ '/app/hosting-check.html': goodRoutes['/app/hosting-check.html'] });
    const texts = items.map((i) => `${i.status} ${i.text}`);
    expect(texts.some((t) => t.startsWith('fail Fout:data/datasets.json: de server antwoordde 404'))).toBe(true);
    expect(texts).toContain('fail Fout:Deze browser heeft geen WebGL: de kaart kan niet worden getekend.Schakel hardwareversnelling in de browser in, of vraag de werkplekbeheerder of WebGL door beleid is uitgezet.');
  });
});
