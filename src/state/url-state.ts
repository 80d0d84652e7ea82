/**
 * The view in the URL hash, so that a copied link restores the same view:
 * dataset, level, what colours the map, selection, reference frame and the
 * weights that differ from the defaults. Pure: parse and serialise only.
 */
import { LEVELS, type Level } from '../model/dataset-format.ts';
import { isAreaCode } from '../model/area-code.ts';
import { isValidWeight } from '../model/scoring-containers.ts';

export const FRAMES = ['dataset', 'gemeente', 'stedelijkheid'] as const;
export type Frame = (typeof FRAMES)[number];

export interface ViewState {
  dataset: string | null;
  /** null = follow the zoom. */
  level: Level | null;
  /** Category, sphere or dial id that colours the map. */
  target: string | null;
  selection: string | null;
  frame: Frame;
  /** Weight overrides: factor or category id → weight. */
  weights: Record<string, number>;
  /** Map view: [lon, lat, zoom], optional. */
  view: [number, number, number] | null;
  /** Rank bezoekers- en werkgebieden too (default: they get their own pattern, no class). */
  rankVisitorAreas: boolean;
  /** Year shown on the map (a series with several years); null = the default, latest years. */
  year: number | null;
  /** Change view between two years [earlier, later]; null = no change view. */
  changeYears: [number, number] | null;
}

export const defaultViewState: ViewState = {
  dataset: null,
  level: null,
  target: null,
  selection: null,
  frame: 'dataset',
  weights: {},
  view: null,
  rankVisitorAreas: false,
  year: null,
  changeYears: null,
};

const YEAR = /^(19|20)\d\d$/;

const ID = /^[A-Za-z0-9_.-]{1,40}$/;

/** Parse `#ds=nl2024&lvl=buurt&cat=S4&sel=BU03630000&ref=gemeente&w=S4.3:0.5,F1:0.2&v=4.9,52.37,11&bez=1&jr=2022&vgl=2021-2025`. */
export function parseViewState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewState = { ...defaultViewState, weights: {} };
  const ds = params.get('ds');
  if (ds && ID.test(ds)) state.dataset = ds;
  const lvl = params.get('lvl');
  if (lvl && (LEVELS as readonly string[]).includes(lvl)) state.level = lvl as Level;
  const cat = params.get('cat');
  if (cat && ID.test(cat)) state.target = cat;
  const sel = params.get('sel');
  if (sel && isAreaCode(sel)) state.selection = sel;
  const ref = params.get('ref');
  if (ref && (FRAMES as readonly string[]).includes(ref)) state.frame = ref as Frame;
  const w = params.get('w');
  if (w) {
    for (const pair of w.split(',')) {
      const [id, value] = pair.split(':');
      const weight = Number(value);
      if (id && ID.test(id) && isValidWeight(weight)) state.weights[id] = weight;
    }
  }
  if (params.get('bez') === '1') state.rankVisitorAreas = true;
  const jr = params.get('jr');
  if (jr && YEAR.test(jr)) state.year = Number(jr);
  const [from, to, ...rest] = (params.get('vgl') ?? '').split('-');
  if (!rest.length && YEAR.test(from ?? '') && YEAR.test(to ?? '') && Number(from) < Number(to)) state.changeYears = [Number(from), Number(to)];
  const v = params.get('v');
  if (v) {
    const parts = v.split(',').map(Number);
    if (parts.length === 3 && parts.every(Number.isFinite) && Math.abs(parts[0]) <= 180 && Math.abs(parts[1]) <= 85 && parts[2] >= 0 && parts[2] <= 22) {
      state.view = [parts[0], parts[1], parts[2]];
    }
  }
  return state;
}

export function serialiseViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.dataset) params.set('ds', state.dataset);
  if (state.level) params.set('lvl', state.level);
  if (state.target) params.set('cat', state.target);
  if (state.selection) params.set('sel', state.selection);
  if (state.frame !== 'dataset') params.set('ref', state.frame);
  const weights = Object.entries(state.weights).sort(([a], [b]) => a.localeCompare(b));
  if (weights.length) params.set('w', weights.map(([id, w]) => `${id}:${round(w, 3)}`).join(','));
  if (state.rankVisitorAreas) params.set('bez', '1');
  if (state.year !== null) params.set('jr', String(state.year));
  if (state.changeYears) params.set('vgl', state.changeYears.join('-'));
  if (state.view) params.set('v', [round(state.view[0], 5), round(state.view[1], 5), round(state.view[2], 2)].join(','));
  // URLSearchParams escapes ':' and ','; keep the hash readable.
  return '#' + params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
