/**
 * Where a map opens on a dataset: a position from a link or from the
 * dataset shown before, checked against the dataset's box and first zoom.
 * Apart from link-check.ts so that the early start (early-start.ts) can use
 * it without the model's code. Pure.
 */
import type { DatasetEntry } from '../model/dataset-format.ts';

/**
 * A map position [lon, lat, zoom] against a dataset: kept when its centre
 * lies in the dataset's box or near it (a quarter of its size around it: a
 * view of the coast may centre on the sea), with the zoom raised to the dataset's first
 * tiles (below it the map would be empty); null (the map fits the whole
 * dataset) when it lies outside, as a link with latitude and longitude
 * swapped does, or the view of another dataset the user switches from.
 */
export function fitPositionToDataset(position: [number, number, number] | null, entry: Pick<DatasetEntry, 'title' | 'bbox' | 'minzoom'>): { position: [number, number, number] | null; ignored: string[] } {
  if (!position) return { position, ignored: [] };
  const [lon, lat, zoom] = position;
  const [west, south, east, north] = entry.bbox;
  const dx = (east - west) / 4, dy = (north - south) / 4;
  if (lon < west - dx || lon > east + dx || lat < south - dy || lat > north + dy) {
    return { position: null, ignored: [`kaartpositie ${lon},${lat} ligt buiten ${entry.title} (lengtegraad ${west}–${east}, breedtegraad ${south}–${north}); de kaart toont de hele dataset`] };
  }
  return { position: zoom < entry.minzoom ? [lon, lat, entry.minzoom] : position, ignored: [] };
}
