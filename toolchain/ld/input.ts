// Reading one relocatable object for the linker: which sections are kept (SHF_ALLOC, minus .eh_frame, plus
// .debug_*), their relocations, and the symbol table. Dropped sections (.comment, .note.GNU-stack, .eh_frame)
// take their relocations with them and are never looked at again; .riscv.attributes is not kept as an input
// section either, attributes.ts reads it from the object to merge it.

import { EM_RISCV, ElfType, ShFlags, ShType } from '../../abi/elf.js';
import {
  ElfFormatError,
  findSymbolTable,
  readElf,
  readRelocationTable,
  readSymbols,
  type ElfFile,
  type RelocationTable,
  type ElfSymbol,
} from '../../abi/elfread.js';
import type { Diagnostics } from './diagnostics.js';
import { isDebugSection } from './sections.js';
import type { GlobalSymbol } from './symbols.js';

const SHF_TLS = 0x400;

/** A kept input section. `address` is assigned by layout; `outputIndex` names its output section. */
export interface InputSection {
  readonly object: InputObject;
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly align: number;
  readonly size: number;
  /** File bytes (empty for SHT_NOBITS). */
  readonly data: Uint8Array;
  /** Relocation tables that apply to this section (normally one). */
  relocations: RelocationTable[];
  address: number;
  /** Index into the layout's output sections, -1 until placed. */
  output: number;
}

/** A loaded object: its symbols, kept sections by section index, and the global each non-local symbol binds to. */
export interface InputObject {
  readonly name: string;
  readonly elf: ElfFile;
  readonly symbols: readonly ElfSymbol[];
  /** Kept sections indexed by ELF section index; undefined for dropped ones. */
  readonly sections: (InputSection | undefined)[];
  /** For each symbol index, the global table entry (non-local symbols only), filled by symbol resolution. */
  readonly globals: (GlobalSymbol | undefined)[];
  /** Position in link order (objects from archives get the position they were pulled in). */
  readonly order: number;
}

/** True for sections the executable needs: allocated, and not unwind tables; and DWARF (.debug_*) for debuggers. */
function isKept(name: string, type: number, flags: number): boolean {
  if (type === ShType.PROGBITS && isDebugSection(name, flags)) return true;
  if ((flags & ShFlags.ALLOC) === 0) return false;
  if (type === ShType.GROUP || type === ShType.NULL) return false;
  return name !== '.eh_frame' && !name.startsWith('.eh_frame.');
}

/**
 * Parses `bytes` as an ELF32 RISC-V relocatable object named `name` (e.g. `a.o` or `libc.a(puts.o)`).
 * Reports a fatal diagnostic (and throws LinkAbort) when it is not one.
 */
export function readObject(name: string, bytes: Uint8Array, order: number, diags: Diagnostics): InputObject {
  let elf: ElfFile;
  try {
    elf = readElf(bytes);
  } catch (e) {
    if (e instanceof ElfFormatError) diags.fatal(name, `file format not recognized: ${e.message}`);
    throw e;
  }
  if (elf.header.machine !== EM_RISCV) {
    diags.fatal(name, `file is for machine ${elf.header.machine}, not RISC-V (EM_RISCV ${EM_RISCV})`);
  }
  if (elf.header.type !== ElfType.REL) {
    diags.fatal(name, `not a relocatable object (e_type ${elf.header.type}); only ET_REL inputs can be linked`);
  }
  try {
    return buildObject(name, elf, order, diags);
  } catch (e) {
    if (e instanceof ElfFormatError) diags.fatal(name, e.message);
    throw e;
  }
}

function buildObject(name: string, elf: ElfFile, order: number, diags: Diagnostics): InputObject {
  const symtab = findSymbolTable(elf);
  const symbols = symtab ? readSymbols(elf, symtab) : [];
  const sections: (InputSection | undefined)[] = new Array(elf.sections.length);
  const object: InputObject = { name, elf, symbols, sections, globals: new Array(symbols.length), order };
  for (const s of elf.sections) {
    if (!isKept(s.name, s.type, s.flags)) continue;
    if (s.flags & SHF_TLS) diags.fatal(name, `section ${s.name}: thread-local storage is not supported`);
    const data = s.type === ShType.NOBITS ? new Uint8Array(0) : elf.bytes.subarray(s.offset, s.offset + s.size);
    sections[s.index] = {
      object,
      index: s.index,
      name: s.name,
      type: s.type,
      flags: s.flags,
      align: Math.max(1, s.addralign),
      size: s.size,
      data,
      relocations: [],
      address: 0,
      output: -1,
    };
  }
  for (const s of elf.sections) {
    if (s.type !== ShType.RELA && s.type !== ShType.REL) continue;
    const target = sections[s.info];
    if (!target) continue; // relocations of a dropped section go with it
    if (s.type === ShType.REL) {
      diags.error(name, `section ${s.name}: SHT_REL relocations are not used on RISC-V and are not supported`);
      continue;
    }
    target.relocations.push(readRelocationTable(elf, s, symbols.length));
  }
  return object;
}
