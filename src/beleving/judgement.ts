/**
 * The kernteam's judgement (−2 … +2 against the data) in words and on the
 * map. It shifts the map class only when the user asks for the map "met het
 * oordeel van het kernteam"; the data score itself never changes.
 */
import { CLASSES } from '../map/classes.ts';
import type { JudgementValue } from '../workspace/model.ts';

const WORDS: Record<JudgementValue, string> = {
  [-2]: 'veel minder kwetsbaar dan de data laten zien',
  [-1]: 'minder kwetsbaar dan de data laten zien',
  0: 'herkent het beeld uit de data',
  1: 'kwetsbaarder dan de data laten zien',
  2: 'veel kwetsbaarder dan de data laten zien',
};

/** "+1" / "0" / "−2" (typographic minus). */
export function signed(v: number): string {
  return v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0';
}

export function judgementText(v: JudgementValue): string {
  return `${signed(v)}: ${WORDS[v]}`;
}

/** Map class index shifted by the judgement, kept within the classes; −1 (no class) stays −1. */
export function judgedClass(classIndex: number, v: number): number {
  if (classIndex < 0) return classIndex;
  return Math.max(0, Math.min(CLASSES.length - 1, classIndex + v));
}
