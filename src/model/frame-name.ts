/**
 * The reference frame said in words a reader outside the kernteam
 * understands: which areas a percentile is counted among ("alle buurten in
 * Nederland 2024"), not the name of a setting. The report for the bestuur
 * uses it; the panel keeps the short frameLabel (src/model/scoring-types.ts).
 */
import type { Level } from './dataset-format.ts';
import type { FrameId } from './scoring-types.ts';

const PLURAL: Record<Level, string> = { gemeente: 'gemeenten', wijk: 'wijken', buurt: 'buurten' };

export interface FrameContext {
  frame: FrameId;
  level: Level;
  /** The dataset's title, e.g. "Nederland 2024". */
  datasetTitle: string;
  /** The gemeente of the area (for the gemeente frame). */
  gemeenteName: string;
  /**
   * The explanation's frameNote: set when the engine compared the area with
   * all areas of its level instead (a group under the minimum size, no
   * stedelijkheidsklasse, a gemeente in the gemeente frame).
   */
  frameNote?: string | null;
}

export function namedReferenceFrame({ frame, level, datasetTitle, gemeenteName, frameNote }: FrameContext): string {
  const areas = PLURAL[level];
  switch (frameNote ? 'dataset' : frame) {
    case 'gemeente':
      // A gemeente cannot be ranked within itself; the engine falls back to the dataset and says so in frameNote.
      return level === 'gemeente' ? `alle gemeenten in ${datasetTitle}` : `alle ${areas} in de gemeente ${gemeenteName}`;
    case 'stedelijkheid':
      return `alle ${areas} in ${datasetTitle} met dezelfde stedelijkheidsklasse`;
    default:
      return `alle ${areas} in ${datasetTitle}`;
  }
}
