// ELF32 ET_REL writer: section contents, `.rela<name>` for each section with relocations,
// `.riscv.attributes`, `.symtab` (null, file, section symbols, locals, then globals; sh_info = first
// global), `.strtab`, `.shstrtab`, then the section header table.

import {
  EHDR_SIZE, ELF_MAGIC, ELFCLASS32, ELFDATA2LSB, EM_RISCV, ElfType, EV_CURRENT,
  RELA_SIZE, SHDR_SIZE, SHN_ABS, SHN_COMMON, ShFlags, ShType, SYM_SIZE, SymBind, SymType, relaInfo, symInfo,
} from '../../abi/elf.js';
import { encodeAttributes } from './attributes.js';
import type { Reloc, Section } from './section.js';
import { SymKind, type Sym } from './symbol.js';

interface OutSection {
  name: string;
  type: number;
  flags: number;
  align: number;
  entsize: number;
  data: Uint8Array;
  /** Size for NOBITS (data is empty). */
  size: number;
  link: number;
  info: number;
}

/** Deduplicating string table (names are byte strings: one char per byte). */
class StringTable {
  private readonly offsets = new Map<string, number>();
  private readonly parts: string[] = [];
  private size = 1;

  add(s: string): number {
    if (s === '') return 0;
    let o = this.offsets.get(s);
    if (o === undefined) {
      o = this.size;
      this.parts.push(s);
      this.size += s.length + 1;
      this.offsets.set(s, o);
    }
    return o;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 1;
    for (const s of this.parts) {
      for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i) & 0xff;
      at += s.length + 1;
    }
    return out;
  }
}

/** Whether a symbol goes into `.symtab` (GNU as: `.L` names only when a relocation uses them). */
function isEmitted(s: Sym): boolean {
  const global = s.bind !== SymBind.LOCAL;
  switch (s.kind) {
    case SymKind.LABEL: return global || !s.isLocalLabelName || s.inReloc;
    case SymKind.CONST: return global || !s.isLocalLabelName;
    case SymKind.COMMON: return true;
    case SymKind.UNDEF: return s.inReloc || global;
    default: return false;
  }
}

export interface ObjectInput {
  sections: Section[];
  symbols: Sym[];
  fileSymbol: string | null;
  attributes: ReadonlyMap<number, number | string>;
  /** e_flags: the float ABI (EF_RISCV_FLOAT_ABI_*). */
  flags: number;
}

/** Serializes an assembled, laid-out and resolved unit as an ELF32 relocatable object. */
export function writeObject(input: ObjectInput): Uint8Array {
  const shstr = new StringTable();
  const str = new StringTable();
  const out: OutSection[] = [];
  const relaFor: Array<[Section, number]> = [];
  for (const sec of input.sections) {
    out.push({
      name: sec.name, type: sec.type, flags: sec.flags, align: sec.align, entsize: sec.entsize,
      data: sec.isNobits ? new Uint8Array(0) : sec.buf.subarray(0, sec.size), size: sec.size, link: 0, info: 0,
    });
    sec.index = out.length;
    if (sec.relocs.length > 0) {
      relaFor.push([sec, out.length]); // position in `out`; its header index is one more
      out.push({ name: '.rela' + sec.name, type: ShType.RELA, flags: ShFlags.INFO_LINK, align: 4, entsize: RELA_SIZE,
        data: new Uint8Array(0), size: 0, link: 0, info: sec.index });
    }
  }
  out.push({ name: '.riscv.attributes', type: ShType.RISCV_ATTRIBUTES, flags: 0, align: 1, entsize: 0,
    data: encodeAttributes(input.attributes), size: 0, link: 0, info: 0 });
  const symtabIndex = out.length + 1;

  // Symbol table: null, file, section symbols, locals, globals.
  const syms: number[][] = [[0, 0, 0, 0, 0, 0]];
  if (input.fileSymbol !== null) syms.push([str.add(input.fileSymbol), 0, 0, symInfo(SymBind.LOCAL, SymType.FILE), 0, SHN_ABS]);
  for (const sec of input.sections) syms.push([0, 0, 0, symInfo(SymBind.LOCAL, SymType.SECTION), 0, sec.index]);
  const emitted = input.symbols.filter(isEmitted);
  const locals = emitted.filter((s) => s.bind === SymBind.LOCAL && s.kind !== SymKind.UNDEF && s.kind !== SymKind.COMMON);
  const localSet = new Set(locals);
  const globals = emitted.filter((s) => !localSet.has(s));
  const firstGlobal = syms.length + locals.length;
  for (const s of [...locals, ...globals]) {
    s.index = syms.length;
    syms.push(symbolEntry(s, str));
  }

  const symtab = new Uint8Array(syms.length * SYM_SIZE);
  const sv = new DataView(symtab.buffer);
  syms.forEach((e, i) => {
    const o = i * SYM_SIZE;
    sv.setUint32(o, e[0], true);
    sv.setUint32(o + 4, e[1] >>> 0, true);
    sv.setUint32(o + 8, e[2] >>> 0, true);
    sv.setUint8(o + 12, e[3]);
    sv.setUint8(o + 13, e[4]);
    sv.setUint16(o + 14, e[5], true);
  });
  for (const [sec, pos] of relaFor) {
    out[pos].data = relaBytes(sec);
    out[pos].link = symtabIndex;
  }
  out.push({ name: '.symtab', type: ShType.SYMTAB, flags: 0, align: 4, entsize: SYM_SIZE, data: symtab, size: 0,
    link: symtabIndex + 1, info: firstGlobal });
  out.push({ name: '.strtab', type: ShType.STRTAB, flags: 0, align: 1, entsize: 0, data: str.toBytes(), size: 0, link: 0, info: 0 });
  out.push({ name: '.shstrtab', type: ShType.STRTAB, flags: 0, align: 1, entsize: 0, data: new Uint8Array(0), size: 0, link: 0, info: 0 });
  const names = out.map((s) => shstr.add(s.name));
  out[out.length - 1].data = shstr.toBytes();
  return serialize(out, names, input.flags);
}

