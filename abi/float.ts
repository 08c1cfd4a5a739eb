// The F and D extensions' architectural constants: rounding-mode encodings, exception-flag bits,
// canonical NaNs and the fclass result bits. Shared by the machine (machine/fpu/) and the binary
// tools. Source: RISC-V Unprivileged ISA 20191213, chapter 11 ("F", 11.2 fcsr, 11.3 NaN
// generation and propagation, 11.9 fclass) and chapter 12 ("D", 12.2 NaN boxing).
// This file imports nothing.

/**
 * The rm field of an instruction (bits 14:12) and the frm CSR (fcsr bits 7:5), table 11.1.
 * 5 and 6 are reserved; DYN in an instruction means "use frm", and is reserved as a value of frm.
 */
export const enum RoundingMode {
  /** Round to nearest, ties to even. */
  RNE = 0,
  /** Round towards zero. */
  RTZ = 1,
  /** Round down (towards -infinity). */
  RDN = 2,
  /** Round up (towards +infinity). */
  RUP = 3,
  /** Round to nearest, ties to max magnitude. */
  RMM = 4,
  DYN = 7,
}

/** Assembler names of the rounding modes by encoding; reserved encodings are empty. */
export const ROUNDING_MODE_NAMES: readonly string[] = ['rne', 'rtz', 'rdn', 'rup', 'rmm', '', '', 'dyn'];

/** The accrued exception flags, fflags = fcsr bits 4:0 (table 11.2). */
export const enum FFlag {
  /** Inexact. */
  NX = 1,
  /** Underflow (tiny after rounding, and inexact). */
  UF = 2,
  /** Overflow. */
  OF = 4,
  /** Divide by zero. */
  DZ = 8,
  /** Invalid operation. */
  NV = 16,
}

/** fcsr layout: fflags in bits 4:0, frm in bits 7:5; the rest reads as zero. */
export const FCSR_MASK = 0xff;
export const FFLAGS_MASK = 0x1f;
export const FRM_SHIFT = 5;

/** The canonical NaN of binary32: positive, quiet, zero payload (11.3). */
export const CANONICAL_NAN_SINGLE = 0x7fc00000;
/** The high word of the canonical binary64 NaN 0x7ff8000000000000 (its low word is 0). */
export const CANONICAL_NAN_DOUBLE_HI = 0x7ff80000;
/** The upper 32 bits of a 64-bit f register holding a properly NaN-boxed single (12.2). */
export const NAN_BOX_HI = -1;

/** fclass.s / fclass.d result: exactly one bit is set (table 11.5). */
export const enum FClass {
  NegInfinity = 1 << 0,
  NegNormal = 1 << 1,
  NegSubnormal = 1 << 2,
  NegZero = 1 << 3,
  PosZero = 1 << 4,
  PosSubnormal = 1 << 5,
  PosNormal = 1 << 6,
  PosInfinity = 1 << 7,
  SignalingNaN = 1 << 8,
  QuietNaN = 1 << 9,
}
