/**
 * A shared link against the dataset it opened: what in it the dataset does
 * not have. A link outlives the data it was made on (a category renamed in a
 * later model, a buurt gone in a new indeling); the map then shows the rest,
 * and says what it left out. Pure.
 */
import { GAP_TARGET } from '../beleving/gap.ts';
import type { KompasModel } from '../model/kompas/types.ts';
import { quoted, type ViewState } from './url-state.ts';

/** What can colour the map: the choices of the Kaartkleur list. */
export function isMapTarget(model: KompasModel, id: string): boolean {
  return id === model.overall.id || id === GAP_TARGET || [...model.spheres, ...model.categories, ...model.dials].some((x) => x.id === id);
}

/** What a weight in a link can name: a category or one of its factors. */
function isWeighted(model: KompasModel, id: string): boolean {
  return model.categories.some((c) => c.id === id || c.factors.some((f) => f.id === id));
}

export interface LinkFit {
  /** The link's target when the model has it, else null (the default colours the map). */
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
    target = null;
  }
  const weights: Record<string, number> = {};
  for (const [id, weight] of Object.entries(view.weights)) {
    if (isWeighted(model, id)) weights[id] = weight;
    else ignored.push(`gewicht voor ${quoted(id)}: die categorie of factor bestaat niet in ${datasetTitle}`);
  }
  return { target, weights, ignored };
}

/** The one status message for a link's left-out parts, or null when all was applied. */
export function linkMessage(ignored: readonly string[]): { message: string; hint: string } | null {
  if (!ignored.length) return null;
  return {
    message: `Niet alles uit de link is toegepast: ${ignored.join('; ')}.`,
    hint: 'De rest van de link staat op de kaart. Vraag wie de link stuurde om hem opnieuw te kopiëren, of kies het ontbrekende zelf.',
  };
}
