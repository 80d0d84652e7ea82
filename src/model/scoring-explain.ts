/**
 * Step 5 of scoring, one area: what the kompas and its drill-down show —
 * every category, sphere, dial and the overall score with status, class and
 * percentile, the factors behind each (src/model/scoring-explain-factors.ts),
 * the area's flags and the crime notes. Reads the computed targets; pure.
 */
import type { KompasModel } from './kompas/types.ts';
import { classOfPercentile, classText, isAttention } from './percentile-bands.ts';
import { GESCHAT_LABEL } from './beleving.ts';
import type { DialSurvey } from './beleving-types.ts';
import {
  CONVENTION, ScoreAreaFlag, ScoreStatus, frameLabel, scoreStatusLabel,
  type AreaExplanation, type CategoryExplanation, type DialExplanation, type FrameId, type ImportedValues,
  type OverallExplanation, type ScoreRequest, type ScoreStatusCode, type SphereExplanation, type TargetExplanation,
} from './scoring-types.ts';
import { activeWeights, categoryWeight, type Container } from './scoring-containers.ts';
import type { FrameState, TargetCache } from './scoring-frame-state.ts';
import type { LevelState } from './scoring-level-state.ts';
import { explainContainer } from './scoring-explain-factors.ts';
import { explainExtras } from './scoring-imports.ts';

/** What the engine knows beyond the level and frame: the model, its containers, imports and the survey. */
export interface ExplainContext {
  model: KompasModel;
  factorIdx: ReadonlyMap<string, number>;
  categoryContainers: Container[];
  dialContainers: Container[];
  imported: ImportedValues | undefined;
  /** The survey figure for the beleving dial of area i, if any. */
  dialSurvey: (i: number) => DialSurvey | undefined;
}

/** The targets as computed for the request, in the order of ScoringEngine.targets. */
export interface Computed { ls: LevelState; fs: FrameState; frame: FrameId; all: TargetCache[] }

function targetOf(t: TargetCache, i: number, id: string, label: string, kind: TargetExplanation['kind'], type?: string): TargetExplanation {
  const st = t.status[i] as ScoreStatusCode;
  const pct = t.percentile[i];
  const cls = classOfPercentile(pct);
  return {
    id, label, kind,
    score: Number.isFinite(t.z[i]) ? t.z[i] : null,
    percentile: Number.isFinite(pct) ? pct : null,
    status: st, statusLabel: scoreStatusLabel[st], coverage: t.coverage[i], classLabel: cls, classText: classText(cls, type),
  };
}

function explainCategories(ctx: ExplainContext, req: ScoreRequest, c: Computed, i: number): CategoryExplanation[] {
  return ctx.model.categories.map((cat, k) => {
    const container = ctx.categoryContainers[k];
    const act = activeWeights(container, c.ls.factors, req.weights);
    const allEntries = cat.factors.map((f) => ({ f: ctx.factorIdx.get(f.id)!, def: f.weight }));
    const factors = explainContainer(c.ls, c.fs, container, act, i, allEntries);
    const base = targetOf(c.all[k], i, cat.id, cat.label, 'category', cat.type);
    if (base.score === null) for (const f of factors) f.contribution = null;
    factors.push(...explainExtras(ctx.imported, c.ls, c.fs, cat.id, i));
    return { ...base, id: cat.id, sphere: cat.sphere, categoryType: cat.type, factors, flaggedFactors: factors.filter((f) => f.flagged).map((f) => f.id) };
  });
}

/** Member categories of a sphere or the overall score, with each one's share of the composite. */
function compositeMembers(ids: readonly string[], categories: CategoryExplanation[], req: ScoreRequest, composite: TargetExplanation) {
  const members = ids.map((id) => {
    const ce = categories.find((x) => x.id === id)!;
    return { id: ce.id, score: ce.status <= ScoreStatus.beperkteDekking ? ce.score : null, weight: categoryWeight(id, req.weights) };
  });
  const ws = members.reduce((a, m) => a + (m.score !== null ? m.weight : 0), 0);
  return members.map((m) => ({ ...m, contribution: m.score !== null && ws > 0 && composite.score !== null ? (m.weight / ws) * m.score : null }));
}

function explainSpheres(ctx: ExplainContext, req: ScoreRequest, c: Computed, i: number, categories: CategoryExplanation[]): SphereExplanation[] {
  const nc = ctx.model.categories.length;
  return ctx.model.spheres.map((s, k) => {
    const base = targetOf(c.all[nc + k], i, s.id, s.label, 'sphere');
    const ids = ctx.model.categories.filter((x) => x.sphere === s.id).map((x) => x.id);
    return { ...base, id: s.id, categories: compositeMembers(ids, categories, req, base) };
  });
}

