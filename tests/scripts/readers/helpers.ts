import { readFileSync } from 'node:fs';
import type { IndicatorColumn } from '../../../scripts/pipeline/types.ts';
import type { ReaderResult } from '../../../scripts/readers/result.ts';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url), 'utf8');
}

export function column(result: ReaderResult, level: string, id: string): IndicatorColumn {
  const c = result.columns.find((x) => x.level === level && x.meta.id === id);
  if (!c) throw new Error(`kolom ${level}/${id} ontbreekt; wel: ${result.columns.map((x) => `${x.level}/${x.meta.id}`).join(', ')}`);
  return c;
}

/** Every value in every column: used to assert that no sentinel became a number. */
export function allValues(result: ReaderResult): (number | null)[] {
  return result.columns.flatMap((c) => [...c.values.values()].map((v) => v.value));
}
