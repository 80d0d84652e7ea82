/** The adopter papers agree with each other and with the app (version, licence). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/ui/version.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };
const publiccode = read('publiccode.yml');
const field = (name: string) => new RegExp(`^\\s*${name}:\\s*"?([^"\\n]+)"?\\s*$`, 'm').exec(publiccode)?.[1];

describe('adopter papers', () => {
  it('one version in package.json, publiccode.yml, the footer and the CHANGELOG', () => {
    expect(field('softwareVersion')).toBe(pkg.version);
    expect(APP_VERSION).toBe(pkg.version);
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - ${field('releaseDate')}$`, 'm'));
  });

  it('one SPDX licence id in package.json, publiccode.yml and LICENSE', () => {
    expect(field('license')).toBe(pkg.license);
    expect(read('LICENSE').split('\n')[0]).toBe(`${pkg.license} License`);
    expect(read('LICENSE')).not.toMatch(/De makers van/);
  });

  it('publiccode.yml describes the software in Dutch and English', () => {
    for (const lang of ['nl', 'en']) expect(publiccode).toMatch(new RegExp(`^  ${lang}:\\n(    .+\\n)*    shortDescription:`, 'm'));
  });
});
