/**
 * Node only (scores CLI, benches): dataset files from a folder on disk,
 * behind the same DatasetSource interface as the app's fetch (src/data/source.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoadError, type DatasetSource } from './source.ts';
import { assertRelativeDataPath } from './verify.ts';

export function fileSource(folder: string): DatasetSource {
  return {
    where: folder,
    async read(path) {
      assertRelativeDataPath(path);
      try {
        return new Uint8Array(await readFile(join(folder, path)));
      } catch (error) {
        throw new LoadError(`${path} kon niet worden gelezen uit ${folder}: ${(error as Error).message}`, 'Bouw de data met npm run data.');
      }
    },
  };
}
