// ELF32 little-endian reader, part 1: header, program headers, named section headers, strings.
// Pure: works on a Uint8Array, imports only abi/. Every malformed input raises ElfFormatError with a message
// naming the offending field and its file offset; no other exception escapes (bad input is never a crash).
// Source: System V gABI 4.1 ("ELF Header", "Sections", "Symbol Table", "Relocation", "Program Header").

import {
  EHDR_SIZE,
  Ehdr,
  ELF_MAGIC,
  ELFCLASS32,
  ELFDATA2LSB,
  Ident,
  Phdr,
  PHDR_SIZE,
  PhType,
  Shdr,
  SHDR_SIZE,
  ShType,
} from './elf.js';

/** What is wrong with a malformed file, as a value (the message says it for people, with offsets). */
export const enum ElfFault {
  BAD_MAGIC = 'bad-magic',
  TRUNCATED = 'truncated',
  NOT_32_BIT = 'not-32-bit',
  NOT_LITTLE_ENDIAN = 'not-little-endian',
  BAD_VERSION = 'bad-version',
  BAD_HEADER_SIZE = 'bad-header-size',
  PHDRS_OUTSIDE_FILE = 'phdrs-outside-file',
  SEGMENT_OUTSIDE_FILE = 'segment-outside-file',
  FILESZ_EXCEEDS_MEMSZ = 'filesz-exceeds-memsz',
  /** Anything else: section headers, string tables, symbol and relocation tables. */
  MALFORMED = 'malformed',
}

/** The one error this module throws: the input is not a well-formed ELF32 little-endian file. */
export class ElfFormatError extends Error {
  constructor(message: string, readonly fault: ElfFault = ElfFault.MALFORMED) {
    super(message);
    this.name = 'ElfFormatError';
  }
}

/** The ELF header fields (e_ident checked and dropped, except for OS/ABI). */
export interface ElfHeader {
  readonly osabi: number;
  readonly type: number;
  readonly machine: number;
  readonly version: number;
  readonly entry: number;
  readonly phoff: number;
  readonly shoff: number;
  readonly flags: number;
  readonly ehsize: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shentsize: number;
  /** Real section count (resolved through section header 0 for extended numbering). */
  readonly shnum: number;
  /** Real index of the section-name string table (resolved for SHN_XINDEX). */
  readonly shstrndx: number;
}

/** One program header. `index` is its position in the table. */
export interface ProgramHeader {
  readonly index: number;
  readonly type: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly paddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly flags: number;
  readonly align: number;
}

/** One section header with its name resolved from .shstrtab ("" when there is no name table). */
export interface SectionHeader {
  readonly index: number;
  readonly name: string;
  readonly nameOffset: number;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
}

/** A parsed file: header, program headers and section headers; symbols and relocations are read on demand. */
export interface ElfFile {
  readonly bytes: Uint8Array;
  readonly header: ElfHeader;
  readonly programHeaders: readonly ProgramHeader[];
  readonly sections: readonly SectionHeader[];
}

const SHN_XINDEX = 0xffff;

/** `0x1f` formatting for messages. */
export const hex = (n: number): string => '0x' + (n >>> 0).toString(16);

/** A little-endian-capable view over exactly `bytes`. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** True when `bytes` starts with the ELF magic (any class); cheap test used to tell objects from archives. */
export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

/** Throws unless [offset, offset+size) lies inside the file; `what` names the structure in the message. */
function checkRange(bytes: Uint8Array, what: string, offset: number, size: number, fault = ElfFault.MALFORMED): void {
  if (offset < 0 || size < 0 || offset + size > bytes.length) {
    throw new ElfFormatError(
      `${what} lies outside the file (offset ${hex(offset)}, size ${hex(size)}, file size ${hex(bytes.length)})`,
      fault,
    );
  }
}

