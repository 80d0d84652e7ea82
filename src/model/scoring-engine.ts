/**
 * The scoring engine: level tables in, category/sphere/dial scores out.
 * Pure (no DOM, no Node APIs) so the worker and the Node CLI share it.
 *
 * A thin coordinator over the steps, each in its own file:
 * 0. the model as index lists (scoring-containers.ts);
 * 1. per level: factor inputs and area checks (scoring-level-state.ts);
 * 2. per frame (cold path): shrink, transform, orient, robust z (scoring-frame-state.ts);
 * 3. per request (hot path of a re-weight): categories, dials, spheres, overall (scoring-aggregate.ts);
 * 4. percentiles within the frame (scoring-percentiles.ts);
 * 5. the explanation of one area (scoring-explain.ts, scoring-explain-factors.ts).
 * Steps 1–2 are cached per level and frame; step 3–4 per target and weights.
 */
import type { Level, LevelTable } from './dataset-format.ts';
import { KOMPAS_MODEL } from './kompas/definition.ts';
import { COVERAGE_LIMITED, COVERAGE_SCORE, coverageStatus } from './coverage-bands.ts';
import { classOfPercentile } from './percentile-bands.ts';
import { validateModel } from './kompas/validate.ts';
import type { FactorDef, KompasModel } from './kompas/types.ts';
import { computeOption } from './factor-inputs.ts';
import {
  ScoreAreaFlag, type AreaExplanation, type FrameId, type ImportedValues, type ScoreRequest, type ScoreResult, type ScoreTarget,
} from './scoring-types.ts';
import { countSeriesOfInputs, factorsForYearView, tableAsOfYear, yearsOfInputs } from './year-view.ts';
import { belevingForLevel, INTERVAL_LEVEL, type BelevingLevelResult } from './beleving-estimate.ts';
import { BelevingTier, type DialSurvey, type SurveyData, type SurveyFigure, type SurveySummary } from './beleving-types.ts';
import { activeWeights, categoryContainers, categoryWeight, containerFactors, dialContainers, type Container } from './scoring-containers.ts';
import { buildLevelState, type LevelState } from './scoring-level-state.ts';
import { buildFrameState, type FrameState, type TargetCache } from './scoring-frame-state.ts';
import { aggregateContainer, compositeTarget } from './scoring-aggregate.ts';
import { explainArea, type Computed, type ExplainContext } from './scoring-explain.ts';
import { prepareFactorReferences } from './scoring-explain-factors.ts';
import { checkImportedColumns, tableWithImports } from './scoring-imports.ts';

export { MIN_INWONERS_SCORE, MIN_INWONERS_FULL, EXPOSURE_CRIME_FACTOR, EXPOSURE_NAME_MAX_INWONERS } from './scoring-level-state.ts';
export { MIN_GROUP_SIZE } from './scoring-frame-state.ts';
export { classOfPercentile, coverageStatus, COVERAGE_SCORE, COVERAGE_LIMITED };

/** The targets every score result lists, in its order: categories, spheres, dials, overall. */
export function scoreTargets(model: KompasModel = KOMPAS_MODEL): ScoreTarget[] {
  return [
    ...model.categories.map((c): ScoreTarget => ({ id: c.id, label: c.label, kind: 'category', sphere: c.sphere, categoryType: c.type })),
    ...model.spheres.map((s): ScoreTarget => ({ id: s.id, label: s.label, kind: 'sphere', sphere: s.id })),
    ...model.dials.map((d): ScoreTarget => ({ id: d.id, label: d.label, kind: 'dial' })),
    // Last, so category/sphere/dial positions stay as they were.
    { id: model.overall.id, label: model.overall.label, kind: 'overall' },
  ];
}

export class ScoringEngine {
  readonly model: KompasModel;
  private readonly tables = new Map<Level, LevelTable>();
  private readonly imported = new Map<Level, ImportedValues>();
  private readonly states = new Map<Level, LevelState>();
  private readonly yearStates = new Map<Level, { year: number; state: LevelState }>();
  readonly factors: FactorDef[];
  private readonly factorIdx = new Map<string, number>();
  private readonly categoryContainers: Container[];
  private readonly dialContainers: Container[];
  readonly targets: ScoreTarget[];
  private survey: SurveyData | null = null;
  private surveyFigures = new Map<string, SurveyFigure>();
  private readonly belevingCache = new Map<Level, BelevingLevelResult | null>();

