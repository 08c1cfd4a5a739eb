// GNU extended asm, as gcc accepts it for RISC-V:
//   asm [volatile] [inline] ( template [: outputs [: inputs [: clobbers]]] ) ;
// Operands are `[name] "constraint" (expr)`. Constraints: r (a register), i n I J K (a constant: any,
// integer, 12-bit signed, zero, 5-bit unsigned), m (memory: `off(reg)`), A (memory addressed by a register,
// for the atomics: `0(reg)`), a digit (the same register as that output). Outputs start with `=` (written)
// or `+` (read and written), `&` (early clobber) is accepted: every operand gets its own register anyway.
// The template names operands as %0..%29 or %[name], with gcc's RISC-V modifiers %z (`zero` for a
// constant 0) and %i (`i` when the operand is a constant); %% is a percent sign, %= a number unique to the
// asm statement. Clobbers are register names (ABI or xN), "memory" and "cc". Also here: basic asm at file
// scope and `register T x asm("reg")` register names. Code generation: back/gen-asm.ts.
import type { Node } from './ast.js';
import { tryEval } from './fold.js';
import { assign, markAddressTaken } from './parse-expr.js';
import type { Parser } from './parse-state.js';
import { checkModifiable } from './sema.js';
import type { Token } from './tokenize.js';
import { isInteger, isRecord, is64 } from './types.js';

/** How an operand reaches the template text. */
export type AsmOperandKind = 'reg' | 'imm' | 'mem' | 'addr';

export interface AsmOperand {
  kind: AsmOperandKind;
  /** Output operands: `+` (also read) or `=`. */
  isOutput: boolean;
  isInout: boolean;
  name: string | null;
  /** The C expression: an lvalue for outputs and memory operands, a value for the others. */
  expr: Node;
  /** Input matching an output ("0"): that output's index. */
  matches: number | null;
  /** 'imm': the constant, and the symbol when it is an address constant (`"i"(&x)`). */
  value: bigint;
  symbol: string | null;
  tok: Token;
}

/** A piece of the template: literal text, or a reference to operand `index` with a modifier letter. */
export type AsmPiece = string | { index: number; modifier: string };

export interface AsmStatement {
  pieces: AsmPiece[];
  /** Outputs first, then inputs: the numbering %0, %1... uses. */
  operands: AsmOperand[];
  outputCount: number;
  /** Clobbered registers, in ABI spelling. */
  clobbers: string[];
  clobbersMemory: boolean;
}

/** gcc's limit on operands of one asm statement. */
export const MAX_ASM_OPERANDS = 30;

const ABI_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];
const FP_ABI_NAMES = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
];

/** The ABI name of integer register `name` (`x10`, `a0`, `fp`), or null when it names none. */
export function integerRegister(name: string): string | null {
  if (name === 'fp') return 's0';
  if (ABI_NAMES.includes(name)) return name;
  const m = /^x(\d+)$/.exec(name);
  if (m && Number(m[1]) < 32) return ABI_NAMES[Number(m[1])];
  return null;
}

/** True for floating-point register names (`f3`, `fa0`): valid clobbers, not allocated by pagoda cc yet. */
function floatRegister(name: string): boolean {
  return FP_ABI_NAMES.includes(name) || /^f([12]?\d|3[01])$/.test(name);
}

/** The text of one or more adjacent string literals. */
function stringText(p: Parser, what: string): string {
  if (p.tok.kind !== 'str') throw p.expectedError(what);
  let text = '';
  while (p.tok.kind === 'str') {
    const t = p.advance();
    if (t.charSize !== 1) throw p.error('wide string literal in \'asm\'', t);
    text += String.fromCharCode(...t.strElems!);
  }
  return text;
}

/**
 * asm-stmt = "asm" ("volatile" | "inline" | "goto")* "(" string (":" operands (":" operands (":" clobbers)?)?)? ")" ";"
 * Basic asm keeps its text in `asmText`; extended asm fills `asm`.
 */
