// Seeded random RV32IMA programs as GNU assembly text, for the differential test that assembles and links them
// with our own tools and runs them under qemu-riscv32 and on Pagoda.
//
// One executable holds several programs, run one after another. Each program is independent of those before it:
// it seeds every register (edge values and random values, through `li`) and fills its scratch buffer from its
// own seed, then runs random instructions: every R-type ALU and M op, every I-type ALU op and shift, lui/auipc,
// loads and stores of every width at aligned offsets into the scratch buffer (base register tp, which the
// random part never writes), forward branches of every kind, counted backward loops, jal to a forward label
// and `li` of edge constants. Finally it stores x1..x31 below the scratch buffer and a shared routine prints
// the program's index, the registers and the scratch words as hex text, one word per line (`write`, a7=64).
// The last program is followed by exit(0).

const R_OPS = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
  'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];
const I_OPS = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'];
const SHIFTS = ['slli', 'srli', 'srai'];
const BRANCHES = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'];
const LOADS: readonly [string, number][] = [['lb', 1], ['lbu', 1], ['lh', 2], ['lhu', 2], ['lw', 4]];
const STORES: readonly [string, number][] = [['sb', 1], ['sh', 2], ['sw', 4]];
const EDGES: readonly number[] = [0, 1, -1, 0x7fffffff, 0x80000000 | 0, 2, -2, 0x7ff, 0x800, -2048, 0xfff,
  0x12345678, 0xffff, 0x8000, 0x80, 0xff, 31, 32];

/** Words printed per program: its index, x1..x31, then the scratch buffer. */
export const SCRATCH_BYTES = 256;
export const WORDS_PER_PROGRAM = 1 + 31 + SCRATCH_BYTES / 4;
const TP = 4;

/** Register names used in the dump lines of a failure report (word i of a program block). */
export function wordName(i: number): string {
  if (i === 0) return 'index';
  if (i < 32) return `x${i}`;
  return `scratch+${(i - 32) * 4}`;
}

/** A small deterministic PRNG (mulberry32) returning signed 32-bit values. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) | 0;
  };
}

class ProgramWriter {
  readonly lines: string[] = [];
  private labels = 0;
  constructor(private readonly rnd: () => number, private readonly index: number) {}

  below(n: number): number { return (this.rnd() >>> 0) % n; }
  pick<T>(xs: readonly T[]): T { return xs[this.below(xs.length)]!; }
  value(): number { return this.below(2) ? this.pick(EDGES) : this.rnd(); }
  label(): string { return `p${this.index}_l${this.labels++}`; }
  emit(line: string): void { this.lines.push('  ' + line); }
  /** A source register: any of x0..x31. */
  src(): string { return `x${this.below(32)}`; }
  /** A destination register: any but tp and the `reserved` ones (x0 allowed: writes are discarded). */
  dst(reserved: readonly number[] = []): string {
    for (;;) {
      const r = this.below(32);
      if (r !== TP && !reserved.includes(r)) return `x${r}`;
    }
  }

  /** One straight-line instruction (no control flow) that writes none of `reserved`. */
  straight(reserved: readonly number[] = []): void {
    const k = this.below(100);
    const d = this.dst(reserved);
    if (k < 40) this.emit(`${this.pick(R_OPS)} ${d}, ${this.src()}, ${this.src()}`);
    else if (k < 55) this.emit(`${this.pick(I_OPS)} ${d}, ${this.src()}, ${this.below(4096) - 2048}`);
    else if (k < 63) this.emit(`${this.pick(SHIFTS)} ${d}, ${this.src()}, ${this.below(32)}`);
    else if (k < 69) this.emit(`${this.pick(['lui', 'auipc'])} ${d}, ${this.below(1 << 20)}`);
    else if (k < 81) {
      const [op, w] = this.pick(LOADS);
      this.emit(`${op} ${d}, ${this.below(SCRATCH_BYTES / w) * w}(tp)`);
    } else if (k < 94) {
      const [op, w] = this.pick(STORES);
      this.emit(`${op} ${this.src()}, ${this.below(SCRATCH_BYTES / w) * w}(tp)`);
    } else this.emit(`li ${d}, ${this.value()}`);
  }

  /** A forward conditional branch over 1..3 straight instructions, to a named or a numeric local label. */
  forwardBranch(): void {
    const op = this.pick(BRANCHES);
    const named = this.below(2) === 0;
    const target = named ? this.label() : '';
    this.emit(`${op} ${this.src()}, ${this.src()}, ${named ? target : '1f'}`);
    for (let n = 1 + this.below(3); n > 0; n--) this.straight();
    this.lines.push(named ? `${target}:` : '1:');
  }

  /** `jal rd, L` over one instruction. */
  jalForward(): void {
    const target = this.label();
    this.emit(`jal ${this.dst()}, ${target}`);
    this.straight();
    this.lines.push(`${target}:`);
  }

  /** A counted loop (1..4 rounds) closed by a backward branch of a random kind; its body is straight code. */
  countedLoop(): void {
    const loopRegister = (other: number): number => {
      for (;;) {
        const r = this.below(31) + 1;
        if (r !== TP && r !== other) return r;
      }
    };
    const c = loopRegister(TP);
    const lim = loopRegister(c);
    const rounds = 1 + this.below(4);
    const top = this.label();
    const body = (): void => { for (let n = 1 + this.below(4); n > 0; n--) this.straight([c, lim]); };
    const kind = this.below(6);
    if (kind < 3) {                             // count up: c = 0 .. rounds-1, stop at lim = rounds
      this.emit(`li x${c}, 0`);
      this.emit(`li x${lim}, ${rounds}`);
      this.lines.push(`${top}:`);
      body();
      this.emit(`addi x${c}, x${c}, 1`);
      this.emit([`blt x${c}, x${lim}`, `bltu x${c}, x${lim}`, `bne x${c}, x${lim}`][kind] + `, ${top}`);
    } else if (kind === 3) {                    // count down to -1 with bge against x0
      this.emit(`li x${c}, ${rounds - 1}`);
      this.lines.push(`${top}:`);
      body();
      this.emit(`addi x${c}, x${c}, -1`);
      this.emit(`bge x${c}, x0, ${top}`);
    } else if (kind === 4) {                    // bgeu lim, c: loop while c <= lim
      this.emit(`li x${c}, 1`);
      this.emit(`li x${lim}, ${rounds}`);
      this.lines.push(`${top}:`);
      body();
      this.emit(`addi x${c}, x${c}, 1`);
      this.emit(`bgeu x${lim}, x${c}, ${top}`);
    } else {                                    // beq leaves the loop forward, j goes back
      const out = this.label();
      this.emit(`li x${c}, ${rounds}`);
      this.lines.push(`${top}:`);
      body();
      this.emit(`addi x${c}, x${c}, -1`);
      this.emit(`beq x${c}, x0, ${out}`);
      this.emit(`j ${top}`);
      this.lines.push(`${out}:`);
    }
  }
}

