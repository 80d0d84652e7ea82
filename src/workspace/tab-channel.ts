/**
 * Tells the other tabs of this browser about each save or delete
 * (BroadcastChannel). The receiving side, merging and conflicts, is in
 * workspace-store.svelte.ts and merge.ts.
 */
export type TabMessage =
  | { type: 'saved'; id: string; revision: number; tab: string }
  | { type: 'deleted'; id: string; tab: string };

export class TabChannel {
  #channel: BroadcastChannel | null = null;

  /** Listens on `name`; without BroadcastChannel (old browsers, Node) this tab hears nothing and says nothing. */
  constructor(name: string, onMessage: (msg: TabMessage) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (ev: MessageEvent<TabMessage>) => onMessage(ev.data);
  }

  post(msg: TabMessage): void {
    try {
      this.#channel?.postMessage(msg);
    } catch {
      // A closed channel only means no other tab hears about it.
    }
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
