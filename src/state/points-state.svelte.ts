/**
 * State of the point import: the points on the map (deck.gl overlay, lazily
 * loaded), the counts per level that feed the kompas through the app's
 * import mechanism, and what the last import did. The raw points live only
 * in memory; the derived counts go to the worker as one import source.
 */
import { localDate } from '../model/iso-date.ts';
import { LEVELS, type DatasetEntry, type Level, type LevelTable } from '../model/dataset-format.ts';
import type { ImportedValues } from '../model/scoring-types.ts';
import { PointOverlay } from '../map/point-overlay.ts';
import type { MapController } from '../map/map-controller.ts';
import { pointsWorker } from '../enrichment/points/client.ts';
import { areaFigures, coverage, importedColumn, type AreaFigures, type PointMeasure } from '../enrichment/points/rates.ts';
import { PointImportError, type SkippedRows } from '../enrichment/points/point-errors.ts';
import { importYearProblem } from '../enrichment/area-table/types.ts';

/**
 * What the point import needs from the app. AppState
 * (src/state/app-state.svelte.ts) provides it; an interface here keeps
 * src/points from importing src/state, which imports src/points.
 */
export interface PointsHost {
  readonly dataset: DatasetEntry | null;
  readonly tables: Partial<Record<Level, LevelTable>>;
  readonly controller: MapController | null;
  readonly importedBySource: Record<string, ImportedValues[]>;
  gemeenteName(code: string): string;
  setImportSource(sourceId: string, imports: ImportedValues[]): Promise<unknown>;
}

/** Import source id under which the counts go to the worker. */
export const POINTS_SOURCE = 'punten';

export interface PointTargetChoice {
  /** '' = show on the map only. */
  series: string;
  measure: PointMeasure;
  year: number;
  label: string;
}

export interface LevelOutcome {
  level: Level;
  inAreas: number;
  outside: number;
  onBorder: number;
  countMs: number;
  loadMs: number;
  figures: AreaFigures;
}

export interface PointImportOutcome {
  fileName: string;
  date: string;
  count: number;
  crsLabel: string;
  target: PointTargetChoice;
  levels: LevelOutcome[];
  approximate: boolean;
  /** Names of the gemeenten the file covers (src/enrichment/points/rates.ts `coverage`); only their areas get a value. */
  gemeenten: string[];
  /** Codes of the covered gemeenten. */
  gemeenteCodes: string[];
  /** Gemeenten with only a few stray points: named, but their areas get no value. */
  stray: { name: string; count: number }[];
  /** Points in no area of the finest level (abroad, at sea, in a gap between areas). */
  outside: number;
  /** Rows of the file left out because they had no usable point. */
  skipped: SkippedRows | null;
  /** What went to the worker (empty when the points are only shown). */
  imports: ImportedValues[];
}

export class PointsState {
  /** Points on the map, WGS84 interleaved lon/lat. */
  positions = $state.raw<Float64Array | null>(null);
  visible = $state(true);
  outcome = $state.raw<PointImportOutcome | null>(null);
  /** Area imports the counts were saved as (workspace id + import id), so removing the points removes them too. */
  stored: { workspaceId: string; id: string }[] = [];
  private overlay: PointOverlay | null = null;
  private overlayController: MapController | null = null;

  constructor(private readonly app: PointsHost) {}

