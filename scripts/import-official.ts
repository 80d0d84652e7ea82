/**
 * `npx tsx scripts/import-official.ts [opties] <bestand> …`
 *
 * Reads the official files a gemeente downloads (CBS wijk- en buurtkaart
 * GeoPackage or shapefile zip, Kerncijfers/StatLine CSV, RIVM 50090NED CSV,
 * Politie/CBS 47018NED/47022NED CSV) for one or more gemeenten and prints a
 * summary: areas per level, indicators, missing values per reason. With
 * `--out-id <id>` it also builds a dataset with the pipeline's buildDataset
 * and writes it (content-hashed file names, atomic catalog update) to
 * `public/data/` or `--out-dir`.
 *
 * Options:
 *   --gemeente GM0014        only this gemeente (repeat, or comma-separated)
 *   --jaar 2021              reference year when a file does not state one
 *   --indeling 2024          indeling (boundary year) of the codes
 *   --alle-kolommen          also read StatLine columns without a known series
 *   --dimensie Leeftijd=80200  choose a value of an extra StatLine dimension
 *   --gedeeltelijke-jaren    keep incomplete crime years (period in the metadata)
 *   --soort 0.0.0            only these SoortMisdrijf codes (repeat or comma-separated)
 *   --out-id <id> [--titel "…"] [--out-dir public/data]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LEVELS, type DatasetSource, type Level } from '../src/model/dataset-format.ts';
import { missingReasonLabel, type MissingReasonCode } from '../src/model/missing.ts';
import { buildDataset } from './pipeline/build-dataset.ts';
import { writeOutput } from './pipeline/output.ts';
import type { AreaFeature, DatasetInput, IndicatorColumn } from './pipeline/types.ts';
import { readOfficialFile, type OfficialReadOptions, type ReaderResult } from './readers/index.ts';

export interface CliArgs {
  files: string[];
  read: OfficialReadOptions;
  outId?: string;
  title?: string;
  outDir: string;
}

const USAGE = 'gebruik: npx tsx scripts/import-official.ts [--gemeente GM0014] [--jaar 2021] [--indeling 2024] [--alle-kolommen] [--dimensie Naam=waarde] [--gedeeltelijke-jaren] [--soort 0.0.0] [--out-id <id> [--titel "…"] [--out-dir public/data]] <bestand> …';

export function parseArgs(argv: string[]): CliArgs {
  const files: string[] = [];
  const read: OfficialReadOptions = {};
  const gemeenten: string[] = [];
  const soorten: string[] = [];
  const dimensions: Record<string, string> = {};
  let outId: string | undefined;
  let title: string | undefined;
  let outDir = 'public/data';
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} verwacht een waarde\n${USAGE}`);
    return v;
  };
  const year = (v: string, flag: string) => {
    if (!/^(19|20)\d{2}$/.test(v)) throw new Error(`${flag} verwacht een jaartal zoals 2024, gevonden "${v}"`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--gemeente': gemeenten.push(...value(i, a).split(',')); i++; break;
      case '--jaar': read.year = year(value(i, a), a); i++; break;
      case '--indeling': read.indelingYear = year(value(i, a), a); i++; break;
      case '--alle-kolommen': read.includeUnmapped = true; break;
      case '--gedeeltelijke-jaren': read.partialYears = 'emit'; break;
      case '--soort': soorten.push(...value(i, a).split(',')); i++; break;
      case '--dimensie': {
        const m = /^([^=]+)=(.+)$/.exec(value(i, a));
        if (!m) throw new Error(`--dimensie verwacht Naam=waarde, bijvoorbeeld Leeftijd=80200`);
        dimensions[m[1]] = m[2];
        i++;
        break;
      }
      case '--out-id': outId = value(i, a); i++; break;
      case '--titel': title = value(i, a); i++; break;
      case '--out-dir': outDir = value(i, a); i++; break;
      case '--help': case '-h': throw new Error(USAGE);
      default:
        if (a.startsWith('--')) throw new Error(`onbekende optie ${a}\n${USAGE}`);
        files.push(a);
    }
  }
  if (files.length === 0) throw new Error(`geen bestanden opgegeven\n${USAGE}`);
  if (outId !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(outId)) throw new Error(`--out-id "${outId}" is ongeldig: gebruik kleine letters, cijfers en -`);
  if (gemeenten.length) read.gemeenten = gemeenten;
  if (soorten.length) read.soorten = soorten;
  if (Object.keys(dimensions).length) read.dimensions = dimensions;
  return { files, read, outId, title, outDir };
}

export interface Merged {
  areas: Map<string, AreaFeature>;
  names: Map<string, string>;
  columns: IndicatorColumn[];
}

/** Merge reader results: areas by code (geometry and names from whichever file has them), columns must not clash. */
export function mergeResults(results: ReaderResult[]): Merged {
  const areas = new Map<string, AreaFeature>();
  const names = new Map<string, string>();
  const columns: IndicatorColumn[] = [];
  const seen = new Map<string, string>();
  for (const r of results) {
    for (const a of r.areas) {
      const prev = areas.get(a.code);
      if (!prev) areas.set(a.code, { ...a });
      else {
        if (!prev.geometry && a.geometry) { prev.geometry = a.geometry; prev.flags = a.flags; }
        if (!prev.name && a.name) prev.name = a.name;
      }
      if (a.name) names.set(a.code, names.get(a.code) || a.name);
    }
    for (const [code, name] of r.parentNames ?? []) if (!names.has(code)) names.set(code, name);
    for (const c of r.columns) {
      const key = `${c.level}/${c.meta.id}`;
      if (seen.has(key)) throw new Error(`indicator ${c.meta.id} (${c.level}) staat in twee bestanden: ${seen.get(key)} en ${r.file}; lees er één`);
      seen.set(key, r.file);
      columns.push(c);
    }
  }
  for (const a of areas.values()) if (!a.name && names.has(a.code)) a.name = names.get(a.code)!;
  return { areas, names, columns };
}

