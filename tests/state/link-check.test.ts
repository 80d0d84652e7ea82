import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { GAP_TARGET } from '../../src/beleving/gap.ts';
import { fitLinkToDataset, fitLinkToModel, isMapTarget, linkMessage, missingSelection } from '../../src/state/link-check.ts';
import type { DatasetEntry } from '../../src/model/dataset-format.ts';

describe('a link against the dataset it opens', () => {
  it('offers as map targets what the Kaartkleur list offers, and nothing else', () => {
    for (const id of ['overall', 'fysiek', 'S4', 'objectief', 'beleving', GAP_TARGET]) expect(isMapTarget(KOMPAS_MODEL, id)).toBe(true);
    for (const id of ['XYZ', 'S4.3', 'S99', '']) expect(isMapTarget(KOMPAS_MODEL, id)).toBe(false);
  });

  it('keeps the known target and weights, and names the unknown ones', () => {
    expect(fitLinkToModel({ target: 'S4', weights: { S4: 2, 'S4.3': 0.5 } }, KOMPAS_MODEL, 'Nederland 2024')).toEqual({ target: 'S4', weights: { S4: 2, 'S4.3': 0.5 }, ignored: [] });
    expect(fitLinkToModel({ target: null, weights: {} }, KOMPAS_MODEL, 'Nederland 2024')).toEqual({ target: null, weights: {}, ignored: [] });
    const fit = fitLinkToModel({ target: 'S13', weights: { S4: 2, 'S4.99': 1, Q1: 3, 'S4.6': 1, 'S4.0': 1 } }, KOMPAS_MODEL, 'Nederland 2024');
    expect(fit.target).toBeNull();
    expect(fit.weights).toEqual({ S4: 2 });
    expect(fit.ignored).toEqual([
      'kaartkleur "S13" bestaat niet in Nederland 2024; de kaart toont de kwetsbaarheidsscore',
      'gewicht voor "S4.99": die categorie of factor bestaat niet in Nederland 2024',
      'gewicht voor "Q1": die categorie of factor bestaat niet in Nederland 2024',
      // Shown-only context and a stand-in have no weight of their own: the weights panel offers no slider for them.
      'gewicht voor "S4.6": die factor heeft geen eigen gewicht om aan te passen',
      'gewicht voor "S4.0": die factor heeft geen eigen gewicht om aan te passen',
    ]);
  });

  it('names a dataset or level the start could not open, and the level it shows instead', () => {
    const groningen = { id: 'groningen2017', title: 'Groningen 2017', levels: ['wijk', 'buurt'] } as DatasetEntry;
    expect(fitLinkToDataset({ dataset: 'groningen2017', level: 'buurt' }, groningen)).toEqual({ level: 'buurt', ignored: [] });
    expect(fitLinkToDataset({ dataset: null, level: null }, groningen)).toEqual({ level: null, ignored: [] });
    expect(fitLinkToDataset({ dataset: 'nl2099', level: 'gemeente' }, groningen)).toEqual({
      level: 'wijk',
      ignored: ['dataset "nl2099" staat niet in deze installatie; de kaart toont Groningen 2017', 'Groningen 2017 heeft geen niveau gemeente (wel: wijk, buurt); de kaart toont het niveau wijk'],
    });
    expect(missingSelection('GM0014', groningen)).toBe('gebied GM0014 is een gemeente, en Groningen 2017 heeft geen niveau gemeente');
    expect(missingSelection('BU00149999', groningen)).toBe('gebied BU00149999 staat niet in Groningen 2017 (misschien uit een andere gebiedsindeling)');
  });

  it('says nothing when all was applied, and one message for all that was not', () => {
    expect(linkMessage([])).toBeNull();
    expect(linkMessage(['a', 'b'])?.message).toBe('Niet alles uit de link is toegepast: a; b.');
  });
});
