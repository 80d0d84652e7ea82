/**
 * hosting-check.html: the beheerder's self-check. It asks the server what the
 * app asks (probe.ts) and reports with the same Dutch diagnoses as the app's
 * status area (diagnose.ts). Only what breaks the app is a "Fout"; advice
 * that the app works without is "Let op" or "Info", so a working server
 * never gets a false alarm. Explanation of each message: docs/hosting.md.
 */
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { answerOf, basemapBlocked, hostOf, missingFile, serverGone, type Diagnosis } from './diagnose.ts';
import { probeScript, probeTiles } from './probe.ts';
import { CONFIG_HINT, parseHostConfig } from './host-config.ts';
import { loadBasemapStyle } from '../map/basemap.ts';

type Level = 'ok' | 'warn' | 'fail' | 'info';

const list = document.getElementById('resultaten')!;
const summary = document.getElementById('samenvatting')!;
const counts: Record<Level, number> = { ok: 0, warn: 0, fail: 0, info: 0 };
const LABEL: Record<Level, string> = { ok: 'In orde', warn: 'Let op', fail: 'Fout', info: 'Info' };

function report(level: Level, title: string, detail = '') {
  counts[level]++;
  const item = document.createElement('li');
  item.className = level;
  const label = document.createElement('span');
  label.className = 'status';
  label.textContent = `${LABEL[level]}:`;
  item.append(label, document.createTextNode(title));
  if (detail) {
    const more = document.createElement('span');
    more.className = 'detail';
    more.textContent = detail;
    item.append(more);
  }
  list.append(item);
}

function reportProblem(level: Level, problem: Diagnosis) {
  report(level, problem.message, problem.hint);
}

const base = new URL('./', location.href);
const dataUrl = (path: string) => new URL(`data/${path}`, base).href;
// Always ask the server, never the browser cache: the check is about the server as it is now.
const fresh: RequestInit = { cache: 'no-store' };

async function get(url: string, init: RequestInit = {}): Promise<Response | null> {
  try {
    return await fetch(url, { ...fresh, ...init });
  } catch {
    return null;
  }
}

function checkProtocol(): boolean {
  if (location.protocol === 'file:') {
    report('fail', 'De pagina is als bestand geopend (file://).', 'Open de app via een webserver (http of https); browsers laden vanaf file:// geen data en geen workers.');
    return false;
  }
  if (location.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(location.hostname)) {
    report('warn', 'De pagina wordt via http geserveerd, niet via https.', 'Op een intranet werkt dat, maar https is aan te raden.');
  } else {
    report('ok', `Geserveerd via ${location.protocol}//${location.host}${base.pathname}`);
  }
  return true;
}

interface CatalogEntry {
  id: string;
  title: string;
  files: { tiles: string; tables?: Record<string, string | undefined> };
}

async function checkCatalog(): Promise<{ defaultDataset: string; datasets: CatalogEntry[] } | null> {
  const url = dataUrl('datasets.json');
  const response = await get(url);
  if (!response) {
    reportProblem('fail', serverGone('data/datasets.json'));
    return null;
  }
  if (response.status === 404) {
    reportProblem('fail', missingFile('De lijst met datasets', 'data/datasets.json'));
    return null;
  }
  if (!response.ok) {
    report('fail', `data/datasets.json: de server antwoordde ${response.status} ${response.statusText}.`, url);
    return null;
  }
  let catalog: { format?: string; defaultDataset: string; datasets: CatalogEntry[] };
  try {
    catalog = await response.json();
  } catch {
    report('fail', 'data/datasets.json is geen geldige JSON.', 'Mogelijk stuurt de server een HTML-foutpagina of index.html terug in plaats van het bestand.');
    return null;
  }
  if (!catalog || catalog.format !== 'wvk-datasets' || !Array.isArray(catalog.datasets)) {
    report('fail', 'data/datasets.json heeft niet het verwachte formaat (format "wvk-datasets").');
    return null;
  }
  report('ok', `data/datasets.json geladen: ${catalog.datasets.length} dataset(s), standaard "${catalog.defaultDataset}".`, catalog.datasets.map((d) => `• ${d.id}: ${d.title}`).join('\n'));
  const mime = answerOf(response).contentType;
  if (mime !== 'application/json') report('info', `MIME-type van .json is "${mime || 'leeg'}"; aanbevolen is application/json.`, 'De app leest het bestand toch.');
  const cache = response.headers.get('cache-control') ?? '';
  if (/immutable|max-age=[1-9]/.test(cache)) report('warn', `data/datasets.json wordt lang gecachet (Cache-Control: ${cache}).`, 'Dit is het enige bestand dat bij een update wordt vervangen; geef het "no-cache", anders zien gebruikers nieuwe data pas later.');
  return catalog;
}

