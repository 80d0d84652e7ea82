/**
 * A pmtiles `Source` that answers the archive's first read (header and root
 * directory, offset 0) from bytes the app already fetched for its start-up
 * check (src/state/app-state.svelte.ts), so the PMTiles file's head is asked
 * for once per page load. Every other read is an ordinary Range request.
 */
import { FetchSource, type RangeResponse, type Source } from 'pmtiles';

export class PrefixFirstSource implements Source {
  private readonly fetcher: FetchSource;

  /**
   * `prefix` resolves to null when there are no bytes to share (the map then
   * asks the server itself). When the check found the server unfit for the
   * map (no Range support, compression, a missing file) it never settles:
   * the map waits instead of downloading the whole file again, and the
   * status area names the cause. A rejection fails the map's first read.
   */
  constructor(private readonly url: string, private readonly prefix: Promise<Uint8Array | null>) {
    this.fetcher = new FetchSource(url);
    // The check reports its own failure; this copy is only read by the map.
    prefix.catch(() => undefined);
  }

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    if (offset === 0) {
      const prefix = await this.prefix;
      // A file shorter than the request came back whole, as a server sends it.
      if (prefix && prefix.byteLength > 0) {
        const end = Math.min(length, prefix.byteLength);
        return { data: prefix.buffer.slice(prefix.byteOffset, prefix.byteOffset + end) as ArrayBuffer };
      }
    }
    return this.fetcher.getBytes(offset, length, signal, etag);
  }
}
