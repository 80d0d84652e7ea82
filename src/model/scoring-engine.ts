/**
 * The scoring engine: level tables in, category/sphere/dial scores out.
 * Pure (no DOM, no Node APIs) so the worker and the Node CLI share it.
 *
 * Cold path per (level, frame): resolve factor inputs, shrink rates toward
 * the frame group, transform + orient, robust z per group. These normalised
 * z-values are cached; re-weighting only re-aggregates (and recomputes
 * percentiles of the targets whose weights changed).
 */
import type { Level, LevelTable } from './dataset-format.ts';
import { MissingReason, missingReasonLabel, type MissingReasonCode } from './missing.ts';
import { KOMPAS_MODEL } from './kompas/definition.ts';
import { COVERAGE_LIMITED, COVERAGE_SCORE, coverageStatus, coverageUsable, CRIME_COVERAGE_MIN } from './coverage-bands.ts';
import { classOfPercentile, classText, isAttention, isHigh } from './percentile-bands.ts';
import { validateModel } from './kompas/validate.ts';
import type { CategoryDef, FactorDef, KompasModel, Substitution } from './kompas/types.ts';
import {
  computeOption, missingReasonColumn, missingReasonIn, resolveFactor, seriesIndexOf, trendFor, trendNote,
  type FactorInput, type SeriesIndex,
} from './factor-inputs.ts';
import {
  argsortFloat32, fitShrinkage, logTransform, logitPercent, percentileOfSorted, robustScaleOfBuffer, robustZ, shrinkRate,
  type RobustScale, type ShrinkageFit,
} from './stats.ts';
import {
  CONVENTION, ScoreAreaFlag, ScoreStatus, frameLabel, scoreStatusLabel,
  type AreaExplanation, type CategoryExplanation, type DialExplanation, type FactorExplanation,
  type FrameId, type ImportedValues, type OverallExplanation, type ScoreRequest, type ScoreResult, type ScoreStatusCode, type ScoreTarget,
  type SphereExplanation, type TargetExplanation, type WeightOverrides,
} from './scoring-types.ts';
import { countSeriesOfInputs, factorsForYearView, tableAsOfYear, yearsOfInputs } from './year-view.ts';
import { belevingForLevel, INTERVAL_LEVEL, type BelevingLevelResult } from './beleving-estimate.ts';
import { GESCHAT_LABEL } from './beleving.ts';
import { BelevingTier, type DialSurvey, type SurveyData, type SurveyFigure, type SurveySummary } from './beleving-types.ts';

export const MIN_INWONERS_SCORE = 50;
export const MIN_INWONERS_FULL = 200;
/**
 * Crime rate at least this many times the dataset median marks a visitor
 * area: even if its residents were victimised at the median rate, they would
 * account for at most 1/5 of the registered crime, so the exposed population
 * is mostly visitors and workers (ambient population: Andresen 2006, 2011;
 * Boivin 2018).
 */
export const EXPOSURE_CRIME_FACTOR = 5;
/** Areas with fewer inwoners whose CBS name marks a work or visitor area (docs/scoring.md, step 11). */
export const EXPOSURE_NAME_MAX_INWONERS = 1000;
const WORK_AREA_NAME = /bedrijven|bedrijfs|industrie|kantoren|luchthaven|haventerrein|havengebied|zeehaven|sportpark|recreatiegebied/i;
/** Groups with fewer reference areas fall back to the dataset-wide reference. */
export const MIN_GROUP_SIZE = 5;
export { classOfPercentile, coverageStatus, COVERAGE_SCORE, COVERAGE_LIMITED };

interface Entry { f: number; def: number }
interface SubEntry { f: number; replaced: number[] /* positions in entries */ }
interface Container {
  id: string;
  kind: 'category' | 'dial';
  entries: Entry[];
  subs: SubEntry[];
  totalDef: number;
}

interface LevelState {
  table: LevelTable;
  idx: SeriesIndex;
  /** The factor definitions this state was built with (a year view reads other series than the default). */
  factors: readonly FactorDef[];
  inputs: (FactorInput | null)[];
  inwoners: Float64Array;
  areaFlags: Uint8Array;
  exposureReason: (string | null)[];
  /** Share (%) of the gemeente's registered crime found in its buurt counts; NaN = unknown. */
  crimeCoverage: Float64Array;
  /** Share (0–1) of the inwoners whose buurten supplied the summed crime count (pipeline column misdrijven_inwonersdekking); NaN = own count. */
  crimeCounted: Float64Array;
  /** Per factor: 1 where its value rests on a sum with "beperkte dekking" (coverage-bands.ts); null when nowhere. */
  limitedCoverage: (Uint8Array | null)[];
  /** Eligible for the reference sample: ≥ 50 inwoners and not an exposure area. */
  reference: Uint8Array;
  frames: Map<FrameId, FrameState>;
  /** Per factor without an input: the missing reason of every area, made on the first explanation that needs it. */
  missingReasons: Map<number, Uint8Array | null>;
  /** Reused by every aggregation and percentile pass of this level (the hot path of a re-weight allocates no temporaries). */
  scratch: { def: Float64Array; wsum: Float64Array; wz: Float64Array; sort: Uint32Array; flags: Uint8Array };
}

interface TargetCache { key: string; z: Float32Array; coverage: Float32Array; status: Uint8Array; percentile: Float32Array }

interface FrameState {
  frame: FrameId;
  /** Group per area; −1 = dataset-wide reference. */
  groupOf: Int32Array;
  groupCount: number;
  /** CSR members per group (reference areas only) and all areas. */
  notes: string[];
  areaNote: (string | null)[];
  /** Value as used (rates shrunk), oriented transformed value, z — per factor. */
  used: (Float64Array | null)[];
  oriented: (Float64Array | null)[];
  z: (Float32Array | null)[];
  reliability: (Float32Array | null)[];
  /** Robust scale per factor per group (index groupCount = dataset-wide). */
  scales: (RobustScale[] | null)[];
  /** Lazily: sorted oriented and sorted used values of reference areas per group. */
  sortedOriented: Map<number, Float64Array[]>;
  sortedUsed: Map<number, Float64Array[]>;
  targets: Map<string, TargetCache>;
}

