/**
 * Before workspace file version 5 a survey lived in localStorage, one entry
 * per dataset under this prefix; the start bundle looks for such entries
 * without loading the survey reader.
 */
export const LEGACY_SURVEY_PREFIX = 'wijkveiligheidskompas.enquete.';