  constructor(tables: Partial<Record<Level, LevelTable>> | LevelTable[], model: KompasModel = KOMPAS_MODEL) {
    const problems = validateModel(model);
    if (problems.length) throw new Error(`kompasmodel ongeldig:\n${problems.join('\n')}`);
    this.model = model;
    const list = Array.isArray(tables) ? tables : Object.values(tables).filter((t): t is LevelTable => !!t);
    for (const t of list) this.tables.set(t.level, t);
    this.factors = model.categories.flatMap((c) => c.factors);
    this.factors.forEach((f, i) => this.factorIdx.set(f.id, i));
    this.categoryContainers = categoryContainers(model, this.factors, this.factorIdx);
    this.dialContainers = dialContainers(model, this.factors, this.factorIdx);
    this.targets = scoreTargets(model);
  }

  levels(): Level[] {
    return [...this.tables.keys()];
  }

  table(level: Level): LevelTable {
    const t = this.tables.get(level);
    if (!t) throw new Error(`niveau ${level} is niet geladen`);
    return t;
  }

  /**
   * Extension point for gemeente imports: extra indicator columns per level,
   * keyed by area code. Series must be known to the model; they then feed
   * factors exactly like shipped series (an imported series replaces a
   * shipped one of the same id and year). Invalidates that level's caches.
   */
  setImportedValues(imports: ImportedValues): { level: Level; accepted: string[]; unknownCodes: number } {
    const unknownCodes = checkImportedColumns(this.model, this.table(imports.level), imports);
    this.imported.set(imports.level, imports);
    this.states.delete(imports.level);
    this.yearStates.delete(imports.level);
    this.belevingCache.delete(imports.level);
    return { level: imports.level, accepted: imports.columns.map((c) => `${c.series}.${c.year}`), unknownCodes };
  }

  /**
   * Veiligheidsmonitor or local survey figures (docs/beleving.md, "Tier A (gemeten) and tier B (geschat)"): areas
   * with a figure show it as gemeten; areas inside a gemeente or wijk with a
   * figure get the anchored estimate (geschat). null removes the survey. The
   * relative index and its percentiles stay as they are: the survey is an
   * extra, labelled layer on the beleving dial, never mixed into a score.
   */
  setSurvey(survey: SurveyData | null): SurveySummary {
    this.survey = survey && survey.figures.length ? survey : null;
    this.surveyFigures = new Map((this.survey?.figures ?? []).map((f) => [f.code, f]));
    this.belevingCache.clear();
    const summary: SurveySummary = { matched: {}, covered: {} };
    if (!this.survey) return summary;
    for (const level of this.levels()) {
      const codes = new Set(this.table(level).codes);
      summary.matched[level] = this.survey.figures.filter((f) => codes.has(f.code)).length;
      const b = this.belevingOf(level);
      if (!b) continue;
      let gemeten = 0, geschat = 0;
      for (const t of b.tier) { if (t === BelevingTier.gemeten) gemeten++; else if (t === BelevingTier.geschat) geschat++; }
      summary.covered[level] = { gemeten, geschat };
    }
    return summary;
  }

  /** Survey-based beleving for a level; the proxy x is the beleving dial in the dataset-wide frame, so gemeenten are comparable. */
  private belevingOf(level: Level): BelevingLevelResult | null {
    if (!this.survey) return null;
    if (this.belevingCache.has(level)) return this.belevingCache.get(level)!;
    // Visitor areas ranked too: the anchored estimate needs their proxy index (dialSurvey adds a caveat).
    const { ls, all } = this.compute({ level, frame: 'dataset', rankVisitorAreas: true });
    const k = this.model.categories.length + this.model.spheres.length + this.model.dials.findIndex((d) => d.id === 'beleving');
    const t = ls.table;
    const result = belevingForLevel({
      level, codes: t.codes, gemeenteCodes: t.gemeenteCodes, wijkCodes: t.wijkCodes,
      inwoners: ls.inwoners, x: all[k].z, figures: this.surveyFigures,
    });
    const any = result.tier.some((x) => x !== BelevingTier.none);
    this.belevingCache.set(level, any ? result : null);
    return any ? result : null;
  }

  private dialSurvey(level: Level, i: number): DialSurvey | undefined {
    const b = this.belevingOf(level);
    if (!b || !this.survey || b.tier[i] === BelevingTier.none) return undefined;
    const fig = this.surveyFigures.get(b.anchor[i])!;
    const num = (x: number) => (Number.isFinite(x) ? x : null);
    const gemeten = b.tier[i] === BelevingTier.gemeten;
    return {
      tier: gemeten ? 'gemeten' : 'geschat',
      measure: this.survey.measure,
      percent: b.percent[i], lower: num(b.lower[i]), upper: num(b.upper[i]), intervalLevel: INTERVAL_LEVEL,
      source: `enquête-import: ${this.survey.fileName}, ${this.survey.importedAt.slice(0, 10)}`,
      year: fig.year,
      anchor: gemeten ? null : { code: fig.code, name: fig.name, percent: fig.percent, margin: fig.margin },
      method: gemeten ? null : b.beta.method,
      // Proxies per inwoner overstate a visitor area; the estimate inherits that.
      caveat: !gemeten && this.levelState(level).areaFlags[i] & ScoreAreaFlag.exposure
        ? 'bezoekersgebied: de proxies per inwoner overschatten hier waarschijnlijk wat bewoners ervaren' : null,
    };
  }

