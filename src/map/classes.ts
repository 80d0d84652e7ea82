/**
 * Colour classes for the choropleth. Classes come from the percentile within
 * the reference frame, so breaks are fixed to the frame and never shift with
 * the map view. The palette is ColorBrewer YlOrRd (sequential, safe for the
 * common colour-vision deficiencies); the legend also draws patterns for the
 * states that must not rely on colour alone.
 */
import { ATTENTION_MIN, HIGH_MIN, MAP_CLASS_MAX, classWord } from '../model/percentile-bands.ts';

export interface ColourClass {
  min: number;
  max: number;
  colour: string;
  label: string;
}

const CLASS_LOOK: { colour: string; label: string }[] = [
  { colour: '#ffffb2', label: `laagste ${MAP_CLASS_MAX[0]} %` },
  { colour: '#fed976', label: `${MAP_CLASS_MAX[0]}–${MAP_CLASS_MAX[1]} %` },
  { colour: '#feb24c', label: `${MAP_CLASS_MAX[1]}–${MAP_CLASS_MAX[2]} %` },
  { colour: '#fd8d3c', label: `${MAP_CLASS_MAX[2]}–${ATTENTION_MIN} %` },
  { colour: '#f03b20', label: `${ATTENTION_MIN}–${HIGH_MIN} % · ${classWord(ATTENTION_MIN)}` },
  { colour: '#bd0026', label: `hoogste ${100 - HIGH_MIN} % · ${classWord(HIGH_MIN)}` },
];
/** The six classes: their percentile range (src/model/percentile-bands.ts MAP_CLASS_MAX), colour and legend label. */
export const CLASSES: ColourClass[] = CLASS_LOOK.map((look, i) => ({ min: i === 0 ? 0 : MAP_CLASS_MAX[i - 1], max: MAP_CLASS_MAX[i], ...look }));

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
