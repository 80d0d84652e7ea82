import { afterEach, describe, expect, it } from 'vitest';
import { AUTHOR_MAX_LENGTH, loadReportAuthor, saveReportAuthor } from '../../src/workspace/report-settings.ts';

const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
function useStorage(storage: unknown) {
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
}
afterEach(() => {
  if (original) Object.defineProperty(globalThis, 'localStorage', original);
  else delete (globalThis as { localStorage?: unknown }).localStorage;
});

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe('report author', () => {
  it('is kept for the next report, bounded in length, and removed when emptied', () => {
    const storage = memoryStorage();
    useStorage(storage);
    expect(saveReportAuthor('Beleidsadviseur veiligheid')).toBe(true);
    expect(loadReportAuthor()).toBe('Beleidsadviseur veiligheid');
    saveReportAuthor('x'.repeat(AUTHOR_MAX_LENGTH + 50));
    expect(loadReportAuthor()).toHaveLength(AUTHOR_MAX_LENGTH);
    saveReportAuthor('  ');
    expect(storage.map.size).toBe(0);
  });

  it('says when the browser refuses to keep it, and reads as empty', () => {
    useStorage({ getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined });
    expect(saveReportAuthor('wijkagent')).toBe(false);
    expect(loadReportAuthor()).toBe('');
  });
});
