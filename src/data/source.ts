/**
 * Where dataset files come from. One interface for the app (fetch), Node
 * (file, in src/data/file-source.ts) and tests and benches (memory), after the
 * `Source` of the pmtiles library: the loader (src/data/load-dataset.ts) asks
 * for a path relative to the folder of datasets.json and gets bytes, once.
 */
import { assertRelativeDataPath } from './verify.ts';

export class LoadError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'LoadError';
  }
}

export type Progress = (loaded: number, total: number) => void;
/**
 * Sees the bytes of a file read so far, after each chunk that arrives, until
 * it returns true. The view is extended in place by later chunks: copy what
 * is kept. A source that reads a file in one go need not call it.
 */
export type PrefixReader = (prefix: Uint8Array) => boolean;

export interface DatasetSource {
  /** Where the files are, for messages (a URL or a folder). */
  readonly where: string;
  /** The bytes of one file; `path` is relative to the folder of datasets.json. */
  read(path: string, onProgress?: Progress, onPrefix?: PrefixReader): Promise<Uint8Array<ArrayBuffer>>;
}

/** Files held in memory (tests, benches): path → bytes or text. */
export function memorySource(files: Record<string, Uint8Array | ArrayBuffer | string>, where = 'geheugen'): DatasetSource {
  return {
    where,
    async read(path) {
      assertRelativeDataPath(path);
      const file = files[path];
      if (file === undefined) throw new LoadError(`${path} ontbreekt (${where}).`, 'Controleer de bestandsnamen in datasets.json.');
      if (typeof file === 'string') return new TextEncoder().encode(file);
      // A copy, so a test can hand the same file out twice even after a transfer.
      return new Uint8Array(file instanceof Uint8Array ? file : new Uint8Array(file)).slice();
    },
  };
}

const looksLikeHtml = (bytes: Uint8Array) => /^\s*<(!doctype|html|head|body|\?xml)/i.test(new TextDecoder().decode(bytes.subarray(0, 64)));

/**
 * Files on a web server, relative to `baseUrl` (the folder of datasets.json).
 * Streams with byte progress. A server that answers a missing file with its
 * index.html (a "SPA fallback", common on nginx and static hosts) is named as
 * such, instead of failing later as unreadable data.
 */
export function fetchSource(baseUrl: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): DatasetSource {
  return {
    where: baseUrl,
    async read(path, onProgress, onPrefix) {
      assertRelativeDataPath(path);
      const url = new URL(path, baseUrl).href;
      let response: Response;
      try {
        response = await fetchImpl(url);
      } catch {
        throw new LoadError(`${path} kon niet worden geladen (${url}).`, 'Controleer of de webserver bereikbaar is en of de app vanaf een webserver wordt geopend (niet als bestand).');
      }
      if (response.status === 404) throw new LoadError(`${path} ontbreekt op de server (${url}).`, 'Zijn alle bestanden uit de map data/ meegekopieerd? Bestandsnamen bevatten een inhoudshash en moeten exact overeenkomen.');
      if (!response.ok) throw new LoadError(`${path}: de server antwoordde ${response.status} ${response.statusText}.`, 'Controleer de rechten en de configuratie van de webserver (zie docs/hosting.md).');
      const bytes = await readBody(response, onProgress, onPrefix);
      if (!/\.html?$/i.test(path) && ((response.headers.get('content-type') ?? '').includes('text/html') || looksLikeHtml(bytes))) {
        throw new LoadError(
          `De server gaf een HTML-pagina terug in plaats van ${path}: het bestand ontbreekt en de server valt terug op index.html (SPA-terugval).`,
          'Kopieer de volledige map data/ mee en laat de webserver voor ontbrekende bestanden 404 antwoorden in plaats van index.html (zie docs/hosting.md).',
        );
      }
      return bytes;
    },
  };
}

/** Most a Content-Length header can make readBody set aside at once; a larger file grows past it. */
const MAX_PREALLOCATED_BYTES = 64 << 20;

async function readBody(response: Response, onProgress?: Progress, onPrefix?: PrefixReader): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body || (!onProgress && !onPrefix)) return new Uint8Array(await response.arrayBuffer());
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  // One buffer of the announced size, grown if more comes (a server that
  // compressed on the fly announces fewer bytes): a prefix is a view, not a copy.
  let bytes = new Uint8Array(Math.min(Math.max(total, 1 << 16), MAX_PREALLOCATED_BYTES));
  let loaded = 0;
  let prefixDone = !onPrefix;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > bytes.length) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, loaded + value.length));
      grown.set(bytes.subarray(0, loaded));
      bytes = grown;
    }
    bytes.set(value, loaded);
    loaded += value.length;
    onProgress?.(loaded, total);
    if (!prefixDone) prefixDone = onPrefix!(bytes.subarray(0, loaded));
  }
  return loaded === bytes.length ? bytes : bytes.slice(0, loaded);
}
