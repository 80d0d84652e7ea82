import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/ui/theme/host-theme.ts';

const BASE = 'https://intranet.gemeente.nl/kompas/';

describe('house style keys in config.json', () => {
  it('resolves same-origin paths against the app, wherever it is hosted', () => {
    const t = resolveTheme({ themeStylesheet: 'huisstijl/tokens.css', themeClassName: 'testdorp-theme', logoUrl: '/logo/gemeente.svg', logoAlt: 'Gemeente Testdorp' }, BASE);
    expect(t).toEqual({
      stylesheetUrl: 'https://intranet.gemeente.nl/kompas/huisstijl/tokens.css',
      className: 'testdorp-theme',
      logo: { url: 'https://intranet.gemeente.nl/logo/gemeente.svg', alt: 'Gemeente Testdorp' },
      problems: [],
    });
  });

  it('refuses another origin, another scheme and a protocol-relative URL, keeping the rest', () => {
    const t = resolveTheme({ themeStylesheet: 'https://cdn.example.org/t.css', logoUrl: '//cdn.example.org/l.svg', logoAlt: 'Logo', themeClassName: 'ok-theme' }, BASE);
    expect(t.stylesheetUrl).toBeNull();
    expect(t.logo).toBeNull();
    expect(t.className).toBe('ok-theme');
    expect(t.problems).toEqual([
      'config.json: themeStylesheet verwijst naar een andere server (https://cdn.example.org). Alleen bestanden op deze eigen server zijn toegestaan; zet het bestand naast de app.',
      'config.json: logoUrl verwijst naar een andere server (https://cdn.example.org). Alleen bestanden op deze eigen server zijn toegestaan; zet het bestand naast de app.',
    ]);
    expect(resolveTheme({ themeStylesheet: 'http://intranet.gemeente.nl/kompas/t.css' }, BASE).problems[0]).toMatch(/andere server \(http:\/\/intranet\.gemeente\.nl\)/);
    expect(resolveTheme({ themeStylesheet: 'data:text/css,:root{}' }, BASE).stylesheetUrl).toBeNull();
  });

  it('asks for a text alternative before it shows a logo, and for a plain class name', () => {
    const t = resolveTheme({ logoUrl: 'logo.svg', themeClassName: 'x" onload="y' }, BASE);
    expect(t.logo).toBeNull();
    expect(t.className).toBeNull();
    expect(t.problems.join('\n')).toMatch(/logoAlt ontbreekt/);
    expect(t.problems.join('\n')).toMatch(/themeClassName moet één CSS-klassenaam zijn/);
  });

  it('no keys: the neutral theme, no messages', () => {
    expect(resolveTheme({ defaultDataset: 'nl2024' }, BASE)).toEqual({ stylesheetUrl: null, className: null, logo: null, problems: [] });
    expect(resolveTheme({ themeStylesheet: 42 }, BASE).problems[0]).toMatch(/themeStylesheet moet tekst zijn/);
  });
});
