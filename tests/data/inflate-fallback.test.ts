/**
 * A browser whose DecompressionStream predates the raw deflate format
 * (Chrome and Edge 80–102) must still load the level tables: the sections are
 * then inflated by fflate inside decodeLevelTable. Its own file, so the
 * module's one-time check of the platform sees the stub.
 */
import { afterAll, expect, it, vi } from 'vitest';
import { decodeLevelTable, encodeLevelTable } from '../../src/model/dataset-format.ts';
import { randomTable } from '../model/helpers/synthetic-table.ts';
import { hashedPath } from '../model/helpers/dataset-files.ts';

class GzipOnlyDecompressionStream {
  constructor(format: string) {
    if (format === 'deflate-raw') throw new TypeError(`Unsupported compression format: '${format}'`);
  }
}

afterAll(() => void vi.unstubAllGlobals());

it('falls back to fflate when the platform cannot inflate raw deflate', async () => {
  vi.stubGlobal('DecompressionStream', GzipOnlyDecompressionStream);
  const { inflateSections } = await import('../../src/data/inflate-sections.ts');
  const { decodeTableFile } = await import('../../src/data/load-dataset.ts');
  const bytes = encodeLevelTable(randomTable(5, 120)) as Uint8Array<ArrayBuffer>;
  const path = await hashedPath('synthetisch', 'buurt', 'wvk', bytes);
  expect(await inflateSections(bytes, path)).toBeUndefined();
  expect(await decodeTableFile({ path, bytes })).toStrictEqual(decodeLevelTable(bytes, path));
});
