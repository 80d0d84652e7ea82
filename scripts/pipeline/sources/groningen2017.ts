import type { DatasetInput } from '../types.ts';
export function loadGroningen2017(_: { dataDir: string }): DatasetInput & { joinNotes: string[] } {
  throw new Error('groningen2017: nog niet geïmplementeerd');
}
