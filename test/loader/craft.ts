// Builds small ELF32 executables byte by byte, so each loader refusal has its own crafted file.
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
  const phoff = 52;
  let offset = 0x1000;
  const placed = segments.map((s) => {
    const data = s.data ?? new Uint8Array(0);
    const fileOffset = s.offset ?? offset + (s.vaddr % 0x1000);
    offset = Math.max(offset, fileOffset + data.length);
    offset = Math.ceil(offset / 0x1000) * 0x1000;
    return { ...s, data, fileOffset };
  });
  const size = Math.max(offset, phoff + 32 * segments.length);
  const bytes = new Uint8Array(size);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
  v.setUint16(16, 2, true);
  v.setUint16(18, 243, true);
  v.setUint32(20, 1, true);
  v.setUint32(24, opts.entry ?? 0x10000, true);
  v.setUint32(28, phoff, true);
  v.setUint32(32, 0, true);
  v.setUint32(36, 0, true);
  v.setUint16(40, 52, true);
  v.setUint16(42, 32, true);
  v.setUint16(44, segments.length, true);
  v.setUint16(46, 40, true);
  placed.forEach((s, i) => {
    const o = phoff + 32 * i;
    v.setUint32(o, s.type ?? 1, true);
    v.setUint32(o + 4, s.fileOffset, true);
    v.setUint32(o + 8, s.vaddr, true);
    v.setUint32(o + 12, s.vaddr, true);
    v.setUint32(o + 16, s.filesz ?? s.data.length, true);
    v.setUint32(o + 20, s.memsz ?? s.data.length, true);
    v.setUint32(o + 24, s.flags, true);
    v.setUint32(o + 28, s.align ?? 0x1000, true);
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
