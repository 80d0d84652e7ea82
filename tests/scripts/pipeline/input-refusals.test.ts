/**
 * Issue #18, pipeline: a source CSV cut mid-line and a negative count were
 * published. Both now stop the run with file, line and column.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNl2024 } from '../../../scripts/pipeline/sources/nl2024.ts';
import { fixtureCopy, setCsvCell } from './helpers.ts';

const BUURT = 'woonikveilig-2024/buurt_2024_kerncijfers_misdrijven.csv';

describe('pipeline input refusals', () => {
  it('refuses a source file cut in the middle of a line, naming file, line and column', () => {
    const dir = fixtureCopy();
    const path = join(dir, BUURT);
    const text = readFileSync(path, 'utf8');
    // Cut one character into the last cell of the third data row: the cell count still matches; only the missing line end shows the cut.
    const lines = text.split('\n');
    const cut = lines.slice(0, 3).join('\n') + '\n' + lines[3].slice(0, lines[3].lastIndexOf(',') + 2);
    writeFileSync(path, cut);
    expect(() => loadNl2024({ dataDir: dir })).toThrow(/buurt_2024_kerncijfers_misdrijven\.csv, regel 4, kolom "[^"]+": het bestand houdt midden in deze regel op/);
  });

  it('refuses a negative count, naming file, line and column', () => {
    const dir = fixtureCopy();
    const header = readFileSync(join(dir, BUURT), 'utf8').split('\n')[0].split(',').map((c) => c.replace(/"/g, ''));
    const code = readFileSync(join(dir, BUURT), 'utf8').split('\n')[1].split(',')[0].replace(/"/g, '');
    const column = header.find((c) => /misdrijven|inwoners/i.test(c))!;
    setCsvCell(join(dir, BUURT), code, column, '-3');
    expect(() => loadNl2024({ dataDir: dir })).toThrow(new RegExp(`buurt_2024_kerncijfers_misdrijven\\.csv, regel 2, kolom "${column}": negatief getal "-3"`));
  });
});
