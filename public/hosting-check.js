// Zelfcontrole voor beheerders: opent data/datasets.json naast deze pagina en
// controleert de server zoals de app hem gebruikt. Geen inline script, zodat
// de pagina ook onder de aanbevolen Content-Security-Policy werkt.
// Uitleg bij elke melding: docs/hosting.md.

const list = document.getElementById('resultaten');
const summary = document.getElementById('samenvatting');
const counts = { ok: 0, warn: 0, fail: 0, info: 0 };
const LABEL = { ok: 'In orde', warn: 'Let op', fail: 'Fout', info: 'Info' };

function report(status, title, detail) {
  counts[status]++;
  const li = document.createElement('li');
  li.className = status;
  const s = document.createElement('span');
  s.className = 'status';
  s.textContent = `${LABEL[status]}:`;
  li.append(s, document.createTextNode(title));
  if (detail) {
    const d = document.createElement('span');
    d.className = 'detail';
    d.textContent = detail;
    li.append(d);
  }
  list.append(li);
}

const base = new URL('./', location.href);
const dataUrl = (path) => new URL(`data/${path}`, base).href;

function mimeOf(response) {
  return (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
}

function encodingOf(response) {
  const enc = (response.headers.get('content-encoding') || '').trim().toLowerCase();
  return enc === 'identity' ? '' : enc;
}

async function get(url, init) {
  try {
    return await fetch(url, { cache: 'no-store', ...init });
  } catch (error) {
    return { error };
  }
}

function checkProtocol() {
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

async function checkCatalog() {
  const url = dataUrl('datasets.json');
  const response = await get(url);
  if (response.error) {
    report('fail', 'data/datasets.json kon niet worden opgehaald.', `${url}\n${response.error}`);
    return null;
  }
  if (!response.ok) {
    report('fail', `data/datasets.json: de server antwoordde ${response.status} ${response.statusText}.`, `${url}\nIs de map data/ meegekopieerd naast index.html?`);
    return null;
  }
  let catalog;
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
  report('ok', `data/datasets.json geladen: ${catalog.datasets.length} dataset(s), standaard "${catalog.defaultDataset}".`,
    catalog.datasets.map((d) => `• ${d.id}: ${d.title}`).join('\n'));
  const mime = mimeOf(response);
  if (mime === 'application/json') report('ok', 'MIME-type van .json is application/json.');
  else report('warn', `MIME-type van .json is "${mime || 'leeg'}", verwacht application/json.`, 'De app leest het bestand toch, maar stel het MIME-type in (zie de configuratievoorbeelden).');
  const cache = response.headers.get('cache-control') || '';
  if (/immutable|max-age=[1-9]/.test(cache)) report('warn', `data/datasets.json wordt lang gecachet (Cache-Control: ${cache}).`, 'Dit is het enige bestand dat bij een update wordt vervangen; geef het "no-cache", anders zien gebruikers nieuwe data pas later.');
  return catalog;
}

async function checkTiles(entry) {
  const url = dataUrl(entry.files.tiles);
  const response = await get(url, { headers: { Range: 'bytes=0-126' } });
  if (response.error) {
    report('fail', `${entry.id}: kaarttegels (${entry.files.tiles}) konden niet worden opgehaald.`, `${url}\n${response.error}`);
    return;
  }
  if (response.status === 404) {
    report('fail', `${entry.id}: kaarttegels niet gevonden (404).`, `${url}\nOp IIS betekent 404 bij een bestaand bestand meestal dat het MIME-type voor .pmtiles ontbreekt (web.config). Controleer anders of alle bestanden uit data/ zijn meegekopieerd: de namen bevatten een hash.`);
    return;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const magic = String.fromCharCode(...bytes.subarray(0, 7));
  if (response.status === 206) {
    const range = response.headers.get('content-range') || '';
    if (/^bytes 0-126\/\d+$/.test(range) && bytes.length === 127) report('ok', `${entry.id}: Range-verzoek op de kaarttegels geeft 206 met Content-Range (${range}).`);
    else report('fail', `${entry.id}: Range-verzoek geeft 206, maar Content-Range is "${range || 'afwezig'}" en de lengte ${bytes.length} bytes (verwacht "bytes 0-126/…" en 127 bytes).`, 'Een proxy of compressiemodule verandert het antwoord; zet compressie uit voor .pmtiles.');
  } else if (response.status === 200) {
    report('fail', `${entry.id}: de server negeert Range-verzoeken (antwoord 200 in plaats van 206).`, 'De kaart laadt dan het hele bestand per tegel, of helemaal niet. Controleer of compressie of een proxy/CDN Range-verzoeken blokkeert (zie docs/hosting.md).');
  } else {
    report('fail', `${entry.id}: kaarttegels gaven ${response.status} ${response.statusText}.`, url);
  }
  if (magic === 'PMTiles' && bytes[7] === 3) report('ok', `${entry.id}: het bestand is een PMTiles v3-archief.`);
  else report('fail', `${entry.id}: de server stuurt geen PMTiles-bestand terug (begint met "${magic.replace(/[^\x20-\x7e]/g, '?')}").`, 'Vaak stuurt de server index.html of een foutpagina terug voor een ontbrekend bestand.');

  const encoding = encodingOf(response);
  if (encoding) report('fail', `${entry.id}: .pmtiles wordt gecomprimeerd verstuurd (Content-Encoding: ${encoding}).`, 'Compressie breekt Range-verzoeken; zet statische en dynamische compressie uit voor .pmtiles (IIS: urlCompression in web.config; nginx: gzip off; Apache: no-gzip).');
  else report('ok', `${entry.id}: geen Content-Encoding op .pmtiles.`);

  const mime = mimeOf(response);
  if (mime === 'application/vnd.pmtiles') report('ok', 'MIME-type van .pmtiles is application/vnd.pmtiles.');
  else if (mime === 'application/octet-stream') report('warn', 'MIME-type van .pmtiles is application/octet-stream.', 'Dat werkt, maar application/vnd.pmtiles is aanbevolen (en voorkomt dat compressieregels op "alle binaire bestanden" van toepassing zijn).');
  else report('fail', `MIME-type van .pmtiles is "${mime || 'leeg'}", verwacht application/vnd.pmtiles.`, mime.startsWith('text/') ? 'Een text/-type wordt door veel servers gecomprimeerd, wat Range-verzoeken breekt.' : '');
}

async function checkTables(entry) {
  for (const [level, path] of Object.entries(entry.files.tables || {})) {
    if (!path) continue;
    const url = dataUrl(path);
    const response = await get(url, { headers: { Range: 'bytes=0-7' } });
    if (response.error || !response.ok) {
      report('fail', `${entry.id}: niveautabel ${level} (${path}) kon niet worden opgehaald${response.status ? ` (${response.status})` : ''}.`, `${url}\nOp IIS: ontbreekt het MIME-type voor .wvk in web.config?`);
      continue;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const magic = String.fromCharCode(...bytes.subarray(0, 4));
    const mime = mimeOf(response);
    const encoding = encodingOf(response);
    if (magic !== 'WVK2') report('fail', `${entry.id}: niveautabel ${level} is geen .wvk-bestand (begint met "${magic.replace(/[^\x20-\x7e]/g, '?')}").`, url);
    else if (encoding && response.status === 206) report('warn', `${entry.id}: niveautabel ${level} wordt gecomprimeerd verstuurd (Content-Encoding: ${encoding}).`, 'Werkt, maar zet compressie voor .wvk liever uit, net als voor .pmtiles.');
    else if (mime !== 'application/octet-stream') report('warn', `${entry.id}: MIME-type van .wvk is "${mime || 'leeg'}", verwacht application/octet-stream.`);
    else report('ok', `${entry.id}: niveautabel ${level} bereikbaar (application/octet-stream).`);
  }
}

function checkWebGL() {
  const canvas = document.createElement('canvas');
  let gl = null;
  let version = '';
  try {
    gl = canvas.getContext('webgl2');
    version = 'WebGL 2';
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
  let renderer = '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  if (info) renderer = String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) || '');
  if (/swiftshader|llvmpipe|software/i.test(renderer)) report('warn', `${version} beschikbaar, maar via software (${renderer}).`, 'De kaart werkt, maar langzaam. Hardwareversnelling staat mogelijk uit.');
  else report('ok', `${version} beschikbaar${renderer ? ` (${renderer})` : ''}.`);
}

async function checkHeaders() {
  const response = await get(location.href, { method: 'GET' });
  if (response.error || !response.ok) return;
  const csp = response.headers.get('content-security-policy');
  if (!csp) {
    report('info', 'De server stuurt geen Content-Security-Policy mee.', 'Niet verplicht; een aanbevolen policy staat in docs/hosting/csp.txt.');
    return;
  }
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]));
  const sources = (name, ...fallbacks) => {
    for (const n of [name, ...fallbacks]) if (directives.has(n)) return directives.get(n);
    return null;
  };
  const problems = [];
  const worker = sources('worker-src', 'child-src', 'script-src', 'default-src');
  if (worker && !worker.includes("'self'") && !worker.includes('*')) problems.push("worker-src (of script-src/default-src) staat 'self' niet toe: de kaart en de berekening draaien in workers van dezelfde server.");
  const connect = sources('connect-src', 'default-src');
  if (connect && !connect.includes("'self'") && !connect.includes('*')) problems.push("connect-src staat 'self' niet toe: data en kaarttegels worden met fetch geladen.");
  const style = sources('style-src', 'default-src');
  if (style && !style.includes("'unsafe-inline'")) problems.push("style-src mist 'unsafe-inline': Svelte en MapLibre zetten stijlen op elementen; zonder dit ontbreken opmaak en kaartbesturing.");
  const img = sources('img-src', 'default-src');
  if (img && !(img.includes('data:') && img.includes('blob:'))) problems.push('img-src mist data: of blob:: MapLibre tekent pictogrammen uit data:-URL’s en decodeert afbeeldingen via blob:-URL’s.');
  if (problems.length) report('warn', 'De Content-Security-Policy kan de app hinderen.', `${csp}\n\n${problems.join('\n')}`);
  else report('ok', 'De Content-Security-Policy laat toe wat de app nodig heeft.', csp);
}

async function checkBasemap() {
  const response = await get(new URL('config.json', base).href);
  if (response.error || !response.ok) {
    report('info', 'Geen config.json gevonden; de app gebruikt de standaardinstellingen (geen achtergrondkaart).');
    return;
  }
  let config;
  try {
    config = await response.json();
  } catch {
    report('fail', 'config.json is geen geldige JSON.', 'De app negeert het bestand dan; controleer komma’s en aanhalingstekens.');
    return;
  }
  if (!config.basemapStyleUrl) {
    report('info', 'Geen achtergrondkaart ingesteld (basemapStyleUrl in config.json): de kaart toont alleen de eigen gebieden.');
    return;
  }
  const styleResponse = await get(config.basemapStyleUrl, { mode: 'cors' });
  if (styleResponse.error || !styleResponse.ok) {
    report('warn', `De achtergrondkaart (${config.basemapStyleUrl}) kon niet worden geladen.`, 'Controleer of de server de externe host mag bereiken en of connect-src en img-src in de Content-Security-Policy die host toestaan (zie docs/hosting.md). De app werkt zonder achtergrondkaart door.');
  } else {
    report('ok', `Achtergrondkaart bereikbaar: ${config.basemapStyleUrl}.`);
  }
}

window.addEventListener('securitypolicyviolation', (event) => {
  report('warn', `De Content-Security-Policy blokkeerde ${event.blockedURI || 'een bron'} (${event.violatedDirective}).`);
});

async function run() {
  if (checkProtocol()) {
    const catalog = await checkCatalog();
    if (catalog) {
      for (const entry of catalog.datasets) {
        await checkTiles(entry);
        await checkTables(entry);
      }
    }
    await checkHeaders();
    await checkBasemap();
  }
  checkWebGL();
  summary.textContent = counts.fail
    ? `${counts.fail} fout(en) en ${counts.warn} aandachtspunt(en) gevonden: de app werkt zo niet goed.`
    : counts.warn
      ? `Geen fouten, wel ${counts.warn} aandachtspunt(en).`
      : 'Alles in orde: de server serveert de app zoals bedoeld.';
}

run().catch((error) => {
  report('fail', 'De controle zelf liep vast.', String(error && error.stack ? error.stack : error));
  summary.textContent = 'De controle liep vast; zie hieronder.';
});
