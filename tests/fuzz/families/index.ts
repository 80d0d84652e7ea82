/**
 * The input families of the generated suite. To add one, write a module
 * exporting a FuzzFamily and list it here.
 */
import type { FuzzFamily, RunOptions } from '../harness.ts';
import { workspaceJsonFamily } from './workspace-json.ts';
import { areaTableFamily } from './area-table.ts';
import { pointFileFamily } from './point-file.ts';
import { surveyFileFamily } from './survey-file.ts';
import { dataFilesFamily } from './data-files.ts';

export const FAMILIES: FuzzFamily<never>[] = [
  workspaceJsonFamily,
  areaTableFamily,
  pointFileFamily,
  surveyFileFamily,
  dataFilesFamily,
] as FuzzFamily<never>[];

/** `npm test`: small and fixed. */
export const CI_RUN: RunOptions = { seed: 20261204, size: 'ci', casesPerFamily: 60, perCaseMs: 10_000, memoryMb: 512 };
