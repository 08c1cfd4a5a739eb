// System V / GNU `ar` archives: reading (GNU, SysV and BSD member names, the `/` symbol index) and writing
// (the GNU layout that GNU ld and ranlib accept: `/` index with big-endian count and offsets, `//` long names,
// deterministic headers). Pure: works on Uint8Array, no host imports, so it runs in the browser too.
// Source: the System V ABI "Archive File" format and GNU binutils' bfd/archive.c conventions.

import { ElfFormatError, findSymbolTable, isElf, isSectionIndex, readElf, readSymbols } from '../abi/elfread.js';
import { SHN_ABS, SHN_COMMON, SymBind } from '../abi/elf.js';

/** The one error the reader throws: the bytes are not a well-formed archive. */
export class ArchiveFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveFormatError';
  }
}

/** One member: its name (long names resolved) and a view of its bytes; `headerOffset` is where its header sits. */
export interface ArchiveMember {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly headerOffset: number;
}

/** One entry of the symbol index: a symbol and the header offset of the member that defines it. */
export interface ArchiveSymbol {
  readonly name: string;
  readonly memberOffset: number;
}

/** A parsed archive. `symbols` is undefined when the archive carries no `/` index. */
export interface Archive {
  readonly members: readonly ArchiveMember[];
  readonly symbols: readonly ArchiveSymbol[] | undefined;
}

export const AR_MAGIC = '!<arch>\n';
const THIN_MAGIC = '!<thin>\n';
const HEADER_SIZE = 60;

const hex = (n: number): string => '0x' + n.toString(16);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** True when the bytes start with the `!<arch>\n` magic. */
export function isArchive(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && ascii(bytes, 0, 8) === AR_MAGIC;
}

interface RawMember {
  rawName: string;
  headerOffset: number;
  dataOffset: number;
  size: number;
}

function readRawMembers(bytes: Uint8Array): RawMember[] {
  const out: RawMember[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    if (pos === bytes.length - 1 && bytes[pos] === 0x0a) break; // trailing pad byte
    if (pos + HEADER_SIZE > bytes.length) {
      throw new ArchiveFormatError(`member header at offset ${hex(pos)} is truncated (file size ${hex(bytes.length)})`);
    }
    if (bytes[pos + 58] !== 0x60 || bytes[pos + 59] !== 0x0a) {
      throw new ArchiveFormatError(`member header at offset ${hex(pos)} has a bad terminator (expected "\`\\n")`);
    }
    const sizeText = ascii(bytes, pos + 48, pos + 58).trim();
    if (!/^\d+$/.test(sizeText)) {
      throw new ArchiveFormatError(`member header at offset ${hex(pos)} has a bad size field '${sizeText}'`);
    }
    const size = Number(sizeText);
    const dataOffset = pos + HEADER_SIZE;
    if (dataOffset + size > bytes.length) {
      throw new ArchiveFormatError(
        `member at offset ${hex(pos)} (size ${size}) runs past the end of the archive (file size ${hex(bytes.length)})`,
      );
    }
    out.push({ rawName: ascii(bytes, pos, pos + 16), headerOffset: pos, dataOffset, size });
    pos = dataOffset + size + (size & 1);
  }
  return out;
}

function parseSymbolIndex(bytes: Uint8Array, m: RawMember): ArchiveSymbol[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset + m.dataOffset, m.size);
  if (m.size < 4) throw new ArchiveFormatError(`symbol index at offset ${hex(m.headerOffset)} is truncated`);
  const count = view.getUint32(0, false);
  if (4 + count * 4 > m.size) {
    throw new ArchiveFormatError(
      `symbol index at offset ${hex(m.headerOffset)} claims ${count} symbols but holds only ${m.size} bytes`,
    );
  }
  const out: ArchiveSymbol[] = [];
  let str = m.dataOffset + 4 + count * 4;
  const end = m.dataOffset + m.size;
  for (let i = 0; i < count; i++) {
    let e = str;
    while (e < end && bytes[e] !== 0) e++;
    if (e >= end) throw new ArchiveFormatError(`symbol index at offset ${hex(m.headerOffset)}: name ${i} is not terminated`);
    out.push({ name: ascii(bytes, str, e), memberOffset: view.getUint32(4 + i * 4, false) });
    str = e + 1;
  }
  return out;
}

function resolveName(bytes: Uint8Array, m: RawMember, longNames: RawMember | undefined): { name: string; skip: number } {
  const raw = m.rawName;
  if (raw.startsWith('#1/')) {
    const len = Number(raw.slice(3).trim());
    if (!Number.isInteger(len) || len > m.size) {
      throw new ArchiveFormatError(`member at offset ${hex(m.headerOffset)} has a bad BSD name length`);
    }
    let name = ascii(bytes, m.dataOffset, m.dataOffset + len);
    const nul = name.indexOf('\0');
    if (nul >= 0) name = name.slice(0, nul);
    return { name, skip: len };
  }
  if (/^\/\d+/.test(raw)) {
    const off = Number(raw.slice(1).trim());
    if (!longNames || off >= longNames.size) {
      throw new ArchiveFormatError(`member at offset ${hex(m.headerOffset)} names long-name offset ${off}, outside '//'`);
    }
    let e = longNames.dataOffset + off;
    const end = longNames.dataOffset + longNames.size;
    while (e < end && bytes[e] !== 0x0a && bytes[e] !== 0) e++;
    let name = ascii(bytes, longNames.dataOffset + off, e);
    if (name.endsWith('/')) name = name.slice(0, -1);
    return { name, skip: 0 };
  }
  let name = raw.trimEnd();
  if (name.endsWith('/')) name = name.slice(0, -1);
  return { name, skip: 0 };
}

