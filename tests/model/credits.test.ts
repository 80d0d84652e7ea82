import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { creditLine, publisherNames } from '../../src/model/credits.ts';
import type { DatasetCatalog } from '../../src/model/dataset-format.ts';

const catalog = JSON.parse(readFileSync(new URL('../../public/data/datasets.json', import.meta.url), 'utf8')) as DatasetCatalog;
const nl2024 = catalog.datasets.find((d) => d.id === 'nl2024')!;

describe('credit line', () => {
  it('names every publisher of the shipped Nederland 2024 data once, RIVM and GGD together, and the licence', () => {
    expect(publisherNames(nl2024.sources)).toEqual(['CBS', 'Politie', 'RIVM/GGD', 'PDOK']);
    expect(creditLine(nl2024.sources)).toBe('Bron: CBS, Politie, RIVM/GGD, PDOK · licentie CC BY 4.0');
  });

  it('credits the PDOK basemap only when a PDOK basemap is on', () => {
    const sources = [{ publisher: 'CBS', licence: 'CC BY 4.0' }];
    expect(creditLine(sources)).not.toContain('achtergrondkaart');
    expect(creditLine(sources, { basemapStyleUrl: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard.json' })).toContain('achtergrondkaart: PDOK');
    expect(creditLine(sources, { basemapStyleUrl: './kaart/stijl.json' })).toContain('achtergrondkaart: zie de bronvermelding');
  });

  it('leaves local imports out of the licence list', () => {
    expect(creditLine([{ publisher: 'CBS', licence: 'CC BY 4.0' }, { publisher: 'gemeente', licence: 'lokaal' }])).toBe('Bron: CBS, gemeente · licentie CC BY 4.0');
  });
});