export interface LevelSummary {
  level: Level;
  areaCount: number;
  indicatorCount: number;
  factorsWithData: string[];
  factorsWithoutData: string[];
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
    const container = (id: string, kind: 'category' | 'dial', entries: Entry[], subs: Substitution[]): Container => {
      const subIds = new Set(subs.map((s) => s.factor));
      const scored = entries.filter((e) => !subIds.has(this.factors[e.f].id));
      const subEntries = subs.map((s) => ({
        f: this.factorIdx.get(s.factor)!,
        replaced: s.replaces.map((r) => scored.findIndex((e) => this.factors[e.f].id === r)).filter((p) => p >= 0),
      }));
      return { id, kind, entries: scored, subs: subEntries, totalDef: scored.reduce((a, e) => a + e.def, 0) };
    };
    this.categoryContainers = model.categories.map((c) =>
      container(c.id, 'category', c.factors.map((f) => ({ f: this.factorIdx.get(f.id)!, def: f.weight })), c.substitutions));
    this.dialContainers = model.dials.map((d) =>
      container(d.id, 'dial', d.components.map((c) => ({ f: this.factorIdx.get(c.factor)!, def: c.weight })), d.substitutions));
    this.targets = [
      ...model.categories.map((c): ScoreTarget => ({ id: c.id, label: c.label, kind: 'category', sphere: c.sphere, categoryType: c.type })),
      ...model.spheres.map((s): ScoreTarget => ({ id: s.id, label: s.label, kind: 'sphere', sphere: s.id })),
      ...model.dials.map((d): ScoreTarget => ({ id: d.id, label: d.label, kind: 'dial' })),
      // Last, so category/sphere/dial positions stay as they were.
      { id: model.overall.id, label: model.overall.label, kind: 'overall' },
    ];
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
    const base = this.table(imports.level);
    const known = new Set(this.model.categories.flatMap((c) => c.factors.flatMap((f) => f.options.flatMap(optionSeries))));
    let unknownCodes = 0;
    const codeIndex = new Map(base.codes.map((c, i) => [c, i]));
    for (const col of imports.columns) {
      // A new local indicator (extra) may use its own series id; it is shown, never weighted.
      if (!known.has(col.series) && !col.extra) throw new Error(`onbekende reeks ${col.series}: niet in het kompasmodel`);
      if (col.extra && known.has(col.series)) throw new Error(`reeks ${col.series} staat al in het kompasmodel; importeer haar niet als nieuwe indicator`);
      for (const code of Object.keys(col.values)) if (!codeIndex.has(code)) unknownCodes++;
    }
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

  private effectiveTable(level: Level): LevelTable {
    const base = this.table(level);
    const imp = this.imported.get(level);
    if (!imp || !imp.columns.length) return base;
    const n = base.codes.length;
    const codeIndex = new Map(base.codes.map((c, i) => [c, i]));
    const replaced = new Set(imp.columns.map((c) => `${c.series}.${c.year}`));
    const keep = base.indicators.map((m, i) => ({ m, i })).filter(({ m }) => !replaced.has(m.id));
    const indicators = keep.map(({ m }) => m);
    const values = keep.map(({ i }) => base.values[i]);
    const reasons = keep.map(({ i }) => base.reasons[i]);
    for (const col of imp.columns) {
      const v = new Float32Array(n).fill(NaN);
      const r = new Uint8Array(n).fill(MissingReason.notJoined);
      for (const [code, x] of Object.entries(col.values)) {
        const i = codeIndex.get(code);
        if (i === undefined) continue;
        if (x === null || !Number.isFinite(x)) { r[i] = MissingReason.unknown; continue; }
        v[i] = x; r[i] = 0;
      }
      indicators.push({
        id: `${col.series}.${col.year}`, series: col.series, label: col.label ?? col.series, unit: col.unit ?? '',
        kind: 'value', year: col.year, indelingYear: base.indelingYear, publisher: 'gemeente',
        source: col.source ?? 'gemeente-import', sourceVariable: col.sourceVariable ?? col.series,
        licence: col.licence ?? 'lokaal', ...(col.note ? { note: col.note } : {}),
      });
      values.push(v);
      reasons.push(r);
    }
    return { ...base, indicators, values, reasons };
  }

  // ------------------------------------------------------------ level state
  /**
   * The level's state for the default view (every series at its latest
   * years) or for one year (src/model/year-view.ts): one year state per
   * level is kept besides the default, so paging through years costs one
   * rebuild per step and no memory per year.
   */
  private levelState(level: Level, year?: number | null): LevelState {
    if (year === undefined || year === null) {
      const cached = this.states.get(level);
      if (cached) return cached;
      const state = this.buildLevelState(this.effectiveTable(level), this.factors);
      this.states.set(level, state);
      return state;
    }
    const hit = this.yearStates.get(level);
    if (hit && hit.year === year) return hit.state;
    const state = this.buildLevelState(tableAsOfYear(this.effectiveTable(level), year), factorsForYearView(this.factors));
    this.yearStates.set(level, { year, state });
    return state;
  }

