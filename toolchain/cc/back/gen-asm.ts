// Code for an extended asm statement (front/asm.ts). The operands are evaluated first (values, and the
// addresses of outputs and memory operands), then every live temporary is spilled, each register operand
// gets its own register (never a clobbered one, never a variable's), the inputs are loaded into them, the
// template is emitted with the operands substituted, and the outputs are stored with t6 as the only scratch
// register (memory destinations first, register variables last), so that storing one output can never
// overwrite another still in its register; an output whose address needs more is parked in a frame slot.
// Clobbered callee-saved registers are saved around the statement. Like basic asm, the statement counts
// as a call (caller-saved registers hold no variable across it, ra is saved), which also makes it a
// compiler barrier: no variable that memory could alias is kept in a register across it.
import type { Node } from '../front/ast.js';
import type { AsmOperand, AsmStatement } from '../front/asm.js';
import { CompileError } from '../diagnostics.js';
import { genExpr } from './gen-expr.js';
import { addrToTemp, genLval, loadVal, normalizeInto, releaseAddr, storeVal } from './gen-lval.js';
import { Addr, FnGen, Temp, fits12, storeInsn } from './gen-state.js';
import type { Type } from '../front/types.js';

/** One operand, evaluated: the temp to load into its register, or its memory address. */
interface Placed {
  op: AsmOperand;
  /** Register given to the operand ('reg' kind, memory bases). */
  reg: string | null;
  /** Value to load into `reg` before the asm (inputs, `+` outputs, memory bases). */
  value: Temp | null;
  /** Outputs: where the result goes. */
  dest: Addr | null;
  /** Memory operands: the base temp (or s0 for a frame slot) and the offset. */
  memBase: Temp | null;
  memOff: number;
  text: string;
}

/** Generates extended asm statement `n` (see the file comment). */
export function genExtendedAsm(g: FnGen, n: Node): void {
  const a = n.asm!;
  g.hasCalls = true;
  g.callPos.push(g.curPos);
  g.hasAsm = true;
  const placed = a.operands.map((op) => evaluate(g, op));
  g.spillAll();
  assignRegisters(g, a, placed, n);
  // callee-saved registers the text clobbers: saved around it
  const saved = a.clobbers.filter((r) => /^s([1-9]|1[01])$/.test(r)).map((r) => ({ r, slot: g.allocSlot(4, 4) }));
  for (const s of saved) g.storeWord(s.r, 's0', s.slot);
  for (const pl of placed) if (pl.value && pl.reg) loadInto(g, pl.reg, pl.value);
  emitTemplate(g, a, placed);
  for (const s of saved) g.loadWord(s.r, 's0', s.slot);
  // memory destinations first: a register variable written by the asm may be the base of another one
  const parked: { pl: Placed; slot: number }[] = [];
  for (const pl of placed) {
    if (!pl.op.isOutput || pl.op.kind !== 'reg' || pl.dest!.kind === 'regvar') continue;
    if (storeOutput(g, pl.reg!, pl.dest!, pl.op.expr.ty!)) continue;
    const slot = g.allocSlot(4, 4);
    g.storeWord(pl.reg!, 's0', slot);
    parked.push({ pl, slot });
  }
  for (const pl of placed) {
    if (pl.op.isOutput && pl.op.kind === 'reg' && pl.dest!.kind === 'regvar') storeOutput(g, pl.reg!, pl.dest!, pl.op.expr.ty!);
  }
  for (const pl of placed) {
    if (pl.value) g.release(pl.value);
    if (pl.memBase) g.release(pl.memBase);
  }
  for (const { pl, slot } of parked) {
    const t = g.alloc();
    g.loadWord(t.reg!, 's0', slot);
    storeVal(g, pl.dest!, { lo: t, hi: null }, pl.op.expr.ty!);
    g.release(t);
  }
  for (const pl of placed) if (pl.dest) releaseAddr(g, pl.dest);
}

/**
 * Stores output register `r` into `dest` without taking a register (t6 is the only scratch), narrowing a
 * char or short for a register variable. False when the address needs more (a far offset from a pointer).
 */
function storeOutput(g: FnGen, r: string, dest: Addr, t: Type): boolean {
  const op = storeInsn(t);
  switch (dest.kind) {
    case 'regvar':
      normalizeInto(g, dest.obj.reg!, r, t);
      return true;
    case 'frame':
      g.storeOp(op, r, 's0', dest.off);
      return true;
    case 'global': {
      const sym = dest.off === 0 ? dest.sym : `${dest.sym}${dest.off > 0 ? '+' : ''}${dest.off}`;
      g.insn(`\tlui t6, %hi(${sym})`);
      g.insn(`\t${op} ${r}, %lo(${sym})(t6)`);
      return true;
    }
    case 'reg': {
      if (!fits12(dest.off)) return false;
      let base = dest.base.reg;
      if (base === null) {
        g.loadWord('t6', 's0', dest.base.slot);
        base = 't6';
      }
      g.insn(`\t${op} ${r}, ${dest.off}(${base})`);
      return true;
    }
  }
}

