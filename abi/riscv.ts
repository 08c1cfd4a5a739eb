// RISC-V RV32IMAFD + Zicsr: instruction field extraction and packing, register names, CSR numbers and Sv32
// PTE bits. The instruction table itself is abi/isa-table.ts.
// Sources: RISC-V Unprivileged ISA 20191213 (ch. 2, 7, 8, 9, 24), Privileged ISA 20211203 (4.3 Sv32).
// This file imports only the table it re-exports.

// The instruction table and the major opcodes live in isa-table.ts; re-exported for the users of this file.
export { INSTRUCTIONS, type InstrSpec, type Format, Opcode, instrByName, instrOfWord } from './isa-table.js';

// ---- Field extraction (Unprivileged ISA figure 2.3/2.4) ----
export const rdOf = (w: number): number => (w >>> 7) & 31;
export const rs1Of = (w: number): number => (w >>> 15) & 31;
export const rs2Of = (w: number): number => (w >>> 20) & 31;
export const funct3Of = (w: number): number => (w >>> 12) & 7;
export const immI = (w: number): number => w >> 20;
export const immS = (w: number): number => ((w >> 25) << 5) | ((w >>> 7) & 31);
export const immB = (w: number): number =>
  ((w >> 31) << 12) | (((w >>> 7) & 1) << 11) | (((w >>> 25) & 0x3f) << 5) | (((w >>> 8) & 0xf) << 1);
export const immU = (w: number): number => w & 0xfffff000;
export const immJ = (w: number): number =>
  ((w >> 31) << 20) | (((w >>> 12) & 0xff) << 12) | (((w >>> 20) & 1) << 11) | (((w >>> 21) & 0x3ff) << 1);

// ---- Field packing: the inverse of the above; immediates must already be in range ----
const reg = (r: number, at: number): number => (r & 31) << at;
export const encR = (base: number, rd: number, rs1: number, rs2: number): number =>
  (base | reg(rd, 7) | reg(rs1, 15) | reg(rs2, 20)) >>> 0;
export const encI = (base: number, rd: number, rs1: number, imm: number): number =>
  (base | reg(rd, 7) | reg(rs1, 15) | ((imm & 0xfff) << 20)) >>> 0;
export const encS = (base: number, rs1: number, rs2: number, imm: number): number =>
  (base | reg(rs1, 15) | reg(rs2, 20) | ((imm & 0x1f) << 7) | (((imm >> 5) & 0x7f) << 25)) >>> 0;
export const encB = (base: number, rs1: number, rs2: number, imm: number): number =>
  (base | reg(rs1, 15) | reg(rs2, 20) |
    (((imm >> 11) & 1) << 7) | (((imm >> 1) & 0xf) << 8) | (((imm >> 5) & 0x3f) << 25) | (((imm >> 12) & 1) << 31)) >>> 0;
export const encU = (base: number, rd: number, imm: number): number =>
  (base | reg(rd, 7) | (imm & 0xfffff000)) >>> 0;
export const encJ = (base: number, rd: number, imm: number): number =>
  (base | reg(rd, 7) |
    (((imm >> 12) & 0xff) << 12) | (((imm >> 11) & 1) << 20) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 20) & 1) << 31)) >>> 0;

/** ABI register names, x0..x31 (psABI chapter 1). */
export const ABI_REG_NAMES: readonly string[] = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** ABI names of the floating-point registers, f0..f31 (psABI chapter 1). */
export const FP_ABI_REG_NAMES: readonly string[] = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
];

/** Rounding-mode operands by rm value (Unprivileged ISA table 11.1); 5 and 6 are reserved. */
export const ROUNDING_MODE_NAMES: readonly (string | undefined)[] = ['rne', 'rtz', 'rdn', 'rup', 'rmm', undefined, undefined, 'dyn'];
/** rm = 7: use the dynamic rounding mode in frm. */
export const RM_DYNAMIC = 7;

/** Register number for `x7`, `t2` or `fp`, or -1. */
export function regNumber(name: string): number {
  const m = /^x([0-9]|[12][0-9]|3[01])$/.exec(name);
  if (m) return Number(m[1]);
  if (name === 'fp') return 8;
  return ABI_REG_NAMES.indexOf(name);
}

/** User-readable counter CSRs (Zicntr); all read-only. */
export const enum Csr {
  CYCLE = 0xc00,
  TIME = 0xc01,
  INSTRET = 0xc02,
  CYCLEH = 0xc80,
  TIMEH = 0xc81,
  INSTRETH = 0xc82,
}
export const CSR_NAMES: Readonly<Record<number, string>> = {
  0xc00: 'cycle', 0xc01: 'time', 0xc02: 'instret', 0xc80: 'cycleh', 0xc81: 'timeh', 0xc82: 'instreth',
  0x001: 'fflags', 0x002: 'frm', 0x003: 'fcsr',
};

/** Sv32 page-table entry bits (Privileged ISA 4.3.1, figure 4.18). */
export const enum Pte {
  V = 1 << 0,
  R = 1 << 1,
  W = 1 << 2,
  X = 1 << 3,
  U = 1 << 4,
  G = 1 << 5,
  A = 1 << 6,
  D = 1 << 7,
  /** The PPN starts at bit 10. */
  PPN_SHIFT = 10,
}

/** Sv32 geometry. */
export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const MEGAPAGE_SIZE = 1 << 22;
/** satp.MODE (bit 31) set selects Sv32; satp.PPN is bits 21:0. */
export const SATP_MODE_SV32 = 0x80000000;
export const SATP_PPN_MASK = 0x003fffff;
