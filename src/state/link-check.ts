/**
 * A shared link against the dataset it opened: what in it the dataset does
 * not have. A link outlives the data it was made on (a category renamed in a
 * later model, a buurt gone in a new indeling); the map then shows the rest,
 * and says what it left out. Pure.
 */
import { hasAdjustableWeight, type KompasModel } from '../model/kompas/types.ts';
import type { ScoreTarget } from '../model/scoring-types.ts';
import { levelOrFallback, type DatasetEntry, type Level } from '../model/dataset-format.ts';
import { levelOfAreaCode } from '../model/area-code.ts';
import { quoted, type ViewState } from './url-state.ts';
import { isMapTarget } from './map-targets.ts';

/** Why a link's weight for `id` cannot be applied, or null when it can: what the weights panel offers. */
function weightProblem(model: KompasModel, id: string, datasetTitle: string): string | null {
  if (model.categories.some((c) => c.id === id)) return null;
  const category = model.categories.find((c) => c.factors.some((f) => f.id === id));
  if (!category) return `die categorie of factor bestaat niet in ${datasetTitle}`;
  return hasAdjustableWeight(category, category.factors.find((f) => f.id === id)!) ? null : 'die factor heeft geen eigen gewicht om aan te passen';
}

/** The link's dataset and level against the dataset the start opens (chooseEntry): the level the map shows, and what was left out. */
export function fitLinkToDataset(view: Pick<ViewState, 'dataset' | 'level'>, entry: DatasetEntry): { level: Level | null; ignored: string[] } {
  const ignored: string[] = [];
  if (view.dataset && view.dataset !== entry.id) ignored.push(`dataset ${quoted(view.dataset)} staat niet in deze installatie; de kaart toont ${entry.title}`);
  let level = view.level;
  if (level && !entry.levels.includes(level)) {
    const shown = levelOrFallback(level, entry.levels);
    ignored.push(`${entry.title} heeft geen niveau ${level} (wel: ${entry.levels.join(', ')}); de kaart toont het niveau ${shown}`);
    level = shown;
  }
  return { level, ignored };
}

/** Why the link's selected area is not selected: the dataset lacks its level, or the area. */
export function missingSelection(code: string, entry: DatasetEntry): string {
  const level = levelOfAreaCode(code);
  if (level && !entry.levels.includes(level)) return `gebied ${code} is een ${level} en ${entry.title} heeft geen niveau ${level}`;
  return `gebied ${code} staat niet in ${entry.title} (misschien uit een andere gebiedsindeling)`;
}

export interface LinkFit {
  /** The link's target when the model has it, else the overall score (the message names it); null when the link names none. */
  target: string | null;
  /** The link's weights the model has. */
  weights: Record<string, number>;
  /** What was left out, in Dutch (as `ViewLink.ignored`). */
  ignored: string[];
}

/** The link's target and weights that `model` knows, and what it does not. */
export function fitLinkToModel(view: Pick<ViewState, 'target' | 'weights'>, model: KompasModel, datasetTitle: string): LinkFit {
  const ignored: string[] = [];
  let target = view.target;
  if (target !== null && !isMapTarget(model, target)) {
    ignored.push(`kaartkleur ${quoted(target)} bestaat niet in ${datasetTitle}; de kaart toont de ${model.overall.label.toLowerCase()}`);
    target = model.overall.id;
  }
  const weights: Record<string, number> = {};
  for (const [id, weight] of Object.entries(view.weights)) {
    const problem = weightProblem(model, id, datasetTitle);
    if (problem) ignored.push(`gewicht voor ${quoted(id)}: ${problem}`);
    else weights[id] = weight;
  }
  return { target, weights, ignored };
}

/**
 * The link's year (`jr=`) and change view (`vgl=`) against the years the
 * dataset has: those of every target (the link may name a year and another
 * target than the one with years). `targets` are those of the first scores.
 */
export function fitLinkToYears(view: Pick<ViewState, 'year' | 'changeYears'>, targets: readonly ScoreTarget[]): { year: number | null; changeYears: [number, number] | null; ignored: string[] } {
  const ignored: string[] = [];
  let year = view.year;
  const years = [...new Set(targets.flatMap((t) => (t.years ?? []).map((y) => y.year)))].sort((a, b) => a - b);
  if (year !== null && !years.includes(year)) {
    ignored.push(`jaar ${year} staat niet in de gegevens${years.length ? ` (wel: ${years.join(', ')})` : ''}; de kaart toont de nieuwste cijfers`);
    year = null;
  }
  let changeYears = view.changeYears;
  if (changeYears) {
    const [from, to] = changeYears;
    if (!targets.some((t) => t.countSeries?.some((c) => c.years.includes(from) && c.years.includes(to)))) {
      ignored.push(`jarenvergelijking ${from}-${to}: geen reeks in de gegevens heeft beide jaren`);
      changeYears = null;
    }
  }
  return { year, changeYears, ignored };
}

/**
 * The one status message for a link's left-out parts, or null when all was
 * applied. `loaded`: the dataset loaded, so the rest of the link is on
 * screen; beside a failure it is not.
 */
export function linkMessage(ignored: readonly string[], loaded = true): { message: string; hint: string } | null {
  if (!ignored.length) return null;
  const ask = 'Vraag wie de link stuurde om hem opnieuw te kopiëren, of kies het ontbrekende zelf';
  return {
    message: `Niet alles uit de link is toegepast: ${ignored.join('; ')}.`,
    hint: loaded ? `De rest van de link is toegepast. ${ask}.` : `${ask} zodra de fout hierboven is verholpen.`,
  };
}
