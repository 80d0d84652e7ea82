/**
 * Points Web Worker: reads imported point files and counts them per area
 * off the main thread; positions and counts leave transferred, not copied.
 */
import * as Comlink from 'comlink';
import { createPointsService, type PointsWorkerApi } from '../src/enrichment/points/service.ts';

const service = createPointsService();

const api: PointsWorkerApi = {
  ...service,
  async read(choice) {
    const result = await service.read(choice);
    return result.ok ? Comlink.transfer(result, [result.positions.buffer as ArrayBuffer]) : result;
  },
  async count(level, geometryUrl, positions) {
    const result = await service.count(level, geometryUrl, positions);
    return Comlink.transfer(result, [result.counts.buffer as ArrayBuffer]);
  },
};

Comlink.expose(api);
