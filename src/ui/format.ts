/** Dutch number and score formatting shared by the panels. */
import type { ScoreResult } from '../model/scoring-types.ts';
import { scoreStatusLabel, ScoreStatus, type ScoreStatusCode } from '../model/scoring-types.ts';
import { classWord } from '../model/percentile-bands.ts';

/**
 * One formatter per number of digits: `toLocaleString` with options builds a
 * new Intl.NumberFormat on every call (about 50 µs), and a factor table with
 * trend charts formats a few hundred numbers (docs/speed.md, click → kompas).
 */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return format.format(value);
}

export function formatPercentile(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return `P${Math.round(p)}`;
}

/** "P84 · aandacht", "witte vlek", … for one area and target. */
export function targetValueText(result: ScoreResult, targetId: string, index: number): string {
  const t = result.targets.findIndex((x) => x.id === targetId);
  if (t < 0) return '–';
  const k = t * result.areaCount + index;
  const status = result.status[k] as ScoreStatusCode;
  const p = result.percentile[k];
  if (status === ScoreStatus.witteVlek || status === ScoreStatus.teWeinigInwoners || status === ScoreStatus.geenGegevens || status === ScoreStatus.bezoekersgebied) return scoreStatusLabel[status];
  return `${formatPercentile(p)} · ${classWord(p)}${status === ScoreStatus.beperkteDekking ? ' · beperkte dekking' : ''}`;
}
