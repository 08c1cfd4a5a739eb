// Builds small ELF32 executables byte by byte, so each loader refusal has its own crafted file.
import { EHDR_SIZE, Ehdr, ElfType, EM_RISCV, EV_CURRENT, Phdr, PHDR_SIZE, PhType, Shdr, SHDR_SIZE, ShType } from '../../abi/elf.js';

export interface CraftSegment {
  type?: number;
  vaddr: number;
  data?: Uint8Array;
  memsz?: number;
  flags: number; // PF_R 4, PF_W 2, PF_X 1
  align?: number;
  offset?: number;
  filesz?: number;
}

export interface CraftOptions {
  entry?: number;
  segments?: CraftSegment[];
  /** e_flags (0: soft-float, no RVC). */
  flags?: number;
  /** A `.riscv.attributes` section holding this Tag_RISCV_arch (with a section header table to find it). */
  arch?: string;
}

/** A `.riscv.attributes` section body: format 'A', one "riscv" subsection, one Tag_File with Tag_RISCV_arch (5). */
export function attributesSection(arch: string): Uint8Array {
  const text = [...new TextEncoder().encode(arch), 0];
  const fileBlock = [1, ...u32(5 + 1 + text.length), 5, ...text];
  const vendor = [...new TextEncoder().encode('riscv'), 0];
  return new Uint8Array([0x41, ...u32(4 + vendor.length + fileBlock.length), ...vendor, ...fileBlock]);
}

const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

/** Appends to `bytes` the attributes section, a .shstrtab, and the section headers (null, the two). */
function withAttributes(bytes: Uint8Array, arch: string): Uint8Array {
  const attrs = attributesSection(arch);
  const names = new TextEncoder().encode('\0.riscv.attributes\0.shstrtab\0');
  const attrsAt = bytes.length;
  const namesAt = attrsAt + attrs.length;
  const shoff = Math.ceil((namesAt + names.length) / 4) * 4;
  const out = new Uint8Array(shoff + 3 * SHDR_SIZE);
  out.set(bytes);
  out.set(attrs, attrsAt);
  out.set(names, namesAt);
  const v = new DataView(out.buffer);
  const header = (i: number, name: number, type: number, offset: number, size: number): void => {
    const o = shoff + i * SHDR_SIZE;
    v.setUint32(o + Shdr.NAME, name, true);
    v.setUint32(o + Shdr.TYPE, type, true);
    v.setUint32(o + Shdr.OFFSET, offset, true);
    v.setUint32(o + Shdr.SIZE, size, true);
    v.setUint32(o + Shdr.ADDRALIGN, 1, true);
  };
  header(1, 1, ShType.RISCV_ATTRIBUTES, attrsAt, attrs.length);
  header(2, 19, ShType.STRTAB, namesAt, names.length);
  v.setUint32(Ehdr.SHOFF, shoff, true);
  v.setUint16(Ehdr.SHNUM, 3, true);
  v.setUint16(Ehdr.SHSTRNDX, 2, true);
  return out;
}

/** A valid two-segment executable by default (no section headers unless `arch` is given): text (R-X) at 0x10000 with `ecall`s, data (RW-) at 0x11000. */
export function craftElf(opts: CraftOptions = {}): Uint8Array {
  const segments = opts.segments ?? [
    { vaddr: 0x10000, data: new Uint8Array([0x73, 0, 0, 0, 0x73, 0, 0, 0]), flags: 5, align: 0x1000 },
    { vaddr: 0x11000, data: new Uint8Array([1, 2, 3, 4]), memsz: 0x3000, flags: 6, align: 0x1000 },
  ];
  const phoff = EHDR_SIZE;
  let offset = 0x1000;
  const placed = segments.map((s) => {
    const data = s.data ?? new Uint8Array(0);
    const fileOffset = s.offset ?? offset + (s.vaddr % 0x1000);
    offset = Math.max(offset, fileOffset + data.length);
    offset = Math.ceil(offset / 0x1000) * 0x1000;
    return { ...s, data, fileOffset };
  });
  const size = Math.max(offset, phoff + PHDR_SIZE * segments.length);
  const bytes = new Uint8Array(size);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
  v.setUint16(Ehdr.TYPE, ElfType.EXEC, true);
  v.setUint16(Ehdr.MACHINE, EM_RISCV, true);
  v.setUint32(Ehdr.VERSION, EV_CURRENT, true);
  v.setUint32(Ehdr.ENTRY, opts.entry ?? 0x10000, true);
  v.setUint32(Ehdr.PHOFF, phoff, true);
  v.setUint32(Ehdr.SHOFF, 0, true);
  v.setUint32(Ehdr.FLAGS, opts.flags ?? 0, true);
  v.setUint16(Ehdr.EHSIZE, EHDR_SIZE, true);
  v.setUint16(Ehdr.PHENTSIZE, PHDR_SIZE, true);
  v.setUint16(Ehdr.PHNUM, segments.length, true);
  v.setUint16(Ehdr.SHENTSIZE, SHDR_SIZE, true);
  placed.forEach((s, i) => {
    const o = phoff + PHDR_SIZE * i;
    v.setUint32(o + Phdr.TYPE, s.type ?? PhType.LOAD, true);
    v.setUint32(o + Phdr.OFFSET, s.fileOffset, true);
    v.setUint32(o + Phdr.VADDR, s.vaddr, true);
    v.setUint32(o + Phdr.PADDR, s.vaddr, true);
    v.setUint32(o + Phdr.FILESZ, s.filesz ?? s.data.length, true);
    v.setUint32(o + Phdr.MEMSZ, s.memsz ?? s.data.length, true);
    v.setUint32(o + Phdr.FLAGS, s.flags, true);
    v.setUint32(o + Phdr.ALIGN, s.align ?? 0x1000, true);
    if (s.fileOffset + s.data.length <= bytes.length) bytes.set(s.data, s.fileOffset);
  });
  return opts.arch === undefined ? bytes : withAttributes(bytes, opts.arch);
}

/** A copy of `bytes` with `edit` applied to a DataView of it. */
export function patched(bytes: Uint8Array, edit: (v: DataView, b: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), copy);
  return copy;
}
