// The executable's .symtab/.strtab: each object's useful local symbols (functions, objects, files; not
// section symbols or assembler temporaries like .L123), then every global. Kept for objdump, readelf and
// the kernel's fault messages, which name the function around a pc.

import { SHN_ABS, SHN_UNDEF, SymBind, SymType, SYM_SIZE, symInfo } from '../../abi/elf.js';
import { isSectionIndex } from '../../abi/elfread.js';
import type { InputObject } from './input.js';
import type { Layout } from './layout.js';
import { OUT_BSS, SegmentKind } from './sections.js';
import { SymbolState, type SymbolTable } from './symbols.js';

/** Encoded tables: `firstGlobal` is the .symtab sh_info (index of the first non-local symbol). */
export interface EncodedSymbols {
  readonly symtab: Uint8Array;
  readonly strtab: Uint8Array;
  readonly firstGlobal: number;
}

/** Builds a string table in one allocation: offsets are handed out first, bytes written at the end. */
class StringTable {
  private readonly strings: string[] = [];
  private length = 1;

  add(s: string): number {
    const at = this.length;
    this.strings.push(s);
    this.length += s.length + 1;
    return at;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let pos = 1;
    for (const s of this.strings) {
      for (let i = 0; i < s.length; i++) out[pos + i] = s.charCodeAt(i) & 0xff;
      pos += s.length + 1;
    }
    return out;
  }
}

interface Row {
  name: string;
  value: number;
  size: number;
  info: number;
  shndx: number;
}

const isTemporary = (name: string): boolean => name === '' || name.startsWith('.L') || name.includes('\x01');

/**
 * Builds the symbol table. `sectionIndexOf(address, outputIndex)` maps a layout output section to its ELF
 * section index in the executable (SHN_ABS when that output section is not written).
 */
export function buildSymbolTable(
  objects: readonly InputObject[],
  table: SymbolTable,
  layout: Layout,
  elfIndexOfOutput: (output: number) => number,
): EncodedSymbols {
  const rows: Row[] = [];
  for (const obj of objects) {
    for (let i = 1; i < obj.symbols.length; i++) {
      const s = obj.symbols[i];
      if (s.bind !== SymBind.LOCAL || s.type === SymType.SECTION || isTemporary(s.name)) continue;
      if (s.type === SymType.FILE) {
        rows.push({ name: s.name, value: 0, size: 0, info: s.bind << 4 | s.type, shndx: SHN_ABS });
        continue;
      }
      if (s.shndx === SHN_ABS) {
        rows.push({ name: s.name, value: s.value, size: s.size, info: symInfo(s.bind, s.type), shndx: SHN_ABS });
        continue;
      }
      const sec = isSectionIndex(s.shndx) ? obj.sections[s.shndx] : undefined;
      if (!sec) continue;
      const value = (sec.address + s.value) >>> 0;
      rows.push({ name: s.name, value, size: s.size, info: symInfo(s.bind, s.type), shndx: elfIndexOfOutput(sec.output) });
    }
  }
  const firstGlobal = rows.length + 1;
  for (const g of table.byName.values()) {
    const bind = g.weak ? SymBind.WEAK : SymBind.GLOBAL;
    if (g.state === SymbolState.UNDEFINED) {
      const undefBind = g.strongRef ? SymBind.GLOBAL : SymBind.WEAK;
      rows.push({ name: g.name, value: 0, size: 0, info: symInfo(undefBind, g.type), shndx: SHN_UNDEF });
      continue;
    }
    let shndx = SHN_ABS;
    if (g.state === SymbolState.COMMON) shndx = elfIndexOfOutput(OUT_BSS);
    else if (g.section) shndx = elfIndexOfOutput(g.section.output);
    else if (g.linkerDefined) shndx = outputContaining(layout, g.address, elfIndexOfOutput);
    rows.push({ name: g.name, value: g.address >>> 0, size: g.size, info: symInfo(bind, g.type), shndx });
  }
  return encode(rows, firstGlobal);
}

/** The ELF index of the written output section that holds `address` (its end counts), else SHN_ABS. */
function outputContaining(layout: Layout, address: number, elfIndexOfOutput: (o: number) => number): number {
  for (let i = 0; i < layout.outputs.length; i++) {
    const o = layout.outputs[i];
    if (o.size > 0 && o.spec.segment !== SegmentKind.NONE && address >= o.address && address <= o.address + o.size) return elfIndexOfOutput(i);
  }
  return SHN_ABS;
}

function encode(rows: readonly Row[], firstGlobal: number): EncodedSymbols {
  const strings = new StringTable();
  const symtab = new Uint8Array((rows.length + 1) * SYM_SIZE);
  const view = new DataView(symtab.buffer);
  rows.forEach((row, i) => {
    const o = (i + 1) * SYM_SIZE;
    view.setUint32(o, strings.add(row.name), true);
    view.setUint32(o + 4, row.value >>> 0, true);
    view.setUint32(o + 8, row.size >>> 0, true);
    symtab[o + 12] = row.info;
    symtab[o + 13] = 0;
    view.setUint16(o + 14, row.shndx, true);
  });
  return { symtab, strtab: strings.bytes(), firstGlobal };
}
