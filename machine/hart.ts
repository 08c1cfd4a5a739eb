// The state of one hart that a program sees: x registers, pc, f registers and fcsr. It is one object so that
// the kernel moves it as a unit — the CPU runs from a Hart, each process owns one (its trapframe), fork copies
// it, exec clears it, a signal frame holds it — and names registers by their ABI names, never by index.
//
// The f registers are raw 64-bit patterns in one 256-byte buffer, seen as doubles (`f`) and as 32-bit words
// (`fWords`, f[i] = fWords[2i] low word, fWords[2i+1] high word). Whatever moves them bit-exactly (loads,
// stores, fmv, fsgnj, saving and restoring) goes through `fWords` or `fBytes`: a NaN read into a JS number
// may lose its payload, and a single-precision value lives NaN-boxed in the high word (all ones).
// Typed arrays use the host's byte order; like PhysicalMemory, this assumes a little-endian host, so
// `fBytes` is also the RISC-V memory image of f0..f31.

import { FloatState } from './fpu/float-state.js';

/** Bytes of f0..f31 (32 registers of 64 bits), as in Linux's `__riscv_d_ext_state.f`. */
export const F_STATE_BYTES = 256;

/** psABI register numbers of the names the kernel uses (RISC-V psABI, "Integer register convention"). */
const RA = 1;
const SP = 2;
const A0 = 10;

export class Hart implements FloatState {
  /** x0..x31; x[0] always reads 0 (the CPU clears it after every instruction). */
  readonly x = new Int32Array(32);
  /** Program counter, unsigned. */
  pc = 0;
  /** f0..f31 as bytes (little-endian images of the 64-bit registers). */
  readonly fBytes = new Uint8Array(F_STATE_BYTES);
  /** f0..f31 as doubles (for arithmetic; never to move bit patterns). */
  readonly f = new Float64Array(this.fBytes.buffer);
  /** f0..f31 as 32-bit words: fWords[2i] is the low half of f[i], fWords[2i+1] the high half. */
  readonly fWords = new Uint32Array(this.fBytes.buffer);
  /** The same words signed, as the F/D operations (machine/fpu/) read and write them. */
  readonly fInts = new Int32Array(this.fBytes.buffer);
  /** f0..f31's low words as binary32: fSingles[2i] is the single NaN-boxed in f[i]. */
  readonly fSingles = new Float32Array(this.fBytes.buffer);
  /** fcsr: frm (bits 7:5) and fflags (bits 4:0). */
  fcsr = 0;
  /**
   * The program has touched the FP state (mstatus.FS "dirty", folded to one flag): set by the instructions
   * that write f registers or fcsr, cleared by exec. Not architectural state a program can read.
   */
  fpUsed = false;

  get ra(): number { return this.x[RA]; }
  set ra(v: number) { this.x[RA] = v; }
  get sp(): number { return this.x[SP]; }
  set sp(v: number) { this.x[SP] = v; }
  /** a0: first argument and the system call's result. */
  get a0(): number { return this.x[A0]; }
  set a0(v: number) { this.x[A0] = v; }
  get a1(): number { return this.x[A0 + 1]; }
  set a1(v: number) { this.x[A0 + 1] = v; }
  get a2(): number { return this.x[A0 + 2]; }
  set a2(v: number) { this.x[A0 + 2] = v; }
  get a3(): number { return this.x[A0 + 3]; }
  set a3(v: number) { this.x[A0 + 3] = v; }
  get a4(): number { return this.x[A0 + 4]; }
  set a4(v: number) { this.x[A0 + 4] = v; }
  get a5(): number { return this.x[A0 + 5]; }
  set a5(v: number) { this.x[A0 + 5] = v; }
  get a6(): number { return this.x[A0 + 6]; }
  set a6(v: number) { this.x[A0 + 6] = v; }
  /** a7: the system call number. */
  get a7(): number { return this.x[A0 + 7]; }
  set a7(v: number) { this.x[A0 + 7] = v; }

  /** Argument register a`i` (0..7), as a signed 32-bit value. */
  arg(i: number): number {
    return this.x[A0 + i];
  }

  /** Makes this hart state an exact copy of `from` (every register bit, fcsr and the FP-used flag). */
  copyFrom(from: Hart): void {
    this.x.set(from.x);
    this.pc = from.pc;
    this.fBytes.set(from.fBytes);
    this.fcsr = from.fcsr;
    this.fpUsed = from.fpUsed;
  }

  /** Resets everything to zero, as a new program starts (exec). */
  clear(): void {
    this.x.fill(0);
    this.pc = 0;
    this.fBytes.fill(0);
    this.fcsr = 0;
    this.fpUsed = false;
  }
}
