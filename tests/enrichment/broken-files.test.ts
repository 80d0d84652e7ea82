/**
 * Every file a user can choose — workspace file, area table, point file,
 * survey — is refused in Dutch when it is empty, binary (a PNG chosen by
 * mistake) or cut off, with the file or the place named, and never with the
 * parser's own English text or the file's bytes shown as text.
 */
import { describe, expect, it } from 'vitest';
import { decodeFileText, ImportFileError } from '../../src/enrichment/read-text.ts';
import { readTableResult } from '../../src/enrichment/area-table/read-file.ts';
import { parseWorkspaceFile } from '../../src/workspace/file-format.ts';
import { inspectPointFile } from '../../src/enrichment/points/parse.ts';
import { PointImportError } from '../../src/enrichment/points/point-errors.ts';
import { parseSurvey } from '../../src/enrichment/survey/parse.ts';
import { isClearMessage } from '../fuzz/harness.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]).buffer;
const EMPTY = new ArrayBuffer(0);
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** What the user sees for a point or survey file: the shared decoding first, then the reader. */
function pointMessage(buffer: ArrayBuffer, name: string): string {
  try {
    inspectPointFile(decodeFileText(buffer, name), name);
    return '(gelezen)';
  } catch (e) {
    if (e instanceof ImportFileError) return e.message;
    if (e instanceof PointImportError) return e.problems[0];
    throw e;
  }
}
function surveyMessage(buffer: ArrayBuffer, name: string): string {
  try {
    return parseSurvey(decodeFileText(buffer, name), {}, { fileName: name }).fatal ?? '(gelezen)';
  } catch (e) {
    if (e instanceof ImportFileError) return e.message;
    throw e;
  }
}
/** The workspace panel reads the file as UTF-8 text (File.text()), so a PNG arrives with replacement characters. */
const workspaceMessage = (buffer: ArrayBuffer) => {
  const r = parseWorkspaceFile(new TextDecoder().decode(buffer));
  return r.ok ? '(gelezen)' : r.errors[0];
};

describe('broken files are refused in Dutch, saying where', () => {
  it('an image chosen by mistake', async () => {
    const area = await readTableResult(PNG, 'kaart.png');
    expect(area).toEqual({ ok: false, message: 'kaart.png: dit is geen tekstbestand maar een afbeelding (PNG). Kies een CSV-bestand (tekst, met ; of , tussen de kolommen).' });
    expect(pointMessage(PNG, 'kaart.png')).toBe(area.ok ? '' : area.message);
    expect(surveyMessage(PNG, 'kaart.png')).toBe(area.ok ? '' : area.message);
    expect(workspaceMessage(PNG)).toBe('Het bestand is geen geldige JSON: het bestand is geen tekstbestand (binaire inhoud).');
  });

  it('an empty file', async () => {
    const area = await readTableResult(EMPTY, 'leeg.csv');
    expect(area).toEqual({ ok: false, message: 'leeg.csv: het bestand is leeg (0 bytes).' });
    expect(pointMessage(EMPTY, 'leeg.csv')).toBe('leeg.csv: het bestand is leeg (0 bytes).');
    expect(surveyMessage(EMPTY, 'leeg.csv')).toBe('leeg.csv: het bestand is leeg (0 bytes).');
    expect(workspaceMessage(EMPTY)).toBe('Het bestand is geen geldige JSON: het bestand is leeg.');
  });

  it('a file cut off halfway', async () => {
    const cut = bytes('buurtcode;aantal\nBU00140000;12\n"BU00140001;');
    const area = await readTableResult(cut, 'afgekapt.csv');
    expect(area.ok ? '' : area.message).toBe('afgekapt.csv, regel 3: een aanhalingsteken wordt niet gesloten');
    expect(pointMessage(bytes('{"type":"FeatureCollection","features":[{"type":"Feat'), 'punten.geojson')).toMatch(/^punten\.geojson: geen geldige GeoJSON: het houdt halverwege op/);
    expect(surveyMessage(cut, 'afgekapt.csv')).toBe('afgekapt.csv, regel 3: een aanhalingsteken wordt niet gesloten');
    expect(workspaceMessage(bytes('{"format":"wijkveiligheidskompas-werkruimte","vers'))).toMatch(/^Het bestand is geen geldige JSON: het houdt halverwege op/);
  });

  it('no message carries English parser text', async () => {
    const messages: string[] = [];
    for (const [buffer, name] of [[PNG, 'kaart.png'], [EMPTY, 'leeg.csv'], [bytes('\u0000\u0001'), 'nul.csv'], [bytes('{ kapot'), 'kapot.geojson']] as const) {
      const area = await readTableResult(buffer, name);
      if (!area.ok) messages.push(area.message);
      messages.push(pointMessage(buffer, name), surveyMessage(buffer, name), workspaceMessage(buffer));
    }
    expect(messages.filter((m) => !isClearMessage(m))).toEqual([]);
  });
});
