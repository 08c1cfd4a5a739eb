// End of assembly: undefined local labels, `.lcomm` storage, `.comment`, layout, symbol values and
// sizes, fixups and relocations; then the object file if there were no errors.

import { ShFlags, ShType, SymBind } from '../../abi/elf.js';
import { canonicalIsaString } from '../../abi/isa.js';
import type { Assembler } from './assembler.js';
import { defaultFloatAbiFlags } from './attributes.js';
import { debugFrameSection, emitDebugFrame } from './cfi.js';
import { emitAlign } from './directives.js';
import { emitLineProgram } from './dwarf-line.js';
import { AsmError } from './diagnostics.js';
import { evaluate } from './eval.js';
import { branchTargets, layoutSection, type BranchTargets } from './layout.js';
import { writeObject } from './object.js';
import { applyFixup, buildContents } from './resolve.js';
import { VarKind, type Reloc, type Section } from './section.js';
import { SymKind, type Sym } from './symbol.js';

/** Runs every post-parse step; returns the object bytes, or undefined when errors were reported. */
export function finishAssembly(asm: Assembler): Uint8Array | undefined {
  for (const [label, s] of asm.symbols.pendingForward()) {
    asm.error(`undefined local label '${label}f'`, s.refCol, s.refLine);
  }
  allocateLocalCommons(asm);
  writeComment(asm);
  emitLineProgram(asm);
  const frames = debugFrameSection(asm);
  const targets = new Map<Section, BranchTargets>();
  const layout = (sec: Section): void => {
    if (sec.isCode) padEnd(sec);
    const t = branchTargets(sec, (e, f) => asm.error(e.message, e.col, f.line));
    layoutSection(sec, t);
    targets.set(sec, t);
  };
  for (const sec of asm.sections) if (sec !== frames) layout(sec);
  // .debug_frame last: the size of each advance depends on the code's final layout.
  if (frames !== undefined) {
    emitDebugFrame(asm, frames);
    layout(frames);
  }
  resolveSymbols(asm);
  const branchRelocs = new Map<Section, Reloc[]>();
  for (const sec of asm.sections) {
    buildContents(sec, targets.get(sec) as BranchTargets);
    branchRelocs.set(sec, sec.relocs);
    sec.relocs = [];
  }
  for (const fx of asm.fixups) {
    try {
      applyFixup(fx);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      asm.error(e.message, e.col, fx.line);
    }
  }
  for (const sec of asm.sections) sec.relocs = mergeByOffset(branchRelocs.get(sec) as Reloc[], sec.relocs);
  checkUndefinedLocals(asm);
  if (asm.diagnostics.length > 0) return undefined;
  // Tag_RISCV_arch is the final ISA in GNU's canonical spelling, whatever set it (-march, .attribute, .option).
  asm.attributes.set(5, canonicalIsaString(asm.march) ?? asm.march);
  if (asm.csrUsed && !asm.attributes.has(8) && !asm.attributes.has(10)) {
    asm.attributes.set(8, 1); // Tag_RISCV_priv_spec 1.11
    asm.attributes.set(10, 11);
  }
  return writeObject({
    sections: asm.sections, symbols: asm.symbols.all, fileSymbol: asm.fileSymbol, attributes: asm.attributes,
    flags: asm.floatAbi ?? defaultFloatAbiFlags(asm.march),
  });
}

/** Merges two relocation lists that are each in offset order (branches, fixups) into one. */
function mergeByOffset(a: Reloc[], b: Reloc[]): Reloc[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Reloc[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].offset <= b[j].offset ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** `.lcomm` symbols go at the end of `.bss`, as GNU as puts them (its subsection 1). */
function allocateLocalCommons(asm: Assembler): void {
  if (asm.lcomms.length === 0) return;
  const bss = asm.getSection('.bss', ShType.NOBITS, ShFlags.ALLOC | ShFlags.WRITE, 0);
  const saved = asm.cur;
  asm.cur = bss;
  for (const { sym, size, align } of asm.lcomms) {
    emitAlign(asm, align, -1, 0);
    sym.kind = SymKind.LABEL;
    sym.section = bss;
    sym.frag = bss.curFrag;
    sym.offset = bss.fragOffset;
    bss.reserve(size);
    sym.size = size;
  }
  asm.cur = saved;
}

/** GNU as pads the end of a code section to the section's alignment (with nops). */
function padEnd(sec: Section): void {
  if (sec.align <= 1) return;
  const f = sec.curFrag;
  f.alignBytes = sec.align;
  f.fill = -1;
  f.maxSkip = 0;
  sec.closeFrag(VarKind.ALIGN);
}

/** `.ident` strings: a NUL, then each string NUL-terminated, in `.comment`. */
function writeComment(asm: Assembler): void {
  if (asm.idents.length === 0) return;
  const sec = asm.getSection('.comment', ShType.PROGBITS, ShFlags.MERGE | ShFlags.STRINGS, 1);
  const text = '\0' + asm.idents.map((s) => s + '\0').join('');
  const at = sec.reserve(text.length);
  for (let i = 0; i < text.length; i++) sec.buf[at + i] = text.charCodeAt(i) & 0xff;
}

/** Turns deferred assignments into constants or labels and evaluates `.size` expressions. */
function resolveSymbols(asm: Assembler): void {
  for (const s of asm.symbols.all) {
    if (s.kind === SymKind.EXPR) resolveAssigned(asm, s);
  }
  for (const s of asm.symbols.all) {
    if (s.sizeExpr === null) continue;
    try {
      const v = evaluate(s.sizeExpr, true);
      if (v.sym !== null || v.sub !== null) throw new AsmError(`size of '${s.name}' is not a constant`, s.refCol);
      s.size = v.add;
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      asm.error(e.message, e.col, s.sizeLine);
    }
  }
}

function resolveAssigned(asm: Assembler, s: Sym): void {
  try {
    const v = evaluate(s.expr, true);
    if (v.sym === null && v.sub === null) {
      s.kind = SymKind.CONST;
      s.value = v.add;
    } else if (v.sub === null && v.sym !== null && v.sym.kind === SymKind.LABEL) {
      s.kind = SymKind.LABEL;
      s.section = v.sym.section;
      s.frag = v.sym.frag;
      s.offset = v.sym.offset + v.add;
    } else if (v.sub !== null) {
      throw new AsmError(`the value of '${s.name}' cannot be resolved`, 0);
    }
    // Otherwise an alias of an undefined or common symbol: relocations go to that symbol (GNU as).
  } catch (e) {
    if (!(e instanceof AsmError)) throw e;
    asm.error(e.message, e.col, s.defLine);
  }
}

/** `.L` symbols that a relocation needs but nobody defined. */
function checkUndefinedLocals(asm: Assembler): void {
  for (const s of asm.symbols.all) {
    if (s.kind === SymKind.UNDEF && s.inReloc && s.isLocalLabelName && s.bind === SymBind.LOCAL && !s.anonymous) {
      asm.error(`undefined local symbol '${s.name}'`, s.refCol, s.refLine);
    }
  }
}
