/**
 * Family: a workspace file chosen with "Werkruimte openen". Mutations of a
 * real export: truncation, wrong types at any path, __proto__/constructor
 * keys, deep nesting, huge arrays, other versions, unknown fields, binary.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseWorkspaceFile, serializeWorkspace } from '../../../src/workspace/file-format.ts';
import { sampleWorkspace } from '../../workspace/fixtures.ts';
import { hostileCell, jsonPaths, setAt, truncated, type FuzzFamily, type Json } from '../harness.ts';

function baseFile(): string {
  const ws = sampleWorkspace();
  ws.imports = [{
    id: 'imp-a', fileName: 'amsterdam.csv', importedAt: '2026-11-26T10:00:00.000Z', datasetId: 'nl2024', level: 'buurt', keyKind: 'code', gemeenteCode: null, skippedRows: [],
    columns: [{ column: 'meldingen', target: { kind: 'series', series: 'mora_meldingen' }, year: 2024, unit: 'aantal', conversion: 'aantal uit het bestand', values: { BU0363AA01: 12, BU00140001: null } }],
  }];
  // File version 5: the applied survey travels in the workspace (n = 1 gives a margin of 98).
  ws.surveys = [{ datasetId: 'nl2024', survey: { fileName: 'peiling.csv', importedAt: '2026-12-04T09:00:00.000Z', measure: '% onveilig',
    figures: [{ level: 'buurt', code: 'BU0363AA01', name: 'Kop Zeedijk', percent: 50, margin: 98, n: 1, year: 2024 }] } }];
  return serializeWorkspace(ws, '2026-12-04T10:00:00.000Z');
}

const BASE = baseFile();
const BASE_PARSED = parseWorkspaceFile(BASE);

const BASE_PATHS = jsonPaths(JSON.parse(BASE) as Json);

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 1.5, 1e308, '', ' ', '2026-13-45', '2026-02-30T10:00:00Z', 'BU0363AA01', [], {}, [null], { a: 1 }),
  hostileCell.map((s) => s as Json),
);

/** `make` builds the text when the case runs, so a large run does not hold every generated file at once. */
export type WorkspaceCase = { kind: string; make: () => string; keepsMeaning: boolean };

const cases = (size: 'ci' | 'large'): fc.Arbitrary<WorkspaceCase> => fc.oneof(
  truncated(BASE).map((text) => ({ kind: 'afgebroken', make: () => text, keepsMeaning: false })),
  fc.tuple(fc.integer({ min: 0, max: BASE_PATHS.length - 1 }), wrongValue).map(([i, v]) => ({
    kind: `verkeerd type bij ${BASE_PATHS[i].join('.')}`, make: () => JSON.stringify(setAt(JSON.parse(BASE) as Json, BASE_PATHS[i], v)), keepsMeaning: false,
  })),
  fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.integer({ min: 0, max: BASE_PATHS.length - 1 })).map(([key, i]) => {
    // Written as text: an object literal with __proto__ would not keep the key.
    const payload = key === 'constructor' ? '{"prototype":{"polluted":"ja"}}' : '{"polluted":"ja"}';
    const target = BASE_PATHS[i].slice(0, -1);
    const make = () => {
      const doc = JSON.parse(BASE) as Json;
      const withMarker = JSON.stringify(target.length ? setAt(doc, [...target, '__MARKER__'], 0) : { ...(doc as object), __MARKER__: 0 });
      return withMarker.replace('"__MARKER__":0', `"${key}":${payload}`);
    };
    return { kind: `${key} in ${target.join('.') || 'top'}`, make, keepsMeaning: false };
  }),
  fc.integer({ min: 10, max: size === 'large' ? 200_000 : 20_000 }).map((depth) => ({
    kind: `nesting ${depth}`, make: () => BASE.replace('"priorities": [', `"priorities": ${'['.repeat(depth)}${']'.repeat(depth)}, "x": [`), keepsMeaning: false,
  })),
  fc.integer({ min: 1_000, max: size === 'large' ? 100_000 : 10_000 }).map((n) => {
    const make = () => {
      const doc = JSON.parse(BASE) as { matrix: Json[] };
      doc.matrix = Array.from({ length: n }, () => doc.matrix[0]);
      return JSON.stringify(doc);
    };
    return { kind: `matrix met ${n} rijen`, make, keepsMeaning: false };
  }),
  fc.constantFrom<Json>(-1, 0, 1, 2, 3, 5, 99, '4', 4.5, null, 1e308).map((version) => ({
    kind: `versie ${JSON.stringify(version)}`, make: () => JSON.stringify(setAt(JSON.parse(BASE) as Json, ['version'], version)), keepsMeaning: false,
  })),
  fc.tuple(fc.integer({ min: 0, max: BASE_PATHS.length - 1 }), fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !/^(__proto__|constructor|prototype)$/.test(k)), wrongValue).map(([i, key, v]) => {
    const target = BASE_PATHS[i].slice(0, -1);
    const doc = JSON.parse(BASE) as Record<string, Json>;
    const parent = target.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], doc);
    const safe = parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !(key in parent);
    const text = JSON.stringify(safe ? setAt(doc, [...target, `x-${key}`], v) : doc);
    return { kind: `onbekend veld ${JSON.stringify(key)}`, make: () => text, keepsMeaning: safe && target[target.length - 1] !== 'values' };
  }),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ kind: 'binair', make: () => new TextDecoder('utf-8').decode(bytes), keepsMeaning: false })),
  fc.constantFrom('', ' ', '\uFEFF', 'null', '[]', '"tekst"', '{}').map((text) => ({ kind: `klein ${JSON.stringify(text)}`, make: () => text, keepsMeaning: false })),
);

export const workspaceJsonFamily: FuzzFamily<WorkspaceCase> = {
  name: 'werkruimte (JSON)',
  cases,
  describe: (c) => c.kind,
  async run(c) {
    const r = parseWorkspaceFile(c.make());
    if (!r.ok) return { kind: 'refused', messages: r.errors };
    // Accepted: writing it again and reading back must give the same workspace...
    const again = parseWorkspaceFile(serializeWorkspace(r.workspace, '2026-12-04T10:00:00.000Z'));
    if (!again.ok || !isDeepStrictEqual(again.workspace, r.workspace)) return { kind: 'accepted', wrong: 'leest na opnieuw schrijven anders terug' };
    // ...and a file that only gained unknown fields means exactly the original.
    if (c.keepsMeaning && BASE_PARSED.ok && !isDeepStrictEqual(r.workspace, BASE_PARSED.workspace)) return { kind: 'accepted', wrong: 'onbekende velden veranderden de inhoud' };
    return { kind: 'accepted' };
  },
};
