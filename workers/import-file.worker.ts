/**
 * Import-file Web Worker: reads a chosen CSV/XLSX into a table off the main
 * thread, so a large or hostile spreadsheet never freezes the dialog; the
 * main side (src/import/read-file-client.ts) stops it after a time limit.
 */
import * as Comlink from 'comlink';
import { readTableResult, type ImportFileWorkerApi } from '../src/import/read-file.ts';

const api: ImportFileWorkerApi = { read: readTableResult };

Comlink.expose(api);
