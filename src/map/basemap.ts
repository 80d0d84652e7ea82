/**
 * The host's optional basemap (config.json basemapStyleUrl), loaded before
 * the map so that a blocked or unreachable basemap never blanks the map:
 * the map then starts with its own style and the status area says why.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { basemapBlocked, basemapUnreachable, hostOf, type Diagnosis } from '../hosting/diagnose.ts';

/** How long an unreachable basemap host may delay the first map. */
const STYLE_TIMEOUT_MS = 8000;

/** Origins the page's Content-Security-Policy refused, as the browser reported them. */
const refusedOrigins = new Set<string>();
if (typeof window !== 'undefined') {
  window.addEventListener('securitypolicyviolation', (event) => {
    try {
      refusedOrigins.add(new URL(event.blockedURI).origin);
    } catch {
      // "inline", "eval" and the like: not a basemap request.
    }
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** True once the CSP refused a request to the origin of `url` (tiles, sprites, glyphs). */
export function refusedByPolicy(url: string): boolean {
  return refusedOrigins.has(originOf(url));
}

/** The basemap's problem, telling a policy block from an unreachable host. */
export function basemapProblem(url: string): Diagnosis {
  return refusedByPolicy(url) ? basemapBlocked(hostOf(url)) : basemapUnreachable(hostOf(url));
}

export type BasemapResult = { style: StyleSpecification } | { problem: Diagnosis };

export async function loadBasemapStyle(url: string): Promise<BasemapResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(STYLE_TIMEOUT_MS) });
    if (!response.ok) return { problem: basemapUnreachable(hostOf(url)) };
    const style = (await response.json()) as StyleSpecification;
    if (!style || typeof style !== 'object' || style.version !== 8 || !style.sources || !Array.isArray(style.layers)) {
      return { problem: { ...basemapUnreachable(hostOf(url)), message: `De achtergrondkaart (${url}) is geen MapLibre-stijl. De kaart werkt door zonder achtergrond.` } };
    }
    return { style };
  } catch {
    // The violation event is queued as its own task: let it arrive before deciding.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { problem: basemapProblem(url) };
  }
}
