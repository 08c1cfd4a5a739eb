// Builds small ELF32 executables byte by byte, so each loader refusal has its own crafted file.
import { EHDR_SIZE, Ehdr, ElfType, EM_RISCV, EV_CURRENT, Phdr, PHDR_SIZE, PhType, SHDR_SIZE } from '../../abi/elf.js';

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
}

/** A valid two-segment executable by default: text (R-X) at 0x10000 with `ecall`s, data (RW-) at 0x11000. */
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
  v.setUint32(Ehdr.FLAGS, 0, true);
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
  return bytes;
}

/** A copy of `bytes` with `edit` applied to a DataView of it. */
export function patched(bytes: Uint8Array, edit: (v: DataView, b: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), copy);
  return copy;
}
