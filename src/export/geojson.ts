/**
 * Scores of one level as GeoJSON (RFC 7946) for GIS tools such as QGIS:
 * WGS84 longitude/latitude, the CBS code as feature id, and per kompas
 * target the same columns as the scores CLI (scripts/scores-cli.ts):
 * robust z, percentile, status and coverage. Field list: docs/gis-export.md.
 *
 * Geometry comes from the per-level geometry files of the data pipeline
 * (src/model/geometry-format.ts): quantised to 1e-5° (about 1 m), not
 * simplified per zoom like the tiles. Pure: no DOM.
 */
import type { MultiPolygon, Position } from 'geojson';
import type { Level, LevelTable } from '../model/dataset-format.ts';
import { ScoreAreaFlag, scoreStatusLabel, type ScoreResult, type ScoreStatusCode } from '../model/scoring-types.ts';

/** The whole level; the areas inside a gemeente or wijk (or that area itself); or a list of codes. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'within'; code: string }
  | { kind: 'codes'; codes: readonly string[] };

export interface GeoJsonExportInput {
  datasetId: string;
  level: Level;
  table: LevelTable;
  result: ScoreResult;
  /** Decoded geometry file of the same level (codes in any order). */
  geometry: { codes: readonly string[]; geometries: readonly (MultiPolygon | null)[] };
  gemeenteName: (code: string) => string;
  /** Credit line (src/model/credits.ts) and frame, written into the file's description. */
  credit: string;
  frameLabel: string;
  /** The year on the map (its scores); null = the latest figures. */
  year?: number | null;
  scope: ExportScope;
}

export interface ScoreFeature {
  type: 'Feature';
  id: string;
  properties: Record<string, string | number | null>;
  geometry: MultiPolygon | null;
}

export interface ScoreFeatureCollection {
  type: 'FeatureCollection';
  /** Foreign members (RFC 7946 §6.1); GDAL reads them as the layer's name and description. */
  name: string;
  description: string;
  features: ScoreFeature[];
}

/** Areas of the table in the scope, in table order. */
export function scopeIndices(table: LevelTable, scope: ExportScope): number[] {
  const out: number[] = [];
  const wanted = scope.kind === 'codes' ? new Set(scope.codes) : null;
  for (let i = 0; i < table.codes.length; i++) {
    if (scope.kind === 'all') out.push(i);
    else if (scope.kind === 'within') {
      if (table.codes[i] === scope.code || table.gemeenteCodes[i] === scope.code || table.wijkCodes[i] === scope.code) out.push(i);
    } else if (wanted!.has(table.codes[i])) out.push(i);
  }
  return out;
}

/** Twice the signed area (shoelace): > 0 is counter-clockwise in lon/lat. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum;
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/**
 * Closed rings at the source's 1e-5° precision, shells counter-clockwise and
 * holes clockwise (RFC 7946 §3.1.6, the right-hand rule).
 */
function rfc7946(geometry: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring, r) => {
      const out = ring.map((p) => [round5(p[0]), round5(p[1])]);
      const first = out[0], last = out[out.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
      const ccw = signedArea(out) > 0;
      return (r === 0) === ccw ? out : out.reverse();
    })),
  };
}

function reliability(flags: number): string {
  if (flags & ScoreAreaFlag.noScore) return 'geen score (< 50 inwoners)';
  const parts = [flags & ScoreAreaFlag.indicatief ? 'indicatief (50–199 inwoners)' : 'score'];
  if (flags & ScoreAreaFlag.exposure) parts.push('bezoekersgebied');
  return parts.join(', ');
}

const finiteOrNull = (v: number, digits: number) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : null);

export function scoresToGeoJson(input: GeoJsonExportInput): ScoreFeatureCollection {
  const { table, result, level } = input;
  const n = result.areaCount;
  const geometryAt = new Map<string, MultiPolygon | null>();
  input.geometry.codes.forEach((code, i) => geometryAt.set(code, input.geometry.geometries[i]));
  const features: ScoreFeature[] = [];
  for (const i of scopeIndices(table, input.scope)) {
    const code = table.codes[i];
    const gemeenteCode = level === 'gemeente' ? code : table.gemeenteCodes[i];
    const properties: ScoreFeature['properties'] = {
      code,
      naam: table.names[i],
      niveau: level,
      gemeentecode: gemeenteCode,
      gemeente: level === 'gemeente' ? table.names[i] : input.gemeenteName(gemeenteCode),
      betrouwbaarheid: reliability(result.areaFlags[i]),
    };
    result.targets.forEach((t, ti) => {
      const k = ti * n + i;
      properties[`${t.id}_z`] = finiteOrNull(result.z[k], 3);
      properties[`${t.id}_percentiel`] = finiteOrNull(result.percentile[k], 1);
      properties[`${t.id}_status`] = scoreStatusLabel[result.status[k] as ScoreStatusCode];
      if (t.kind !== 'sphere') properties[`${t.id}_dekking`] = finiteOrNull(result.coverage[k], 3);
    });
    const geometry = geometryAt.get(code) ?? null;
    features.push({ type: 'Feature', id: code, properties, geometry: geometry ? rfc7946(geometry) : null });
  }
  return {
    type: 'FeatureCollection',
    name: `kompas-${input.datasetId}-${level}`,
    description: `Wijkveiligheidskompas, ${input.datasetId}, niveau ${level}, ${input.year == null ? 'nieuwste cijfers' : `cijfers van ${input.year}`}. Percentielen binnen: ${input.frameLabel}; hoger = kwetsbaarder / minder veilig. ${input.credit}.`,
    features,
  };
}
