// Sections and fragments. A section's bytes are a sequence of fragments; each fragment has a
// fixed part (bytes stored contiguously in the section buffer) followed by an optional variable
// part whose size is only known after layout: a relaxable branch (4 or 8 bytes) or alignment
// padding. Positions are (fragment, offset into its fixed part); `frag.address` is final after layout.

import { ShFlags, ShType } from '../../abi/elf.js';
import type { Expr } from './expr.js';
import type { Sym } from './symbol.js';

export const enum VarKind {
  NONE = 0,
  /** Conditional branch: `beq` form (4 bytes) or inverted branch + `jal x0` (8 bytes). */
  BRANCH = 1,
  /** Alignment padding up to `alignBytes`, at most `maxSkip` bytes (0 = no limit). */
  ALIGN = 2,
}

export class Frag {
  /** Length of the fixed part; set when the fragment is closed. */
  fixedLen = 0;
  address = 0;
  varKind: VarKind = VarKind.NONE;
  varSize = 0;
  // BRANCH data
  branchMatch = 0;
  rs1 = 0;
  rs2 = 0;
  target: Expr = 0;
  line = 0;
  col = 0;
  // ALIGN data
  alignBytes = 1;
  fill = -1;
  maxSkip = 0;

  constructor(public readonly fixedStart: number) {}
}

/** A relocation to write into `.rela<section>`. */
export interface Reloc {
  offset: number;
  type: number;
  sym: Sym;
  addend: number;
}

export class Section {
  buf: Uint8Array;
  /** Bytes in all fixed parts so far (the buffer's fill level; also used for NOBITS). */
  fixedSize = 0;
  frags: Frag[] = [new Frag(0)];
  align = 1;
  /** Final size after layout. */
  size = 0;
  relocs: Reloc[] = [];
  /** Section symbol, created with the section. */
  sym: Sym | null = null;
  /** Index in the ELF section header table (set by the writer). */
  index = 0;
  /**
   * How many fragments GNU as would have started in this section so far: ours (branches, alignments) plus one
   * after each %hi/%pcrel_hi instruction. CFI steps within one of them are constants (cfi.ts).
   */
  gnuFrags = 0;

  constructor(
    public readonly name: string,
    public type: number,
    public flags: number,
    public entsize: number,
  ) {
    this.buf = new Uint8Array(type === ShType.NOBITS ? 0 : 256);
  }

  get isCode(): boolean {
    return (this.flags & ShFlags.EXECINSTR) !== 0;
  }

  get isNobits(): boolean {
    return this.type === ShType.NOBITS;
  }

  get curFrag(): Frag {
    return this.frags[this.frags.length - 1];
  }

  /** Offset of the next byte within the current fragment's fixed part. */
  get fragOffset(): number {
    return this.fixedSize - this.curFrag.fixedStart;
  }

  /** Makes room for `n` more bytes and returns the buffer position where they go. */
  reserve(n: number): number {
    const at = this.fixedSize;
    const need = at + n;
    if (!this.isNobits && need > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < need) cap *= 2;
      const nb = new Uint8Array(cap);
      nb.set(this.buf.subarray(0, at));
      this.buf = nb;
    }
    this.fixedSize = need;
    return at;
  }

  /** Appends a 32-bit little-endian word. */
  emit32(word: number): void {
    const at = this.reserve(4);
    const b = this.buf;
    b[at] = word;
    b[at + 1] = word >>> 8;
    b[at + 2] = word >>> 16;
    b[at + 3] = word >>> 24;
  }

  /** Closes the current fragment with a variable part and opens a new one; returns the closed one. */
  closeFrag(kind: VarKind): Frag {
    const f = this.curFrag;
    f.fixedLen = this.fixedSize - f.fixedStart;
    f.varKind = kind;
    this.frags.push(new Frag(this.fixedSize));
    this.gnuFrags++;
    return f;
  }

  /** Ends the last fragment (after parsing). */
  finish(): void {
    const f = this.curFrag;
    f.fixedLen = this.fixedSize - f.fixedStart;
  }
}