/** Parses an archive. Throws ArchiveFormatError naming the offset of any malformed header or index. */
export function readArchive(bytes: Uint8Array): Archive {
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === THIN_MAGIC) {
    throw new ArchiveFormatError('thin archives are not supported');
  }
  if (!isArchive(bytes)) throw new ArchiveFormatError('not an archive (bad magic at offset 0x0)');
  const raws = readRawMembers(bytes);
  let symbols: ArchiveSymbol[] | undefined;
  let longNames: RawMember | undefined;
  const members: ArchiveMember[] = [];
  for (const m of raws) {
    const key = m.rawName.trimEnd();
    if (key === '/' || key === '__.SYMDEF' || key === '__.SYMDEF SORTED') {
      if (key === '/') symbols = parseSymbolIndex(bytes, m);
      continue;
    }
    if (key === '/SYM64/') continue;
    if (key === '//') {
      longNames = m;
      continue;
    }
    const { name, skip } = resolveName(bytes, m, longNames);
    members.push({ name, headerOffset: m.headerOffset, bytes: bytes.subarray(m.dataOffset + skip, m.dataOffset + m.size) });
  }
  return { members, symbols };
}

/**
 * Names of the global symbols an ELF member defines (defined in a section, absolute, or common), in symbol
 * table order: what goes into the archive index. Non-ELF or unreadable members define nothing.
 */
export function definedGlobals(bytes: Uint8Array): string[] {
  if (!isElf(bytes)) return [];
  try {
    const elf = readElf(bytes);
    const symtab = findSymbolTable(elf);
    if (!symtab) return [];
    const out: string[] = [];
    for (const s of readSymbols(elf, symtab)) {
      if (s.bind !== SymBind.GLOBAL && s.bind !== SymBind.WEAK) continue;
      if (s.name === '') continue;
      if (isSectionIndex(s.shndx) || s.shndx === SHN_ABS || s.shndx === SHN_COMMON) out.push(s.name);
    }
    return out;
  } catch (e) {
    if (e instanceof ElfFormatError) return [];
    throw e;
  }
}

/** One file to store. */
export interface NewMember {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function headerText(name: string, size: number): string {
  const pad = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
  // Deterministic header (as `ar D`): mtime 0, uid 0, gid 0, mode 644.
  return pad(name, 16) + pad('0', 12) + pad('0', 6) + pad('0', 6) + pad('644', 8) + pad(String(size), 10) + '`\n';
}

function putAscii(out: Uint8Array, pos: number, s: string): void {
  for (let i = 0; i < s.length; i++) out[pos + i] = s.charCodeAt(i) & 0xff;
}

/**
 * Writes a GNU-format archive of `members` in order, with a `/` symbol index of their defined globals when
 * `withIndex` (the default) and a `//` table for names longer than 15 characters.
 */
export function writeArchive(members: readonly NewMember[], withIndex = true): Uint8Array {
  let longTable = '';
  const headerNames = members.map((m) => {
    // An empty name goes to the long-name table too: as a short name its header would read `/`, the index.
    if (m.name.length > 0 && m.name.length <= 15 && !m.name.includes('/')) return m.name + '/';
    const off = longTable.length;
    longTable += m.name + '/\n';
    return '/' + off;
  });
  const symbolsPerMember = withIndex ? members.map((m) => definedGlobals(m.bytes)) : [];
  const symbolCount = symbolsPerMember.reduce((n, s) => n + s.length, 0);
  const encodedNames = symbolsPerMember.map((list) => list.map((s) => latin1Bytes(s)));
  const nameBytes = encodedNames.reduce((n, list) => n + list.reduce((k, b) => k + b.length + 1, 0), 0);
  const indexSize = withIndex ? 4 + symbolCount * 4 + nameBytes : 0;
  const even = (n: number): number => n + (n & 1);
  let pos = 8;
  if (withIndex) pos += HEADER_SIZE + even(indexSize);
  if (longTable) pos += HEADER_SIZE + even(longTable.length);
  const memberOffsets: number[] = [];
  for (const m of members) {
    memberOffsets.push(pos);
    pos += HEADER_SIZE + even(m.bytes.length);
  }
  const out = new Uint8Array(pos).fill(0x0a, 8);
  putAscii(out, 0, AR_MAGIC);
  let at = 8;
  if (withIndex) {
    putAscii(out, at, headerText('/', indexSize));
    const view = new DataView(out.buffer, at + HEADER_SIZE, indexSize);
    view.setUint32(0, symbolCount, false);
    let k = 0;
    let str = at + HEADER_SIZE + 4 + symbolCount * 4;
    encodedNames.forEach((list, i) => {
      for (const b of list) {
        view.setUint32(4 + 4 * k++, memberOffsets[i], false);
        out.set(b, str);
        out[str + b.length] = 0;
        str += b.length + 1;
      }
    });
    at += HEADER_SIZE + even(indexSize);
  }
  if (longTable) {
    putAscii(out, at, headerText('//', longTable.length));
    out.set(latin1Bytes(longTable), at + HEADER_SIZE);
    at += HEADER_SIZE + even(longTable.length);
  }
  members.forEach((m, i) => {
    putAscii(out, memberOffsets[i], headerText(headerNames[i], m.bytes.length));
    out.set(m.bytes, memberOffsets[i] + HEADER_SIZE);
  });
  return out;
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
