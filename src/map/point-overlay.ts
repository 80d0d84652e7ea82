/**
 * Imported points as a deck.gl layer above the choropleth. deck.gl is loaded
 * with a dynamic import the first time points are shown, so the start of the
 * app does not carry it. MapLibreOverlay (not @deck.gl/mapbox, which breaks
 * with maplibre-gl 6) in interleaved mode draws into the map's own WebGL
 * context and canvas, on top of the area layers.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';

/** Teal: apart from the yellow–red classes, the grey of missing data, the water and the dark outlines. */
export const POINT_COLOUR: [number, number, number] = [0, 150, 160];
export const POINT_COLOUR_CSS = `rgb(${POINT_COLOUR.join(' ')})`;
export const POINT_LAYER_ID = 'imported-points';

export class PointOverlay {
  private overlay: MapLibreOverlay | null = null;
  private loading: Promise<void> | null = null;
  private positions = new Float32Array(0);
  private visible = true;
  private createLayer: ((positions: Float32Array, visible: boolean) => Layer) | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** Show these WGS84 positions (interleaved lon, lat), replacing earlier ones. */
  async setPoints(positions: ArrayLike<number>) {
    this.positions = Float32Array.from(positions);
    await this.ensureLoaded();
    this.update();
  }

  setVisible(visible: boolean) {
    this.visible = visible;
    this.update();
  }

  isVisible(): boolean {
    return this.visible;
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= (async () => {
      const [{ MapLibreOverlay }, { ScatterplotLayer }] = await Promise.all([import('@deck.gl/maplibre'), import('@deck.gl/layers')]);
      this.createLayer = (positions, visible) =>
        new ScatterplotLayer({
          id: POINT_LAYER_ID,
          // Binary attributes: no per-point objects for 100.000 meldingen.
          data: { length: positions.length / 2, attributes: { getPosition: { value: positions, size: 2 } } },
          visible,
          radiusUnits: 'pixels',
          getRadius: 4,
          radiusMinPixels: 3,
          stroked: true,
          getFillColor: [...POINT_COLOUR, 255],
          getLineColor: [255, 255, 255, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: 1,
          pickable: false,
        });
      this.overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      this.map.addControl(this.overlay);
    })();
    return this.loading;
  }

  private update() {
    if (!this.overlay || !this.createLayer) return;
    this.overlay.setProps({ layers: [this.createLayer(this.positions, this.visible)] });
    this.map.triggerRepaint();
  }

  destroy() {
    if (this.overlay) {
      try {
        this.map.removeControl(this.overlay);
      } catch {
        // The map may already be gone (dataset switch removes it first).
      }
    }
    this.overlay = null;
  }
}