  /** Count the positions per level, feed the chosen series and draw the points. */
  /**
   * Refuses (PointImportError, nothing changes) when no point lies in any
   * area: a file of Brussels addresses is not a success with 0 everywhere.
   */
  async apply(positions: Float64Array, meta: { fileName: string; crsLabel: string; skipped?: SkippedRows }, target: PointTargetChoice): Promise<PointImportOutcome> {
    const app = this.app;
    const dataset = app.dataset;
    if (!dataset) throw new Error('er is nog geen dataset geladen');
    // An invalid year saved with the counts would make the whole workspace unreadable on the next load.
    const yearProblem = target.series ? importYearProblem(target.year) : null;
    if (yearProblem) throw new PointImportError([`Jaar van de gegevens: ${yearProblem}. Er is niets toegepast of bewaard.`]);
    const worker = pointsWorker();
    const levels = LEVELS.filter((l) => dataset.levels.includes(l) && dataset.files.geometry?.[l] && app.tables[l]);
    if (!levels.length) throw new Error('deze dataset heeft geen gebiedsgeometrie om punten te tellen; bouw de data opnieuw met npm run data');
    const base = new URL(import.meta.env.BASE_URL, location.href);
    const outcomes: LevelOutcome[] = [];
    for (const level of levels) {
      const url = new URL(`data/${dataset.files.geometry![level]}`, base).href;
      const r = await worker.count(level, url, positions);
      const figures = areaFigures(app.tables[level]!, r.codes, r.counts);
      let inAreas = 0;
      for (const c of r.counts) inAreas += c;
      outcomes.push({ level, inAreas, outside: r.outside, onBorder: r.onBorder, countMs: r.countMs, loadMs: r.loadMs, figures });
    }
    const date = localDate();
    const approximate = dataset.caveats.some((c) => /bij benadering/i.test(c));
    // Coverage from the finest level counted (buurten).
    const finest = outcomes[outcomes.length - 1];
    if (finest.inAreas === 0) {
      const n = positions.length / 2;
      throw new PointImportError([`${meta.fileName}: geen van de ${n.toLocaleString('nl-NL')} punten ligt in een ${finest.level} van deze dataset (${dataset.title}). ` +
        'Liggen ze in het buitenland of in zee, of is het coördinaatsysteem verkeerd gekozen? Er is niets toegepast of bewaard.']);
    }
    const gemeenteOf = (level: Level) => {
      const table = app.tables[level]!;
      const row = new Map(table.codes.map((c, i) => [c, i]));
      return (code: string) => (level === 'gemeente' ? code : table.gemeenteCodes[row.get(code) ?? -1] ?? '');
    };
    const { covered, stray } = coverage(finest.figures.codes, finest.figures.counts, gemeenteOf(finest.level));
    const imports: ImportedValues[] = target.series
      ? outcomes.map((o) => {
        const toGemeente = gemeenteOf(o.level);
        return importedColumn(o.level, o.figures, {
          series: target.series, year: target.year, measure: target.measure, label: target.label, fileName: meta.fileName, date, approximate,
          covers: (code) => covered.has(toGemeente(code)),
        });
      })
      : [];
    const outcome: PointImportOutcome = {
      fileName: meta.fileName, date, count: positions.length / 2, crsLabel: meta.crsLabel, target, levels: outcomes, approximate,
      gemeenten: [...covered].map((code) => app.gemeenteName(code)).sort((a, b) => a.localeCompare(b, 'nl')),
      gemeenteCodes: [...covered].sort(),
      stray: [...stray].map(([code, count]) => ({ name: app.gemeenteName(code), count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl')),
      outside: finest.outside,
      skipped: meta.skipped ?? null,
      imports,
    };
    await app.setImportSource(POINTS_SOURCE, imports);
    this.outcome = outcome;
    this.positions = positions;
    this.visible = true;
    await this.draw();
    return outcome;
  }

  private async draw() {
    const controller = this.app.controller;
    if (!controller || !this.positions) return;
    if (this.overlayController !== controller) {
      // A new map (dataset switch): the old overlay went with the old map.
      this.overlay?.destroy();
      this.overlay = new PointOverlay(controller.map);
      this.overlayController = controller;
    }
    this.overlay!.setVisible(this.visible);
    await this.overlay!.setPoints(this.positions);
  }

  setVisible(visible: boolean) {
    this.visible = visible;
    this.overlay?.setVisible(visible);
  }

  /** Remove the points from the map and their counts from the kompas. */
  async clear() {
    this.overlay?.destroy();
    this.overlay = null;
    this.overlayController = null;
    this.positions = null;
    this.outcome = null;
    if (this.app.importedBySource[POINTS_SOURCE]) await this.app.setImportSource(POINTS_SOURCE, []);
  }

  /** After a dataset switch the worker and map are new: forget the points. */
  reset() {
    this.overlay?.destroy();
    this.overlay = null;
    this.overlayController = null;
    this.positions = null;
    this.outcome = null;
  }
}
