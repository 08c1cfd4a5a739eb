// One function: -O1 register allocation of locals, frame layout, prologue (incoming arguments homed),
// body, epilogue.
//
// Frame (s0 = the stack pointer at entry, i.e. the CFA):
//   s0+0 ...            incoming stack arguments
//   s0-32 .. s0         a0-a7 saved here by variadic functions (so va_list walks upward into the stack args)
//   below               ra, old s0, saved s1..s11     (the save area, 16-byte aligned)
//   below               locals and spill slots
//   sp .. sp+outgoing   outgoing stack arguments
// At -O1 a function with no stack slots and no s0 reference gets no frame pointer: sp moves once, and only
// ra (when it calls) and the callee-saved registers it uses are saved, at the top of that small frame.
import type { SwitchTable } from './gen-switch.js';
import type { Node, Obj } from '../front/ast.js';
import { analyzeRanges, argRuleBroken, rangeHoldsCall } from './call-ranges.js';
import { classifyArgs } from './gen-call.js';
import { Flow, FunctionCode, insnOf, isDebugLine } from './insn-info.js';
import { copyStruct } from './gen-lval.js';
import { FnGen, POOL, SREGS, fits12, storeInsn } from './gen-state.js';
import { genStmt } from './gen-stmt.js';
import { OUTGOING_PLACEHOLDER } from './gen-expr.js';
import { CompileError } from '../diagnostics.js';
import type { UnitLabels } from './unit-labels.js';
import type { FoldFacts } from '../opt/optimize.js';
import { returnsByRef } from './float-abi.js';
import { Type, alignOf, is64, isFloat, isRecord, sizeOf } from '../front/types.js';
import { CFA_IS_S0, cfaOffsetNote, savedNote } from '../debug/frame-notes.js';
import type { LineMarks } from '../debug/line-marks.js';

function isRegCandidate(v: Obj): boolean {
  const t = v.ty;
  if (v.addrTaken || t.isVolatile || !v.isLocal || v.isStatic) return false;
  if (isRecord(t) || t.kind === 'array' || t.kind === 'func' || is64(t) || t.kind === 'ldouble') return false;
  return (v.uses ?? 0) > 0;
}

