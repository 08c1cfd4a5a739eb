// objdump's view of an ELF symbol table: which symbols it keeps, the order it sorts them in, how it picks the
// symbol that names an address (`10074 <main+0x10>`), and the `$x`/`$d` mapping symbols. Follows GNU
// objdump 2.40 (binutils/objdump.c: remove_useless_symbols, compare_symbols, find_symbol_for_address,
// objdump_print_addr_with_sym). Pure; imports only abi/.

import { type ElfFile, type ElfSymbol, type SectionHeader, findSymbolTable, readSymbols } from '../../abi/elfread.js';
import { SHN_ABS, SHN_COMMON, SHN_UNDEF, ShType, SymBind, SymType } from '../../abi/elf.js';

/** A kept symbol: its ELF entry and the section it belongs to (undefined for absolute symbols). */
export interface DumpSymbol {
  readonly sym: ElfSymbol;
  readonly name: string;
  readonly value: number;
  readonly section: SectionHeader | undefined;
}

const hex = (n: number): string => (n >>> 0).toString(16);

/** Mapping symbols ($x, $d, $xrv32i...) mark code and data; objdump never prints them as names. */
export function isMappingSymbol(name: string): boolean {
  return name === '$x' || name === '$d' || name.startsWith('$xrv');
}

/** objdump's riscv_symbol_is_valid: neither a mapping symbol nor gas's fake label. */
function isNameable(s: DumpSymbol): boolean {
  return s.name !== '.L0 ' && !isMappingSymbol(s.name);
}

/** remove_useless_symbols: drop unnamed, section, file, undefined and common symbols. */
function keep(sym: ElfSymbol): boolean {
  if (sym.index === 0 || sym.name === '') return false;
  if (sym.type === SymType.SECTION || sym.type === SymType.FILE) return false;
  return sym.shndx !== SHN_UNDEF && sym.shndx !== SHN_COMMON;
}

const isFileName = (s: DumpSymbol): boolean => s.name.length > 2 && /\.[oa]$/.test(s.name);
const byFlag = (a: boolean, b: boolean): number => (a === b ? 0 : a ? -1 : 1);

/** compare_symbols: by value, then functions, objects, globals before locals, larger size, no leading dot, name. */
function compareSymbols(a: DumpSymbol, b: DumpSymbol): number {
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  const compiled = (s: DumpSymbol): boolean => s.name.includes('gnu_compiled') || s.name.includes('gcc2_compiled');
  return (
    byFlag(!compiled(a), !compiled(b)) ||
    byFlag(!isFileName(a), !isFileName(b)) ||
    byFlag(a.sym.type === SymType.FUNC, b.sym.type === SymType.FUNC) ||
    byFlag(a.sym.type === SymType.OBJECT, b.sym.type === SymType.OBJECT) ||
    byFlag(a.sym.bind !== SymBind.LOCAL, b.sym.bind !== SymBind.LOCAL) ||
    byFlag(a.sym.bind === SymBind.GLOBAL, b.sym.bind === SymBind.GLOBAL) ||
    (a.sym.size !== b.sym.size ? (a.sym.size > b.sym.size ? -1 : 1) : 0) ||
    byFlag(!a.name.startsWith('.'), !b.name.startsWith('.')) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** The sorted symbol list objdump searches, with the file-level facts its search depends on. */
export class DumpSymbols {
  readonly sorted: readonly DumpSymbol[];
  /** True for files with relocation sections (objdump's HAS_RELOC): names then prefer the current section. */
  private readonly relocatable: boolean;
  /** Value of `__global_pointer$`, if defined. */
  readonly gp: number | undefined;

  constructor(elf: ElfFile) {
    const symtab = findSymbolTable(elf);
    const all = symtab ? readSymbols(elf, symtab) : [];
    const sectionOf = (sym: ElfSymbol): SectionHeader | undefined =>
      sym.shndx === SHN_ABS || sym.shndx >= elf.sections.length ? undefined : elf.sections[sym.shndx];
    this.sorted = all
      .filter(keep)
      .map((sym) => ({ sym, name: sym.name, value: sym.value >>> 0, section: sectionOf(sym) }))
      .sort(compareSymbols);
    this.relocatable = elf.sections.some((s) => s.type === ShType.REL || s.type === ShType.RELA);
    this.gp = all.find((s) => s.name === '__global_pointer$' && s.shndx !== SHN_UNDEF)?.value;
  }

  private ok(wantSection: boolean, i: number, section: SectionHeader): boolean {
    const s = this.sorted[i]!;
    if (wantSection && s.section !== section) return false;
    return isNameable(s);
  }

  /**
   * find_symbol_for_address: the index of the symbol naming `vma` while disassembling `section`, or -1.
   * `requireSection` is set when objdump looks for the symbol that starts a block.
   */
  find(vma: number, section: SectionHeader, requireSection: boolean): number {
    const syms = this.sorted;
    const count = syms.length;
    if (count === 0) return -1;
    let min = 0;
    let max = count;
    while (min + 1 < max) {
      const mid = (max + min) >> 1;
      const v = syms[mid]!.value;
      if (v > vma) max = mid;
      else if (v < vma) min = mid;
      else {
        min = mid;
        break;
      }
    }
    let place = min;
    while (place > 0 && syms[place]!.value === syms[place - 1]!.value) place--;
    for (min = place; min < max && syms[min]!.value === syms[place]!.value; min++) {
      if (this.ok(true, min, section)) return min;
    }
    const end = section.addr + section.size;
    const wantSection = requireSection || (this.relocatable && vma >= section.addr && vma < end);
    if (!this.ok(wantSection, place, section)) {
      let found = count;
      for (let i = min - 1; i >= 0; i--) {
        if (!this.ok(wantSection, i, section)) continue;
        if (found === count) found = i;
        if (syms[i]!.value !== syms[found]!.value) break;
        found = i;
      }
      if (found !== count) place = found;
      else {
        for (let i = place + 1; i < count; i++) {
          if (this.ok(wantSection, i, section)) {
            place = i;
            break;
          }
        }
      }
      if (!this.ok(wantSection, place, section)) return -1;
    }
    return place;
  }

  /** The index of the next symbol after `place` that starts a new block in `section`, or -1 (is_valid_next_sym). */
  nextBlock(place: number, section: SectionHeader): number {
    const current = this.sorted[place]!;
    for (let i = place; i < this.sorted.length; i++) {
      const s = this.sorted[i]!;
      if (s.section?.name === section.name && s.value > current.value && isNameable(s)) return i;
    }
    return -1;
  }

  /** `<name+0x10>` for `vma` relative to symbol `place` (or to the section when place is -1). */
  bracket(vma: number, place: number, section: SectionHeader): string {
    const s = this.sorted[place];
    const [name, base] = s ? [s.name, s.value] : [section.name, section.addr];
    if (vma === base) return `<${name}>`;
    return vma > base ? `<${name}+0x${hex(vma - base)}>` : `<${name}-0x${hex(base - vma)}>`;
  }

  /** objdump_print_addr: how a branch target or referenced address is printed inside `section`. */
  formatAddress(vma: number, section: SectionHeader): string {
    if (this.sorted.length === 0) return '0x' + hex(vma);
    return `${hex(vma)} ${this.bracket(vma, this.find(vma, section, false), section)}`;
  }

  /** Mapping symbols of `section` with their sort position, in address order. */
  mappingSymbols(section: SectionHeader): DumpSymbol[] {
    return this.sorted.filter((s) => s.section === section && isMappingSymbol(s.name));
  }
}
