/**
 * Step 1 of scoring, per level: factor inputs (src/model/factor-inputs.ts)
 * plus the area checks every frame shares — the crime registration check,
 * crime summed over too few inwoners, too few inwoners, and visitor areas.
 * Built once per level (and per shown year); pure.
 */
import type { LevelTable } from './dataset-format.ts';
import { MissingReason, type MissingReasonCode } from './missing.ts';
import type { FactorDef } from './kompas/types.ts';
import { coverageStatus, coverageUsable, CRIME_COVERAGE_MIN } from './coverage-bands.ts';
import { resolveFactor, seriesIndexOf, type FactorInput, type SeriesIndex } from './factor-inputs.ts';
import { ScoreAreaFlag, ScoreStatus, type FrameId, type ScoreTarget } from './scoring-types.ts';
import type { FrameState } from './scoring-frame-state.ts';

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

/** Buffers reused by every percentile pass and target of a level (a re-weight allocates no column-sized temporaries). */
export interface LevelScratch {
  sort: Uint32Array;
  flags: Uint8Array;
  /** Per area, the weighted z a target sums (scoring-aggregate.ts). */
  weightedSum: Float64Array;
  /** Per area, whether a sphere's or the overall score's members have any data there. */
  anyData: Uint8Array;
  /** The areas whose z a recomputed target changed (scoring-aggregate.ts, TargetWriter). */
  changedAreas: Uint32Array;
}

export interface LevelState {
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
  scratch: LevelScratch;
  /** The score targets with their years and count series at this level (ScoringEngine.targetsWithYears). */
  targetsWithYears?: ScoreTarget[];
}

/** A factor computed from registered crime counts (misdrijven_*), the inputs the crime checks act on. */
export function readsCrimeCounts(input: FactorInput | null): input is FactorInput {
  return !!input && input.option.kind === 'rate' && input.option.series.startsWith('misdrijven_');
}

/** Leave one area's value of a factor out, with the reason the drill-down shows. */
function dropValue(input: FactorInput, i: number, reason: MissingReasonCode): void {
  input.value[i] = NaN;
  input.reason[i] = reason;
  if (input.y) input.y[i] = NaN;
  if (input.n) input.n[i] = NaN;
}

/** A copy of the first column of a series, or NaN everywhere when the table lacks it. */
function columnOf(table: LevelTable, idx: SeriesIndex, series: string): Float64Array {
  const out = new Float64Array(table.codes.length).fill(NaN);
  const col = idx.get(series)?.[0];
  if (col) out.set(table.values[col.index]);
  return out;
}

/**
 * Crime input check (pipeline column misdrijven_dekking): where a gemeente's
 * buurt counts miss much of its total, crime is unknown here. Returns the
 * share per area (NaN = unknown).
 */
function checkCrimeRegistration(table: LevelTable, idx: SeriesIndex, inputs: (FactorInput | null)[], areaFlags: Uint8Array): Float64Array {
  const n = table.codes.length;
  const crimeCoverage = new Float64Array(n).fill(NaN);
  const dek = idx.get('misdrijven_dekking')?.[0];
  if (!dek) return crimeCoverage;
  const v = table.values[dek.index];
  for (let i = 0; i < n; i++) crimeCoverage[i] = v[i];
  inputs.forEach((input) => {
    if (!readsCrimeCounts(input)) return;
    for (let i = 0; i < n; i++) if (v[i] < CRIME_COVERAGE_MIN) dropValue(input, i, MissingReason.registrationIncomplete);
  });
  for (let i = 0; i < n; i++) if (v[i] < CRIME_COVERAGE_MIN) areaFlags[i] |= ScoreAreaFlag.crimeIncomplete;
  return crimeCoverage;
}

/**
 * Crime summed over the level below (aggregate.ts): the share of inwoners it
 * rests on takes the coverage bands, like a category's weight share.
 */
function checkCrimeCounted(table: LevelTable, idx: SeriesIndex, inputs: (FactorInput | null)[], areaFlags: Uint8Array) {
  const n = table.codes.length;
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
  return { crimeCounted, limitedCoverage };
}

/** Median crime rate of the areas with ≥ 200 inwoners: the yardstick of a visitor area. */
function crimeMedianOf(crime: FactorInput | null, inwoners: Float64Array): number {
  if (!crime) return NaN;
  const xs: number[] = [];
  for (let i = 0; i < inwoners.length; i++) if (inwoners[i] >= MIN_INWONERS_FULL && Number.isFinite(crime.value[i])) xs.push(crime.value[i]);
  xs.sort((a, b) => a - b);
  if (!xs.length) return NaN;
  return xs.length % 2 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
}

