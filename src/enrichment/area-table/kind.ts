/** Area tables (CSV, XLSX) with figures per buurt, wijk or gemeente, as an enrichment kind (src/enrichment/contract.ts). */
import type { EnrichmentKind } from '../contract.ts';
import { IMPORT_LIMITS } from './types.ts';

// Here, not in ./types.ts: that module is on the start path (src/state/early-start.ts
// reads its denominators), and the first toLocaleString loads the locale data,
// 90 ms of main thread before the scoring worker could start.
const nlInt = (n: number) => n.toLocaleString('nl-NL');

export const AREA_TABLE: EnrichmentKind = {
  id: 'gebiedstabel',
  title: 'Gegevens importeren',
  accept: '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  maxFileBytes: IMPORT_LIMITS.maxFileBytes,
  limitsText:
    `Maximaal ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB, ${nlInt(IMPORT_LIMITS.maxFileRows)} rijen en ${nlInt(IMPORT_LIMITS.maxFileColumns)} kolommen per bestand; ` +
    `een Excel-bestand mag uitgepakt hoogstens ${IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024} MB zijn.`,
  tooLargeAdvice: 'Exporteer alleen de kolommen die u nodig hebt.',
  workspace: { field: 'imports', sinceVersion: 4 },
};