function symbolEntry(s: Sym, str: StringTable): number[] {
  const bind = s.kind === SymKind.UNDEF && s.bind === SymBind.LOCAL ? SymBind.GLOBAL : s.bind;
  const info = symInfo(bind, s.type);
  const name = str.add(s.name);
  switch (s.kind) {
    case SymKind.LABEL: return [name, s.address, s.size, info, s.other, (s.section as Section).index];
    case SymKind.CONST: return [name, s.value, s.size, info, s.other, SHN_ABS];
    case SymKind.COMMON: return [name, s.value, s.size, info, s.other, SHN_COMMON];
    default: return [name, 0, s.size, info, s.other, 0];
  }
}

/** `.rela` entries sorted by offset (stable: an ADD stays before its SUB). */
function relaBytes(sec: Section): Uint8Array {
  const relocs = sortedRelocs(sec.relocs);
  const n = relocs.length;
  const b = new Uint8Array(n * RELA_SIZE);
  const v = new DataView(b.buffer);
  relocs.forEach((r, i) => {
    v.setUint32(i * RELA_SIZE, r.offset, true);
    v.setUint32(i * RELA_SIZE + 4, relaInfo(r.sym.index, r.type), true);
    v.setInt32(i * RELA_SIZE + 8, r.addend | 0, true);
  });
  return b;
}

/**
 * Relocations in offset order, keeping the order of equal offsets. They arrive as a few ascending
 * runs (branch fragments, then fixups), so a sort is needed only when a run descends.
 */
function sortedRelocs(list: Reloc[]): Reloc[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1].offset <= list[i].offset;
  if (sorted) return list;
  const keys = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) keys[i] = list[i].offset * 2 ** 21 + i;
  keys.sort();
  return Array.from(keys, (k) => list[k % 2 ** 21]);
}

/** Lays out header, contents and section headers. */
function serialize(out: OutSection[], names: number[], flags: number): Uint8Array {
  let off = EHDR_SIZE;
  const offsets: number[] = [];
  for (const s of out) {
    const a = Math.max(1, s.align);
    off = Math.ceil(off / a) * a;
    offsets.push(off);
    if (s.type !== ShType.NOBITS) off += s.data.length;
  }
  const shoff = Math.ceil(off / 4) * 4;
  const total = shoff + (out.length + 1) * SHDR_SIZE;
  const file = new Uint8Array(total);
  const v = new DataView(file.buffer);
  v.setUint32(0, ELF_MAGIC, true);
  file[4] = ELFCLASS32;
  file[5] = ELFDATA2LSB;
  file[6] = EV_CURRENT;
  v.setUint16(16, ElfType.REL, true);
  v.setUint16(18, EM_RISCV, true);
  v.setUint32(20, EV_CURRENT, true);
  v.setUint32(32, shoff, true);
  v.setUint32(36, flags, true);
  v.setUint16(40, EHDR_SIZE, true);
  v.setUint16(46, SHDR_SIZE, true);
  v.setUint16(48, out.length + 1, true);
  v.setUint16(50, out.length, true);
  out.forEach((s, i) => {
    if (s.type !== ShType.NOBITS) file.set(s.data, offsets[i]);
    const h = shoff + (i + 1) * SHDR_SIZE;
    v.setUint32(h, names[i], true);
    v.setUint32(h + 4, s.type >>> 0, true);
    v.setUint32(h + 8, s.flags >>> 0, true);
    v.setUint32(h + 16, offsets[i], true);
    v.setUint32(h + 20, s.type === ShType.NOBITS ? s.size : s.data.length, true);
    v.setUint32(h + 24, s.link, true);
    v.setUint32(h + 28, s.info, true);
    v.setUint32(h + 32, Math.max(1, s.align), true);
    v.setUint32(h + 36, s.entsize, true);
  });
  return file;
}
