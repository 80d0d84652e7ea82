/**
 * Entry point for the kompas model definition (plain, validated data).
 * The definition lives in `kompas/`: types, series registry, definition, validator.
 */
export { KOMPAS_MODEL } from './kompas/definition.ts';
export { validateModel, MIN_NATIONAL_WEIGHT } from './kompas/validate.ts';
export { SERIES, seriesById, HERKOMST_PATTERN, type SeriesInfo, type SeriesOrigin } from './kompas/series.ts';
export * from './kompas/types.ts';
