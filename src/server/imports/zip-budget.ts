import { inflateRawSync } from 'node:zlib';

/** Why a ZIP archive may not be unpacked: `broken` (not a ZIP one can read) or `too_large`. */
export type ZipRefusal = { reason: 'broken'; detail: string } | { reason: 'too_large' } | null;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** ZIP64 marks sizes and offsets it moved elsewhere with all ones; no spreadsheet we take needs it. */
const ZIP64 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

/**
 * Checks, before a ZIP library unpacks it, that an archive (an XLSX is one) unpacks to at most
 * `limit` bytes: the sizes its directory declares must add up to at most `limit`, and each
 * deflated entry is inflated with its declared size as a hard cap, so an entry that lies about its
 * size is caught after `limit` bytes at most instead of after gigabytes ("zip bombs"). Costs one
 * extra inflate of an honest file, far less than parsing its XML.
 * @returns null when the archive may be unpacked.
 */
export function checkZipBudget(bytes: Uint8Array, limit: number): ZipRefusal {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(data);
  if (end < 0) return { reason: 'broken', detail: 'no ZIP directory at the end of the file' };
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < count; entry++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY)
      return { reason: 'broken', detail: `ZIP directory entry ${String(entry + 1)} is damaged` };
    const method = data.readUInt16LE(at + 10);
    const packed = data.readUInt32LE(at + 20);
    const unpacked = data.readUInt32LE(at + 24);
    const local = data.readUInt32LE(at + 42);
    if (packed === ZIP64 || unpacked === ZIP64 || local === ZIP64) return { reason: 'too_large' };
    total += unpacked;
    if (total > limit) return { reason: 'too_large' };
    const refusal = checkEntry(data, local, method, packed, unpacked);
    if (refusal) return refusal;
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return null;
}

/** The end-of-directory record sits in the last 22 bytes plus at most a 64 KB comment. */
function findEndOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--)
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

function checkEntry(
  data: Buffer,
  local: number,
  method: number,
  packed: number,
  unpacked: number,
): ZipRefusal {
  if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_HEADER)
    return { reason: 'broken', detail: 'a ZIP entry points outside the file' };
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  if (start + packed > data.length) return { reason: 'broken', detail: 'a ZIP entry is cut short' };
  if (method === STORED)
    return packed === unpacked ? null : { reason: 'broken', detail: 'a ZIP entry is damaged' };
  if (method !== DEFLATED) return null;
  try {
    inflateRawSync(data.subarray(start, start + packed), { maxOutputLength: Math.max(1, unpacked) });
    return null;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
      ? { reason: 'too_large' }
      : { reason: 'broken', detail: `a ZIP entry does not inflate (${(error as Error).message})` };
  }
}
