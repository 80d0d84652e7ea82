/**
 * Why a value is missing. A missing value is never a number: the scoring
 * engine redistributes weight around it and the UI shows it as a witte vlek
 * with this reason, so the kernteam knows what would fill it.
 *
 * The numeric codes are stored in the level tables (one byte per area and
 * indicator); never renumber an existing code.
 */
export const MissingReason = {
  present: 0,
  /** Publisher suppressed the value (CBS -99997 "geheim"). */
  suppressed: 1,
  /** Source wrote empty for both 0 and "geheim" and cannot tell them apart. */
  zeroOrSuppressed: 2,
  /** Not published at this level (e.g. income below gemeente). */
  notPublishedAtLevel: 3,
  /** No longer published (CBS -99991). */
  discontinued: 4,
  /** Published in a later version (CBS -99995). */
  pending: 5,
  /** The area has no row in the source after joining on code. */
  notJoined: 6,
  /** Same code, different area: the indeling changed (population check failed). */
  boundaryChanged: 7,
  /** Sum over the level below is incomplete (a child area lacks the value). */
  incomplete: 8,
  /** Plain missing in the source (".", empty, null, -99999999) without a subtype. */
  unknown: 9,
  /** The gemeente's buurt counts add up to far less than its registered total (set by the engine, never stored). */
  registrationIncomplete: 10,
} as const;

export type MissingReasonCode = (typeof MissingReason)[keyof typeof MissingReason];

export const missingReasonLabel: Record<MissingReasonCode, string> = {
  0: 'aanwezig',
  1: 'geheim (afgeschermd door de bron)',
  2: '0 of geheim (bron maakt geen onderscheid)',
  3: 'niet gepubliceerd op dit niveau',
  4: 'niet meer gepubliceerd',
  5: 'volgt in een latere versie',
  6: 'niet gekoppeld (geen rij in de bron)',
  7: 'grens gewijzigd (andere indeling)',
  8: 'onvolledig (niet alle onderliggende gebieden hebben een waarde)',
  9: 'ontbreekt in de bron',
  10: 'registratie onvolledig: de buurtcijfers van deze gemeente tellen op tot minder dan 90 % van haar totaal',
};

/**
 * CBS sentinels and the reason each stands for. -99999999 appears in older
 * shapefiles without further meaning.
 */
export const cbsSentinels: ReadonlyMap<number, MissingReasonCode> = new Map<number, MissingReasonCode>([
  [-99997, MissingReason.suppressed],
  [-99995, MissingReason.pending],
  [-99991, MissingReason.discontinued],
  [-99999999, MissingReason.unknown],
  [-99999997, MissingReason.suppressed],
]);

export type ParsedCell = { value: number; reason: 0 } | { value: null; reason: Exclude<MissingReasonCode, 0> };

/**
 * Parse one cell of an official CBS/StatLine/Politie export. Accepts padded
 * text, decimal comma or point, "." and empty for missing, and the sentinels.
 * Returns null for text that is not a number, so callers can report where.
 */
export function parseCbsNumber(raw: string | number | null | undefined, emptyMeans: Exclude<MissingReasonCode, 0> = MissingReason.unknown): ParsedCell | null {
  if (raw === null || raw === undefined) return { value: null, reason: emptyMeans };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { value: null, reason: MissingReason.unknown };
    const sentinel = cbsSentinels.get(raw);
    return sentinel !== undefined ? { value: null, reason: sentinel as Exclude<MissingReasonCode, 0> } : { value: raw, reason: 0 };
  }
  const text = raw.trim();
  if (text === '' ) return { value: null, reason: emptyMeans };
  if (text === '.' || text === '-' || text === 'x' || text === '?') return { value: null, reason: MissingReason.unknown };
  // Decimal comma: "1.234,5" (thousands point) or "12,5". A lone point is decimal.
  let normalised = text;
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(text)) normalised = text.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  const sentinel = cbsSentinels.get(value);
  if (sentinel !== undefined) return { value: null, reason: sentinel as Exclude<MissingReasonCode, 0> };
  return { value, reason: 0 };
}
