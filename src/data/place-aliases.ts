/**
 * Everyday names for areas whose CBS name differs, so that search finds what
 * people type. Codes are those of the CBS indeling 2024; an alias whose codes
 * are not in a dataset simply adds nothing there.
 *
 * Keep this list short and factual: only names in common use for exactly the
 * areas listed (gemeente websites, news, the areas' own organisations).
 */
export interface PlaceAlias {
  name: string;
  codes: string[];
}

export const PLACE_ALIASES: readonly PlaceAlias[] = [
  // Gemeenten whose official name is not the one people say. A gemeente's
  // names are searched with every area in it ("Moerwijk Den Haag"). CBS
  // "Bergen (NH.)" and "Bergen (L.)" need no alias: search ignores brackets
  // and dots, so "Bergen NH" finds them.
  { name: 'Den Haag', codes: ['GM0518'] },
  { name: 'Den Bosch', codes: ['GM0796'] },
  // Friesland: CBS has the Frisian official name, people also use the Dutch
  // one, and for Leeuwarden the other way round.
  { name: 'Tietjerksteradeel', codes: ['GM0737'] },
  { name: 'Dantumadeel', codes: ['GM1891'] },
  { name: 'Zuidwest-Friesland', codes: ['GM1900'] },
  { name: 'De Friese Meren', codes: ['GM1940'] },
  { name: 'Noordoost-Friesland', codes: ['GM1970'] },
  { name: 'Ljouwert', codes: ['GM0080'] },
  // Den Haag: CBS calls the wijk and its three buurten "Schildersbuurt".
  { name: 'Schilderswijk', codes: ['WK051829', 'BU05182915', 'BU05182916', 'BU05182917'] },
  // Amsterdam-Zuidoost: the Bijlmermeer is split over these CBS wijken (the
  // D-, E-, F-, G-, H- and K-buurten); no CBS wijk carries the name itself.
  { name: 'Bijlmer', codes: ['WK0363TC', 'WK0363TD', 'WK0363TE', 'WK0363TF', 'WK0363TG', 'WK0363TH'] },
  { name: 'Bijlmermeer', codes: ['WK0363TC', 'WK0363TD', 'WK0363TE', 'WK0363TF', 'WK0363TG', 'WK0363TH'] },
];
