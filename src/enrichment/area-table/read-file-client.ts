/**
 * Main-thread side of workers/import-file.worker.ts: each chosen file is
 * read in a fresh worker that is stopped when done or after READ_TIME_LIMIT_MS,
 * so no file can freeze the page. Where Workers do not exist (unit tests in
 * Node) the same reader runs in place.
 */
import * as Comlink from 'comlink';
import { ImportFileError, type RawTable } from '../read-text.ts';
import { readTableResult, type ImportFileWorkerApi, type ReadTableResult } from './read-file.ts';
import { refuseTooLarge } from '../contract.ts';
import { AREA_TABLE } from './kind.ts';

export const READ_TIME_LIMIT_MS = 60_000;

export async function readImportFileOffThread(file: File, timeLimitMs = READ_TIME_LIMIT_MS): Promise<RawTable> {
  refuseTooLarge(AREA_TABLE, file);
  const buffer = await file.arrayBuffer();
  const result = typeof Worker === 'undefined' ? await readTableResult(buffer, file.name) : await readInWorker(buffer, file.name, timeLimitMs);
  if (!result.ok) throw new ImportFileError(result.message);
  return result.table;
}

async function readInWorker(buffer: ArrayBuffer, fileName: string, timeLimitMs: number): Promise<ReadTableResult> {
  const worker = new Worker(new URL('../../../workers/import-file.worker.ts', import.meta.url), { type: 'module', name: 'kompas-import-lezen' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<ReadTableResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, message: `${fileName}: het lezen duurde langer dan ${timeLimitMs / 1000} seconden en is gestopt. Sla alleen de tabel op in een nieuw bestand (CSV leest het snelst).` }), timeLimitMs);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      resolve({ ok: false, message: `${fileName}: het bestand kon niet worden gelezen (${event.message || 'de lezer stopte onverwacht, mogelijk te weinig geheugen'}).` });
    });
  });
  try {
    const api = Comlink.wrap<ImportFileWorkerApi>(worker);
    return await Promise.race([api.read(Comlink.transfer(buffer, [buffer]), fileName), failed]);
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}
