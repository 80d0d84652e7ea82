/**
 * The first view of every level of a dataset (src/model/first-view.ts),
 * scored by the app's own engine from the tables as given: the pipeline
 * passes them encoded and decoded, as the app reads them.
 */
import type { FirstViewColumns, Level, LevelTable } from '../../src/model/dataset-format.ts';
import { ScoringEngine } from '../../src/model/scoring-engine.ts';
import { firstViewColumns } from '../../src/model/first-view.ts';

export function firstViewsOf(tables: Partial<Record<Level, LevelTable>>): Partial<Record<Level, FirstViewColumns>> {
  const engine = new ScoringEngine(tables);
  return Object.fromEntries(engine.levels().map((level) => [level, firstViewColumns(engine.score({ level }))]));
}
