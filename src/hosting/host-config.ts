/**
 * config.json: the beheerder's settings next to index.html. Every key has a
 * row in HOST_CONFIG_KEYS with its rule; a wrong value is named in Dutch and
 * ignored (the app uses its default), so one typo never stops the app.
 * To add a setting: add it to HostConfig and give it a row below.
 */

import type { ThemeConfigKeys } from '../ui/theme/host-theme.ts';
import { parseJsonText } from '../model/formats/json-text.ts';

export interface HostConfig extends ThemeConfigKeys {
  /** Dataset to open with; defaults to the catalog's default. */
  defaultDataset?: string;
  /** A gemeente code (e.g. "GM0014") to open on instead of the whole dataset. */
  defaultGemeente?: string | null;
  /** Optional basemap style URL (e.g. PDOK BRT-Achtergrondkaart); off by default. */
  basemapStyleUrl?: string | null;
}

export interface ConfigProblem {
  /** The key in config.json, or '' for the file as a whole. */
  key: string;
  message: string;
}

interface KeyRule {
  /** What a valid value looks like, for the message. */
  expected: string;
  valid: (value: unknown) => boolean;
}

const nullOr = (test: (v: unknown) => boolean) => (v: unknown) => v === null || test(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isHttpUrl(v: unknown): boolean {
  if (!isString(v)) return false;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export const HOST_CONFIG_KEYS: Record<keyof HostConfig, KeyRule> = {
  defaultDataset: {
    expected: 'de id van een dataset uit data/datasets.json, zoals "nl2024"',
    valid: (v) => isString(v) && /^[A-Za-z0-9_-]+$/.test(v),
  },
  defaultGemeente: {
    expected: 'een gemeentecode zoals "GM0014", of null',
    valid: nullOr((v) => isString(v) && /^GM\d{4}$/.test(v)),
  },
  basemapStyleUrl: {
    expected: 'een volledig https-adres van een MapLibre-stijl, of null',
    valid: nullOr(isHttpUrl),
  },
  // House style (src/ui/theme/host-theme.ts checks that the files are on this server).
  themeStylesheet: {
    expected: 'een pad naar een CSS-bestand met design tokens op deze server, zoals "huisstijl/tokens.css", of null',
    valid: nullOr(isString),
  },
  themeClassName: {
    expected: 'een CSS-klassenaam in kleine letters, zoals "gemeente-theme", of null',
    valid: nullOr((v) => isString(v) && /^[a-z][a-z0-9-]{0,63}$/.test(v)),
  },
  logoUrl: {
    expected: 'een pad naar een afbeelding op deze server, zoals "huisstijl/logo.svg", of null',
    valid: nullOr(isString),
  },
  logoAlt: {
    expected: 'de naam die het logo toont, zoals "Gemeente Voorbeeldstad", of null',
    valid: nullOr((v) => isString(v) && v.trim().length > 0),
  },
};

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Checks parsed config.json; returns the valid settings and a message per wrong key. */
export function validateHostConfig(json: unknown): { config: HostConfig; problems: ConfigProblem[] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { config: {}, problems: [{ key: '', message: `config.json moet een object zijn ({ "sleutel": waarde, … }), gevonden ${shown(json)}.` }] };
  }
  const config: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  const known = Object.keys(HOST_CONFIG_KEYS);
  for (const [key, value] of Object.entries(json)) {
    // Own keys only: "constructor" or "toString" must not find Object.prototype's members.
    const rule = Object.hasOwn(HOST_CONFIG_KEYS, key) ? (HOST_CONFIG_KEYS as Record<string, KeyRule>)[key] : undefined;
    if (!rule) {
      problems.push({ key, message: `config.json: onbekende sleutel "${key}" wordt genegeerd (bekende sleutels: ${known.join(', ')}).` });
    } else if (!rule.valid(value)) {
      problems.push({ key, message: `config.json: "${key}" is ongeldig: verwacht ${rule.expected}, gevonden ${shown(value)}. De app gebruikt de standaardwaarde.` });
    } else {
      config[key] = value;
    }
  }
  return { config: config as HostConfig, problems };
}

/** Parses and checks the text of config.json. */
export function parseHostConfig(text: string): { config: HostConfig; problems: ConfigProblem[] } {
  // parseJsonText says what is wrong and where in Dutch, instead of the engine's English parser text.
  const json = parseJsonText(text);
  if (!json.ok) return { config: {}, problems: [{ key: '', message: `config.json is geen geldige JSON: ${json.problem}; de app gebruikt de standaardinstellingen.` }] };
  return validateHostConfig(json.value);
}

export const CONFIG_HINT = 'Pas config.json naast index.html aan; de sleutels en hun waarden staan in docs/hosting.md § 6a.';

/** Fetches config.json next to the app. A missing file is fine: every setting has a default. */
export async function loadHostConfig(url: string): Promise<{ config: HostConfig; problems: ConfigProblem[]; found: boolean }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return { config: {}, problems: [], found: false };
  }
  if (response.status === 404) return { config: {}, problems: [], found: false };
  if (!response.ok) return { config: {}, problems: [{ key: '', message: `config.json: de server antwoordde met status ${response.status}; de app gebruikt de standaardinstellingen.` }], found: false };
  return { ...parseHostConfig(await response.text()), found: true };
}
