import { describe, expect, it } from 'vitest';
import { areaCodesOf, checkAgainstDataset, listCodes } from '../../src/workspace/dataset-check.ts';
import { sampleWorkspace } from './fixtures.ts';

const nl2024 = { id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 };

describe('a workspace against the dataset on screen', () => {
  it('lists every area code the workspace uses once', () => {
    const ws = sampleWorkspace();
    ws.judgements = [{ areaCode: 'BU00140101', categoryId: 'S3', value: 1, reason: 'x', authorRole: 'wijkagent', date: '2026-01-01' }];
    ws.events.push({ id: 'e2', kind: 'nieuwbouw', label: 'Nieuwbouw', start: '2026-01', end: '2026-02', areaCode: 'BU00140102' });
    expect(areaCodesOf(ws)).toEqual(['WK001401', 'BU00140101', 'BU00140102']);
  });

  it('says nothing when every area exists and the dataset is the same', () => {
    const ws = sampleWorkspace();
    ws.dataset = nl2024;
    expect(checkAgainstDataset(ws, { ref: nl2024, hasArea: () => true })).toEqual({ otherDataset: false, missing: [], message: '' });
  });

  it('names the other dataset and the first missing codes, and says they are kept', () => {
    const ws = sampleWorkspace();
    ws.dataset = { id: 'groningen2017', title: 'Groningen 2017', indelingYear: 2017 };
    ws.focus.areas = ['BU1', 'BU2', 'BU3', 'BU4', 'BU5', 'BU6', 'BU7', 'WK001401'].map((code) => ({ code, name: code }));
    const r = checkAgainstDataset(ws, { ref: nl2024, hasArea: (c) => c === 'WK001401' });
    expect(r.otherDataset).toBe(true);
    expect(r.missing).toEqual(['BU1', 'BU2', 'BU3', 'BU4', 'BU5', 'BU6', 'BU7']);
    expect(r.message).toBe(
      'Deze werkruimte is gemaakt op dataset ‘Groningen 2017’ (indeling 2017); de kaart toont nu ‘Nederland 2024’ (indeling 2024). ' +
        '7 gebieden bestaan niet in ‘Nederland 2024’ (indeling 2024): BU1, BU2, BU3, BU4, BU5 en 2 meer. ' +
        'Ze blijven in de werkruimte bewaard, maar staan niet op de kaart en krijgen geen scores.',
    );
  });

  it('says when the file does not name its dataset and an area is missing', () => {
    const ws = sampleWorkspace();
    ws.dataset = null;
    const r = checkAgainstDataset(ws, { ref: nl2024, hasArea: () => false });
    expect(r.message).toMatch(/^Het bestand vermeldt niet op welke dataset het is gemaakt\. 1 gebied bestaat niet in ‘Nederland 2024’ \(indeling 2024\): WK001401\. Het blijft/);
  });

  it('shortens long lists', () => {
    expect(listCodes(['a', 'b'])).toBe('a, b');
    expect(listCodes(['a', 'b', 'c'], 2)).toBe('a, b en 1 meer');
  });
});
