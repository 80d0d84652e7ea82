/**
 * Node CLI over the same scoring module the worker uses:
 *   npm run scores -- --dataset <id> --level <level> [--frame <frame>] [--out <file.csv>] [--top 15] [--rang-bezoekersgebieden] [--data <dir>]
 * Writes one CSV row per area. Convention: higher = more vulnerable / less
 * safe (z = weighted robust z in the frame, pct = percentile 0–100 with 100 =
 * most vulnerable). See docs/scoring.md for the columns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LEVELS, type DatasetCatalog, type Level, type LevelTable } from '../src/model/dataset-format.ts';
import { loadDataset } from '../src/data/load-dataset.ts';
import { fileSource } from '../src/data/file-source.ts';
import { ScoringEngine } from '../src/model/scoring-engine.ts';
import { ScoreAreaFlag, ScoreStatus, scoreStatusLabel, type FrameId, type ScoreResult, type ScoreStatusCode } from '../src/model/scoring-types.ts';
import { coverageReport, formatCoverageReport } from '../src/model/coverage-report.ts';
import { toCsv } from '../src/model/formats/csv-write.ts';
import { areaNoteText } from '../src/model/area-note.ts';

export interface LoadedDataset {
  catalog: DatasetCatalog;
  tables: Partial<Record<Level, LevelTable>>;
  /** Milliseconds spent reading and decoding. */
  loadMs: number;
}

/** Read datasets.json and the level tables of one dataset from disk, through the app's own loader (src/data/load-dataset.ts). */
export async function loadDatasetFromDisk(catalogPath: string, datasetId: string, levels?: Level[]): Promise<LoadedDataset> {
  const t0 = performance.now();
  const { catalog, tables } = await loadDataset(fileSource(dirname(catalogPath)), datasetId, levels);
  return { catalog, tables, loadMs: performance.now() - t0 };
}

/** Numbers to three decimals; text goes through the app's one formula-guarded CSV writer. */
const rounded = (v: string | number | null): string | number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v);

/** EB reliability below this marks the crime rate "onzeker" (docs/scoring.md, step 5). */
const UNCERTAIN_C = 0.5;

/** Both crime rates per area: per 1,000 inwoners (raw and shrunk) and per hectare land (the exposure rate). */
export interface CrimeRates {
  perInwoner: Float64Array | null;
  perInwonerGekrompen: Float64Array | null;
  perHectare: Float64Array | null;
}

export function crimeRatesOf(engine: ScoringEngine, level: Level, frame: FrameId): CrimeRates {
  const inw = engine.factorValues({ level, frame }, 'S4.0');
  const ha = engine.factorValues({ level, frame }, 'S4.7');
  return { perInwoner: inw?.raw ?? null, perInwonerGekrompen: inw?.used ?? null, perHectare: ha?.raw ?? null };
}

/** Reliability words per area: small areas, visitor areas, incomplete crime, uncertain crime rate. */
export function reliabilityText(flags: number, c: number, crimeCounted?: number): string {
  if (flags & ScoreAreaFlag.noScore) return 'geen score (< 50 inwoners)';
  return [
    flags & ScoreAreaFlag.indicatief ? 'indicatief (< 200 inwoners)' : '',
    areaNoteText(flags, crimeCounted),
    c < UNCERTAIN_C ? 'misdrijfcijfer onzeker (C < 0,5)' : '',
  ].filter(Boolean).join('; ') || 'normaal';
}

export function scoresToCsv(result: ScoreResult, table: LevelTable, crimeReliability: Float32Array | null = null, rates: CrimeRates | null = null): string {
  const n = result.areaCount;
  const header = ['code', 'naam', 'gemeente', 'inwoners', 'betrouwbaarheid', 'misdrijven_betrouwbaarheid_C',
    'misdrijven_per_1000_inwoners', 'misdrijven_per_1000_inwoners_gekrompen', 'misdrijven_per_ha'];
  for (const t of result.targets) {
    header.push(`${t.id}_z`, `${t.id}_percentiel`, `${t.id}_status`);
    if (t.kind !== 'sphere') header.push(`${t.id}_dekking`);
  }
  const inwIdx = table.indicators.findIndex((m) => (m.series ?? m.id) === 'inwoners');
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const c = crimeReliability ? crimeReliability[i] : NaN;
    const rel = reliabilityText(result.areaFlags[i], c, result.crimeCounted?.[i]);
    const rate = (a: Float64Array | null | undefined) => (a && Number.isFinite(a[i]) ? a[i] : null);
    const row: (string | number | null)[] = [table.codes[i], table.names[i], table.gemeenteCodes[i] ?? '', inwIdx >= 0 ? table.values[inwIdx][i] : null, rel, Number.isFinite(c) ? c : null,
      rate(rates?.perInwoner), rate(rates?.perInwonerGekrompen), rate(rates?.perHectare)];
    result.targets.forEach((t, k) => {
      const p = k * n + i;
      row.push(result.z[p], result.percentile[p], scoreStatusLabel[result.status[p] as ScoreStatusCode]);
      if (t.kind !== 'sphere') row.push(result.coverage[p]);
    });
    rows.push(row.map(rounded));
  }
  return toCsv(header, rows, { separator: ',', lineEnd: '\n' });
}

