// Random RV32F/D programs for the differential test against qemu-riscv32, as GNU assembler source.
// A batch holds many programs, each with its own block of memory:
//   +0     f0..f31 initial bits (fld'ed)          +256  x1..x31 initial values (lw'ed; slot 0 unused)
//   +384   scratch (flw/fsw/fld/fsd, misaligned too) +640  f0..f31 final bits (fsd)
//   +896   x1..x31 final values                      +1024 fcsr at the end
// Each program loads its registers, sets frm and clears fflags, runs random F/D instructions (every
// one of RV32F and RV32D, static and dynamic rounding modes, the CSR pseudo-instructions), and
// stores everything back; tp holds the block's address throughout. The batch ends by writing all
// blocks to stdout (qemu) - Pagoda reads them from RAM instead - and exiting.

import { prng } from '../support.js';
import { DOUBLE_EDGES, SINGLE_EDGES, SINGLE_RANGE_DOUBLES } from './cases.js';

export const BLOCK_BYTES = 1088;
export const F_IN = 0;
export const X_IN = 256;
export const SCRATCH = 384;
export const F_OUT = 640;
export const X_OUT = 896;
export const FCSR_OUT = 1024;

const MODES = ['rne', 'rtz', 'rdn', 'rup', 'rmm', 'dyn'];
/** Integer registers a program may write: all but zero and tp (the block base). */
const X_REGS = [1, 2, 3, ...Array.from({ length: 27 }, (_, i) => i + 5)];
const INT_EDGES = [0, 1, -1, 2, 0x7fffffff, -0x80000000, 0xffffffff | 0, 0x7fffff80, 0x00ffffff, 0x01000001, 123456789, -7];

export interface Batch {
  source: string;
  programs: number;
}

