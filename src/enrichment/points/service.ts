/**
 * The points worker's API and implementation (comlink-free, so Node tests
 * can run it). Parsing, RD → WGS84 and point-in-polygon counting all happen
 * here, off the main thread: a file of 100.000 meldingen must not freeze the map.
 */
import type { Level } from '../../model/dataset-format.ts';
import { buildAreaIndex, countPoints, type AreaIndex } from './count.ts';
import { decodeGeometryFile } from '../../model/geometry-format.ts';
import { inspectPointFile, readPoints, type PointChoice, type PointFileInfo } from './parse.ts';
import { PointImportError, type SkippedRows } from './point-errors.ts';

export interface ReadResult {
  ok: true;
  /** WGS84, interleaved lon, lat (transferred). */
  positions: Float64Array;
  count: number;
  /** Rows or objects left out (no usable point), for the "overgeslagen" report. */
  skipped: SkippedRows;
}
export interface ReadFailure {
  ok: false;
  /** Dutch messages naming row and column (at most 10, plus a "… en nog" line). */
  problems: string[];
  total: number;
}

export interface LevelCount {
  level: Level;
  codes: string[];
  counts: Uint32Array;
  outside: number;
  onBorder: number;
  /** Geometry fetch + parse + index in ms (0 when cached). */
  loadMs: number;
  countMs: number;
}

export interface PointsWorkerApi {
  /** Detect format, columns and coordinate system; the text stays in the worker for `read`. */
  inspect(text: string, fileName: string): Promise<{ ok: true; info: PointFileInfo } | ReadFailure>;
  /** Convert every point of the inspected file, or refuse the whole file. */
  read(choice: PointChoice): Promise<ReadResult | ReadFailure>;
  /** Count positions per area of a level; `geometryUrl` is absolute (cached per URL). */
  count(level: Level, geometryUrl: string, positions: Float64Array): Promise<LevelCount>;
}

type FetchText = (url: string) => Promise<string>;

const defaultFetch: FetchText = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`gebiedsgeometrie ${url}: HTTP ${res.status}`);
  return res.text();
};

function failure(error: unknown): ReadFailure {
  if (error instanceof PointImportError) return { ok: false, problems: error.problems, total: error.total };
  throw error;
}

export function createPointsService(fetchText: FetchText = defaultFetch): PointsWorkerApi {
  let file: { text: string; name: string } | null = null;
  const indexes = new Map<string, Promise<AreaIndex>>();
  return {
    async inspect(text, fileName) {
      file = { text, name: fileName };
      try {
        return { ok: true, info: inspectPointFile(text, fileName) };
      } catch (e) {
        return failure(e);
      }
    },
    async read(choice) {
      if (!file) throw new Error('eerst inspect() aanroepen');
      try {
        const set = readPoints(file.text, file.name, choice);
        return { ok: true, positions: Float64Array.from(set.positions), count: set.count, skipped: set.skipped };
      } catch (e) {
        return failure(e);
      }
    },
    async count(level, geometryUrl, positions) {
      let loadMs = 0;
      let pending = indexes.get(geometryUrl);
      if (!pending) {
        const t0 = performance.now();
        pending = fetchText(geometryUrl).then((text) => {
          const g = decodeGeometryFile(text, geometryUrl);
          if (g.level !== level) throw new Error(`${geometryUrl}: geometrie van niveau ${g.level}, verwacht ${level}`);
          return buildAreaIndex(g.codes, g.geometries);
        });
        indexes.set(geometryUrl, pending);
        pending.catch(() => indexes.delete(geometryUrl));
        await pending;
        loadMs = performance.now() - t0;
      }
      const index = await pending;
      const result = countPoints(index, positions);
      return { level, codes: index.codes, counts: result.counts, outside: result.outside, onBorder: result.onBorder, loadMs, countMs: result.ms };
    },
  };
}
