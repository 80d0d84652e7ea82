/**
 * RIVM Gezondheid per wijk en buurt (50090NED), 2020 (18+, 65+) and 2016
 * (18+), indeling 2020, joined on code. A column that is empty in every row of
 * a file (2016 lacks several measures) is not written for that year.
 */
import { join } from 'node:path';
import type { Level } from '../../../src/model/dataset-format.ts';
import { MissingReason } from '../../../src/model/missing.ts';
import type { CellValue, IndicatorColumn } from '../types.ts';
import { column, InputError, meta, readCsv, type SeriesSpec } from './common.ts';

const RIVM_18: (SeriesSpec & { column: string })[] = [
  { series: 'rivm_ervaren_gezondheid', column: 'ErvarenGezondheidGoedZeerGoed_4', label: 'Goed of zeer goed ervaren gezondheid', unit: '% 18+', kind: 'share' },
  { series: 'rivm_angst_depressie', column: 'HoogRisicoOpAngstOfDepressie_25', label: 'Hoog risico op angststoornis of depressie', unit: '% 18+', kind: 'share' },
  { series: 'rivm_stress', column: 'HeelVeelStressInAfgelopen4Weken_26', label: 'Heel veel stress in de afgelopen 4 weken', unit: '% 18+', kind: 'share' },
  { series: 'rivm_regie', column: 'MatigVeelRegieOverEigenLeven_27', label: 'Matig of veel regie over eigen leven', unit: '% 18+', kind: 'share' },
  { series: 'rivm_eenzaam', column: 'Eenzaam_28', label: 'Eenzaam', unit: '% 18+', kind: 'share' },
  { series: 'rivm_ernstig_eenzaam', column: 'ErnstigZeerErnstigEenzaam_29', label: 'Ernstig of zeer ernstig eenzaam', unit: '% 18+', kind: 'share' },
  { series: 'rivm_emotioneel_eenzaam', column: 'EmotioneelEenzaam_30', label: 'Emotioneel eenzaam', unit: '% 18+', kind: 'share' },
  { series: 'rivm_sociaal_eenzaam', column: 'SociaalEenzaam_31', label: 'Sociaal eenzaam', unit: '% 18+', kind: 'share' },
  { series: 'rivm_mantelzorger', column: 'Mantelzorger_32', label: 'Mantelzorger', unit: '% 18+', kind: 'share' },
  { series: 'rivm_vrijwilligerswerk', column: 'Vrijwilligerswerk_33', label: 'Doet vrijwilligerswerk', unit: '% 18+', kind: 'share' },
  { series: 'rivm_geluidhinder_buren', column: 'ErnstigeGeluidhinderDoorBuren_37', label: 'Ernstige geluidhinder door buren', unit: '% 18+', kind: 'share' },
  { series: 'rivm_moeite_rondkomen', column: 'MoeiteMetRondkomen_38', label: 'Moeite met rondkomen', unit: '% 18+', kind: 'share' },
  { series: 'rivm_langdurig_beperkt', column: 'LangdurigeZiekteEnBeperkt_19', label: 'Langdurige ziekte en beperkt', unit: '% 18+', kind: 'share' },
];
const RIVM_65: (SeriesSpec & { column: string })[] = [
  { series: 'rivm65_ernstig_eenzaam', column: 'ErnstigZeerErnstigEenzaam_29', label: 'Ernstig of zeer ernstig eenzaam (65+)', unit: '% 65+', kind: 'share' },
];

const LEVEL_OF: Record<string, Level> = { Buurt: 'buurt', Wijk: 'wijk', Gemeente: 'gemeente' };

interface RivmFile {
  name: string;
  year: number;
  age: string;
  ageLabel: string;
  specs: (SeriesSpec & { column: string })[];
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