  // ------------------------------------------------------------ steps 1–2, cached
  /**
   * The level's state for the default view (every series at its latest
   * years) or for one year (src/model/year-view.ts): one year state per
   * level is kept besides the default, so paging through years costs one
   * rebuild per step and no memory per year.
   */
  private levelState(level: Level, year?: number | null): LevelState {
    const table = () => tableWithImports(this.table(level), this.imported.get(level));
    if (year === undefined || year === null) {
      const cached = this.states.get(level);
      if (cached) return cached;
      const state = buildLevelState(table(), this.factors, this.factorIdx);
      this.states.set(level, state);
      return state;
    }
    const hit = this.yearStates.get(level);
    if (hit && hit.year === year) return hit.state;
    const state = buildLevelState(tableAsOfYear(table(), year), factorsForYearView(this.factors), this.factorIdx);
    this.yearStates.set(level, { year, state });
    return state;
  }

  private frameState(level: Level, frame: FrameId, year?: number | null): FrameState {
    const ls = this.levelState(level, year);
    let fs = ls.frames.get(frame);
    if (!fs) {
      fs = buildFrameState(ls, level, frame, this.factors);
      ls.frames.set(frame, fs);
    }
    return fs;
  }

  // ------------------------------------------------------------ steps 3–4, cached per target and weights
  /** All target results for a request, using and filling the per-target cache. */
  private compute(req: ScoreRequest): Computed {
    const frame = req.frame ?? 'dataset';
    const ls = this.levelState(req.level, req.year);
    const fs = this.frameState(req.level, frame, req.year);
    // A target under other weights is handed to its recomputation: its order of areas is the start of the new sort.
    // An id is always the same kind of target, so a hit is what `make` returns.
    const cached = <T extends TargetCache>(key: string, id: string, make: (previous?: TargetCache) => T): T => {
      const hit = fs.targets.get(id);
      if (hit && hit.key === key) return hit as T;
      const t = make(hit);
      t.key = key;
      fs.targets.set(id, t);
      return t;
    };
    const rank = !!req.rankVisitorAreas;
    const rankKey = rank ? '|rang' : '';
    const cats = this.categoryContainers.map((c) => {
      const act = activeWeights(c, this.factors, req.weights);
      return cached(act.join(',') + rankKey, c.id, (prev) => aggregateContainer(ls, fs, c, act, rank, prev));
    });
    const composite = (id: string, memberIds: readonly string[]) => {
      const members = this.model.categories.map((c, k) => ({ c: cats[k], w: categoryWeight(c.id, req.weights), id: c.id }))
        .filter((x) => memberIds.includes(x.id));
      const key = members.map((m) => `${m.c.key}|${m.w}`).join(';');
      return cached(key, id, (prev) => compositeTarget(ls, fs, id, members, rank, prev));
    };
    const spheres = this.model.spheres.map((s) =>
      composite(`sphere:${s.id}`, this.model.categories.filter((c) => c.sphere === s.id).map((c) => c.id)));
    const dials = this.dialContainers.map((d) => {
      const act = activeWeights(d, this.factors, undefined);
      return cached(act.join(',') + rankKey, `dial:${d.id}`, (prev) => aggregateContainer(ls, fs, d, act, rank, prev));
    });
    const overall = composite('overall', this.model.overall.categories);
    return { ls, fs, frame, all: [...cats, ...spheres, ...dials, overall] };
  }

  /** Scores for all areas of a level. The returned arrays are fresh (safe to transfer). */
  score(req: ScoreRequest): ScoreResult {
    const { ls, fs, frame, all } = this.compute(req);
    const n = ls.table.codes.length;
    const T = all.length;
    const z = new Float32Array(T * n), percentile = new Float32Array(T * n), coverage = new Float32Array(T * n), status = new Uint8Array(T * n);
    all.forEach((t, k) => {
      z.set(t.z, k * n); percentile.set(t.percentile, k * n); coverage.set(t.coverage, k * n); status.set(t.status, k * n);
    });
    const b = this.belevingOf(req.level);
    return {
      level: req.level, frame, areaCount: n, targets: this.targetsWithYears(req.level),
      z, percentile, status, coverage, areaFlags: ls.areaFlags.slice(), notes: [...fs.notes],
      ...(ls.crimeCounted.some(Number.isFinite) ? { crimeCounted: Float32Array.from(ls.crimeCounted) } : {}),
      ...(b && this.survey ? { beleving: { percent: b.percent.slice(), lower: b.lower.slice(), upper: b.upper.slice(), tier: b.tier.slice(), measure: this.survey.measure } } : {}),
    };
  }

