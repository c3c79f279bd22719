/**
 * The zip container of an .xlsx package: its central directory read as it is, entries inflated
 * only when a part is needed, and a new archive written in which every entry scoring does not
 * own keeps its compressed bytes (docs/kiem-tra-ban-da-cham.md). Compression itself is a
 * library's job (fflate here, Node's zlib through a codec); this module only reads and lays out
 * the directory records the zip format defines.
 */
import { Zip, ZipInputFile, inflateSync } from 'fflate';
import { concatBytes } from '../../export/utf8Bytes';

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; other methods cannot be read here. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS date and time, kept for entries copied as they are. */
  dosDateTime: number;
  /** Where the compressed bytes start and end in the archive. */
  dataStart: number;
  dataEnd: number;
  encrypted: boolean;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
}

/** Inflates and deflates raw (headerless) deflate streams; crc32 for new entries. */
export interface Codec {
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  deflateRaw?(data: Uint8Array): Uint8Array;
  crc32?(data: Uint8Array): number;
}

/** Works everywhere, the task pane included (reading only). */
export const fflateCodec: Codec = {
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
};

export class ZipError extends Error {}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfDirectory(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= stop; at--) {
    if (u32(b, at) === EOCD) return at;
  }
  return -1;
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(raw);
  // Without the UTF-8 flag names are CP437; part names are ASCII, so Latin-1 keeps them intact.
  let s = '';
  for (const c of raw) s += String.fromCharCode(c);
  return s;
}

/** Reads the archive's directory; throws ZipError when the bytes are not a readable zip. */
export function readZip(bytes: Uint8Array): ZipArchive {
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw new ZipError('no end of central directory');
  let count = u16(bytes, end + 10);
  let dirSize = u32(bytes, end + 12);
  let dirStart = u32(bytes, end + 16);
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === EOCD64_LOCATOR) {
    const at = u64(bytes, locator + 8);
    if (u32(bytes, at) !== EOCD64) throw new ZipError('bad zip64 end record');
    count = u64(bytes, at + 32);
    dirSize = u64(bytes, at + 40);
    dirStart = u64(bytes, at + 48);
  }
  if (dirStart + dirSize > bytes.length) throw new ZipError('central directory out of range');
  const entries: ZipEntry[] = [];
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipError('bad central directory record');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const dosDateTime = u32(bytes, at + 12);
    const crc = u32(bytes, at + 16) >>> 0;
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    // Zip64: the real sizes and offset live in extra field 0x0001, in this order, when maxed out.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 1) {
        let p = extra + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, p);
      }
      extra += 4 + length;
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL) throw new ZipError(`bad local header for ${name}`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.length) throw new ZipError(`entry ${name} out of range`);
    entries.push({ name, method, crc, compressedSize, size, dosDateTime, dataStart, dataEnd, encrypted: (flags & 1) !== 0 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  return { bytes, entries, byName };
}

/** An entry's uncompressed bytes; throws ZipError when they cannot be had. */
export function entryBytes(archive: ZipArchive, entry: ZipEntry, codec: Codec): Uint8Array {
  if (entry.encrypted) throw new ZipError(`entry ${entry.name} is encrypted`);
  const raw = archive.bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipError(`entry ${entry.name} uses compression method ${entry.method}`);
  try {
    const out = codec.inflateRaw(raw, entry.size);
    if (out.length !== entry.size) throw new ZipError(`entry ${entry.name} inflates to the wrong size`);
    return out;
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(`entry ${entry.name} cannot be inflated`);
  }
}

/**
 * What goes into the new archive: an entry copied as it is, or new bytes to compress — given, or
 * made when the entry is written (a large part's bytes then live only while they are compressed).
 */
export type OutEntry = { name: string; copy: ZipEntry } | { name: string; data: Uint8Array | (() => Uint8Array) };

/** DOS date and time → Date in local time, as fflate writes it back. */
function dosToDate(dosDateTime: number): Date {
  const time = dosDateTime & 0xffff;
  const date = dosDateTime >>> 16;
  return new Date(1980 + (date >> 9), ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2);
}

/** The date every entry scoring writes carries, so the same input gives the same bytes. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** A zip entry whose compressed bytes are already known. */
function precompressed(name: string, data: Uint8Array, crc: number, size: number, method: number, mtime: Date): ZipInputFile {
  return { filename: name, size, crc, compression: method, mtime } as ZipInputFile;
}

/** Writes the archive; copied entries keep their compressed bytes, CRC and date. */
export function writeZip(archive: ZipArchive, out: OutEntry[], codec: Required<Codec>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null as Error | null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else if (chunk) chunks.push(chunk);
  });
  for (const entry of out) {
    let file: ZipInputFile;
    let data: Uint8Array<ArrayBuffer>;
    if ('copy' in entry) {
      const e = entry.copy;
      data = archive.bytes.subarray(e.dataStart, e.dataEnd) as Uint8Array<ArrayBuffer>;
      let mtime = dosToDate(e.dosDateTime);
      if (Number.isNaN(mtime.getTime()) || mtime.getFullYear() < 1980) mtime = FIXED_DATE;
      file = precompressed(entry.name, data, e.crc, e.size, e.method, mtime);
    } else {
      const raw = typeof entry.data === 'function' ? entry.data() : entry.data;
      const compressed = codec.deflateRaw(raw);
      data = compressed as Uint8Array<ArrayBuffer>;
      file = precompressed(entry.name, compressed, codec.crc32(raw) >>> 0, raw.length, 8, FIXED_DATE);
    }
    zip.add(file);
    file.ondata!(null, data, true);
  }
  zip.end();
  if (failure) throw failure;
  return concatBytes(chunks);
}
