// Statement code generation: control flow with fused compare-and-branch, rotated loops, switch dispatch.
import { genExtendedAsm } from './gen-asm.js';
import type { Node } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import { genBranch, genDiscard, genExpr } from './gen-expr.js';
import { copyStruct, genLval } from './gen-lval.js';
import { returnRegs, returnsByRef } from './float-abi.js';
import { FnGen, loadInsn } from './gen-state.js';
import { genSwitch } from './gen-switch.js';
import { alignOf, is64, isRecord, sizeOf } from '../front/types.js';

/** Generates one statement. `nested` is set inside statement expressions (live temps may exist). */
export function genStmt(g: FnGen, n: Node, nested = false): void {
  if (g.stmtPos) g.curPos = g.stmtPos.get(n) ?? g.curPos;
  if (g.marks !== null && n.kind !== 'block' && n.tok) g.lines.push(g.marks.loc(n.tok));
  switch (n.kind) {
    case 'block':
      for (const s of n.body!) genStmt(g, s, nested);
      return;
    case 'expr_stmt':
      genDiscard(g, n.lhs!);
      if (!nested) g.checkBalanced(n.tok);
      return;
    case 'return':
      return genReturn(g, n, nested);
    case 'if': {
      const els = g.newLabel();
      genBranch(g, n.cond!, els, false);
      genStmt(g, n.then!, nested);
      if (n.els) {
        const end = g.newLabel();
        g.insn(`\tj ${end}`);
        g.label(els);
        genStmt(g, n.els, nested);
        g.label(end);
      } else g.label(els);
      return;
    }
    case 'for': {
      if (n.init) genStmt(g, n.init, nested);
      const body = g.newLabel();
      const cond = g.newLabel();
      if (n.cond) g.insn(`\tj ${cond}`);
      g.label(body);
      genStmt(g, n.then!, nested);
      g.label(n.continueLabel!);
      if (n.inc) {
        genDiscard(g, n.inc);
        if (!nested) g.checkBalanced(n.tok);
      }
      if (n.cond) {
        g.label(cond);
        genBranch(g, n.cond, body, true);
      } else g.insn(`\tj ${body}`);
      g.label(n.breakLabel!);
      return;
    }
    case 'do': {
      const body = g.newLabel();
      g.label(body);
      genStmt(g, n.then!, nested);
      g.label(n.continueLabel!);
      genBranch(g, n.cond!, body, true);
      g.label(n.breakLabel!);
      return;
    }
    case 'switch':
      return genSwitch(g, n, nested);
    case 'case':
      g.label(n.label!);
      genStmt(g, n.lhs!, nested);
      return;
    case 'goto':
      g.insn(`\tj ${n.uniqueLabel}`);
      return;
    case 'goto_expr': {
      const v = genExpr(g, n.lhs!);
      const r = g.reg(v.lo);
      g.releaseVal(v);
      if (!nested) g.checkBalanced(n.tok);
      g.hasAsm = true;
      g.insn(`\tjr ${r}`);
      return;
    }
    case 'label':
      g.label(n.uniqueLabel!);
      genStmt(g, n.lhs!, nested);
      return;
    case 'asm':
      if (n.asm) return genExtendedAsm(g, n);
      g.hasCalls = true; // the text may call: keep ra saved
      g.callPos.push(g.curPos);
      g.hasAsm = true;
      for (const line of n.asmText!.split(/\n|;/)) {
        if (!line.trim()) continue;
        g.emit(line.trim());
        g.inlineAsm.add(`\t${line.trim()}`);
      }
      return;
  }
  throw new CompileError(`internal compiler error: cannot generate statement '${n.kind}'`, n.tok);
}

function genReturn(g: FnGen, n: Node, nested: boolean): void {
  const e = n.lhs;
  if (e) {
    const rt = g.fn.ty.returnType!;
    const flat = isRecord(rt) ? returnRegs(rt) : null;
    if (rt.kind === 'void') genDiscard(g, e);
    else if (rt.kind === 'float' || rt.kind === 'double') {
      const v = genExpr(g, e);
      g.insn(`\tfmv.d fa0, ${g.reg(v.lo)}`);
      g.releaseVal(v);
    } else if (flat) {
      // floating convention: the fields into fa0/fa1 (and a0)
      const v = genExpr(g, e);
      const r = g.reg(v.lo);
      for (const x of flat) g.loadOp(loadInsn(x.type), x.fp ? `fa${x.reg}` : `a${x.reg}`, r, x.offset);
      g.releaseVal(v);
    } else if (isRecord(rt) || rt.kind === 'ldouble') {
      if (returnsByRef(rt)) {
        const src = genLval(g, e);
        const p = g.alloc();
        g.loadWord(p.reg!, 's0', g.retPtrSlot);
        copyStruct(g, { kind: 'reg', base: p, off: 0 }, src, rt);
        g.loadWord('a0', 's0', g.retPtrSlot);
      } else {
        const v = genExpr(g, e);
        const r = g.reg(v.lo);
        if (alignOf(rt) >= 4) {
          if (sizeOf(rt) > 4) g.insn(`\tlw a1, 4(${r})`);
          g.insn(`\tlw a0, 0(${r})`);
        } else {
          // byte-aligned struct: assemble the words without misaligned loads
          g.insn('\tli a0, 0');
          g.insn('\tli a1, 0');
          for (let i = 0; i < sizeOf(rt); i++) {
            const dst = i < 4 ? 'a0' : 'a1';
            g.insn(`\tlbu t6, ${i}(${r})`);
            if (i % 4) g.insn(`\tslli t6, t6, ${8 * (i % 4)}`);
            g.insn(`\tor ${dst}, ${dst}, t6`);
          }
        }
        g.releaseVal(v);
      }
    } else {
      const v = genExpr(g, e);
      if (is64(rt)) {
        const hi = g.reg(v.hi!);
        const lo = g.reg(v.lo);
        g.insn(`\tmv a1, ${hi}`);
        g.insn(`\tmv a0, ${lo}`);
      } else g.insn(`\tmv a0, ${g.reg(v.lo)}`);
      g.releaseVal(v);
    }
  }
  if (!nested) g.checkBalanced(n.tok);
  g.insn(`\tj ${g.retLabel}`);
}