interface ExposureInputs {
  table: LevelTable; inwoners: Float64Array; crime: FactorInput | null; crimeMedian: number;
  adressen: Float64Array; bevolking: Float64Array; bedrijven: FactorInput | null;
}

/** Why area i is a work or visitor area rather than a residential one; null when it is residential. */
function exposureReasonOf(x: ExposureInputs, i: number): string | null {
  const p = x.inwoners[i];
  if (x.crime && x.crimeMedian > 0 && x.crime.value[i] >= EXPOSURE_CRIME_FACTOR * x.crimeMedian) {
    return `geregistreerde misdrijven per inwoner ${Math.round(x.crime.value[i] / x.crimeMedian)}× de mediaan: ook bij een gemiddeld risico voor bewoners komt hooguit een vijfde van de misdrijven op hun rekening; de rest treft bezoekers en werkenden`;
  }
  if (p < EXPOSURE_NAME_MAX_INWONERS && WORK_AREA_NAME.test(x.table.names[i] ?? '')) {
    return 'de naam wijst op een werk- of bezoekersgebied (bedrijven, industrie, kantoren, haven, sport) en er wonen minder dan 1.000 mensen';
  }
  if (p < MIN_INWONERS_FULL || !Number.isFinite(p)) {
    const a = x.adressen[i], b = x.bevolking[i];
    if (a >= 1000 && (!(b > 0) || a / b >= 1.5)) return 'weinig inwoners tussen veel adressen (bedrijven, voorzieningen)';
    if (x.bedrijven && x.bedrijven.optionIndex === 0 && x.bedrijven.value[i] > 1) return 'meer bedrijfsvestigingen dan woningen';
  }
  return null;
}

/** Too few inwoners (no score, indicatief), visitor areas, and the reference sample they leave. */
function flagAreas(x: ExposureInputs, areaFlags: Uint8Array) {
  const n = x.table.codes.length;
  const exposureReason: (string | null)[] = new Array(n).fill(null);
  const reference = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = x.inwoners[i];
    if (!(p >= MIN_INWONERS_SCORE)) areaFlags[i] |= ScoreAreaFlag.noScore;
    else if (p < MIN_INWONERS_FULL) areaFlags[i] |= ScoreAreaFlag.indicatief;
    const why = exposureReasonOf(x, i);
    if (why) { areaFlags[i] |= ScoreAreaFlag.exposure; exposureReason[i] = why; }
    reference[i] = p >= MIN_INWONERS_SCORE && !why ? 1 : 0;
  }
  return { exposureReason, reference };
}

/** The level state of a table; `factorIdx` finds the crime (S4.0) and business (F3.3) factors. */
export function buildLevelState(table: LevelTable, factors: readonly FactorDef[], factorIdx: ReadonlyMap<string, number>): LevelState {
  const idx = seriesIndexOf(table);
  const n = table.codes.length;
  const inputs = factors.map((f) => resolveFactor(table, idx, f));
  const inwoners = columnOf(table, idx, 'inwoners');
  const areaFlags = new Uint8Array(n);
  const crimeCoverage = checkCrimeRegistration(table, idx, inputs, areaFlags);
  const { crimeCounted, limitedCoverage } = checkCrimeCounted(table, idx, inputs, areaFlags);
  const crime = inputs[factorIdx.get('S4.0')!];
  const { exposureReason, reference } = flagAreas({
    table, inwoners, crime, crimeMedian: crimeMedianOf(crime, inwoners),
    adressen: columnOf(table, idx, 'adressendichtheid'), bevolking: columnOf(table, idx, 'bevolkingsdichtheid'),
    bedrijven: inputs[factorIdx.get('F3.3')!],
  }, areaFlags);
  const scratch = { sort: new Uint32Array(4 * n), flags: new Uint8Array(n), weightedSum: new Float64Array(n), anyData: new Uint8Array(n), changedAreas: new Uint32Array(n) };
  return { table, idx, factors, inputs, inwoners, areaFlags, exposureReason, crimeCoverage, crimeCounted, limitedCoverage, reference, frames: new Map(), missingReasons: new Map(), scratch };
}
