/**
 * IndexedDB persistence for workspaces. Each record carries a revision
 * counter; a write states the revision it was based on and is refused when
 * another tab wrote in between. The check and the write happen in one
 * readwrite transaction, so two tabs cannot both pass the check.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Workspace } from './model.ts';
import { DB_NAME } from './db-name.ts';

export { DB_NAME };

const DB_VERSION = 1;

export interface StoredWorkspace {
  id: string;
  revision: number;
  workspace: Workspace;
}

interface Schema extends DBSchema {
  workspaces: { key: string; value: StoredWorkspace };
}

export type PutResult =
  | { ok: true; revision: number }
  /** `current` is null when the workspace was deleted elsewhere. */
  | { ok: false; current: StoredWorkspace | null };

export class WorkspaceDb {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(name = DB_NAME): Promise<WorkspaceDb> {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('workspaces')) database.createObjectStore('workspaces', { keyPath: 'id' });
      },
      // Another tab upgraded the schema: let it proceed and stop using this connection.
      blocking() {
        db.close();
      },
    });
    return new WorkspaceDb(db);
  }

  async all(): Promise<StoredWorkspace[]> {
    return this.db.getAll('workspaces');
  }

  async get(id: string): Promise<StoredWorkspace | null> {
    return (await this.db.get('workspaces', id)) ?? null;
  }

  /** Writes when the stored revision still equals `basedOn` (0 for a new workspace). */
  async put(workspace: Workspace, basedOn: number): Promise<PutResult> {
    const tx = this.db.transaction('workspaces', 'readwrite');
    const current = (await tx.store.get(workspace.id)) ?? null;
    const currentRevision = current?.revision ?? 0;
    if (currentRevision !== basedOn) {
      await tx.done;
      return { ok: false, current };
    }
    const revision = basedOn + 1;
    await tx.store.put({ id: workspace.id, revision, workspace });
    await tx.done;
    return { ok: true, revision };
  }

  /** Writes regardless of what is stored ("mijn versie bewaren"), on top of the latest revision. */
  async forcePut(workspace: Workspace): Promise<number> {
    const tx = this.db.transaction('workspaces', 'readwrite');
    const current = await tx.store.get(workspace.id);
    const revision = (current?.revision ?? 0) + 1;
    await tx.store.put({ id: workspace.id, revision, workspace });
    await tx.done;
    return revision;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('workspaces', id);
  }

  close(): void {
    this.db.close();
  }
}
