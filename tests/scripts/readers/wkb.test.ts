import { describe, expect, it } from 'vitest';
import { decodeGpkgGeometry, encodeGpkgGeometry } from '../../../scripts/readers/wkb.ts';

/** A GeoPackage blob written byte by byte: big-endian header without envelope, big-endian WKB Polygon Z (type 1003). */
function handBuiltPolygonZ(): Uint8Array {
  const bytes: number[] = [0x47, 0x50, 0x00, 0x00, 0, 0, 0x70, 0xe0]; // "GP", version 0, flags 0 (big endian, no envelope), srs_id 0x70e0
  const buf = new DataView(new ArrayBuffer(1 + 4 + 4 + 4 + 4 * 24));
  let o = 0;
  buf.setUint8(o, 0); o += 1; // big endian
  buf.setUint32(o, 1003); o += 4; // Polygon Z
  buf.setUint32(o, 1); o += 4; // one ring
  buf.setUint32(o, 4); o += 4; // four points
  for (const [x, y, z] of [[0, 0, 5], [10, 0, 5], [0, 10, 5], [0, 0, 5]]) {
    buf.setFloat64(o, x); buf.setFloat64(o + 8, y); buf.setFloat64(o + 16, z); o += 24;
  }
  return new Uint8Array([...bytes, ...new Uint8Array(buf.buffer)]);
}

describe('decodeGpkgGeometry', () => {
  it('reads a big-endian Polygon Z without envelope and drops Z', () => {
    const g = decodeGpkgGeometry(handBuiltPolygonZ());
    expect(g.srsId).toBe(0x70e0);
    expect(g.envelope).toBeNull();
    expect(g.geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [0, 10], [0, 0]]] });
  });

  it('round-trips little- and big-endian MultiPolygons with and without envelope', () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [1, 1]]], [[[10, 10], [11, 10], [11, 11], [10, 10]]]] };
    for (const littleEndian of [true, false]) {
      for (const envelope of [true, false]) {
        const blob = encodeGpkgGeometry(multi, 28992, { littleEndian, envelope });
        expect(blob[3]).toBe((envelope ? 2 : 0) | (littleEndian ? 1 : 0));
        const g = decodeGpkgGeometry(blob);
        expect(g.srsId).toBe(28992);
        expect(g.geometry).toEqual(multi);
        expect(g.envelope).toEqual(envelope ? [0, 11, 0, 11] : null);
      }
    }
  });

  it('returns null geometry for the empty flag', () => {
    const blob = new Uint8Array([0x47, 0x50, 0, 0x11, 0x40, 0x70, 0, 0]); // empty, little endian, srs 28736
    expect(decodeGpkgGeometry(blob)).toEqual({ srsId: 28736, envelope: null, geometry: null });
  });

  it('rejects what it cannot read with a Dutch message', () => {
    expect(() => decodeGpkgGeometry(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow('geen GeoPackage-geometrie: verwacht een blob die met "GP" begint');
    const point = new Uint8Array([0x47, 0x50, 0, 1, 0x40, 0x70, 0, 0, 1, 1, 0, 0, 0, ...new Array(16).fill(0)]);
    expect(() => decodeGpkgGeometry(point)).toThrow('WKB-type 1 wordt niet ondersteund: verwacht 3 (Polygon) of 6 (MultiPolygon)');
    const truncated = handBuiltPolygonZ().subarray(0, 40);
    expect(() => decodeGpkgGeometry(truncated)).toThrow(/WKB is afgekapt/);
    const open = encodeGpkgGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, 28992);
    expect(() => decodeGpkgGeometry(open)).toThrow('ring is niet gesloten: verwacht dat het eerste en laatste punt gelijk zijn');
  });
});
