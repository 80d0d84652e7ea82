/**
 * Comments point only at files in this repository (issue 14): a path such as
 * `docs/scoring.md` or `src/model/area-code.ts` named in the code must exist,
 * and no comment cites sections of a document the repository does not hold
 * (the reference "domain model" the project was built from). Texts the user
 * reads (strings and markup in src/) name neither that document nor an issue
 * number: the user has neither.
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

/** Code, strings and markup without the comments (block, line and HTML comments); `://` in URLs is not a comment. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const USER_TEXT_CITATION = /.{0,30}(domeinmodel|domain[ -]model|\bissue\s*#?\d+).{0,30}/gi;

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

  it('no user text in src/ cites the domain model or an issue number', () => {
    const cites = files.filter((file) => file.startsWith('src')).flatMap((file) =>
      [...withoutComments(readFileSync(file, 'utf8')).matchAll(USER_TEXT_CITATION)].map((m) => `${file}: ${m[0].trim()}`));
    expect(cites).toEqual([]);
  });

  it('the user-text check finds a citation in a string and ignores one in a comment', () => {
    const code = "// issue 3 asked for this\nconst note = 'Domeinmodel: 0,25';\nconst other = `zie issue 12`;";
    expect([...withoutComments(code).matchAll(USER_TEXT_CITATION)].map((m) => m[1].toLowerCase())).toEqual(['domeinmodel', 'issue 12']);
  });
});
