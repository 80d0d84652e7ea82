/**
 * RIVM Gezondheid per wijk en buurt (50090NED), 2020 (18+, 65+) and 2016
 * (18+), indeling 2020, joined on code. A column that is empty in every row of
 * a file (2016 lacks several measures) is not written for that year.
 */
import { join } from 'node:path';
import type { Level } from '../../../src/model/dataset-format.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import type { CellValue, IndicatorColumn } from '../types.ts';
import { column, InputError, meta, readCsv, seriesColumns, type ColumnSpec } from './common.ts';

export const RIVM_18 = seriesColumns({
  rivm_ervaren_gezondheid: 'ErvarenGezondheidGoedZeerGoed_4',
  rivm_angst_depressie: 'HoogRisicoOpAngstOfDepressie_25',
  rivm_stress: 'HeelVeelStressInAfgelopen4Weken_26',
  rivm_regie: 'MatigVeelRegieOverEigenLeven_27',
  rivm_eenzaam: 'Eenzaam_28',
  rivm_ernstig_eenzaam: 'ErnstigZeerErnstigEenzaam_29',
  rivm_emotioneel_eenzaam: 'EmotioneelEenzaam_30',
  rivm_sociaal_eenzaam: 'SociaalEenzaam_31',
  rivm_mantelzorger: 'Mantelzorger_32',
  rivm_vrijwilligerswerk: 'Vrijwilligerswerk_33',
  rivm_geluidhinder_buren: 'ErnstigeGeluidhinderDoorBuren_37',
  rivm_moeite_rondkomen: 'MoeiteMetRondkomen_38',
  rivm_langdurig_beperkt: 'LangdurigeZiekteEnBeperkt_19',
});
export const RIVM_65 = seriesColumns({
  rivm65_ernstig_eenzaam: 'ErnstigZeerErnstigEenzaam_29',
});

const LEVEL_OF: Record<string, Level> = { Buurt: 'buurt', Wijk: 'wijk', Gemeente: 'gemeente' };

interface RivmFile {
  name: string;
  year: number;
  age: string;
  ageLabel: string;
  specs: ColumnSpec[];
}

const FILES: RivmFile[] = [
  { name: 'RIVM_gezondheid2020_18plus.csv', year: 2020, age: '20300', ageLabel: '18+', specs: RIVM_18 },
  { name: 'RIVM_gezondheid2016_18plus.csv', year: 2016, age: '20300', ageLabel: '18+', specs: RIVM_18 },
  { name: 'RIVM_gezondheid2020_65plus.csv', year: 2020, age: '80200', ageLabel: '65+', specs: RIVM_65 },
];

export function rivmColumns(dir: string, levels: Level[], skipped: string[] = []): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  for (const f of FILES) {
    const csv = readCsv(join(dir, f.name));
    const perLevel = new Map<Level, Map<string, CellValue>[]>();
    for (const level of levels) perLevel.set(level, f.specs.map(() => new Map()));
    const filled = f.specs.map(() => 0);
    for (let row = 0; row < csv.table.rows.length; row++) {
      const age = csv.text(row, 'Leeftijd');
      const period = csv.text(row, 'Perioden');
      if (age !== f.age) throw new InputError(`${csv.file}, regel ${csv.line(row)}, kolom "Leeftijd": verwacht ${f.age} (${f.ageLabel}), gevonden "${age}"`);
      if (period !== `${f.year}JJ00`) throw new InputError(`${csv.file}, regel ${csv.line(row)}, kolom "Perioden": verwacht ${f.year}JJ00, gevonden "${period}"`);
      const kind = csv.text(row, 'SoortRegio_2');
      if (kind === 'Land') continue;
      const level = LEVEL_OF[kind];
      if (!level) throw new InputError(`${csv.file}, regel ${csv.line(row)}, kolom "SoortRegio_2": verwacht Land, Gemeente, Wijk of Buurt, gevonden "${kind}"`);
      const maps = perLevel.get(level);
      if (!maps) continue;
      const code = csv.text(row, 'Codering_3');
      f.specs.forEach((spec, i) => {
        const c = csv.cell(row, spec.column, MissingReason.unknown);
        if (c.value !== null) filled[i]++;
        maps[i].set(code, c);
      });
    }
    f.specs.forEach((spec, i) => {
      if (filled[i] === 0) {
        skipped.push(`${spec.series}.${f.year} (${f.name}: kolom ${spec.column} is overal leeg)`);
        return;
      }
      const m = meta(spec, f.year, {
        indelingYear: 2020,
        publisher: 'RIVM, CBS, GGD',
        source: `RIVM Gezondheid per wijk en buurt ${f.year} (50090NED), ${f.ageLabel}`,
        sourceVariable: spec.column,
        licence: 'CC BY 4.0',
        note: 'Modelschatting (kleine-gebiedsschatting), indeling 2020, gekoppeld op code: een code kan in 2024 een ander gebied beslaan.',
      });
      for (const level of levels) out.push(column(m, level, perLevel.get(level)![i], `RIVM 50090NED ${f.year} ${f.ageLabel}`));
    });
  }
  return out;
}

