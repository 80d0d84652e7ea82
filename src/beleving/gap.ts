/**
 * The perception gap (docs/beleving.md, "The perception gap"): objectieve veiligheid against
 * veiligheidsbeleving per area, split into four quadrants at P50. The two
 * dials stay separate numbers; they are only placed side by side, never
 * averaged (docs/scoring.md, "The two dials").
 *
 * Beleving axis: with a survey reaching at least MIN_SURVEY_AREAS areas, the
 * measured or estimated share ranked among the areas that have one; otherwise
 * the dial's relative index. One basis per view, always named on the axis and
 * never mixed (an index percentile and a survey rank are on different scales).
 * Pure.
 */
import { MIN_GROUP_SIZE, ScoreStatus, type ScoreResult } from '../model/scoring-types.ts';
import { BelevingTier } from '../model/beleving-types.ts';

export interface QuadrantDef {
  id: 'veilig-veilig' | 'veilig-onveilig' | 'onveilig-veilig' | 'onveilig-onveilig';
  label: string;
  /** Suggested focus (docs/beleving.md, "The perception gap"). */
  focus: string;
  /** Paul Tol "bright" colours: distinguishable with the common colour-vision deficiencies. */
  colour: string;
  /** Second cue besides colour: none, horizontal or vertical stripes. */
  pattern: 'geen' | 'horizontaal' | 'verticaal';
}

/** Index = quadrant code: bit 1 = objectief onveilig (≥ P50), bit 0 = voelt onveilig (≥ P50). */
export const QUADRANTS: readonly QuadrantDef[] = [
  { id: 'veilig-veilig', label: 'veilig en voelt veilig', focus: 'monitoren', colour: '#66ccee', pattern: 'geen' },
  { id: 'veilig-onveilig', label: 'veilig maar voelt onveilig', focus: 'Tafel van 12, communicatie, overlast en verloedering, cohesie', colour: '#ccbb44', pattern: 'horizontaal' },
  { id: 'onveilig-veilig', label: 'onveilig maar voelt veilig', focus: 'preventiebewustzijn, inbraak- en diefstalpreventie', colour: '#4477aa', pattern: 'verticaal' },
  { id: 'onveilig-onveilig', label: 'onveilig en voelt onveilig', focus: 'integrale aanpak', colour: '#aa3377', pattern: 'geen' },
];

/** Map-colour target id of the gap view (also in the URL as cat=kloof). */
export const GAP_TARGET = 'kloof';
/** Quadrant q is drawn as map class GAP_CLASS_OFFSET + q, beside the percentile classes 0–5. */
export const GAP_CLASS_OFFSET = 10;

/** The split: the median of the reference (P50). */
export const GAP_SPLIT = 50;

/**
 * Fewest areas with a survey figure before the figures are ranked among
 * themselves. Below it a rank says more about which areas were surveyed than
 * about the area (one gemeente alone is always the median). The same minimum
 * as a score's comparison group (MIN_GROUP_SIZE, docs/scoring.md step 9),
 * and the same way out: the wider basis, here the beleving index, with a note.
 */
export const MIN_SURVEY_AREAS = MIN_GROUP_SIZE;

/**
 * Quadrant code 0–3, or −1 when either dial has no value. "From P50 on" is
 * the upper half, as every band starts at its threshold (percentile-bands.ts):
 * an area exactly on the median counts as (voelt) onveilig, so it is looked
 * at rather than missed. The legend states this.
 */
export function quadrantOf(objectivePct: number, belevingPct: number, split = GAP_SPLIT): number {
  if (!Number.isFinite(objectivePct) || !Number.isFinite(belevingPct)) return -1;
  return (objectivePct >= split ? 2 : 0) + (belevingPct >= split ? 1 : 0);
}

/** Mid-rank percentile (0–100) of each finite value among the finite values; NaN elsewhere. */
export function percentileRanks(values: ArrayLike<number>): Float32Array {
  const n = values.length;
  const out = new Float32Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) idx.push(i);
  idx.sort((a, b) => values[a] - values[b]);
  const m = idx.length;
  let a = 0;
  while (a < m) {
    let b = a + 1;
    while (b < m && values[idx[b]] === values[idx[a]]) b++;
    const p = (100 * (a + 0.5 * (b - a))) / m;
    for (let k = a; k < b; k++) out[idx[k]] = p;
    a = b;
  }
  return out;
}

/** Basis labels of both dials from the model, for the axes. */
export function gapBasis(model: { dials: { id: string; basisLabel: string }[] }): { objectief: string; beleving: string } {
  const of = (id: string) => model.dials.find((d) => d.id === id)?.basisLabel ?? '';
  return { objectief: of('objectief'), beleving: of('beleving') };
}