export function summary(results: ReaderResult[], merged: Merged): string[] {
  const lines: string[] = [];
  for (const r of results) for (const n of r.notes) lines.push(`  ${n}`);
  lines.push('', 'Gebieden per niveau:');
  for (const level of [...LEVELS].reverse()) {
    const list = [...merged.areas.values()].filter((a) => a.level === level);
    if (list.length) lines.push(`  ${level.padEnd(9)} ${String(list.length).padStart(6)}  (met geometrie: ${list.filter((a) => a.geometry).length})`);
  }
  lines.push('', 'Indicatoren (niveau, id: waarden, ontbrekend per reden):');
  const sorted = [...merged.columns].sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || (a.meta.id < b.meta.id ? -1 : 1));
  for (const c of sorted) {
    const missing = new Map<MissingReasonCode, number>();
    let present = 0;
    for (const v of c.values.values()) {
      if (v.value !== null) present++;
      else missing.set(v.reason, (missing.get(v.reason) ?? 0) + 1);
    }
    const miss = [...missing].sort(([a], [b]) => a - b).map(([r, n]) => `${n} ${missingReasonLabel[r]}`).join(', ');
    lines.push(`  ${c.level.padEnd(9)} ${c.meta.id.padEnd(34)} ${String(present).padStart(6)} met waarde${miss ? `; ${miss}` : ''}${c.meta.period ? ` [${c.meta.period}]` : ''}`);
  }
  return lines;
}

export function datasetInput(id: string, title: string | undefined, merged: Merged, indelingYear: number | undefined): DatasetInput {
  const all = [...merged.areas.values()];
  const buurten = all.filter((a) => a.level === 'buurt');
  if (!buurten.some((b) => b.geometry)) throw new Error('--out-id: geen buurtgeometrie gevonden; geef ook de GeoPackage of de shapefile-zip van de buurten mee');
  const wijkNames = new Map<string, string>();
  const gemeenteNames = new Map<string, string>();
  for (const b of buurten) {
    wijkNames.set(b.wijkCode, merged.names.get(b.wijkCode) ?? b.wijkCode);
    gemeenteNames.set(b.gemeenteCode, merged.names.get(b.gemeenteCode) ?? b.gemeenteCode);
  }
  const sources = new Map<string, DatasetSource>();
  for (const c of merged.columns) sources.set(c.meta.source, { publisher: c.meta.publisher, title: c.meta.source, licence: c.meta.licence });
  const years = merged.columns.map((c) => c.meta.indelingYear);
  const indeling = indelingYear ?? (years.length ? Math.max(...years) : new Date().getFullYear());
  const levels: Level[] = ['gemeente', 'wijk', 'buurt'];
  // Official wijk geometry (a wijken layer or wijk shapefile) replaces the dissolve of the buurten.
  const wijkGeometry = new Map(all.filter((a) => a.level === 'wijk' && a.geometry && wijkNames.has(a.code)).map((a) => [a.code, a.geometry!]));
  return {
    id,
    title: title ?? `Eigen import ${[...gemeenteNames.values()].join(', ')}`,
    description: 'Samengesteld uit officiële bestanden (CBS, Politie, RIVM) met scripts/import-official.ts.',
    indelingYear: indeling,
    levels,
    sources: [...sources.values()].sort((a, b) => (a.title < b.title ? -1 : 1)),
    caveats: [],
    buurten: buurten.sort((a, b) => (a.code < b.code ? -1 : 1)),
    wijkNames,
    gemeenteNames,
    columns: merged.columns.filter((c) => levels.includes(c.level)),
    ...(wijkGeometry.size ? { wijkGeometry } : {}),
  };
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const results: ReaderResult[] = [];
  for (const path of args.files) {
    if (!existsSync(path)) throw new Error(`bestand ${path} niet gevonden`);
    const bytes = new Uint8Array(readFileSync(path));
    results.push(await readOfficialFile(basename(path), bytes, args.read));
  }
  const merged = mergeResults(results);
  console.log(`Import van ${results.length} bestand(en)${args.read.gemeenten ? ` voor ${args.read.gemeenten.join(', ')}` : ''}:`);
  for (const line of summary(results, merged)) console.log(line);
  if (args.outId) {
    const input = datasetInput(args.outId, args.title, merged, args.read.indelingYear);
    const built = buildDataset(input, { log: (line) => console.log(`  ${line}`) });
    const outDir = resolve(args.outDir);
    let defaultDataset = args.outId;
    try {
      const existing = JSON.parse(readFileSync(resolve(outDir, 'datasets.json'), 'utf8')) as { defaultDataset?: string };
      if (existing.defaultDataset) defaultDataset = existing.defaultDataset;
    } catch { /* no catalog yet */ }
    const catalog = writeOutput([built], { outDir, defaultDataset });
    const entry = catalog.datasets.find((d) => d.id === args.outId)!;
    console.log(`\nDataset ${args.outId} geschreven naar ${outDir}: ${entry.files.tiles}, ${Object.values(entry.files.tables).join(', ')}`);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Fout: ${(error as Error).message}`);
    process.exit(1);
  });
}
