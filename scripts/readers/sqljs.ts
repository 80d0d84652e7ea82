/**
 * Loads sql.js (SQLite compiled to wasm) once, in Node. The Node build is
 * required explicitly (`sql.js/dist/sql-wasm.js`): bundlers such as Vite/
 * Vitest would otherwise pick the browser build, which fetches the wasm over
 * HTTP.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlJsStatic, InitSqlJsConfig } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const initSqlJs = require('sql.js/dist/sql-wasm.js') as (config?: InitSqlJsConfig) => Promise<SqlJsStatic>;
    const dist = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    loading = initSqlJs({ locateFile: (file) => path.join(dist, file) });
  }
  return loading;
}
