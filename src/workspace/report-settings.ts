/**
 * Settings of the report for the bestuur that belong to the person printing,
 * not to a workspace: the author line on the title page (a role or a name the
 * user types). Kept in this browser's localStorage; when storage is refused
 * the field still works for this session.
 */
const AUTHOR_KEY = 'wvk:rapport:auteur';
export const AUTHOR_MAX_LENGTH = 200;

export function loadReportAuthor(): string {
  try {
    return (globalThis.localStorage?.getItem(AUTHOR_KEY) ?? '').slice(0, AUTHOR_MAX_LENGTH);
  } catch {
    return '';
  }
}

/** False when the browser refused to keep it (private mode, storage off). */
export function saveReportAuthor(author: string): boolean {
  try {
    const value = author.slice(0, AUTHOR_MAX_LENGTH);
    if (value.trim()) globalThis.localStorage?.setItem(AUTHOR_KEY, value);
    else globalThis.localStorage?.removeItem(AUTHOR_KEY);
    return !!globalThis.localStorage;
  } catch {
    return false;
  }
}
