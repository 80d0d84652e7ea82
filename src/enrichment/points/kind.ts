/**
 * Point files (CSV with x/y or lat/lon, GeoJSON) counted per area, as an
 * enrichment kind (src/enrichment/contract.ts). The counts are kept as area
 * imports (src/enrichment/points/persist.ts), so they share the area
 * tables' workspace field. Apart from parse.ts, so the main thread knows the
 * limits without the parser and proj4.
 */
import { sizeAndCountLimits, type EnrichmentKind } from '../contract.ts';

/** Limits stated in the dialog before a file is read; the worker checks them again. */
export const POINT_LIMITS = { maxFileBytes: 50 * 1024 * 1024, maxRows: 1_000_000 } as const;

export const POINTS: EnrichmentKind = {
  id: 'punten',
  title: 'Punten importeren',
  accept: '.csv,.txt,.json,.geojson,text/csv,application/geo+json,application/json',
  maxFileBytes: POINT_LIMITS.maxFileBytes,
  limitsText: sizeAndCountLimits(POINT_LIMITS, 'punten per bestand'),
  tooLargeAdvice: 'Splits het bestand of laat kolommen weg.',
  workspace: { field: 'imports', sinceVersion: 4 },
};
