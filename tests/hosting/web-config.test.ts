// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// IIS cannot run here: docs/hosting/web.config (shipped in dist/ by vite.config.ts)
// is read as XML and held to the rules IIS applies when it merges configuration.
const xml = readFileSync('docs/hosting/web.config', 'utf8');
const csp = readFileSync('docs/hosting/csp.txt', 'utf8').trim();
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (selector: string) => [...doc.querySelectorAll(selector)];
const attr = (el: Element, name: string) => el.getAttribute(name) ?? '';

/** IIS refuses (500.19) a collection entry that already exists unless it is removed first. */
function addedWithoutRemove(collection: Element, addTag: string, key: string): string[] {
  const removed = new Set<string>();
  const missing: string[] = [];
  for (const child of collection.children) {
    if (child.tagName === 'remove') removed.add(attr(child, key).toLowerCase());
    else if (child.tagName === addTag && !removed.has(attr(child, key).toLowerCase())) missing.push(attr(child, key));
  }
  return missing;
}

describe('docs/hosting/web.config (IIS)', () => {
  it('is well-formed XML', () => {
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.tagName).toBe('configuration');
  });

  it('removes every header, MIME type and extension before adding it (no 500.19 on servers that already have them)', () => {
    const collections = [...all('customHeaders').map((c) => [c, 'add', 'name'] as const), ...all('staticContent').map((c) => [c, 'mimeMap', 'fileExtension'] as const), ...all('fileExtensions').map((c) => [c, 'add', 'fileExtension'] as const)];
    expect(collections.length).toBeGreaterThanOrEqual(3);
    for (const [collection, tag, key] of collections) expect(addedWithoutRemove(collection, tag, key)).toEqual([]);
  });

  it('sends the documented security headers, with the policy of csp.txt', () => {
    const headers = Object.fromEntries(all('customHeaders > add').map((h) => [attr(h, 'name'), attr(h, 'value')]));
    expect(headers['Content-Security-Policy']).toBe(csp);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('same-origin');
  });

  it('gives .pmtiles, .wvk, .mjs and .js a type (no 404.3) and lets request filtering pass them (no 404.7)', () => {
    const types = Object.fromEntries(all('staticContent > mimeMap').map((m) => [attr(m, 'fileExtension'), attr(m, 'mimeType').split(';')[0]]));
    expect(types).toMatchObject({ '.pmtiles': 'application/vnd.pmtiles', '.wvk': 'application/octet-stream', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json' });
    const allowed = all('requestFiltering fileExtensions > add').filter((e) => attr(e, 'allowed') === 'true').map((e) => attr(e, 'fileExtension'));
    expect(allowed).toEqual(expect.arrayContaining(['.pmtiles', '.wvk', '.mjs']));
  });

  it('never compresses data/ and caches it as immutable, but re-checks index.html and data/datasets.json', () => {
    const location = (path: string) => doc.querySelector(`location[path="${path}"]`);
    const data = location('data')!;
    expect(attr(data.querySelector('urlCompression')!, 'doStaticCompression')).toBe('false');
    expect(attr(data.querySelector('urlCompression')!, 'doDynamicCompression')).toBe('false');
    expect(attr(data.querySelector('clientCache')!, 'cacheControlCustom')).toContain('immutable');
    expect(attr(location('data/datasets.json')!.querySelector('clientCache')!, 'cacheControlMode')).toBe('DisableCache');
    const rootCache = doc.querySelector('configuration > system\\.webServer > staticContent > clientCache')!;
    expect(attr(rootCache, 'cacheControlMode')).toBe('DisableCache');
  });
});

describe('one policy in every documented config', () => {
  it.each(['docs/hosting/nginx.conf', 'docs/hosting/apache.htaccess', 'docs/hosting.md'])('%s carries the policy of csp.txt and no other', (file) => {
    const text = readFileSync(file, 'utf8').replace(/\s*\n\s*/g, ' ');
    const policies = [...text.matchAll(/default-src 'self';[^"`]*?frame-ancestors 'self'/g)].map((m) => m[0]);
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(policy).toBe(csp);
  });
});
