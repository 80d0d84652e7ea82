/**
 * The sections of a level table inflated by the platform's own
 * DecompressionStream (native zlib), not by fflate in JavaScript. In the
 * scoring worker at start, fflate was most of the decode and ran while the
 * map loaded its first tiles on the same two cores (docs/speed.md).
 * Without DecompressionStream or its raw deflate format, decodeLevelTable
 * inflates with fflate itself.
 */
import { DataFileError, damagedSection, inflatedSize, readLevelTableHeader, storedSection, type InflatedSections } from '../model/dataset-format.ts';

export async function inflateSections(bytes: Uint8Array, source: string): Promise<InflatedSections | undefined> {
  if (!nativeRawInflate()) return undefined;
  const { header, base } = readLevelTableHeader(bytes, source);
  const sections = new Map<string, Uint8Array>();
  for (const s of header.sections) sections.set(s.name, await inflateInto(storedSection(bytes, base, s), inflatedSize(s), source, s.name));
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
  const out = new Uint8Array(expected);
  let at = 0;
  // A stream made here, not Blob.stream(): a Blob's bytes are read back through the browser process.
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({ start(controller) { controller.enqueue(stored as Uint8Array<ArrayBuffer>); controller.close(); } });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (at + chunk.value.length > expected) throw new Error(`meer dan ${expected} bytes`);
      out.set(chunk.value, at);
      at += chunk.value.length;
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw damagedSection(source, name, error);
  }
  if (at !== expected) throw new DataFileError('section', `${source}: sectie ${name} geeft ${at} bytes, verwacht ${expected}`);
  return out;
}
