// Directives other than data emission: sections, symbols, alignment, options and attributes.

import { SymBind, SymType } from '../../abi/elf.js';
import { canonicalIsaString } from '../../abi/isa.js';
import type { Assembler, StatementHandler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { Tk, type Token } from './lexer.js';
import { comma, constantAt, parseExprAt, symbolName } from './args.js';
import { VarKind } from './section.js';
import { sectionDirectives } from './sections.js';
import { dataDirectives } from './data.js';
import { lineDirectives } from './dwarf-line.js';
import { cfiDirectives } from './cfi.js';
import { SymKind, type Sym } from './symbol.js';

const isPunct = (t: Token, p: string): boolean => t.kind === Tk.PUNCT && t.text === p;

/** Applies `fn` to each comma-separated symbol name. */
function eachSymbol(asm: Assembler, toks: Token[], i: number, fn: (s: Sym, col: number) => void): void {
  for (;;) {
    const name = symbolName(toks, i);
    fn(asm.symbols.get(name, asm.line, toks[i].col), toks[i].col);
    i++;
    if (toks[i].kind === Tk.END) return;
    i = comma(toks, i);
  }
}

/** `.align`/`.p2align` (log2) and `.balign` (bytes), with optional fill and max skip. */
function align(log2: boolean): StatementHandler {
  return (asm, toks, i, name) => {
    let [n, j] = constantAt(asm, toks, i);
    let fill = -1;
    let max = 0;
    if (toks[j].kind !== Tk.END) {
      j = comma(toks, j);
      if (!isPunct(toks[j], ',')) [fill, j] = constantAt(asm, toks, j);
      if (toks[j].kind !== Tk.END) [max, j] = constantAt(asm, toks, comma(toks, j));
    }
    asm.expectEnd(toks, j);
    if (log2 && (n < 0 || n > 16)) throw new AsmError(`alignment 2^${n} out of range for ${name} (0..16)`, toks[i].col);
    const bytes = log2 ? 2 ** n : n;
    if (!log2 && (bytes < 1 || (bytes & (bytes - 1)) !== 0 || bytes > 65536)) {
      throw new AsmError(`alignment ${n} is not a power of two (1..65536)`, toks[i].col);
    }
    emitAlign(asm, bytes, fill < 0 ? -1 : fill & 0xff, max);
  };
}

/** Pads the current section to a multiple of `bytes` (fill < 0: nops in code, zeros elsewhere). */
export function emitAlign(asm: Assembler, bytes: number, fill: number, maxSkip: number): void {
  const sec = asm.cur;
  if (bytes <= 1) return;
  if (bytes > sec.align && maxSkip === 0) sec.align = bytes;
  const f = sec.curFrag;
  f.alignBytes = bytes;
  f.fill = fill < 0 ? -1 : fill;
  f.maxSkip = maxSkip;
  sec.closeFrag(VarKind.ALIGN);
}

function bindDirective(bind: SymBind): StatementHandler {
  return (asm, toks, i) => eachSymbol(asm, toks, i, (s) => asm.bind(s, bind));
}

const VISIBILITY: Record<string, number> = { '.internal': 1, '.hidden': 2, '.protected': 3 };

const TYPES: Record<string, SymType> = {
  function: SymType.FUNC, func: SymType.FUNC, object: SymType.OBJECT, notype: SymType.NOTYPE, tls_object: 6 as SymType,
  tls: 6 as SymType,
  common: 5 as SymType,
};

/** `.type sym, @function` (also %function, "function", STT_FUNC). */
const typeDirective: StatementHandler = (asm, toks, i) => {
  const s = asm.symbols.get(symbolName(toks, i), asm.line, toks[i].col);
  const j = comma(toks, i + 1);
  const t = toks[j];
  let word = t.text;
  if (t.kind === Tk.IDENT && word.startsWith('@')) word = word.slice(1);
  else if (t.kind === Tk.IDENT && word.startsWith('STT_')) word = word.slice(4).toLowerCase();
  else if (t.kind !== Tk.PERCENT && t.kind !== Tk.STR) throw new AsmError('expected a symbol type such as @function', t.col);
  const type = TYPES[word];
  if (type === undefined) throw new AsmError(`unknown symbol type '${word}'`, t.col);
  asm.expectEnd(toks, j + 1);
  s.type = type;
};

/** `.size sym, expr`: evaluated after layout (usually `.-sym`). */
const sizeDirective: StatementHandler = (asm, toks, i) => {
  const s = asm.symbols.get(symbolName(toks, i), asm.line, toks[i].col);
  const [e, j] = parseExprAt(asm, toks, comma(toks, i + 1));
  asm.expectEnd(toks, j);
  s.sizeExpr = e;
  s.sizeLine = asm.line;
  s.refCol = toks[i].col;
};

/** `.comm sym, size[, align]` and `.lcomm sym, size[, align]`. */
function commonDirective(local: boolean): StatementHandler {
  return (asm, toks, i, name) => {
    const s = asm.symbols.get(symbolName(toks, i), asm.line, toks[i].col);
    let [size, j] = constantAt(asm, toks, comma(toks, i + 1));
    let alignBytes = 0;
    if (toks[j].kind !== Tk.END) [alignBytes, j] = constantAt(asm, toks, comma(toks, j));
    asm.expectEnd(toks, j);
    if (size < 0) throw new AsmError(`${name} size ${size} is negative`, toks[i].col);
    if (alignBytes !== 0 && (alignBytes & (alignBytes - 1)) !== 0) {
      throw new AsmError(`${name} alignment ${alignBytes} is not a power of two`, toks[i].col);
    }
    if (s.kind !== SymKind.UNDEF && s.kind !== SymKind.COMMON) {
      throw new AsmError(`symbol '${s.name}' is already defined (line ${s.defLine})`, toks[i].col);
    }
    if (alignBytes === 0) alignBytes = size >= 8 ? 8 : size >= 4 ? 4 : size >= 2 ? 2 : 1;
    s.defLine = asm.line;
    if (local || (s.bindSet && s.bind === SymBind.LOCAL)) {
      s.kind = SymKind.COMMON; // placeholder until finish.ts gives it storage at the end of .bss
      asm.lcomms.push({ sym: s, size, align: alignBytes });
      if (s.type === SymType.NOTYPE) s.type = SymType.OBJECT;
      return;
    }
    s.kind = SymKind.COMMON;
    s.value = Math.max(s.value, alignBytes);
    s.size = Math.max(s.size, size);
    if (!s.bindSet || s.bind === SymBind.LOCAL) s.bind = SymBind.GLOBAL;
    s.type = SymType.OBJECT;
  };
}

/** `.set/.equ sym, expr`; `.equiv` refuses to redefine. */
function setDirective(redefinable: boolean): StatementHandler {
  return (asm, toks, i) => {
    const name = symbolName(toks, i);
    asm.assign(name, toks, comma(toks, i + 1), toks[i].col, redefinable);
  };
}

/** `.option rvc|norvc|relax|norelax|pic|nopic|push|pop|arch,...`. */
const optionDirective: StatementHandler = (asm, toks, i) => {
  const t = toks[i];
  if (t.kind !== Tk.IDENT) throw new AsmError('expected an option name', t.col);
  const o = asm.options;
  switch (t.text) {
    case 'rvc': case 'norvc': o.rvc = t.text === 'rvc'; break;
    case 'relax': case 'norelax': o.relax = t.text === 'relax'; break;
    case 'pic': case 'nopic': o.pic = t.text === 'pic'; break;
    // the ISA is part of what push saves and pop restores (GNU as: `.option push; .option arch, +d` ...
    // `.option pop` leaves the file's arch attribute and float ABI as they were)
    case 'push': asm.optionStack.push({ ...o }); asm.archStack.push(asm.march); break;
    case 'pop': {
      const prev = asm.optionStack.pop();
      if (prev === undefined) throw new AsmError('.option pop with no matching .option push', t.col);
      asm.options = prev;
      asm.setArch(asm.archStack.pop()!);
      break;
    }
    case 'arch': return optionArch(asm, toks, i + 1);
    default: throw new AsmError(`unknown option '${t.text}'`, t.col);
  }
  asm.expectEnd(toks, i + 1);
};

/**
 * `.option arch, +d` / `, -c` / `, rv32imafd` (several comma-separated): adds or removes extensions, or
 * replaces the ISA.
 */
function optionArch(asm: Assembler, toks: Token[], i: number): void {
  let text = '';
  for (let k = comma(toks, i); toks[k]!.kind !== Tk.END; k++) text += toks[k]!.text;
  for (const part of text.split(',')) {
    const sign = part[0];
    if (sign !== '+' && sign !== '-') {
      if (!asm.setArch(part)) throw new AsmError(`invalid ISA '${part}' in .option arch`, toks[i]!.col);
      continue;
    }
    const ext = part.slice(1);
    const canonical = canonicalIsaString(asm.march) ?? asm.march;
    const xlen = /^rv\d+/.exec(canonical)![0];
    const tokens = canonical.slice(xlen.length).split('_');
    const next = sign === '+' ? [...tokens, ext] : tokens.filter((t) => t.replace(/\d+p\d+$/, '') !== ext);
    asm.setArch(xlen + next.join('_'));
  }
}

const ATTRIBUTE_TAGS: Record<string, number> = {
  stack_align: 4, arch: 5, unaligned_access: 6, priv_spec: 8, priv_spec_minor: 10, priv_spec_revision: 12,
  atomic_abi: 14, x3_reg_usage: 16,
};

/** `.attribute arch, "rv32i2p1_m2p0"` / `.attribute stack_align, 16` / `.attribute 5, "..."`. */
const attributeDirective: StatementHandler = (asm, toks, i) => {
  const t = toks[i];
  let tag: number;
  let j = i + 1;
  if (t.kind === Tk.IDENT) {
    const name = t.text.startsWith('Tag_RISCV_') ? t.text.slice(10) : t.text;
    const known = ATTRIBUTE_TAGS[name];
    if (known === undefined) throw new AsmError(`unknown attribute '${t.text}'`, t.col);
    tag = known;
  } else {
    [tag, j] = constantAt(asm, toks, i);
  }
  j = comma(toks, j);
  const v = toks[j];
  const wantsString = tag === 5 || (tag >= 32 && tag % 2 === 1);
  if (wantsString) {
    if (v.kind !== Tk.STR) throw new AsmError('expected a string value', v.col);
    asm.expectEnd(toks, j + 1);
    // As in GNU as, the arch attribute also sets the ISA the following instructions are checked against.
    if (tag === 5 && !asm.setArch(v.text)) throw new AsmError(`invalid arch attribute '${v.text}'`, v.col);
    if (tag !== 5) asm.attributes.set(tag, v.text);
  } else {
    const [n, k] = constantAt(asm, toks, j);
    asm.expectEnd(toks, k);
    asm.attributes.set(tag, n);
  }
};

/** `.ident "text"`: appended to `.comment`. */
const identDirective: StatementHandler = (asm, toks, i) => {
  const t = toks[i];
  if (t.kind !== Tk.STR) throw new AsmError('expected a string', t.col);
  asm.expectEnd(toks, i + 1);
  asm.idents.push(t.text);
};

const ignored: StatementHandler = () => undefined;

/** Every directive, by name (with the leading dot). */
export function allDirectives(): Map<string, StatementHandler> {
  const d = new Map<string, StatementHandler>([...sectionDirectives(), ...dataDirectives()]);
  d.set('.align', align(true));
  d.set('.p2align', align(true));
  d.set('.balign', align(false));
  d.set('.globl', bindDirective(SymBind.GLOBAL));
  d.set('.global', bindDirective(SymBind.GLOBAL));
  d.set('.weak', bindDirective(SymBind.WEAK));
  d.set('.local', bindDirective(SymBind.LOCAL));
  for (const [name, vis] of Object.entries(VISIBILITY)) {
    d.set(name, (asm, toks, i) => eachSymbol(asm, toks, i, (s) => { s.other = vis; }));
  }
  d.set('.type', typeDirective);
  d.set('.size', sizeDirective);
  d.set('.comm', commonDirective(false));
  d.set('.lcomm', commonDirective(true));
  d.set('.set', setDirective(true));
  d.set('.equ', setDirective(true));
  d.set('.equiv', setDirective(false));
  d.set('.option', optionDirective);
  d.set('.rept', (asm, toks, i) => {
    const [count, j] = constantAt(asm, toks, i);
    asm.expectEnd(toks, j);
    if (count < 0 || count > 1_000_000) throw new AsmError(`.rept count ${count} out of range (0..1000000)`, toks[i].col);
    asm.beginRept(count, toks[i].col);
  });
  d.set('.endr', (asm, toks, i, name, col) => {
    throw new AsmError('.endr without .rept', col);
  });
  d.set('.attribute', attributeDirective);
  d.set('.ident', identDirective);
  for (const n of ['.addrsig', '.addrsig_sym', '.loc_view', '.end', '.text_end']) d.set(n, ignored);
  for (const [n, h] of lineDirectives()) d.set(n, h);
  for (const [n, h] of cfiDirectives()) d.set(n, h);
  return d;
}

