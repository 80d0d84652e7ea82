/**
 * The one place where asset, data and server failures are said out loud.
 * Any part of the app reports into it (`appStatus.report`); the status area
 * in App.svelte shows what it holds. A message has a key, so a failure that
 * repeats (every tile of a gone server) is shown once, not once per request.
 */

/** Where a failure came from: the status area groups and clears by source. */
export type StatusSource = 'data' | 'tiles' | 'style' | 'basemap' | 'worker' | 'scripts' | 'server' | 'config' | 'browser' | 'link' | 'app';

/** error: part of the app does not work; warning: it works, with less. */
export type StatusSeverity = 'error' | 'warning';

export interface StatusMessage {
  /** Same key = same problem: reporting it again replaces, never duplicates. */
  key: string;
  source: StatusSource;
  severity: StatusSeverity;
  /** What is wrong, in Dutch, naming the file or setting. */
  message: string;
  /** What to check or do. */
  hint: string;
}

export class StatusArea {
  messages = $state.raw<StatusMessage[]>([]);

  /** Adds a message, or replaces the one with the same key. Returns true when it is new. */
  report(message: StatusMessage): boolean {
    const index = this.messages.findIndex((m) => m.key === message.key);
    if (index >= 0) {
      const old = this.messages[index];
      if (old.message === message.message && old.hint === message.hint && old.severity === message.severity) return false;
      this.messages = this.messages.map((m, i) => (i === index ? message : m));
      return false;
    }
    this.messages = [...this.messages, message];
    return true;
  }

  /** Reports a hosting diagnosis (src/hosting/diagnose.ts); one message per source and kind. */
  reportDiagnosis(source: StatusSource, diagnosis: { kind: string; message: string; hint: string }, severity: StatusSeverity = 'error'): boolean {
    return this.report({ key: `${source}:${diagnosis.kind}`, source, severity, message: diagnosis.message, hint: diagnosis.hint });
  }

  has(key: string): boolean {
    return this.messages.some((m) => m.key === key);
  }

  /** Removes one message (the problem went away). */
  resolve(key: string) {
    if (this.has(key)) this.messages = this.messages.filter((m) => m.key !== key);
  }

  /** Removes every message from one source, or all. */
  clear(source?: StatusSource) {
    this.messages = source ? this.messages.filter((m) => m.source !== source) : [];
  }

  get errors(): StatusMessage[] {
    return this.messages.filter((m) => m.severity === 'error');
  }

  get warnings(): StatusMessage[] {
    return this.messages.filter((m) => m.severity === 'warning');
  }
}

/** Key of the map's generic "could not load" message, which a specific diagnosis replaces. */
export const MAP_FAILED_KEY = 'tiles:map-failed';

/** The app's status area; import it to report a failure from anywhere. */
export const appStatus = new StatusArea();
