/**
 * The change view of a level table: one count series compared between two
 * years for every area (the rule: src/model/count-change.ts). Pure; the main
 * thread runs it on the count columns it keeps (src/state/app-state.svelte.ts
 * MAIN_THREAD_SERIES), the score table and its CSV read the same result.
 */
import type { LevelTable } from './dataset-format.ts';
import { seriesIndexOf } from './factor-inputs.ts';
import { compareCounts, type CountChange } from './count-change.ts';
import { CRIME_COVERAGE_MIN } from './coverage-bands.ts';
import { countNoun } from './year-view.ts';

export interface TableCountChange {
  series: string;
  label: string;
  /** Plural noun for sentences, e.g. "geregistreerde misdrijven". */
  noun: string;
  from: number;
  to: number;
  a: Float32Array;
  b: Float32Array;
  /** Inwoners of each year when the table has both; null = equal exposure (population change not corrected). */
  exposureA: Float32Array | null;
  exposureB: Float32Array | null;
  /** 1 where the gemeente's buurt registration is incomplete (< 90 % of its total): no comparison. */
  incomplete: Uint8Array;
  /** Change class per area, −1 = no comparison. */
  classes: Int8Array;
  /** Indeling year(s) of the two years' figures. */
  indelingYears: number[];
  /** Areas per class (index = ChangeClassCode) and without a comparison. */
  counts: { byClass: number[]; none: number };
}

/** Null when the table lacks either year of the series. */
export function tableCountChange(table: LevelTable, series: string, from: number, to: number): TableCountChange | null {
  const idx = seriesIndexOf(table);
  const years = idx.get(series) ?? [];
  const ya = years.find((y) => y.year === from && y.complete);
  const yb = years.find((y) => y.year === to && y.complete);
  if (!ya || !yb) return null;
  const inw = idx.get('inwoners') ?? [];
  const ia = inw.find((y) => y.year === from);
  const ib = inw.find((y) => y.year === to);
  const exposureA = ia && ib ? table.values[ia.index] : null;
  const exposureB = ia && ib ? table.values[ib.index] : null;
  const n = table.codes.length;
  const incomplete = new Uint8Array(n);
  const dek = series.startsWith('misdrijven_') ? idx.get('misdrijven_dekking')?.[0] : undefined;
  if (dek) for (let i = 0; i < n; i++) if (table.values[dek.index][i] < CRIME_COVERAGE_MIN) incomplete[i] = 1;
  const a = table.values[ya.index], b = table.values[yb.index];
  const classes = new Int8Array(n);
  const byClass = [0, 0, 0, 0, 0];
  let none = 0;
  for (let i = 0; i < n; i++) {
    const c = incomplete[i] ? null : compareCounts(a[i], b[i], exposureA ? exposureA[i] : 1, exposureB ? exposureB[i] : 1, false);
    classes[i] = c ? c.cls : -1;
    if (c) byClass[c.cls]++; else none++;
  }
  return {
    series, label: ya.meta.label, noun: countNoun(series, ya.meta.label), from, to, a, b, exposureA, exposureB, incomplete, classes,
    indelingYears: [...new Set([ya.meta.indelingYear, yb.meta.indelingYear])].sort((x, y) => x - y),
    counts: { byClass, none },
  };
}

/** The full comparison (with its interval) of one area; null without one. */
export function areaCountChange(change: TableCountChange, i: number): CountChange | null {
  if (change.incomplete[i]) return null;
  return compareCounts(change.a[i], change.b[i], change.exposureA ? change.exposureA[i] : 1, change.exposureB ? change.exposureB[i] : 1);
}

/** Why an area has no comparison, in Dutch. */
export function noComparisonReason(change: TableCountChange, i: number): string {
  if (change.incomplete[i]) return 'registratie onvolledig: de buurtcijfers van deze gemeente missen een deel van haar misdrijven';
  return `geen cijfer voor ${Number.isFinite(change.a[i]) ? change.to : change.from}`;
}