function explainOverall(ctx: ExplainContext, req: ScoreRequest, c: Computed, i: number, categories: CategoryExplanation[]): OverallExplanation {
  const ov = ctx.model.overall;
  const base = targetOf(c.all[c.all.length - 1], i, ov.id, ov.label, 'overall');
  return { ...base, id: 'overall', categories: compositeMembers(ov.categories, categories, req, base) };
}

function explainDials(ctx: ExplainContext, c: Computed, i: number): DialExplanation[] {
  const offset = ctx.model.categories.length + ctx.model.spheres.length;
  return ctx.model.dials.map((d, k) => {
    const container = ctx.dialContainers[k];
    const act = activeWeights(container, c.ls.factors, undefined);
    const allEntries = d.components.map((x) => ({ f: ctx.factorIdx.get(x.factor)!, def: x.weight }));
    const subsOnly = d.substitutions.filter((s) => !d.components.some((x) => x.factor === s.factor))
      .map((s) => ({ f: ctx.factorIdx.get(s.factor)!, def: 0 }));
    const components = explainContainer(c.ls, c.fs, container, act, i, [...allEntries, ...subsOnly]);
    const base = targetOf(c.all[offset + k], i, d.id, d.label, 'dial');
    if (base.score === null) for (const f of components) f.contribution = null;
    const survey = d.id === 'beleving' ? ctx.dialSurvey(i) : undefined;
    if (!survey) return { ...base, id: d.id, basisLabel: d.basisLabel, components };
    return { ...base, id: d.id, basisLabel: survey.tier === 'gemeten' ? 'gemeten (enquête)' : GESCHAT_LABEL, components, survey };
  });
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

/** Registered crime per hectare of land: the mean count of the pooled years over the area's land. */
function crimePerHectare(ctx: ExplainContext, ls: LevelState, i: number): number | null {
  const inw = ls.inwoners[i];
  const crime = ls.inputs[ctx.factorIdx.get('S4.0')!];
  const ha = ls.idx.get('oppervlakte_land')?.[0];
  const area = ha ? ls.table.values[ha.index][i] : NaN;
  const crimeMean = crime && crime.y && crime.n && crime.option.kind === 'rate' && Number.isFinite(crime.y[i])
    ? crime.y[i] / ((crime.n[i] * crime.option.per) / inw) : NaN;
  return area > 0 && Number.isFinite(crimeMean) ? crimeMean / area : null;
}

/** The area's own facts: code, name, inwoners, flags, frame note and crime notes. */
function areaFacts(ctx: ExplainContext, req: ScoreRequest, c: Computed, i: number) {
  const { ls, fs, frame } = c;
  const inw = ls.inwoners[i];
  const flags = ls.areaFlags[i];
  return {
    level: req.level, frame, frameLabel: frameLabel[frame], frameNote: fs.areaNote[i] ?? (fs.notes.length && frame === 'gemeente' && req.level === 'gemeente' ? fs.notes[0] : null),
    areaIndex: i, code: ls.table.codes[i], name: ls.table.names[i], gemeenteCode: ls.table.gemeenteCodes[i] ?? '',
    inwoners: Number.isFinite(inw) ? inw : null,
    indicatief: !!(flags & ScoreAreaFlag.indicatief),
    noScore: !!(flags & ScoreAreaFlag.noScore),
    exposure: !!(flags & ScoreAreaFlag.exposure),
    exposureReason: ls.exposureReason[i],
    crimePerHectare: crimePerHectare(ctx, ls, i),
    crimeIncomplete: !!(flags & ScoreAreaFlag.crimeIncomplete),
    crimeRateNote: crimeRateNote(flags, !!req.rankVisitorAreas, ls.crimeCoverage[i]),
    crimeCountedShare: Number.isFinite(ls.crimeCounted[i]) ? ls.crimeCounted[i] : null,
  };
}

/** The explanation of area i for a request whose targets are computed. */
export function explainArea(ctx: ExplainContext, req: ScoreRequest, c: Computed, i: number): AreaExplanation {
  const categories = explainCategories(ctx, req, c, i);
  const spheres = explainSpheres(ctx, req, c, i, categories);
  const overall = explainOverall(ctx, req, c, i, categories);
  const dials = explainDials(ctx, c, i);
  return {
    ...areaFacts(ctx, req, c, i),
    overall, categories, spheres, dials,
    attentionCount: categories.filter((x) => isAttention(x.percentile)).length,
    convention: CONVENTION,
  };
}
