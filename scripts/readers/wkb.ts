/**
 * GeoPackage geometry blobs (OGC 12-128r18 §2.1.3): a "GP" header with
 * version, flags (empty bit, envelope type, header byte order), srs_id and an
 * optional envelope, followed by standard WKB. Only areal types are needed
 * here: Polygon and MultiPolygon, 2D or with Z/M ordinates (dropped), in
 * either byte order (ISO 1000/2000/3000 offsets and the EWKB high bits).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface GpkgGeometry {
  srsId: number;
  /** [minx, maxx, miny, maxy] when the header carries an envelope. */
  envelope: [number, number, number, number] | null;
  /** null for an empty geometry (flags bit 4). */
  geometry: Polygon | MultiPolygon | null;
}

/** Bytes of the envelope per envelope-contents indicator (flags bits 1–3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

class WkbReader {
  private offset: number;
  constructor(private readonly view: DataView, offset: number) {
    this.offset = offset;
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.view.byteLength) {
      throw new Error(`WKB is afgekapt: verwacht ${bytes} bytes op positie ${this.offset}, bestand heeft ${this.view.byteLength}`);
    }
  }

  u8(): number { this.need(1); return this.view.getUint8(this.offset++); }
  u32(le: boolean): number { this.need(4); const v = this.view.getUint32(this.offset, le); this.offset += 4; return v; }
  f64(le: boolean): number { this.need(8); const v = this.view.getFloat64(this.offset, le); this.offset += 8; return v; }

  /** One WKB geometry header: byte order, base type, ordinates per point. */
  header(): { le: boolean; type: number; dims: number } {
    const order = this.u8();
    if (order !== 0 && order !== 1) throw new Error(`ongeldige WKB-bytevolgorde ${order}: verwacht 0 (big endian) of 1 (little endian)`);
    const le = order === 1;
    const raw = this.u32(le);
    let hasZ = (raw & 0x80000000) !== 0;
    let hasM = (raw & 0x40000000) !== 0;
    let type = raw & 0x0fffffff;
    if (type >= 3000 && type < 4000) { hasZ = true; hasM = true; type -= 3000; }
    else if (type >= 2000 && type < 3000) { hasM = true; type -= 2000; }
    else if (type >= 1000 && type < 2000) { hasZ = true; type -= 1000; }
    if ((raw & 0x20000000) !== 0) this.u32(le); // EWKB SRID, not used
    return { le, type, dims: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) };
  }

  ring(le: boolean, dims: number): Position[] {
    const n = this.u32(le);
    this.need(n * dims * 8);
    const ring: Position[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = this.f64(le);
      const y = this.f64(le);
      for (let d = 2; d < dims; d++) this.f64(le);
      ring[i] = [x, y];
    }
    return ring;
  }

  polygonBody(le: boolean, dims: number): Position[][] {
    const n = this.u32(le);
    const rings: Position[][] = [];
    for (let i = 0; i < n; i++) rings.push(this.ring(le, dims));
    return rings;
  }

  geometry(): Polygon | MultiPolygon {
    const { le, type, dims } = this.header();
    if (type === 3) return { type: 'Polygon', coordinates: this.polygonBody(le, dims) };
    if (type === 6) {
      const n = this.u32(le);
      const polygons: Position[][][] = [];
      for (let i = 0; i < n; i++) {
        const part = this.header();
        if (part.type !== 3) throw new Error(`MultiPolygon bevat een deel van WKB-type ${part.type}: verwacht 3 (Polygon)`);
        polygons.push(this.polygonBody(part.le, part.dims));
      }
      return { type: 'MultiPolygon', coordinates: polygons };
    }
    throw new Error(`WKB-type ${type} wordt niet ondersteund: verwacht 3 (Polygon) of 6 (MultiPolygon)`);
  }
}

