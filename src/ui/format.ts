/** Dutch number and score formatting shared by the panels. */
import type { ScoreResult } from '../model/scoring-types.ts';
import { scoreStatusLabel, ScoreStatus, type ScoreStatusCode } from '../model/scoring-types.ts';
import { classWord } from '../model/percentile-bands.ts';

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
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
