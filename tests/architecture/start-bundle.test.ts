/**
 * The start bundle: what the main thread must download and run before the
 * first coloured map. The test follows the static imports from src/main.ts
 * (type-only imports and dynamic import() are not followed: they cost no
 * start bytes) and fails when one of the modules that must stay lazy is
 * reached. Those load on use or right after the first coloured map; a static
 * import from anything in the start graph would pull them (and what they
 * import) into the entry chunk. docs/speed.md has the figures.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ENTRY = 'src/main.ts';
/** src/main.ts starts the data path, then imports the app at once: both are start code. */
const ROOTS = [ENTRY, 'src/app-main.ts'];

/** Modules (repository paths, or package names) that the start graph must not reach, with why. */
const MUST_STAY_LAZY: [RegExp, string][] = [
  [/^src\/model\/scoring-engine\.ts$/, 'scoring runs in the worker (workers/scoring-worker-side.ts)'],
  [/^src\/model\/kompas-model\.ts$/, 'the kompas model is read by the worker'],
  [/^proj4$/, 'coordinate conversion for point imports runs in the points worker'],
  [/^@deck\.gl\//, 'the point overlay loads with the point layer'],
  [/^read-excel-file$/, 'Excel import loads with the import dialog'],
  [/^src\/workspace\/workspace-store\.svelte\.ts$/, 'the workspace store loads after the first coloured map (src/state/lazy-workspaces.svelte.ts)'],
  [/^src\/workspace\/interventions\.ts$/, 'the interventions catalogue belongs to the Aanpak tab'],
  [/^src\/ui\/workspace\/(?!StorageNotice)/, 'the workspace UI (matrix, tijdslijn, rapport, voortgang) loads with its tab'],
  [/^src\/ui\/enrichment\/DataImportDialog\.svelte$/, 'the import dialog loads when it opens'],
  [/^src\/ui\/enrichment\/PointImportDialog\.svelte$/, 'the point import dialog loads when it opens'],
  [/^src\/ui\/enrichment\/SurveyDialog\.svelte$/, 'the survey dialog loads when it opens'],
  [/^src\/enrichment\/survey\/parse\.ts$/, 'the survey reader loads with the survey dialog'],
  [/^src\/export\/geojson\.ts$/, 'GeoJSON export loads with the score table'],
  [/^src\/ui\/ScoreTable\.svelte$/, 'the score table loads when it opens'],
];

const toPosix = (p: string) => p.split(sep).join('/');

/** The script part of a Svelte component; whole text for TypeScript. */
function scriptOf(file: string): string {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const code = file.endsWith('.svelte') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Specifiers of the imports that bring code at run time: not `import type`, not all-type braces, not import(). */
function staticValueImports(file: string): string[] {
  const out: string[] = [];
  for (const m of scriptOf(file).matchAll(/(?:^|[;\n])\s*(import|export)\s+([^'"`;]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g)) {
    if (m[4]) {
      out.push(m[4]);
      continue;
    }
    const clause = m[2].trim();
    if (clause.startsWith('type ')) continue;
    const braces = clause.match(/^\{([\s\S]*)\}$/);
    if (braces && braces[1].split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    out.push(m[3]);
  }
  return out;
}

function resolveLocal(from: string, specifier: string): string | null {
  const path = toPosix(relative(ROOT, resolve(ROOT, dirname(from), specifier.replace(/\?.*$/, ''))));
  return /\.(ts|svelte|js|mjs)$/.test(path) && existsSync(resolve(ROOT, path)) ? path : null;
}

function walkFiles(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
  );
}

const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);

/** Every module reachable from the entry through static value imports, with one path that reaches it. */
function startGraph(): Map<string, string[]> {
  const reached = new Map<string, string[]>(ROOTS.map((root) => [root, [root]]));
  const queue = [...ROOTS];
  while (queue.length) {
    const file = queue.shift()!;
    for (const specifier of staticValueImports(file)) {
      const local = specifier.startsWith('.');
      const target = local ? resolveLocal(file, specifier) : packageName(specifier);
      if (!target || reached.has(target)) continue;
      reached.set(target, [...reached.get(file)!, target]);
      if (local) queue.push(target);
    }
  }
  return reached;
}

describe('start bundle', () => {
  const graph = startGraph();

  it('reaches the map, the state and the kompas panel from src/main.ts (the walk itself works)', () => {
    expect(staticValueImports(ENTRY).some((s) => s.includes('app-main'))).toBe(false);
    for (const needed of ['src/state/early-start.ts', 'src/ui/App.svelte', 'src/state/app-state.svelte.ts', 'src/map/map-controller.ts', 'src/ui/AreaPanel.svelte', 'maplibre-gl', 'comlink']) expect(graph.has(needed), needed).toBe(true);
  });

  it('names only modules that exist (a moved file must not silently drop out of the rule)', () => {
    const files = ['src', 'workers'].flatMap((dir) => walkFiles(dir));
    const stale = MUST_STAY_LAZY.filter(([pattern]) => pattern.source.startsWith('^src') && !files.some((f) => pattern.test(f))).map(([pattern]) => String(pattern));
    expect(stale).toEqual([]);
  });

  it('does not statically import what must stay lazy', () => {
    const offending = [...graph.keys()].flatMap((module) =>
      MUST_STAY_LAZY.filter(([pattern]) => pattern.test(module)).map(([, why]) => `${module} (${why}) via ${graph.get(module)!.join(' → ')}`),
    );
    expect(offending).toEqual([]);
  });

  it('would catch a static import of a lazy module', () => {
    // The parser on this repository's own pattern: a lazy component imported statically is found, a type-only import is not.
    const probe = 'src/ui/AreaPanel.svelte';
    const imports = staticValueImports(probe);
    expect(imports).toContain('./KompasChart.svelte');
    expect(imports.some((s) => s.includes('lazy-workspaces'))).toBe(false);
  });
});
