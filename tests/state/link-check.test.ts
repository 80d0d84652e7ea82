import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { GAP_TARGET } from '../../src/beleving/gap.ts';
import { fitLinkToModel, isMapTarget, linkMessage } from '../../src/state/link-check.ts';

describe('a link against the dataset it opens', () => {
  it('offers as map targets what the Kaartkleur list offers, and nothing else', () => {
    for (const id of ['overall', 'fysiek', 'S4', 'objectief', 'beleving', GAP_TARGET]) expect(isMapTarget(KOMPAS_MODEL, id)).toBe(true);
    for (const id of ['XYZ', 'S4.3', 'S99', '']) expect(isMapTarget(KOMPAS_MODEL, id)).toBe(false);
  });

  it('keeps the known target and weights, and names the unknown ones', () => {
    expect(fitLinkToModel({ target: 'S4', weights: { S4: 2, 'S4.3': 0.5 } }, KOMPAS_MODEL, 'Nederland 2024')).toEqual({ target: 'S4', weights: { S4: 2, 'S4.3': 0.5 }, ignored: [] });
    expect(fitLinkToModel({ target: null, weights: {} }, KOMPAS_MODEL, 'Nederland 2024')).toEqual({ target: null, weights: {}, ignored: [] });
    const fit = fitLinkToModel({ target: 'S13', weights: { S4: 2, 'S4.99': 1, Q1: 3 } }, KOMPAS_MODEL, 'Nederland 2024');
    expect(fit.target).toBeNull();
    expect(fit.weights).toEqual({ S4: 2 });
    expect(fit.ignored).toEqual([
      'kaartkleur "S13" bestaat niet in Nederland 2024; de kaart toont de kwetsbaarheidsscore',
      'gewicht voor "S4.99": die categorie of factor bestaat niet in Nederland 2024',
      'gewicht voor "Q1": die categorie of factor bestaat niet in Nederland 2024',
    ]);
  });

  it('says nothing when all was applied, and one message for all that was not', () => {
    expect(linkMessage([])).toBeNull();
    expect(linkMessage(['a', 'b'])?.message).toBe('Niet alles uit de link is toegepast: a; b.');
  });
});