function readHeader(bytes: Uint8Array, view: DataView): ElfHeader {
  if (bytes.length < 4 || view.getUint32(0, true) !== ELF_MAGIC) {
    throw new ElfFormatError('not an ELF file (bad magic at offset 0x0)', ElfFault.BAD_MAGIC);
  }
  if (bytes.length < EHDR_SIZE) {
    throw new ElfFormatError(`ELF header truncated (file size ${hex(bytes.length)}, need ${hex(EHDR_SIZE)})`, ElfFault.TRUNCATED);
  }
  if (bytes[Ident.CLASS] !== ELFCLASS32) {
    throw new ElfFormatError(`EI_CLASS at offset 0x4 is ${bytes[Ident.CLASS]}, expected 1 (ELFCLASS32)`, ElfFault.NOT_32_BIT);
  }
  if (bytes[Ident.DATA] !== ELFDATA2LSB) {
    throw new ElfFormatError(`EI_DATA at offset 0x5 is ${bytes[Ident.DATA]}, expected 1 (little-endian)`, ElfFault.NOT_LITTLE_ENDIAN);
  }
  if (bytes[Ident.VERSION] !== 1) {
    throw new ElfFormatError(`EI_VERSION at offset 0x6 is ${bytes[Ident.VERSION]}, expected 1`, ElfFault.BAD_VERSION);
  }
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const h = {
    osabi: bytes[Ident.OSABI],
    type: u16(Ehdr.TYPE),
    machine: u16(Ehdr.MACHINE),
    version: u32(Ehdr.VERSION),
    entry: u32(Ehdr.ENTRY),
    phoff: u32(Ehdr.PHOFF),
    shoff: u32(Ehdr.SHOFF),
    flags: u32(Ehdr.FLAGS),
    ehsize: u16(Ehdr.EHSIZE),
    phentsize: u16(Ehdr.PHENTSIZE),
    phnum: u16(Ehdr.PHNUM),
    shentsize: u16(Ehdr.SHENTSIZE),
    shnum: u16(Ehdr.SHNUM),
    shstrndx: u16(Ehdr.SHSTRNDX),
  };
  if (h.phnum > 0 && h.phentsize !== PHDR_SIZE) {
    throw new ElfFormatError(`e_phentsize at offset 0x2a is ${h.phentsize}, expected ${PHDR_SIZE}`, ElfFault.BAD_HEADER_SIZE);
  }
  if ((h.shnum > 0 || h.shoff !== 0) && h.shentsize !== SHDR_SIZE) {
    throw new ElfFormatError(`e_shentsize at offset 0x2e is ${h.shentsize}, expected ${SHDR_SIZE}`, ElfFault.BAD_HEADER_SIZE);
  }
  resolveExtendedNumbering(bytes, view, h);
  return h;
}

/** gABI extended numbering: a zero e_shnum / SHN_XINDEX e_shstrndx defer to section header 0. */
function resolveExtendedNumbering(
  bytes: Uint8Array,
  view: DataView,
  h: { shoff: number; shnum: number; shstrndx: number },
): void {
  if (h.shoff === 0) {
    h.shnum = 0;
    h.shstrndx = 0;
    return;
  }
  if (h.shnum !== 0 && h.shstrndx !== SHN_XINDEX) return;
  checkRange(bytes, 'section header 0', h.shoff, SHDR_SIZE);
  if (h.shnum === 0) h.shnum = view.getUint32(h.shoff + Shdr.SIZE, true);
  if (h.shstrndx === SHN_XINDEX) h.shstrndx = view.getUint32(h.shoff + Shdr.LINK, true);
}

function readProgramHeaders(bytes: Uint8Array, view: DataView, h: ElfHeader): ProgramHeader[] {
  if (h.phnum === 0) return [];
  checkRange(bytes, `program header table (${h.phnum} entries at e_phoff)`, h.phoff, h.phnum * PHDR_SIZE, ElfFault.PHDRS_OUTSIDE_FILE);
  const out: ProgramHeader[] = [];
  for (let i = 0; i < h.phnum; i++) {
    const o = h.phoff + i * PHDR_SIZE;
    const u32 = (k: number): number => view.getUint32(o + k, true);
    const ph: ProgramHeader = {
      index: i,
      type: u32(Phdr.TYPE),
      offset: u32(Phdr.OFFSET),
      vaddr: u32(Phdr.VADDR),
      paddr: u32(Phdr.PADDR),
      filesz: u32(Phdr.FILESZ),
      memsz: u32(Phdr.MEMSZ),
      flags: u32(Phdr.FLAGS),
      align: u32(Phdr.ALIGN),
    };
    if (ph.filesz > 0) checkRange(bytes, `segment of program header ${i}`, ph.offset, ph.filesz, ElfFault.SEGMENT_OUTSIDE_FILE);
    if (ph.type === PhType.LOAD && ph.filesz > ph.memsz) {
      throw new ElfFormatError(
        `PT_LOAD program header ${i} (offset ${hex(o)}) has p_filesz ${hex(ph.filesz)} larger than p_memsz ${hex(ph.memsz)}`,
        ElfFault.FILESZ_EXCEEDS_MEMSZ,
      );
    }
    out.push(ph);
  }
  return out;
}

