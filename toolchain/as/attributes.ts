// The `.riscv.attributes` section (RISC-V ELF psABI "Attributes"): format version 'A', one
// "riscv" vendor subsection holding a Tag_File list of (ULEB128 tag, ULEB128 or NUL-terminated string).

/** Tag_RISCV_arch used when the source gives none: what this assembler accepts. */
export const DEFAULT_ARCH = 'rv32i2p1_m2p0_a2p1_zicsr2p0';

const isStringTag = (tag: number): boolean => tag === 5 || (tag >= 32 && tag % 2 === 1);

function uleb(out: number[], v: number): void {
  do {
    let b = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}

function u32(out: number[], at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

/** Encodes the attributes (tag -> value), adding Tag_RISCV_arch when missing; tags in ascending order. */
export function encodeAttributes(attrs: ReadonlyMap<number, number | string>): Uint8Array {
  const all = new Map(attrs);
  if (!all.has(5)) all.set(5, DEFAULT_ARCH);
  const body: number[] = [];
  for (const tag of [...all.keys()].sort((a, b) => a - b)) {
    const v = all.get(tag) as number | string;
    uleb(body, tag);
    if (isStringTag(tag)) {
      for (const ch of String(v)) body.push(ch.charCodeAt(0) & 0xff);
      body.push(0);
    } else {
      uleb(body, Number(v));
    }
  }
  const out: number[] = [0x41, 0, 0, 0, 0];
  for (const ch of 'riscv') out.push(ch.charCodeAt(0));
  out.push(0);
  const fileAt = out.length;
  out.push(1, 0, 0, 0, 0);
  out.push(...body);
  u32(out, fileAt + 1, out.length - fileAt);
  u32(out, 1, out.length - 1);
  return Uint8Array.from(out);
}