async function checkTiles(entry: CatalogEntry) {
  const path = entry.files.tiles;
  const { problem, answer } = await probeTiles(dataUrl(path), path, fresh);
  if (problem) {
    reportProblem('fail', problem);
    return;
  }
  report('ok', `${entry.id}: Range-verzoek op de kaarttegels geeft 206 (${answer?.contentRange || 'Content-Range'}), zonder compressie, en het is een PMTiles-bestand.`);
  const mime = answer?.contentType ?? '';
  if (mime === 'application/vnd.pmtiles') report('ok', 'MIME-type van .pmtiles is application/vnd.pmtiles.');
  else if (mime.startsWith('text/')) report('warn', `MIME-type van .pmtiles is "${mime}".`, 'Een text/-type wordt door veel servers en proxy’s gecomprimeerd, wat Range-verzoeken breekt; stel application/vnd.pmtiles in.');
  else report('info', `MIME-type van .pmtiles is "${mime || 'leeg'}"; aanbevolen is application/vnd.pmtiles.`, 'De app werkt zo; het aanbevolen type voorkomt dat compressieregels voor "alle bestanden" erop van toepassing zijn.');
}

async function checkTables(entry: CatalogEntry) {
  for (const [level, path] of Object.entries(entry.files.tables ?? {})) {
    if (!path) continue;
    const response = await get(dataUrl(path), { headers: { Range: 'bytes=0-7' } });
    if (!response) {
      reportProblem('fail', serverGone(`niveautabel ${path}`));
      continue;
    }
    if (response.status === 404) {
      reportProblem('fail', missingFile(`${entry.id}: de niveautabel ${level}`, path));
      continue;
    }
    if (!response.ok) {
      report('fail', `${entry.id}: niveautabel ${level} (${path}): de server antwoordde ${response.status}.`, 'Op IIS: ontbreekt het MIME-type voor .wvk in web.config?');
      continue;
    }
    const answer = answerOf(response);
    const magic = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).subarray(0, 4));
    if (magic !== 'WVK2') report('fail', `${entry.id}: niveautabel ${level} is geen .wvk-bestand (begint met "${magic.replace(/[^\x20-\x7e]/g, '?')}").`, 'Vaak stuurt de server index.html of een foutpagina terug in plaats van het bestand.');
    else if (answer.contentEncoding) report('warn', `${entry.id}: niveautabel ${level} wordt gecomprimeerd verstuurd (Content-Encoding: ${answer.contentEncoding}).`, 'Werkt, maar zet compressie voor .wvk liever uit, net als voor .pmtiles.');
    else report('ok', `${entry.id}: niveautabel ${level} bereikbaar.`);
  }
}

async function checkScripts() {
  const url = new URL(maplibreWorkerUrl, location.href);
  const file = url.pathname.split('/').pop() ?? url.pathname;
  const { problem, answer } = await probeScript(url.href, file, fresh);
  if (problem) reportProblem('fail', problem);
  else report('ok', `Scripts en de kaartworker (.mjs) komen als JavaScript (${answer?.contentType}).`);
}

/** The policy on the app's own page (index.html), as the app gets it. Returns true when it blocks the basemap. */
async function checkPolicy(basemapUrl: string | null): Promise<boolean> {
  const response = await get(base.href);
  if (!response?.ok) return false;
  const csp = response.headers.get('content-security-policy');
  if (!csp) {
    report('info', 'De server stuurt geen Content-Security-Policy mee.', 'Niet verplicht; een aanbevolen policy staat in docs/hosting/csp.txt.');
    return false;
  }
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]));
  const sources = (...names: string[]) => names.map((n) => directives.get(n)).find((v) => v) ?? null;
  const problems: string[] = [];
  const worker = sources('worker-src', 'child-src', 'script-src', 'default-src');
  if (worker && !worker.includes("'self'") && !worker.includes('*')) problems.push("worker-src (of script-src/default-src) staat 'self' niet toe: de kaart en de berekening draaien in workers van dezelfde server.");
  const connect = sources('connect-src', 'default-src');
  if (connect && !connect.includes("'self'") && !connect.includes('*')) problems.push("connect-src staat 'self' niet toe: data en kaarttegels worden met fetch geladen.");
  const style = sources('style-src', 'default-src');
  if (style && !style.includes("'unsafe-inline'")) problems.push("style-src mist 'unsafe-inline': Svelte en MapLibre zetten stijlen op elementen; zonder dit ontbreken opmaak en kaartbesturing.");
  const img = sources('img-src', 'default-src');
  if (img && !(img.includes('data:') && img.includes('blob:'))) problems.push('img-src mist data: of blob:: MapLibre tekent pictogrammen uit data:-URL’s en decodeert afbeeldingen via blob:-URL’s.');
  if (problems.length) report('fail', 'De Content-Security-Policy blokkeert wat de app nodig heeft.', `${csp}\n\n${problems.join('\n')}`);
  else report('ok', 'De Content-Security-Policy laat toe wat de app nodig heeft.', csp);
  if (basemapUrl && connect && !connect.includes('*')) {
    const origin = new URL(basemapUrl).origin;
    const host = hostOf(basemapUrl);
    if (!connect.some((source) => source === origin || source === host || source.replace(/\/$/, '') === origin)) {
      reportProblem('warn', basemapBlocked(host));
      return true;
    }
  }
  return false;
}

