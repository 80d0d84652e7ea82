/**
 * Node CLI over the same scoring module the worker uses:
 *   npm run scores -- --dataset <id> --level <level> [--frame <frame>] --out <file.csv> [--data <dir>]
 * Writes one CSV row per area. Convention: higher = more vulnerable / less
 * safe (z = weighted robust z in the frame, pct = percentile 0–100 with 100 =
 * most vulnerable). See docs/scoring.md for the columns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LEVELS, decodeLevelTable, type DatasetCatalog, type Level, type LevelTable } from '../src/model/dataset-format.ts';
import { ScoringEngine } from '../src/model/scoring-engine.ts';
import { ScoreAreaFlag, scoreStatusLabel, type FrameId, type ScoreResult, type ScoreStatusCode } from '../src/model/scoring-types.ts';
import { coverageReport, formatCoverageReport } from '../src/model/coverage-report.ts';
import { toCsv } from '../src/model/formats/csv-write.ts';

export interface LoadedDataset {
  catalog: DatasetCatalog;
  tables: Partial<Record<Level, LevelTable>>;
  /** Milliseconds spent reading and decoding. */
  loadMs: number;
}

/** Read datasets.json and the level tables of one dataset from disk. */
export function loadDatasetFromDisk(catalogPath: string, datasetId: string, levels?: Level[]): LoadedDataset {
  const t0 = performance.now();
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as DatasetCatalog;
  const entry = catalog.datasets.find((d) => d.id === datasetId);
  if (!entry) throw new Error(`dataset ${datasetId} niet gevonden; beschikbaar: ${catalog.datasets.map((d) => d.id).join(', ')}`);
  const tables: Partial<Record<Level, LevelTable>> = {};
  for (const level of levels ?? entry.levels) {
    const file = entry.files.tables[level];
    if (!file) continue;
    const bytes = readFileSync(join(dirname(catalogPath), file));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    tables[level] = decodeLevelTable(buffer, file);
  }
  return { catalog, tables, loadMs: performance.now() - t0 };
}

/** Numbers to three decimals; text goes through the app's one formula-guarded CSV writer. */
const rounded = (v: string | number | null): string | number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v);

/** EB reliability below this marks the crime rate "onzeker" (domain model §5.3). */
const UNCERTAIN_C = 0.5;

export function scoresToCsv(result: ScoreResult, table: LevelTable, crimeReliability: Float32Array | null = null): string {
  const n = result.areaCount;
  const header = ['code', 'naam', 'gemeente', 'inwoners', 'betrouwbaarheid', 'misdrijven_betrouwbaarheid_C'];
  for (const t of result.targets) {
    header.push(`${t.id}_z`, `${t.id}_percentiel`, `${t.id}_status`);
    if (t.kind !== 'sphere') header.push(`${t.id}_dekking`);
  }
  const inwIdx = table.indicators.findIndex((m) => (m.series ?? m.id) === 'inwoners');
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const f = result.areaFlags[i];
    const rel = f & ScoreAreaFlag.noScore ? 'geen score (< 50 inwoners)' : [
      f & ScoreAreaFlag.indicatief ? 'indicatief (< 200 inwoners)' : '',
      f & ScoreAreaFlag.exposure ? 'niet-woonbuurt / bezoekersgebied' : '',
      crimeReliability && crimeReliability[i] < UNCERTAIN_C ? 'misdrijfcijfer onzeker (C < 0,5)' : '',
    ].filter(Boolean).join('; ') || 'normaal';
    const c = crimeReliability ? crimeReliability[i] : NaN;
    const row: (string | number | null)[] = [table.codes[i], table.names[i], table.gemeenteCodes[i] ?? '', inwIdx >= 0 ? table.values[inwIdx][i] : null, rel, Number.isFinite(c) ? c : null];
    result.targets.forEach((t, k) => {
      const p = k * n + i;
      row.push(result.z[p], result.percentile[p], scoreStatusLabel[result.status[p] as ScoreStatusCode]);
      if (t.kind !== 'sphere') row.push(result.coverage[p]);
    });
    rows.push(row.map(rounded));
  }
  return toCsv(header, rows, { separator: ',', lineEnd: '\n' });
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      out[k] = v ?? argv[++i] ?? '';
    }
  }
  return out;
}

export function main(argv = process.argv.slice(2)): void {
  const args = parseArgs(argv);
  const catalogPath = resolve(args.data ?? 'public/data', 'datasets.json');
  const level = (args.level ?? 'buurt') as Level;
  const frame = (args.frame ?? 'dataset') as FrameId;
  if (!LEVELS.includes(level)) throw new Error(`--level moet een van ${LEVELS.join(', ')} zijn`);
  if (!['dataset', 'gemeente', 'stedelijkheid'].includes(frame)) throw new Error('--frame moet dataset, gemeente of stedelijkheid zijn');
  const catalogDefault = (JSON.parse(readFileSync(catalogPath, 'utf8')) as DatasetCatalog).defaultDataset;
  const datasetId = args.dataset ?? catalogDefault;
  const loaded = loadDatasetFromDisk(catalogPath, datasetId);
  if (!loaded.tables[level]) throw new Error(`dataset ${datasetId} heeft geen niveau ${level}`);
  const engine = new ScoringEngine(loaded.tables);
  const t0 = performance.now();
  const result = engine.score({ level, frame });
  const ms = performance.now() - t0;
  console.log(`# ${datasetId} ${level}, kader ${frame}: ${result.areaCount} gebieden gescoord in ${ms.toFixed(0)} ms (laden ${loaded.loadMs.toFixed(0)} ms)`);
  console.log('# Conventie: hoger = kwetsbaarder / minder veilig; percentiel 100 = meest kwetsbaar binnen het kader.');
  for (const note of result.notes) console.log(`# ${note}`);
  if (args.out) {
    writeFileSync(args.out, scoresToCsv(result, engine.table(level), engine.factorReliability({ level, frame }, 'S4.0')));
    console.log(`# geschreven: ${args.out}`);
  }
  for (const l of engine.levels()) console.log(formatCoverageReport(coverageReport(engine, l)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
