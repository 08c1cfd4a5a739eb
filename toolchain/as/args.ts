// Directive arguments: symbol names, expressions and the commas between them.

import type { Assembler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import type { Expr } from './expr.js';
import { Tk, type Token } from './lexer.js';
import { constantExpr } from './operands.js';

const isPunct = (t: Token, p: string): boolean => t.kind === Tk.PUNCT && t.text === p;

/** Reads a symbol name at `toks[i]`; throws "expected a symbol name". */
export function symbolName(toks: Token[], i: number): string {
  const t = toks[i];
  if (t.kind !== Tk.IDENT || t.text.startsWith('@')) throw new AsmError('expected a symbol name', t.col);
  return t.text;
}

/** Parses one expression at `toks[i]`; returns it and the index after it. */
export function parseExprAt(asm: Assembler, toks: Token[], i: number): [Expr, number] {
  asm.parser.toks = toks;
  asm.parser.pos = i;
  const e = asm.parser.parse();
  return [e, asm.parser.pos];
}

/** A constant expression at `toks[i]`; returns it and the index after it. */
export function constantAt(asm: Assembler, toks: Token[], i: number): [number, number] {
  const [e, next] = parseExprAt(asm, toks, i);
  return [constantExpr(e, toks[i].col), next];
}

/** Expects ',' at `toks[i]`; returns i + 1. */
export function comma(toks: Token[], i: number): number {
  if (!isPunct(toks[i], ',')) {
    throw new AsmError(toks[i].kind === Tk.END ? 'expected \',\'' : `expected ',' before '${toks[i].text}'`, toks[i].col);
  }
  return i + 1;
}
