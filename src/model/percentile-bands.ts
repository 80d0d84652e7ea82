/**
 * The percentile bands and their Dutch words, written once. Every panel,
 * table, summary and the map legend reads its thresholds and words here, so
 * one area never gets two different words on two screens.
 *
 * Percentiles run 0–100 within the reference frame (100 = most kwetsbaar);
 * see docs/scoring.md, step 8.
 */

import { ScoreStatus, type ScoreStatusCode } from './scoring-types.ts';

/** From this percentile on an area is among the 20 % most kwetsbare: "aandacht". */
export const ATTENTION_MIN = 80;
/** From this percentile on an area is among the 10 % most kwetsbare: "hoog". Also the factor flag. */
export const HIGH_MIN = 90;
/** Below this percentile an area reads "laag". */
export const AVERAGE_MIN = 40;

export type ClassLabel = 'laag' | 'gemiddeld' | 'aandacht' | 'hoog';

/**
 * Upper ends of the map's six colour classes (src/map/classes.ts draws them):
 * quintiles, with the top fifth split at the "hoog" band.
 */
export const MAP_CLASS_MAX: readonly number[] = [20, 40, 60, ATTENTION_MIN, HIGH_MIN, 100.0001];

/** Map colour class 0..5 of a percentile, -1 when there is none. */
export function mapClassOf(percentile: number): number {
  if (!Number.isFinite(percentile)) return -1;
  for (let i = 0; i < MAP_CLASS_MAX.length; i++) if (percentile < MAP_CLASS_MAX[i]) return i;
  return MAP_CLASS_MAX.length - 1;
}

/** The band of a percentile; null when there is no percentile. */
export function classOfPercentile(p: number | null | undefined): ClassLabel | null {
  if (p === null || p === undefined || !Number.isFinite(p)) return null;
  if (p >= HIGH_MIN) return 'hoog';
  if (p >= ATTENTION_MIN) return 'aandacht';
  if (p >= AVERAGE_MIN) return 'gemiddeld';
  return 'laag';
}

/** True for the bands "aandacht" and "hoog" (P80 and up). */
export function isAttention(p: number | null | undefined): boolean {
  return p !== null && p !== undefined && Number.isFinite(p) && p >= ATTENTION_MIN;
}

/** True for a percentile in the highest band (P90 and up). */
export function isHigh(p: number | null | undefined): boolean {
  return p !== null && p !== undefined && Number.isFinite(p) && p >= HIGH_MIN;
}

/** Short word after "P84 · …" in panels, tables and tooltips. */
export function classWord(p: number | null | undefined): string {
  return classOfPercentile(p) ?? 'geen score';
}

const LONG_TEXT: Record<ClassLabel, string> = { laag: 'laag', gemiddeld: 'gemiddeld', aandacht: 'aandacht', hoog: 'hoog (kwetsbaar)' };
// For gelegenheid (F3 and the like) a high percentile means much drukte, not kwetsbaarheid.
const LONG_TEXT_GELEGENHEID: Record<ClassLabel, string> = {
  laag: 'weinig drukte/gelegenheid',
  gemiddeld: 'gemiddelde drukte/gelegenheid',
  aandacht: 'aandacht: veel drukte/gelegenheid',
  hoog: 'hoog: zeer veel drukte/gelegenheid',
};

/** Longer wording of a band for a category explanation; categoryType "gelegenheid" speaks of drukte. */
export function classText(c: ClassLabel | null, categoryType?: string): string | null {
  if (!c) return null;
  return (categoryType === 'gelegenheid' ? LONG_TEXT_GELEGENHEID : LONG_TEXT)[c];
}

/**
 * A target's judgement in words, as the report's "Beoordeling" column gives
 * it beside the percentile: its class ("hoog (kwetsbaar)", or in drukte for
 * gelegenheid), with limited coverage said; its status when it has no score
 * ("onvoldoende data – witte vlek").
 */
export function assessmentText(t: { status: ScoreStatusCode; statusLabel: string; classText: string | null }): string {
  if (t.status > ScoreStatus.beperkteDekking || !t.classText) return t.statusLabel;
  return t.status === ScoreStatus.beperkteDekking ? `${t.classText} · beperkte dekking` : t.classText;
}
