// Applying relocations to the executable image (RISC-V psABI "Relocations"). S is the symbol's address,
// A the addend, P the address of the place. No relaxation is done: R_RISCV_RELAX is ignored, and so is
// R_RISCV_ALIGN (its padding nops stay; code assembled with -mno-relax never carries it). A PCREL_LO12
// relocation names the label of its auipc; its value is that auipc's PCREL_HI20 value (S+A-P of the auipc).

import { RelocType, SHN_ABS, ShType, SymBind, SymType } from '../../abi/elf.js';
import { isSectionIndex, type ElfRelocation } from '../../abi/elfread.js';
import type { Diagnostics } from './diagnostics.js';
import type { InputObject, InputSection } from './input.js';
import type { Layout } from './layout.js';
import { fitsSigned, patchB, patchI, patchJ, patchS, patchU, relocName } from './reloc-encode.js';
import { SymbolState } from './symbols.js';

interface Deferred {
  readonly sec: InputSection;
  readonly r: ElfRelocation;
  readonly fileOffset: number;
}

/** Applies every relocation of every kept section; problems become diagnostics naming file, section and symbol. */
export class Relocator {
  private readonly view: DataView;
  /** auipc address -> the value its PCREL_HI20 computed. */
  private readonly hiValues = new Map<number, number>();
  private readonly deferred: Deferred[] = [];
  private readonly reportedUndefined = new Set<string>();

  constructor(
    private readonly image: Uint8Array,
    private readonly layout: Layout,
    private readonly diags: Diagnostics,
  ) {
    this.view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  }

  /** Relocates all sections of all objects, PCREL_LO12 ones last (they need their auipc's value). */
  run(objects: readonly InputObject[]): void {
    for (const obj of objects) {
      for (const sec of obj.sections) if (sec && sec.relocations.length > 0) this.relocateSection(sec);
    }
    for (const d of this.deferred) this.applyPcrelLo(d);
  }

  private relocateSection(sec: InputSection): void {
    if (sec.type === ShType.NOBITS) {
      this.diags.error(sec.object.name, `section ${sec.name} has no contents but carries relocations`);
      return;
    }
    const out = this.layout.outputs[sec.output];
    const base = out.offset + (sec.address - out.address);
    // One scratch record per section, refilled per entry: no allocation per relocation.
    const r = { offset: 0, type: 0, symbolIndex: 0, addend: 0, explicitAddend: true };
    for (const table of sec.relocations) {
      for (let i = 0; i < table.count; i++) {
        const type = table.types[i];
        if (type === RelocType.RELAX || type === RelocType.ALIGN || type === RelocType.NONE) continue;
        r.offset = table.offsets[i];
        r.type = type;
        r.symbolIndex = table.symbols[i];
        r.addend = table.addends[i];
        if (r.offset + widthOf(type) > sec.size) {
          this.where(sec, r, `${relocName(type)} at offset 0x${r.offset.toString(16)} lies outside the section`);
          continue;
        }
        if (type === RelocType.PCREL_LO12_I || type === RelocType.PCREL_LO12_S) {
          this.deferred.push({ sec, r: { ...r }, fileOffset: base + r.offset });
          continue;
        }
        this.apply(sec, r, base + r.offset, sec.address + r.offset);
      }
    }
  }

