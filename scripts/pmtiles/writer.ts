/**
 * A small PMTiles v3 writer (spec: github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 *
 * Layout: 127-byte header, root directory, JSON metadata, leaf directories,
 * tile data. Tile data is clustered (ordered by tile id); identical tile
 * contents are stored once; consecutive tile ids with the same content share
 * one run-length entry. Directories and metadata are gzip-compressed with a
 * fixed level and no timestamp, so the same input gives the same bytes.
 */
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';

export const HEADER_BYTES = 127;
/** Header + root directory must fit in the first 16 KiB (one initial fetch). */
export const ROOT_LIMIT = 16384 - HEADER_BYTES;

export const Compression = { unknown: 0, none: 1, gzip: 2 } as const;
export const TileType = { unknown: 0, mvt: 1 } as const;

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** Tile bytes as stored (already compressed when `tileCompression` says so). */
  data: Uint8Array;
}

export interface PmtilesOptions {
  tiles: TileInput[];
  metadata: Record<string, unknown>;
  tileType?: number;
  tileCompression?: number;
  /** [west, south, east, north]; defaults to the bounds of the tiles. */
  bounds?: [number, number, number, number];
  center?: [number, number, number];
  minZoom?: number;
  maxZoom?: number;
  /** Testing: force leaf directories with at most this many entries per leaf. */
  leafSize?: number;
}

export interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  /** 0 = the entry points to a leaf directory. */
  runLength: number;
}

export function gzip(data: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(data, { level: 9 }));
}

class ByteWriter {
  private chunks: number[] = [];
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint: ongeldige waarde ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.chunks.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.chunks.push(v);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** Serialise directory entries (uncompressed), per the v3 column layout. */
export function serializeDirectory(entries: DirEntry[]): Uint8Array {
  const w = new ByteWriter();
  w.varint(entries.length);
  let lastId = 0;
  for (const e of entries) {
    w.varint(e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) w.varint(e.runLength);
  for (const e of entries) w.varint(e.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const prev = entries[i - 1];
    // 0 = "directly after the previous entry"; otherwise offset + 1.
    if (i > 0 && e.offset === prev.offset + prev.length) w.varint(0);
    else w.varint(e.offset + 1);
  }
  return w.bytes();
}

/** Split entries into leaves until the compressed root fits in ROOT_LIMIT. */
function buildDirectories(entries: DirEntry[], forcedLeafSize?: number): { root: Uint8Array; leaves: Uint8Array } {
  const root = gzip(serializeDirectory(entries));
  if (forcedLeafSize === undefined && root.length <= ROOT_LIMIT) return { root, leaves: new Uint8Array(0) };
  let leafSize = forcedLeafSize ?? 4096;
  for (;;) {
    const rootEntries: DirEntry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const rootBytes = gzip(serializeDirectory(rootEntries));
    if (rootBytes.length <= ROOT_LIMIT) return { root: rootBytes, leaves: concat(leafParts) };
    if (forcedLeafSize !== undefined) throw new Error(`PMTiles: hoofdmap te groot met bladgrootte ${forcedLeafSize}`);
    leafSize *= 2;
  }
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (xx: number) => (xx / n) * 360 - 180;
  const lat = (yy: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * yy) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Build a complete PMTiles v3 archive in memory. */
export function writePmtiles(options: PmtilesOptions): Uint8Array {
  if (options.tiles.length === 0) throw new Error('PMTiles: geen tegels om te schrijven');
  const withIds = options.tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }));
  withIds.sort((a, b) => a.tileId - b.tileId);
  for (let i = 1; i < withIds.length; i++) {
    if (withIds[i].tileId === withIds[i - 1].tileId) {
      const t = withIds[i];
      throw new Error(`PMTiles: tegel ${t.z}/${t.x}/${t.y} komt twee keer voor`);
    }
  }

  // Clustered tile data with content deduplication and run-length entries.
  const entries: DirEntry[] = [];
  const dataParts: Uint8Array[] = [];
  const offsetByHash = new Map<string, number>();
  let dataLength = 0;
  for (const t of withIds) {
    const hash = createHash('sha256').update(t.data).digest('hex');
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      offsetByHash.set(hash, offset);
      dataParts.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === offset && last.tileId + last.runLength === t.tileId) last.runLength++;
    else entries.push({ tileId: t.tileId, offset, length: t.data.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries, options.leafSize);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const zooms = withIds.map((t) => t.z);
  const minZoom = options.minZoom ?? Math.min(...zooms);
  const maxZoom = options.maxZoom ?? Math.max(...zooms);
  let bounds = options.bounds;
  if (!bounds) {
    bounds = [180, 90, -180, -90];
    for (const t of withIds) {
      const b = tileBounds(t.z, t.x, t.y);
      bounds = [Math.min(bounds[0], b[0]), Math.min(bounds[1], b[1]), Math.max(bounds[2], b[2]), Math.max(bounds[3], b[3])];
    }
  }
  const center = options.center ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom];

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const u64 = (pos: number, value: number) => view.setBigUint64(pos, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, withIds.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, offsetByHash.size); // tile contents
  header[96] = 1; // clustered
  header[97] = Compression.gzip;
  header[98] = options.tileCompression ?? Compression.gzip;
  header[99] = options.tileType ?? TileType.mvt;
  header[100] = minZoom;
  header[101] = maxZoom;
  const e7 = (v: number) => Math.round(v * 1e7);
  view.setInt32(102, e7(bounds[0]), true);
  view.setInt32(106, e7(bounds[1]), true);
  view.setInt32(110, e7(bounds[2]), true);
  view.setInt32(114, e7(bounds[3]), true);
  header[118] = center[2];
  view.setInt32(119, e7(center[0]), true);
  view.setInt32(123, e7(center[1]), true);

  return concat([header, root, metadata, leaves, ...dataParts]);
}
