/** Loads sql.js (SQLite compiled to wasm) once, from node_modules, in Node. */
import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    loading = initSqlJs({ locateFile: (file) => path.join(dist, file) });
  }
  return loading;
}
