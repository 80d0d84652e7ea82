/**
 * Comments point only at files in this repository (issue 14): a path such as
 * `docs/scoring.md` or `src/model/area-code.ts` named in the code must exist,
 * and neither the docs nor the code name a document the repository does not
 * hold: the reference "domain model" the project was built from, or a path
 * into the team's folder next to the repository (`../shared/docs/…`). The
 * docs and code state such facts themselves or point to the file that holds
 * them. CHANGELOG.md keeps its history as written and is not checked. Texts
 * the user reads (strings and markup in src/) name neither that document nor
 * an issue number: the user has neither.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** README.md and the other top-level texts (not CHANGELOG.md, which keeps its history), and every .md under docs/. */
const docs = [...readdirSync('.').filter((name) => name.endsWith('.md') && name !== 'CHANGELOG.md'), ...markdownFiles('docs')];
const REPO_PATH = /(?<![\w./-])((?:docs|src|scripts|workers|tests|public)\/[\w./-]+\.(?:md|ts|svelte|json|html|yml))/g;

/** Code, strings and markup without the comments (block, line and HTML comments); `://` in URLs is not a comment. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const USER_TEXT_CITATION = /.{0,30}(domeinmodel|domain[ -]model|\bissue\s*#?\d+).{0,30}/gi;

/** The reference document by name, in English or Dutch ("domain model", "domain-model §3", "Domeinmodel"). */
const REFERENCE_DOCUMENT = /(domain[ -]?model|domeinmodel)/gi;
/** A relative path into a `shared` folder (`../shared/docs/data-coverage.md`); it counts when it leaves the repository or names nothing. */
const SHARED_PATH = /(?:\.\.\/)+shared(?![\w-])(?:\/[\w.-]+)*/g;

/** What in `text` (the contents of `file`) names the reference document or a path into `../shared` outside the repository. */
function outsideReferences(file: string, text: string): string[] {
  const names = [...text.matchAll(REFERENCE_DOCUMENT)].map((m) => m[0]);
  const paths = [...text.matchAll(SHARED_PATH)].map((m) => m[0]).filter((path) => {
    const target = resolve(dirname(file), path);
    return relative(process.cwd(), target).startsWith('..') || !existsSync(target);
  });
  return [...names, ...paths].map((found) => `${file}: ${found}`);
}

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

  it('reads the docs', () => {
    expect(docs).toContain('README.md');
    expect(docs).toContain(join('docs', 'scoring.md'));
    expect(docs).not.toContain('CHANGELOG.md');
  });

  it('no doc, comment or string in src/, workers/ or scripts/ names the domain model or a path into ../shared', () => {
    const found = [...docs, ...files].flatMap((file) => outsideReferences(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the outside-reference check finds the document and a ../shared path, and leaves other paths alone', () => {
    const doc = 'Weights of domain-model §3; see `../shared/docs/data-coverage.md`. Import from `../sharedState.ts`, `docs/scoring.md`.';
    expect(outsideReferences(join('docs', 'x.md'), doc)).toEqual([
      `${join('docs', 'x.md')}: domain-model`,
      `${join('docs', 'x.md')}: ../shared/docs/data-coverage.md`,
    ]);
    const code = '/** Id as in the Domain model. */\n// weights: ../../shared/weights.md\nconst note = "Domeinmodel";';
    expect(outsideReferences(join('src', 'model', 'x.ts'), code)).toEqual([
      `${join('src', 'model', 'x.ts')}: Domain model`,
      `${join('src', 'model', 'x.ts')}: Domeinmodel`,
      `${join('src', 'model', 'x.ts')}: ../../shared/weights.md`,
    ]);
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
