// The state of code generation for one region (region.ts): which guest registers the generated function
// keeps in JS locals (r1..r31, loaded on entry, written back at its one exit), and the exits an instruction
// may take. Every instruction of a segment (a run between two labels, whose instructions were all counted
// into `n` at its label) is emitted with its index k in the segment and the segment's length L, so that an
// exit in its middle can give back exactly the instructions that did not retire.

export class Emitter {
  /** Registers read anywhere in the region (loaded into locals on entry). */
  readonly read = new Set<number>();
  /** Registers written anywhere in the region (stored back on exit). */
  readonly written = new Set<number>();
  /** Virtual address of the instruction being emitted (unsigned). */
  pc = 0;
  /** Its index in the current segment, and the segment's length. */
  k = 0;
  segmentLength = 0;

  /** The value of x`r` as a JS expression (x0 reads as the literal 0). */
  reg(r: number): string {
    if (r === 0) return '0';
    this.read.add(r);
    return `r${r}`;
  }

  /** Statement: x`rd` = `expr`, wrapped to a signed 32-bit value; nothing for x0. */
  set(rd: number, expr: string): string {
    if (rd === 0) return '';
    this.written.add(rd);
    this.read.add(rd); // its local must hold the old value if an exit comes before the write
    return `r${rd} = (${expr}) | 0;`;
  }

  /** Statement: copies the locals of `regs` into hart.x before a helper that reads or writes hart.x. */
  flush(...regs: number[]): string {
    return regs.filter((r) => r !== 0).map((r) => `x[${r}] = ${this.reg(r)};`).join(' ');
  }

  /** Statement: reloads x`rd` from hart.x after a helper wrote it (x0 is cleared instead). */
  reload(rd: number): string {
    if (rd === 0) return 'x[0] = 0;';
    this.written.add(rd);
    this.read.add(rd);
    return `r${rd} = x[${rd}];`;
  }

  /** Statement: leave with this instruction not retired (a trap is pending, pc at it). */
  trapExit(): string {
    return `{ pc = ${this.pc}; n -= ${this.segmentLength - this.k}; break out; }`;
  }

  /** Statement: leave after this instruction retired, continuing at the next (code was rewritten). */
  nextExit(): string {
    return `{ pc = ${(this.pc + 4) >>> 0}; n -= ${this.segmentLength - this.k - 1}; break out; }`;
  }

  /** Statement: if the helper call just made left a trap pending, leave precisely (tval of an illegal one). */
  trapCheck(inst: number): string {
    return `if (cpu.pending !== 0) { if (cpu.pending === 3) cpu.tval = ${inst >>> 0}; ${this.trapExit()} }`;
  }

  /** Retired instructions before this one in the slice's region call, as an expression. */
  retiredBefore(): string {
    return `(n - ${this.segmentLength - this.k})`;
  }
}
