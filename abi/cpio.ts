// The newc cpio format (the Linux initramfs format): the boot image the build writes and the
// kernel unpacks into ramfs. Each entry is a 110-byte ASCII header ("070701" then 13 fields of
// 8 hex digits), the NUL-terminated name, padding to 4 bytes, the data, padding to 4 bytes;
// the archive ends with an entry named "TRAILER!!!". Imports nothing.

export interface CpioEntry {
  /** Path without a leading slash, e.g. "bin/ls". */
  name: string;
  /** st_mode: file type and permission bits (0o100755 for an executable, 0o040755 for a directory). */
  mode: number;
  data: Uint8Array;
}

/** The mode's file-type bits a cpio archive uses (an archive's users import them from here). */
export { S_IFDIR, S_IFMT, S_IFREG } from './stat.js';

const MAGIC = '070701';
const HEADER_BYTES = 110;
const TRAILER = 'TRAILER!!!';

/** Thrown for a malformed archive, naming the byte offset. */
export class CpioFormatError extends Error {}

const pad4 = (n: number): number => (4 - (n % 4)) % 4;
const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');

/** Writes entries (and the trailer) as one newc archive. */
export function writeCpio(entries: readonly CpioEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const all = [...entries, { name: TRAILER, mode: 0, data: new Uint8Array(0) }];
  all.forEach((entry, ino) => {
    const name = encoder.encode(entry.name + '\0');
    const fields = [ino + 1, entry.mode, 0, 0, 1, 0, entry.data.length, 0, 0, 0, 0, name.length, 0];
    const header = encoder.encode(MAGIC + fields.map(hex8).join(''));
    parts.push(header, name, new Uint8Array(pad4(HEADER_BYTES + name.length)), entry.data, new Uint8Array(pad4(entry.data.length)));
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Reads a newc archive up to its trailer. Data views share the archive's buffer. */
export function readCpio(archive: Uint8Array): CpioEntry[] {
  const decoder = new TextDecoder();
  const entries: CpioEntry[] = [];
  let at = 0;
  for (;;) {
    if (at + HEADER_BYTES > archive.length) throw new CpioFormatError(`cpio: truncated header at offset ${at}`);
    const header = decoder.decode(archive.subarray(at, at + HEADER_BYTES));
    if (!header.startsWith(MAGIC)) throw new CpioFormatError(`cpio: bad magic at offset ${at}`);
    const field = (i: number): number => {
      const text = header.slice(6 + i * 8, 14 + i * 8);
      if (!/^[0-9a-fA-F]{8}$/.test(text)) throw new CpioFormatError(`cpio: bad header field ${i} at offset ${at}`);
      return parseInt(text, 16);
    };
    const mode = field(1);
    const size = field(6);
    const nameSize = field(11);
    const nameAt = at + HEADER_BYTES;
    const dataAt = nameAt + nameSize + pad4(HEADER_BYTES + nameSize);
    if (nameSize === 0 || dataAt + size > archive.length) throw new CpioFormatError(`cpio: entry at offset ${at} runs past the end`);
    const name = decoder.decode(archive.subarray(nameAt, nameAt + nameSize - 1));
    if (name === TRAILER) return entries;
    entries.push({ name, mode, data: archive.subarray(dataAt, dataAt + size) });
    at = dataAt + size + pad4(size);
  }
}
