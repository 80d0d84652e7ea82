/**
 * What a server answer means for the app, in Dutch: one text per kind of
 * hosting failure, shared by the app's status area and hosting-check.html so
 * both say the same thing. Pure functions over the parts of an HTTP answer
 * that matter; fetching lives in probe.ts.
 */

export type ProblemKind =
  | 'no-range'
  | 'compressed'
  | 'range-broken'
  | 'missing-file'
  | 'not-pmtiles'
  | 'http-status'
  | 'script-type'
  | 'server-gone'
  | 'basemap-blocked'
  | 'basemap-unreachable'
  | 'worker-failed'
  | 'map-failed';

export interface Diagnosis {
  kind: ProblemKind;
  message: string;
  hint: string;
}

/** The parts of an HTTP answer a diagnosis looks at. */
export interface ServerAnswer {
  status: number;
  /** Lower-case MIME type without parameters; '' when absent. */
  contentType: string;
  /** '' when absent or "identity". */
  contentEncoding: string;
  contentRange: string;
  /** The first bytes of the body, when read. */
  firstBytes?: Uint8Array;
}

/** Minimal view on fetch's Headers, so the functions stay testable without a browser. */
interface HeaderSource {
  get(name: string): string | null;
}

export function answerOf(response: { status: number; headers: HeaderSource }, firstBytes?: Uint8Array): ServerAnswer {
  const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
  return {
    status: response.status,
    contentType: (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase(),
    contentEncoding: encoding === 'identity' ? '' : encoding,
    contentRange: response.headers.get('content-range') ?? '',
    firstBytes,
  };
}

const HOSTING_DOC = 'docs/hosting.md';

export function missingFile(what: string, path: string): Diagnosis {
  // IIS answers 404 for an extension it has no MIME type for, even when the file is there.
  const unknownToIis = /\.(pmtiles|wvk|mjs)(\?|$)/.test(path);
  return {
    kind: 'missing-file',
    message: `${what} ontbreekt op de server (404): ${path}.`,
    hint:
      'Is de map data/ volledig meegekopieerd? Klopt de hash in de bestandsnaam niet, dan verwijst data/datasets.json naar een andere versie van de data: ' +
      `kopieer eerst de nieuwe databestanden en vervang datasets.json als laatste (${HOSTING_DOC} § 5). Herlaad daarna de pagina.` +
      (unknownToIis ? ` Op IIS geeft een bestandstype zonder MIME-type ook 404 terwijl het bestand er staat: staat web.config (met de MIME-typen voor .pmtiles, .wvk en .mjs) naast index.html (${HOSTING_DOC} § 2)?` : ''),
  };
}

export function serverGone(what: string): Diagnosis {
  return {
    kind: 'server-gone',
    message: `De webserver is niet bereikbaar (bij het laden van ${what}).`,
    hint: 'Controleer de netwerkverbinding en of de server draait, en herlaad dan de pagina. Wat u al hebt ingevoerd blijft in deze browser bewaard.',
  };
}

/** A Range request on the PMTiles file: 206, uncompressed, starting with the PMTiles magic. */
export function diagnoseTilesAnswer(path: string, answer: ServerAnswer): Diagnosis | null {
  if (answer.status === 404) return missingFile('Het kaartbestand', path);
  if (answer.contentEncoding) {
    return {
      kind: 'compressed',
      message: `De webserver comprimeert het kaartbestand ${path} (Content-Encoding: ${answer.contentEncoding}); dan kloppen de byteposities van de Range-verzoeken niet en blijft de kaart leeg.`,
      hint: `Zet gzip/brotli uit voor .pmtiles en .wvk, ook in een proxy of beveiligingsapparaat ertussen (nginx: gzip off; Apache: no-gzip; IIS: urlCompression; zie ${HOSTING_DOC} § 2).`,
    };
  }
  if (answer.status === 200) {
    return {
      kind: 'no-range',
      message: `De webserver ondersteunt geen Range-verzoeken: ${path} kwam terug met status 200 in plaats van 206.`,
      hint: `De kaart leest alleen de stukjes van het PMTiles-bestand die in beeld zijn (HTTP Range). Zet Range-ondersteuning aan in de server of de proxy (nginx: max_ranges niet op 0); zie ${HOSTING_DOC} § 2.`,
    };
  }
  if (answer.status !== 206) {
    return {
      kind: 'http-status',
      message: `Het kaartbestand ${path}: de server antwoordde met status ${answer.status}.`,
      hint: `Controleer de rechten en de configuratie van de webserver (${HOSTING_DOC} § 3).`,
    };
  }
  const bytes = answer.firstBytes;
  if (bytes && new TextDecoder().decode(bytes.subarray(0, 7)) !== 'PMTiles') {
    return {
      kind: 'not-pmtiles',
      message: `${path} is geen PMTiles-bestand: de server stuurt iets anders terug (${answer.contentType || 'onbekend type'}).`,
      hint: 'Vaak is dat index.html of een foutpagina in plaats van het bestand: zet een "single-page fallback" uit voor data/ en kopieer de bestanden opnieuw.',
    };
  }
  return null;
}

/**
 * A Range request whose answer the browser could not read at all, while a
 * plain request to the same file came through with `plain`'s headers.
 */
export function rangeAnswerUnreadable(path: string, plain: ServerAnswer): Diagnosis {
  if (plain.status === 404) return missingFile('Het kaartbestand', path);
  return (
    (plain.contentEncoding ? diagnoseTilesAnswer(path, { ...plain, firstBytes: undefined }) : null) ?? {
      kind: 'range-broken',
      message: `De browser kon het antwoord op een Range-verzoek voor ${path} niet lezen.`,
      hint: `Een proxy of compressiemodule verandert het antwoord; zet compressie uit voor .pmtiles en laat Range-verzoeken ongewijzigd door (${HOSTING_DOC} § 2).`,
    }
  );
}

/** MIME types a browser accepts for a module script or module worker (HTML spec, "JavaScript MIME type"). */
const JAVASCRIPT_TYPES = /^(text|application)\/(x-)?(javascript|ecmascript)$|^text\/(javascript1\.[0-5]|jscript|livescript)$/;

export function isJavaScriptType(contentType: string): boolean {
  return JAVASCRIPT_TYPES.test(contentType);
}

/** A script or worker file: the browser refuses a module with any non-JavaScript type. */
export function diagnoseScriptAnswer(file: string, answer: ServerAnswer): Diagnosis | null {
  if (answer.status === 404) return missingFile('Het scriptbestand', file);
  if (answer.status >= 400) {
    return { kind: 'http-status', message: `Het scriptbestand ${file}: de server antwoordde met status ${answer.status}.`, hint: `Kopieer de volledige map assets/ mee (${HOSTING_DOC} § 1).` };
  }
  if (isJavaScriptType(answer.contentType)) return null;
  const extension = /\.(m?js)$/.exec(file)?.[1] ?? 'js';
  return {
    kind: 'script-type',
    message: `De webserver stuurt .${extension}-bestanden met het MIME-type "${answer.contentType || 'geen'}" in plaats van text/javascript (${file}); de browser weigert dat script, waardoor de kaart leeg blijft.`,
    hint:
      extension === 'mjs'
        ? `nginx kent .mjs standaard niet: neem de .mjs-regel uit docs/hosting/nginx.conf over. IIS: de mimeMap voor .mjs uit web.config. Zie ${HOSTING_DOC} § 2.`
        : `Stel voor .js en .mjs het type text/javascript in (${HOSTING_DOC} § 2).`,
  };
}

export function basemapBlocked(host: string): Diagnosis {
  return {
    kind: 'basemap-blocked',
    message: `De achtergrondkaart van ${host} wordt geblokkeerd door de Content-Security-Policy van deze server. De kaart werkt door zonder achtergrond.`,
    hint: `Sta ${host} toe in connect-src en img-src van de policy (${HOSTING_DOC} § 6), of zet basemapStyleUrl in config.json op null.`,
  };
}

export function basemapUnreachable(host: string): Diagnosis {
  return {
    kind: 'basemap-unreachable',
    message: `De achtergrondkaart van ${host} is niet bereikbaar. De kaart werkt door zonder achtergrond.`,
    hint: `Mag deze werkplek of server ${host} bereiken (proxy, firewall)? Staat de stijl-URL in config.json goed? Zie ${HOSTING_DOC} § 6.`,
  };
}

export function workerFailed(detail: string): Diagnosis {
  return {
    kind: 'worker-failed',
    message: `De rekenmodule van het kompas (een worker) kon niet starten${detail ? `: ${detail}` : ''}. Zonder haar worden geen scores berekend.`,
    hint: `Controleer dat assets/ volledig is meegekopieerd, dat .js als text/javascript wordt geserveerd en dat de Content-Security-Policy worker-src 'self' toestaat (${HOSTING_DOC} § 4).`,
  };
}

export function mapFailed(detail: string): Diagnosis {
  return {
    kind: 'map-failed',
    message: `De kaart kon niet worden geladen: ${detail}.`,
    hint: `Open hosting-check.html naast index.html: die controleert wat de kaart van de server nodig heeft (${HOSTING_DOC} § 7).`,
  };
}

/** The host part of a URL, for messages ("api.pdok.nl"); the text itself when it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
