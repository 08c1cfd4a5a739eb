// Small RISC-V programs for the wait-channel tests, assembled in memory (bench/program.ts) so they need no
// toolchain: each one puts processes to sleep on one kind of object and checks what it got back when woken,
// reporting through its exit status. Data layout (the data segment of tinyExecutable, at DATA):
//   FDS     64 pipe fd pairs (int[2] each)
//   BUF     4 KiB of I/O buffer
//   ACT     a struct sigaction (handler, flags, mask[2])
//   REQ     a struct __kernel_timespec (the sleep asked for), REM the time left, STATUS a wait status word

import { Sys } from '../../../abi/syscalls.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';

export const TEXT = 0x10000;
export const DATA = 0x11000;
export const FDS = DATA;
export const BUF = DATA + 512;
export const ACT = BUF + 4096;
export const REQ = ACT + 16;
export const REM = REQ + 16;
export const STATUS = REM + 16;
const DATA_BYTES = STATUS + 4 - DATA;

export const [zero, ra, t0, t1, s0, s1, a0, a1, a2, a3, a4, a7, s2] = [0, 1, 5, 6, 8, 9, 10, 11, 12, 13, 14, 17, 18];
const SIGCHLD = 17;
export const WNOHANG = 1;
export const CLOCK_MONOTONIC = 1;

/** A program under construction, with the system calls these tests use. */
export class Asm extends Program {
  constructor() { super(TEXT); }

  /** ecall `nr` with a0.. set to `args` (immediates; registers already set are left alone when fewer). */
  sys(nr: number, ...args: number[]): this {
    args.forEach((v, i) => this.li(a0 + i, v));
    return this.li(a7, nr).emit('ecall');
  }

  /** pipe2(&FDS[reg]) for the pair index in register `index`. */
  pipeAt(index: number): this {
    this.fdAddress(index).emit('addi', a0, t0, 0).li(a1, 0);
    return this.li(a7, Sys.pipe2).emit('ecall');
  }

  /** rd = FDS[index][end] (end 0: read end, 1: write end). */
  loadFd(rd: number, index: number, end: 0 | 1): this {
    return this.fdAddress(index).emit('lw', rd, t0, end * 4);
  }

  /** fork: a0 = 0 in the child, the child's pid in the parent. */
  fork(): this { return this.sys(Sys.clone, SIGCHLD, 0, 0, 0, 0); }

  /** exit(a0) as it is. */
  exitA0(): this { return this.li(a7, Sys.exit).emit('ecall'); }

  /** The finished executable, with `data` written over the start of its data segment. */
  executable(data: (view: DataView) => void = () => {}): Uint8Array {
    const code = this.bytes();
    if (code.length > 4096) throw new Error('waitprogs: code must fit one page (DATA is fixed)');
    const bytes = new Uint8Array(DATA_BYTES);
    data(new DataView(bytes.buffer));
    return tinyExecutable(code, bytes);
  }

  /** t0 = &FDS[index]. */
  private fdAddress(index: number): this {
    return this.emit('slli', t0, index, 3).li(t1, FDS).emit('add', t0, t1, t0);
  }
}

/** Offset of `va` in the data segment (for the `data` writer of Asm.executable). */
export const at = (va: number): number => va - DATA;
