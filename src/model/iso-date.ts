/**
 * Dates in files the user brings (workspace files, stored records): only
 * ISO 8601 on a day that exists. Date.parse alone lets "2026-13-45"-like
 * text or a bare "1" through in some engines. Pure.
 */

/** "2026-02-28" yes, "2026-13-45" and "2026-02-30" no. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO 8601 as the app writes it (date, optional time and zone), on a date that exists. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/.exec(value);
  return !!m && isCalendarDate(m[1]) && !Number.isNaN(Date.parse(value));
}

/**
 * The calendar day on the user's clock, "2026-03-01". Not toISOString's UTC
 * day: in the Netherlands that is still yesterday until 01:00 or 02:00.
 */
export function localDate(date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
