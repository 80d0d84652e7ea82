/**
 * Does a workspace fit the dataset on screen? A workspace file records the
 * dataset it was made on (file version 6, model.ts DatasetRef); on import
 * the app lists the areas the current dataset does not have. They are kept
 * in the workspace (nothing the kernteam wrote is lost), only flagged.
 */
import type { DatasetRef, Workspace } from './model.ts';

/** How many codes a warning names before it says "en N meer". */
const CODES_SHOWN = 5;

/** Every area code the workspace refers to, in order of first mention, without duplicates. */
export function areaCodesOf(ws: Workspace): string[] {
  const codes = [
    ...ws.focus.areas.map((a) => a.code),
    ...ws.localKnowledge.map((k) => k.areaCode),
    ...ws.tafel.map((t) => t.areaCode),
    ...(ws.judgements ?? []).map((j) => j.areaCode),
    ...ws.events.flatMap((e) => (e.areaCode ? [e.areaCode] : [])),
  ];
  return [...new Set(codes.filter((c) => c.trim() !== ''))];
}

/** The workspace's area codes that `hasArea` does not know. */
export function areasMissingFrom(ws: Workspace, hasArea: (code: string) => boolean): string[] {
  return areaCodesOf(ws).filter((code) => !hasArea(code));
}

export interface DatasetMismatch {
  /** The workspace's dataset differs from the current one (false when the workspace does not know its dataset). */
  otherDataset: boolean;
  missing: string[];
  /** Dutch text for the user; '' when nothing is wrong. */
  message: string;
}

export function datasetLabel(d: DatasetRef): string {
  return `‘${d.title}’ (indeling ${d.indelingYear})`;
}

/** "BU1, BU2, BU3, BU4, BU5 en 2 meer". */
export function listCodes(codes: readonly string[], shown = CODES_SHOWN): string {
  const head = codes.slice(0, shown).join(', ');
  return codes.length > shown ? `${head} en ${codes.length - shown} meer` : head;
}

/** Compares a workspace with the dataset on screen and explains any difference in Dutch. */
export function checkAgainstDataset(ws: Workspace, current: { ref: DatasetRef; hasArea: (code: string) => boolean }): DatasetMismatch {
  const otherDataset = ws.dataset !== null && ws.dataset.id !== current.ref.id;
  const missing = areasMissingFrom(ws, current.hasArea);
  const parts: string[] = [];
  if (otherDataset && ws.dataset) {
    parts.push(`Deze werkruimte is gemaakt op dataset ${datasetLabel(ws.dataset)}; de kaart toont nu ${datasetLabel(current.ref)}.`);
  } else if (ws.dataset === null && missing.length) {
    parts.push('Het bestand vermeldt niet op welke dataset het is gemaakt.');
  }
  if (missing.length) {
    const n = missing.length;
    parts.push(
      `${n} ${n === 1 ? 'gebied bestaat' : 'gebieden bestaan'} niet in ${datasetLabel(current.ref)}: ${listCodes(missing)}. ` +
        `${n === 1 ? 'Het blijft' : 'Ze blijven'} in de werkruimte bewaard, maar ${n === 1 ? 'staat' : 'staan'} niet op de kaart en ${n === 1 ? 'krijgt' : 'krijgen'} geen scores.`,
    );
  }
  return { otherDataset, missing, message: parts.join(' ') };
}
