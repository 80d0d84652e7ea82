/**
 * Colour classes for the choropleth. Classes come from the percentile within
 * the reference frame, so breaks are fixed to the frame and never shift with
 * the map view. The palette is ColorBrewer YlOrRd (sequential, safe for the
 * common colour-vision deficiencies); the legend also draws patterns for the
 * states that must not rely on colour alone.
 */
import { ATTENTION_MIN, HIGH_MIN, classWord } from '../model/percentile-bands.ts';

export interface ColourClass {
  min: number;
  max: number;
  colour: string;
  label: string;
}

export const CLASSES: ColourClass[] = [
  { min: 0, max: 20, colour: '#ffffb2', label: 'laagste 20 %' },
  { min: 20, max: 40, colour: '#fed976', label: '20–40 %' },
  { min: 40, max: 60, colour: '#feb24c', label: '40–60 %' },
  { min: 60, max: ATTENTION_MIN, colour: '#fd8d3c', label: `60–${ATTENTION_MIN} %` },
  { min: ATTENTION_MIN, max: HIGH_MIN, colour: '#f03b20', label: `${ATTENTION_MIN}–${HIGH_MIN} % · ${classWord(ATTENTION_MIN)}` },
  { min: HIGH_MIN, max: 100.0001, colour: '#bd0026', label: `hoogste ${100 - HIGH_MIN} % · ${classWord(HIGH_MIN)}` },
];

export const NO_DATA_COLOUR = '#c8c8c8';
/** Fewer than 50 inwoners: lighter than "geen gegevens", so the legend can tell the two reasons apart (the tooltip names them). */
export const TOO_FEW_COLOUR = '#e6e6e6';
export const WHITE_SPOT_COLOUR = '#ffffff';
/** Bezoekers- of werkgebied: a light lavender outside the YlOrRd ramp and unlike the water blue, always with the grid pattern. */
export const VISITOR_COLOUR = '#dadaeb';

/**
 * Change view (src/model/count-change.ts): change class k is drawn as map
 * class CHANGE_CLASS_OFFSET + k, beside the percentile classes 0–5 and the
 * gap quadrants 10–13. ColorBrewer PuOr (diverging, marked safe for the
 * common colour-vision deficiencies; tests/map/change-palette.test.ts
 * checks it): orange = more, purple = less. "Geen duidelijke verandering"
 * is a neutral light grey with its own stripe pattern, never a hue.
 */
export const CHANGE_CLASS_OFFSET = 20;
export const CHANGE_COLOURS: readonly string[] = ['#5e3c99', '#b2abd2', '#f0f0f0', '#fdb863', '#e66101'];

/** Class index 0..5 for a percentile, -1 when there is none. */
export function classOf(percentile: number): number {
  if (!Number.isFinite(percentile)) return -1;
  for (let i = 0; i < CLASSES.length; i++) if (percentile < CLASSES[i].max) return i;
  return CLASSES.length - 1;
}