/** Decode a GeoPackage geometry blob. Throws a Dutch message on malformed input. */
export function decodeGpkgGeometry(blob: Uint8Array): GpkgGeometry {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    throw new Error('geen GeoPackage-geometrie: verwacht een blob die met "GP" begint');
  }
  if (blob[2] !== 0) throw new Error(`GeoPackage-geometrieversie ${blob[2]} wordt niet ondersteund: verwacht 0`);
  const flags = blob[3];
  if (flags & 0x20) throw new Error('uitgebreide GeoPackage-geometrie (ExtendedGeoPackageBinary) wordt niet ondersteund');
  const empty = (flags & 0x10) !== 0;
  const envelopeType = (flags >> 1) & 0x07;
  if (envelopeType > 4) throw new Error(`ongeldige envelop-indicator ${envelopeType} in de GeoPackage-kop: verwacht 0–4`);
  const le = (flags & 0x01) === 1;
  const srsId = view.getInt32(4, le);
  let envelope: GpkgGeometry['envelope'] = null;
  const envBytes = ENVELOPE_BYTES[envelopeType];
  if (8 + envBytes > blob.byteLength) throw new Error('GeoPackage-kop is afgekapt: envelop valt buiten de blob');
  if (envelopeType > 0) {
    envelope = [view.getFloat64(8, le), view.getFloat64(16, le), view.getFloat64(24, le), view.getFloat64(32, le)];
  }
  if (empty) return { srsId, envelope, geometry: null };
  const geometry = new WkbReader(view, 8 + envBytes).geometry();
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (polys.length === 0 || polys.every((p) => p.length === 0)) return { srsId, envelope, geometry: null };
  for (const poly of polys) {
    for (const ring of poly) {
      if (ring.length < 4) throw new Error(`ring met ${ring.length} punten: verwacht minstens 4 (gesloten ring)`);
      const [a, b] = [ring[0], ring[ring.length - 1]];
      if (a[0] !== b[0] || a[1] !== b[1]) throw new Error('ring is niet gesloten: verwacht dat het eerste en laatste punt gelijk zijn');
      for (const p of ring) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new Error('ring bevat een coördinaat die geen eindig getal is');
    }
  }
  return { srsId, envelope, geometry };
}

/** Encode a Polygon or MultiPolygon as a GeoPackage blob (used by the fixture generator and tests). */
export function encodeGpkgGeometry(geometry: Polygon | MultiPolygon, srsId: number, options: { littleEndian?: boolean; envelope?: boolean } = {}): Uint8Array {
  const le = options.littleEndian ?? true;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = polys.flat(2);
  const withEnvelope = options.envelope ?? true;
  const ringCount = polys.reduce((s, p) => s + p.length, 0);
  const wkbBytes = 5 + (geometry.type === 'MultiPolygon' ? 4 + polys.length * 5 : 0) + polys.length * 4 + ringCount * 4 + points.length * 16;
  const headerBytes = 8 + (withEnvelope ? 32 : 0);
  const out = new Uint8Array(headerBytes + wkbBytes);
  const view = new DataView(out.buffer);
  out[0] = 0x47; out[1] = 0x50; out[2] = 0;
  out[3] = (withEnvelope ? 1 << 1 : 0) | (le ? 1 : 0);
  view.setInt32(4, srsId, le);
  if (withEnvelope) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)].forEach((v, i) => view.setFloat64(8 + i * 8, v, le));
  }
  let o = headerBytes;
  const u8 = (v: number) => { view.setUint8(o, v); o += 1; };
  const u32 = (v: number) => { view.setUint32(o, v, le); o += 4; };
  const f64 = (v: number) => { view.setFloat64(o, v, le); o += 8; };
  const polygon = (rings: Position[][]) => {
    u8(le ? 1 : 0); u32(3); u32(rings.length);
    for (const ring of rings) { u32(ring.length); for (const p of ring) { f64(p[0]); f64(p[1]); } }
  };
  if (geometry.type === 'Polygon') polygon(geometry.coordinates);
  else { u8(le ? 1 : 0); u32(6); u32(polys.length); polys.forEach(polygon); }
  return out;
}
