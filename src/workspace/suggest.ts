/**
 * Suggestions for one area (docs/workspace.md, "Suggestions"). Pure: the lead
 * maps the scoring output onto `SuggestionInput`, this ranks the catalogue.
 */
import { joinNl } from './text-rules.ts';
import { INTERVENTIONS, isNotEffective, type EvidenceLevel, type Intervention } from './interventions.ts';
import { isCategoryId, type CategoryId } from './ids.ts';
import { ScoreStatus } from '../model/scoring-types.ts';

export type CategoryStatus = 'score' | 'beperkt' | 'wittevlek' | 'geen';

/** The engine's status code (src/model/scoring-types.ts ScoreStatus) in the workspace's words. */
export function categoryStatusOf(status: number): CategoryStatus {
  return status === ScoreStatus.score ? 'score' : status === ScoreStatus.beperkteDekking ? 'beperkt' : status === ScoreStatus.witteVlek ? 'wittevlek' : 'geen';
}

export interface SuggestionInput {
  /**
   * `proxies`: labels of the stand-in indicators the category's score rests
   * on (e.g. "gestapelde bouw" for F2), so a card says so.
   */
  categories: { id: string; label: string; percentile: number | null; status: CategoryStatus; proxies?: string[] }[];
  flaggedFactors: { id: string; label: string; categoryId: string }[];
}

export interface Suggestion {
  intervention: Intervention;
  score: number;
  /** One line in Dutch: "waarom hier voorgesteld". */
  why: string;
  matchedCategories: CategoryId[];
  matchedFactors: string[];
  /** C/D: "kansrijk / lokaal te evalueren". */
  kansrijk: boolean;
}

/** Percentile from which a category needs attention (aandacht), and high (hoog). */
export const AANDACHT_FROM = 80;
export const HOOG_FROM = 90;

const EVIDENCE_WEIGHT: Record<EvidenceLevel, number> = { A: 3, B: 2.25, C: 1.5, D: 0.75, X: 0 };
/**
 * What every match after the strongest may add together: less than the
 * smallest difference in evidence (a range such as A/B sits half a step,
 * 0.375, above B), so an intervention of weaker evidence never passes one of
 * stronger evidence that fits the same strongest weak spot, however many
 * further spots it touches. Without the cap the diminishing series adds up to
 * almost 4 (a C-level jongerenwerk above A-level hotspot policing).
 */
export const BREADTH_BONUS_MAX = 0.35;

export function isKansrijk(i: Intervention): boolean {
  const first = i.evidence.levels[0];
  return first === 'C' || first === 'D';
}

/** Mean weight over a range like A/B, so ranges sit between their ends. */
export function evidenceWeight(i: Intervention): number {
  const lv = i.evidence.levels;
  return lv.reduce((s, l) => s + EVIDENCE_WEIGHT[l], 0) / lv.length;
}

interface WeakCategory {
  id: CategoryId;
  label: string;
  percentile: number;
  limited: boolean;
  proxies: string[];
}

export function weakCategories(input: SuggestionInput): WeakCategory[] {
  const out: WeakCategory[] = [];
  for (const c of input.categories) {
    if (!isCategoryId(c.id)) continue;
    if (c.status !== 'score' && c.status !== 'beperkt') continue;
    if (c.percentile === null || !Number.isFinite(c.percentile) || c.percentile < AANDACHT_FROM) continue;
    out.push({ id: c.id, label: c.label, percentile: c.percentile, limited: c.status === 'beperkt', proxies: c.proxies ?? [] });
  }
  return out.sort((a, b) => b.percentile - a.percentile);
}

/** "Woninginbraak" → "woninginbraak", but "GGD-monitor" stays. */
function lowerFirst(s: string): string {
  return /^[A-Z][a-zà-ÿ]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}


function whyLine(cats: WeakCategory[], factors: { label: string }[], witteVlekken: string[]): string {
  const parts: string[] = [];
  if (cats.length > 0) {
    const [top, ...rest] = cats;
    const share = top.percentile >= HOOG_FROM ? 10 : 20;
    let s = `${top.label} hoort bij de ${share} % hoogste in het referentiekader${top.limited ? ' (beperkte data)' : ''}`;
    if (rest.length > 0) s += `; ook ${joinNl(rest.map((c) => lowerFirst(c.label)))} vraagt aandacht`;
    parts.push(s);
  }
  // Provenance: a category that rests on a stand-in indicator says which.
  for (const c of cats.filter((x) => x.proxies.length > 0)) {
    parts.push(`${lowerFirst(c.label)} rust (deels) op een benadering: ${joinNl(c.proxies.map(lowerFirst))}`);
  }
  if (factors.length > 0) {
    const labels = factors.map((f) => lowerFirst(f.label));
    parts.push(`${joinNl(labels)} ${labels.length === 1 ? 'valt' : 'vallen'} op`);
  }
  if (witteVlekken.length > 0) {
    parts.push(`voor ${joinNl(witteVlekken.map(lowerFirst))} ontbreekt data (witte vlek): dit vult dat aan met waarneming`);
  }
  const line = parts.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * Ranks interventions for an area: fit (weak categories weighted by how far
 * above the 80th percentile they are, flagged factors 1.5 each, with
 * diminishing weight for every further match, those together at most
 * BREADTH_BONUS_MAX) plus evidence (A 3, B 2.25, C 1.5, D 0.75; a range
 * averaged). Level X is never suggested.
 */
export function suggestInterventions(
  input: SuggestionInput,
  options: { catalogue?: readonly Intervention[]; limit?: number } = {},
): Suggestion[] {
  const catalogue = options.catalogue ?? INTERVENTIONS;
  const weak = weakCategories(input);
  const flagged = input.flaggedFactors;
  const witteVlekken = input.categories.filter((c) => c.status === 'wittevlek' && isCategoryId(c.id));

  const out: Suggestion[] = [];
  for (const i of catalogue) {
    if (isNotEffective(i)) continue;
    const cats = weak.filter((c) => i.categories.includes(c.id));
    const factors = flagged.filter((f) => i.factors.includes(f.id));
    const fills = i.fillsWitteVlekken
      ? witteVlekken.filter((c) => i.categories.includes(c.id as CategoryId) || i.beleving)
      : [];
    if (cats.length === 0 && factors.length === 0 && fills.length === 0) continue;

    // Each matched weak spot contributes; the strongest counts fully, the
    // next half, then a quarter…, together capped so breadth never outweighs evidence.
    const parts = [
      ...cats.map((c) => (1 + (Math.min(c.percentile, 100) - AANDACHT_FROM) / 20) * (c.limited ? 0.75 : 1)),
      ...factors.map(() => 1.5),
      ...(fills.length > 0 ? [1] : []),
    ].sort((a, b) => b - a);
    const breadth = parts.slice(1).reduce((sum, p, k) => sum + p / 2 ** (k + 1), 0);
    const fit = parts[0] + Math.min(breadth, BREADTH_BONUS_MAX);
    const score = Math.round((fit + evidenceWeight(i)) * 1000) / 1000;

    out.push({
      intervention: i,
      score,
      why: whyLine(cats, factors, fills.map((c) => c.label)),
      matchedCategories: cats.map((c) => c.id),
      matchedFactors: factors.map((f) => f.id),
      kansrijk: isKansrijk(i),
    });
  }
  out.sort((a, b) => b.score - a.score || a.intervention.nr - b.intervention.nr);
  return options.limit ? out.slice(0, options.limit) : out;
}
