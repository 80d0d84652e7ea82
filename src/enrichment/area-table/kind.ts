/** Area tables (CSV, XLSX) with figures per buurt, wijk or gemeente, as an enrichment kind (src/enrichment/contract.ts). */
import type { EnrichmentKind } from '../contract.ts';
import { IMPORT_LIMITS, IMPORT_LIMITS_TEXT } from './types.ts';

export const AREA_TABLE: EnrichmentKind = {
  id: 'gebiedstabel',
  title: 'Gegevens importeren',
  accept: '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  maxFileBytes: IMPORT_LIMITS.maxFileBytes,
  limitsText: IMPORT_LIMITS_TEXT,
  tooLargeAdvice: 'Exporteer alleen de kolommen die u nodig hebt.',
  workspace: { field: 'imports', sinceVersion: 4 },
};
