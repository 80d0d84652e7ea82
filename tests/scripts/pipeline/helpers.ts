import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_DATA = join(import.meta.dirname, '../../fixtures/pipeline/data');

/** A private, writable copy of the fixture data folder. */
export function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wvk-pipeline-'));
  cpSync(FIXTURE_DATA, join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

/** Replace one cell of a comma-separated file (by key in the first column). */
export function setCsvCell(path: string, key: string, column: string, value: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].split(',').map((c) => c.replace(/"/g, ''));
  const ci = header.indexOf(column);
  if (ci < 0) throw new Error(`no column ${column}`);
  let hit = false;
  const out = lines.map((l, i) => {
    if (i === 0 || l === '') return l;
    const cells = l.split(',');
    if (cells[0].replace(/"/g, '') !== key) return l;
    hit = true;
    cells[ci] = value;
    return cells.join(',');
  });
  if (!hit) throw new Error(`no row ${key}`);
  writeFileSync(path, out.join('\n'));
}

export function dropCsvRow(path: string, predicate: (line: string) => boolean): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out = lines.filter((l, i) => i === 0 || !predicate(l));
  if (out.length === lines.length) throw new Error('no row dropped');
  writeFileSync(path, out.join('\n'));
}

/** Every file under `dir` (relative path → base64 content), to compare output folders byte for byte. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(join(dir, r)).toString('base64');
    }
  };
  walk('');
  return out;
}
