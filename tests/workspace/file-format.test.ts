import { describe, expect, it } from 'vitest';
import {
  FILE_FORMAT,
  FILE_VERSION,
  gemeenteCodeOf,
  parseStoredWorkspace,
  parseWorkspaceFile,
  serializeWorkspace,
  workspaceFileName,
} from '../../src/workspace/file-format.ts';
import { sampleWorkspace } from './fixtures.ts';

function fileObject(): Record<string, unknown> {
  return JSON.parse(serializeWorkspace(sampleWorkspace(), '2026-02-01T12:00:00.000Z'));
}

function errorsOf(data: unknown): string[] {
  const r = parseWorkspaceFile(typeof data === 'string' ? data : JSON.stringify(data));
  if (r.ok) throw new Error('verwacht fouten');
  return r.errors;
}

describe('werkruimtebestand', () => {
  it('round-trips export → import without any change', () => {
    const ws = sampleWorkspace();
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.workspace).toEqual(ws);
      expect(r.migratedFrom).toBeNull();
    }
  });

  it('writes the format name and the current version', () => {
    const o = fileObject();
    expect(o.format).toBe(FILE_FORMAT);
    expect(o.version).toBe(FILE_VERSION);
  });

  it('accepts a UTF-8 BOM in front of the JSON', () => {
    expect(parseWorkspaceFile('\uFEFF' + serializeWorkspace(sampleWorkspace())).ok).toBe(true);
  });

  it('rejects text that is not JSON or not a workspace', () => {
    expect(errorsOf('{niet json')[0]).toMatch(/geen geldige JSON/);
    expect(errorsOf([])[0]).toMatch(/verwacht een JSON-object/);
    expect(errorsOf({ format: 'iets-anders', version: 2 })[0]).toMatch(/^format: verwacht "wijkveiligheidskompas-workspace", gevonden "iets-anders"/);
  });

  it('explains a wrong version', () => {
    expect(errorsOf({ ...fileObject(), version: 9 })[0]).toMatch(/^version: versie 9 is nieuwer dan deze app kan lezen/);
    expect(errorsOf({ ...fileObject(), version: '2' })[0]).toBe('version: verwacht een geheel getal, gevonden "2"');
    expect(errorsOf({ ...fileObject(), version: 0 })[0]).toMatch(/^version: onbekende versie 0/);
  });

  it('names the path of missing fields and wrong types', () => {
    const o = fileObject();
    const matrix = o.matrix as Record<string, unknown>[];
    delete matrix[1].name;
    matrix[0].status = 'bezig';
    matrix[0].lead = 'woningcorporatie';
    (o.timeline as Record<string, unknown>[])[0].start = '2026-13';
    (o.timeline as Record<string, unknown>[])[1].dependsOn = ['bestaat-niet'];
    delete o.focus;
    o.priorities = ['S4', 7];
    const errors = errorsOf(o);
    expect(errors).toContain('matrix[1].name: ontbreekt');
    expect(errors).toContain('matrix[0].status: onbekende status "bezig" (toegestaan: lopend, kansrijk, gepland, afgerond, obstakel)');
    expect(errors).toContain('matrix[0].lead: verwacht een lijst, gevonden "woningcorporatie"');
    expect(errors).toContain('timeline[0].start: verwacht een maand als "2026-03", gevonden "2026-13"');
    expect(errors).toContain('timeline[1].dependsOn[0]: verwijst naar een tijdslijnitem dat niet bestaat ("bestaat-niet")');
    expect(errors).toContain('focus: verwacht een object, gevonden niets');
    expect(errors).toContain('priorities[1]: onbekende categorie het getal 7 (verwacht bijvoorbeeld F1 of S4)');
  });

  it('checks references and dates between parts', () => {
    const o = fileObject();
    const t = (o.timeline as Record<string, unknown>[])[0];
    t.end = '2025-01';
    t.rowId = 'weg';
    (o.matrix as Record<string, unknown>[])[1].id = (o.matrix as Record<string, unknown>[])[0].id;
    const errors = errorsOf(o);
    expect(errors.some((e) => e.startsWith('timeline[0].end: einde (2025-01) ligt vóór het begin'))).toBe(true);
    expect(errors).toContain('timeline[0].rowId: verwijst naar een matrixregel die niet bestaat ("weg")');
    expect(errors.some((e) => e.startsWith('matrix[1].id: dubbele id'))).toBe(true);
  });

  it('keeps a hostile note as plain text and drops unknown keys', () => {
    const o = fileObject();
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    (o.matrix as Record<string, unknown>[])[0].notes = hostile;
    (o.matrix as Record<string, unknown>[])[0].extra = 'weg ermee';
    const text = JSON.stringify(o).replace('{', '{"__proto__":{"polluted":true},');
    const r = parseWorkspaceFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workspace.matrix[0].notes).toBe(hostile);
    expect('extra' in r.workspace.matrix[0]).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.workspace)).toBe(Object.prototype);
  });

  it('limits the number of messages', () => {
    const o = fileObject();
    o.matrix = Array.from({ length: 100 }, () => ({}));
    const errors = errorsOf(o);
    expect(errors.length).toBeLessThanOrEqual(41);
    expect(errors[errors.length - 1]).toMatch(/en meer fouten/);
  });
});

