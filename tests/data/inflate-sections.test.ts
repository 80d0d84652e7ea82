/**
 * The app inflates level-table sections with the platform's DecompressionStream
 * (src/data/inflate-sections.ts); decodeLevelTable inflates with fflate where
 * it is given none (Node scripts, browsers without raw deflate). Both paths
 * must read a table identically and refuse the same damage with a Dutch
 * message naming the file and the section: a broken stream, one that
 * inflates to more or fewer bytes than its header announces, an empty one,
 * and a header that promises more than deflate can hold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFileError, decodeLevelTable, encodeLevelTable, readLevelTableHeader, type LevelTable } from '../../src/model/dataset-format.ts';
import { inflateSections } from '../../src/data/inflate-sections.ts';
import { randomTable } from '../model/helpers/synthetic-table.ts';
import { withHeader } from '../model/helpers/dataset-files.ts';

const catalog = JSON.parse(readFileSync('public/data/datasets.json', 'utf8')) as { datasets: { id: string; files: { tables: Record<string, string> } }[] };
const realPath = catalog.datasets.find((d) => d.id === 'groningen2017')!.files.tables.wijk;
const real = new Uint8Array(readFileSync(`public/data/${realPath}`));
const synthetic = encodeLevelTable(randomTable(7, 300));
const { header, base } = readLevelTableHeader(synthetic);
const section = (prefix: string) => header.sections.find((x) => x.name.startsWith(prefix))!;

const paths: [string, (bytes: Uint8Array, path: string) => Promise<LevelTable>][] = [
  ['DecompressionStream', async (bytes, path) => decodeLevelTable(bytes, path, await inflateSections(bytes, path))],
  ['fflate', async (bytes, path) => decodeLevelTable(bytes, path)],
];

async function refusal(decode: (bytes: Uint8Array, path: string) => Promise<LevelTable>, bytes: Uint8Array): Promise<DataFileError> {
  try {
    await decode(bytes, 'b.wvk');
  } catch (error) {
    return error as DataFileError;
  }
  throw new Error('geen fout');
}

it('the native path inflates every section, and reads a real and a synthetic table exactly as fflate does', async () => {
  for (const [bytes, path] of [[real, realPath], [synthetic, 'synthetisch.wvk']] as const) {
    const inflated = await inflateSections(bytes, path);
    expect(inflated?.size).toBe(readLevelTableHeader(bytes).header.sections.length);
    expect(decodeLevelTable(bytes, path, inflated)).toStrictEqual(decodeLevelTable(bytes, path));
  }
});

describe.each(paths)('damaged sections, inflated by %s', (_name, decode) => {
  it('names the file and the section of a broken stream', async () => {
    const s = section('values:');
    const damaged = synthetic.slice();
    damaged.fill(0xff, base + s.byteOffset, base + s.byteOffset + 16);
    expect(await refusal(decode, damaged)).toMatchObject({ name: 'DataFileError', kind: 'section', message: expect.stringMatching(new RegExp(`^b\\.wvk: sectie ${s.name} is beschadigd`)) });
  });

  it('refuses a stream that inflates to more, or fewer, bytes than announced', async () => {
    const announced = section('areas').length;
    const shorter = withHeader(synthetic, (h) => { h.sections.find((x) => x.name === 'areas')!.length -= 1; });
    expect(await refusal(decode, shorter)).toMatchObject({ kind: 'section', message: `b.wvk: sectie areas is beschadigd (meer dan ${announced - 1} bytes)` });
    const longer = withHeader(synthetic, (h) => { h.sections.find((x) => x.name === 'areas')!.length += 1; });
    expect(await refusal(decode, longer)).toMatchObject({ kind: 'section', message: `b.wvk: sectie areas geeft ${announced} bytes, verwacht ${announced + 1}` });
  });

  it('refuses an empty stream where values are announced', async () => {
    const name = section('reasons:').name;
    const empty = withHeader(synthetic, (h) => { h.sections.find((x) => x.name === name)!.byteLength = 0; });
    expect(await refusal(decode, empty)).toMatchObject({ kind: 'section', message: expect.stringMatching(new RegExp(`^b\\.wvk: sectie ${name} is beschadigd`)) });
  });

  it('refuses a header that promises more bytes than deflate can unpack, before making room for them', async () => {
    const s = section('reasons:');
    const huge = withHeader(synthetic, (h) => { h.sections.find((x) => x.name === s.name)!.length = 2 ** 40; });
    expect(await refusal(decode, huge)).toMatchObject({ kind: 'section', message: `b.wvk: sectie ${s.name} belooft ${2 ** 40} bytes uit ${s.byteLength} opgeslagen bytes, meer dan deflate kan uitpakken` });
  });
});
