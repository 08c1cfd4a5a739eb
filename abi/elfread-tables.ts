// ELF32 little-endian reader, part 2: symbol tables and relocation sections (on demand, per section).
// Like part 1, every malformed input raises ElfFormatError naming the section and field.

import { REL_SIZE, RELA_SIZE, ShType, SYM_SIZE, relaSym, relaType, symBind, symType } from './elf.js';
import { ElfFormatError, hex, sectionAt, stringAt, viewOf, type ElfFile, type SectionHeader } from './elfread-base.js';

const SHN_LORESERVE = 0xff00;

/** One symbol table entry with its name resolved from the linked string table. */
export interface ElfSymbol {
  readonly index: number;
  readonly name: string;
  readonly value: number;
  readonly size: number;
  readonly bind: number;
  readonly type: number;
  readonly other: number;
  readonly shndx: number;
}

/** One relocation. For SHT_REL entries `addend` is 0 and `explicitAddend` false (the addend is in place). */
export interface ElfRelocation {
  readonly offset: number;
  readonly type: number;
  readonly symbolIndex: number;
  readonly addend: number;
  readonly explicitAddend: boolean;
}

/** The first SHT_SYMTAB section, if any. */
export function findSymbolTable(elf: ElfFile): SectionHeader | undefined {
  return elf.sections.find((s) => s.type === ShType.SYMTAB);
}

/**
 * Reads every entry of a SHT_SYMTAB/SHT_DYNSYM section (entry 0, the null symbol, included) with names from
 * its sh_link string table. Throws ElfFormatError on a bad entry size, string table link or name offset.
 */
export function readSymbols(elf: ElfFile, symtab: SectionHeader): ElfSymbol[] {
  const where = `symbol table section ${symtab.index} (${symtab.name})`;
  if (symtab.entsize !== SYM_SIZE) {
    throw new ElfFormatError(`${where} has sh_entsize ${symtab.entsize}, expected ${SYM_SIZE}`);
  }
  if (symtab.size % SYM_SIZE !== 0) {
    throw new ElfFormatError(`${where} has sh_size ${hex(symtab.size)}, not a multiple of ${SYM_SIZE}`);
  }
  const strtab = sectionAt(elf, symtab.link, `${where} sh_link`);
  if (strtab.type !== ShType.STRTAB) {
    throw new ElfFormatError(`${where} links to section ${strtab.index}, which is not SHT_STRTAB`);
  }
  const view = viewOf(elf.bytes);
  const count = symtab.size / SYM_SIZE;
  const out: ElfSymbol[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const o = symtab.offset + i * SYM_SIZE;
    const nameOffset = view.getUint32(o, true);
    const info = elf.bytes[o + 12];
    out[i] = {
      index: i,
      name:
        nameOffset === 0
          ? ''
          : stringAt(elf.bytes, strtab.index, strtab.offset, strtab.size, nameOffset, `symbol ${i} in ${where}`),
      value: view.getUint32(o + 4, true),
      size: view.getUint32(o + 8, true),
      bind: symBind(info),
      type: symType(info),
      other: elf.bytes[o + 13],
      shndx: view.getUint16(o + 14, true),
    };
  }
  return out;
}

/** True when the symbol's st_shndx is a real section index (not UNDEF, ABS, COMMON or reserved). */
export function isSectionIndex(shndx: number): boolean {
  return shndx !== 0 && shndx < SHN_LORESERVE;
}

/**
 * A relocation section as parallel typed arrays (no per-entry objects): what the linker walks when speed
 * matters. For SHT_REL sections `addends` is all zero and `explicitAddend` false.
 */
export interface RelocationTable {
  readonly count: number;
  readonly offsets: Uint32Array;
  readonly types: Uint8Array;
  readonly symbols: Uint32Array;
  readonly addends: Int32Array;
  readonly explicitAddend: boolean;
}

/**
 * Reads a SHT_RELA or SHT_REL section into typed arrays. `symbolCount`, when given, bounds the symbol
 * indices (an out-of-range index is an ElfFormatError naming the relocation).
 */
export function readRelocationTable(elf: ElfFile, section: SectionHeader, symbolCount?: number): RelocationTable {
  const explicitAddend = section.type === ShType.RELA;
  if (!explicitAddend && section.type !== ShType.REL) {
    throw new ElfFormatError(`section ${section.index} (${section.name}) is not a relocation section`);
  }
  const entsize = explicitAddend ? RELA_SIZE : REL_SIZE;
  const where = `relocation section ${section.index} (${section.name})`;
  if (section.entsize !== entsize) {
    throw new ElfFormatError(`${where} has sh_entsize ${section.entsize}, expected ${entsize}`);
  }
  if (section.size % entsize !== 0) {
    throw new ElfFormatError(`${where} has sh_size ${hex(section.size)}, not a multiple of ${entsize}`);
  }
  const view = viewOf(elf.bytes);
  const count = section.size / entsize;
  const table = {
    count,
    offsets: new Uint32Array(count),
    types: new Uint8Array(count),
    symbols: new Uint32Array(count),
    addends: new Int32Array(count),
    explicitAddend,
  };
  for (let i = 0; i < count; i++) {
    const o = section.offset + i * entsize;
    const info = view.getUint32(o + 4, true);
    const symbolIndex = relaSym(info);
    if (symbolCount !== undefined && symbolIndex >= symbolCount) {
      throw new ElfFormatError(
        `relocation ${i} in ${where} (offset ${hex(o)}) refers to symbol ${symbolIndex}, ` +
          `but the symbol table has ${symbolCount} entries`,
      );
    }
    table.offsets[i] = view.getUint32(o, true);
    table.types[i] = relaType(info);
    table.symbols[i] = symbolIndex;
    if (explicitAddend) table.addends[i] = view.getInt32(o + 8, true);
  }
  return table;
}

/**
 * Reads a SHT_RELA or SHT_REL section as objects. `symbolCount`, when given, bounds the symbol indices
 * (an out-of-range index is an ElfFormatError naming the relocation).
 */
export function readRelocations(elf: ElfFile, section: SectionHeader, symbolCount?: number): ElfRelocation[] {
  const t = readRelocationTable(elf, section, symbolCount);
  const out: ElfRelocation[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) {
    out[i] = {
      offset: t.offsets[i],
      type: t.types[i],
      symbolIndex: t.symbols[i],
      addend: t.addends[i],
      explicitAddend: t.explicitAddend,
    };
  }
  return out;
}
