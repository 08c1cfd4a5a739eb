// Writing the executable file: ELF header, program headers, the loadable contents at their layout offsets,
// then the merged .riscv.attributes (not loaded; PT_RISCV_ATTRIBUTES, the first program header, points at it,
// as with GNU ld), .symtab, .strtab, .shstrtab and the section header table at the end of the file.

import {
  EHDR_SIZE,
  Ehdr,
  ELFCLASS32,
  ELFDATA2LSB,
  ELFOSABI_SYSV,
  EM_RISCV,
  ElfType,
  EV_CURRENT,
  Phdr,
  PhFlags,
  PHDR_SIZE,
  PhType,
  SHDR_SIZE,
  SHN_ABS,
  ShType,
  SYM_SIZE,
} from '../../abi/elf.js';
import { alignUp } from '../../abi/pages.js';
import type { InputObject } from './input.js';
import type { Layout } from './layout.js';
import type { EncodedSymbols } from './symtab.js';

/** For each layout output section: its ELF section index in the executable, or SHN_ABS when it is empty. */
export function elfSectionIndices(layout: Layout): number[] {
  let next = 1;
  return layout.outputs.map((o) => (o.size > 0 ? next++ : SHN_ABS));
}


interface SectionRow {
  name: number;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

/**
 * Assembles the executable. `relocate(image)` is called once the section contents are in place and before
 * the headers are written, so it can patch the image in place.
 */
export function writeExecutable(
  layout: Layout,
  objects: readonly InputObject[],
  symbols: EncodedSymbols,
  entry: number,
  flags: number,
  attributes: Uint8Array | undefined,
  relocate: (image: Uint8Array) => void,
): Uint8Array {
  const written = layout.outputs.filter((o) => o.size > 0);
  let shstr = '\0';
  const nameOf = (n: string): number => {
    const at = shstr.length;
    shstr += n + '\0';
    return at;
  };
  const rows: SectionRow[] = written.map((o) => ({
    name: nameOf(o.spec.name),
    type: o.spec.type,
    flags: o.spec.flags,
    addr: o.address,
    offset: o.offset,
    size: o.size,
    link: 0,
    info: 0,
    align: o.align,
    entsize: 0,
  }));
  const attributesOffset = layout.fileEnd;
  if (attributes) {
    rows.push({
      name: nameOf('.riscv.attributes'), type: ShType.RISCV_ATTRIBUTES, flags: 0, addr: 0, offset: attributesOffset,
      size: attributes.length, link: 0, info: 0, align: 1, entsize: 0,
    });
  }
  const symtabOffset = alignUp(attributesOffset + (attributes?.length ?? 0), 4);
  const strtabOffset = symtabOffset + symbols.symtab.length;
  const symtabIndex = rows.length + 1;
  rows.push(
    tableRow(nameOf('.symtab'), ShType.SYMTAB, symtabOffset, symbols.symtab.length, symtabIndex + 1, symbols.firstGlobal, 4, SYM_SIZE),
    tableRow(nameOf('.strtab'), ShType.STRTAB, strtabOffset, symbols.strtab.length, 0, 0, 1, 0),
  );
  const shstrtabOffset = strtabOffset + symbols.strtab.length;
  rows.push(tableRow(nameOf('.shstrtab'), ShType.STRTAB, shstrtabOffset, 0, 0, 0, 1, 0));
  rows[rows.length - 1].size = shstr.length;
  const shoff = alignUp(shstrtabOffset + shstr.length, 4);
  const image = new Uint8Array(shoff + (rows.length + 1) * SHDR_SIZE);

  for (const obj of objects) {
    for (const sec of obj.sections) {
      if (!sec || sec.type === ShType.NOBITS || sec.size === 0) continue;
      const out = layout.outputs[sec.output];
      if (out.spec.type === ShType.NOBITS) continue;
      image.set(sec.data, out.offset + (sec.address - out.address));
    }
  }
  relocate(image);

  const view = new DataView(image.buffer);
  writeElfHeader(image, view, layout, entry, flags, shoff, rows.length + 1, rows.length);
  writeProgramHeaders(view, layout, attributes && { offset: attributesOffset, size: attributes.length });
  if (attributes) image.set(attributes, attributesOffset);
  image.set(symbols.symtab, symtabOffset);
  image.set(symbols.strtab, strtabOffset);
  for (let i = 0; i < shstr.length; i++) image[shstrtabOffset + i] = shstr.charCodeAt(i);
  rows.forEach((r, i) => writeSectionHeader(view, shoff + (i + 1) * SHDR_SIZE, r));
  return image;
}

function tableRow(
  name: number,
  type: number,
  offset: number,
  size: number,
  link: number,
  info: number,
  align: number,
  entsize: number,
): SectionRow {
  return { name, type, flags: 0, addr: 0, offset, size, link, info, align, entsize };
}

function writeElfHeader(
  image: Uint8Array,
  view: DataView,
  layout: Layout,
  entry: number,
  flags: number,
  shoff: number,
  shnum: number,
  shstrndx: number,
): void {
  image.set([0x7f, 0x45, 0x4c, 0x46, ELFCLASS32, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV]);
  view.setUint16(Ehdr.TYPE, ElfType.EXEC, true);
  view.setUint16(Ehdr.MACHINE, EM_RISCV, true);
  view.setUint32(Ehdr.VERSION, EV_CURRENT, true);
  view.setUint32(Ehdr.ENTRY, entry >>> 0, true);
  view.setUint32(Ehdr.PHOFF, EHDR_SIZE, true);
  view.setUint32(Ehdr.SHOFF, shoff, true);
  view.setUint32(Ehdr.FLAGS, flags >>> 0, true);
  view.setUint16(Ehdr.EHSIZE, EHDR_SIZE, true);
  view.setUint16(Ehdr.PHENTSIZE, PHDR_SIZE, true);
  view.setUint16(Ehdr.PHNUM, (layout.headerSize - EHDR_SIZE) / PHDR_SIZE, true);
  view.setUint16(Ehdr.SHENTSIZE, SHDR_SIZE, true);
  view.setUint16(Ehdr.SHNUM, shnum, true);
  view.setUint16(Ehdr.SHSTRNDX, shstrndx, true);
}

function writeProgramHeaders(view: DataView, layout: Layout, attributes: { offset: number; size: number } | undefined): void {
  let at = EHDR_SIZE;
  if (attributes) {
    view.setUint32(at + Phdr.TYPE, PhType.RISCV_ATTRIBUTES, true);
    view.setUint32(at + Phdr.OFFSET, attributes.offset, true);
    view.setUint32(at + Phdr.FILESZ, attributes.size, true);
    view.setUint32(at + Phdr.FLAGS, PhFlags.R, true);
    view.setUint32(at + Phdr.ALIGN, 1, true);
    at += PHDR_SIZE;
  }
  layout.segments.forEach((seg, i) => {
    const o = at + i * PHDR_SIZE;
    view.setUint32(o + Phdr.TYPE, PhType.LOAD, true);
    view.setUint32(o + Phdr.OFFSET, seg.offset, true);
    view.setUint32(o + Phdr.VADDR, seg.vaddr, true);
    view.setUint32(o + Phdr.PADDR, seg.vaddr, true);
    view.setUint32(o + Phdr.FILESZ, seg.filesz, true);
    view.setUint32(o + Phdr.MEMSZ, seg.memsz, true);
    view.setUint32(o + Phdr.FLAGS, seg.flags, true);
    view.setUint32(o + Phdr.ALIGN, 0x1000, true);
  });
}

function writeSectionHeader(view: DataView, o: number, r: SectionRow): void {
  const fields = [r.name, r.type, r.flags, r.addr, r.offset, r.size, r.link, r.info, r.align, r.entsize];
  fields.forEach((v, k) => view.setUint32(o + 4 * k, v >>> 0, true));
}
