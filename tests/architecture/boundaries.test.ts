/**
 * The architecture as rules on imports. Every file under src/, workers/ and
 * scripts/ is read, its import specifiers resolved, and each rule below
 * lists the imports that break it. A known exception must be written in
 * KNOWN_EXCEPTIONS with its reason; there is no other way around a rule.
 *
 *   src/model            the pure core: imports nothing outside src/model
 *                        (packages such as fflate are fine, svelte and
 *                        maplibre-gl are not)
 *   src/model, src/data, workers/
 *                        no svelte, no maplibre-gl, nothing from src/ui
 *   src/ui               may import anything in src/
 *   src/enrichment       area tables, points and survey: imports only
 *                        src/model, itself and packages (no svelte, no
 *                        maplibre-gl); src/model never imports it
 *   a kind's insides     src/enrichment/<kind>/ is reached from outside
 *                        src/enrichment only through its public files
 *                        (ENRICHMENT_PUBLIC below) or the shared top;
 *                        src/ui/enrichment (the kinds' dialogs) may use all;
 *                        one kind uses another only through those files too
 *   src/workspace/merge.ts
 *                        pure: only the workspace model
 *   scripts/             build and data tools: from src/ they may use
 *                        src/model and src/data only, never src/ui (the
 *                        bench's browser pages in scripts/bench/pages drive
 *                        MapLibre directly, so packages are not limited)
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SCANNED = ['src', 'workers', 'scripts'];
const SOURCE_FILE = /\.(ts|svelte|js|mjs)$/;

interface ImportEdge {
  /** Importing file, relative to the repository root with forward slashes. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository-relative path for a relative specifier, else the package name. */
  target: string;
  /** True for a file in this repository (a relative specifier). */
  local: boolean;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (SOURCE_FILE.test(name)) out.push(path);
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join('/');

// Static imports and re-exports (also `import type`), side-effect imports, dynamic import().
const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const from = toPosix(relative(ROOT, file));
  const edges: ImportEdge[] = [];
  for (const re of SPECIFIERS) {
    for (const m of text.matchAll(re)) {
      const specifier = m[1];
      const local = specifier.startsWith('.');
      const target = local ? toPosix(relative(ROOT, resolve(dirname(file), specifier))) : packageName(specifier);
      edges.push({ from, specifier, target, local });
    }
  }
  return edges;
}

/** "svelte/store" → "svelte", "@turf/turf" → "@turf/turf", "node:fs" → "node:fs". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const EDGES = SCANNED.flatMap((d) => walk(join(ROOT, d))).flatMap(importsOf);

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const UI_PACKAGES = new Set(['svelte', 'maplibre-gl']);
const isUiTarget = (target: string) => UI_PACKAGES.has(target) || inside(target, 'src/ui');

/**
 * Imports that break a rule today, each with its reason. Empty is the goal;
 * an entry here is a debt that the test keeps visible.
 */
const KNOWN_EXCEPTIONS: { from: string; target: string; reason: string }[] = [];

/**
 * What the rest of the app may use of each enrichment kind: its contract
 * object, the types stored in the workspace, the check of what comes back
 * from the workspace file, what goes to the scoring worker, and the worker
 * entries and their main-thread clients. Parsers, matchers and counters
 * stay inside.
 */
const ENRICHMENT_PUBLIC = new Set([
  'src/enrichment/area-table/kind.ts',
  'src/enrichment/area-table/types.ts',
  'src/enrichment/area-table/persist.ts',
  'src/enrichment/area-table/to-worker.ts',
  'src/enrichment/area-table/read-file.ts',
  'src/enrichment/points/kind.ts',
  'src/enrichment/points/client.ts',
  'src/enrichment/points/service.ts',
  'src/enrichment/points/point-errors.ts',
  'src/enrichment/points/rates.ts',
  'src/enrichment/survey/kind.ts',
  'src/enrichment/survey/persist.ts',
  'src/enrichment/survey/legacy-key.ts',
]);
const isKindInside = (target: string) => /^src\/enrichment\/[^/]+\//.test(target);

function breaking(rule: (e: ImportEdge) => boolean): string[] {
  return EDGES.filter(rule)
    .filter((e) => !KNOWN_EXCEPTIONS.some((x) => x.from === e.from && x.target === e.target))
    .map((e) => `${e.from} → ${e.specifier}`);
}

describe('architecture: import boundaries', () => {
  it('reads the imports of the source tree', () => {
    // Guards the scanner itself: a regex that matches nothing would pass every rule.
    expect(EDGES.length).toBeGreaterThan(200);
    expect(EDGES).toContainEqual(expect.objectContaining({ from: 'src/ui/MapView.svelte', target: 'maplibre-gl' }));
    expect(EDGES).toContainEqual(expect.objectContaining({ from: 'workers/scoring-worker-side.ts', target: 'src/model/scoring-engine.ts' }));
  });

  it('src/model is the pure core: it imports nothing from elsewhere in the repository', () => {
    expect(breaking((e) => inside(e.from, 'src/model') && e.local && !inside(e.target, 'src/model'))).toEqual([]);
  });

  it('src/model, src/data and workers/ use neither svelte, maplibre-gl nor src/ui', () => {
    expect(breaking((e) => ['src/model', 'src/data', 'workers'].some((d) => inside(e.from, d)) && isUiTarget(e.target))).toEqual([]);
  });

  it('scripts/ use src/model and src/data only, never src/ui', () => {
    expect(breaking((e) => inside(e.from, 'scripts') && inside(e.target, 'src') && !inside(e.target, 'src/model') && !inside(e.target, 'src/data'))).toEqual([]);
  });

  it('src/enrichment imports only src/model, itself and packages other than svelte and maplibre-gl', () => {
    expect(breaking((e) => inside(e.from, 'src/enrichment') && (isUiTarget(e.target) || (e.local && !inside(e.target, 'src/model') && !inside(e.target, 'src/enrichment'))))).toEqual([]);
  });

  it('outside src/enrichment and its dialogs, a kind is used only through its public files', () => {
    const outside = (from: string) => !inside(from, 'src/enrichment') && !inside(from, 'src/ui/enrichment');
    expect(breaking((e) => outside(e.from) && isKindInside(e.target) && !ENRICHMENT_PUBLIC.has(e.target))).toEqual([]);
  });

  it('one enrichment kind uses another only through its public files', () => {
    const kindOf = (path: string) => /^src\/enrichment\/([^/]+)\//.exec(path)?.[1];
    expect(breaking((e) => !!kindOf(e.from) && !!kindOf(e.target) && kindOf(e.from) !== kindOf(e.target) && !ENRICHMENT_PUBLIC.has(e.target))).toEqual([]);
  });

  it('the public files of the enrichment kinds exist', () => {
    for (const file of ENRICHMENT_PUBLIC) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it('the tab merge (src/workspace/merge.ts) is pure: nothing but the workspace model, its text rules and edits, no svelte', () => {
    const pure = ['src/workspace/model.ts', 'src/workspace/text-rules.ts', 'src/workspace/workspace-edits.ts'];
    expect(breaking((e) => e.from === 'src/workspace/merge.ts' && (!e.local || !pure.includes(e.target)))).toEqual([]);
    // What it may read is pure itself: no svelte, no DOM-bound module.
    expect(breaking((e) => pure.includes(e.from) && (!e.local || /\.svelte/.test(e.target)))).toEqual([]);
  });

  it('every known exception still exists, so the list cannot go stale', () => {
    for (const x of KNOWN_EXCEPTIONS) expect(EDGES.some((e) => e.from === x.from && e.target === x.target), `${x.from} → ${x.target}`).toBe(true);
  });
});
