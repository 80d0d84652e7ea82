/**
 * Cuts the small test fixture `tests/fixtures/pipeline/data/` from the real
 * sources in `data/`: four wijken on the Groningen (GM0014) – Tynaarlo
 * (GM1730) border, with their rows in every nl2024 source, plus the RIVM rows
 * of gemeente Groningen (for the groningen2017 test). Lines are copied
 * verbatim so the fixture is real data in the real format.
 *
 *   npx tsx scripts/pipeline/make-fixtures.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const WIJKEN = ['WK001407', 'WK001417', 'WK173006', 'WK173008'];
const GEMEENTEN = ['GM0014', 'GM1730'];
const src = 'data';
const out = 'tests/fixtures/pipeline/data';

function cutCsv(rel: string, keep: (line: string) => boolean) {
  const lines = readFileSync(join(src, rel), 'utf8').split('\n');
  const kept = [lines[0], ...lines.slice(1).filter((l) => l !== '' && keep(l))];
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), kept.join('\n') + '\n');
  console.log(`${rel}: ${kept.length - 1} rijen`);
}
const inWijk = (code: string) => WIJKEN.some((w) => code.startsWith(`BU${w.slice(2)}`) || code === w);

cutCsv('woonikveilig-2024/buurt_2024_kerncijfers_misdrijven.csv', (l) => inWijk(l.split(',')[0]));
cutCsv('woonikveilig-2024/wijk_2024_kerncijfers.csv', (l) => WIJKEN.includes(l.split(',')[0]));
cutCsv('woonikveilig-2024/gemeente_2024_kerncijfers.csv', (l) => GEMEENTEN.includes(l.split(',')[0]));
cutCsv('cbs-kwb-2024-gm-wk/kwb_2024_gm_wk.csv', (l) => [...WIJKEN, ...GEMEENTEN].includes(l.split(',')[0]));
cutCsv('tmap-nld-2022/NLD_dist_2022.csv', (l) => WIJKEN.includes(l.split(',')[0].replace(/"/g, '')));
cutCsv('tmap-nld-2022/NLD_muni_2022.csv', (l) => GEMEENTEN.includes(l.split(',')[0].replace(/"/g, '')));
for (const f of ['RIVM_gezondheid2020_18plus.csv', 'RIVM_gezondheid2020_65plus.csv', 'RIVM_gezondheid2016_18plus.csv']) {
  cutCsv(`rivm-gezondheid-50090NED/${f}`, (l) => {
    const m = /,(NL01|GM\d{4}|WK\w{6}|BU\w{8}),(\d|)/.exec(l);
    const code = m?.[1] ?? '';
    return code === 'NL01' || GEMEENTEN.includes(code) || code.startsWith('BU0014') || code.startsWith('WK0014') || inWijk(code);
  });
}
const fc = JSON.parse(readFileSync(join(src, 'woonikveilig-2024/buurt_2024_georef_wgs84.geojson'), 'utf8')) as { features: { properties: { BU_CODE: string } }[] };
const features = fc.features.filter((f) => inWijk(f.properties.BU_CODE));
writeFileSync(join(out, 'woonikveilig-2024/buurt_2024_georef_wgs84.geojson'),
  `{"type":"FeatureCollection","name":"fixture","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
console.log(`geojson: ${features.length} buurten`);
