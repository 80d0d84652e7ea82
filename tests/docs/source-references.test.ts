/**
 * Comments point only at files in this repository (issue 14): a path such as
 * `docs/scoring.md` or `src/model/area-code.ts` named in the code must exist,
 * and no comment cites sections of a document the repository does not hold
 * (the reference "domain model" the project was built from).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'workers', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

const files = ROOTS.flatMap(sourceFiles);
const REPO_PATH = /(?<![\w./-])((?:docs|src|scripts|workers|tests|public)\/[\w./-]+\.(?:md|ts|svelte|json|html|yml))/g;

describe('references in the code', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('every repository path named in src/, workers/ and scripts/ exists', () => {
    const missing = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(REPO_PATH)].map((m) => m[1]).filter((p) => !existsSync(p)).map((p) => `${file}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('no comment cites sections of the domain model, which is not in the repository', () => {
    const cites = files.filter((file) => /(domain[ -]model|domeinmodel)\s*\(?§/i.test(readFileSync(file, 'utf8')));
    expect(cites).toEqual([]);
  });
});
