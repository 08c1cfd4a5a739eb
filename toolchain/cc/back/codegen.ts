// Stage 5: AST -> GNU assembler text for RV32IM, ilp32. Emits the functions that are reachable (every
// external definition, and static/inline ones only when referenced), then data, then string literals.
import type { Obj, Program } from '../front/ast.js';
import { emitGlobal, emitStrings, emitSwitchTables } from './gen-data.js';
import { attributeDirectives, bindingLines, functionSection, keptByAttributes } from './gen-attrs.js';
import { genFunction, tailCalls } from './gen-func.js';
import { jumpsToRet, keepParamsInArgRegs } from './param-regs.js';
import { UnitLabels } from './unit-labels.js';
import type { FoldFacts } from '../opt/optimize.js';
import { peephole } from './peephole.js';
import { debugSections, type EmittedFunction } from '../debug/debug-info.js';
import { escapeString, LineMarks } from '../debug/line-marks.js';

export interface CodegenOptions {
  /** 0: locals in memory; 1: register allocation of locals, strength reduction, folding (done earlier). */
  opt: number;
  fileName: string;
  /** -O1: what constant folding learned (foldProgram); null when the unit was not folded. */
  folded: FoldFacts | null;
  /** -g: write line marks, frame notes and DWARF (cc/debug/); the directory the unit was compiled in. */
  debug?: { compDir: string; producer: string } | null;
}

/** Names of the functions that must be emitted. */
function liveFunctions(prog: Program): Set<string> {
  const byName = new Map<string, Obj>();
  for (const g of prog.globals) if (g.isFunction && g.isDefinition) byName.set(g.name, g);
  const live = new Set<string>();
  const work: string[] = [];
  const mark = (name: string): void => {
    if (!live.has(name) && byName.has(name)) {
      live.add(name);
      work.push(name);
    }
  };
  for (const g of prog.globals) {
    if (g.isFunction && g.isDefinition && !g.isStatic && !(g.isInline && !g.isExtern)) mark(g.name);
    if (!g.isFunction && g.relocs) for (const r of g.relocs) mark(r.label);
    if (g.attrs) {
      if (keptByAttributes(g)) mark(g.name);
      if (g.attrs.alias !== undefined) mark(g.attrs.alias);
    }
  }
  while (work.length) {
    const f = byName.get(work.pop()!)!;
    for (const r of f.refs ?? []) mark(r);
  }
  return live;
}

/** Generates the assembly for a parsed unit. */
export function codegen(prog: Program, opts: CodegenOptions): string {
  const out: string[] = [];
  out.push(`\t.file "${opts.fileName.replace(/["\\]/g, '')}"`);
  out.push('\t.option nopic');
  out.push('\t.text');
  const marks = opts.debug ? new LineMarks(opts.fileName) : null;
  const emitted: EmittedFunction[] = [];
  // -g: the `.file` lines go here once every file a mark names is known
  const fileLinesAt = out.length;
  if (marks) out.push('.Ltext0:', '\t.cfi_sections .debug_frame', '');
  for (const text of prog.toplevelAsm ?? []) out.push(text);
  const unit = new UnitLabels();
  const live = liveFunctions(prog);
  for (const f of prog.globals) {
    if (!f.isFunction || !f.isDefinition || !live.has(f.name)) continue;
    const isPublic = !f.isStatic && !(f.isInline && !f.isExtern);
    const gen = genFunction(f, opts.opt, unit, opts.folded, marks);
    const code = { name: f.name, tok: f.tok, inlineAsm: gen.inlineAsm, varRegs: gen.varRegs, tableJumps: gen.tableJumps };
    const lines = peephole(gen.lines, opts.opt, code, unit);
    let body = gen.tail ? tailCalls(lines, gen.tail, code) : lines;
    if (opts.opt > 0) {
      if (gen.homes.length > 0) {
        const moves = marks ? gen.homes.map((h) => body.includes(`\tmv ${h.reg}, ${h.incoming}`)) : [];
        body = keepParamsInArgRegs(body, gen.homes, gen.retLabel, code);
        // -g: a parameter the pass left in its argument register lives there (its homing move is gone)
        if (marks) gen.homes.forEach((h, k) => {
          if (!moves[k] || body.includes(`\tmv ${h.reg}, ${h.incoming}`)) return;
          for (const v of f.locals ?? []) if (v.reg === h.reg) v.reg = h.incoming;
        });
      }
      body = jumpsToRet(body);
    }
    // the body as one string: joining a few thousand chunks is much cheaper than a quarter million lines
    if (f.attrs) out.push(functionSection(f), '\t.p2align 2', ...bindingLines(f, isPublic));
    else out.push(isPublic ? `\t.text\n\t.p2align 2\n\t.globl ${f.name}` : '\t.text\n\t.p2align 2');
    out.push(`\t.type ${f.name}, @function\n${f.name}:`);
    if (marks) out.push(marks.loc(f.tok), '\t.cfi_startproc');
    out.push(body.join('\n'));
    if (marks) {
      const endLabel = `.Lfe${emitted.length}`;
      out.push('\t.cfi_endproc', `${endLabel}:`);
      emitted.push({ fn: f, endLabel });
    }
    out.push(`\t.size ${f.name}, .-${f.name}`);
    if (gen.switchTables.length > 0) emitSwitchTables(gen.switchTables, out);
  }
  for (const g of prog.globals) emitGlobal(g, out);
  emitStrings(prog.strings, out);
  out.push(...unit.floatPool());
  attributeDirectives(prog, live, out);
  if (marks && opts.debug) {
    const facts = { fileName: opts.fileName, compDir: opts.debug.compDir, producer: opts.debug.producer, textStart: '.Ltext0', textEnd: '.Letext0' };
    out.push('\t.text', '.Letext0:', ...debugSections(prog, emitted, marks, facts));
    out[fileLinesAt + 2] = [`\t.file 0 "${escapeString(opts.debug.compDir)}" "${escapeString(opts.fileName)}"`, ...marks.fileDirectives()].join('\n');
  }
  return out.join('\n') + '\n';
}
