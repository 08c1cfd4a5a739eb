// Address and file layout of the executable. Three page-aligned PT_LOAD segments, in this order:
//   text   R-X  ELF header + program headers (mapped, so AT_PHDR is valid) and .text
//   rodata R--  .rodata (omitted when empty)
//   data   RW-  .preinit_array .init_array .fini_array .data .sdata, then .sbss .bss + COMMON in memsz only
// .text starts exactly at the text address (0x10000 by default). Like GNU ld with -Ttext, the headers go in
// the page below it when they do not fit between the page start and .text. Every segment's file offset is
// congruent to its address modulo 4096, and no page is both writable and executable.

import { ShType } from '../../abi/elf.js';
import { EHDR_SIZE, PhFlags, PHDR_SIZE } from '../../abi/elf.js';
import { alignUp } from '../../abi/pages.js';
import { PAGE_SIZE } from '../../abi/riscv.js';
import type { InputObject, InputSection } from './input.js';
import {
  classifyInput,
  debugSpec,
  isDebugSection,
  initPriority,
  OUT_BSS,
  OUT_TEXT,
  OUTPUT_SPECS,
  SegmentKind,
  type OutputSpec,
} from './sections.js';
import { SymbolState, type GlobalSymbol, type SymbolTable } from './symbols.js';

export const DEFAULT_TEXT_ADDRESS = 0x10000;

/** One output section; inputs and commons carry their final addresses once layout is done. */
export interface OutputSection {
  readonly spec: OutputSpec;
  readonly inputs: InputSection[];
  readonly commons: GlobalSymbol[];
  align: number;
  address: number;
  size: number;
  /** File offset of the contents (for NOBITS: where they would be). */
  offset: number;
}

/** One PT_LOAD segment. */
export interface Segment {
  readonly kind: SegmentKind;
  readonly flags: number;
  vaddr: number;
  offset: number;
  filesz: number;
  memsz: number;
}

/** The result of layout: every output section (empty ones too, with an address), the segments, and sizes. */
export interface Layout {
  readonly outputs: OutputSection[];
  readonly segments: Segment[];
  /** Bytes of ELF header + program headers at file offset 0. */
  readonly headerSize: number;
  /** End of the loadable part of the file and of the debug sections after it. */
  readonly fileEnd: number;
}


function collectInputs(objects: readonly InputObject[], table: SymbolTable): OutputSection[] {
  const outputs: OutputSection[] = OUTPUT_SPECS.map((spec) => ({
    spec,
    inputs: [],
    commons: [],
    align: 1,
    address: 0,
    size: 0,
    offset: 0,
  }));
  const debugOutputs = new Map<string, number>();
  for (const obj of objects) {
    for (const sec of obj.sections) {
      if (!sec) continue;
      if (isDebugSection(sec.name, sec.flags)) {
        // One output per name, in order of first appearance; inputs are simply concatenated.
        let k = debugOutputs.get(sec.name);
        if (k === undefined) {
          k = outputs.push({ spec: debugSpec(sec.name, sec.flags), inputs: [], commons: [], align: 1, address: 0, size: 0, offset: 0 }) - 1;
          debugOutputs.set(sec.name, k);
        }
        sec.output = k;
      } else {
        sec.output = classifyInput(sec.name, sec.type, sec.flags);
      }
      outputs[sec.output].inputs.push(sec);
    }
  }
  for (const out of outputs) {
    if (!out.spec.byPriority) continue;
    const prefix = out.spec.prefixes[0];
    const keyed = out.inputs.map((s, i) => ({ s, i, p: initPriority(s.name, prefix) }));
    keyed.sort((a, b) => a.p - b.p || a.i - b.i);
    out.inputs.splice(0, out.inputs.length, ...keyed.map((k) => k.s));
  }
  for (const g of table.byName.values()) if (g.state === SymbolState.COMMON) outputs[OUT_BSS].commons.push(g);
  return outputs;
}

/** Gives each input (and common symbol) its offset inside its output section; sets the section's size. */
function packOutput(out: OutputSection): void {
  let cur = 0;
  for (const s of out.inputs) {
    cur = alignUp(cur, s.align);
    s.address = cur;
    cur += s.size;
    out.align = Math.max(out.align, s.align);
  }
  for (const g of out.commons) {
    cur = alignUp(cur, g.commonAlign);
    g.address = cur;
    cur += g.size;
    out.align = Math.max(out.align, g.commonAlign);
  }
  out.size = cur;
}

