/**
 * Checks an .xlsx before the spreadsheet library sees it. read-excel-file
 * allocates every row and column up to the last cell it meets (one cell at
 * XFD1048576 is 17 billion slots: the tab dies) and its chunked XML reader
 * recurses once per chunk, so megabytes of whitespace overflow the stack
 * after a minute (see tests/fuzz/regressions.test.ts). This guard reads the
 * zip directory and the sheet XML with fflate and refuses, in Dutch and
 * naming the cell or part, anything past IMPORT_LIMITS; long whitespace runs
 * are folded to one space (no cell value of a table needs 256 spaces).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { IMPORT_LIMITS } from './types.ts';
import { columnNumber, percentCells, type PercentCells } from './xlsx-percent.ts';

export class XlsxGuardError extends Error {}

const nl = (n: number) => n.toLocaleString('nl-NL');
const LONG_RUN = 256;

const isXmlSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Runs of LONG_RUN or more whitespace characters become one space (a plain loop: regexes over such runs are slow). */
export function foldLongWhitespace(xml: string): string {
  const parts: string[] = [];
  let kept = 0;
  for (let i = 0; i < xml.length; ) {
    if (!isXmlSpace(xml.charCodeAt(i))) { i++; continue; }
    let end = i;
    while (end < xml.length && isXmlSpace(xml.charCodeAt(end))) end++;
    if (end - i >= LONG_RUN) {
      parts.push(xml.slice(kept, i), ' ');
      kept = end;
    }
    i = end;
  }
  if (parts.length === 0) return xml;
  parts.push(xml.slice(kept));
  return parts.join('');
}

function unpack(bytes: Uint8Array, fileName: string): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(entry) {
        total += entry.originalSize;
        if (total > IMPORT_LIMITS.maxUnpackedBytes) {
          throw new XlsxGuardError(`${fileName}: het Excel-bestand is uitgepakt groter dan ${IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024} MB (bij onderdeel ${entry.name}). Sla alleen het werkblad met de tabel op, of exporteer als CSV.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxGuardError) throw error;
    // fflate's own words are English; the user needs to know the file is damaged or cut off.
    throw new XlsxGuardError(`${fileName}: het Excel-bestand is beschadigd of onvolledig (geen geldig zip-bestand). Sla het opnieuw op als .xlsx of als CSV.`);
  }
}

/** The furthest cell a sheet names, refused when past the row or column limit. */
function checkSheetExtent(xml: string, part: string, fileName: string): void {
  const cell = /<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    const col = columnNumber(m[1]);
    const row = Number(m[2]);
    if (col > IMPORT_LIMITS.maxFileColumns || row > IMPORT_LIMITS.maxFileRows) {
      throw new XlsxGuardError(`${fileName}: cel ${m[1]}${m[2]} in ${part} ligt buiten wat de import leest (maximaal ${nl(IMPORT_LIMITS.maxFileRows)} rijen en ${nl(IMPORT_LIMITS.maxFileColumns)} kolommen). Verwijder lege of verre cellen, of kopieer alleen de tabel naar een nieuw werkblad.`);
    }
  }
  const row = /<row\b[^>]*?\br="(\d{1,10})"/g;
  for (let m = row.exec(xml); m; m = row.exec(xml)) {
    if (Number(m[1]) > IMPORT_LIMITS.maxFileRows) {
      throw new XlsxGuardError(`${fileName}: rij ${m[1]} in ${part} ligt voorbij de grens van ${nl(IMPORT_LIMITS.maxFileRows)} rijen.`);
    }
  }
}

/**
 * The buffer to hand to the spreadsheet library: the same bytes, or a
 * re-packed copy with whitespace runs folded; and, from the parts unzipped
 * here anyway, the cells shown as a percentage. Throws XlsxGuardError.
 */
export function guardXlsx(buffer: ArrayBuffer, fileName: string): { buffer: ArrayBuffer; percentCells: PercentCells } {
  const files = unpack(new Uint8Array(buffer), fileName);
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!isSheet && !/^xl\/sharedStrings\.xml$/i.test(name)) continue;
    const xml = strFromU8(data);
    if (isSheet) checkSheetExtent(xml, `werkblad ${name.replace(/^.*\//, '')}`, fileName);
    const folded = foldLongWhitespace(xml);
    if (folded.length !== xml.length) {
      files[name] = strToU8(folded);
      changed = true;
    }
  }
  const percent = percentCells(files);
  if (!changed) return { buffer, percentCells: percent };
  const packed = zipSync(files, { level: 0 });
  return { buffer: packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength) as ArrayBuffer, percentCells: percent };
}
