// The `.riscv.attributes` section (RISC-V ELF psABI "Attributes"): format version 'A', one
// "riscv" vendor subsection holding a Tag_File list of (ULEB128 tag, ULEB128 or NUL-terminated string).

import { canonicalIsaString } from '../../abi/isa.js';

/**
 * The ISA assumed without `-march=`: Pagoda's machine, RV32IMAFD + Zicsr, as gcc's rv32 hard-float default;
 * with D the float ABI defaults to double (ilp32d, e_flags 0x4) as GNU as picks it. `-march=rv32ima` (or
 * `-mabi=ilp32`) gives soft-float objects.
 */
export const DEFAULT_MARCH = 'rv32imafd_zicsr';

/** e_flags float-ABI values (RISC-V ELF psABI "e_flags"). */
const FLOAT_ABI_FLAGS: Readonly<Record<string, number>> = { ilp32: 0x0, ilp32f: 0x2, ilp32d: 0x4, ilp32e: 0x8 };

/** The e_flags float ABI for `-mabi=`: undefined for an unknown ABI name. */
export function floatAbiFlags(mabi: string): number | undefined {
  return FLOAT_ABI_FLAGS[mabi];
}

/** The float ABI GNU as picks without `-mabi=`: double-float when the ISA has D (or Q), else soft-float. */
export function defaultFloatAbiFlags(march: string): number {
  const canonical = canonicalIsaString(march) ?? '';
  return /(^rv\d+|_)[dq]\d/.test(canonical) ? 0x4 : 0x0;
}

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

/** Encodes the attributes (tag -> value; Tag_RISCV_arch (5) included by the caller), tags in ascending order. */
export function encodeAttributes(attrs: ReadonlyMap<number, number | string>): Uint8Array {
  const all = new Map(attrs);
  const body: number[] = [];
  for (const tag of [...all.keys()].sort((a, b) => a - b)) {
    const v = all.get(tag) as number | string;
    // GNU as writes no integer attribute whose value is 0, the default (`.attribute unaligned_access, 0`).
    if (!isStringTag(tag) && Number(v) === 0) continue;
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
