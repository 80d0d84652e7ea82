/**
 * Load-time checks of the model definition. Returns Dutch/English problem
 * strings; empty = valid. The engine refuses an invalid model.
 */
import { HERKOMST_PATTERN, seriesById } from './series.ts';
import { CATEGORY_IDS, SPHERES, type IndicatorOption, type KompasModel } from './types.ts';

const TOL = 1e-6;

function seriesOf(o: IndicatorOption): string[] {
  switch (o.kind) {
    case 'series': case 'complement': case 'relativeToGemeente': return [o.series];
    case 'ratio': return [o.numerator, o.denominator];
    case 'rate': return [o.series, o.denominator];
    case 'mean': return [...o.series];
  }
}

/** Minimum share of a category's weight on nationally measurable factors (issue 3). */
export const MIN_NATIONAL_WEIGHT = 0.6;

/**
 * Most columns a category or dial may give scoring: its factors that are not substitutes, plus one
 * per substitution. Scoring keeps, per area, which of them have a value as bits of one 32-bit mask
 * (scoring-aggregate.ts).
 */
export const MAX_CONTAINER_COLUMNS = 32;

export function validateModel(model: KompasModel): string[] {
  const problems: string[] = [];
  const ids = model.categories.map((c) => c.id);
  if (ids.join(' ') !== CATEGORY_IDS.join(' ')) problems.push(`categories must be exactly ${CATEGORY_IDS.join(' ')} (got ${ids.join(' ')})`);
  if (model.spheres.map((s) => s.id).join(' ') !== SPHERES.join(' ')) problems.push('spheres must be fysiek sociaal individueel');
  const factorIds = new Set<string>();
  for (const c of model.categories) {
    if (!SPHERES.includes(c.sphere)) problems.push(`${c.id}: unknown sphere ${c.sphere}`);
    if (c.id[0] !== c.sphere[0].toUpperCase()) problems.push(`${c.id}: sphere ${c.sphere} does not match the id`);
    let sum = 0;
    let national = 0;
    for (const f of c.factors) {
      if (factorIds.has(f.id)) problems.push(`duplicate factor id ${f.id}`);
      factorIds.add(f.id);
      if (!new RegExp(`^${c.id}\\.\\d+$`).test(f.id)) problems.push(`${f.id}: id must be ${c.id}.<n>`);
      if (f.category !== c.id) problems.push(`${f.id}: category ${f.category} ≠ ${c.id}`);
      if (!(f.weight >= 0)) problems.push(`${f.id}: weight must be ≥ 0`);
      if (f.direction !== 1 && f.direction !== -1) problems.push(`${f.id}: direction must be 1 or −1`);
      if (!f.weightReason.trim()) problems.push(`${f.id}: weight needs a reason`);
      if (!f.fillHint.trim()) problems.push(`${f.id}: fill hint missing`);
      if (!f.options.length) problems.push(`${f.id}: no indicator options`);
      sum += f.weight;
      if (f.measurable === 'nationaal') national += f.weight;
      for (const o of f.options) {
        for (const s of seriesOf(o)) {
          if (!seriesById.has(s)) problems.push(`${f.id}: unknown series ${s}`);
          if (HERKOMST_PATTERN.test(s)) problems.push(`${f.id}: herkomst/migratieachtergrond series ${s} may not enter a score`);
        }
        if (o.proxy && !o.note) problems.push(`${f.id}: proxy option "${o.label}" needs a note`);
        if (o.kind === 'rate' && !(o.years >= 1 && o.per > 0)) problems.push(`${f.id}: rate needs years ≥ 1 and per > 0`);
      }
    }
    if (Math.abs(sum - 1) > TOL) problems.push(`${c.id}: weights sum to ${sum.toFixed(4)}, not 1`);
    const columns = c.factors.length - new Set(c.substitutions.map((s) => s.factor)).size + c.substitutions.length;
    if (columns > MAX_CONTAINER_COLUMNS) problems.push(`${c.id}: ${columns} columns (factors that are not substitutes, plus substitutions), at most ${MAX_CONTAINER_COLUMNS}`);
    if (national > 0 && national < MIN_NATIONAL_WEIGHT - TOL) problems.push(`${c.id}: nationally measurable factors carry ${national.toFixed(2)} < ${MIN_NATIONAL_WEIGHT}`);
    for (const s of c.substitutions) {
      const sf = c.factors.find((f) => f.id === s.factor);
      if (!sf) problems.push(`${c.id}: substitute ${s.factor} not in the category`);
      else if (sf.weight !== 0) problems.push(`${c.id}: substitute ${s.factor} must have default weight 0`);
      for (const r of s.replaces) if (!c.factors.some((f) => f.id === r)) problems.push(`${c.id}: substitute replaces unknown ${r}`);
    }
  }
  for (const d of model.dials) {
    let sum = 0;
    for (const comp of d.components) {
      if (!factorIds.has(comp.factor)) problems.push(`dial ${d.id}: unknown factor ${comp.factor}`);
      sum += comp.weight;
    }
    if (Math.abs(sum - 1) > TOL) problems.push(`dial ${d.id}: weights sum to ${sum.toFixed(4)}, not 1`);
    const columns = d.components.length + d.substitutions.length;
    if (columns > MAX_CONTAINER_COLUMNS) problems.push(`dial ${d.id}: ${columns} columns (components plus substitutions), at most ${MAX_CONTAINER_COLUMNS}`);
    for (const s of d.substitutions) {
      if (!factorIds.has(s.factor)) problems.push(`dial ${d.id}: unknown substitute ${s.factor}`);
      for (const r of s.replaces) if (!d.components.some((c) => c.factor === r)) problems.push(`dial ${d.id}: substitute replaces unknown ${r}`);
    }
  }
  const overall = model.overall;
  if (!overall || !overall.categories.length) problems.push('overall: needs a fixed, non-empty set of categories');
  else for (const id of overall.categories) if (!ids.includes(id)) problems.push(`overall: unknown category ${id}`);
  return problems;
}