  /** Address of the relocation's symbol, or undefined after reporting why there is none. */
  private symbolValue(sec: InputSection, r: ElfRelocation): number | undefined {
    const obj = sec.object;
    const g = obj.globals[r.symbolIndex];
    if (g) {
      if (g.state !== SymbolState.UNDEFINED) return g.address;
      if (!g.strongRef) return 0; // weak undefined resolves to 0
      const key = obj.name + '\0' + g.name;
      if (!this.reportedUndefined.has(key)) {
        this.reportedUndefined.add(key);
        this.where(sec, r, `undefined reference to '${g.name}'`);
      }
      return undefined;
    }
    const s = obj.symbols[r.symbolIndex];
    if (r.symbolIndex === 0) return 0;
    if (s.shndx === SHN_ABS) return s.value;
    if (!isSectionIndex(s.shndx)) return 0;
    const target = obj.sections[s.shndx];
    if (!target) {
      // Debug information may describe code in a section that was dropped: GNU ld resolves that to 0 too.
      if (sec.flags === 0 && sec.name.startsWith('.debug_')) return 0;
      this.where(sec, r, `relocation refers to '${this.symbolName(sec, r)}' in a discarded section`);
      return undefined;
    }
    return s.type === SymType.SECTION ? target.address : target.address + s.value;
  }

  private symbolName(sec: InputSection, r: ElfRelocation): string {
    const obj = sec.object;
    const s = obj.symbols[r.symbolIndex];
    if (!s) return '';
    if (s.type === SymType.SECTION && s.bind === SymBind.LOCAL) return obj.elf.sections[s.shndx]?.name ?? '';
    return s.name;
  }

  private where(sec: InputSection, r: ElfRelocation, message: string): void {
    this.diags.error(sec.object.name, `(${sec.name}+0x${r.offset.toString(16)}): ${message}`);
  }

  private truncated(sec: InputSection, r: ElfRelocation, detail = ''): void {
    this.where(sec, r, `relocation truncated to fit: ${relocName(r.type)} against '${this.symbolName(sec, r)}'${detail}`);
  }

  // Dispatch switch over relocation types (long by nature: one case per psABI entry).
  private apply(sec: InputSection, r: ElfRelocation, at: number, place: number): void {
    const S = this.symbolValue(sec, r);
    if (S === undefined) return;
    const v = (S + r.addend) | 0;
    const pcrel = (v - place) | 0;
    const view = this.view;
    switch (r.type) {
      case RelocType.R_32:
        return view.setUint32(at, v >>> 0, true);
      case RelocType.HI20:
        return view.setUint32(at, patchU(view.getUint32(at, true), v), true);
      case RelocType.LO12_I:
        return view.setUint32(at, patchI(view.getUint32(at, true), v), true);
      case RelocType.LO12_S:
        return view.setUint32(at, patchS(view.getUint32(at, true), v), true);
      case RelocType.PCREL_HI20:
        this.hiValues.set(place >>> 0, pcrel);
        return view.setUint32(at, patchU(view.getUint32(at, true), pcrel), true);
      case RelocType.CALL:
      case RelocType.CALL_PLT:
        view.setUint32(at, patchU(view.getUint32(at, true), pcrel), true);
        view.setUint32(at + 4, patchI(view.getUint32(at + 4, true), pcrel), true);
        return;
      case RelocType.JAL:
        if (!fitsSigned(pcrel, 21) || pcrel & 1) return this.truncated(sec, r, rangeNote(pcrel, 'jal', 1 << 20));
        return view.setUint32(at, patchJ(view.getUint32(at, true), pcrel), true);
      case RelocType.BRANCH:
        if (!fitsSigned(pcrel, 13) || pcrel & 1) return this.truncated(sec, r, rangeNote(pcrel, 'branch', 1 << 12));
        return view.setUint32(at, patchB(view.getUint32(at, true), pcrel), true);
      case RelocType.R_32_PCREL:
        return view.setUint32(at, pcrel >>> 0, true);
      default:
        return this.applyData(sec, r, at, v);
    }
  }

