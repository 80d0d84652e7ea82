import { describe, expect, it } from 'vitest';
import { KOMPAS_MODEL } from '../../src/model/kompas/definition.ts';
import { GAP_TARGET } from '../../src/beleving/gap.ts';
import { fitLinkToDataset, fitLinkToModel, fitLinkToYears, linkMessage, missingSelection } from '../../src/state/link-check.ts';
import { fitPositionToDataset } from '../../src/state/dataset-position.ts';
import { isMapTarget, mapTargetGroups } from '../../src/state/map-targets.ts';
import type { ScoreTarget } from '../../src/model/scoring-types.ts';
import type { DatasetEntry } from '../../src/model/dataset-format.ts';

describe('a link against the dataset it opens', () => {
  it('offers as map targets the overall score, the spheres with their categories and the outcomes apart, and nothing else', () => {
    const groups = mapTargetGroups(KOMPAS_MODEL);
    expect(groups.map((g) => g.label)).toEqual([null, 'Sfeer Fysiek', 'Sfeer Sociaal', 'Sfeer Individueel', 'Uitkomsten (apart, nooit gemiddeld)']);
    expect(groups.flatMap((g) => g.targets).length).toBe(1 + 3 + 12 + 2 + 1);
    expect(groups[4].targets.map((t) => t.id)).toEqual(['objectief', 'beleving', GAP_TARGET]);
    for (const id of ['overall', 'fysiek', 'S4', 'objectief', 'beleving', GAP_TARGET]) expect(isMapTarget(KOMPAS_MODEL, id)).toBe(true);
    for (const id of ['XYZ', 'S4.3', 'S99', '']) expect(isMapTarget(KOMPAS_MODEL, id)).toBe(false);
  });

  it('keeps the known target and weights, and names the unknown ones', () => {
    expect(fitLinkToModel({ target: 'S4', weights: { S4: 2, 'S4.3': 0.5 } }, KOMPAS_MODEL, 'Nederland 2024')).toEqual({ target: 'S4', weights: { S4: 2, 'S4.3': 0.5 }, ignored: [] });
    expect(fitLinkToModel({ target: null, weights: {} }, KOMPAS_MODEL, 'Nederland 2024')).toEqual({ target: null, weights: {}, ignored: [] });
    const fit = fitLinkToModel({ target: 'S13', weights: { S4: 2, 'S4.99': 1, Q1: 3, 'S4.6': 1, 'S4.0': 1 } }, KOMPAS_MODEL, 'Nederland 2024');
    expect(fit.target).toBe('overall');
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
    expect(missingSelection('GM0014', groningen)).toBe('gebied GM0014 is een gemeente en Groningen 2017 heeft geen niveau gemeente');
    expect(missingSelection('BU00149999', groningen)).toBe('gebied BU00149999 staat niet in Groningen 2017 (misschien uit een andere gebiedsindeling)');
  });

  it('keeps a year or change view some target has, and names one none has', () => {
    const targets: ScoreTarget[] = [
      { id: 'overall', label: 'Kwetsbaarheidsscore', kind: 'overall' },
      { id: 'S4', label: 'Criminaliteit', kind: 'category', years: [{ year: 2021, indelingYears: [2024] }, { year: 2023, indelingYears: [2024] }], countSeries: [{ series: 'misdrijven', label: 'misdrijven', years: [2021, 2022, 2023] }] },
    ];
    expect(fitLinkToYears({ year: 2021, changeYears: [2021, 2023] }, targets)).toEqual({ year: 2021, changeYears: [2021, 2023], ignored: [] });
    expect(fitLinkToYears({ year: null, changeYears: null }, targets)).toEqual({ year: null, changeYears: null, ignored: [] });
    expect(fitLinkToYears({ year: 2030, changeYears: [2010, 2023] }, targets)).toEqual({
      year: null,
      changeYears: null,
      ignored: ['jaar 2030 staat niet in de gegevens (wel: 2021, 2023); de kaart toont de nieuwste cijfers', 'jarenvergelijking 2010-2023: geen reeks in de gegevens heeft beide jaren'],
    });
    expect(fitLinkToYears({ year: 2022, changeYears: null }, targets.slice(0, 1)).ignored).toEqual(['jaar 2022 staat niet in de gegevens; de kaart toont de nieuwste cijfers']);
  });

  it('says nothing when all was applied, and one message for all that was not', () => {
    expect(linkMessage([])).toBeNull();
    expect(linkMessage(['a', 'b'])?.message).toBe('Niet alles uit de link is toegepast: a; b.');
    expect(linkMessage(['a'])?.hint).toMatch(/^De rest van de link is toegepast\./);
    // Beside a failed load nothing of the link is on screen.
    expect(linkMessage(['a'], false)?.hint).not.toMatch(/toegepast/);
    expect(linkMessage(['a'], false)?.hint).toMatch(/zodra de fout hierboven is verholpen/);
  });
});

describe('a map position against the dataset it opens on', () => {
  const nl = { title: 'Nederland 2024', bbox: [3.36, 50.75, 7.23, 53.55] as [number, number, number, number], minzoom: 5 };
  const groningen = { title: 'Groningen 2017', bbox: [6.46, 53.18, 6.72, 53.26] as [number, number, number, number], minzoom: 8 };
  it('keeps a position in or near the dataset, raised to the zoom of its first tiles', () => {
    expect(fitPositionToDataset([5.12, 52.09, 12], nl)).toEqual({ position: [5.12, 52.09, 12], ignored: [] });
    // The sea off Zeeland: still a view of the dataset.
    expect(fitPositionToDataset([3.2, 51.5, 10], nl).position).toEqual([3.2, 51.5, 10]);
    expect(fitPositionToDataset([6.56, 53.21, 6], groningen).position).toEqual([6.56, 53.21, 8]);
    expect(fitPositionToDataset(null, nl)).toEqual({ position: null, ignored: [] });
  });
  it('drops a position outside the dataset and says why: latitude and longitude swapped, or the view of the dataset before', () => {
    const swapped = fitPositionToDataset([52.09, 5.12, 12], nl);
    expect(swapped.position).toBeNull();
    expect(swapped.ignored).toEqual(['kaartpositie 52.09,5.12 ligt buiten Nederland 2024 (lengtegraad 3.36–7.23, breedtegraad 50.75–53.55); de kaart toont de hele dataset']);
    expect(fitPositionToDataset([5.12, 52.09, 12], groningen).position).toBeNull();
  });
});