  /**
   * The targets with the years their time series have at this level (always
   * from the default view, so the year control keeps every year while a
   * year is shown) and their count series that a change view can compare.
   */
  private targetsWithYears(level: Level): ScoreTarget[] {
    const ls = this.levelState(level);
    // Once per level state (a re-weight must not redo it); a fresh list per call, as callers may keep it.
    ls.targetsWithYears ??= this.makeTargetsWithYears(ls);
    return ls.targetsWithYears.map((t) => ({ ...t }));
  }

  private makeTargetsWithYears(ls: LevelState): ScoreTarget[] {
    const byCategory = new Map(this.categoryContainers.map((c) => [c.id, containerFactors(c)]));
    const byDial = new Map(this.dialContainers.map((d) => [d.id, containerFactors(d)]));
    const ofCategories = (ids: readonly string[]) => ids.flatMap((id) => byCategory.get(id) ?? []);
    return this.targets.map((t) => {
      const factors = t.kind === 'category' ? byCategory.get(t.id) ?? []
        : t.kind === 'dial' ? byDial.get(t.id) ?? []
          : t.kind === 'sphere' ? ofCategories(this.model.categories.filter((c) => c.sphere === t.id).map((c) => c.id))
            : ofCategories(this.model.overall.categories);
      const inputs = factors.map((k) => ls.inputs[k]);
      const years = yearsOfInputs(inputs);
      const countSeries = countSeriesOfInputs(inputs);
      return { ...t, ...(years.length ? { years } : {}), ...(countSeries.length ? { countSeries } : {}) };
    });
  }

  // ------------------------------------------------------------ step 5
  private explainContext(level: Level): ExplainContext {
    return {
      model: this.model, factorIdx: this.factorIdx,
      categoryContainers: this.categoryContainers, dialContainers: this.dialContainers,
      imported: this.imported.get(level), dialSurvey: (i) => this.dialSurvey(level, i),
    };
  }

  /**
   * Build what every explanation of this level and frame reads (sorted
   * reference values per factor, missing reasons of factors without data) and
   * run one explanation, so the first click on the map does not pay for it.
   * The scoring worker calls this once after the first scores of a level.
   */
  prepareExplanations(req: ScoreRequest): void {
    const { ls, fs } = this.compute(req);
    prepareFactorReferences(ls, fs);
    if (ls.table.codes.length) this.explain(req, 0);
  }

  explain(req: ScoreRequest, areaIndex: number): AreaExplanation {
    // The survey estimate first: it computes the level with visitor areas ranked, and a
    // recomputed target reuses the columns of the one it replaces (scoring-aggregate.ts).
    this.belevingOf(req.level);
    const computed = this.compute(req);
    const n = computed.ls.table.codes.length;
    if (!(areaIndex >= 0 && areaIndex < n)) throw new Error(`gebied ${areaIndex} bestaat niet (0–${n - 1})`);
    return explainArea(this.explainContext(req.level), req, computed, areaIndex);
  }

  // ------------------------------------------------------------ columns for the CLI and diagnostics
  /** Empirical-Bayes reliability C per area of a shrunk-rate factor (null if the factor is not a shrunk rate here). */
  factorReliability(req: ScoreRequest, factorId: string): Float32Array | null {
    const k = this.factorIndex(factorId);
    const rel = this.frameState(req.level, req.frame ?? 'dataset', req.year).reliability[k];
    return rel ? rel.slice() : null;
  }

  /** A factor's value per area as used (shrunk rates shrunk) and unshrunk; null when the factor has no data at this level. */
  factorValues(req: ScoreRequest, factorId: string): { used: Float64Array; raw: Float64Array; unit: string } | null {
    const k = this.factorIndex(factorId);
    const ls = this.levelState(req.level, req.year);
    const fs = this.frameState(req.level, req.frame ?? 'dataset', req.year);
    const input = ls.inputs[k];
    if (!input || !fs.used[k]) return null;
    return { used: fs.used[k]!.slice(), raw: input.value.slice(), unit: input.option.unit };
  }

  private factorIndex(factorId: string): number {
    const k = this.factorIdx.get(factorId);
    if (k === undefined) throw new Error(`onbekende factor ${factorId}`);
    return k;
  }

  /** Which option (indicator) each factor uses at a level; null = witte vlek. */
  factorSources(level: Level): { factor: string; option: number | null; indicator: string | null; availability: number }[] {
    const ls = this.levelState(level);
    return this.factors.map((f, k) => {
      const inp = ls.inputs[k];
      return { factor: f.id, option: inp ? inp.optionIndex : null, indicator: inp ? inp.indicator.id : null, availability: inp ? inp.availability : 0 };
    });
  }
}

/** Convenience: compute one option's values (tests, CLI diagnostics). */
export { computeOption };