export interface GapData {
  objective: Float32Array;
  beleving: Float32Array;
  /** Quadrant code per area, −1 = not both dials. */
  quadrant: Int8Array;
  counts: [number, number, number, number];
  /** Areas with both dials. */
  shown: number;
  objectiveAxis: string;
  belevingAxis: string;
  /** Short basis labels for the chart axes. */
  objectiveBasis: string;
  belevingBasis: string;
  /** Where the beleving values come from. */
  belevingSource: 'enquête' | 'index';
  /** Areas at this level with a survey figure (gemeten or geschat); 0 without a survey. */
  surveyAreas: number;
  /** Areas without a quadrant for lack of each value (an area may lack both). */
  missing: { objectief: number; beleving: number };
  /** Legend sentence on the beleving basis when a survey is set (ranked, or too few to rank); null without. */
  belevingNote: string | null;
  split: number;
}

/** What a grey area lacks, in the view's words: in a survey view the index is there, the survey figure is not. */
function missingWords(source: GapData['belevingSource'] | null) {
  return { objectief: 'geen objectieve score', beleving: source === 'enquête' ? 'geen enquêtecijfer' : 'geen belevingsscore' };
}

/** Why area i has no quadrant (tooltip), or null when it has one. */
export function missingText(data: Pick<GapData, 'objective' | 'beleving' | 'belevingSource'>, i: number): string | null {
  const words = missingWords(data.belevingSource);
  const parts: string[] = [];
  if (!Number.isFinite(data.objective[i])) parts.push(words.objectief);
  if (!Number.isFinite(data.beleving[i])) parts.push(words.beleving);
  return parts.length ? `${parts.join(' en ')}: geen kwadrant` : null;
}

/** The legend's grey class: what is missing, with counts. */
export function greyText(data: Pick<GapData, 'missing' | 'belevingSource'> | null): string {
  const words = missingWords(data?.belevingSource ?? null);
  const parts = data ? (['objectief', 'beleving'] as const).filter((k) => data.missing[k] > 0).map((k) => `${words[k]} (${data.missing[k]})`) : [];
  return `geen kwadrant: ${parts.length ? parts.join(', ') : `${words.objectief} of ${words.beleving}`}`;
}

export function gapData(result: ScoreResult, basis: { objectief: string; beleving: string }): GapData {
  const n = result.areaCount;
  const at = (id: string) => result.targets.findIndex((t) => t.id === id);
  const to = at('objectief');
  const tb = at('beleving');
  const objective = new Float32Array(n).fill(NaN);
  let beleving: Float32Array = new Float32Array(n).fill(NaN);
  const scored = (t: number, i: number) => t >= 0 && result.status[t * n + i] <= ScoreStatus.beperkteDekking;
  for (let i = 0; i < n; i++) if (scored(to, i)) objective[i] = result.percentile[to * n + i];
  const survey = result.beleving;
  let surveyAreas = 0;
  if (survey) for (let i = 0; i < n; i++) if (survey.tier[i] !== BelevingTier.none) surveyAreas++;
  const hasSurvey = surveyAreas >= MIN_SURVEY_AREAS;
  if (hasSurvey) {
    const pct = new Float32Array(n).fill(NaN);
    for (let i = 0; i < n; i++) if (survey!.tier[i] !== BelevingTier.none) pct[i] = survey!.percent[i];
    beleving = percentileRanks(pct);
  } else {
    for (let i = 0; i < n; i++) if (scored(tb, i)) beleving[i] = result.percentile[tb * n + i];
  }
  const quadrant = new Int8Array(n);
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const missing = { objectief: 0, beleving: 0 };
  let shown = 0;
  for (let i = 0; i < n; i++) {
    const q = quadrantOf(objective[i], beleving[i]);
    quadrant[i] = q;
    if (q >= 0) { counts[q]++; shown++; }
    if (!Number.isFinite(objective[i])) missing.objectief++;
    if (!Number.isFinite(beleving[i])) missing.beleving++;
  }
  const areas = (k: number) => `${k} ${k === 1 ? 'gebied' : 'gebieden'}`;
  const belevingNote = hasSurvey
    ? `Beleving gerangschikt binnen de ${areas(surveyAreas)} met een enquêtecijfer. Gebieden zonder enquêtecijfer krijgen geen kwadrant: de index is een andere maat en wordt er niet bij gemengd.`
    : surveyAreas > 0
      ? `Enquêtecijfer voor ${areas(surveyAreas)}: te weinig om onderling te rangschikken (minimaal ${MIN_SURVEY_AREAS}). ` +
        `Het kwadrant gebruikt daarom de relatieve belevingsindex (${basis.beleving}); het enquêtecijfer staat bij het gebied.`
      : null;
  return {
    objective, beleving, quadrant, counts, shown, split: GAP_SPLIT, surveyAreas, missing, belevingNote,
    belevingSource: hasSurvey ? 'enquête' : 'index',
    objectiveBasis: basis.objectief,
    belevingBasis: hasSurvey ? 'gemeten of geschat' : basis.beleving,
    objectiveAxis: `Objectieve veiligheid (${basis.objectief}), percentiel`,
    belevingAxis: hasSurvey
      ? `Veiligheidsbeleving: ${survey!.measure} (gemeten of geschat), percentiel onder gebieden met een enquêtecijfer`
      : `Veiligheidsbeleving (${basis.beleving}), percentiel`,
  };
}