describe('migratie v1 → v2', () => {
  const v1 = {
    format: FILE_FORMAT,
    version: 1,
    exportedAt: '2025-11-01T08:00:00.000Z',
    name: 'Noord',
    areaCode: 'BU00140103',
    areaName: 'Oosterpoort',
    matrix: [
      { name: 'Buurtbemiddeling', interventionId: 'buurtbemiddeling', categories: ['S3'], lead: 'welzijn', status: 'lopend', notes: 'loopt sinds 2024' },
      { name: 'Eigen idee', categories: ['S1', 'S2'], lead: 'bewoners', status: 'gepland' },
    ],
  };

  it('turns the minimal first shape into the current one', () => {
    const r = parseWorkspaceFile(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    const ws = r.workspace;
    expect(ws.name).toBe('Noord');
    expect(ws.focus).toEqual({ kind: 'buurten', gemeenteCode: 'GM0014', areas: [{ code: 'BU00140103', name: 'Oosterpoort' }] });
    expect(ws.createdAt).toBe('2025-11-01T08:00:00.000Z');
    expect(ws.matrix).toHaveLength(2);
    expect(ws.matrix[0]).toMatchObject({ interventionId: 'buurtbemiddeling', lead: ['welzijn'], partners: [], origin: 'nieuw', status: 'lopend', notes: 'loopt sinds 2024', actions: [] });
    expect(ws.matrix[1]).toMatchObject({ interventionId: null, lead: ['bewoners'], notes: '' });
    expect(ws.matrix[0].id).not.toBe(ws.matrix[1].id);
    expect(ws.timeline).toEqual([]);
    // The migrated workspace is a valid v2 file itself.
    expect(parseWorkspaceFile(serializeWorkspace(ws)).ok).toBe(true);
  });

  it('reports v1 problems with their path', () => {
    const bad = { ...v1, areaCode: 12, matrix: [{ ...v1.matrix[0], status: 'bezig', lead: undefined }] };
    const r = parseWorkspaceFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('areaCode: verwacht tekst, gevonden het getal 12');
    expect(r.errors).toContain('matrix[0].lead: ontbreekt');
  });

  it('derives the gemeente from CBS codes, also alphanumeric ones', () => {
    expect(gemeenteCodeOf('WK001401')).toBe('GM0014');
    expect(gemeenteCodeOf('BU0363AB10')).toBe('GM0363');
    expect(gemeenteCodeOf('onzin')).toBe('');
  });
});

describe('bestandsnaam', () => {
  it('is safe for every file system', () => {
    const ws = sampleWorkspace();
    ws.name = 'Wijk "Zuid" / Ééndracht?';
    expect(workspaceFileName(ws, 'json', new Date('2026-03-01T10:00:00Z'))).toBe('werkruimte-wijk-zuid-eendracht-2026-03-01.json');
  });
});

describe('version 5: the applied survey travels in the workspace file', () => {
  const survey = {
    fileName: 'vm-2023.csv', importedAt: '2026-11-26T03:00:00.000Z', measure: '% voelt zich weleens onveilig',
    figures: [
      { level: 'gemeente' as const, code: 'GM0014', name: 'Groningen', percent: 18.4, margin: 1.9, n: null, year: 2023 },
      { level: 'buurt' as const, code: 'BU0363AA01', name: 'Kop Zeedijk', percent: 50, margin: 98, n: 1, year: 2024 },
    ],
  };

  it('export → import gives back the same survey per dataset', () => {
    const ws = sampleWorkspace();
    ws.surveys = [{ datasetId: 'nl2024', survey }, { datasetId: 'groningen2017', survey: { ...survey, figures: [survey.figures[0]] } }];
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workspace.surveys).toEqual(ws.surveys);
    expect(r.workspace).toEqual(ws);
  });

  it('migrates a version 4 file to no surveys, without trusting a stray surveys key', () => {
    const o = { ...fileObject(), version: 4, surveys: [{ datasetId: 'nl2024', survey: { ...survey, figures: 'kapot' } }] };
    const r = parseWorkspaceFile(JSON.stringify(o));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(4);
    expect(r.workspace.surveys).toEqual([]);
    expect(parseWorkspaceFile(serializeWorkspace(r.workspace)).ok).toBe(true);
  });

  it('names a damaged survey by its path and refuses a second survey for the same dataset', () => {
    const o = fileObject();
    o.surveys = [
      { datasetId: 'nl2024', survey: { ...survey, figures: [{ ...survey.figures[0], n: 0 }] } },
      { datasetId: 'nl2024', survey },
    ];
    const errors = errorsOf(o);
    expect(errors).toContain('surveys[0].survey.figures[0].n: verwacht een aantal respondenten van 1 tot en met 10000000 of null');
    expect(errors).toContain('surveys[1].datasetId: dubbele enquête voor dataset "nl2024"');
  });
});

