/**
 * Saving a text file where the user chooses. Chromium-based browsers have
 * the File System Access API (`showSaveFilePicker`); elsewhere the file is
 * offered as a download. Managed desktops often wipe browser storage, so
 * this is the kernteam's safety net.
 */

export type SaveOutcome = 'opgeslagen' | 'gedownload' | 'geannuleerd';

interface PickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;
}

export async function saveTextFile(
  text: string,
  fileName: string,
  mime: 'application/json' | 'text/csv',
  options: { pick: boolean } = { pick: true },
): Promise<SaveOutcome> {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const picker = (globalThis as unknown as PickerWindow).showSaveFilePicker;
  if (options.pick && typeof picker === 'function') {
    const ext = mime === 'application/json' ? '.json' : '.csv';
    try {
      const handle = await picker.call(globalThis, {
        suggestedName: fileName,
        types: [{ description: mime === 'application/json' ? 'Werkruimte (JSON)' : 'Tabel (CSV)', accept: { [mime]: [ext] } }],
      });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return 'opgeslagen';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return 'geannuleerd';
      // Blocked by policy (some managed desktops) or a sandboxed frame: fall back to a download.
    }
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before revoking.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'gedownload';
}

/** Reads a chosen file as UTF-8 text (File.text() is in every supported browser). */
export function readTextFile(file: File): Promise<string> {
  return file.text();
}