export function asmStatement(p: Parser): Node {
  const tok = p.advance();
  while (p.consume('volatile') || p.consume('inline'));
  if (p.is('goto')) throw p.error("'asm goto' is not supported", p.tok);
  p.expect('(');
  const text = stringText(p, 'string literal');
  if (!p.is(':')) {
    p.expect(')');
    p.expect(';');
    return { kind: 'asm', tok, asmText: text };
  }
  const operands: AsmOperand[] = [];
  let outputCount = 0;
  const clobbers: string[] = [];
  let clobbersMemory = false;
  // after the 1st colon outputs, the 2nd inputs, the 3rd clobbers (a 4th would be asm goto's labels)
  let section = 0;
  while (p.consume(':')) {
    section++;
    if (section === 2) outputCount = operands.length;
    if (section === 3) {
      parseClobbers(p, clobbers, () => {
        clobbersMemory = true;
      });
      continue;
    }
    if (section > 3) throw p.error("'asm goto' is not supported", p.toks[p.pos - 1]);
    if (p.is('[') || p.tok.kind === 'str') {
      for (;;) {
        operands.push(operand(p, section === 1, operands, outputCount));
        if (operands.length > MAX_ASM_OPERANDS) throw p.error(`more than ${MAX_ASM_OPERANDS} operands in 'asm'`, operands[operands.length - 1].tok);
        if (!p.consume(',')) break;
      }
    }
  }
  if (section === 1) outputCount = operands.length;
  p.expect(')');
  p.expect(';');
  for (const o of operands) {
    if (o.kind === 'reg' && o.isOutput && o.expr.kind === 'var' && o.expr.obj!.asmReg && clobbers.includes(o.expr.obj!.asmReg)) {
      throw p.error(`asm-specifier for variable '${o.expr.obj!.name}' conflicts with asm clobber list`, o.tok);
    }
  }
  return { kind: 'asm', tok, asm: { pieces: template(p, text, operands, tok), operands, outputCount, clobbers, clobbersMemory } };
}

/** clobbers = (string ("," string)*)? */
function parseClobbers(p: Parser, clobbers: string[], memory: () => void): void {
  if (p.tok.kind !== 'str') return;
  for (;;) {
    const ct = p.tok;
    const name = stringText(p, 'string literal');
    if (name === 'memory') memory();
    else if (name !== 'cc') {
      const r = integerRegister(name);
      if (r === null && !floatRegister(name)) throw p.error(`unknown register name '${name}' in 'asm'`, ct);
      if (r !== null) checkClobber(p, r, ct);
      if (r !== null && !clobbers.includes(r)) clobbers.push(r);
    }
    if (!p.consume(',')) break;
  }
}

/** Registers the code cannot give up: gcc refuses the stack and frame pointers too. */
function checkClobber(p: Parser, r: string, tok: Token): void {
  if (r === 's0') throw p.error("s0 (the frame pointer) cannot be clobbered by 'asm'", tok);
  if (r === 'sp') throw p.error("the stack pointer 'sp' cannot be clobbered by 'asm'", tok);
}

/** operand = ("[" ident "]")? string "(" expr ")" */
function operand(p: Parser, isOutput: boolean, earlier: AsmOperand[], outputCount: number): AsmOperand {
  let name: string | null = null;
  if (p.consume('[')) {
    const n = p.advance();
    if (n.kind !== 'ident' && n.kind !== 'keyword') throw p.error('expected identifier', n);
    name = n.text;
    p.expect(']');
  }
  const tok = p.tok;
  const constraint = stringText(p, 'string literal');
  p.expect('(');
  const e = exprOf(p);
  p.expect(')');
  let c = constraint;
  let isInout = false;
  if (isOutput) {
    if (c[0] === '=') c = c.slice(1);
    else if (c[0] === '+') {
      c = c.slice(1);
      isInout = true;
    } else throw p.error(`output operand constraint lacks '='`, tok);
  } else if (c.includes('=') || c.includes('+')) {
    throw p.error(`input operand constraint contains '${c.includes('=') ? '=' : '+'}'`, tok);
  }
  c = c.replace(/[&%]/g, '');
  const op: AsmOperand = { kind: 'reg', isOutput, isInout, name, expr: e, matches: null, value: 0n, symbol: null, tok };
  if (c === '') throw p.error(`empty constraint in 'asm' operand`, tok);
  if (/^\d+$/.test(c)) {
    if (isOutput) throw p.error(`matching constraint not valid in output operand`, tok);
    const k = Number(c);
    if (k >= outputCount || k >= earlier.length) throw p.error('matching constraint references invalid operand number', tok);
    op.matches = k;
    checkValue(p, op);
    return op;
  }
  for (const ch of c) {
    if (!'rinmAIJKgX'.includes(ch)) throw p.error(`invalid constraint '${ch}' in 'asm' operand (pagoda cc knows r i n m A I J K)`, tok);
  }
  const k = tryEval(e);
  const isConst = !isOutput && k !== null && (isInteger(e.ty!) || e.ty!.kind === 'ptr' || e.ty!.kind === 'array' || e.ty!.kind === 'func');
  const fits = (ch: string): boolean => {
    if (!isConst) return false;
    const v = k!.val;
    if (ch === 'i') return true;
    if (k!.label !== null) return false;
    if (ch === 'n') return true;
    if (ch === 'I') return v >= -2048n && v <= 2047n;
    if (ch === 'J') return v === 0n;
    if (ch === 'K') return v >= 0n && v <= 31n;
    return false;
  };
  if ([...c].some(fits)) {
    op.kind = 'imm';
    op.value = k!.val;
    op.symbol = k!.label;
    return op;
  }
  if (c.includes('r') || c.includes('g') || c.includes('X')) {
    op.kind = 'reg';
    checkValue(p, op);
    return op;
  }
  if (c.includes('m') || c.includes('A')) {
    op.kind = c.includes('m') ? 'mem' : 'addr';
    if (!isLvalueish(e)) throw p.error(`memory input ${earlier.length} is not directly addressable`, tok);
    if (e.kind === 'member' && e.member!.isBitfield) throw p.error(`address of bit-field '${e.member!.name}' requested`, tok);
    markAddressTaken(e);
    return op;
  }
  if (/[inIJK]/.test(c)) {
    throw p.error(isConst ? `impossible constraint in 'asm': '${constraint}' does not admit this constant` : `impossible constraint in 'asm': '${constraint}' needs a constant`, tok);
  }
  throw p.error(`impossible constraint in 'asm'`, tok);
}