describe('version 6: status history per matrix row and the dataset of the workspace', () => {
  it('export → import keeps every status change with its date and note, and the dataset', () => {
    const ws = sampleWorkspace();
    ws.matrix[1].statusHistory = [
      { status: 'kansrijk', date: '2026-01-10T09:00:00.000Z', note: '' },
      { status: 'lopend', date: '2026-03-02T08:30:00.000Z', note: 'Gestart na kernteam 2' },
      { status: 'obstakel', date: '2026-05-20T14:00:00.000Z', note: 'Wachten op budget' },
    ];
    ws.matrix[1].status = 'obstakel';
    ws.dataset = { id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 };
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workspace.matrix[1].statusHistory).toEqual(ws.matrix[1].statusHistory);
    expect(r.workspace.dataset).toEqual({ id: 'nl2024', title: 'Nederland 2024', indelingYear: 2024 });
    expect(r.workspace).toEqual(ws);
  });

  it('migrates a version 5 file: each row gets its current status with the date unknown, and no dataset', () => {
    const o = fileObject();
    const matrix = (o.matrix as Record<string, unknown>[]).map(({ statusHistory: _h, ...row }) => row);
    // A stray dataset key in an older file is not trusted.
    const r = parseWorkspaceFile(JSON.stringify({ ...o, version: 5, matrix, dataset: { id: 'x', title: 'X', indelingYear: 2024 } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(5);
    expect(r.workspace.dataset).toBeNull();
    expect(r.workspace.matrix.map((row) => row.statusHistory)).toEqual([
      [{ status: 'obstakel', date: null, note: '' }],
      [{ status: 'kansrijk', date: null, note: '' }],
    ]);
    // The migrated workspace is a valid version 6 file itself.
    const again = parseWorkspaceFile(serializeWorkspace(r.workspace));
    expect(again.ok && again.workspace.matrix[0].statusHistory).toEqual([{ status: 'obstakel', date: null, note: '' }]);
  });

  it('migrates a version 1 file through every step to a history per row', () => {
    const r = parseWorkspaceFile(JSON.stringify({
      format: FILE_FORMAT, version: 1, name: 'Oud', areaCode: 'WK001401', areaName: 'Centrum',
      matrix: [{ name: 'Buurtbemiddeling', categories: ['S3'], lead: 'welzijn', status: 'lopend' }],
    }));
    expect(r.ok && r.workspace.matrix[0].statusHistory).toEqual([{ status: 'lopend', date: null, note: '' }]);
  });

  it('says in Dutch where a status history or dataset is wrong', () => {
    const o = fileObject();
    const rows = o.matrix as Record<string, unknown>[];
    rows[0].statusHistory = [
      { status: 'lopend', date: '2026-04-01T10:00:00.000Z', note: '' },
      { status: 'bezig', date: '2026-03-01T10:00:00.000Z', note: '' },
      { status: 'obstakel', date: '1 april', note: 3 },
    ];
    rows[1].statusHistory = 'kwijt';
    o.dataset = { id: 'nl2024', title: 'Nederland 2024', indelingYear: '2024' };
    const errors = errorsOf(o);
    expect(errors).toContain('matrix[0].statusHistory[1].status: onbekende status "bezig" (toegestaan: lopend, kansrijk, gepland, afgerond, obstakel)');
    expect(errors).toContain('matrix[0].statusHistory[1].date: datum 2026-03-01 ligt vóór die van de vorige statuswijziging (2026-04-01)');
    expect(errors.some((e) => e.startsWith('matrix[0].statusHistory[2].date: verwacht een bestaande datum en tijd'))).toBe(true);
    expect(errors).toContain('matrix[0].statusHistory[2].note: verwacht tekst, gevonden het getal 3');
    expect(errors).toContain('matrix[1].statusHistory: verwacht een lijst, gevonden "kwijt"');
    expect(errors).toContain('dataset.indelingYear: verwacht een jaartal als 2024, gevonden "2024"');
  });

  it('reads a version 6 file whose history is missing as broken, not as empty', () => {
    const o = fileObject();
    delete (o.matrix as Record<string, unknown>[])[0].statusHistory;
    expect(errorsOf(o)).toContain('matrix[0].statusHistory: ontbreekt (verwacht een lijst)');
  });
});

describe('stored records from before version 6', () => {
  it('get the same migration as a file, and keep a history they already have', () => {
    const ws = JSON.parse(serializeWorkspace(sampleWorkspace())) as Record<string, unknown>;
    const rows = ws.matrix as Record<string, unknown>[];
    delete rows[0].statusHistory;
    delete ws.dataset;
    const r = parseStoredWorkspace(ws);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workspace.matrix[0].statusHistory).toEqual([{ status: 'obstakel', date: null, note: '' }]);
    expect(r.workspace.matrix[1].statusHistory).toEqual(rows[1].statusHistory);
    expect(r.workspace.dataset).toBeNull();
  });
});

describe('names, labels and long texts: the same rule as the editors', () => {
  it('a workspace with an emptied intervention name, timeline label and milestone label round-trips through the file', () => {
    const ws = sampleWorkspace();
    ws.matrix[0].name = '';
    ws.timeline[0].label = '';
    ws.timeline[0].milestones[0].label = '';
    const r = parseWorkspaceFile(serializeWorkspace(ws));
    expect(r.ok && r.workspace).toEqual(ws);
  });

  it('refuses a file whose text is longer than the editors allow, and names the field', () => {
    const o = fileObject();
    (o.matrix as Record<string, unknown>[])[0].notes = 'x'.repeat(20_001);
    expect(errorsOf(o)).toContain('matrix[0].notes: tekst is te lang (20.001 tekens, maximaal 20.000)');
  });

  it('imports the raw record that "Exporteren als JSON" wrote for a quarantined workspace', () => {
    const ws = sampleWorkspace();
    const record = { id: ws.id, revision: 'kapot', workspace: JSON.parse(serializeWorkspace(ws)) };
    delete record.workspace.format;
    delete record.workspace.version;
    delete record.workspace.exportedAt;
    const r = parseWorkspaceFile(JSON.stringify(record, null, 2));
    expect(r.ok && r.workspace).toEqual(ws);
  });

  it('imports such a record also when it has no revision, the reason it was kept apart', () => {
    const ws = sampleWorkspace();
    const r = parseWorkspaceFile(JSON.stringify({ id: ws.id, workspace: JSON.parse(serializeWorkspace(ws)) }));
    expect(r.ok && r.workspace).toEqual(ws);
  });

  it('says what is wrong inside such a record, with the path in the workspace', () => {
    const record = { id: 'kapot', revision: 1, workspace: { id: 'kapot', name: 'Kapot', matrix: 'geen lijst', focus: null } };
    expect(errorsOf(record)).toContain('matrix: verwacht een lijst, gevonden "geen lijst"');
  });
});

describe('stored records an older version wrote', () => {
  it('load repaired, and each repair is said with the name of what was changed, numbers as in Dutch', () => {
    const ws = sampleWorkspace();
    ws.matrix[0].notes = 'x'.repeat(25_000);
    ws.matrix[0].statusHistory[0].note = 'n'.repeat(2500);
    ws.localKnowledge[0].examples = 'v'.repeat(20_001);
    ws.matrix.splice(1, 1); // Buurtbemiddeling removed, its plan left behind
    const r = parseStoredWorkspace(JSON.parse(JSON.stringify(ws)));
    expect(r.ok && r.repairs).toEqual([
      'Interventiematrix › ‘Inbraakwerend hang- en sluitwerk in bestaande woningen’ › notities: ingekort van 25.000 tot 20.000 tekens',
      'Interventiematrix › ‘Inbraakwerend hang- en sluitwerk in bestaande woningen’ › statusgeschiedenis › nr. 1 › notitie: ingekort van 2.500 tot 2.000 tekens',
      'Lokale kennis › WK001401 S3 › voorbeelden: ingekort van 20.001 tot 20.000 tekens',
      'Tijdslijn › ‘Buurtbemiddeling’: de interventie is verwijderd; het item staat nu los op de tijdslijn',
    ]);
  });
});
