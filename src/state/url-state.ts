/**
 * The view in the URL hash, so that a copied link restores the same view:
 * dataset, level, what colours the map, selection, reference frame and the
 * weights that differ from the defaults. Pure: parse and serialise only.
 */
import { LEVELS, type Level } from '../model/dataset-format.ts';
import { isAreaCode } from '../model/area-code.ts';
import { isValidWeight, MAX_WEIGHT } from '../model/scoring-containers.ts';

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

/** A link as read: the view it asks for, and what in it could not be used. */
export interface ViewLink {
  view: ViewState;
  /** Each part of the link that was left out, in Dutch, for the status area. */
  ignored: string[];
}

/** Parse `#ds=nl2024&lvl=buurt&cat=S4&sel=BU03630000&ref=gemeente&w=S4.3:0.5,F1:0.2&v=4.9,52.37,11&bez=1&jr=2022&vgl=2021-2025`. */
export function parseViewState(hash: string): ViewState {
  return readViewLink(hash).view;
}

/**
 * Reads a link. A value that is malformed or out of range is left out, never
 * trusted, and named in `ignored`: someone who opens a shared link must know
 * when the map does not show all that the sender meant.
 */
export function readViewLink(hash: string): ViewLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: ViewState = { ...defaultViewState, weights: {} };
  const ignored: string[] = [];
  const ds = params.get('ds');
  if (ds && ID.test(ds)) view.dataset = ds;
  else if (ds) ignored.push(`dataset ${quoted(ds)} is geen geldige naam`);
  const lvl = params.get('lvl');
  if (lvl && (LEVELS as readonly string[]).includes(lvl)) view.level = lvl as Level;
  else if (lvl) ignored.push(`niveau ${quoted(lvl)} bestaat niet (wel: ${LEVELS.join(', ')})`);
  const cat = params.get('cat');
  if (cat && ID.test(cat)) view.target = cat;
  else if (cat) ignored.push(`kaartkleur ${quoted(cat)} bestaat niet`);
  const sel = params.get('sel');
  if (sel && isAreaCode(sel)) view.selection = sel;
  else if (sel) ignored.push(`gebied ${quoted(sel)} is geen CBS-code (zoals BU03630001)`);
  const ref = params.get('ref');
  if (ref && (FRAMES as readonly string[]).includes(ref)) view.frame = ref as Frame;
  else if (ref) ignored.push(`vergelijking ${quoted(ref)} bestaat niet`);
  const w = params.get('w');
  if (w) {
    for (const pair of w.split(',')) {
      const [id, value, ...extra] = pair.split(':');
      const weight = Number(value);
      if (id && ID.test(id) && isValidWeight(weight) && !extra.length) view.weights[id] = weight;
      else if (!id || !ID.test(id) || value === undefined || value === '' || !Number.isFinite(weight) || extra.length) ignored.push(`gewicht ${quoted(pair)} is niet te lezen (zo hoort het: S4.3:0.5)`);
      else ignored.push(`gewicht ${quoted(pair)} ligt niet tussen 0 en ${MAX_WEIGHT}`);
    }
  }
  const bez = params.get('bez');
  if (bez === '1') view.rankVisitorAreas = true;
  else if (bez !== null) ignored.push(`bezoekers- en werkgebieden rangschikken: ${quoted(bez)} is geen geldige waarde`);
  const jr = params.get('jr');
  if (jr && YEAR.test(jr)) view.year = Number(jr);
  else if (jr) ignored.push(`jaar ${quoted(jr)} is geen jaartal`);
  const vgl = params.get('vgl');
  const [from, to, ...rest] = (vgl ?? '').split('-');
  if (!rest.length && YEAR.test(from ?? '') && YEAR.test(to ?? '') && Number(from) < Number(to)) view.changeYears = [Number(from), Number(to)];
  else if (vgl) ignored.push(`jarenvergelijking ${quoted(vgl)} moet twee jaartallen zijn, het vroegste eerst (zoals 2021-2023)`);
  const v = params.get('v');
  if (v) {
    const parts = v.split(',').map(Number);
    if (parts.length === 3 && parts.every(Number.isFinite) && Math.abs(parts[0]) <= 180 && Math.abs(parts[1]) <= 85 && parts[2] >= 0 && parts[2] <= 22) {
      view.view = [parts[0], parts[1], parts[2]];
    } else ignored.push(`kaartbeeld ${quoted(v)} is geen lengte, breedte en zoom op de kaart`);
  }
  for (const key of new Set(params.keys())) if (!LINK_KEYS.has(key)) ignored.push(`onderdeel ${quoted(key)} kent de app niet`);
  return { view, ignored };
}

/** The parts a link can have (readViewLink, serialiseViewState). */
const LINK_KEYS: ReadonlySet<string> = new Set(['ds', 'lvl', 'cat', 'sel', 'ref', 'w', 'bez', 'jr', 'vgl', 'v']);

/** A value from a link, quoted and cut short: it is shown to the user, who did not type it. */
export function quoted(value: string): string {
  return `"${value.length > 40 ? value.slice(0, 39) + '…' : value}"`;
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
