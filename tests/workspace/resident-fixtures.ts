import type { CategoryFigure, ResidentPageInput } from '../../src/workspace/resident-page.ts';

/** Input for the resident page of buurt Binnenstad-Zuid (Groningen), with the given percentiles. */
export function residentPageInput(dataset: CategoryFigure[], extra: Partial<ResidentPageInput> = {}): ResidentPageInput {
  return {
    area: { code: 'BU00140001', name: 'Binnenstad-Zuid', level: 'buurt' },
    gemeenteName: 'Groningen',
    dataset,
    datasetWhere: 'in Nederland',
    withinGemeente: null,
    fewResidents: false,
    noFigures: false,
    visitorArea: false,
    matrix: [],
    madeBy: 'het kernteam veiligheid van de gemeente Groningen',
    date: '2026-12-04',
    credit: 'Bron: CBS, Politie, RIVM/GGD',
    ...extra,
  };
}
