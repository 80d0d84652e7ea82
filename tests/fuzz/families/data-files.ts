/**
 * Family: the data files a host serves (issues #17/#18). A real small level
 * table (public/data/groningen2017, the wijk table) gets bit flips,
 * truncations, a wrong magic or a section moved off its 8-byte alignment;
 * datasets.json and config.json get truncations, wrong types, absolute
 * paths, empty entries, the SPA fallback's index.html, binary and unknown
 * keys. Everything goes through the app's own verifiers: decodeTableFile
 * (src/data/load-dataset.ts: the content hash in the name, then the
 * sections inflated and decoded) and, for the fallback inflater, the hash
 * check and decodeLevelTable on their own,
 * parseCatalog (src/data/verify.ts) and parseHostConfig
 * (src/hosting/host-config.ts).
 *
 * A table whose bytes changed must never be accepted. A changed table that
 * is renamed to its new hash (a host that rewrote it, or a pipeline bug)
 * must still be refused by the decoder's own layout checks when its layout
 * is broken. An accepted catalog must only hold relative paths and the
 * fields the app reads; an accepted config must hold exactly the valid keys.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { withHeader } from '../../model/helpers/dataset-files.ts';
import { DataFileError, LEVELS, decodeLevelTable, type DatasetCatalog, type LevelTable } from '../../../src/model/dataset-format.ts';
import { contentHashOf, parseCatalog, verifyContentHash } from '../../../src/data/verify.ts';
import { decodeTableFile } from '../../../src/data/load-dataset.ts';
import { HOST_CONFIG_KEYS, parseHostConfig } from '../../../src/hosting/host-config.ts';
import { jsonPaths, setAt, truncated, type FuzzFamily, type Json, type Verdict } from '../harness.ts';

const dataFile = (path: string) => new Uint8Array(readFileSync(new URL(`../../../public/data/${path}`, import.meta.url)));
const CATALOG_TEXT = new TextDecoder().decode(dataFile('datasets.json'));
// The table's name carries its content hash, so it is looked up in the shipped catalog.
const TABLE_PATH = tablePathOf(CATALOG_TEXT, 'groningen2017', 'wijk');
const TABLE = dataFile(TABLE_PATH);
const TABLE_DECODED = decodeLevelTable(TABLE, TABLE_PATH);

function tablePathOf(catalogText: string, datasetId: string, level: 'wijk'): string {
  const catalog = JSON.parse(catalogText) as DatasetCatalog;
  const path = catalog.datasets.find((d) => d.id === datasetId)?.files.tables[level];
  if (!path) throw new Error(`public/data/datasets.json mist de ${level}-tabel van ${datasetId}`);
  return path;
}
const CONFIG_TEXT = readFileSync(new URL('../../../public/config.json', import.meta.url), 'utf8');
const INDEX_HTML = '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>Wijkveiligheidskompas</title></head><body><div id="app"></div></body></html>\n';

type TableDamage =
  | { kind: 'ongewijzigd' }
  | { kind: 'bitflip'; bit: number; rehashed: boolean }
  | { kind: 'afgekapt'; at: number; rehashed: boolean }
  | { kind: 'magic'; bytes: number[] }
  | { kind: 'verschoven'; section: number; by: number }
  | { kind: 'andere hash in naam'; hash: string };

export type DataFileCase =
  | { file: 'wvk'; damage: TableDamage }
  | { file: 'datasets.json' | 'config.json'; kind: string; text: string; keepsMeaning: boolean };

// ── Level table ───────────────────────────────────────────────────────────


/** The table with one section's offset moved by 1–7 bytes (header rewritten, body unchanged). */
function misaligned(section: number, by: number): Uint8Array {
  return withHeader(TABLE, (header) => {
    header.sections[section % header.sections.length].byteOffset += by;
  });
}

function damagedTable(d: TableDamage): Uint8Array {
  const bytes = TABLE.slice();
  switch (d.kind) {
    case 'bitflip':
      bytes[(d.bit >> 3) % bytes.length] ^= 1 << (d.bit & 7);
      return bytes;
    case 'afgekapt':
      return bytes.slice(0, d.at % bytes.length);
    case 'magic':
      bytes.set(d.bytes, 0);
      return bytes;
    case 'verschoven':
      return misaligned(d.section, d.by);
    default:
      return bytes;
  }
}

const withHash = (path: string, hash: string) => path.replace(/\.[0-9a-f]{8}\.wvk$/, `.${hash}.wvk`);

/**
 * The app's path (decodeTableFile: sections inflated by DecompressionStream
 * where the platform has it) and the fflate fallback of decodeLevelTable
 * (Node scripts, older browsers) see every damaged table.
 */
