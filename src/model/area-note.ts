/** Words for an area's flags in the score table, its CSV and the scores CLI. Pure. */
import { countedShareText } from './aggregate.ts';
import { ScoreAreaFlag } from './scoring-types.ts';

/** Words for the area flags that change how a row reads (score table, CSV), and the share a summed crime count rests on. */
export function areaNoteText(flags: number, crimeCounted?: number): string {
  return [
    flags & ScoreAreaFlag.exposure ? 'bezoekers- of werkgebied' : '',
    flags & ScoreAreaFlag.crimeIncomplete ? 'registratie onvolledig' : '',
    countedShareText(crimeCounted),
  ].filter(Boolean).join('; ');
}
