/**
 * The generated hostile-input suite at CI size (fixed seed): every case
 * must end accepted-correctly or refused with a Dutch message that says
 * where. `npm run fuzz` runs the same families larger and prints the table.
 */
import { describe, expect, it } from 'vitest';
import { runFamily } from './harness.ts';
import { FAMILIES, CI_RUN } from './families/index.ts';

describe('generated hostile input', () => {
  for (const family of FAMILIES) {
    it(`${family.name}: no uncaught error, hang, memory blow-up, silent wrong acceptance or unclear message`, async () => {
      const report = await runFamily(family, CI_RUN);
      expect(report.examples).toEqual([]);
      expect(report.counts.accepted + report.counts.refused).toBe(report.cases);
      // A suite that only refuses proves little: each family must also accept some cases.
      expect(report.counts.accepted).toBeGreaterThan(0);
    }, 120_000);
  }
});