/** The assembly text of program `index` (a label `prog_<index>` and its code), from `seed`. */
export function randomProgram(index: number, seed: number, count: number): string {
  const rnd = prng(seed);
  const w = new ProgramWriter(rnd, index);
  w.lines.push(`prog_${index}:`);
  // Fill the scratch buffer from the seed with a counted loop (x5 = value, x6 = end), then seed the registers.
  w.emit('la tp, scratch');
  w.emit(`li x5, ${rnd()}`);
  w.emit(`addi x6, tp, ${SCRATCH_BYTES}`);
  w.lines.push(`p${index}_fill:`);
  w.emit('sw x5, 0(tp)');
  w.emit(`xori x5, x5, ${w.below(2048)}`);
  w.emit('slli x7, x5, 7');
  w.emit('add x5, x5, x7');
  w.emit('addi tp, tp, 4');
  w.emit(`bltu tp, x6, p${index}_fill`);
  w.emit('la tp, scratch');
  for (let r = 1; r < 32; r++) if (r !== TP) w.emit(`li x${r}, ${w.value()}`);
  for (let i = 0; i < count; i++) {
    const k = w.below(100);
    if (k < 78) w.straight();
    else if (k < 92) w.forwardBranch();
    else if (k < 96) w.jalForward();
    else w.countedLoop();
  }
  for (let r = 1; r < 32; r++) w.emit(`sw x${r}, ${4 * r - 128}(tp)`);
  w.emit(`li x5, ${index}`);
  w.emit('sw x5, -128(tp)');
  w.emit('call dump');
  return w.lines.join('\n') + '\n';
}

/** The shared part: _start, the hex dump routine, the buffers. `programs` is the text of each program. */
export function executableSource(programs: readonly string[]): string {
  return `  .text
  .globl _start
_start:
${programs.join('')}
  li a0, 0
  li a7, 93
  ecall

# Prints ${WORDS_PER_PROGRAM} words from dumpbuf as 8 hex digits and a newline each.
dump:
  la a0, dumpbuf
  la a1, text
  li a2, ${WORDS_PER_PROGRAM}
  la t5, hexdigits
1:
  lw t0, 0(a0)
  li t1, 8
2:
  srli t2, t0, 28
  add t3, t5, t2
  lbu t3, 0(t3)
  sb t3, 0(a1)
  addi a1, a1, 1
  slli t0, t0, 4
  addi t1, t1, -1
  bnez t1, 2b
  li t3, 10
  sb t3, 0(a1)
  addi a1, a1, 1
  addi a0, a0, 4
  addi a2, a2, -1
  bnez a2, 1b
  la t0, text
  sub a2, a1, t0
  mv a1, t0
  li a0, 1
  li a7, 64
  ecall
  ret

  .section .rodata
hexdigits:
  .ascii "0123456789abcdef"

  .bss
  .p2align 4
dumpbuf:
  .space 128
scratch:
  .space ${SCRATCH_BYTES}
text:
  .space ${WORDS_PER_PROGRAM * 9}
`;
}
