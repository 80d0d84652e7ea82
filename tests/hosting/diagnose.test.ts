import { describe, expect, it } from 'vitest';
import { diagnoseScriptAnswer, diagnoseTilesAnswer, isJavaScriptType, missingFile, rangeAnswerUnreadable, type ServerAnswer } from '../../src/hosting/diagnose.ts';
import { StatusArea } from '../../src/state/status.svelte.ts';

const pmtiles = new TextEncoder().encode('PMTiles\x03........');
const answer = (over: Partial<ServerAnswer>): ServerAnswer => ({ status: 206, contentType: 'application/vnd.pmtiles', contentEncoding: '', contentRange: 'bytes 0-15/100', firstBytes: pmtiles, ...over });
const path = 'nl2024/areas.1a2b3c4d.pmtiles';

describe('hosting diagnoses', () => {
  it('accepts a 206 uncompressed PMTiles answer', () => {
    expect(diagnoseTilesAnswer(path, answer({}))).toBeNull();
  });

  it('gives each broken tiles answer its own kind and names the file', () => {
    const cases: [Partial<ServerAnswer>, string][] = [
      [{ status: 200 }, 'no-range'],
      [{ status: 206, contentEncoding: 'gzip' }, 'compressed'],
      [{ status: 200, contentEncoding: 'br' }, 'compressed'],
      [{ status: 404 }, 'missing-file'],
      [{ status: 403 }, 'http-status'],
      [{ firstBytes: new TextEncoder().encode('<!doctype html>') }, 'not-pmtiles'],
    ];
    const messages = new Set<string>();
    for (const [over, kind] of cases) {
      const d = diagnoseTilesAnswer(path, answer(over))!;
      expect(d.kind).toBe(kind);
      expect(d.message).toContain(path);
      messages.add(d.message);
    }
    expect(messages.size).toBe(cases.length);
  });

  it('a 404 for a file type IIS does not know also names the missing web.config, as IIS answers 404 for it', () => {
    expect(diagnoseTilesAnswer(path, answer({ status: 404 }))!.hint).toMatch(/Op IIS .* web\.config/);
    expect(missingFile('De lijst met datasets', 'data/datasets.json').hint).not.toMatch(/IIS/);
  });

  it('names the compression when a Range answer was unreadable and a plain one was compressed', () => {
    expect(rangeAnswerUnreadable(path, answer({ status: 200, contentEncoding: 'gzip' })).kind).toBe('compressed');
    expect(rangeAnswerUnreadable(path, answer({ status: 200 })).kind).toBe('range-broken');
  });

  it('refuses a module script with a type the browser refuses (nginx: .mjs as application/octet-stream)', () => {
    for (const type of ['text/javascript', 'application/javascript', 'application/x-javascript', 'text/ecmascript']) expect(isJavaScriptType(type)).toBe(true);
    for (const type of ['application/octet-stream', '', 'text/plain', 'text/html']) expect(isJavaScriptType(type)).toBe(false);
    const d = diagnoseScriptAnswer('maplibre-gl-worker-abc.mjs', answer({ status: 200, contentType: 'application/octet-stream' }))!;
    expect(d.kind).toBe('script-type');
    expect(d.message).toContain('.mjs');
    expect(d.hint).toContain('nginx');
    expect(diagnoseScriptAnswer('x.mjs', answer({ status: 200, contentType: 'text/javascript' }))).toBeNull();
  });
});

describe('status area', () => {
  it('shows a repeated failure once and replaces it when the text changes', () => {
    const status = new StatusArea();
    const tile = { key: 'server:server-gone', source: 'server' as const, severity: 'error' as const, message: 'weg', hint: 'herlaad' };
    expect(status.report(tile)).toBe(true);
    expect(status.report(tile)).toBe(false);
    status.report({ ...tile, message: 'nog steeds weg' });
    expect(status.messages.map((m) => m.message)).toEqual(['nog steeds weg']);
  });

  it('keeps errors and warnings apart and clears by source', () => {
    const status = new StatusArea();
    status.reportDiagnosis('basemap', { kind: 'basemap-blocked', message: 'achtergrond', hint: '' }, 'warning');
    status.reportDiagnosis('data', { kind: 'missing-file', message: 'weg', hint: '' });
    expect(status.errors.map((m) => m.key)).toEqual(['data:missing-file']);
    expect(status.warnings.map((m) => m.key)).toEqual(['basemap:basemap-blocked']);
    status.clear('data');
    expect(status.messages.map((m) => m.key)).toEqual(['basemap:basemap-blocked']);
    status.resolve('basemap:basemap-blocked');
    expect(status.messages).toEqual([]);
  });
});
