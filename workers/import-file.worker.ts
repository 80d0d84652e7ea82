/**
 * Import-file Web Worker: reads a chosen CSV/XLSX into a table off the main
 * thread, so a large or hostile spreadsheet never freezes the dialog; the
 * main side (src/enrichment/area-table/read-file-client.ts) stops it after a time limit.
 */
import * as Comlink from 'comlink';
import { readTableResult, type ImportFileWorkerApi } from '../src/enrichment/area-table/read-file.ts';

const api: ImportFileWorkerApi = { read: readTableResult };

Comlink.expose(api);
