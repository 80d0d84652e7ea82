/**
 * The sections of a level table inflated by the platform's own
 * DecompressionStream (native zlib), not by fflate in JavaScript. In the
 * scoring worker at start, fflate was most of the decode and ran while the
 * map loaded its first tiles on the same two cores (docs/speed.md).
 * Without DecompressionStream or its raw deflate format, decodeLevelTable
 * inflates with fflate itself.
 */
import { damagedSection, inflatedSize, readLevelTableHeader, storedSection, tooLong, type InflatedSections } from '../model/dataset-format.ts';

/**
 * Stored bytes handed to the inflater per step. It inflates a whole input
 * chunk before the reader sees any of it, so a stream that is longer than
 * announced can only overshoot by what one slice inflates to (at most
 * 1032 × this), not by what the whole section would.
 */
const SLICE_BYTES = 4096;

/** Inflates the sections `wanted` accepts (default: all), in file order; `partial` as in readLevelTableHeader. */
export async function inflateSections(bytes: Uint8Array, source: string, wanted: (name: string) => boolean = () => true, partial = false): Promise<InflatedSections | undefined> {
  if (!nativeRawInflate()) return undefined;
  const { header, base } = readLevelTableHeader(bytes, source, partial);
  const sections = new Map<string, Uint8Array>();
  for (const s of header.sections) if (wanted(s.name)) sections.set(s.name, await inflateInto(storedSection(bytes, base, s), inflatedSize(s), source, s.name));
  return sections;
}

let rawInflateSupported: boolean | undefined;

/** Whether the platform inflates raw deflate itself: DecompressionStream is older than its 'deflate-raw' format (Chrome/Edge 80–102 lack it). */
function nativeRawInflate(): boolean {
  if (rawInflateSupported === undefined) {
    try {
      new DecompressionStream('deflate-raw');
      rawInflateSupported = true;
    } catch {
      rawInflateSupported = false;
    }
  }
  return rawInflateSupported;
}

/** Inflate a raw deflate stream into a buffer of the announced size: a damaged stream cannot grow past it. */
async function inflateInto(stored: Uint8Array, expected: number, source: string, name: string): Promise<Uint8Array> {
  let at = 0;
  let fed = 0;
  // A stream made here, not Blob.stream(): a Blob's bytes are read back
  // through the browser process. No queue: the next slice is asked for only
  // when the inflater has handed on what the last one gave.
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (fed >= stored.length) return controller.close();
      controller.enqueue(stored.subarray(fed, fed + SLICE_BYTES) as Uint8Array<ArrayBuffer>);
      fed += SLICE_BYTES;
    },
  }, { highWaterMark: 0 });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let out: Uint8Array;
  try {
    out = new Uint8Array(expected);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (at + chunk.value.length > expected) throw new Error(tooLong(expected));
      out.set(chunk.value, at);
      at += chunk.value.length;
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw damagedSection(source, name, error);
  }
  // A stream that ends early: decodeLevelTable names what it gave and what was announced.
  return out.subarray(0, at);
}
