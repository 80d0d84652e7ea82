/**
 * A gemeente's own house style: a token stylesheet (NL Design System CSS
 * custom properties) and a logo, named in config.json. Only files on the
 * app's own origin are accepted (the app loads nothing from another host, and
 * the Content-Security-Policy in docs/hosting.md allows only 'self'). Every
 * refusal or failure becomes a Dutch message and the built-in neutral theme
 * (voorbeeld-theme.css) stays in force. Keys and example: docs/hosting.md.
 */

/** The config.json keys read here (flat, next to the other host settings). */
export interface ThemeConfigKeys {
  /** Token stylesheet, relative to the app (e.g. "huisstijl/tokens.css"). */
  themeStylesheet?: string | null;
  /** CSS class the stylesheet scopes its tokens to (e.g. "voorbeeld-theme"); put on <html>. */
  themeClassName?: string | null;
  /** Logo image for the page header, relative to the app. */
  logoUrl?: string | null;
  /** Text alternative of the logo, e.g. "Gemeente Voorbeeldstad". Required with logoUrl. */
  logoAlt?: string | null;
}

export interface ResolvedTheme {
  stylesheetUrl: string | null;
  className: string | null;
  logo: { url: string; alt: string } | null;
  /** Dutch messages for what was refused; the rest still applies. */
  problems: string[];
}

const CLASS_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Same-origin URL for a config value, or a Dutch reason why not. */
function sameOriginUrl(key: string, value: unknown, base: string): { url: string } | { problem: string } | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return { problem: `config.json: ${key} moet tekst zijn (een pad naar een bestand op deze server).` };
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { problem: `config.json: ${key} „${value}” is geen geldig pad.` };
  }
  if (url.origin !== new URL(base).origin) {
    return { problem: `config.json: ${key} verwijst naar een andere server (${url.origin}). Alleen bestanden op deze eigen server zijn toegestaan; zet het bestand naast de app.` };
  }
  return { url: url.href };
}

/** Pure: read and check the theme keys of a parsed config.json against the app's base URL. */
export function resolveTheme(config: Record<string, unknown>, base: string): ResolvedTheme {
  const problems: string[] = [];
  const take = (key: keyof ThemeConfigKeys) => {
    const r = sameOriginUrl(key, config[key], base);
    if (r && 'problem' in r) problems.push(r.problem);
    return r && 'url' in r ? r.url : null;
  };
  const stylesheetUrl = take('themeStylesheet');
  const logoUrl = take('logoUrl');

  let className: string | null = null;
  const rawClass = config.themeClassName;
  if (rawClass !== undefined && rawClass !== null && rawClass !== '') {
    if (typeof rawClass === 'string' && CLASS_NAME.test(rawClass)) className = rawClass;
    else problems.push('config.json: themeClassName moet één CSS-klassenaam zijn (kleine letters, cijfers en streepjes, bijvoorbeeld "voorbeeld-theme").');
  }

  let logo: ResolvedTheme['logo'] = null;
  if (logoUrl) {
    const alt = typeof config.logoAlt === 'string' ? config.logoAlt.trim() : '';
    if (!alt) problems.push('config.json: logoAlt ontbreekt; zonder tekstalternatief (bijvoorbeeld "Gemeente Voorbeeldstad") wordt het logo niet getoond.');
    else logo = { url: logoUrl, alt };
  }
  return { stylesheetUrl, className, logo, problems };
}

/**
 * Browser: check the stylesheet on the server first (a 404 or an HTML
 * fallback page must not pass silently), then link it after the built-in
 * theme so its tokens win. Resolves with a Dutch message when it failed.
 */
export async function applyThemeStylesheet(theme: ResolvedTheme, doc: Document = document): Promise<string | null> {
  if (theme.className) doc.documentElement.classList.add(theme.className);
  if (!theme.stylesheetUrl) return null;
  const shown = theme.stylesheetUrl.replace(new URL('.', doc.baseURI).href, '');
  const fallback = 'De app gebruikt de standaardhuisstijl.';
  try {
    const response = await fetch(theme.stylesheetUrl);
    if (!response.ok) return `Huisstijl niet geladen: ${shown} gaf ${response.status} ${response.statusText}`.trim() + `. Staat het bestand op de server? ${fallback}`;
    const type = response.headers.get('content-type') ?? '';
    if (!/text\/css/i.test(type)) return `Huisstijl niet geladen: ${shown} is geen CSS (de server stuurt ${type || 'geen type'}). ${fallback}`;
  } catch {
    return `Huisstijl niet geladen: ${shown} is niet bereikbaar. ${fallback}`;
  }
  return new Promise((resolve) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = theme.stylesheetUrl!;
    link.dataset.hostTheme = '';
    link.onload = () => resolve(null);
    link.onerror = () => resolve(`Huisstijl niet geladen: ${shown} kon niet worden toegepast. ${fallback}`);
    doc.head.append(link);
  });
}
