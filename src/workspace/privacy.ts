/**
 * Kernteam notes must not contain personal data (AVG; docs/import.md, "Privacy").
 * This only catches the obvious patterns to remind the writer; it is a
 * hint, not a filter, and never blocks saving.
 */

const CHECKS: { label: string; re: RegExp }[] = [
  { label: 'een e-mailadres', re: /[^\s@]+@[^\s@]+\.[a-z]{2,}/i },
  { label: 'een telefoonnummer', re: /(?:\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){8}\b/ },
  { label: 'een adres (postcode met huisnummer)', re: /\b[1-9]\d{3}\s?[A-Z]{2}\s+\d{1,5}\b/ },
  { label: 'een adres (straat met huisnummer)', re: /\b[A-Z][a-z]+(?:straat|laan|weg|plein|singel|gracht|kade|dijk|hof|steeg)\s+\d{1,5}\b/ },
  { label: 'een BSN of ander persoonsnummer', re: /\b\d{9}\b/ },
];

/** What the text seems to contain, e.g. ["een e-mailadres"]; empty when nothing obvious. */
export function personalDataHints(text: string): string[] {
  if (!text) return [];
  return CHECKS.filter((c) => c.re.test(text)).map((c) => c.label);
}
