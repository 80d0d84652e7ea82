/**
 * A points worker that cannot start (missing file, wrong script type, CSP)
 * fires "error" and never answers: the dialog must get a Dutch refusal
 * instead of "Bestand lezen…" for ever, and a retry must start a new worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A worker that takes messages and never answers, as a module worker that failed to load. */
class SilentWorker extends EventTarget {
  static made: SilentWorker[] = [];
  terminated = false;
  constructor() {
    super();
    SilentWorker.made.push(this);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
  fail(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  SilentWorker.made = [];
});

describe('points worker that fails to start', () => {
  it('refuses the pending call in Dutch and starts a new worker on the next try', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    vi.resetModules();
    const { pointsWorker } = await import('../../../src/enrichment/points/client.ts');
    const { EnrichmentError } = await import('../../../src/enrichment/errors.ts');
    const pending = pointsWorker().inspect('x;y\n1;2\n', 'meldingen.csv');
    SilentWorker.made[0].fail('Failed to fetch a worker script');
    const error = await pending.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(EnrichmentError);
    expect((error as InstanceType<typeof EnrichmentError>).problems[0]).toMatch(/^De puntenberekening kon niet starten\. Er is niets veranderd\..*\(Failed to fetch a worker script\)/);
    expect(SilentWorker.made[0].terminated).toBe(true);

    void pointsWorker().inspect('x;y\n1;2\n', 'meldingen.csv').catch(() => {});
    expect(SilentWorker.made).toHaveLength(2);
  }, 5000);
});
