/**
 * Family: a point file chosen in "Punten importeren" (CSV with x/y or
 * lat/lon, or GeoJSON). True points inside the Netherlands are written in
 * RD New or WGS84 with the usual variations, then maybe damaged: swapped
 * axes, NaN, empty or overflowing coordinates, decimal commas under a comma
 * separator, extra cells, truncation, points abroad, binary, many rows.
 */
import fc from 'fast-check';
import { inspectPointFile, readPoints } from '../../../src/enrichment/points/parse.ts';
import { PointImportError } from '../../../src/enrichment/points/point-errors.ts';
import { rdToWgs84 } from '../../../src/model/rd-new.ts';
import { hostileCell, type FuzzFamily } from '../harness.ts';

interface PointCase {
  crs: 'rd' | 'wgs84';
  points: [number, number][];
  format: 'csv' | 'geojson';
  separator: ';' | ',' | '\t';
  decimalComma: boolean;
  crlf: boolean;
  damage: { kind: 'geen' } | { kind: 'cel'; row: number; axis: 0 | 1; text: string } | { kind: 'omgedraaid' } | { kind: 'komma-in-komma' } | { kind: 'afgebroken'; at: number } | { kind: 'binair'; bytes: Uint8Array } | { kind: 'veel'; rows: number };
}

const rdPoint = fc.tuple(fc.integer({ min: 150_000, max: 200_000 }), fc.integer({ min: 420_000, max: 480_000 }));
const wgsPoint = fc.tuple(fc.integer({ min: 5_000_000, max: 6_000_000 }).map((v) => v / 1e6), fc.integer({ min: 51_800_000, max: 52_600_000 }).map((v) => v / 1e6));

const cases = (size: 'ci' | 'large') => fc.constantFrom<'rd' | 'wgs84'>('rd', 'wgs84').chain((crs) => fc.record({
  crs: fc.constant(crs),
  points: fc.array(crs === 'rd' ? rdPoint : wgsPoint, { minLength: 1, maxLength: 40 }),
  format: fc.constantFrom<'csv' | 'geojson'>('csv', 'csv', 'geojson'),
  separator: fc.constantFrom<';' | ',' | '\t'>(';', ',', '\t'),
  decimalComma: fc.boolean(),
  crlf: fc.boolean(),
  damage: fc.oneof(
    { arbitrary: fc.constant<PointCase['damage']>({ kind: 'geen' }), weight: 4 },
    fc.tuple(fc.nat(), fc.constantFrom<0 | 1>(0, 1), fc.oneof(hostileCell, fc.constantFrom('', 'NaN', '1e999', '999999999'))).map(([row, axis, text]): PointCase['damage'] => ({ kind: 'cel', row, axis, text })),
    fc.constant<PointCase['damage']>({ kind: 'omgedraaid' }),
    fc.constant<PointCase['damage']>({ kind: 'komma-in-komma' }),
    fc.integer({ min: 0, max: 5000 }).map((at): PointCase['damage'] => ({ kind: 'afgebroken', at })),
    fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes): PointCase['damage'] => ({ kind: 'binair', bytes })),
    fc.integer({ min: 1_000, max: size === 'large' ? 300_000 : 20_000 }).map((rows): PointCase['damage'] => ({ kind: 'veel', rows })),
  ),
}));

function write(c: PointCase): { text: string; name: string } {
  const d = c.damage;
  if (d.kind === 'binair') return { text: new TextDecoder().decode(d.bytes), name: 'punten.csv' };
  const pts = d.kind === 'veel' ? Array.from({ length: d.rows }, (_, i) => c.points[i % c.points.length]) : c.points.map((p) => [...p] as [number, number]);
  if (d.kind === 'omgedraaid') pts.forEach((p) => p.reverse());
  const [xName, yName] = c.crs === 'rd' ? ['x', 'y'] : ['lon', 'lat'];
  if (c.format === 'geojson') {
    const features = pts.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
    let text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: c.crs === 'rd' ? 'EPSG:28992' : 'EPSG:4326' } }, features });
    if (d.kind === 'afgebroken') text = text.slice(0, d.at % text.length);
    return { text, name: 'punten.geojson' };
  }
  // A decimal comma only with a separator that is not a comma, unless that is the damage.
  const comma = d.kind === 'komma-in-komma' || (c.decimalComma && c.separator !== ',');
  const sep = d.kind === 'komma-in-komma' ? ',' : c.separator;
  const num = (v: number) => (comma ? String(v).replace('.', ',') : String(v));
  const rows = pts.map((p) => [num(p[0]), num(p[1])]);
  if (d.kind === 'cel') rows[d.row % rows.length][d.axis] = d.text;
  const quote = (v: string) => (v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  let text = [[xName, yName], ...rows].map((r) => r.map(quote).join(sep)).join(c.crlf ? '\r\n' : '\n') + '\n';
  if (d.kind === 'afgebroken') text = text.slice(0, d.at % text.length);
  return { text, name: 'punten.csv' };
}

export const pointFileFamily: FuzzFamily<PointCase> = {
  name: 'puntenbestand (CSV/GeoJSON)',
  cases,
  describe: (c) => `${c.format} ${c.crs} sep ${JSON.stringify(c.separator)}${c.decimalComma ? ' decimale komma' : ''}, ${c.points.length} punten, schade: ${c.damage.kind}${'text' in c.damage ? ` ${JSON.stringify(c.damage.text)}` : ''}`,
  async run(c) {
    const { text, name } = write(c);
    try {
      const info = inspectPointFile(text, name);
      const set = readPoints(text, name, { xColumn: info.xColumn, yColumn: info.yColumn, crs: info.crs ?? 'rd' });
      // Accepted: undamaged, comma-damaged or swapped files must give exactly the true points (else it read something else silently).
      if (c.damage.kind === 'geen' || c.damage.kind === 'komma-in-komma' || c.damage.kind === 'omgedraaid') {
        if (set.count !== c.points.length) return { kind: 'accepted', wrong: `${set.count} punten gelezen, ${c.points.length} bedoeld` };
        for (let i = 0; i < c.points.length; i++) {
          const [lon, lat] = c.crs === 'rd' ? rdToWgs84(c.points[i][0], c.points[i][1]) : c.points[i];
          if (Math.abs(set.positions[2 * i] - lon) > 1e-9 || Math.abs(set.positions[2 * i + 1] - lat) > 1e-9) return { kind: 'accepted', wrong: `punt ${i + 1} op (${set.positions[2 * i]}; ${set.positions[2 * i + 1]}), bedoeld (${lon}; ${lat})` };
        }
      }
      return { kind: 'accepted' };
    } catch (error) {
      if (error instanceof PointImportError) return { kind: 'refused', messages: error.problems };
      throw error;
    }
  },
};
