/**
 * Reading applied imports back from a workspace file (or IndexedDB): every
 * field is checked and rebuilt from known keys, so a hand-edited or hostile
 * file can neither smuggle in other data nor break the scoring worker.
 * Messages are Dutch and name the JSON path.
 *
 * This module is in the start bundle (the workspace file reader), so it does
 * not load the series list: whether a series is known to the model is checked
 * when imports are applied (AppState.applyImports drops unknown ones).
 */
import { LEVELS, type Level } from '../../model/dataset-format.ts';
import { CATEGORY_IDS, type CategoryId } from '../../model/kompas/types.ts';
import { isIsoDateTime } from '../../model/iso-date.ts';
import { isAreaCode, levelOfAreaCode as levelOfCode } from '../../model/area-code.ts';
import { FIRST_IMPORT_YEAR, IMPORT_LIMITS, type AreaImport, type AreaImportColumn, type ImportTarget } from './types.ts';

type Fail = (path: string, message: string) => void;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function text(o: Record<string, unknown>, key: string, path: string, fail: Fail, max = 300, allowEmpty = false): string {
  const v = o[key];
  if (typeof v !== 'string') { fail(`${path}.${key}`, v === undefined ? 'ontbreekt' : 'verwacht tekst'); return ''; }
  if (!allowEmpty && v.trim() === '') fail(`${path}.${key}`, 'is leeg');
  if (v.length > max) fail(`${path}.${key}`, `tekst is te lang (${v.length} tekens, maximaal ${max})`);
  return v;
}

function checkTarget(v: unknown, path: string, fail: Fail): ImportTarget | null {
  if (!isObj(v)) { fail(path, 'verwacht een object'); return null; }
  if (v.kind === 'series') {
    const series = typeof v.series === 'string' ? v.series : '';
    if (!/^[a-z][a-z0-9_]{0,59}$/.test(series) || series === 'inwoners') { fail(`${path}.series`, `ongeldige reeks "${series.slice(0, 40)}"`); return null; }
    return { kind: 'series', series };
  }
  if (v.kind === 'nieuw') {
    const label = text(v, 'label', path, fail, IMPORT_LIMITS.maxLabel);
    const category = v.category;
    if (typeof category !== 'string' || !(CATEGORY_IDS as readonly string[]).includes(category)) fail(`${path}.category`, 'onbekende categorie (verwacht bijvoorbeeld F1)');
    const direction = v.direction;
    if (direction !== 1 && direction !== -1) fail(`${path}.direction`, 'verwacht 1 of -1');
    return { kind: 'nieuw', label, category: (typeof category === 'string' ? category : 'F1') as CategoryId, direction: direction === -1 ? -1 : 1 };
  }
  fail(`${path}.kind`, 'verwacht "series" of "nieuw"');
  return null;
}

function checkColumn(v: unknown, path: string, level: Level, fail: Fail): AreaImportColumn | null {
  if (!isObj(v)) { fail(path, 'verwacht een object'); return null; }
  const target = checkTarget(v.target, `${path}.target`, fail);
  const year = v.year;
  // Up to 2100, not next year: saved work stays readable on a computer whose clock is behind.
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_IMPORT_YEAR || year > 2100) fail(`${path}.year`, 'verwacht een jaartal');
  const values: Record<string, number | null> = {};
  if (!isObj(v.values)) fail(`${path}.values`, 'verwacht een object met een waarde per gebiedscode');
  else {
    const entries = Object.entries(v.values);
    if (entries.length > IMPORT_LIMITS.maxAreas) fail(`${path}.values`, `te veel gebieden (${entries.length}; maximaal ${IMPORT_LIMITS.maxAreas})`);
    let bad = 0;
    for (const [code, x] of entries.slice(0, IMPORT_LIMITS.maxAreas)) {
      if (levelOfCode(code) !== level) { if (bad++ < 3) fail(`${path}.values.${code.slice(0, 20)}`, `geen ${level}code`); continue; }
      if (x !== null && (typeof x !== 'number' || !Number.isFinite(x))) { if (bad++ < 3) fail(`${path}.values.${code}`, 'verwacht een getal of null'); continue; }
      values[code] = x as number | null;
    }
  }
  if (!target) return null;
  return {
    column: text(v, 'column', path, fail, 300),
    target,
    year: typeof year === 'number' ? year : 0,
    unit: text(v, 'unit', path, fail, 100, true),
    conversion: text(v, 'conversion', path, fail, 300, true),
    values,
  };
}

/** Validated copies of the imports in `value` (an array); problems go to `fail`. */
export function checkAreaImports(value: unknown, fail: Fail, path = 'imports'): AreaImport[] {
  if (!Array.isArray(value)) { fail(path, 'verwacht een lijst'); return []; }
  const ids = new Set<string>();
  return value.flatMap((v, i): AreaImport[] => {
    const p = `${path}[${i}]`;
    if (!isObj(v)) { fail(p, 'verwacht een object'); return []; }
    const id = text(v, 'id', p, fail, 100);
    if (ids.has(id)) fail(`${p}.id`, `dubbele id "${id.slice(0, 40)}"`);
    ids.add(id);
    const importedAt = text(v, 'importedAt', p, fail, 40);
    if (importedAt && !isIsoDateTime(importedAt)) fail(`${p}.importedAt`, 'verwacht een bestaande datum en tijd (ISO 8601)');
    const level = v.level;
    if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) { fail(`${p}.level`, 'verwacht gemeente, wijk of buurt'); return []; }
    const keyKind = v.keyKind === 'naam' ? 'naam' : v.keyKind === 'code' ? 'code' : null;
    if (!keyKind) fail(`${p}.keyKind`, 'verwacht "code" of "naam"');
    const gemeenteCode = v.gemeenteCode === null || v.gemeenteCode === undefined ? null : text(v, 'gemeenteCode', p, fail, 10);
    if (gemeenteCode && !isAreaCode(gemeenteCode, 'gemeente')) fail(`${p}.gemeenteCode`, 'verwacht een gemeentecode als GM0014');
    const skippedRows = Array.isArray(v.skippedRows) ? v.skippedRows.filter((x): x is number => Number.isInteger(x)).slice(0, 100_000) : [];
    const cols = Array.isArray(v.columns) ? v.columns : [];
    if (!Array.isArray(v.columns) || cols.length === 0) fail(`${p}.columns`, 'verwacht een lijst met minstens één kolom');
    if (cols.length > IMPORT_LIMITS.maxColumns) fail(`${p}.columns`, `te veel kolommen (maximaal ${IMPORT_LIMITS.maxColumns})`);
    const columns = cols.slice(0, IMPORT_LIMITS.maxColumns).flatMap((c, k) => {
      const col = checkColumn(c, `${p}.columns[${k}]`, level as Level, fail);
      return col ? [col] : [];
    });
    return [{
      id, fileName: text(v, 'fileName', p, fail, 300), importedAt, datasetId: text(v, 'datasetId', p, fail, 100),
      level: level as Level, keyKind: keyKind ?? 'code', gemeenteCode, skippedRows, columns,
    }];
  });
}
