/**
 * What a point import reports: rows it left out, and the refusal of a file.
 * Apart from parse.ts, so the main thread can know these without pulling the
 * parser and proj4 (src/model/rd-new.ts) into the start bundle.
 */
import { EnrichmentError } from '../errors.ts';

export interface SkippedRows {
  /** How many rows or objects were left out. */
  total: number;
  /** Their file line numbers (CSV) or object numbers (GeoJSON), ascending, at most MAX_LISTED of parse.ts. */
  where: number[];
  /** 'regel' for CSV, 'object' for GeoJSON. */
  unit: 'regel' | 'object';
  /** The first MAX_PROBLEMS reasons, in Dutch, naming line and column. */
  problems: string[];
}

/** A point file refused: up to MAX_PROBLEMS reasons of parse.ts, `total` counting all of them. */
export class PointImportError extends EnrichmentError {
  constructor(problems: string[], total = problems.length) {
    super(problems, total);
    this.name = 'PointImportError';
  }
}