/** Headlines for --top: the overall score, the two dials and registered crime. */
export const TOP_HEADLINES = ['overall', 'objectief', 'beleving', 'S4'] as const;

/**
 * The k highest and k lowest scored areas per headline, with their flags:
 * the face-validity check of docs/scoring.md. Areas without a score
 * (visitor areas by default, too few inwoners, witte vlek) are not listed.
 */
export function topLists(result: ScoreResult, table: LevelTable, k: number, gemeenteName: (code: string) => string, crimeReliability: Float32Array | null = null): string {
  const n = result.areaCount;
  const inwIdx = table.indicators.findIndex((m) => (m.series ?? m.id) === 'inwoners');
  const out: string[] = [];
  for (const id of TOP_HEADLINES) {
    const t = result.targets.findIndex((x) => x.id === id);
    if (t < 0) continue;
    const scored: number[] = [];
    for (let i = 0; i < n; i++) if (result.status[t * n + i] <= ScoreStatus.beperkteDekking && Number.isFinite(result.z[t * n + i])) scored.push(i);
    // By z, ties by code, so the list is deterministic.
    scored.sort((a, b) => result.z[t * n + b] - result.z[t * n + a] || table.codes[a].localeCompare(table.codes[b]));
    const line = (i: number, rank: number) => {
      const p = t * n + i;
      const c = crimeReliability ? crimeReliability[i] : NaN;
      const inw = inwIdx >= 0 ? table.values[inwIdx][i] : NaN;
      const gm = table.level === 'gemeente' ? '' : ` (${gemeenteName(table.gemeenteCodes[i] ?? '')})`;
      const flags = reliabilityText(result.areaFlags[i], c, result.crimeCounted?.[i]);
      const limited = result.status[p] === ScoreStatus.beperkteDekking ? ', beperkte dekking' : '';
      return `${String(rank).padStart(3)}. ${table.codes[i]} ${table.names[i]}${gm} · P${result.percentile[p].toFixed(0)} z ${result.z[p].toFixed(2)} · ${Number.isFinite(inw) ? inw : '?'} inw. · dekking ${Math.round(result.coverage[p] * 100)} %${limited}${flags === 'normaal' ? '' : ` · ${flags}`}`;
    };
    out.push(`## ${result.targets[t].label} (${id}), ${table.level}: ${scored.length} gebieden met een score`);
    out.push(`Hoogste ${k} (meest kwetsbaar / minst veilig):`);
    scored.slice(0, k).forEach((i, r) => out.push(line(i, r + 1)));
    out.push(`Laagste ${k}:`);
    scored.slice(-k).reverse().forEach((i, r) => out.push(line(i, scored.length - r)));
    out.push('');
  }
  return out.join('\n');
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      // A flag without a value (--rang-bezoekersgebieden) does not swallow the next option.
      out[k] = v ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : '');
    }
  }
  return out;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  const catalogPath = resolve(args.data ?? 'public/data', 'datasets.json');
  const level = (args.level ?? 'buurt') as Level;
  const frame = (args.frame ?? 'dataset') as FrameId;
  if (!LEVELS.includes(level)) throw new Error(`--level moet een van ${LEVELS.join(', ')} zijn`);
  if (!['dataset', 'gemeente', 'stedelijkheid'].includes(frame)) throw new Error('--frame moet dataset, gemeente of stedelijkheid zijn');
  const catalogDefault = (JSON.parse(readFileSync(catalogPath, 'utf8')) as DatasetCatalog).defaultDataset;
  const datasetId = args.dataset ?? catalogDefault;
  const loaded = await loadDatasetFromDisk(catalogPath, datasetId);
  if (!loaded.tables[level]) throw new Error(`dataset ${datasetId} heeft geen niveau ${level}`);
  const engine = new ScoringEngine(loaded.tables);
  const t0 = performance.now();
  const rankVisitorAreas = 'rang-bezoekersgebieden' in args;
  const result = engine.score({ level, frame, rankVisitorAreas });
  const ms = performance.now() - t0;
  console.log(`# ${datasetId} ${level}, kader ${frame}: ${result.areaCount} gebieden gescoord in ${ms.toFixed(0)} ms (laden ${loaded.loadMs.toFixed(0)} ms)`);
  console.log('# Conventie: hoger = kwetsbaarder / minder veilig; percentiel 100 = meest kwetsbaar binnen het kader.');
  for (const note of result.notes) console.log(`# ${note}`);
  if (args.out) {
    writeFileSync(args.out, scoresToCsv(result, engine.table(level), engine.factorReliability({ level, frame }, 'S4.0'), crimeRatesOf(engine, level, frame)));
    console.log(`# geschreven: ${args.out}`);
  }
  if (args.top !== undefined) {
    const k = Number(args.top) || 15;
    const names = new Map<string, string>();
    const gm = loaded.tables.gemeente;
    if (gm) gm.codes.forEach((c, i) => names.set(c, gm.names[i]));
    console.log(topLists(result, engine.table(level), k, (c) => names.get(c) ?? c, engine.factorReliability({ level, frame }, 'S4.0')));
  }
  for (const l of engine.levels()) console.log(formatCoverageReport(coverageReport(engine, l)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
