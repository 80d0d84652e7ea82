/**
 * The checker behind the workspace file (file-format.ts, file-fields.ts):
 * typed reads of one field each, and every problem as a Dutch message with
 * its JSON path (`matrix[3].status`), at most MAX_ERRORS of them. In repair
 * mode (records from this browser's storage) what an older version let an
 * edit write is repaired and noted in `repairs` instead of failing, so one
 * such field never keeps a whole workspace from loading.
 */
import { isCategoryId, isStakeholderId, type CategoryId, type StakeholderId } from './ids.ts';
import { isMonth } from './model.ts';
import { isCalendarDate, isIsoDateTime } from '../model/iso-date.ts';
import { TEXT_MAX, clipText } from './text-rules.ts';

const MAX_ERRORS = 40;

export class Checker {
  errors: string[] = [];
  /** Repair mode only: what was changed to make the record load, at which path (worded by parseStoredWorkspace). */
  repairs: { path: string; change: string }[] = [];

  constructor(readonly repair = false) {}

  fail(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(`${path}: ${message}`);
    else if (this.errors.length === MAX_ERRORS) this.errors.push('… en meer fouten in het bestand; de eerste zijn hierboven genoemd');
  }

  obj(value: unknown, path: string): Record<string, unknown> | null {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, `verwacht een object, gevonden ${describe(value)}`);
      return null;
    }
    return value as Record<string, unknown>;
  }

  arr(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'ontbreekt (verwacht een lijst)' : `verwacht een lijst, gevonden ${describe(value)}`);
      return [];
    }
    return value;
  }

  /** `clip`: text the team typed, which repair mode shortens to `max` (never an id or a code). */
  str(o: Record<string, unknown>, key: string, path: string, opts: { allowEmpty?: boolean; max?: number; clip?: boolean } = {}): string {
    const v = o[key];
    const at = join(path, key);
    if (v === undefined) {
      this.fail(at, 'ontbreekt');
      return '';
    }
    if (typeof v !== 'string') {
      this.fail(at, `verwacht tekst, gevonden ${describe(v)}`);
      return '';
    }
    if (!opts.allowEmpty && v.trim() === '') this.fail(at, 'is leeg');
    const max = opts.max ?? TEXT_MAX.text;
    if (v.length <= max) return v;
    if (this.repair && opts.clip) {
      const clipped = clipText(v, max);
      this.repairs.push({ path: at, change: `ingekort van ${count(v.length)} tot ${count(clipped.length)} tekens` });
      return clipped;
    }
    this.fail(at, `tekst is te lang (${count(v.length)} tekens, maximaal ${count(max)})`);
    return v;
  }

  /** Free text that may be absent in a hand-edited file; defaults to ''. */
  text(o: Record<string, unknown>, key: string, path: string, max: number = TEXT_MAX.text): string {
    if (o[key] === undefined) return '';
    return this.str(o, key, path, { allowEmpty: true, max, clip: true });
  }

  /** A name or label the team gives (intervention, timeline item, milestone, event): may be empty, see text-rules.ts. */
  label(o: Record<string, unknown>, key: string, path: string): string {
    return this.str(o, key, path, { allowEmpty: true, max: TEXT_MAX.label, clip: true });
  }

  oneOf<T extends string>(o: Record<string, unknown>, key: string, path: string, allowed: readonly T[], noun: string): T {
    const v = o[key];
    const at = join(path, key);
    if (v === undefined) {
      this.fail(at, 'ontbreekt');
    } else if (typeof v !== 'string') {
      this.fail(at, `verwacht tekst, gevonden ${describe(v)}`);
    } else if (!(allowed as readonly string[]).includes(v)) {
      this.fail(at, `onbekende ${noun} "${clip(v)}" (toegestaan: ${allowed.join(', ')})`);
    } else {
      return v as T;
    }
    return allowed[0];
  }

  month(o: Record<string, unknown>, key: string, path: string): string {
    const v = o[key];
    const at = join(path, key);
    if (v === undefined) this.fail(at, 'ontbreekt');
    else if (!isMonth(v)) this.fail(at, `verwacht een maand als "2026-03", gevonden ${describe(v)}`);
    else return v;
    return '2000-01';
  }

  isoDate(o: Record<string, unknown>, key: string, path: string, nullable: boolean): string | null {
    const v = o[key];
    const at = join(path, key);
    if (v === null && nullable) return null;
    if (v === undefined) {
      if (nullable) return null;
      this.fail(at, 'ontbreekt');
      return '';
    }
    if (!isIsoDateTime(v)) {
      this.fail(at, `verwacht een bestaande datum en tijd (ISO 8601, zoals "2026-03-01T09:00:00.000Z"), gevonden ${describe(v)}`);
      return '';
    }
    return v;
  }

  id(o: Record<string, unknown>, key: string, path: string, seen: Set<string>): string {
    const v = this.str(o, key, path, { max: 100 });
    if (v && seen.has(v)) this.fail(join(path, key), `dubbele id "${clip(v)}"`);
    seen.add(v);
    return v;
  }

  categories(value: unknown, path: string): CategoryId[] {
    const out: CategoryId[] = [];
    this.arr(value, path).forEach((c, i) => {
      if (isCategoryId(c)) out.push(c);
      else this.fail(`${path}[${i}]`, `onbekende categorie ${describe(c)} (verwacht bijvoorbeeld F1 of S4)`);
    });
    return out;
  }

  stakeholders(value: unknown, path: string): StakeholderId[] {
    const out: StakeholderId[] = [];
    this.arr(value, path).forEach((s, i) => {
      if (isStakeholderId(s)) out.push(s);
      else this.fail(`${path}[${i}]`, `onbekende partij ${describe(s)}`);
    });
    return out;
  }

  /** Each element of the list at `path` that is an object, rebuilt by `check` (null drops it). */
  objects<T>(value: unknown, path: string, check: (o: Record<string, unknown>, at: string) => T | null): T[] {
    return this.arr(value, path).flatMap((element, i) => {
      const at = `${path}[${i}]`;
      const o = this.obj(element, at);
      const checked = o ? check(o, at) : null;
      return checked === null ? [] : [checked];
    });
  }

  /** Area code and category of an entry the file may hold once per area and category (local knowledge, judgements). */
  areaCategory(o: Record<string, unknown>, path: string, seen: Set<string>, duplicate: string): { areaCode: string; categoryId: CategoryId } {
    const areaCode = this.str(o, 'areaCode', path, { max: 20 });
    const cat = o.categoryId;
    if (!isCategoryId(cat)) this.fail(`${path}.categoryId`, cat === undefined ? 'ontbreekt' : `onbekende categorie ${describe(cat)}`);
    const key = `${areaCode}|${String(cat)}`;
    if (seen.has(key)) this.fail(path, `${duplicate} voor ${areaCode} / ${String(cat)}`);
    seen.add(key);
    return { areaCode, categoryId: isCategoryId(cat) ? cat : 'F1' };
  }

  /** A date without time ("2026-03-01") that exists on the calendar; empty passes (not filled in). */
  calendarDate(date: string, at: string): void {
    if (date && !isCalendarDate(date)) this.fail(at, `verwacht een bestaande datum als "2026-03-01", gevonden "${clip(date)}"`);
  }
}

/** JSON path of a key; top-level keys have no prefix ("matrix[3].status"). */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** 25.000, as a Dutch reader writes it. */
const count = (n: number): string => n.toLocaleString('nl-NL');

export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'niets';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'een lijst';
  if (typeof v === 'string') return `"${clip(v)}"`;
  if (typeof v === 'number') return `het getal ${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return 'een object';
}