  /** ADD/SUB/SET/ULEB128: arithmetic on the bytes in place (label differences, mostly in debug sections). */
  private applyData(sec: InputSection, r: ElfRelocation, at: number, v: number): void {
    const view = this.view;
    switch (r.type) {
      case RelocType.ADD8:
        return view.setUint8(at, (view.getUint8(at) + v) & 0xff);
      case RelocType.ADD16:
        return view.setUint16(at, (view.getUint16(at, true) + v) & 0xffff, true);
      case RelocType.ADD32:
        return view.setUint32(at, (view.getUint32(at, true) + v) >>> 0, true);
      case RelocType.SUB8:
        return view.setUint8(at, (view.getUint8(at) - v) & 0xff);
      case RelocType.SUB16:
        return view.setUint16(at, (view.getUint16(at, true) - v) & 0xffff, true);
      case RelocType.SUB32:
        return view.setUint32(at, (view.getUint32(at, true) - v) >>> 0, true);
      case RelocType.SUB6:
        return view.setUint8(at, (view.getUint8(at) & 0xc0) | ((view.getUint8(at) - v) & 0x3f));
      case RelocType.SET6:
        return view.setUint8(at, (view.getUint8(at) & 0xc0) | (v & 0x3f));
      case RelocType.SET8:
        return view.setUint8(at, v & 0xff);
      case RelocType.SET16:
        return view.setUint16(at, v & 0xffff, true);
      case RelocType.SET32:
        return view.setUint32(at, v >>> 0, true);
      case RelocType.SET_ULEB128:
      case RelocType.SUB_ULEB128:
        return this.applyUleb(sec, r, at, v);
      default:
        this.where(sec, r, `unsupported relocation ${relocName(r.type)} against '${this.symbolName(sec, r)}'`);
    }
  }

  /** Rewrites the ULEB128 at `at` in its existing length (SET: v, SUB: old - v). */
  private applyUleb(sec: InputSection, r: ElfRelocation, at: number, v: number): void {
    const limit = this.image.length;
    let len = 0;
    let old = 0;
    while (at + len < limit) {
      const b = this.image[at + len];
      if (len < 5) old += (b & 0x7f) * 2 ** (7 * len);
      len++;
      if ((b & 0x80) === 0) break;
    }
    let value = (r.type === RelocType.SET_ULEB128 ? v : old - v) >>> 0;
    if (len < 5 && value >= 2 ** (7 * len)) {
      this.truncated(sec, r, ` (ULEB128 of ${len} bytes)`);
      return;
    }
    for (let i = 0; i < len; i++) {
      this.image[at + i] = (value & 0x7f) | (i < len - 1 ? 0x80 : 0);
      value = Math.floor(value / 128);
    }
  }

  private applyPcrelLo(d: Deferred): void {
    const { sec, r } = d;
    const label = this.symbolValue(sec, r);
    if (label === undefined) return;
    const auipc = (label + r.addend) >>> 0;
    const hi = this.hiValues.get(auipc);
    if (hi === undefined) {
      this.where(
        sec,
        r,
        `${relocName(r.type)} against '${this.symbolName(sec, r)}': no R_RISCV_PCREL_HI20 at 0x${auipc.toString(16)}`,
      );
      return;
    }
    const w = this.view.getUint32(d.fileOffset, true);
    const patched = r.type === RelocType.PCREL_LO12_I ? patchI(w, hi) : patchS(w, hi);
    this.view.setUint32(d.fileOffset, patched, true);
  }
}

function rangeNote(v: number, what: string, limit: number): string {
  if (v & 1) return ` (odd ${what} offset ${v})`;
  return ` (${what} offset ${v} is outside -${limit}..${limit - 2})`;
}

/** Bytes a relocation touches (for the bounds check). */
function widthOf(type: number): number {
  switch (type) {
    case RelocType.CALL:
    case RelocType.CALL_PLT:
      return 8;
    case RelocType.ADD8:
    case RelocType.SUB8:
    case RelocType.SET8:
    case RelocType.SUB6:
    case RelocType.SET6:
    case RelocType.SET_ULEB128:
    case RelocType.SUB_ULEB128:
      return 1;
    case RelocType.ADD16:
    case RelocType.SUB16:
    case RelocType.SET16:
      return 2;
    case RelocType.ADD64:
    case RelocType.SUB64:
      return 8;
    default:
      return 4;
  }
}
