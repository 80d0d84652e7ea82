/**
 * A Range request and its body: the one way the app reads part of a file.
 * The early start (src/state/early-start.ts) asks for the PMTiles head with
 * it before the app chunk has arrived, the hosting probe (probe.ts)
 * diagnoses that answer, and the map reads its tiles and directories with it
 * (src/map/tiles-prefix-source.ts).
 *
 * Chromium's in-memory HTTP cache (a private window, or a browser profile
 * that is not kept, as on many virtual desktops) can end a range answer
 * early and call it complete: when the range starts inside a 4 KB cache
 * block of which it already holds the first part (the tile before it in the
 * file), it sends only up to the end of that block, under a Content-Range
 * that names the whole range. A tile then arrives cut off, and the map lost
 * it with "Failed to fetch" (docs/hosting.md, § 8). So a 206 answer that is
 * shorter than its Content-Range says is asked once more, past the cache.
 */
export interface RangeRead {
  response: Response;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Rejects when the request fails, as fetch does (probe.ts tells why). */
export async function readRange(url: string, range: string, init: RequestInit = {}): Promise<RangeRead> {
  const read = async (cache?: RequestCache): Promise<RangeRead> => {
    const response = await fetch(url, { ...init, ...(cache ? { cache } : {}), headers: { Range: range } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const first = await read();
  return endsEarly(first) ? read('no-store') : first;
}

/** A 206 answer whose body is shorter than the bytes its Content-Range names. */
export function endsEarly({ response, bytes }: RangeRead): boolean {
  if (response.status !== 206) return false;
  const named = /^bytes (\d+)-(\d+)\//.exec(response.headers.get('content-range') ?? '');
  return !!named && bytes.byteLength < Number(named[2]) - Number(named[1]) + 1;
}
