/**
 * The input families of the generated suite. To add one (the served data
 * files — .wvk tables, datasets.json, geometry — are verified by the loader
 * in src/data; config.json gets a validator of its own), write a module
 * exporting a FuzzFamily and list it here.
 */
import type { FuzzFamily, RunOptions } from '../harness.ts';
import { workspaceJsonFamily } from './workspace-json.ts';
import { areaTableFamily } from './area-table.ts';
import { pointFileFamily } from './point-file.ts';
import { surveyFileFamily } from './survey-file.ts';

export const FAMILIES: FuzzFamily<never>[] = [
  workspaceJsonFamily,
  areaTableFamily,
  pointFileFamily,
  surveyFileFamily,
] as FuzzFamily<never>[];

/** `npm test`: small and fixed. */
export const CI_RUN: RunOptions = { seed: 20261204, size: 'ci', casesPerFamily: 60, perCaseMs: 10_000, memoryMb: 512 };
