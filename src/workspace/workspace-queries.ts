/**
 * Lookups across all workspaces of this browser, for the map, the kompas
 * badges and the report: which workspaces cover an area, and the
 * kernteam's judgement or local knowledge for an area (the active
 * workspace first, then any other).
 */
import { gemeenteOfAreaCode, levelOfAreaCode, wijkOfAreaCode } from '../model/area-code.ts';
import type { Judgement, LocalKnowledge, Workspace } from './model.ts';

/** Is `code` the area itself or a buurt or wijk inside the wijk/gemeente `container`? The code rule is src/model/area-code.ts. */
export function areaWithin(code: string, container: string): boolean {
  if (code === container) return true;
  const inner = levelOfAreaCode(code);
  const outer = levelOfAreaCode(container);
  if (outer === 'gemeente') return inner === 'wijk' || inner === 'buurt' ? gemeenteOfAreaCode(code) === container : false;
  if (outer === 'wijk') return inner === 'buurt' && wijkOfAreaCode(code) === container;
  return false;
}

/** Workspaces whose focus contains this area (the area itself or a wijk/gemeente around it), or lies inside it. */
export function workspacesCovering(workspaces: Workspace[], areaCode: string): Workspace[] {
  return workspaces.filter((w) => w.focus.areas.some((a) => areaWithin(areaCode, a.code) || areaWithin(a.code, areaCode)));
}

/** The order in which lookups ask the workspaces: the active one first. */
export function activeFirst(workspaces: Workspace[], active: Workspace | null): Workspace[] {
  return active ? [active, ...workspaces.filter((w) => w !== active)] : workspaces;
}

export function findJudgement(ordered: Workspace[], areaCode: string, categoryId: string): { judgement: Judgement; workspace: Workspace } | null {
  for (const ws of ordered) {
    const j = (ws.judgements ?? []).find((x) => x.areaCode === areaCode && x.categoryId === categoryId);
    if (j) return { judgement: j, workspace: ws };
  }
  return null;
}

/** All judgements for one category by area code, the first workspace in `ordered` winning. */
export function judgementsFor(ordered: Workspace[], categoryId: string): Map<string, Judgement> {
  const out = new Map<string, Judgement>();
  for (const ws of ordered) for (const j of ws.judgements ?? []) if (j.categoryId === categoryId && !out.has(j.areaCode)) out.set(j.areaCode, j);
  return out;
}

/** Local knowledge for the area itself, else for the wijk or gemeente around it. */
export function findLocalKnowledge(ordered: Workspace[], areaCode: string, categoryId: string): { entry: LocalKnowledge; workspace: Workspace } | null {
  const matches = (exact: boolean) => {
    for (const ws of ordered) {
      const entry = ws.localKnowledge.find(
        (k) => k.categoryId === categoryId && (exact ? k.areaCode === areaCode : areaWithin(areaCode, k.areaCode)) && hasContent(k),
      );
      if (entry) return { entry, workspace: ws };
    }
    return null;
  };
  return matches(true) ?? matches(false);
}

function hasContent(k: LocalKnowledge): boolean {
  return k.recognises !== null || k.examples.trim() !== '' || k.notes.trim() !== '';
}
