/**
 * Entry point of the official-format readers: detects the format of a file
 * from its bytes and hands it to the right reader.
 *
 * - `.gpkg` (SQLite header)       → readGeoPackage      (CBS wijk- en buurtkaart)
 * - `.zip` with a shapefile        → readShapefileZip    (older CBS wijk- en buurtkaart)
 * - CSV with a SoortMisdrijf column → readCrimeTable     (Politie/CBS 47018NED, 47022NED)
 * - other CSV                      → readStatLineCsv     (Kerncijfers, StatLine, RIVM)
 */
import { readCrimeTable, type CrimeTableOptions } from './politie-misdrijven.ts';
import { readGeoPackage } from './geopackage.ts';
import type { ReaderResult } from './result.ts';
import { readShapefileZip } from './shapefile-zip.ts';
import { readStatLineCsv, type StatLineCsvOptions } from './statline-csv.ts';

export type { ReaderResult } from './result.ts';
export { readGeoPackage } from './geopackage.ts';
export { readShapefileZip } from './shapefile-zip.ts';
export { readStatLineCsv } from './statline-csv.ts';
export { readCrimeTable } from './politie-misdrijven.ts';

export type OfficialFormat = ReaderResult['format'];

export interface OfficialReadOptions {
  gemeenten?: readonly string[];
  year?: number;
  indelingYear?: number;
  source?: string;
  includeUnmapped?: boolean;
  dimensions?: StatLineCsvOptions['dimensions'];
  partialYears?: CrimeTableOptions['partialYears'];
  soorten?: readonly string[];
}

const SQLITE = 'SQLite format 3\u0000';

/** Decode text as UTF-8, or as Windows-1252 when it is not valid UTF-8 (old Excel exports). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function detectFormat(bytes: Uint8Array): OfficialFormat {
  if (bytes.length >= 16 && String.fromCharCode(...bytes.subarray(0, 16)) === SQLITE) return 'geopackage';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'shapefile';
  const head = decodeText(bytes.subarray(0, 64 * 1024)).split(/\r\n|\n|\r/).slice(0, 30).join('\n');
  if (/(^|[";,\t])\s*(SoortMisdrijf|Soort misdrijf)\s*("|;|,|\t|$)/m.test(head)) return 'politie-misdrijven';
  return 'statline-csv';
}

export async function readOfficialFile(file: string, bytes: Uint8Array, options: OfficialReadOptions = {}): Promise<ReaderResult> {
  const common = { file, gemeenten: options.gemeenten, indelingYear: options.indelingYear };
  switch (detectFormat(bytes)) {
    case 'geopackage': return readGeoPackage(bytes, { ...common, year: options.year, source: options.source });
    case 'shapefile': return readShapefileZip(bytes, { ...common, year: options.year, source: options.source });
    case 'politie-misdrijven': return readCrimeTable(decodeText(bytes), { ...common, partialYears: options.partialYears, soorten: options.soorten });
    case 'statline-csv': return readStatLineCsv(decodeText(bytes), { ...common, year: options.year, source: options.source, includeUnmapped: options.includeUnmapped, dimensions: options.dimensions });
  }
}
