/**
 * Minimal type declarations for the two untyped packages the official-format
 * readers use (sql.js and shapefile ship no TypeScript types). Only what the
 * readers call is declared.
 */
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;
  export interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }
  export interface Statement {
    bind(values?: SqlValue[] | Record<string, SqlValue>): boolean;
    step(): boolean;
    get(): SqlValue[];
    getColumnNames(): string[];
    free(): boolean;
  }
  export interface Database {
    exec(sql: string, params?: SqlValue[]): QueryExecResult[];
    run(sql: string, params?: SqlValue[]): Database;
    prepare(sql: string, params?: SqlValue[]): Statement;
    export(): Uint8Array;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new (data?: ArrayLike<number> | Uint8Array | null) => Database;
  }
  export interface InitSqlJsConfig {
    locateFile?: (file: string) => string;
  }
  export default function initSqlJs(config?: InitSqlJsConfig): Promise<SqlJsStatic>;
}

declare module 'shapefile' {
  import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
  export interface ShapefileSource {
    bbox: number[];
    read(): Promise<{ done: boolean; value: Feature<Geometry | null, GeoJsonProperties> }>;
  }
  export function open(
    shp: ArrayBuffer | Uint8Array | string,
    dbf?: ArrayBuffer | Uint8Array | string,
    options?: { encoding?: string },
  ): Promise<ShapefileSource>;
}
