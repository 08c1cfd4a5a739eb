// A tiny in-memory program builder over abi/isa-table.ts, for benchmark workloads and machine tests
// (which must not depend on the assembler). Operands follow the order of the assembly text,
// with memory operands flattened: loads `lw rd, rs1, imm`, stores `sw rs2, rs1, imm`,
// AMOs `amoadd.w rd, rs2, rs1`, lr.w `rd, rs1`, CSRs `csrrs rd, csr, rs1`.

import { instrByName } from '../abi/isa-table.js';
import { encB, encI, encJ, encR, encS, encU } from '../abi/riscv.js';

type Operand = number | string;

export class Program {
  readonly words: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: { at: number; name: string; label: string; ops: number[] }[] = [];

  constructor(readonly base = 0x10000) {}

  /** Address of the next instruction. */
  get here(): number {
    return this.base + this.words.length * 4;
  }

  label(name: string): this {
    this.labels.set(name, this.here);
    return this;
  }

  /** Appends one instruction; a string operand in a branch or jal is a label. */
  emit(name: string, ...ops: Operand[]): this {
    const target = ops.find((o) => typeof o === 'string');
    if (typeof target === 'string') {
      this.fixups.push({ at: this.words.length, name, label: target, ops: ops.filter((o): o is number => typeof o === 'number') });
      this.words.push(0);
    } else {
      this.words.push(encode(name, ops as number[]));
    }
    return this;
  }

  /** li rd, value: lui+addi, or addi alone. */
  li(rd: number, value: number): this {
    const v = value | 0;
    if (v >= -2048 && v < 2048) return this.emit('addi', rd, 0, v);
    const hi = (v + 0x800) & 0xfffff000;
    this.emit('lui', rd, hi);
    return (v - hi) !== 0 ? this.emit('addi', rd, rd, (v - hi) | 0) : this;
  }

  word(w: number): this {
    this.words.push(w >>> 0);
    return this;
  }

  /** The program as little-endian bytes, labels resolved. */
  bytes(): Uint8Array {
    for (const f of this.fixups) {
      const to = this.labels.get(f.label);
      if (to === undefined) throw new Error(`Program: undefined label ${f.label}`);
      const offset = to - (this.base + f.at * 4);
      this.words[f.at] = encode(f.name, [...f.ops, offset]);
    }
    const out = new Uint8Array(this.words.length * 4);
    const view = new DataView(out.buffer);
    this.words.forEach((w, i) => view.setUint32(i * 4, w >>> 0, true));
    return out;
  }
}

/** Encodes one instruction from the table; throws on an unknown name (a bug in the caller). */
export function encode(name: string, ops: number[]): number {
  const spec = instrByName(name);
  if (!spec) throw new Error(`encode: unknown instruction ${name}`);
  const m = spec.match;
  const [a = 0, b = 0, c = 0] = ops;
  checkRange(name, spec.format, ops);
  switch (spec.format) {
    case 'R': return encR(m, a, b, c);
    case 'I': return encI(m, a, b, c);
    case 'SHIFT': return encI(m, a, b, c & 31);
    case 'S': return encS(m, b, a, c);
    case 'B': return encB(m, a, b, c);
    case 'U': return encU(m, a, b);
    case 'J': return encJ(m, a, b);
    case 'CSR': case 'CSRI': return encI(m, a, c, b);
    case 'AMO': return encR(m, a, c, b);
    case 'LR': return encR(m, a, b, 0);
    case 'FENCE': return (m | 0x0ff00000) >>> 0;
    case 'NONE': return m;
    case 'R4': return (encR(m, a, b, c) | ((ops[3] ?? 0) << 27)) >>> 0;
  }
}

const RANGES: Partial<Record<string, [index: number, min: number, max: number, align: number]>> = {
  I: [2, -2048, 2047, 1],
  S: [2, -2048, 2047, 1],
  SHIFT: [2, 0, 31, 1],
  B: [2, -4096, 4094, 2],
  J: [1, -(1 << 20), (1 << 20) - 2, 2],
};

/** Throws when an immediate would not fit its field (the encoders would silently wrap it). */
function checkRange(name: string, format: string, ops: number[]): void {
  const range = RANGES[format];
  if (!range) return;
  const [index, min, max, align] = range;
  const v = ops[index] ?? 0;
  if (v < min || v > max || v % align !== 0) {
    throw new RangeError(`encode: ${name} immediate ${v} is outside ${min}..${max}${align > 1 ? ` or not a multiple of ${align}` : ''}`);
  }
}
