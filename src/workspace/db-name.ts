/**
 * The IndexedDB database that holds the workspaces, in a module of its own:
 * the start bundle asks whether it exists without loading the IndexedDB code.
 */
export const DB_NAME = 'wijkveiligheidskompas-werkruimtes';
