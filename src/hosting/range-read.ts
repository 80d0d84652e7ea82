/**
 * A Range request and its body. Its own small module: the early start
 * (src/state/early-start.ts) asks for the PMTiles head with it before the app
 * chunk has arrived, and the hosting probe (probe.ts) diagnoses that answer.
 */
export interface RangeRead {
  response: Response;
  bytes: Uint8Array;
}

/** Rejects when the request fails, as fetch does (probe.ts tells why). */
export async function readRange(url: string, range: string, init: RequestInit = {}): Promise<RangeRead> {
  const response = await fetch(url, { ...init, headers: { Range: range } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}
