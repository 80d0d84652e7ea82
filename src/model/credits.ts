/**
 * One wording of the credit line for every place the figures go: the map's
 * attribution, the printed report, the score CSV and the GeoJSON export.
 * CC BY 4.0 asks for the maker and the licence wherever the data is shown
 * or passed on, so all of them take the line from here. Pure.
 */

export interface CreditedSource {
  /** e.g. "CBS", "Politie, CBS", "RIVM, CBS, GGD" (datasets.json). */
  publisher: string;
  licence: string;
}

/** Publishers named in this order; RIVM and GGD publish together ("Gezondheid per wijk en buurt"). */
const ORDER = ['CBS', 'Politie', 'RIVM/GGD', 'PDOK'];

/** The publishers of the sources, deduplicated and in a fixed order. */
export function publisherNames(sources: readonly CreditedSource[]): string[] {
  const names = new Set<string>();
  for (const s of sources) {
    for (const raw of s.publisher.split(/\s*[,/&]\s*|\s+en\s+/)) {
      const name = raw.trim();
      if (!name) continue;
      names.add(name === 'RIVM' || name === 'GGD' ? 'RIVM/GGD' : name);
    }
  }
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'nl'));
}

export function licenceNames(sources: readonly CreditedSource[]): string[] {
  return [...new Set(sources.map((s) => s.licence.trim()).filter((l) => l && l !== 'lokaal'))];
}

export interface CreditOptions {
  /** The host's basemap style URL when the basemap is on (config.json `basemapStyleUrl`). */
  basemapStyleUrl?: string | null;
}

/** "Bron: CBS, Politie, RIVM/GGD, PDOK · licentie CC BY 4.0", plus the basemap when one is shown. */
export function creditLine(sources: readonly CreditedSource[], options: CreditOptions = {}): string {
  const parts = [`Bron: ${publisherNames(sources).join(', ')}`];
  const licences = licenceNames(sources);
  if (licences.length) parts.push(`licentie ${licences.join(', ')}`);
  if (options.basemapStyleUrl) {
    parts.push(/pdok/i.test(options.basemapStyleUrl) ? 'achtergrondkaart: PDOK (BRT-Achtergrondkaart, CC BY 4.0)' : 'achtergrondkaart: zie de bronvermelding van de kaartstijl');
  }
  return parts.join(' · ');
}
