/**
 * Which workspaces have edits not yet in IndexedDB, and when to save them.
 * Each dirty workspace carries an edit counter, so a save that raced with
 * an edit keeps it dirty; one timer saves a short while after the last edit.
 */
export class PendingSaves {
  #edits = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly delayMs: number) {}

  /** Counts one more edit of `id`. */
  mark(id: string): void {
    this.#edits.set(id, (this.#edits.get(id) ?? 0) + 1);
  }

  has(id: string): boolean {
    return this.#edits.has(id);
  }

  get size(): number {
    return this.#edits.size;
  }

  /** The dirty workspaces with their edit count, as a copy (saving changes the set). */
  list(): [id: string, editCount: number][] {
    return [...this.#edits];
  }

  /** `id` was saved as of `editCount` edits: clean unless it was edited since. */
  saved(id: string, editCount: number): void {
    if (this.#edits.get(id) === editCount) this.#edits.delete(id);
  }

  forget(id: string): void {
    this.#edits.delete(id);
  }

  /** Runs `save` once, `delayMs` after the latest call. */
  schedule(save: () => void): void {
    this.cancelTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      save();
    }, this.delayMs);
  }

  cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/** The revision and content of the last stored version of each workspace this tab saw: the base of a three-way merge (merge.ts). */
export class SeenVersions<T> {
  #revisions = new Map<string, number>();
  #content = new Map<string, T>();

  /** A copy is kept: the caller may go on changing its object. */
  record(id: string, revision: number, content: T): void {
    this.#revisions.set(id, revision);
    this.#content.set(id, structuredClone(content));
  }

  /** A workspace made in this tab and never stored: revision 0, nothing to merge against. */
  recordNew(id: string): void {
    if (!this.#revisions.has(id)) this.#revisions.set(id, 0);
  }

  revision(id: string): number | undefined {
    return this.#revisions.get(id);
  }

  content(id: string): T | null {
    return this.#content.get(id) ?? null;
  }

  forget(id: string): void {
    this.#revisions.delete(id);
    this.#content.delete(id);
  }
}