async function checkConfig(): Promise<string | null> {
  const response = await get(new URL('config.json', base).href);
  if (!response || response.status === 404) {
    report('info', 'Geen config.json gevonden; de app gebruikt de standaardinstellingen (geen achtergrondkaart).');
    return null;
  }
  if (!response.ok) {
    report('warn', `config.json: de server antwoordde ${response.status}; de app gebruikt de standaardinstellingen.`);
    return null;
  }
  const { config, problems } = parseHostConfig(await response.text());
  for (const problem of problems) report('warn', problem.message, CONFIG_HINT);
  if (!problems.length) report('ok', 'config.json is geldig.', JSON.stringify(config, null, 1));
  return config.basemapStyleUrl ?? null;
}

async function checkBasemap(url: string | null) {
  if (!url) {
    report('info', 'Geen achtergrondkaart ingesteld (basemapStyleUrl in config.json): de kaart toont alleen de eigen gebieden.');
    return;
  }
  const result = await loadBasemapStyle(url);
  if ('problem' in result) reportProblem('warn', result.problem);
  else report('ok', `Achtergrondkaart bereikbaar: ${url}.`);
}

function checkWebGL() {
  const canvas = document.createElement('canvas');
  let gl: WebGLRenderingContext | WebGL2RenderingContext | null = null;
  let version = 'WebGL 2';
  try {
    gl = canvas.getContext('webgl2');
    if (!gl) {
      gl = canvas.getContext('webgl');
      version = 'WebGL 1';
    }
  } catch {
    gl = null;
  }
  if (!gl) {
    report('fail', 'Deze browser heeft geen WebGL: de kaart kan niet worden getekend.', 'Schakel hardwareversnelling in de browser in, of vraag de werkplekbeheerder of WebGL door beleid is uitgezet.');
    return;
  }
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '') : '';
  if (/swiftshader|llvmpipe|software/i.test(renderer)) report('warn', `${version} beschikbaar, maar via software (${renderer}).`, 'De kaart werkt, maar langzaam. Hardwareversnelling staat mogelijk uit.');
  else report('ok', `${version} beschikbaar${renderer ? ` (${renderer})` : ''}.`);
}

let basemapOrigin = '';
window.addEventListener('securitypolicyviolation', (event) => {
  // A blocked basemap is reported by its own check, with what to change.
  if (basemapOrigin && event.blockedURI.startsWith(basemapOrigin)) return;
  report('warn', `De Content-Security-Policy blokkeerde ${event.blockedURI || 'een bron'} (${event.violatedDirective}).`);
});

async function run() {
  summary.textContent = 'Bezig met controleren…';
  if (checkProtocol()) {
    const basemapUrl = await checkConfig();
    if (basemapUrl) basemapOrigin = new URL(basemapUrl).origin;
    const catalog = await checkCatalog();
    for (const entry of catalog?.datasets ?? []) {
      await checkTiles(entry);
      await checkTables(entry);
    }
    await checkScripts();
    const basemapBlockedByPolicy = await checkPolicy(basemapUrl);
    // Already said, with what to change; fetching it would only add a violation.
    if (!basemapBlockedByPolicy) await checkBasemap(basemapUrl);
  }
  checkWebGL();
  summary.textContent = counts.fail
    ? `${counts.fail} fout(en) en ${counts.warn} aandachtspunt(en) gevonden: de app werkt zo niet goed.`
    : counts.warn
      ? `Geen fouten, wel ${counts.warn} aandachtspunt(en).`
      : 'Geen fouten: de server serveert de app zoals bedoeld.';
}

run().catch((error: unknown) => {
  report('fail', 'De controle zelf liep vast.', String(error instanceof Error && error.stack ? error.stack : error));
  summary.textContent = 'De controle liep vast; zie hieronder.';
});
