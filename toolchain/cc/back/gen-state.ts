// Code generator state for one function: the output buffer, the temporary-register stack with spilling,
// frame slots, and load/store helpers. Invariant at every label inside an expression: all live temporaries
// are spilled to their frame slots (callers of split points call spillAll()).
import type { LineMarks } from '../debug/line-marks.js';
import type { SwitchTable } from './gen-switch.js';
import type { Node, Obj } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import type { Token } from '../front/tokenize.js';
import type { UnitLabels } from './unit-labels.js';
import { Type, is64, sizeOf } from '../front/types.js';

/** Registers handed out to expression temporaries (caller-saved). t6, a0 and a1 are scratch. */
export const POOL = ['t0', 't1', 't2', 't3', 't4', 't5', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
/** Callee-saved registers the -O1 allocator gives to local variables (s0 is the frame pointer). */
export const SREGS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11'];

/** Floating-point registers for expression temporaries (caller-saved); ft11, fa0 and fa1 are scratch. */
export const FPOOL = ['ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'ft8', 'ft9', 'ft10'];
/** The floating scratch register (as t6 is for integers). */
export const FSCRATCH = 'ft11';

/** A value in a register or spilled to a frame slot. Borrowed temps name a variable's register. */
export interface Temp {
  reg: string | null;
  /** Frame offset of the spill slot (0 = none). */
  slot: number;
  owned: boolean;
  /** Held in an f register (a float or double value; spilled as 8 bytes with fsd/fld). */
  fp?: boolean;
}

/** An rvalue: one temp, or two for 64-bit values (lo, hi). */
export interface Val {
  lo: Temp;
  hi: Temp | null;
}

/** Where an lvalue lives. */
export type Addr =
  | { kind: 'frame'; off: number }
  | { kind: 'global'; sym: string; off: number }
  | { kind: 'reg'; base: Temp; off: number }
  | { kind: 'regvar'; obj: Obj };

export function fits12(v: number): boolean {
  return v >= -2048 && v <= 2047;
}

export class FnGen {
  readonly lines: string[] = [];
  /** Free registers; pop() hands out t0 first. */
  private free: string[];
  /** Free f registers for floating temporaries. */
  private ffree: string[] = [...FPOOL].reverse();
  private live: Temp[] = [];
  /** Free 8-byte spill slots of f registers. */
  private freeFSlots: number[] = [];
  /** Bytes of the locals+spill area below the register save area (grows). */
  frameBytes: number;
  private freeSlots: number[] = [];
  maxOutgoing = 0;
  /** Set when the body calls anything (ra must then be saved). */
  hasCalls = false;
  /** Statement numbers (call-ranges.ts) of the statement being generated and of every call emitted. */
  stmtPos: Map<Node, number> | null = null;
  curPos = 0;
  readonly callPos: number[] = [];
  /** Set by inline assembly (whose text may do anything, even use ra). */
  hasAsm = false;
  /** The lines emitted from inline assembly (the post-passes let only these name unknown instructions). */
  readonly inlineAsm = new Set<string>();
  /** Switch jump tables (gen-switch.ts), emitted in .rodata after the function. */
  readonly switchTables: SwitchTable[] = [];
  /** The `jr` lines that dispatch through a switch table (jumps to case labels, not out of the function). */
  readonly tableJumps = new Set<string>();
  /** Indices in `lines` of the alloca results waiting for the outgoing-area size (gen-expr.ts genAlloca). */
  readonly allocaLines: number[] = [];
  /** Set when an emitted instruction addresses through s0 (the frame pointer is then needed). */
  usesS0 = false;
  /** -g: where each statement's code starts goes out as a `.loc` line (cc/debug/line-marks.ts); null without -g. */
  marks: LineMarks | null = null;
  readonly usedSregs = new Set<string>();
  readonly retLabel: string;
  /** Frame offset of the saved hidden struct-return pointer. */
  retPtrSlot = 0;
  /** Offset (from s0) where the first unnamed variadic argument lives. */
  vaStartOffset = 0;

  constructor(
    readonly fn: Obj,
    readonly opt: number,
    /** Bytes reserved at the top of the frame (varargs area + saved registers). */
    readonly topBytes: number,
    /** The unit's label numbering. */
    readonly unit: UnitLabels,
    /** Registers for expression temporaries (POOL minus the caller-saved registers given to variables). */
    readonly pool: readonly string[] = POOL,
  ) {
    this.free = [...pool].reverse();
    this.frameBytes = topBytes;
    this.retLabel = unit.label();
  }

  newLabel(): string {
    return this.unit.label();
  }

  /** Appends instruction `s` (the tab is added). */
  emit(s: string): void {
    this.lines.push('\t' + s);
  }
  /** Appends an instruction line that already starts with its tab (one string less per line than emit). */
  insn(line: string): void {
    this.lines.push(line);
  }
  label(l: string): void {
    this.lines.push(l + ':');
  }

  /** Reserves a frame slot; returns its (negative) offset from s0. */
  allocSlot(size: number, align: number): number {
    if (size === 4 && align <= 4 && this.freeSlots.length > 0) return this.freeSlots.pop()!;
    const a = Math.max(align, 1);
    this.frameBytes = Math.ceil((this.frameBytes + size) / a) * a;
    return -this.frameBytes;
  }

  // ---- temporaries ----

  /** A fresh owned temp in a register (spilling the oldest live temp if none is free). */
  alloc(): Temp {
    const t: Temp = { reg: this.takeReg(false), slot: 0, owned: true, fp: false };
    this.live.push(t);
    return t;
  }

  /** A fresh owned temp in an f register. */
  allocF(): Temp {
    const t: Temp = { reg: this.takeReg(true), slot: 0, owned: true, fp: true };
    this.live.push(t);
    return t;
  }

  private takeReg(fp: boolean): string {
    const list = fp ? this.ffree : this.free;
    const r = list.pop();
    if (r) return r;
    const victim = this.live.find((t) => t.reg !== null && !!t.fp === fp);
    if (!victim) throw new CompileError('internal compiler error: out of registers', null);
    this.spill(victim);
    return list.pop()!;
  }

  private spill(t: Temp): void {
    if (t.reg === null) return;
    if (t.fp) {
      if (t.slot === 0) t.slot = this.freeFSlots.pop() ?? this.allocSlot(8, 8);
      this.storeOp('fsd', t.reg, 's0', t.slot);
      this.ffree.push(t.reg);
      t.reg = null;
      return;
    }
    if (t.slot === 0) {
      t.slot = this.allocSlot(4, 4);
      this.storeWord(t.reg, 's0', t.slot);
    } else {
      this.storeWord(t.reg, 's0', t.slot);
    }
    this.free.push(t.reg);
    t.reg = null;
  }

  /** Spills every live temp (before calls and before control flow splits inside expressions). */
  spillAll(): void {
    for (const t of this.live) this.spill(t);
  }

  /** Before a call: spills every live temp except `keep`; kept temps held in a-registers are spilled too,
   * so that moving arguments into a0-a7 never overwrites a source. */
  spillAllExcept(keep: Temp[]): void {
    for (const t of this.live) {
      if (t.reg === null) continue;
      if (!keep.includes(t) || t.reg.startsWith('a')) this.spill(t);
    }
  }

  /** Live temps held in registers (used to assert the merge-point invariant). */
  liveInRegs(): number {
    return this.live.filter((t) => t.reg !== null).length;
  }

  /** Returns the register holding `t`, reloading it if spilled. */
  reg(t: Temp): string {
    if (t.reg !== null) return t.reg;
    const r = this.takeReg(!!t.fp);
    if (t.fp) this.loadOp('fld', r, 's0', t.slot);
    else this.loadWord(r, 's0', t.slot);
    t.reg = r;
    return r;
  }

  release(t: Temp | null): void {
    if (!t || !t.owned) return;
    const i = this.live.indexOf(t);
    if (i < 0) return;
    this.live.splice(i, 1);
    if (t.reg !== null) (t.fp ? this.ffree : this.free).push(t.reg);
    if (t.slot !== 0) (t.fp ? this.freeFSlots : this.freeSlots).push(t.slot);
    t.reg = null;
    t.slot = 0;
  }

  releaseVal(v: Val): void {
    this.release(v.lo);
    this.release(v.hi);
  }

  /** A destination temp for a result computed from `a` (and `b`): reuses an owned operand's register. */
  dest(a: Temp, b?: Temp | null): Temp {
    if (a.owned && a.reg !== null && a !== b) {
      if (b) this.release(b);
      this.clobber(a);
      return a;
    }
    if (b && b.owned && b.reg !== null) {
      this.release(a);
      this.clobber(b);
      return b;
    }
    this.release(a);
    if (b) this.release(b);
    return a.fp ? this.allocF() : this.alloc();
  }

  /** The temp's register is about to be overwritten: its spill slot no longer holds its value. */
  clobber(t: Temp): void {
    if (t.slot !== 0) {
      (t.fp ? this.freeFSlots : this.freeSlots).push(t.slot);
      t.slot = 0;
    }
  }

  /** An owned copy of `t` (borrowed values must be copied before being modified). */
  owned(t: Temp): Temp {
    if (t.owned) return t;
    if (t.fp) {
      const f = this.allocF();
      this.insn(`\tfmv.d ${f.reg}, ${t.reg}`);
      return f;
    }
    const d = this.alloc();
    this.insn(`\tmv ${d.reg}, ${t.reg}`);
    return d;
  }

  /** A temp holding the constant v. */
  imm(v: number): Temp {
    const d = this.alloc();
    this.insn(`\tli ${d.reg}, ${v | 0}`);
    return d;
  }

  /** Checks that no temp leaked at the end of a statement. */
  checkBalanced(tok: Token | null): void {
    if (this.live.length !== 0) {
      const n = this.live.length;
      this.live = [];
      this.free = [...this.pool].reverse();
      this.ffree = [...FPOOL].reverse();
      throw new CompileError(`internal compiler error: ${n} temporaries live after statement`, tok);
    }
  }

  // ---- memory ----

  loadWord(rd: string, base: string, off: number): void {
    this.loadOp('lw', rd, base, off);
  }
  storeWord(rs: string, base: string, off: number): void {
    this.storeOp('sw', rs, base, off);
  }

  loadOp(op: string, rd: string, base: string, off: number): void {
    if (base === 's0') this.usesS0 = true;
    if (fits12(off)) this.insn(`\t${op} ${rd}, ${off}(${base})`);
    else if (rd.charCodeAt(0) === 102) {
      // an f destination cannot hold the address
      this.insn(`\tli t6, ${off}`);
      this.insn(`\tadd t6, t6, ${base}`);
      this.insn(`\t${op} ${rd}, 0(t6)`);
    } else {
      const tmp = rd === base ? 't6' : rd; // rd may be the base it replaces
      this.insn(`\tli ${tmp}, ${off}`);
      this.insn(`\tadd ${tmp}, ${tmp}, ${base}`);
      this.insn(`\t${op} ${rd}, 0(${tmp})`);
    }
  }
  storeOp(op: string, rs: string, base: string, off: number): void {
    if (base === 's0') this.usesS0 = true;
    if (fits12(off)) this.insn(`\t${op} ${rs}, ${off}(${base})`);
    else {
      this.insn(`\tli t6, ${off}`);
      this.insn(`\tadd t6, t6, ${base}`);
      this.insn(`\t${op} ${rs}, 0(t6)`);
    }
  }
  /** rd = base + off */
  addImm(rd: string, base: string, off: number): void {
    if (base === 's0') this.usesS0 = true;
    if (off === 0) {
      if (rd !== base) this.insn(`\tmv ${rd}, ${base}`);
    } else if (fits12(off)) this.insn(`\taddi ${rd}, ${base}, ${off}`);
    else {
      this.insn(`\tli ${rd === base ? 't6' : rd}, ${off}`);
      this.insn(`\tadd ${rd}, ${rd === base ? 't6' : rd}, ${base}`);
    }
  }
}

/** Load instruction for a scalar of type t (canonical: narrow values are sign/zero-extended). */
export function loadInsn(t: Type): string {
  if (t.kind === 'float') return 'flw';
  if (t.kind === 'double') return 'fld';
  const size = t.kind === 'ptr' ? 4 : sizeOf(t);
  if (size === 1) return t.unsigned || t.kind === 'bool' ? 'lbu' : 'lb';
  if (size === 2) return t.unsigned ? 'lhu' : 'lh';
  return 'lw';
}

export function storeInsn(t: Type): string {
  if (t.kind === 'float') return 'fsw';
  if (t.kind === 'double') return 'fsd';
  const size = t.kind === 'ptr' ? 4 : sizeOf(t);
  if (size === 1) return 'sb';
  if (size === 2) return 'sh';
  return 'sw';
}

export { is64 };