  private buildLevelState(table: LevelTable, factors: readonly FactorDef[]): LevelState {
    const idx = seriesIndexOf(table);
    const n = table.codes.length;
    const inputs = factors.map((f) => resolveFactor(table, idx, f));
    const inwoners = new Float64Array(n).fill(NaN);
    const inw = idx.get('inwoners')?.[0];
    if (inw) for (let i = 0; i < n; i++) inwoners[i] = table.values[inw.index][i];
    const areaFlags = new Uint8Array(n);
    const exposureReason: (string | null)[] = new Array(n).fill(null);
    const reference = new Uint8Array(n);

    // Crime input check (pipeline column misdrijven_dekking): where a
    // gemeente's buurt counts miss much of its total, crime is unknown here.
    const crimeCoverage = new Float64Array(n).fill(NaN);
    const dek = idx.get('misdrijven_dekking')?.[0];
    if (dek) {
      const v = table.values[dek.index];
      for (let i = 0; i < n; i++) crimeCoverage[i] = v[i];
      inputs.forEach((input) => {
        if (!readsCrimeCounts(input)) return;
        for (let i = 0; i < n; i++) if (v[i] < CRIME_COVERAGE_MIN) dropValue(input, i, MissingReason.registrationIncomplete);
      });
      for (let i = 0; i < n; i++) if (v[i] < CRIME_COVERAGE_MIN) areaFlags[i] |= ScoreAreaFlag.crimeIncomplete;
    }

    // Crime summed over the level below (aggregate.ts): the share of inwoners
    // it rests on takes the coverage bands, like a category's weight share.
    const crimeCounted = new Float64Array(n).fill(NaN);
    const limitedCoverage: (Uint8Array | null)[] = inputs.map(() => null);
    for (const col of idx.get('misdrijven_inwonersdekking') ?? []) {
      const v = table.values[col.index];
      // Where registratie onvolledig already leaves crime out, the share says nothing.
      for (let i = 0; i < n; i++) {
        if (areaFlags[i] & ScoreAreaFlag.crimeIncomplete) continue;
        if (Number.isFinite(v[i]) && !(v[i] / 100 >= crimeCounted[i])) crimeCounted[i] = v[i] / 100;
      }
    }
    inputs.forEach((input, k) => {
      if (!readsCrimeCounts(input)) return;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(crimeCounted[i]) || !Number.isFinite(input.value[i])) continue;
        const st = coverageStatus(crimeCounted[i]);
        if (!coverageUsable(st)) dropValue(input, i, MissingReason.incomplete);
        else if (st === ScoreStatus.beperkteDekking) (limitedCoverage[k] ??= new Uint8Array(n))[i] = 1;
      }
    });

    // Exposure: crime far above what the residents explain.
    const crime = inputs[this.factorIdx.get('S4.0')!];
    let crimeMedian = NaN;
    if (crime) {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) if (inwoners[i] >= MIN_INWONERS_FULL && Number.isFinite(crime.value[i])) xs.push(crime.value[i]);
      xs.sort((a, b) => a - b);
      if (xs.length) crimeMedian = xs.length % 2 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    }
    const adr = idx.get('adressendichtheid')?.[0];
    const bev = idx.get('bevolkingsdichtheid')?.[0];
    const bedr = inputs[this.factorIdx.get('F3.3')!];
    for (let i = 0; i < n; i++) {
      const p = inwoners[i];
      if (!(p >= MIN_INWONERS_SCORE)) areaFlags[i] |= ScoreAreaFlag.noScore;
      else if (p < MIN_INWONERS_FULL) areaFlags[i] |= ScoreAreaFlag.indicatief;
      let why: string | null = null;
      if (crime && crimeMedian > 0 && crime.value[i] >= EXPOSURE_CRIME_FACTOR * crimeMedian) {
        why = `geregistreerde misdrijven per inwoner ${Math.round(crime.value[i] / crimeMedian)}× de mediaan: ook bij een gemiddeld risico voor bewoners komt hooguit een vijfde van de misdrijven op hun rekening; de rest treft bezoekers en werkenden`;
      } else if (p < EXPOSURE_NAME_MAX_INWONERS && WORK_AREA_NAME.test(table.names[i] ?? '')) {
        why = 'de naam wijst op een werk- of bezoekersgebied (bedrijven, industrie, kantoren, haven, sport) en er wonen minder dan 1.000 mensen';
      } else if (p < MIN_INWONERS_FULL || !Number.isFinite(p)) {
        const a = adr ? table.values[adr.index][i] : NaN;
        const b = bev ? table.values[bev.index][i] : NaN;
        if (a >= 1000 && (!(b > 0) || a / b >= 1.5)) why = 'weinig inwoners tussen veel adressen (bedrijven, voorzieningen)';
        else if (bedr && bedr.optionIndex === 0 && bedr.value[i] > 1) why = 'meer bedrijfsvestigingen dan woningen';
      }
      if (why) { areaFlags[i] |= ScoreAreaFlag.exposure; exposureReason[i] = why; }
      reference[i] = p >= MIN_INWONERS_SCORE && !why ? 1 : 0;
    }
    const scratch = { def: new Float64Array(n), wsum: new Float64Array(n), wz: new Float64Array(n), sort: new Uint32Array(4 * n), flags: new Uint8Array(n) };
    return { table, idx, factors, inputs, inwoners, areaFlags, exposureReason, crimeCoverage, crimeCounted, limitedCoverage, reference, frames: new Map(), missingReasons: new Map(), scratch };
  }

  summary(level: Level): LevelSummary {
    const s = this.levelState(level);
    return {
      level,
      areaCount: s.table.codes.length,
      indicatorCount: s.table.indicators.length,
      factorsWithData: this.factors.filter((_, k) => s.inputs[k]).map((f) => f.id),
      factorsWithoutData: this.factors.filter((_, k) => !s.inputs[k]).map((f) => f.id),
    };
  }

  // ------------------------------------------------------------ frame state (cold path)
  private frameState(level: Level, frame: FrameId, year?: number | null): FrameState {
    const ls = this.levelState(level, year);
    const cached = ls.frames.get(frame);
    if (cached) return cached;
    const { table, idx, reference } = ls;
    const n = table.codes.length;
    const groupOf = new Int32Array(n);
    const notes: string[] = [];
    const areaNote: (string | null)[] = new Array(n).fill(null);
    let groupCount = 1;
    if (frame === 'gemeente') {
      if (level === 'gemeente') {
        notes.push('Op gemeenteniveau is "binnen de gemeente" niet zinvol: vergeleken met alle gemeenten.');
      } else {
        const ids = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          const g = table.gemeenteCodes[i] ?? '';
          let k = ids.get(g);
          if (k === undefined) { k = ids.size; ids.set(g, k); }
          groupOf[i] = k;
        }
        groupCount = ids.size;
        notes.push('Relatief binnen de gemeente.');
      }
    } else if (frame === 'stedelijkheid') {
      const s = idx.get('stedelijkheid')?.[0];
      groupCount = 5;
      let fallback = 0;
      for (let i = 0; i < n; i++) {
        const c = s ? table.values[s.index][i] : NaN;
        if (c >= 1 && c <= 5) groupOf[i] = Math.round(c) - 1;
        else { groupOf[i] = -1; fallback++; areaNote[i] = 'Geen stedelijkheidsklasse: vergeleken met alle gebieden van dit niveau.'; }
      }
      if (fallback) notes.push(`${fallback} gebieden zonder stedelijkheidsklasse zijn vergeleken met alle gebieden van dit niveau.`);
    }
    // Small groups fall back to the dataset-wide reference.
    if (groupCount > 1) {
      const size = new Int32Array(groupCount);
      for (let i = 0; i < n; i++) if (groupOf[i] >= 0 && reference[i]) size[groupOf[i]]++;
      let small = 0;
      for (let i = 0; i < n; i++) {
        const g = groupOf[i];
        if (g >= 0 && size[g] < MIN_GROUP_SIZE) {
          groupOf[i] = -1; small++;
          areaNote[i] = `Minder dan ${MIN_GROUP_SIZE} vergelijkbare gebieden in het kader: vergeleken met alle gebieden van dit niveau.`;
        }
      }
      if (small) notes.push(`${small} gebieden in een te kleine groep (< ${MIN_GROUP_SIZE}) zijn vergeleken met alle gebieden van dit niveau.`);
    }
    const fs: FrameState = {
      frame, groupOf, groupCount, notes, areaNote,
      used: [], oriented: [], z: [], reliability: [], scales: [],
      sortedOriented: new Map(), sortedUsed: new Map(), targets: new Map(),
    };
    // Members per group (reference areas), CSR.
    const { offsets, members } = this.groupMembers(groupOf, groupCount, reference);
    const scratch = new Float64Array(n);
    const scratchY = new Float64Array(n), scratchN = new Float64Array(n);
    for (let k = 0; k < this.factors.length; k++) {
      const input = ls.inputs[k];
      if (!input) { fs.used.push(null); fs.oriented.push(null); fs.z.push(null); fs.reliability.push(null); fs.scales.push(null); continue; }
      const factor = this.factors[k];
      const opt = input.option;
      let used = input.value;
      let rel: Float32Array | null = null;
      if (opt.kind === 'rate' && opt.shrink && input.y && input.n) {
        used = new Float64Array(n).fill(NaN);
        rel = new Float32Array(n).fill(NaN);
        const fits: ShrinkageFit[] = [];
        const yy = input.y, nn = input.n;
        const fitOf = (from: number, to: number, list: Int32Array | null): ShrinkageFit => {
          // Gather the group's (y, n) into scratch buffers, then fit.
          let m = 0;
          if (list) for (let p = from; p < to; p++) { const i = list[p]; scratchY[m] = yy[i]; scratchN[m++] = nn[i]; }
          else for (let i = 0; i < n; i++) if (reference[i]) { scratchY[m] = yy[i]; scratchN[m++] = nn[i]; }
          return fitShrinkage(scratchY.subarray(0, m), scratchN.subarray(0, m));
        };
        const allFit = fitOf(0, 0, null);
        for (let g = 0; g < groupCount; g++) {
          const cnt = offsets[g + 1] - offsets[g];
          fits.push(groupCount === 1 ? allFit : cnt >= MIN_GROUP_SIZE ? fitOf(offsets[g], offsets[g + 1], members) : allFit);
        }
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(input.value[i])) continue;
          const g = groupOf[i];
          const fit = g >= 0 ? fits[g] : allFit;
          const r = shrinkRate(yy[i], nn[i], fit);
          used[i] = r.shrunk;
          rel[i] = r.reliability;
        }
      }
      const sign = factor.direction * (opt.sign ?? 1);
      const oriented = new Float64Array(n);
      const off = opt.logOffset ?? 0;
      const tf = opt.transform;
      // Transform + orient, gathering the dataset-wide reference sample in the same pass.
      let mAll = 0;
      for (let i = 0; i < n; i++) {
        const v = used[i];
        if (v !== v) { oriented[i] = NaN; continue; }
        const t = sign * (tf === 'log' ? logTransform(v, off) : tf === 'logit' ? logitPercent(v) : v);
        oriented[i] = t;
        if (reference[i]) scratch[mAll++] = t;
      }
      const all = robustScaleOfBuffer(scratch, mAll);
      // Robust scale per group (index groupCount = dataset-wide).
      const scales: RobustScale[] = [];
      if (groupCount === 1) scales.push(all);
      else {
        for (let g = 0; g < groupCount; g++) {
          let m = 0;
          for (let p = offsets[g]; p < offsets[g + 1]; p++) { const v = oriented[members[p]]; if (v === v) scratch[m++] = v; }
          const sc = robustScaleOfBuffer(scratch, m);
          scales.push(sc.n < 3 ? all : sc);
        }
      }
      scales.push(all);
      const z = new Float32Array(n);
      if (groupCount === 1) {
        for (let i = 0; i < n; i++) z[i] = robustZ(oriented[i], all);
      } else {
        for (let i = 0; i < n; i++) { const g = groupOf[i]; z[i] = robustZ(oriented[i], g >= 0 ? scales[g] : all); }
      }
      fs.used.push(used); fs.oriented.push(oriented); fs.z.push(z); fs.reliability.push(rel); fs.scales.push(scales);
    }
    ls.frames.set(frame, fs);
    return fs;
  }

  private groupMembers(groupOf: Int32Array, groupCount: number, reference: Uint8Array) {
    const offsets = new Int32Array(groupCount + 1);
    for (let i = 0; i < groupOf.length; i++) if (reference[i] && groupOf[i] >= 0) offsets[groupOf[i] + 1]++;
    for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
    const fill = offsets.slice(0, groupCount);
    const members = new Int32Array(offsets[groupCount]);
    for (let i = 0; i < groupOf.length; i++) if (reference[i] && groupOf[i] >= 0) members[fill[groupOf[i]]++] = i;
    return { offsets, members };
  }

  // ------------------------------------------------------------ aggregation (hot path)
  private activeWeights(c: Container, w: WeightOverrides | undefined): number[] {
    return c.entries.map((e) => {
      const id = this.factors[e.f].id;
      const o = c.kind === 'category' ? w?.factors?.[id] : undefined;
      return o !== undefined && Number.isFinite(o) && o >= 0 ? o : e.def;
    });
  }

  private aggregate(ls: LevelState, fs: FrameState, c: Container, act: number[], rankVisitors: boolean): TargetCache {
    const n = ls.table.codes.length;
    const z = new Float32Array(n);
    const coverage = new Float32Array(n);
    const status = new Uint8Array(n);
    // Column-wise accumulation: one pass per factor keeps the loops monomorphic and cache-friendly.
    const { def, wsum, wz } = ls.scratch;
    def.fill(0); wsum.fill(0); wz.fill(0);
    c.entries.forEach((e, k) => {
      const zk = fs.z[e.f];
      if (!zk) return;
      const d = e.def, a = act[k];
      for (let i = 0; i < n; i++) {
        const v = zk[i];
        if (v !== v) continue;
        def[i] += d; wsum[i] += a; wz[i] += a * v;
      }
    });
    for (const sub of c.subs) {
      const sz = fs.z[sub.f];
      if (!sz) continue;
      const blocked = ls.scratch.flags;
      blocked.fill(0);
      for (const p of sub.replaced) {
        const zk = fs.z[c.entries[p].f];
        if (zk) for (let i = 0; i < n; i++) if (zk[i] === zk[i]) blocked[i] = 1;
      }
      const d = sub.replaced.reduce((a, p) => a + c.entries[p].def, 0);
      const a = sub.replaced.reduce((x, p) => x + act[p], 0);
      for (let i = 0; i < n; i++) {
        const v = sz[i];
        if (blocked[i] || v !== v) continue;
        def[i] += d; wsum[i] += a; wz[i] += a * v;
      }
    }
    const limited = this.limitedInputs(ls, fs, c);
    const flags = ls.areaFlags;
    const total = c.totalDef;
    for (let i = 0; i < n; i++) {
      const cov = total > 0 ? def[i] / total : 0;
      coverage[i] = cov;
      let st: ScoreStatusCode = coverageStatus(cov);
      if (st === ScoreStatus.score && limited?.[i]) st = ScoreStatus.beperkteDekking;
      if (flags[i] & ScoreAreaFlag.noScore) st = ScoreStatus.teWeinigInwoners;
      else if (st <= ScoreStatus.beperkteDekking && !(wsum[i] > 0)) st = ScoreStatus.witteVlek;
      else if (!rankVisitors && flags[i] & ScoreAreaFlag.exposure && st <= ScoreStatus.beperkteDekking) st = ScoreStatus.bezoekersgebied;
      status[i] = st;
      z[i] = st <= ScoreStatus.beperkteDekking ? wz[i] / wsum[i] : NaN;
    }
    return { key: '', z, coverage, status, percentile: this.percentiles(ls, fs, z, status) };
  }

  /** 1 where a factor the container uses for the area rests on a sum with beperkte dekking; null when none does anywhere. */
  private limitedInputs(ls: LevelState, fs: FrameState, c: Container): Uint8Array | null {
    const factors = [...c.entries.map((e) => e.f), ...c.subs.map((s) => s.f)].filter((f) => ls.limitedCoverage[f]);
    if (!factors.length) return null;
    const out = new Uint8Array(ls.table.codes.length);
    for (const f of factors) {
      const lim = ls.limitedCoverage[f]!, zf = fs.z[f];
      if (zf) for (let i = 0; i < out.length; i++) if (lim[i] && zf[i] === zf[i]) out[i] = 1;
    }
    return out;
  }

  /**
   * Percentile of each scored area among the scored reference areas of its
   * group (mid-rank for ties: 100 × (below + ½ equal) / n). One radix sort of
   * all scored areas, then a single walk keeping per-group counters.
   */
  private percentiles(ls: LevelState, fs: FrameState, z: Float32Array, status: Uint8Array): Float32Array {
    const n = z.length;
    const { groupOf, groupCount } = fs;
    const G = groupCount; // index G = dataset-wide
    const scored = ls.scratch.flags;
    scored.fill(0);
    const nRef = new Int32Array(G + 1);
    for (let i = 0; i < n; i++) {
      if (status[i] > ScoreStatus.beperkteDekking) continue;
      scored[i] = 1;
      if (ls.reference[i]) { nRef[G]++; if (groupOf[i] >= 0) nRef[groupOf[i]]++; }
    }
    const useGroup = G > 1;
    const refGroup = (i: number) => (useGroup && groupOf[i] >= 0 && nRef[groupOf[i]] >= MIN_GROUP_SIZE ? groupOf[i] : G);
    const { order, keys } = argsortFloat32(z, scored, ls.scratch.sort);
    const below = new Int32Array(G + 1);
    const eq = new Int32Array(G + 1);
    const pct = new Float32Array(n).fill(NaN);
    const m = order.length;
    let a = 0;
    while (a < m) {
      let b = a + 1;
      while (b < m && keys[b] === keys[a]) b++;
      for (let p = a; p < b; p++) {
        const i = order[p];
        if (!ls.reference[i]) continue;
        eq[G]++;
        if (useGroup && groupOf[i] >= 0) eq[groupOf[i]]++;
      }
      for (let p = a; p < b; p++) {
        const i = order[p];
        const g = refGroup(i);
        pct[i] = nRef[g] > 0 ? (100 * (below[g] + 0.5 * eq[g])) / nRef[g] : NaN;
      }
      for (let p = a; p < b; p++) {
        const i = order[p];
        if (!ls.reference[i]) continue;
        if (useGroup && groupOf[i] >= 0) { const g = groupOf[i]; below[g] += eq[g]; eq[g] = 0; }
      }
      below[G] += eq[G]; eq[G] = 0;
      a = b;
    }
    return pct;
  }

  /**
   * A sphere or the overall score: the weighted mean of the member categories
   * that score, over a fixed member set. Coverage is the share of the member
   * weight that scores, with the same bands as a category (≥ 60 % score,
   * 30–60 % beperkte dekking, < 30 % witte vlek), so a missing category lowers
   * coverage instead of silently dropping out.
   */
  private compositeTarget(ls: LevelState, fs: FrameState, key: string, cats: { c: TargetCache; w: number }[], rankVisitors: boolean): TargetCache {
    const n = ls.table.codes.length;
    const z = new Float32Array(n), coverage = new Float32Array(n), status = new Uint8Array(n);
    const total = cats.reduce((a, x) => a + x.w, 0);
    // Plain arrays instead of destructuring in the per-area loop (hot path of a re-weight).
    const sts = cats.map((x) => x.c.status), zs = cats.map((x) => x.c.z), ws0 = cats.map((x) => x.w), m = cats.length;
    for (let i = 0; i < n; i++) {
      let ws = 0, wz = 0, anyData = false;
      for (let k = 0; k < m; k++) {
        const st = sts[k][i], w = ws0[k];
        if (st !== ScoreStatus.geenGegevens && st !== ScoreStatus.teWeinigInwoners) anyData = true;
        // A visitor area's members carry its status; their z is NaN.
        if (st > ScoreStatus.beperkteDekking) continue;
        ws += w; wz += w * zs[k][i];
      }
      const cov = total > 0 ? ws / total : 0;
      coverage[i] = cov;
      let st: ScoreStatusCode;
      const visitor = !rankVisitors && (ls.areaFlags[i] & ScoreAreaFlag.exposure) !== 0;
      if (ls.areaFlags[i] & ScoreAreaFlag.noScore) st = ScoreStatus.teWeinigInwoners;
      else if (visitor && anyData) st = ScoreStatus.bezoekersgebied;
      else if (!(ws > 0)) st = anyData ? ScoreStatus.witteVlek : ScoreStatus.geenGegevens;
      else st = coverageStatus(cov);
      status[i] = st;
      z[i] = st <= ScoreStatus.beperkteDekking ? wz / ws : NaN;
    }
    return { key, z, coverage, status, percentile: this.percentiles(ls, fs, z, status) };
  }

  /** All target results for a request, using and filling the per-target cache. */
  private compute(req: ScoreRequest) {
    const frame = req.frame ?? 'dataset';
    const ls = this.levelState(req.level, req.year);
    const fs = this.frameState(req.level, frame, req.year);
    const cached = (key: string, id: string, make: () => TargetCache): TargetCache => {
      const hit = fs.targets.get(id);
      if (hit && hit.key === key) return hit;
      const t = make();
      t.key = key;
      fs.targets.set(id, t);
      return t;
    };
    const rank = !!req.rankVisitorAreas;
    const rankKey = rank ? '|rang' : '';
    const cats = this.categoryContainers.map((c) => {
      const act = this.activeWeights(c, req.weights);
      return cached(act.join(',') + rankKey, c.id, () => this.aggregate(ls, fs, c, act, rank));
    });
    const composite = (id: string, memberIds: readonly string[]) => {
      const members = this.model.categories.map((c, k) => ({ c: cats[k], w: this.categoryWeight(c.id, req.weights), id: c.id }))
        .filter((x) => memberIds.includes(x.id));
      const key = members.map((m) => `${m.c.key}|${m.w}`).join(';');
      return cached(key, id, () => this.compositeTarget(ls, fs, id, members, rank));
    };
    const spheres = this.model.spheres.map((s) =>
      composite(`sphere:${s.id}`, this.model.categories.filter((c) => c.sphere === s.id).map((c) => c.id)));
    const dials = this.dialContainers.map((d) => {
      const act = this.activeWeights(d, undefined);
      return cached(act.join(',') + rankKey, `dial:${d.id}`, () => this.aggregate(ls, fs, d, act, rank));
    });
    const overall = composite('overall', this.model.overall.categories);
    return { ls, fs, frame, all: [...cats, ...spheres, ...dials, overall] };
  }

  private categoryWeight(id: string, w: WeightOverrides | undefined): number {
    const o = w?.categories?.[id as keyof NonNullable<WeightOverrides['categories']>];
    return o !== undefined && Number.isFinite(o) && o >= 0 ? o : 1;
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
    const factorsOf = (c: Container) => [...c.entries.map((e) => e.f), ...c.subs.map((x) => x.f)];
    const byCategory = new Map(this.categoryContainers.map((c) => [c.id, factorsOf(c)]));
    const byDial = new Map(this.dialContainers.map((d) => [d.id, factorsOf(d)]));
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

  // ------------------------------------------------------------ explanation
  /** Missing reason per area of factor k (without an input at this level), computed once per level. */
  private missingReasonsOf(ls: LevelState, k: number): Uint8Array | null {
    if (!ls.missingReasons.has(k)) ls.missingReasons.set(k, missingReasonColumn(ls.table, ls.idx, ls.factors[k]));
    return ls.missingReasons.get(k)!;
  }

  private sortedRef(ls: LevelState, fs: FrameState, k: number, kind: 'oriented' | 'used', group: number): Float64Array {
    const map = kind === 'oriented' ? fs.sortedOriented : fs.sortedUsed;
    let perGroup = map.get(k);
    if (!perGroup) {
      // Count, then fill typed arrays and sort them numerically: no boxed numbers (the first explanation pays for every factor).
      const src = (kind === 'oriented' ? fs.oriented[k] : fs.used[k])!;
      const G = fs.groupCount, groupOf = fs.groupOf, grouped = G > 1;
      const counts = new Int32Array(G + 1);
      for (let i = 0; i < src.length; i++) {
        if (!ls.reference[i] || !Number.isFinite(src[i])) continue;
        counts[G]++;
        if (grouped && groupOf[i] >= 0) counts[groupOf[i]]++;
      }
      const lists = Array.from(counts, (c) => new Float64Array(c));
      const fill = new Int32Array(G + 1);
      for (let i = 0; i < src.length; i++) {
        const v = src[i];
        if (!ls.reference[i] || !Number.isFinite(v)) continue;
        lists[G][fill[G]++] = v;
        if (grouped && groupOf[i] >= 0) lists[groupOf[i]][fill[groupOf[i]]++] = v;
      }
      perGroup = lists.map((l) => l.sort());
      map.set(k, perGroup);
    }
    const g = group >= 0 && fs.groupCount > 1 && perGroup[group].length >= 3 ? group : fs.groupCount;
    return perGroup[g];
  }

  private explainFactor(ls: LevelState, fs: FrameState, k: number, i: number, defaultWeight: number, weight: number, effective: number, substitutesFor?: string[]): FactorExplanation {
    const f = this.factors[k];
    const input = ls.inputs[k];
    const base = {
      id: f.id, label: f.label, direction: f.direction,
      directionLabel: f.direction === 1 ? '↑ hoger is kwetsbaarder' : '↓ lager is kwetsbaarder',
      defaultWeight, weight, measurable: f.measurable, exposure: !!f.exposure, shownOnly: !!f.shownOnly,
      ...(substitutesFor ? { substitutesFor } : {}),
    };
    const empty = { value: null, rawValue: null, reliability: null, referenceMedian: null, timesMedian: null, percentile: null, z: null, contribution: null, flagged: false };
    if (!input) {
      const reason = missingReasonIn(this.missingReasonsOf(ls, k), i);
      return { ...base, effectiveWeight: 0, indicator: null, ...empty, missingReason: reason, missingLabel: missingLabelFor(reason, true), fillHint: f.fillHint, trend: [] };
    }
    const used = fs.used[k]![i];
    const zv = fs.z[k]![i];
    if (!Number.isFinite(used) || !Number.isFinite(zv)) {
      const reason = (input.reason[i] || MissingReason.unknown) as MissingReasonCode;
      return { ...base, effectiveWeight: 0, indicator: input.indicator, ...empty, missingReason: reason, missingLabel: missingLabelFor(reason, false), fillHint: f.fillHint, trend: trendFor(ls.table, ls.idx, input, i) };
    }
    const g = fs.groupOf[i];
    const sortedUsed = this.sortedRef(ls, fs, k, 'used', g);
    const med = sortedUsed.length ? medianOfSorted(sortedUsed) : NaN;
    const pct = percentileOfSorted(this.sortedRef(ls, fs, k, 'oriented', g), fs.oriented[k]![i]);
    const rel = fs.reliability[k];
    return {
      ...base, effectiveWeight: effective, indicator: input.indicator,
      value: used,
      rawValue: rel ? input.value[i] : null,
      reliability: rel ? rel[i] : null,
      referenceMedian: Number.isFinite(med) ? med : null,
      timesMedian: Number.isFinite(med) && med !== 0 ? used / med : null,
      percentile: Number.isFinite(pct) ? pct : null,
      referenceCount: sortedUsed.length,
      z: zv,
      contribution: effective * zv,
      flagged: isHigh(pct) && !f.shownOnly,
      missingReason: null, missingLabel: null, fillHint: null,
      trend: trendFor(ls.table, ls.idx, input, i),
      trendNote: trendNote(ls.idx, input),
      joinNote: this.rivmJoinNote(ls, input, i),
      ...(readsCrimeCounts(input) && Number.isFinite(ls.crimeCounted[i]) ? { countedShare: ls.crimeCounted[i] } : {}),
    };
  }

  /** RIVM values that did not join on code say how they got here (pipeline column rivm_koppeling). */
  private rivmJoinNote(ls: LevelState, input: FactorInput, i: number): string | null {
    if (!/RIVM/.test(input.indicator.source)) return null;
    const k = ls.idx.get('rivm_koppeling')?.[0];
    const how = k ? ls.table.values[k.index][i] : NaN;
    switch (how) {
      case 1: return 'gekoppeld op naam: de code veranderde na 2020 (bijvoorbeeld Amsterdam 2023 of een herindeling)';
      case 2: return 'wijkwaarde: deze buurt heeft geen eigen RIVM-schatting; de waarde van de wijk geldt, met een grotere onzekerheid';
      case 3: return 'gemeentewaarde: buurt of wijk heeft geen eigen RIVM-schatting; de waarde van de gemeente geldt, met een grotere onzekerheid';
      case 4: return 'gemiddelde van de wijken: de gemeente bestond in 2020 nog niet';
      case 5: return 'gemiddelde van de buurten: de wijkcode veranderde na 2020';
      default: return null;
    }
  }

  private explainContainer(ls: LevelState, fs: FrameState, c: Container, act: number[], i: number, allEntries: { f: number; def: number }[]): FactorExplanation[] {
    // Weights as used for area i (substitution included), then normalised.
    const avail = (f: number) => { const z = fs.z[f]; return !!z && Number.isFinite(z[i]); };
    const weights = new Map<number, { def: number; act: number; subs?: string[] }>();
    c.entries.forEach((e, p) => weights.set(e.f, { def: e.def, act: act[p] }));
    for (const s of c.subs) {
      const replacedAvail = s.replaced.some((p) => avail(c.entries[p].f));
      const use = avail(s.f) && !replacedAvail;
      weights.set(s.f, {
        def: use ? s.replaced.reduce((a, p) => a + c.entries[p].def, 0) : 0,
        act: use ? s.replaced.reduce((a, p) => a + act[p], 0) : 0,
        ...(use ? { subs: s.replaced.map((p) => this.factors[c.entries[p].f].id) } : {}),
      });
    }
    let wsum = 0;
    for (const [f, w] of weights) if (avail(f)) wsum += w.act;
    return allEntries.map((e) => {
      const w = weights.get(e.f) ?? { def: e.def, act: e.def };
      const eff = avail(e.f) && wsum > 0 ? w.act / wsum : 0;
      return this.explainFactor(ls, fs, e.f, i, e.def, w.act, eff, w.subs);
    });
  }

  /**
   * Build what every explanation of this level and frame reads (sorted
   * reference values per factor, missing reasons of factors without data) and
   * run one explanation, so the first click on the map does not pay for it.
   * The scoring worker calls this once after the first scores of a level.
   */
  prepareExplanations(req: ScoreRequest): void {
    const { ls, fs } = this.compute(req);
    for (let k = 0; k < this.factors.length; k++) {
      if (!ls.inputs[k]) this.missingReasonsOf(ls, k);
      else if (fs.used[k] && fs.oriented[k]) {
        this.sortedRef(ls, fs, k, 'used', -1);
        this.sortedRef(ls, fs, k, 'oriented', -1);
      }
    }
    if (ls.table.codes.length) this.explain(req, 0);
  }

  explain(req: ScoreRequest, areaIndex: number): AreaExplanation {
    const { ls, fs, frame, all } = this.compute(req);
    const n = ls.table.codes.length;
    if (!(areaIndex >= 0 && areaIndex < n)) throw new Error(`gebied ${areaIndex} bestaat niet (0–${n - 1})`);
    const i = areaIndex;
    const target = (k: number, id: string, label: string, kind: TargetExplanation['kind'], type?: string): TargetExplanation => {
      const t = all[k];
      const st = t.status[i] as ScoreStatusCode;
      const pct = t.percentile[i];
      const cls = classOfPercentile(pct);
      return {
        id, label, kind,
        score: Number.isFinite(t.z[i]) ? t.z[i] : null,
        percentile: Number.isFinite(pct) ? pct : null,
        status: st, statusLabel: scoreStatusLabel[st], coverage: t.coverage[i], classLabel: cls, classText: classText(cls, type),
      };
    };
    const categories: CategoryExplanation[] = this.model.categories.map((cat: CategoryDef, k) => {
      const c = this.categoryContainers[k];
      const act = this.activeWeights(c, req.weights);
      const allEntries = cat.factors.map((f) => ({ f: this.factorIdx.get(f.id)!, def: f.weight }));
      const factors = this.explainContainer(ls, fs, c, act, i, allEntries);
      const base = target(k, cat.id, cat.label, 'category', cat.type);
      if (base.score === null) for (const f of factors) f.contribution = null;
      factors.push(...this.explainExtras(ls, fs, cat.id, i));
      return { ...base, id: cat.id, sphere: cat.sphere, categoryType: cat.type, factors, flaggedFactors: factors.filter((f) => f.flagged).map((f) => f.id) };
    });
    const nc = this.model.categories.length;
    const spheres: SphereExplanation[] = this.model.spheres.map((s, k) => {
      const base = target(nc + k, s.id, s.label, 'sphere');
      const members = this.model.categories.filter((c) => c.sphere === s.id).map((c) => {
        const ce = categories.find((x) => x.id === c.id)!;
        return { id: c.id, score: ce.status <= 1 ? ce.score : null, weight: this.categoryWeight(c.id, req.weights) };
      });
      const ws = members.reduce((a, m) => a + (m.score !== null ? m.weight : 0), 0);
      return {
        ...base, id: s.id,
        categories: members.map((m) => ({ ...m, contribution: m.score !== null && ws > 0 && base.score !== null ? (m.weight / ws) * m.score : null })),
      };
    });
    const ns = this.model.spheres.length;
    const ov = this.model.overall;
    const overallBase = target(all.length - 1, ov.id, ov.label, 'overall');
    const overallMembers = ov.categories.map((id) => {
      const ce = categories.find((x) => x.id === id)!;
      return { id, score: ce.status <= ScoreStatus.beperkteDekking ? ce.score : null, weight: this.categoryWeight(id, req.weights) };
    });
    const ows = overallMembers.reduce((a, m) => a + (m.score !== null ? m.weight : 0), 0);
    const overall: OverallExplanation = {
      ...overallBase, id: 'overall',
      categories: overallMembers.map((m) => ({ ...m, contribution: m.score !== null && ows > 0 && overallBase.score !== null ? (m.weight / ows) * m.score : null })),
    };
    const dials: DialExplanation[] = this.model.dials.map((d, k) => {
      const c = this.dialContainers[k];
      const act = this.activeWeights(c, undefined);
      const allEntries = d.components.map((x) => ({ f: this.factorIdx.get(x.factor)!, def: x.weight }));
      const subsOnly = d.substitutions.filter((s) => !d.components.some((x) => x.factor === s.factor))
        .map((s) => ({ f: this.factorIdx.get(s.factor)!, def: 0 }));
      const components = this.explainContainer(ls, fs, c, act, i, [...allEntries, ...subsOnly]);
      const base = target(nc + ns + k, d.id, d.label, 'dial');
      if (base.score === null) for (const f of components) f.contribution = null;
      const survey = d.id === 'beleving' ? this.dialSurvey(req.level, i) : undefined;
      if (!survey) return { ...base, id: d.id, basisLabel: d.basisLabel, components };
      return { ...base, id: d.id, basisLabel: survey.tier === 'gemeten' ? 'gemeten (enquête)' : GESCHAT_LABEL, components, survey };
    });
    const inw = ls.inwoners[i];
    const crime = ls.inputs[this.factorIdx.get('S4.0')!];
    const ha = ls.idx.get('oppervlakte_land')?.[0];
    const area = ha ? ls.table.values[ha.index][i] : NaN;
    const crimeMean = crime && crime.y && crime.n && crime.option.kind === 'rate' && Number.isFinite(crime.y[i])
      ? crime.y[i] / ((crime.n[i] * crime.option.per) / inw) : NaN;
    return {
      level: req.level, frame, frameLabel: frameLabel[frame], frameNote: fs.areaNote[i] ?? (fs.notes.length && frame === 'gemeente' && req.level === 'gemeente' ? fs.notes[0] : null),
      areaIndex: i, code: ls.table.codes[i], name: ls.table.names[i], gemeenteCode: ls.table.gemeenteCodes[i] ?? '',
      inwoners: Number.isFinite(inw) ? inw : null,
      indicatief: !!(ls.areaFlags[i] & ScoreAreaFlag.indicatief),
      noScore: !!(ls.areaFlags[i] & ScoreAreaFlag.noScore),
      exposure: !!(ls.areaFlags[i] & ScoreAreaFlag.exposure),
      exposureReason: ls.exposureReason[i],
      crimePerHectare: area > 0 && Number.isFinite(crimeMean) ? crimeMean / area : null,
      crimeIncomplete: !!(ls.areaFlags[i] & ScoreAreaFlag.crimeIncomplete),
      crimeRateNote: crimeRateNote(ls.areaFlags[i], !!req.rankVisitorAreas, ls.crimeCoverage[i]),
      crimeCountedShare: Number.isFinite(ls.crimeCounted[i]) ? ls.crimeCounted[i] : null,
      overall, categories, spheres, dials,
      attentionCount: categories.filter((c) => isAttention(c.percentile)).length,
      convention: CONVENTION,
    };
  }

  /**
   * New local indicators from a gemeente import, shown under their category:
   * value, percentile and median among the frame's reference areas (oriented
   * by the indicator's direction), but weight 0 — never part of a score.
   */
  private explainExtras(ls: LevelState, fs: FrameState, category: string, i: number): FactorExplanation[] {
    const imp = this.imported.get(ls.table.level);
    if (!imp) return [];
    const out: FactorExplanation[] = [];
    for (const col of imp.columns) {
      if (!col.extra || col.extra.category !== category) continue;
      const k = ls.table.indicators.findIndex((m) => m.id === `${col.series}.${col.year}`);
      if (k < 0) continue;
      const v = ls.table.values[k];
      const meta = ls.table.indicators[k];
      const dir = col.extra.direction;
      const g = fs.groupCount > 1 ? fs.groupOf[i] : -1;
      const ref: number[] = [];
      for (let j = 0; j < v.length; j++) {
        if (!ls.reference[j] || !Number.isFinite(v[j])) continue;
        if (g >= 0 && fs.groupOf[j] !== g) continue;
        ref.push(v[j]);
      }
      ref.sort((a, b) => a - b);
      const x = v[i];
      const have = Number.isFinite(x);
      const med = ref.length ? medianOfSorted(Float64Array.from(ref)) : NaN;
      let pct: number | null = null;
      if (have && ref.length >= 3) {
        let below = 0, eq = 0;
        for (const r of ref) { if (r < x) below++; else if (r === x) eq++; }
        const p = (100 * (below + 0.5 * eq)) / ref.length;
        pct = dir === 1 ? p : 100 - p;
      }
      const reason = have ? null : ((ls.table.reasons[k][i] || MissingReason.unknown) as MissingReasonCode);
      out.push({
        id: col.series, label: meta.label, direction: dir,
        directionLabel: dir === 1 ? '↑ hoger is kwetsbaarder' : '↓ lager is kwetsbaarder',
        defaultWeight: 0, weight: 0, effectiveWeight: 0, measurable: 'lokaal', exposure: false, shownOnly: true, localIndicator: true,
        indicator: { id: meta.id, label: meta.label, unit: meta.unit, year: meta.year, source: meta.source, sourceVariable: meta.sourceVariable, proxy: false, ...(meta.note ? { note: meta.note } : {}) },
        value: have ? x : null, rawValue: null, reliability: null,
        referenceMedian: Number.isFinite(med) ? med : null,
        timesMedian: have && Number.isFinite(med) && med !== 0 ? x / med : null,
        percentile: pct, ...(pct !== null ? { referenceCount: ref.length } : {}), z: null, contribution: null, flagged: false,
        missingReason: reason, missingLabel: reason === null ? null : missingLabelFor(reason, false),
        fillHint: have ? null : 'niet in het importbestand', trend: [],
      });
    }
    return out;
  }

  /** Empirical-Bayes reliability C per area of a shrunk-rate factor (null if the factor is not a shrunk rate here). */
  factorReliability(req: ScoreRequest, factorId: string): Float32Array | null {
    const k = this.factorIdx.get(factorId);
    if (k === undefined) throw new Error(`onbekende factor ${factorId}`);
    const fs = this.frameState(req.level, req.frame ?? 'dataset', req.year);
    const rel = fs.reliability[k];
    return rel ? rel.slice() : null;
  }

  /** A factor's value per area as used (shrunk rates shrunk) and unshrunk; null when the factor has no data at this level. */
  factorValues(req: ScoreRequest, factorId: string): { used: Float64Array; raw: Float64Array; unit: string } | null {
    const k = this.factorIdx.get(factorId);
    if (k === undefined) throw new Error(`onbekende factor ${factorId}`);
    const ls = this.levelState(req.level, req.year);
    const fs = this.frameState(req.level, req.frame ?? 'dataset', req.year);
    const input = ls.inputs[k];
    if (!input || !fs.used[k]) return null;
    return { used: fs.used[k]!.slice(), raw: input.value.slice(), unit: input.option.unit };
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

/** A factor computed from registered crime counts (misdrijven_*), the inputs the crime checks act on. */
function readsCrimeCounts(input: FactorInput | null): input is FactorInput {
  return !!input && input.option.kind === 'rate' && input.option.series.startsWith('misdrijven_');
}

/** Leave one area's value of a factor out, with the reason the drill-down shows. */
function dropValue(input: FactorInput, i: number, reason: MissingReasonCode): void {
  input.value[i] = NaN;
  input.reason[i] = reason;
  if (input.y) input.y[i] = NaN;
  if (input.n) input.n[i] = NaN;
}

/** Which crime rate colours the map for an area, and why (drill-down text). */
function crimeRateNote(flags: number, rankVisitors: boolean, coverage: number): string {
  if (flags & ScoreAreaFlag.crimeIncomplete) {
    return `Registratie onvolledig: de buurtcijfers van deze gemeente bevatten ${Math.round(coverage)} % van haar geregistreerde misdrijven. Criminaliteit telt hier niet mee, zodat deze buurt niet ten onrechte bij de veiligste hoort.`;
  }
  if (flags & ScoreAreaFlag.exposure) {
    return rankVisitors
      ? 'Bezoekers- of werkgebied, op verzoek gerangschikt op misdrijven per 1.000 inwoners: dat cijfer overschat wat bewoners meemaken, want de meeste slachtoffers zijn bezoekers en werkenden. Misdrijven per hectare staat ernaast.'
      : 'Bezoekers- of werkgebied: de kaart rangschikt het niet, want misdrijven per inwoner beschrijven hier bezoekers en werkenden, niet bewoners (Andresen 2006; Boivin 2018). Misdrijven per hectare is de eerlijker maat; zet "Bezoekers- en werkgebieden rangschikken" aan om het toch te kleuren.';
  }
  return 'Woongebied: de kaart kleurt op misdrijven per 1.000 inwoners (gekrompen), omdat de bewoners hier de blootgestelde bevolking zijn. Misdrijven per hectare staat ter vergelijking ernaast.';
}

function medianOfSorted(a: Float64Array): number {
  const n = a.length;
  return n % 2 ? a[n >> 1] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

function missingLabelFor(reason: MissingReasonCode, noOption: boolean): string {
  if (noOption && reason === MissingReason.notJoined) return 'geen bron in deze dataset';
  return missingReasonLabel[reason] ?? 'ontbreekt';
}

/** All series an option reads. */
export function optionSeries(o: FactorDef['options'][number]): string[] {
  switch (o.kind) {
    case 'series': case 'complement': case 'relativeToGemeente': return [o.series];
    case 'ratio': return [o.numerator, o.denominator];
    case 'rate': return [o.series, o.denominator];
    case 'mean': return [...o.series];
  }
}

/** Convenience: compute one option's values (tests, CLI diagnostics). */
export { computeOption };
