/**
 * A Range request and its body: the one way the app reads part of a file.
 * The early start (src/state/early-start.ts) asks for the PMTiles head with
 * it before the app chunk has arrived, the hosting probe (probe.ts)
 * diagnoses that answer, and the map reads its tiles and directories with it
 * (src/map/tiles-prefix-source.ts).
 *
 * An answer can come back shorter than the bytes its Content-Range names,
 * with status 206 and no error: Chromium's in-memory HTTP cache (a private
 * window, or a browser profile that is not kept, as on many virtual
 * desktops) does so when the range starts inside a 4 KB cache block of
 * which it already holds the first part, and sends only the rest of that
 * block (docs/hosting.md, § 8). Such an answer is asked once more, past the
 * cache. An answer that is not a part at all (a server or proxy that ignores
 * Range sends the whole file, 200) is read only as far as the range
 * reaches: enough for the caller to name the problem, without downloading
 * the file for it.
 */
export interface RangeRead {
  response: Response;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Rejects when the request fails, as fetch does (probe.ts tells why). `init` goes with both requests. */
export async function readRange(url: string, range: string, init: RequestInit = {}): Promise<RangeRead> {
  const read = async (cache?: RequestCache): Promise<RangeRead> => {
    const response = await fetch(url, { ...init, ...(cache ? { cache } : {}), headers: { Range: range } });
    const bytes = response.status === 206 ? new Uint8Array(await response.arrayBuffer()) : await firstBytes(response, lengthOf(range));
    return { response, bytes };
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

/** Bytes in a `bytes=a-b` range; without an end, no limit. */
function lengthOf(range: string): number {
  const span = /^bytes=(\d+)-(\d+)$/.exec(range);
  return span ? Number(span[2]) - Number(span[1]) + 1 : Infinity;
}

/** The first `limit` bytes of a body; the rest is cancelled, not downloaded. */
async function firstBytes(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body || !Number.isFinite(limit)) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const out = new Uint8Array(limit);
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(value.byteLength, limit - size);
    out.set(value.subarray(0, take), size);
    size += take;
  }
  await reader.cancel().catch(() => undefined);
  return out.slice(0, size);
}
