/**
 * The README's folder tree ("## Opbouw") is the map a newcomer reads first
 * (issue 14): every folder it names exists, and every folder under src/ and
 * at the top of the repository is named in it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function treeFolders(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('## Opbouw')[1];
  expect(section, 'README.md mist "## Opbouw"').toBeDefined();
  const block = section.split('```')[1];
  return block.split('\n').map((line) => /^(\S+\/)\s/.exec(line)?.[1]).filter((x): x is string => !!x).map((x) => x.replace(/\/$/, ''));
}

const dirs = (path: string) => readdirSync(path).filter((name) => !name.startsWith('.') && statSync(`${path}/${name}`).isDirectory());

describe('README folder tree', () => {
  const named = treeFolders();

  it('names only folders that exist', () => {
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((d) => !existsSync(d))).toEqual([]);
  });

  it('names every folder under src/ and every top-level folder kept in git', () => {
    // Installed or built, never committed.
    const generated = new Set(['node_modules', 'dist']);
    const top = dirs('.').filter((d) => !generated.has(d));
    expect(top.filter((d) => !named.some((n) => n === d || n.startsWith(`${d}/`)))).toEqual([]);
    expect(dirs('src').map((d) => `src/${d}`).filter((d) => !named.includes(d))).toEqual([]);
  });
});