/** A batch of `programs` random programs of `length` F/D instructions each, from `seed`. */
export function randomBatch(seed: number, programs: number, length: number): Batch {
  const rnd = prng(seed);
  const below = (n: number): number => (rnd() >>> 0) % n;
  const pick = <T>(xs: readonly T[]): T => xs[below(xs.length)];
  const f = (): string => `f${below(32)}`;
  const x = (): string => `x${pick(X_REGS)}`;
  const xAny = (): string => `x${below(32)}`;
  const rm = (): string => (below(3) === 0 ? '' : `, ${pick(MODES)}`);
  const hex32 = (v: number): string => `0x${(v >>> 0).toString(16)}`;

  /** The 64-bit initial pattern of an f register: a boxed single, a double, or a badly boxed single. */
  function fValue(): [number, number] {
    const kind = below(10);
    const word = (): number => rnd();
    if (kind < 4) {
      const single = below(3) === 0 ? word() : Number(pick(SINGLE_EDGES)) | 0;
      return [kind === 0 && below(4) === 0 ? word() : -1, single];
    }
    const edges = below(2) === 0 ? DOUBLE_EDGES : SINGLE_RANGE_DOUBLES;
    const bits = below(3) === 0 ? (BigInt(word() >>> 0) << 32n) | BigInt(word() >>> 0) : pick(edges);
    return [Number(bits >> 32n) | 0, Number(bits & 0xffffffffn) | 0];
  }

  /** One random F/D instruction (or a CSR pseudo-instruction) as assembly. */
  function instruction(): string {
    const s = below(2) === 0 ? 's' : 'd';
    switch (below(24)) {
      case 0:
      case 1:
      case 2:
        return `f${pick(['add', 'sub', 'mul', 'div'])}.${s} ${f()}, ${f()}, ${f()}${rm()}`;
      case 3:
        return `fsqrt.${s} ${f()}, ${f()}${rm()}`;
      case 4:
      case 5:
        return `f${pick(['madd', 'msub', 'nmsub', 'nmadd'])}.${s} ${f()}, ${f()}, ${f()}, ${f()}${rm()}`;
      case 6:
        return `f${pick(['min', 'max'])}.${s} ${f()}, ${f()}, ${f()}`;
      case 7:
        return `f${pick(['sgnj', 'sgnjn', 'sgnjx'])}.${s} ${f()}, ${f()}, ${f()}`;
      case 8:
      case 9:
        return `fcvt.${pick(['w', 'wu'])}.${s} ${x()}, ${f()}${rm()}`;
      case 10:
        return s === 's' ? `fcvt.s.${pick(['w', 'wu'])} ${f()}, ${xAny()}${rm()}` : `fcvt.d.${pick(['w', 'wu'])} ${f()}, ${xAny()}`;
      case 11:
        return s === 's' ? `fcvt.s.d ${f()}, ${f()}${rm()}` : `fcvt.d.s ${f()}, ${f()}`;
      case 12:
        return below(2) === 0 ? `fmv.x.w ${x()}, ${f()}` : `fmv.w.x ${f()}, ${xAny()}`;
      case 13:
      case 14:
        return `f${pick(['eq', 'lt', 'le'])}.${s} ${x()}, ${f()}, ${f()}`;
      case 15:
        return `fclass.${s} ${x()}, ${f()}`;
      case 16:
      case 17: {
        const offset = SCRATCH + below(256 - 8);
        return s === 's' ? `flw ${f()}, ${offset}(tp)` : `fld ${f()}, ${offset}(tp)`;
      }
      case 18:
      case 19: {
        const offset = SCRATCH + below(256 - 8);
        return s === 's' ? `fsw ${f()}, ${offset}(tp)` : `fsd ${f()}, ${offset}(tp)`;
      }
      case 20:
        // Only valid dynamic modes: a reserved frm makes every dyn instruction illegal.
        return below(2) === 0 ? `fsrmi ${x()}, ${below(5)}` : `frrm ${x()}`;
      case 21:
        return below(2) === 0 ? `fsflagsi ${x()}, ${below(32)}` : `frflags ${x()}`;
      case 22:
        return below(2) === 0 ? `frcsr ${x()}` : `csrrc ${x()}, fflags, ${xAny()}`;
      default:
        // An integer op now and then, so x values feeding fcvt.s.w and fmv.w.x change.
        return `${pick(['add', 'xor', 'sub'])} ${x()}, ${xAny()}, ${xAny()}`;
    }
  }

  // No linker relaxation: it would address blocks through gp, which the programs overwrite.
  const text: string[] = ['  .option norelax', '  .text', '  .globl _start', '_start:'];
  const data: string[] = ['  .data', '  .balign 64', 'blocks:'];
  for (let p = 0; p < programs; p++) {
    text.push(`  la tp, block${p}`);
    for (let r = 0; r < 32; r++) text.push(`  fld f${r}, ${F_IN + 8 * r}(tp)`);
    for (const r of X_REGS) text.push(`  lw x${r}, ${X_IN + 4 * r}(tp)`);
    text.push(`  csrwi frm, ${below(5)}`, '  csrwi fflags, 0');
    for (let i = 0; i < length; i++) text.push(`  ${instruction()}`);
    for (let r = 0; r < 32; r++) text.push(`  fsd f${r}, ${F_OUT + 8 * r}(tp)`);
    for (const r of X_REGS) text.push(`  sw x${r}, ${X_OUT + 4 * r}(tp)`);
    text.push('  frcsr t0', `  sw t0, ${FCSR_OUT}(tp)`);

    const words: number[] = [];
    for (let r = 0; r < 32; r++) {
      const [hi, lo] = fValue();
      words.push(lo, hi);
    }
    for (let r = 0; r < 32; r++) words.push(below(2) === 0 ? pick(INT_EDGES) : rnd());
    for (let i = 0; i < 64; i++) words.push(rnd()); // scratch
    data.push(`block${p}:`);
    for (let i = 0; i < words.length; i += 8) data.push(`  .word ${words.slice(i, i + 8).map(hex32).join(', ')}`);
    data.push(`  .zero ${BLOCK_BYTES - 4 * words.length}`);
  }
  text.push('  li a0, 1', '  la a1, blocks', `  li a2, ${programs * BLOCK_BYTES}`, '  li a7, 64', '  ecall');
  text.push('  li a0, 0', '  li a7, 93', '  ecall');
  return { source: [...text, ...data, ''].join('\n'), programs };
}