const inflaters: [string, (path: string, bytes: Uint8Array<ArrayBuffer>) => Promise<LevelTable>][] = [
  ['DecompressionStream', (path, bytes) => decodeTableFile({ path, bytes })],
  ['fflate', async (path, bytes) => { await verifyContentHash(path, bytes); return decodeLevelTable(bytes, path); }],
];

async function runTable(d: TableDamage): Promise<Verdict> {
  const bytes = damagedTable(d) as Uint8Array<ArrayBuffer>;
  let path = TABLE_PATH;
  if (d.kind === 'andere hash in naam') path = withHash(TABLE_PATH, d.hash);
  // Renamed to the new content's hash: the decoder alone has to see the damage.
  if ((('rehashed' in d) && d.rehashed) || d.kind === 'magic' || d.kind === 'verschoven') path = withHash(TABLE_PATH, await contentHashOf(bytes));
  const verdicts = await Promise.all(inflaters.map(([name, decode]) => judgeTable(d, bytes, name, () => decode(path, bytes))));
  return verdicts.find((v) => v.kind === 'accepted' && v.wrong) ?? verdicts.find((v) => v.kind === 'refused') ?? verdicts[0];
}

async function judgeTable(d: TableDamage, bytes: Uint8Array, inflater: string, decode: () => Promise<LevelTable>): Promise<Verdict> {
  try {
    const table = await decode();
    const changed = bytes.length !== TABLE.length || bytes.some((b, i) => b !== TABLE[i]);
    // A bit flip renamed to its new hash is new content with an intact layout: decoding it without error is right.
    if (changed && !(d.kind === 'bitflip' && d.rehashed)) return { kind: 'accepted', wrong: `${d.kind}: beschadigde tabel geladen (${inflater})` };
    if (!changed && !isDeepStrictEqual(table, TABLE_DECODED)) return { kind: 'accepted', wrong: `tabel leest anders dan het origineel (${inflater})` };
    return { kind: 'accepted' };
  } catch (error) {
    if (error instanceof DataFileError) return { kind: 'refused', messages: [error.message] };
    throw error;
  }
}

const tableCases = fc.oneof(
  fc.constant<TableDamage>({ kind: 'ongewijzigd' }),
  fc.record({ bit: fc.nat({ max: TABLE.length * 8 - 1 }), rehashed: fc.boolean() }).map((r): TableDamage => ({ kind: 'bitflip', ...r })),
  fc.record({ at: fc.nat({ max: TABLE.length - 1 }), rehashed: fc.boolean() }).map((r): TableDamage => ({ kind: 'afgekapt', ...r })),
  fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 4 }).filter((b) => b.some((x, i) => x !== TABLE[i])).map((b): TableDamage => ({ kind: 'magic', bytes: b })),
  fc.record({ section: fc.nat({ max: 100 }), by: fc.integer({ min: 1, max: 7 }) }).map((r): TableDamage => ({ kind: 'verschoven', ...r })),
  fc.stringMatching(/^[0-9a-f]{8}$/).filter((h) => h !== '783d7eb9').map((hash): TableDamage => ({ kind: 'andere hash in naam', hash })),
);

// ── datasets.json and config.json ─────────────────────────────────────────

const CATALOG_PATHS = jsonPaths(JSON.parse(CATALOG_TEXT) as Json);
const CONFIG_KEYS = Object.keys(HOST_CONFIG_KEYS);
const wrongValue = fc.constantFrom<Json | undefined>(undefined, null, 0, -1, 1e308, '', 'x', true, [], {}, [null], 'https://elders.example/data.wvk', '//cdn.example/x.wvk', '/data/x.wvk', '../geheim.wvk', 'nl2024/../x.wvk', 'x.wvk?v=1');