/** Callee-saved f registers the -O1 allocator gives to float and double locals. */
const FSREGS = ['fs0', 'fs1', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11'];

function isFReg(r: string): boolean {
  return r.charCodeAt(0) === 102;
}

/**
 * Save-area slots of callee-saved registers below byte `end` (sp-relative): integer registers 4 bytes each
 * going down, then f registers 8 bytes each at 8-byte alignment. Returns [register, offset] pairs.
 */
function saveSlots(regs: string[], end: number): [string, number][] {
  const out: [string, number][] = [];
  let off = end;
  for (const r of regs) if (!isFReg(r)) out.push([r, (off -= 4)]);
  off = Math.floor(off / 8) * 8;
  for (const r of regs) if (isFReg(r)) out.push([r, (off -= 8)]);
  return out;
}

/** Bytes the save slots of `regs` take below an `end` that is 8-byte aligned after `fixed` bytes. */
function saveBytes(regs: string[], fixed: number): number {
  let ints = fixed;
  let fps = 0;
  for (const r of regs) if (isFReg(r)) fps += 8; else ints += 4;
  return Math.ceil(ints / 8) * 8 + fps;
}

/** Caller-saved registers variables may get when never live across a call (the rest of POOL stays for
 * temporaries; a0/a1 are scratch). */
const CALLER_SAVED_VAR_REGS = ['a7', 'a6', 'a5', 'a4', 'a3', 'a2'];

interface Allocation {
  /** Callee-saved registers handed out (saved and restored by prologue/epilogue). */
  sregs: string[];
  /** Caller-saved registers holding variables (never temporaries). */
  varRegs: Set<string>;
}

/**
 * -O1: gives the most used scalar locals (never address-taken) registers. Variables in `callFree` (never
 * live across a call) first get caller-saved registers (a parameter keeps its incoming register; registers
 * still holding other incoming arguments are skipped so homing never overwrites an unread argument);
 * the others, and those left over, get callee-saved ones.
 */
function allocateRegisters(fn: Obj, callFree: (v: Obj) => boolean, incoming: Set<string>, paramRegs: Map<Obj, string>): Allocation {
  const cands = byUsesDescending(fn.locals!.filter(isRegCandidate));
  const sregs: string[] = [];
  const varRegs = new Set<string>();
  const free = CALLER_SAVED_VAR_REGS.filter((r) => !incoming.has(r));
  let nf = 0;
  for (const v of cands) {
    if (isFloat(v.ty)) {
      // float and double variables: callee-saved f registers (they survive calls; temporaries use ft*)
      if (nf < FSREGS.length) {
        v.reg = FSREGS[nf++];
        sregs.push(v.reg);
      }
      continue;
    }
    if (callFree(v)) {
      const own = paramRegs.get(v);
      const r = own && CALLER_SAVED_VAR_REGS.includes(own) ? own : free.find((x) => !varRegs.has(x));
      if (r) {
        v.reg = r;
        varRegs.add(r);
        continue;
      }
    }
    const ns = sregs.length - nf;
    if (ns === SREGS.length) continue;
    v.reg = SREGS[ns];
    sregs.push(v.reg);
  }
  return { sregs, varRegs };
}

/** Stable sort by use count, most used first (insertion sort: the lists are short). */
function byUsesDescending(vs: Obj[]): Obj[] {
  for (let i = 1; i < vs.length; i++) {
    const v = vs[i];
    const u = v.uses ?? 0;
    let j = i - 1;
    for (; j >= 0 && (vs[j].uses ?? 0) < u; j--) vs[j + 1] = vs[j];
    vs[j + 1] = v;
  }
  return vs;
}

/** True when the statement tree contains a call or inline assembly (so the function is not a leaf). */
function mayCall(n: Node | undefined): boolean {
  if (!n) return false;
  const k = n.kind;
  if (k === 'num' || k === 'var' || k === 'str') return false; // leaves: skip the absent-field reads
  if (k === 'call' || k === 'asm') return true;
  if (mayCall(n.lhs) || mayCall(n.rhs) || mayCall(n.cond) || mayCall(n.then) || mayCall(n.els)) return true;
  if (mayCall(n.init) || mayCall(n.inc)) return true;
  if (n.body) for (const k of n.body) if (mayCall(k)) return true;
  if (n.args) for (const k of n.args) if (mayCall(k)) return true;
  return false;
}

/** One function's assembly lines plus the caller-saved registers that hold variables (not temporaries). */
export interface GeneratedFunction {
  lines: string[];
  varRegs: Set<string>;
  /** The lines that came from inline assembly. */
  inlineAsm: ReadonlySet<string>;
  /** Switch jump tables to emit after the function, and the `jr` lines that use them. */
  switchTables: SwitchTable[];
  tableJumps: ReadonlySet<string>;
  /** Set for a frameless function with no stack arguments: its calls may become tail calls (tailCalls). */
  tail?: TailInfo;
  /** The return label (its code only restores registers and returns). */
  retLabel: string;
  /** -O1: parameters that arrived in a0/a1 and were moved to a caller-saved variable register at entry
   * (candidates for keepParamsInArgRegs; none in functions with inline assembly). */
  homes: { reg: string; incoming: string }[];
}

export interface TailInfo {
  retLabel: string;
  /** The prologue (dropped with every restore when only ra was saved and no call is left). */
  prologue: string[];
  /** The epilogue without its final ret. */
  restore: string[];
}

interface Attempt {
  out: GeneratedFunction;
  /** Statement numbers of the calls emitted. */
  callPos: number[];
  /** Variables given caller-saved registers. */
  inCallerSaved: Obj[];
}

const NONE = (): boolean => false;

/**
 * Generates the assembly lines of function `fn` (without the .globl/.type header). At -O1 variables that
 * are never live across a call get caller-saved registers: all of them in a function without calls (a
 * leaf), else those whose range (call-ranges.ts) holds no call. Each choice is checked against the calls
 * code generation really emitted (runtime helpers, memcpy); a variable proven wrong is moved to a
 * callee-saved register and the function generated again. Labels are numbered by the unit's `unit`;
 * `folded` (-O1) says whether the folded body may call, saving a walk of it.
 */
export function genFunction(fn: Obj, opt: number, unit: UnitLabels, folded: FoldFacts | null, marks: LineMarks | null = null): GeneratedFunction {
  if (opt === 0) return generate(fn, opt, unit, NONE, null, marks).out;
  if (!(folded?.mayCall(fn) ?? mayCall(fn.body))) {
    const leaf = generate(fn, opt, unit, () => true, null, marks);
    if (leaf.callPos.length === 0) return leaf.out;
  }
  const ranges = analyzeRanges(fn);
  if (ranges.ok) {
    const demoted = new Set<Obj>();
    const callFree = (v: Obj): boolean => !demoted.has(v) && !rangeHoldsCall(ranges.range.get(v), ranges.calls);
    for (let attempt = 0; attempt < 3; attempt++) {
      const a = generate(fn, opt, unit, callFree, ranges.stmtPos, marks);
      const wrong = a.inCallerSaved.filter((v) => rangeHoldsCall(ranges.range.get(v), a.callPos) ||
        argRuleBroken(ranges.range.get(v), ranges.argStmts, a.callPos));
      if (wrong.length === 0) return a.out;
      for (const v of wrong) demoted.add(v);
    }
  }
  return generate(fn, opt, unit, NONE, null, marks).out;
}

function generate(fn: Obj, opt: number, unit: UnitLabels, callFree: (v: Obj) => boolean, stmtPos: Map<Node, number> | null,
  marks: LineMarks | null): Attempt {
  for (const v of fn.locals!) {
    v.reg = undefined;
    v.offset = undefined;
  }
  const ft = fn.ty;
  const ret = ft.returnType!;
  const sret = returnsByRef(ret);
  const params = fn.params!;
  const types: Type[] = [];
  for (const p of params) types.push(p.ty);
  const { classes, rawStackBytes, nextReg } = classifyArgs(types, params.length, sret ? 1 : 0);
  const incoming = new Set<string>();
  for (let r = 0; r < (ft.variadic ? 8 : nextReg); r++) incoming.add(`a${r}`);
  const paramRegs = new Map<Obj, string>();
  params.forEach((p, i) => {
    const w = classes[i].words;
    if (!classes[i].byRef && !classes[i].regs && w.length === 1 && w[0].reg !== null) paramRegs.set(p, `a${w[0].reg}`);
  });
  const { sregs, varRegs } = opt > 0 ? allocateRegisters(fn, callFree, incoming, paramRegs) : { sregs: [], varRegs: new Set<string>() };
  const vaBytes = ft.variadic ? 32 : 0;
  const saveArea = Math.ceil((vaBytes + saveBytes(sregs, 8)) / 16) * 16;
  const g = new FnGen(fn, opt, saveArea, unit, POOL.filter((r) => !varRegs.has(r)));
  g.stmtPos = stmtPos;
  g.marks = marks;

  // params entirely on the stack stay where the caller put them (unless they get a register)
  params.forEach((p, i) => {
    const c = classes[i];
    if (!p.reg && !c.byRef && !c.regs && c.words.every((w) => w.reg === null)) p.offset = c.words[0].stack!;
  });
  for (const v of fn.locals!) {
    if (v.reg || v.offset !== undefined) continue;
    const size = Math.max(Math.ceil(sizeOf(v.ty) / 4) * 4, isRecord(v.ty) ? 4 : sizeOf(v.ty));
    v.offset = g.allocSlot(Math.max(size, 1), Math.max(alignOf(v.ty), v.align, isRecord(v.ty) ? 4 : 1));
  }
  if (sret) g.retPtrSlot = g.allocSlot(4, 4);
  g.vaStartOffset = nextReg < 8 ? -32 + 4 * nextReg : rawStackBytes;

  // home incoming arguments
  if (ft.variadic) for (let r = 0; r < 8; r++) g.storeWord(`a${r}`, 's0', -32 + 4 * r);
  if (sret) g.storeWord('a0', 's0', g.retPtrSlot);
  const byRefCopies: { p: Obj; slot: number }[] = [];
  params.forEach((p, i) => {
    const c = classes[i];
    if (c.byRef) {
      const slot = g.allocSlot(4, 4);
      const w = c.words[0];
      if (w.reg !== null) g.storeWord(`a${w.reg}`, 's0', slot);
      else {
        g.loadWord('t6', 's0', w.stack!);
        g.storeWord('t6', 's0', slot);
      }
      byRefCopies.push({ p, slot });
      return;
    }
    if (c.regs && p.reg) {
      g.insn(`\tfmv.d ${p.reg}, fa${c.regs[0].reg}`); // a float or double parameter kept in an fs register
      return;
    }
    if (c.regs) {
      // floating convention: each register into its field of the parameter's slot
      for (const r of c.regs) g.storeOp(storeInsn(r.type), r.fp ? `fa${r.reg}` : `a${r.reg}`, 's0', p.offset! + r.offset);
      return;
    }
    homeParam(g, p, c.words);
  });
  for (const { p, slot } of byRefCopies) {
    const src = g.alloc();
    g.loadWord(src.reg!, 's0', slot);
    copyStruct(g, { kind: 'frame', off: p.offset! }, { kind: 'reg', base: src, off: 0 }, p.ty);
  }

  genStmt(g, fn.body!);
  const inCallerSaved = fn.locals!.filter((v) => v.reg !== undefined && varRegs.has(v.reg));
  const homes: { reg: string; incoming: string }[] = [];
  for (const [p, incomingReg] of g.hasAsm ? [] : paramRegs) {
    if (p.reg && varRegs.has(p.reg) && (incomingReg === 'a0' || incomingReg === 'a1')) homes.push({ reg: p.reg, incoming: incomingReg });
  }
  const attempt = (lines: string[], tail: TailInfo | undefined): Attempt =>
    ({ out: { lines, varRegs, inlineAsm: g.inlineAsm, switchTables: g.switchTables, tableJumps: g.tableJumps, tail, retLabel: g.retLabel, homes }, callPos: g.callPos, inCallerSaved });
  if (fn.name === 'main' && ret.kind === 'int') g.insn('\tli a0, 0');
  g.label(g.retLabel);

  const saved = g.hasCalls ? ['ra', ...sregs] : sregs;
  const bare = Math.ceil((g.maxOutgoing + saveBytes(saved, 0)) / 16) * 16;
  const usesS0 = g.usesS0 || (g.hasAsm && g.lines.some((l) => l.includes('s0')));
  if (opt > 0 && !ft.variadic && g.frameBytes === saveArea && bare <= 2032 && !usesS0) {
    const cfi = marks !== null;
    const lines = barePrologue(bare, saved, cfi).concat(g.lines, bareEpilogue(bare, saved));
    const tail = g.maxOutgoing === 0 && !g.hasAsm
      ? { retLabel: g.retLabel, prologue: barePrologue(bare, saved, cfi), restore: bareEpilogue(bare, saved).slice(0, -1) }
      : undefined;
    return attempt(lines, tail);
  }
  if (g.allocaLines.length > 0) fillAllocaOffsets(g);
  const frame = Math.ceil((g.frameBytes + g.maxOutgoing) / 16) * 16;
  const lines = prologue(g, frame, saveArea, vaBytes, sregs).concat(g.lines, epilogue(g, saveArea, vaBytes, sregs));
  return attempt(lines, undefined);
}

/** Points each alloca result past the outgoing-argument area (rounded to 16: the space stays 16-aligned). */
function fillAllocaOffsets(g: FnGen): void {
  const outgoing = Math.ceil(g.maxOutgoing / 16) * 16;
  g.maxOutgoing = outgoing;
  for (const i of g.allocaLines) {
    const line = g.lines[i];
    if (fits12(outgoing)) g.lines[i] = line.replace(OUTGOING_PLACEHOLDER, String(outgoing));
    else throw new CompileError('internal compiler error: outgoing arguments too large for alloca', g.fn.tok);
  }
}

/** Without stack slots or s0 references, no frame pointer: sp moves once and only `saved` are stored. */
function barePrologue(frame: number, saved: string[], cfi: boolean): string[] {
  const out: string[] = [];
  if (frame === 0) return out;
  out.push(`\taddi sp, sp, -${frame}`);
  if (cfi) out.push(cfaOffsetNote(frame));
  for (const [r, off] of saveSlots(saved, frame)) {
    out.push(`\t${isFReg(r) ? 'fsd' : 'sw'} ${r}, ${off}(sp)`);
    if (cfi) out.push(savedNote(r, off, frame));
  }
  return out;
}

function bareEpilogue(frame: number, saved: string[]): string[] {
  // a literal array, not saved.map(): map() of an empty list has another elements kind (see classifyArgs)
  const out: string[] = [];
  for (const [r, off] of saveSlots(saved, frame)) out.push(`\t${isFReg(r) ? 'fld' : 'lw'} ${r}, ${off}(sp)`);
  if (frame > 0) out.push(`\taddi sp, sp, ${frame}`);
  out.push('\tret');
  return out;
}



function homeParam(g: FnGen, p: Obj, words: { reg: number | null; stack: number | null }[]): void {
  const t: Type = p.ty;
  if (p.reg && isFloat(t)) {
    // a float/double that came by the integer convention: its words through a slot into the f register
    const slot = g.allocSlot(8, 8);
    words.forEach((w, k) => {
      if (w.reg !== null) g.storeWord(`a${w.reg}`, 's0', slot + 4 * k);
      else {
        g.loadWord('t6', 's0', w.stack!);
        g.storeWord('t6', 's0', slot + 4 * k);
      }
    });
    g.loadOp(t.kind === 'float' ? 'flw' : 'fld', p.reg, 's0', slot);
    return;
  }
  if (p.reg) {
    const w = words[0];
    if (w.reg !== null) g.insn(`\tmv ${p.reg}, a${w.reg}`);
    else g.loadOp(loadFor(t), p.reg, 's0', w.stack!);
    return;
  }
  if (words.every((w) => w.reg === null)) return; // already in place on the stack
  words.forEach((w, k) => {
    // (a float that ran out of f registers arrives in an integer register: stored as a word)
    const op = words.length === 1 && !isRecord(t) && t.kind !== 'float' ? storeInsn(t) : 'sw';
    if (w.reg !== null) g.storeOp(op, `a${w.reg}`, 's0', p.offset! + 4 * k);
    else {
      g.loadWord('t6', 's0', w.stack!);
      g.storeWord('t6', 's0', p.offset! + 4 * k);
    }
  });
}

function loadFor(t: Type): string {
  const size = t.kind === 'ptr' ? 4 : sizeOf(t);
  if (size === 1) return t.unsigned || t.kind === 'bool' ? 'lbu' : 'lb';
  if (size === 2) return t.unsigned ? 'lhu' : 'lh';
  return 'lw';
}

function prologue(g: FnGen, frame: number, saveArea: number, vaBytes: number, sregs: string[]): string[] {
  const out: string[] = [];
  const e = (s: string): void => {
    out.push('\t' + s);
  };
  // one stack adjustment when the whole frame is addressable with 12-bit offsets, else two
  const whole = frame <= 2032;
  const first = whole ? frame : saveArea;
  const top = first - vaBytes;
  const cfi = g.marks !== null;
  e(`addi sp, sp, -${first}`);
  if (cfi) out.push(cfaOffsetNote(first));
  const save = (r: string, off: number): void => {
    e(`${isFReg(r) ? 'fsd' : 'sw'} ${r}, ${off}(sp)`);
    if (cfi) out.push(savedNote(r, off, first));
  };
  if (g.hasCalls || g.opt === 0) save('ra', top - 4);
  save('s0', top - 8);
  for (const [r, off] of saveSlots(sregs, top - 8)) save(r, off);
  e(`addi s0, sp, ${first}`);
  if (cfi) out.push(CFA_IS_S0);
  const rest = frame - first;
  if (rest > 0) {
    if (fits12(-rest)) e(`addi sp, sp, -${rest}`);
    else {
      e(`li t6, ${rest}`);
      e(`sub sp, sp, t6`);
    }
  }
  return out;
}

function epilogue(g: FnGen, saveArea: number, vaBytes: number, sregs: string[]): string[] {
  const out: string[] = [];
  const e = (s: string): void => {
    out.push('\t' + s);
  };
  const top = saveArea - vaBytes;
  e(`addi sp, s0, -${saveArea}`);
  if (g.hasCalls || g.opt === 0) e(`lw ra, ${top - 4}(sp)`);
  e(`lw s0, ${top - 8}(sp)`);
  for (const [r, off] of saveSlots(sregs, top - 8)) e(`${isFReg(r) ? 'fld' : 'lw'} ${r}, ${off}(sp)`);
  e(`addi sp, sp, ${saveArea}`);
  e('ret');
  return out;
}

/**
 * After the peephole pass, in a frameless function (no stack slot can be pointed to, no stack arguments are
 * passed): a call whose result is returned as it is ("call f" directly before the return label or a jump
 * to it) becomes the epilogue's restores followed by "tail f" (or "jr R" for "jalr R"). Only in functions
 * short enough that the few added lines cannot push a branch out of range. When no call is left and only
 * ra was saved, the frame goes too. Throws an internal CompileError at a mnemonic not in insn-info.ts.
 */
export function tailCalls(lines: string[], info: TailInfo, code: FunctionCode): string[] {
  if (lines.length > 400) return lines;
  const lbl = `${info.retLabel}:`;
  const jmp = `\tj ${info.retLabel}`;
  let any = false;
  // -g directives between the call and the return are looked through (-g must not change the code)
  const after = (i: number): number => {
    let k = i + 1;
    while (k < lines.length && isDebugLine(lines[k])) k++;
    return k;
  };
  for (let i = 0; i + 1 < lines.length && !any; i++) {
    const n = lines[after(i)];
    if ((n === lbl || n === jmp) && (lines[i].startsWith('\tcall ') || lines[i].startsWith('\tjalr '))) any = true;
  }
  if (!any) return lines; // nothing to rewrite: no copy
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const nextAt = after(i);
    const next = lines[nextAt];
    const call = l.startsWith('\tcall ');
    if ((!call && !l.startsWith('\tjalr ')) || (next !== `${info.retLabel}:` && next !== `\tj ${info.retLabel}`)) {
      out.push(l);
      continue;
    }
    const target = l.slice(l.indexOf(' ') + 1);
    if (target.includes(',') || info.restore.some((r) => r.startsWith(`\tlw ${target},`))) {
      out.push(l);
      continue;
    }
    out.push(...info.restore, call ? `\ttail ${target}` : `\tjr ${target}`);
    if (next === `\tj ${info.retLabel}`) i = nextAt;
  }
  const onlyRa = info.restore.length === 2 && info.restore[0].startsWith('\tlw ra,');
  if (onlyRa && !out.some((l) => l.charCodeAt(0) === 9 && callsOut(insnOf(l, code, 'tail calls').flow))) {
    const frameLines = new Set([...info.prologue, ...info.restore]);
    return out.filter((l) => !frameLines.has(l));
  }
  return out;
}

/** True for an instruction that calls and comes back (so ra must stay saved). */
function callsOut(flow: Flow): boolean {
  return flow === Flow.CALL || flow === Flow.CALL_REG;
}
