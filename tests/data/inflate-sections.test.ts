/**
 * The app inflates level-table sections with the platform's DecompressionStream
 * (src/data/inflate-sections.ts) and falls back to fflate inside
 * decodeLevelTable: both must read a table identically, and a damaged or
 * overlong section must be refused with a Dutch message naming the file and
 * the section.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFileError, decodeLevelTable, encodeLevelTable, readLevelTableHeader } from '../../src/model/dataset-format.ts';
import { inflateSections } from '../../src/data/inflate-sections.ts';
import { randomTable } from '../model/helpers/synthetic-table.ts';
import { withHeader } from '../model/helpers/dataset-files.ts';

const catalog = JSON.parse(readFileSync('public/data/datasets.json', 'utf8')) as { datasets: { id: string; files: { tables: Record<string, string> } }[] };
const realPath = catalog.datasets.find((d) => d.id === 'groningen2017')!.files.tables.wijk;
const real = new Uint8Array(readFileSync(`public/data/${realPath}`));
const synthetic = encodeLevelTable(randomTable(7, 300));

async function refusal(bytes: Uint8Array): Promise<DataFileError> {
  try {
    await inflateSections(bytes, 'b.wvk');
  } catch (error) {
    return error as DataFileError;
  }
  throw new Error('geen fout');
}

describe('native inflation of level-table sections', () => {
  it('reads a real and a synthetic table exactly as fflate does', async () => {
    for (const [bytes, path] of [[real, realPath], [synthetic, 'synthetisch.wvk']] as const) {
      const inflated = await inflateSections(bytes, path);
      expect(inflated?.size).toBe(readLevelTableHeader(bytes).header.sections.length);
      expect(decodeLevelTable(bytes, path, inflated)).toStrictEqual(decodeLevelTable(bytes, path));
    }
  });

  it('names the file and the section of a damaged stream', async () => {
    const damaged = synthetic.slice();
    const { header, base } = readLevelTableHeader(synthetic);
    const s = header.sections.find((x) => x.name.startsWith('values:'))!;
    damaged.fill(0xff, base + s.byteOffset, base + s.byteOffset + 16);
    expect(await refusal(damaged)).toMatchObject({ name: 'DataFileError', kind: 'section', message: expect.stringMatching(new RegExp(`^b\\.wvk: sectie ${s.name} is beschadigd`)) });
  });

  it('stops a section that inflates to more, or fewer, bytes than its header announces', async () => {
    const name = readLevelTableHeader(synthetic).header.sections.find((x) => x.name.startsWith('reasons:'))!.name;
    const shorter = withHeader(synthetic, (h) => { h.sections.find((x) => x.name === name)!.length -= 1; });
    expect(await refusal(shorter)).toMatchObject({ kind: 'section', message: expect.stringMatching(new RegExp(`sectie ${name} is beschadigd \\(meer dan 299 bytes\\)`)) });
    const longer = withHeader(synthetic, (h) => { h.sections.find((x) => x.name === name)!.length += 1; });
    expect(await refusal(longer)).toMatchObject({ kind: 'section', message: expect.stringMatching(new RegExp(`sectie ${name} geeft 300 bytes, verwacht 301`)) });
  });
});