interface RawSection {
  nameOffset: number;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

function readRawSections(bytes: Uint8Array, view: DataView, h: ElfHeader): RawSection[] {
  if (h.shnum === 0) return [];
  const out: RawSection[] = [];
  for (let i = 0; i < h.shnum; i++) {
    const o = h.shoff + i * SHDR_SIZE;
    if (o + SHDR_SIZE > bytes.length) {
      throw new ElfFormatError(
        `section header ${i} lies outside the file (offset ${hex(o)}, file size ${hex(bytes.length)})`,
      );
    }
    const u32 = (k: number): number => view.getUint32(o + k, true);
    const s: RawSection = {
      nameOffset: u32(Shdr.NAME),
      type: u32(Shdr.TYPE),
      flags: u32(Shdr.FLAGS),
      addr: u32(Shdr.ADDR),
      offset: u32(Shdr.OFFSET),
      size: u32(Shdr.SIZE),
      link: u32(Shdr.LINK),
      info: u32(Shdr.INFO),
      addralign: u32(Shdr.ADDRALIGN),
      entsize: u32(Shdr.ENTSIZE),
    };
    if (i > 0 && s.type !== ShType.NOBITS && s.type !== ShType.NULL && s.offset + s.size > bytes.length) {
      throw new ElfFormatError(
        `contents of section ${i} lie outside the file (sh_offset ${hex(s.offset)}, sh_size ${hex(s.size)}, ` +
          `file size ${hex(bytes.length)})`,
      );
    }
    out.push(s);
  }
  return out;
}

/**
 * Reads a NUL-terminated string at `offset` inside the string table section `table`.
 * `what` names the referring field for the error message.
 */
export function readString(elf: ElfFile, table: SectionHeader, offset: number, what: string): string {
  return stringAt(elf.bytes, table.index, table.offset, table.size, offset, what);
}

/** String `offset` of the string table at file range [tableOffset, +tableSize); `what` names the field. */
export function stringAt(
  bytes: Uint8Array,
  tableIndex: number,
  tableOffset: number,
  tableSize: number,
  offset: number,
  what: string,
): string {
  if (offset >= tableSize) {
    if (offset === 0 && tableSize === 0) return '';
    throw new ElfFormatError(
      `${what}: name offset ${hex(offset)} is past the end of string table section ${tableIndex} (size ${hex(tableSize)})`,
    );
  }
  const start = tableOffset + offset;
  const end = tableOffset + tableSize;
  let i = start;
  let ascii = true;
  while (i < end && bytes[i] !== 0) {
    if (bytes[i] >= 0x80) ascii = false;
    i++;
  }
  if (i === end) {
    throw new ElfFormatError(`${what}: string at offset ${hex(offset)} in section ${tableIndex} is not NUL-terminated`);
  }
  if (ascii) {
    if (i - start <= 1024) return String.fromCharCode.apply(null, bytes.subarray(start, i) as unknown as number[]);
    let s = '';
    for (let k = start; k < i; k += 1024) {
      s += String.fromCharCode.apply(null, bytes.subarray(k, Math.min(i, k + 1024)) as unknown as number[]);
    }
    return s;
  }
  return new TextDecoder().decode(bytes.subarray(start, i));
}

function nameSections(bytes: Uint8Array, h: ElfHeader, raw: RawSection[]): SectionHeader[] {
  let names: RawSection | undefined;
  if (h.shstrndx !== 0) {
    if (h.shstrndx >= raw.length) {
      throw new ElfFormatError(`e_shstrndx at offset 0x32 is ${h.shstrndx}, but there are only ${raw.length} sections`);
    }
    names = raw[h.shstrndx];
    if (names.type !== ShType.STRTAB) {
      throw new ElfFormatError(`section ${h.shstrndx} named by e_shstrndx has type ${names.type}, not SHT_STRTAB`);
    }
  }
  return raw.map((s, index) => {
    let name = '';
    if (names && index > 0) {
      name = stringAt(bytes, h.shstrndx, names.offset, names.size, s.nameOffset, `section header ${index} sh_name`);
    }
    return { index, name, ...s };
  });
}

/** Parses the header, program headers and named section headers. Throws ElfFormatError on malformed input. */
export function readElf(bytes: Uint8Array): ElfFile {
  try {
    const view = viewOf(bytes);
    const header = readHeader(bytes, view);
    const programHeaders = readProgramHeaders(bytes, view, header);
    const sections = nameSections(bytes, header, readRawSections(bytes, view, header));
    return { bytes, header, programHeaders, sections };
  } catch (e) {
    throw asFormatError(e);
  }
}

function asFormatError(e: unknown): ElfFormatError {
  if (e instanceof ElfFormatError) return e;
  return new ElfFormatError(`malformed ELF file (${e instanceof Error ? e.message : String(e)})`);
}

/** The section at `index`, or an ElfFormatError naming `what` (the field that referred to it). */
export function sectionAt(elf: ElfFile, index: number, what: string): SectionHeader {
  const s = elf.sections[index];
  if (!s) throw new ElfFormatError(`${what} refers to section ${index}, but there are ${elf.sections.length} sections`);
  return s;
}

/** The first section with this name, if any. */
export function findSection(elf: ElfFile, name: string): SectionHeader | undefined {
  return elf.sections.find((s) => s.name === name);
}

/** The file bytes of a section (a view, not a copy); empty for SHT_NOBITS. */
export function sectionBytes(elf: ElfFile, section: SectionHeader): Uint8Array {
  if (section.type === ShType.NOBITS || section.type === ShType.NULL) return new Uint8Array(0);
  return elf.bytes.subarray(section.offset, section.offset + section.size);
}