/** Evaluates operand `op`: values for inputs, lvalue addresses for outputs and memory operands. */
function evaluate(g: FnGen, op: AsmOperand): Placed {
  const pl: Placed = { op, reg: null, value: null, dest: null, memBase: null, memOff: 0, text: '' };
  switch (op.kind) {
    case 'imm':
      pl.text = op.symbol === null ? String(op.value) : op.value === 0n ? op.symbol : `${op.symbol}${op.value > 0n ? '+' : ''}${op.value}`;
      return pl;
    case 'mem':
    case 'addr': {
      const addr = genLval(g, op.expr);
      if (addr.kind === 'frame' && fits12(addr.off) && op.kind === 'mem') {
        pl.memOff = addr.off;
        pl.text = `${addr.off}(s0)`;
        g.usesS0 = true;
        return pl;
      }
      if (addr.kind === 'reg' && fits12(addr.off) && (op.kind === 'mem' || addr.off === 0)) {
        pl.memBase = addr.base.owned ? addr.base : g.owned(addr.base);
        pl.memOff = addr.off;
        return pl;
      }
      if (addr.kind === 'regvar') throw new CompileError('internal compiler error: memory asm operand in a register', op.tok);
      pl.memBase = addrToTemp(g, addr);
      return pl;
    }
    case 'reg':
      if (op.isOutput) {
        pl.dest = genLval(g, op.expr);
        if (op.isInout) pl.value = g.owned(loadVal(g, pl.dest, op.expr.ty!).lo);
      } else {
        pl.value = genExpr(g, op.expr).lo;
      }
      return pl;
  }
}

/**
 * Gives every register operand its own register: a `register ... asm("r")` variable's named one, else
 * the first free one of the temporaries' pool (then a0, a1), skipping clobbers. A matching input shares
 * its output's register and is loaded into it.
 */
function assignRegisters(g: FnGen, a: AsmStatement, placed: Placed[], n: Node): void {
  const taken = new Set<string>(a.clobbers);
  const wanted = (pl: Placed): string | undefined => {
    const e = pl.op.expr;
    return pl.op.kind === 'reg' && e.kind === 'var' ? e.obj!.asmReg : undefined;
  };
  for (const pl of placed) {
    const r = wanted(pl);
    if (r === undefined) continue;
    if (taken.has(r)) throw new CompileError(`'asm' operand has impossible constraints: register '${r}' is used twice or clobbered`, pl.op.tok);
    pl.reg = r;
    taken.add(r);
  }
  const candidates = [...g.pool, 'a0', 'a1'];
  const pick = (pl: Placed): string => {
    const r = candidates.find((c) => !taken.has(c));
    if (r === undefined) throw new CompileError("'asm' operand has impossible constraints: more register operands than free registers", pl.op.tok ?? n.tok);
    taken.add(r);
    return r;
  };
  for (const pl of placed) {
    if (pl.reg !== null) continue;
    if (pl.op.matches !== null) continue;
    if (pl.op.kind === 'reg' || pl.memBase) pl.reg = pick(pl);
  }
  for (const pl of placed) {
    if (pl.op.matches === null) continue;
    const out = placed[pl.op.matches];
    if (out.op.kind !== 'reg') throw new CompileError('matching constraint does not allow a register', pl.op.tok);
    pl.reg = out.reg;
  }
  for (const pl of placed) {
    if (pl.memBase) {
      pl.value = pl.memBase;
      pl.memBase = null;
      pl.text = `${pl.memOff}(${pl.reg})`;
    } else if (pl.op.kind === 'reg') pl.text = pl.reg!;
  }
}

/** Loads temp `t` (spilled, a variable's register, or zero) into register `r`. */
function loadInto(g: FnGen, r: string, t: Temp): void {
  if (t.reg !== null) {
    if (t.reg !== r) g.insn(`\tmv ${r}, ${t.reg}`);
  } else g.loadWord(r, 's0', t.slot);
}

/** Emits the template with operands substituted, one line per instruction (marked as inline asm). */
function emitTemplate(g: FnGen, a: AsmStatement, placed: Placed[]): void {
  let text = '';
  let unique = '';
  for (const piece of a.pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    if (piece.modifier === '=') {
      if (unique === '') unique = g.newLabel().replace(/\D/g, '');
      text += unique;
      continue;
    }
    const pl = placed[piece.index];
    if (piece.modifier === 'i') text += pl.op.kind === 'imm' ? 'i' : '';
    else if (piece.modifier === 'z' && pl.op.kind === 'imm' && pl.op.value === 0n && pl.op.symbol === null) text += 'zero';
    else text += pl.text;
  }
  // between #APP and #NO_APP, as gcc marks inline assembly in its output (comments to the assembler)
  const lines = ['#APP', ...text.split(/\n|;/).map((l) => l.trim()).filter((l) => l !== ''), '#NO_APP'];
  for (const l of lines) {
    g.emit(l);
    g.inlineAsm.add(`\t${l}`);
  }
}
