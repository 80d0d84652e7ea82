/**
 * A part of the app that loads on first use (its own script file) and could
 * not: most often a page left open while the app on the server was updated,
 * so it asks for a file of the previous version. Said in the status area.
 */
import { appStatus } from '../state/status.svelte.ts';

export function reportLoadFailure(what: string, error: unknown): void {
  appStatus.report({
    key: `scripts:lazy:${what}`,
    source: 'scripts',
    severity: 'error',
    message: `${what} kon niet worden geladen (${error instanceof Error ? error.message : String(error)}).`,
    hint: 'Herlaad de pagina: is de app op de server net bijgewerkt, dan vraagt deze pagina nog om bestanden van de vorige versie. Helpt herladen niet, vraag de beheerder dan of de map assets/ volledig op de server staat (docs/hosting.md § 5). Uw werk blijft in deze browser bewaard.',
  });
}
