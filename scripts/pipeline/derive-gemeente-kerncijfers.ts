/**
 * One-off derivation (not part of `npm run data`): flattens the gemeente
 * records of the woonikveilig site (`gemeente/GM####.json`, 14.6 MB, mostly
 * buurt detail we already have in the buurt CSV) into the small
 * `data/woonikveilig-2024/gemeente_2024_kerncijfers.csv`.
 *
 *   npx tsx scripts/pipeline/derive-gemeente-kerncijfers.ts <folder with gemeente/*.json> [out.csv]
 *
 * Values are copied as they are; null becomes an empty cell (the site already
 * turned 0 and "geheim" into null). Rows are sorted by code for a stable file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvValue } from '../../src/model/formats/csv-write.ts';

const DEMOGRAFIE = [
  'inwoners', 'inwoners0tot15', 'inwoners65plus', 'huishoudens', 'huishoudensgrootte', 'dichtheid',
  'wozWaarde', 'koopwoningen', 'eengezinswoning', 'inkomenPerInwoner', 'stedelijkheid', 'adressendichtheid',
  'oppervlakteLandHa', 'afstandHuisarts', 'afstandSupermarkt', 'afstandSchool', 'scholenBinnen3km',
] as const;
const CRIME_YEARS = ['2021', '2022', '2023', '2024', '2025'];
const HEALTH_YEARS = ['2012', '2016', '2020', '2022', '2024'];

interface GemeenteRecord {
  code: string;
  name: string;
  provincie: { code: string; name: string };
  demografie: Record<string, number | null>;
  veiligheid?: { trend?: Record<string, number | null> } | null;
  gezondheid?: { trend?: Record<string, number | null> } | null;
}

function cell(value: unknown, file: string, column: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${file}: ${column} verwacht een getal of null, gevonden ${JSON.stringify(value)}`);
  return String(value);
}


const [folder, out = 'data/woonikveilig-2024/gemeente_2024_kerncijfers.csv'] = process.argv.slice(2);
if (!folder) {
  console.error('Gebruik: tsx scripts/pipeline/derive-gemeente-kerncijfers.ts <map met gemeente/GM####.json> [uit.csv]');
  process.exit(2);
}
const dir = join(folder, 'gemeente');
const files = readdirSync(dir).filter((f) => /^GM\d{4}\.json$/.test(f)).sort();
const header = ['GM_CODE', 'GM_NAAM', 'PV_CODE', 'PV_NAAM', ...DEMOGRAFIE,
  ...CRIME_YEARS.map((y) => `misdrijven_${y}`), ...HEALTH_YEARS.map((y) => `goedErvarenGezondheid_${y}`)];
const rows: CsvValue[][] = [];
for (const f of files) {
  const rec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GemeenteRecord;
  if (`${rec.code}.json` !== f) throw new Error(`${f}: code ${rec.code} past niet bij de bestandsnaam`);
  rows.push([
    rec.code, rec.name, rec.provincie.code, rec.provincie.name,
    ...DEMOGRAFIE.map((k) => cell(rec.demografie[k], f, `demografie.${k}`)),
    ...CRIME_YEARS.map((y) => cell(rec.veiligheid?.trend?.[y], f, `veiligheid.trend.${y}`)),
    ...HEALTH_YEARS.map((y) => cell(rec.gezondheid?.trend?.[y], f, `gezondheid.trend.${y}`)),
  ]);
}
writeFileSync(out, toCsv(header, rows, { separator: ',', lineEnd: '\n' }));
console.log(`${files.length} gemeenten → ${out}`);