/** How a RIVM value reached a 2024 area (series `rivm_koppeling`). */
export const RivmJoin = {
  code: 0,
  /** The code changed (Amsterdam 2023, mergers): matched on gemeente + normalised name. */
  name: 1,
  /** No RIVM row for the buurt: its wijk's value. */
  wijk: 2,
  /** Neither buurt nor wijk: the gemeente's value. */
  gemeente: 3,
  /** Gemeente formed after 2020: inwoner-weighted mean of its wijken. */
  wijkenMean: 4,
  /** Wijk whose code changed and whose name did not match: inwoner-weighted mean of its code-joined buurten (≥ 50 % of its inwoners). */
  buurtenMean: 5,
} as const;

/** Lower case, no accents, no "Wijk 03"-style prefix, letters and digits only. */
export function normaliseAreaName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/^(wijk|buurt)\s*\d+\s*/, '').replace(/[^a-z0-9]/g, '');
}

export interface Indeling2024 {
  buurten: { code: string; wijk: string; gemeente: string; inwoners: number }[];
  wijken: { code: string; name: string; gemeente: string; inwoners: number }[];
  gemeenteNames: Map<string, string>;
  /** Names of 2020-era wijk codes (tmap 2022 carries them; RIVM itself has none). */
  oldWijkNames: Map<string, string>;
}

export interface RivmJoinResult {
  columns: IndicatorColumn[];
  /** Per level: 2024 code → how it was joined (only areas with a value). */
  how: Record<'buurt' | 'wijk' | 'gemeente', Map<string, number>>;
  notes: string[];
}

/**
 * RIVM 2020/2016 joined to the 2024 indeling: by code where codes are
 * stable; by gemeente + normalised name for wijken whose code changed
 * (a merged gemeente: by name alone when that is unique among the orphaned
 * 2020 wijken), else the inwoner-weighted mean of its code-joined buurten;
 * a gemeente formed after 2020 takes the inwoner-weighted mean of its wijken;
 * a wijk or buurt still without a row takes its wijk's value, then its
 * gemeente's. Every non-code join is recorded in `rivm_koppeling`.
 */
export function rivmColumns2024(dir: string, indeling: Indeling2024, skipped: string[] = []): RivmJoinResult {
  const raw = rivmColumns(dir, ['buurt', 'wijk', 'gemeente'], skipped);
  const sources = wijkSources(raw, indeling, orphanedWijken(dir, indeling));
  const how: RivmJoinResult['how'] = { buurt: new Map(), wijk: new Map(), gemeente: new Map() };
  const out: IndicatorColumn[] = [];
  const firstBuurt = raw.find((c) => c.level === 'buurt');
  for (const col of raw) {
    if (col.level !== 'buurt') continue;
    const wijkCol = raw.find((c) => c.level === 'wijk' && c.meta.id === col.meta.id)!;
    const gemCol = raw.find((c) => c.level === 'gemeente' && c.meta.id === col.meta.id)!;
    // The join is the same for every measure: record it from the first one only.
    const record = col === firstBuurt ? how : null;
    const wijk = wijkValues(col, wijkCol, indeling, sources.byWijk, record);
    const gem = gemeenteValues(gemCol, wijk, indeling, record);
    // A wijk still without a row takes its gemeente's value (flagged), like a buurt.
    for (const w of indeling.wijken) {
      if (wijk.has(w.code)) continue;
      const g = gem.get(w.gemeente);
      if (g && g.value !== null) { wijk.set(w.code, g); record?.wijk.set(w.code, RivmJoin.gemeente); }
    }
    out.push({ ...col, values: buurtValues(col, wijk, gem, indeling, record) }, { ...wijkCol, values: wijk }, { ...gemCol, values: gem });
  }
  const notes = [`RIVM 50090NED → wijk: ${sources.byNameCount} wijken gekoppeld op gemeente + naam (code gewijzigd sinds 2020)`];
  return { columns: out, how, notes };
}

/**
 * 2020 wijk codes that no longer exist in 2024, findable by gemeente + wijk
 * name (`byKey`), and, for gemeenten that no longer exist (mergers), by wijk
 * name alone (`byName`, used when unique).
 */
function orphanedWijken(dir: string, indeling: Indeling2024) {
  // 2020 gemeente names per old wijk code, from the 2020 file.
  const csv = readCsv(join(dir, FILES[0].name));
  const oldGemeenteOfWijk = new Map<string, string>();
  for (let row = 0; row < csv.table.rows.length; row++) {
    if (csv.text(row, 'SoortRegio_2') === 'Wijk') oldGemeenteOfWijk.set(csv.text(row, 'Codering_3'), csv.text(row, 'Gemeentenaam_1'));
  }
  const wijkCodes2024 = new Set(indeling.wijken.map((w) => w.code));
  const byKey = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const names2024 = new Set([...indeling.gemeenteNames.values()].map(normaliseAreaName));
  for (const [old, gm] of oldGemeenteOfWijk) {
    if (wijkCodes2024.has(old)) continue;
    const name = indeling.oldWijkNames.get(old);
    if (!name) continue;
    byKey.set(`${normaliseAreaName(gm)}|${normaliseAreaName(name)}`, old);
    if (!names2024.has(normaliseAreaName(gm))) {
      const list = byName.get(normaliseAreaName(name)) ?? [];
      list.push(old);
      byName.set(normaliseAreaName(name), list);
    }
  }
  return { byKey, byName };
}

