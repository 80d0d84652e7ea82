/**
 * The browser storage under the workspace store: opening IndexedDB with a
 * time limit, checking what it holds (records that do not check out are
 * quarantined, never dropped), the Dutch words for storage failures, and
 * which workspace was active (localStorage).
 */
import { WorkspaceDb, type StoredWorkspace } from './db.ts';
import { parseStoredWorkspace } from './file-format.ts';
import { TEXT_MAX, clipText } from './text-rules.ts';

/**
 * A stored record that does not check out: kept out of the list so it
 * cannot hide the valid ones, shown by name with its problems, and
 * exportable as raw JSON. It stays in IndexedDB untouched.
 */
export interface QuarantinedRecord {
  key: string;
  /** Best guess at a name, for the list. */
  name: string;
  errors: string[];
  raw: unknown;
}

/**
 * A stored workspace that loaded after a repair (parseStoredWorkspace), with
 * what was changed, for the notice. `raw` is the record as it was stored:
 * the next autosave writes the repaired version over it, so the notice
 * offers it for "Exporteren als JSON" and a clipped text is not lost.
 */
export interface RepairedRecord {
  key: string;
  name: string;
  changes: string[];
  raw: unknown;
}

/**
 * A stored record (quarantined or repaired) as JSON text for "Exporteren als
 * JSON"; values JSON cannot hold are described. The import reads this shape
 * (parseWorkspaceFile), so the team can take the file back in, after
 * correcting it where it says.
 */
export function storedRecordJson(record: { raw: unknown }): string {
  try {
    return JSON.stringify(record.raw, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2) + '\n';
  } catch (e) {
    return JSON.stringify({ fout: `Dit record kon niet als JSON worden geschreven: ${errorText(e)}`, tekst: String(record.raw) }, null, 2) + '\n';
  }
}

/** Resolves with the value, or rejects after `ms` (the late value, if any, goes to `late`). */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string, late: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(message));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) late(value);
        else resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        if (!timedOut) reject(error);
      },
    );
  });
}

/** Opens the database, or rejects when the browser does not answer within `timeoutMs` (some managed browsers never do). */
export function openWorkspaceDb(dbName: string, timeoutMs: number): Promise<WorkspaceDb> {
  return withTimeout(WorkspaceDb.open(dbName), timeoutMs, `de browseropslag antwoordde niet binnen ${timeoutMs / 1000} seconden`, (late) => late.close());
}

/** Splits what the database holds into valid workspaces (sorted by name, some repaired) and quarantined records. */
export function checkStoredRecords(stored: unknown[]): { valid: StoredWorkspace[]; quarantined: QuarantinedRecord[]; repaired: RepairedRecord[] } {
  const valid: StoredWorkspace[] = [];
  const quarantined: QuarantinedRecord[] = [];
  const repaired: RepairedRecord[] = [];
  for (const raw of stored) {
    const record = raw as Partial<StoredWorkspace> | null;
    const checked = parseStoredWorkspace(record?.workspace);
    const key = typeof record?.id === 'string' ? record.id : String(record?.id);
    if (checked.ok && checked.workspace.id === key && Number.isInteger(record?.revision)) {
      valid.push({ id: key, revision: record!.revision!, workspace: checked.workspace });
      if (checked.repairs.length) repaired.push({ key, name: checked.workspace.name, changes: checked.repairs, raw });
    } else quarantined.push({ key, name: guessName(record), errors: checked.ok ? ['het record klopt niet met zijn sleutel of revisie'] : checked.errors, raw });
  }
  valid.sort((a, b) => a.workspace.name.localeCompare(b.workspace.name, 'nl'));
  return { valid, quarantined, repaired };
}

/** One record read back while the app runs (another tab's save): checked like at load, or null when it does not check out. */
export function checkStoredRecord(raw: unknown): StoredWorkspace | null {
  return checkStoredRecords([raw]).valid[0] ?? null;
}

/** Why a save stops at a damaged record rather than merging with it or writing over it. */
export const DAMAGED_RECORD = 'een ander tabblad heeft een beschadigde versie van deze werkruimte opgeslagen; die wordt niet overschreven';

function guessName(record: unknown): string {
  const ws = (record as { workspace?: { name?: unknown } } | null)?.workspace;
  return typeof ws?.name === 'string' && ws.name.trim() ? clipText(ws.name, TEXT_MAX.workspaceName) : 'werkruimte zonder leesbare naam';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The browser's own words for a full disk are English; say it in Dutch. */
export function quotaText(e: unknown): string {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  return name === 'QuotaExceededError' ? 'de opslagruimte van de browser is vol' : errorText(e);
}

/** The message the store shows while work is not being kept in this browser, with the reason. */
export function notSavedText(reason: string): string {
  return `Uw werk wordt niet bewaard in deze browser: ${reason}. Sla de werkruimte op als bestand om niets kwijt te raken.`;
}

const ACTIVE_KEY = 'wijkveiligheidskompas.actieveWerkruimte';

export function readRememberedActive(): string | null {
  try {
    return globalThis.localStorage?.getItem(ACTIVE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberActive(id: string | null): void {
  try {
    if (id) globalThis.localStorage?.setItem(ACTIVE_KEY, id);
    else globalThis.localStorage?.removeItem(ACTIVE_KEY);
  } catch {
    // Private mode or storage disabled: only the choice of workspace is lost.
  }
}
