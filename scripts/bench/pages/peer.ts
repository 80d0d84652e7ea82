/**
 * Bench peer: what a GIS user would build — all buurten as one GeoJSON plus
 * the Kerncijfers CSV, joined in the page on BU_CODE, coloured with a
 * data-driven `step` on crime per 1.000 inwoners (sextiles, like the app's
 * six classes). `__bench.recolour()` moves the thresholds (a re-weight).
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { CLASS_COLOURS, benchState, createMap, drawn } from './bench-page.ts';

const VALUE = 'misdrijven_per1000_gem5jr';

/** Split one CSV line, honouring double quotes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

function stepExpression(sorted: number[], shift: number): ExpressionSpecification {
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const stops: (number | string)[] = [];
  CLASS_COLOURS.slice(1).forEach((colour, k) => stops.push(q((k + 1) / 6 + shift), colour));
  return ['step', ['coalesce', ['get', 'v'], -1], '#c8c8c8', 0, CLASS_COLOURS[0], ...stops] as ExpressionSpecification;
}

const [geojson, csv] = await Promise.all([
  fetch('./peer-data/buurten.geojson').then((r) => r.json() as Promise<FeatureCollection>),
  fetch('./peer-data/kerncijfers.csv').then((r) => r.text()),
]);
const lines = csv.split(/\r?\n/).filter(Boolean);
const header = cells(lines[0]);
const codeCol = header.indexOf('BU_CODE'), valueCol = header.indexOf(VALUE);
const byCode = new Map<string, number>();
for (const line of lines.slice(1)) {
  const row = cells(line);
  const x = Number.parseFloat(row[valueCol]);
  if (Number.isFinite(x)) byCode.set(row[codeCol], x);
}
for (const f of geojson.features) {
  const v = byCode.get(String(f.properties?.BU_CODE));
  f.properties = { ...f.properties, v: v ?? null };
}
const sorted = [...byCode.values()].sort((a, b) => a - b);
const map = createMap({
  version: 8,
  sources: { buurten: { type: 'geojson', data: geojson } },
  layers: [
    { id: 'water', type: 'background', paint: { 'background-color': '#cfe0ea' } },
    { id: 'buurten', type: 'fill', source: 'buurten', paint: { 'fill-color': stepExpression(sorted, 0), 'fill-outline-color': '#ffffff' } },
  ],
});
void drawn(map).then((t) => { benchState.readyAt = t; });
let shift = 0;
benchState.recolour = async () => {
  shift = shift ? 0 : -0.05;
  const start = performance.now();
  map.setPaintProperty('buurten', 'fill-color', stepExpression(sorted, shift));
  return (await drawn(map)) - start;
};