function jsonCases(file: 'datasets.json' | 'config.json', text: string, keyPaths: (string | number)[][]) {
  const doc = () => JSON.parse(text) as Json;
  return fc.oneof(
    fc.constant({ kind: 'ongewijzigd', text, keepsMeaning: true }),
    truncated(text).map((t) => ({ kind: 'afgekapt', text: t, keepsMeaning: false })),
    fc.tuple(fc.nat({ max: keyPaths.length - 1 }), wrongValue).map(([i, v]) => ({
      kind: `${keyPaths[i].join('.')} = ${JSON.stringify(v) ?? 'weg'}`, text: JSON.stringify(setAt(doc(), keyPaths[i], v)), keepsMeaning: false,
    })),
    fc.constantFrom('__proto__', 'constructor', 'onbekend', 'toString').map((key) => ({
      kind: `onbekende sleutel ${key}`, text: text.replace(/^\{/, `{"${key}": {"polluted": true},`), keepsMeaning: file === 'datasets.json',
    })),
    fc.constantFrom('', ' ', '\uFEFF', 'null', '[]', '"tekst"', '{}', '{"format":"wvk-datasets","datasets":[{}]}', '{"format":"wvk-datasets","datasets":[null]}', INDEX_HTML).map((t) => ({ kind: `klein ${JSON.stringify(t.slice(0, 30))}`, text: t, keepsMeaning: false })),
    fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => ({ kind: 'binair', text: new TextDecoder().decode(b), keepsMeaning: false })),
  ).map((c) => ({ file, ...c }));
}

const relative = (p: unknown) => typeof p === 'string' && p !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(p) && !/^[\\/]/.test(p) && !/[\\?#]/.test(p) && !p.split('/').includes('..');

/** What the rest of the app reads from an accepted catalog, checked independently of parseCatalog. */
function catalogProblem(catalog: DatasetCatalog): string | null {
  for (const e of catalog.datasets) {
    if (typeof e?.id !== 'string' || !e.id || typeof e.title !== 'string') return 'dataset zonder id of titel geaccepteerd';
    if (!Array.isArray(e.levels) || e.levels.length === 0 || e.levels.some((l) => !LEVELS.includes(l))) return `${e.id}: ongeldige levels geaccepteerd`;
    const files = [e.files?.tiles, ...e.levels.map((l) => e.files?.tables?.[l]), ...Object.values(e.files?.geometry ?? {})];
    if (!files.every(relative)) return `${e.id}: niet-relatief bestandspad geaccepteerd`;
    if (!Array.isArray(e.bbox) || e.bbox.length !== 4 || !e.bbox.every(Number.isFinite)) return `${e.id}: ongeldige bbox geaccepteerd`;
  }
  return null;
}

function runCatalog(text: string, keepsMeaning: boolean): Verdict {
  let catalog: DatasetCatalog;
  try {
    catalog = parseCatalog(new TextEncoder().encode(text));
  } catch (error) {
    if (error instanceof DataFileError) return { kind: 'refused', messages: [error.message] };
    throw error;
  }
  const problem = catalogProblem(catalog);
  if (problem) return { kind: 'accepted', wrong: problem };
  if (keepsMeaning && !isDeepStrictEqual(catalog.datasets, (JSON.parse(CATALOG_TEXT) as DatasetCatalog).datasets)) return { kind: 'accepted', wrong: 'catalogus leest anders dan bedoeld' };
  return { kind: 'accepted' };
}

function runConfig(text: string): Verdict {
  const { config, problems } = parseHostConfig(text);
  // Each valid key the file holds must be in force, and nothing else.
  let parsed: unknown = null;
  try { parsed = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { /* refused below */ }
  const expected = parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? Object.fromEntries(Object.entries(parsed).filter(([k, v]) => CONFIG_KEYS.includes(k) && (HOST_CONFIG_KEYS as Record<string, { valid(v: unknown): boolean }>)[k].valid(v)))
    : {};
  if (!isDeepStrictEqual({ ...config }, expected)) return { kind: 'accepted', wrong: `instellingen ${JSON.stringify(config).slice(0, 120)} in plaats van ${JSON.stringify(expected).slice(0, 120)}` };
  if (problems.length) return { kind: 'refused', messages: problems.map((p) => p.message) };
  return { kind: 'accepted' };
}

export const dataFilesFamily: FuzzFamily<DataFileCase> = {
  name: 'databestanden (.wvk, datasets.json, config.json)',
  cases: () => fc.oneof(
    { arbitrary: tableCases.map((damage): DataFileCase => ({ file: 'wvk', damage })), weight: 3 },
    { arbitrary: jsonCases('datasets.json', CATALOG_TEXT, CATALOG_PATHS) as fc.Arbitrary<DataFileCase>, weight: 2 },
    { arbitrary: jsonCases('config.json', CONFIG_TEXT, CONFIG_KEYS.map((k) => [k])) as fc.Arbitrary<DataFileCase>, weight: 1 },
  ),
  describe: (c) => (c.file === 'wvk' ? `${TABLE_PATH}: ${JSON.stringify(c.damage)}` : `${c.file}: ${c.kind}`),
  async run(c) {
    if (c.file === 'wvk') return runTable(c.damage);
    return c.file === 'datasets.json' ? runCatalog(c.text, c.keepsMeaning) : runConfig(c.text);
  },
};
