/**
 * Asks the server the questions the app depends on and turns the answer into
 * a Diagnosis (diagnose.ts). Used by the app at start and by
 * hosting-check.html, so both find the same problems.
 */
import { readRange, type RangeRead } from './range-read.ts';
import { answerOf, diagnoseScriptAnswer, diagnoseTilesAnswer, rangeAnswerUnreadable, serverGone, type Diagnosis, type ServerAnswer } from './diagnose.ts';

export interface Probe {
  problem: Diagnosis | null;
  /** What the server answered, when it answered (hosting-check shows the details). */
  answer: ServerAnswer | null;
}

const PROBE_RANGE = 'bytes=0-15';

/**
 * A Range request on the PMTiles file, as the map will make it. `range`
 * defaults to the magic only (hosting-check.html); the app asks for the
 * header and root directory at once, so one request both diagnoses the host
 * and feeds the map (src/state/app-state.svelte.ts). The answer's bytes are
 * in `answer.firstBytes`. `asked`: the same request, already made (by the
 * early start), to diagnose instead of asking again.
 */
export async function probeTiles(url: string, path: string, init: RequestInit = {}, range = PROBE_RANGE, asked?: Promise<RangeRead>): Promise<Probe> {
  let read: RangeRead;
  try {
    read = await (asked ?? readRange(url, range, init));
  } catch {
    return unreadableRangeAnswer(url, path, init);
  }
  const answer = answerOf(read.response, read.bytes);
  return { problem: diagnoseTilesAnswer(path, answer), answer };
}

/**
 * Chromium asks Range requests with "Accept-Encoding: identity" and refuses a
 * compressed answer as if the network failed. A plain request (which may be
 * compressed) shows the server's headers; it is cancelled once they arrive.
 */
async function unreadableRangeAnswer(url: string, path: string, init: RequestInit): Promise<Probe> {
  const abort = new AbortController();
  try {
    const response = await fetch(url, { ...init, signal: abort.signal });
    const answer = answerOf(response);
    abort.abort();
    return { problem: rangeAnswerUnreadable(path, answer), answer };
  } catch {
    return { problem: serverGone(`het kaartbestand ${path}`), answer: null };
  }
}

/** The type a script or worker file is served with (HEAD: only the headers matter). */
export async function probeScript(url: string, file: string, init: RequestInit = {}): Promise<Probe> {
  try {
    const answer = answerOf(await fetch(url, { ...init, method: 'HEAD' }));
    return { problem: diagnoseScriptAnswer(file, answer), answer };
  } catch {
    return { problem: serverGone(`het scriptbestand ${file}`), answer: null };
  }
}

/** True when the server answers at all (any status); used to tell "server gone" from other failures. */
export async function serverAnswers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}
