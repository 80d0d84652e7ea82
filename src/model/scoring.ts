/**
 * Public scoring API (pure; Node and worker). The UI talks to the worker
 * (`workers/scoring-api.ts`), the CLI and tests use these directly.
 */
export { ScoringEngine, coverageStatus, classOfPercentile, MIN_INWONERS_SCORE, MIN_INWONERS_FULL, COVERAGE_SCORE, COVERAGE_LIMITED } from './scoring-engine.ts';
export * from './scoring-types.ts';
export { summariseArea } from './summary.ts';
export { anchoredEstimate, fitBeta, weightedMeans, GESCHAT_LABEL, type AnchoredEstimate, type BetaFit } from './beleving.ts';
export { coverageReport, formatCoverageReport, type CoverageReport } from './coverage-report.ts';
export { sumToParent, parentCodes } from './aggregate.ts';
