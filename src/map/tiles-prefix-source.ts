/**
 * The pmtiles `Source` of the map. It answers the archive's first read
 * (header and root directory, offset 0) from bytes the app already fetched
 * for its start-up check (src/state/app-state.svelte.ts), so the PMTiles
 * file's head is asked for once per page load. Every other read is a Range
 * request through readRange (src/hosting/range-read.ts), which asks an
 * answer that came back cut short once more, past the browser cache. In
 * Chromium-based browsers (Chrome, Edge) the map reads past the cache from
 * the start: their cache cuts range answers short (the in-memory one on
 * every system, docs/hosting.md § 8; pmtiles turns the cache off in Chrome
 * and Edge on Windows for a bug of the same kind). There a new visit
 * downloads the tiles of its view again. What still fails is said in Dutch,
 * with the bytes it was about.
 */
import type { RangeResponse, Source } from 'pmtiles';
import { endsEarly, readRange, type RangeRead } from '../hosting/range-read.ts';

/** Whether a browser is Chromium-based (Chrome, Edge, Opera, Brave), by its user agent, as pmtiles tells them. */
export function isChromium(userAgent: string): boolean {
  return /Chrome|Chromium|Edg|OPR/.test(userAgent);
}

export class PrefixFirstSource implements Source {
  /**
   * `prefix` resolves to null when there are no bytes to share (the map then
   * asks the server itself). When the check found the server unfit for the
   * map (no Range support, compression, a missing file) it never settles:
   * the map waits instead of downloading the whole file again, and the
   * status area names the cause. A rejection fails the map's first read.
   */
  constructor(
    private readonly url: string,
    private readonly prefix: Promise<Uint8Array | null>,
    private readonly pastCache = typeof navigator !== 'undefined' && isChromium(navigator.userAgent),
  ) {
    // The check reports its own failure; this copy is only read by the map.
    prefix.catch(() => undefined);
  }

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    if (offset === 0) {
      const prefix = await this.prefix;
      // A file shorter than the request came back whole, as a server sends it.
      if (prefix && prefix.byteLength > 0) {
        const end = Math.min(length, prefix.byteLength);
        return { data: prefix.buffer.slice(prefix.byteOffset, prefix.byteOffset + end) as ArrayBuffer };
      }
    }
    const bytesAsked = `bytes ${offset}–${offset + length - 1}`;
    let read: RangeRead;
    try {
      read = await readRange(this.url, `bytes=${offset}-${offset + length - 1}`, { signal, ...(this.pastCache ? { cache: 'no-store' as const } : {}) });
    } catch (error) {
      // MapLibre cancels the tiles it no longer needs; it knows an AbortError.
      if (signal?.aborted || (error as Error | null)?.name === 'AbortError') throw error;
      throw new Error(`het kaartbestand gaf geen antwoord op de vraag om ${bytesAsked} (${(error as Error | null)?.message ?? error})`);
    }
    const { response, bytes } = read;
    // Only this message names Range: the status area then adds its hint about servers without Range support (src/ui/MapView.svelte).
    if (response.status === 200) throw new Error(`de webserver ondersteunt geen Range-verzoeken: hij stuurde het hele kaartbestand (status 200) in plaats van ${bytesAsked}`);
    if (response.status !== 206) throw new Error(`het kaartbestand antwoordde met status ${response.status} op de vraag om ${bytesAsked}`);
    // pmtiles asks exact ranges inside the file (from its directories); only its first read (the 16 KB head) may reach past the end of a small file.
    const whole = offset === 0 ? !endsEarly(read) : bytes.byteLength === length;
    if (!whole) throw new Error(`van het kaartbestand kwamen ${bytes.byteLength} bytes binnen in plaats van de gevraagde ${length} (${bytesAsked})`);
    return { data: bytes.buffer, cacheControl: response.headers.get('cache-control') ?? undefined, expires: response.headers.get('expires') ?? undefined };
  }
}
