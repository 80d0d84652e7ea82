/**
 * Served data is verified before use: level tables (layout, content, hash in
 * the name), datasets.json (shape, relative paths, SPA fallback) and the
 * PMTiles header and root directory. Every failure is a named Dutch error.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFileError, decodeLevelTable, encodeLevelTable, readLevelTableHeader } from '../../src/model/dataset-format.ts';
import { MissingReason } from '../../src/model/missing.ts';
import { decodeTableFile, loadDataset } from '../../src/data/load-dataset.ts';
import { fetchSource, memorySource } from '../../src/data/source.ts';
import { assertRelativeDataPath, parseCatalog } from '../../src/data/verify.ts';
import { PMTILES_PREFIX, verifyPmtilesPrefix } from '../../src/data/verify-tiles.ts';
import { makeTable, randomTable } from '../model/helpers/synthetic-table.ts';
import { hashedPath, memoryDataset, withHeader } from '../model/helpers/dataset-files.ts';

const table = randomTable(11, 200);
const bytes = encodeLevelTable(table) as Uint8Array<ArrayBuffer>;


const failure = (fn: () => unknown) => {
  try { fn(); } catch (error) { return error as DataFileError; }
  throw new Error('geen fout');
};

describe('level table verification', () => {
  it('round-trips every value, reason and neighbour exactly', () => {
    const back = decodeLevelTable(bytes, 't');
    expect(back.codes).toEqual(table.codes);
    table.values.forEach((v, i) => expect([...back.values[i]]).toEqual([...v]));
    table.reasons.forEach((r, i) => expect([...back.reasons[i]]).toEqual([...r]));
    expect([...back.neighbourIndices]).toEqual([...table.neighbourIndices]);
  });

  it('keeps float32 values exact when they are no short decimals (stored unquantised)', () => {
    const t = makeTable({ columns: [{ series: 'inwoners', values: [Math.PI, 1 / 3, 2.5e-7, null] }] });
    const back = decodeLevelTable(encodeLevelTable(t), 't');
    expect([...back.values[0]]).toEqual([...t.values[0]]);
    expect(back.reasons[0][3]).toBe(MissingReason.unknown);
  });

  it('every single bit flip is caught by the content hash in the name', async () => {
    const path = await hashedPath('t', 'buurt', 'wvk', bytes);
    await expect(decodeTableFile({ path, bytes })).resolves.toBeTruthy();
    // Flip one bit at 64 spread positions (header, names, columns).
    for (let k = 0; k < 64; k++) {
      const at = Math.floor((k * bytes.length) / 64);
      const flipped = bytes.slice();
      flipped[at] ^= 1 << (k % 8);
      await expect(decodeTableFile({ path, bytes: flipped }), `byte ${at}`).rejects.toMatchObject({ name: 'DataFileError', kind: expect.stringMatching(/hash|magic|header|truncated/) });
    }
  });

  it('refuses a file name without a content hash', async () => {
    await expect(decodeTableFile({ path: 't/buurt.wvk', bytes })).rejects.toThrow(/mist de inhoudshash/);
  });

  it('names truncation, wrong magic, the old format and a misaligned section', () => {
    expect(failure(() => decodeLevelTable(bytes.subarray(0, bytes.length - 100), 'b.wvk'))).toMatchObject({ kind: 'truncated', message: expect.stringMatching(/^b\.wvk: sectie .* valt buiten het bestand/) });
    expect(failure(() => decodeLevelTable(bytes.subarray(0, 6), 'b.wvk'))).toMatchObject({ kind: 'truncated' });
    const magic = bytes.slice(); magic.set([0x3c, 0x21, 0x64, 0x6f]); // "<!do"
    expect(failure(() => decodeLevelTable(magic, 'b.wvk'))).toMatchObject({ kind: 'magic', message: expect.stringMatching(/geen gebiedstabel/) });
    const old = bytes.slice(); old[3] = 0x31;
    expect(failure(() => decodeLevelTable(old, 'b.wvk'))).toMatchObject({ kind: 'version', message: expect.stringMatching(/oude formaat/) });
    const shifted = withHeader(bytes, (h) => { h.sections[3].byteOffset += 4; });
    expect(failure(() => decodeLevelTable(shifted, 'b.wvk'))).toMatchObject({ kind: 'section', message: expect.stringMatching(/geen veelvoud van 8/) });
    const longer = new Uint8Array(bytes.length + 8); longer.set(bytes);
    expect(failure(() => decodeLevelTable(longer, 'b.wvk'))).toMatchObject({ message: expect.stringMatching(/secties beschrijven/) });
  });

  it('names internally inconsistent tables', () => {
    const fewer = withHeader(bytes, (h) => { h.areaCount = 199; });
    expect(failure(() => decodeLevelTable(fewer, 'b.wvk'))).toMatchObject({ kind: 'inconsistent' });
    // A value where the reason says it is missing.
    const t = randomTable(12, 30);
    const at = t.reasons[0].findIndex((r) => r === 0);
    t.reasons[0][at] = MissingReason.suppressed;
    expect(failure(() => decodeLevelTable(encodeLevelTable(t), 'b.wvk'))).toMatchObject({ kind: 'inconsistent', message: expect.stringMatching(/past niet bij reden 1/) });
    // A neighbour index past the last area.
    const u = randomTable(13, 30);
    u.neighbourOffsets = new Uint32Array(31).fill(1);
    u.neighbourOffsets[0] = 0;
    u.neighbourIndices = Uint32Array.of(30);
    expect(failure(() => decodeLevelTable(encodeLevelTable(u), 'b.wvk'))).toMatchObject({ kind: 'inconsistent', message: expect.stringMatching(/buur 30 bestaat niet/) });
    // A damaged compressed section (file name without hash: only the structure speaks).
    const damaged = bytes.slice();
    const { header, base } = readLevelTableHeader(bytes);
    const s = header.sections.find((x) => x.name.startsWith('values:'))!;
    damaged.fill(0xff, base + s.byteOffset, base + s.byteOffset + 16);
    expect(failure(() => decodeLevelTable(damaged, 'b.wvk'))).toMatchObject({ name: 'DataFileError' });
  });
});

describe('catalog verification', () => {
  it('refuses data paths that are not relative to datasets.json', () => {
    for (const p of ['https://elders.example/buurt.wvk', '//elders.example/b.wvk', '/data/b.wvk', '../../geheim.wvk', 'data:application/octet-stream,WVK2', 'C:\\b.wvk']) {
      expect(() => assertRelativeDataPath(p), p).toThrow(/niet relatief aan datasets\.json/);
    }
    expect(() => assertRelativeDataPath('nl2024/buurt.0a1b2c3d.wvk')).not.toThrow();
  });

  it('names an empty dataset entry and a remote table path in datasets.json', async () => {
    const { catalog } = await memoryDataset('t', [randomTable(3, 10)]);
    const empty = { ...catalog, datasets: [{}] };
    expect(() => parseCatalog(new TextEncoder().encode(JSON.stringify(empty)))).toThrow(/datasets\.json, dataset 1 heeft geen id/);
    const remote = structuredClone(catalog);
    remote.datasets[0].files.tables.buurt = 'https://elders.example/buurt.wvk';
    expect(() => parseCatalog(new TextEncoder().encode(JSON.stringify(remote)))).toThrow(/files\.tables\.buurt: bestandspad "https:\/\/elders\.example\/buurt\.wvk" is niet relatief/);
    expect(() => parseCatalog(new TextEncoder().encode('{"format":'))).toThrow(/geen geldige JSON/);
  });

  it('names an SPA fallback (index.html for a missing datasets.json)', async () => {
    const html = '<!doctype html><html><head><title>Wijkveiligheidskompas</title></head></html>';
    const source = fetchSource('http://host/app/data/', async () => new Response(html, { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(loadDataset(source)).rejects.toThrow(/HTML-pagina terug in plaats van datasets\.json.*SPA-terugval/);
  });

  it('the memory, fetch and file sources feed the same loader', async () => {
    const { files } = await memoryDataset('t', [randomTable(3, 10)]);
    const viaMemory = await loadDataset(memorySource(files));
    const viaFetch = await loadDataset(fetchSource('http://host/data/', async (input) => {
      const path = String(input).replace('http://host/data/', '');
      return files[path] ? new Response(files[path].slice()) : new Response('', { status: 404 });
    }));
    expect(viaFetch.tables.buurt!.codes).toEqual(viaMemory.tables.buurt!.codes);
    const { fileSource } = await import('../../src/data/file-source.ts');
    const shipped = await loadDataset(fileSource('public/data'), 'groningen2017', ['wijk']);
    expect(shipped.tables.wijk!.codes.length).toBeGreaterThan(0);
  });
});

describe('PMTiles sanity', () => {
  const name = readdirSync('public/data/groningen2017').find((f) => f.endsWith('.pmtiles'))!;
  const file = readFileSync(`public/data/groningen2017/${name}`);
  const prefix = () => file.buffer.slice(file.byteOffset, file.byteOffset + Math.min(PMTILES_PREFIX, file.length)) as ArrayBuffer;

  it('accepts the shipped archive', async () => {
    await expect(verifyPmtilesPrefix(name, prefix(), file.length)).resolves.toBeUndefined();
  });

  it('names an archive cut to 4 KB', async () => {
    await expect(verifyPmtilesPrefix(name, prefix().slice(0, 4096), 4096)).rejects.toMatchObject({ kind: 'tiles', message: expect.stringMatching(/afgekapt/) });
  });

  it('names a damaged root directory and a file that is no PMTiles', async () => {
    const damaged = new Uint8Array(prefix());
    const rootOffset = Number(new DataView(damaged.buffer).getBigUint64(8, true));
    damaged.fill(0x55, rootOffset, rootOffset + 24);
    await expect(verifyPmtilesPrefix(name, damaged.buffer, file.length)).rejects.toMatchObject({ kind: 'tiles', message: expect.stringMatching(/hoofdmap/) });
    const gz = new Uint8Array(prefix()); gz.set([0x1f, 0x8b, 0x08]);
    await expect(verifyPmtilesPrefix(name, gz.buffer, file.length)).rejects.toThrow(/geen PMTiles-bestand/);
  });
});