/** Moves an output section (and everything in it) to `address` / file `offset`. */
function place(out: OutputSection, address: number, offset: number): void {
  out.address = address;
  out.offset = offset;
  for (const s of out.inputs) s.address += address;
  for (const g of out.commons) g.address += address;
}

/** Where the text segment starts so that the headers are mapped: [segment vaddr, file offset of .text]. */
function textSegmentStart(textAddress: number, headerSize: number): { vaddr: number; textOffset: number } {
  const inPage = textAddress % PAGE_SIZE;
  if (inPage >= headerSize) return { vaddr: textAddress - inPage, textOffset: inPage };
  if (textAddress >= PAGE_SIZE) return { vaddr: textAddress - inPage - PAGE_SIZE, textOffset: inPage + PAGE_SIZE };
  // Too low to map the headers below .text: leave them unmapped.
  return { vaddr: textAddress, textOffset: alignUp(headerSize, PAGE_SIZE) + inPage };
}

/**
 * Lays out the kept sections of `objects` plus the common symbols of `table`, .text at `textAddress`, leaving
 * room for `extraPhdrs` program headers besides the PT_LOADs (PT_RISCV_ATTRIBUTES).
 * Afterwards every InputSection.address and every common GlobalSymbol.address is final.
 */
export function computeLayout(
  objects: readonly InputObject[],
  table: SymbolTable,
  textAddress: number,
  extraPhdrs = 0,
): Layout {
  const outputs = collectInputs(objects, table);
  outputs.forEach(packOutput);
  const segSize = (k: SegmentKind): number =>
    outputs.filter((o) => o.spec.segment === k).reduce((n, o) => n + o.size, 0);
  const hasRodata = segSize(SegmentKind.RODATA) > 0;
  const hasData = segSize(SegmentKind.DATA) > 0;
  const phnum = extraPhdrs + 1 + (hasRodata ? 1 : 0) + (hasData ? 1 : 0);
  const headerSize = EHDR_SIZE + phnum * PHDR_SIZE;
  const segments: Segment[] = [];

  const start = textSegmentStart(textAddress, headerSize);
  const text = outputs[OUT_TEXT];
  place(text, textAddress, start.textOffset);
  const headersMapped = start.vaddr !== textAddress;
  const textSeg: Segment = {
    kind: SegmentKind.TEXT,
    flags: PhFlags.R | PhFlags.X,
    vaddr: headersMapped ? start.vaddr : textAddress,
    offset: headersMapped ? 0 : start.textOffset,
    filesz: 0,
    memsz: 0,
  };
  textSeg.filesz = textSeg.memsz = text.address + text.size - textSeg.vaddr;
  segments.push(textSeg);
  let vaddr = text.address + text.size;
  let fileEnd = text.offset + text.size;

  for (const kind of [SegmentKind.RODATA, SegmentKind.DATA]) {
    const members = outputs.filter((o) => o.spec.segment === kind);
    vaddr = alignUp(vaddr, PAGE_SIZE);
    const segOffset = alignUp(fileEnd, PAGE_SIZE);
    const seg: Segment = {
      kind,
      flags: kind === SegmentKind.RODATA ? PhFlags.R : PhFlags.R | PhFlags.W,
      vaddr,
      offset: segOffset,
      filesz: 0,
      memsz: 0,
    };
    let cur = vaddr;
    let fileCur = vaddr;
    for (const o of members) {
      cur = alignUp(cur, o.align);
      place(o, cur, segOffset + (cur - vaddr));
      cur += o.size;
      if (o.spec.type !== ShType.NOBITS && o.size > 0) fileCur = cur;
    }
    seg.filesz = fileCur - vaddr;
    seg.memsz = cur - vaddr;
    if (seg.memsz > 0) {
      segments.push(seg);
      fileEnd = segOffset + seg.filesz;
      vaddr = cur;
    }
  }
  for (const o of outputs) if (o.spec.type === ShType.NOBITS) o.offset = Math.min(o.offset, fileEnd);
  // Debug sections follow the loaded part of the file; their addresses stay section-relative (address 0).
  for (const o of outputs) {
    if (o.spec.segment !== SegmentKind.NONE) continue;
    fileEnd = alignUp(Math.max(fileEnd, headerSize), o.align);
    place(o, 0, fileEnd);
    fileEnd += o.size;
  }
  return { outputs, segments, headerSize, fileEnd: Math.max(fileEnd, headerSize) };
}