/** Per 2024 wijk the RIVM wijk row it reads: its own code, else the orphaned 2020 wijk of the same name. */
function wijkSources(raw: IndicatorColumn[], indeling: Indeling2024, orphans: ReturnType<typeof orphanedWijken>) {
  const byWijk = new Map<string, { old: string; how: number }>();
  const rowCodes = new Set<string>();
  for (const c of raw) if (c.level === 'wijk') for (const k of c.values.keys()) rowCodes.add(k);
  let byNameCount = 0;
  for (const w of indeling.wijken) {
    if (rowCodes.has(w.code)) { byWijk.set(w.code, { old: w.code, how: RivmJoin.code }); continue; }
    const gm = normaliseAreaName(indeling.gemeenteNames.get(w.gemeente) ?? '');
    const sameName = orphans.byName.get(normaliseAreaName(w.name));
    const old = orphans.byKey.get(`${gm}|${normaliseAreaName(w.name)}`) ?? (sameName?.length === 1 ? sameName[0] : undefined);
    if (old) { byWijk.set(w.code, { old, how: RivmJoin.name }); byNameCount++; }
  }
  return { byWijk, byNameCount };
}

type JoinRecord = RivmJoinResult['how'] | null;

/** Wijken: by code, then by name, then the inwoner-weighted mean of their own buurten (≥ 50 % of the inwoners). */
function wijkValues(col: IndicatorColumn, wijkCol: IndicatorColumn, indeling: Indeling2024, sources: Map<string, { old: string; how: number }>, record: JoinRecord) {
  const wijk = new Map<string, CellValue>();
  const fromBuurten = new Map<string, { s: number; w: number }>();
  for (const b of indeling.buurten) {
    const v = col.values.get(b.code)?.value;
    const a = fromBuurten.get(b.wijk) ?? { s: 0, w: 0 };
    if (v !== null && v !== undefined && b.inwoners > 0) { a.s += v * b.inwoners; a.w += b.inwoners; }
    fromBuurten.set(b.wijk, a);
  }
  for (const w of indeling.wijken) {
    const src = sources.get(w.code);
    const cell = src ? wijkCol.values.get(src.old) : undefined;
    if (cell) {
      wijk.set(w.code, cell);
      if (cell.value !== null) record?.wijk.set(w.code, src!.how);
      continue;
    }
    const a = fromBuurten.get(w.code);
    if (a && a.w > 0 && a.w >= 0.5 * w.inwoners) {
      wijk.set(w.code, { value: Math.round((10 * a.s) / a.w) / 10, reason: 0 });
      record?.wijk.set(w.code, RivmJoin.buurtenMean);
    }
  }
  return wijk;
}

/** Gemeenten: by code, else the inwoner-weighted mean of their wijken (a gemeente formed after 2020). */
function gemeenteValues(gemCol: IndicatorColumn, wijk: Map<string, CellValue>, indeling: Indeling2024, record: JoinRecord) {
  const gem = new Map<string, CellValue>();
  const acc = new Map<string, { s: number; w: number }>();
  for (const w of indeling.wijken) {
    const v = wijk.get(w.code)?.value;
    const p = w.inwoners;
    if (v === null || v === undefined || !(p > 0)) continue;
    const a = acc.get(w.gemeente) ?? { s: 0, w: 0 };
    a.s += v * p; a.w += p;
    acc.set(w.gemeente, a);
  }
  for (const g of indeling.gemeenteNames.keys()) {
    const cell = gemCol.values.get(g);
    if (cell) { gem.set(g, cell); if (cell.value !== null) record?.gemeente.set(g, RivmJoin.code); continue; }
    const a = acc.get(g);
    if (a && a.w > 0) { gem.set(g, { value: Math.round((10 * a.s) / a.w) / 10, reason: 0 }); record?.gemeente.set(g, RivmJoin.wijkenMean); }
  }
  return gem;
}

/** Buurten: by code, else their wijk's value, else their gemeente's (only where the buurt has no RIVM row at all). */
function buurtValues(col: IndicatorColumn, wijk: Map<string, CellValue>, gem: Map<string, CellValue>, indeling: Indeling2024, record: JoinRecord) {
  const buurt = new Map<string, CellValue>();
  for (const b of indeling.buurten) {
    const own = col.values.get(b.code);
    if (own) { buurt.set(b.code, own); if (own.value !== null) record?.buurt.set(b.code, RivmJoin.code); continue; }
    const w = wijk.get(b.wijk);
    if (w && w.value !== null) { buurt.set(b.code, w); record?.buurt.set(b.code, RivmJoin.wijk); continue; }
    const g = gem.get(b.gemeente);
    if (g && g.value !== null) { buurt.set(b.code, g); record?.buurt.set(b.code, RivmJoin.gemeente); }
  }
  return buurt;
}
