import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHostConfig, validateHostConfig } from '../../src/hosting/host-config.ts';

describe('config.json validation', () => {
  it('accepts the shipped config.json and the documented PDOK example', () => {
    expect(parseHostConfig(readFileSync('public/config.json', 'utf8')).problems).toEqual([]);
    const pdok = { defaultDataset: 'nl2024', defaultGemeente: 'GM0014', basemapStyleUrl: 'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=mapbox' };
    expect(validateHostConfig(pdok)).toEqual({ config: pdok, problems: [] });
  });

  it('names a gemeente name given where a GM code belongs, and keeps the other settings', () => {
    const { config, problems } = validateHostConfig({ defaultDataset: 'nl2024', defaultGemeente: 'Groningen' });
    expect(config).toEqual({ defaultDataset: 'nl2024' });
    expect(problems).toHaveLength(1);
    expect(problems[0].key).toBe('defaultGemeente');
    expect(problems[0].message).toContain('"defaultGemeente" is ongeldig: verwacht een gemeentecode zoals "GM0014"');
    expect(problems[0].message).toContain('"Groningen"');
  });

  it.each([
    ['defaultGemeente', 14],
    ['defaultGemeente', 'gm14'],
    ['defaultDataset', ''],
    ['defaultDataset', null],
    ['basemapStyleUrl', 'api.pdok.nl/styles'],
    ['basemapStyleUrl', 'javascript:alert(1)'],
    ['basemapStyleUrl', true],
  ])('refuses %s = %j with a message naming that key', (key, value) => {
    const { config, problems } = validateHostConfig({ [key]: value });
    expect(config).toEqual({});
    expect(problems.map((p) => p.key)).toEqual([key]);
    expect(problems[0].message).toContain(`"${key}"`);
  });

  it('ignores an unknown key with a message listing the known ones (a typo is found)', () => {
    const { config, problems } = validateHostConfig({ defaultGemente: 'GM0014' });
    expect(config).toEqual({});
    expect(problems[0].message).toMatch(/onbekende sleutel "defaultGemente".*defaultGemeente/);
  });

  it('says invalid JSON and a non-object in Dutch', () => {
    expect(parseHostConfig('{ "defaultDataset": "nl2024", }').problems[0].message).toMatch(/^config\.json is geen geldige JSON/);
    expect(parseHostConfig('["nl2024"]').problems[0].message).toMatch(/moet een object zijn/);
  });
});
