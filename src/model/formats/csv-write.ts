/**
 * The one CSV writer of the app and its scripts. Every export (score table,
 * interventiematrix, scores CLI, derived pipeline sources) goes through
 * `csvCell`, so a name or note that starts like a spreadsheet formula
 * (`=`, `+`, `-`, `@`, tab, CR) opens as text and never runs (OWASP "CSV
 * injection"). Plain numbers such as "-1,5" stay numbers. Pure.
 */

export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** `;` for Dutch Excel (the comma is the decimal sign there), `,` for tools. */
  separator: ';' | ',' | '\t';
  /** Decimal sign for number cells. */
  decimal?: '.' | ',';
  /** Byte order mark so Excel opens UTF-8 accents correctly. */
  bom?: boolean;
  lineEnd?: '\r\n' | '\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

/** True when a spreadsheet would treat this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** One cell: numbers as written, text guarded and quoted when it holds the separator, a quote or a line end. */
export function csvCell(value: CsvValue, separator: CsvOptions['separator'] = ';', decimal: '.' | ',' = '.'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return decimal === ',' ? text.replace('.', ',') : text;
  }
  let v = looksLikeFormula(value) ? `'${value}` : value;
  // `;` is always quoted too, so a file read with the other separator still splits right.
  if (v.includes(separator) || /[;"\r\n]/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvLine(cells: readonly CsvValue[], options: CsvOptions): string {
  return cells.map((c) => csvCell(c, options.separator, options.decimal)).join(options.separator);
}

/**
 * A whole document. `preamble` lines (a "# Bron: …" note) are written as one
 * guarded cell each, before the header.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions & { preamble?: string[] }): string {
  const lines: string[] = (options.preamble ?? []).map((p) => csvCell(p, options.separator));
  lines.push(csvLine(header, options));
  for (const r of rows) lines.push(csvLine(r, options));
  const end = options.lineEnd ?? '\r\n';
  return (options.bom ? '\uFEFF' : '') + lines.join(end) + end;
}