/** The operand's expression: assign(), so commas stay operand separators. */
function exprOf(p: Parser): Node {
  return assign(p);
}

function isLvalueish(e: Node): boolean {
  return e.kind === 'var' || e.kind === 'deref' || e.kind === 'member' || e.kind === 'str';
}

/** Register operands hold at most 32 bits; outputs must be lvalues. */
function checkValue(p: Parser, op: AsmOperand): void {
  const t = op.expr.ty!;
  if (isRecord(t) || is64(t) || t.kind === 'void') {
    throw p.error(`impossible register constraint in 'asm': operand of type that does not fit one 32-bit register`, op.tok);
  }
  if (op.isOutput && !isLvalueish(op.expr)) throw p.error(`invalid lvalue in 'asm' output`, op.tok);
  if (op.isOutput) checkModifiable(op.expr, op.tok, 'asm output');
  if (op.isOutput && op.expr.kind === 'member' && op.expr.member!.isBitfield) {
    throw p.error(`bit-field '${op.expr.member!.name}' as an 'asm' output is not supported by pagoda cc`, op.tok);
  }
}

/** Splits the template into text and operand references, checking every reference. */
function template(p: Parser, text: string, ops: AsmOperand[], tok: Token): AsmPiece[] {
  const out: AsmPiece[] = [];
  let lit = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '%') {
      lit += ch;
      continue;
    }
    const next = text[++i];
    if (next === '%') {
      lit += '%';
      continue;
    }
    if (next === '=') {
      out.push(lit, { index: -1, modifier: '=' });
      lit = '';
      continue;
    }
    let modifier = '';
    let c = next;
    if (c !== undefined && /[a-zA-Z]/.test(c)) {
      modifier = c;
      c = text[++i];
    }
    let index: number;
    if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw p.error(`missing ']' after operand name in 'asm' template`, tok);
      const name = text.slice(i + 1, end);
      index = ops.findIndex((o) => o.name === name);
      if (index < 0) throw p.error(`undefined named operand '${name}'`, tok);
      i = end;
    } else if (c !== undefined && /\d/.test(c)) {
      let digits = c;
      while (i + 1 < text.length && /\d/.test(text[i + 1])) digits += text[++i];
      index = Number(digits);
      if (index >= ops.length) throw p.error('operand number out of range', tok);
    } else {
      throw p.error(`invalid 'asm': operand number missing after %-letter`, tok);
    }
    if (modifier !== '' && modifier !== 'z' && modifier !== 'i') {
      throw p.error(`invalid 'asm': invalid operand modifier '%${modifier}' (pagoda cc knows %z and %i)`, tok);
    }
    out.push(lit, { index, modifier });
    lit = '';
  }
  out.push(lit);
  return out.filter((x) => x !== '');
}

/** File-scope `asm("...");`: the text goes to the unit's output as it is. */
export function toplevelAsm(p: Parser): string {
  p.advance();
  while (p.consume('volatile'));
  p.expect('(');
  const text = stringText(p, 'string literal');
  if (p.is(':')) throw p.error("expected ')' before ':' token: extended asm is only allowed inside a function", p.tok);
  p.expect(')');
  p.expect(';');
  return text;
}

/** `asm("reg")` after a local declarator: the register name, checked. */
export function registerName(p: Parser): string {
  p.advance();
  p.expect('(');
  const tok = p.tok;
  const text = stringText(p, 'string literal');
  p.expect(')');
  const r = integerRegister(text);
  if (r === null) throw p.error(`invalid register name for '${text}'`, tok);
  return r;
}
