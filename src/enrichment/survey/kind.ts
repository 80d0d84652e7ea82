/** Survey figures (Veiligheidsmonitor, stadspeiling) per area, as an enrichment kind (src/enrichment/contract.ts). */
import { sizeAndCountLimits, type EnrichmentKind } from '../contract.ts';

/** Limits stated in the dialog and checked before parsing. */
export const SURVEY_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxRows: 100_000 } as const;

export const SURVEY: EnrichmentKind = {
  id: 'enquete',
  title: 'Veiligheidsbeleving: enquêtecijfers importeren',
  accept: '.csv,.txt,text/csv',
  maxFileBytes: SURVEY_LIMITS.maxFileBytes,
  limitsText: sizeAndCountLimits(SURVEY_LIMITS, 'rijen'),
  tooLargeAdvice: '',
  workspace: { field: 'surveys', sinceVersion: 5 },
};
