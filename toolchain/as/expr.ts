// Expression parser with GNU as operator precedence (gas expr.c op_rank):
//   * / % << >>  (highest)  >  | & ^ ! (or-not)  >  + -  >  == != <> < <= > >=  >  &&  >  ||
// Unary: - ~ ! +. Constant subexpressions are folded while parsing, so the common case (a number)
// costs no allocation; anything that involves a symbol becomes a small tree evaluated later.

import { AsmError } from './diagnostics.js';
import { Tk, type Token } from './lexer.js';
import type { Sym } from './symbol.js';

export const enum Op {
  SYM = 0, NEG, NOT, LNOT, RELOC,
  MUL, DIV, REM, SHL, SHR,
  OR, ORNOT, XOR, AND,
  ADD, SUB,
  EQ, NE, LT, LE, GE, GT,
  LAND, LOR,
}

export interface Node {
  op: Op;
  a: Expr;
  b: Expr;
  /** For SYM. */
  sym: Sym | null;
  /** For RELOC: the operator name without '%' ("hi", "lo", "pcrel_hi", "pcrel_lo"). */
  name: string;
  col: number;
}

/** A folded constant or a tree that mentions symbols. */
export type Expr = number | Node;

/** How the parser turns names into symbols (or constants, for equates known so far). */
export interface SymbolResolver {
  symbol(name: string, col: number): Sym | number;
  numeric(label: number, dir: 'b' | 'f', col: number): Sym;
  /** The current location `.`. */
  dot(col: number): Sym;
}

const BINARY: Record<string, [Op, number]> = {
  '*': [Op.MUL, 9], '/': [Op.DIV, 9], '%': [Op.REM, 9], '<<': [Op.SHL, 9], '>>': [Op.SHR, 9],
  '|': [Op.OR, 8], '!': [Op.ORNOT, 8], '^': [Op.XOR, 8], '&': [Op.AND, 8],
  '+': [Op.ADD, 6], '-': [Op.SUB, 6],
  '==': [Op.EQ, 5], '!=': [Op.NE, 5], '<>': [Op.NE, 5], '<': [Op.LT, 5], '<=': [Op.LE, 5],
  '>=': [Op.GE, 5], '>': [Op.GT, 5],
  '&&': [Op.LAND, 3], '||': [Op.LOR, 2],
};

export function node(op: Op, a: Expr, b: Expr, col: number): Node {
  return { op, a, b, sym: null, name: '', col };
}

/** Parses tokens from a cursor; `pos` advances past the expression. */
/**
 * How deeply an expression may nest: each parenthesis or unary operator, and each operand of an operator
 * chain (the tree is as deep as the chain is long), costs one. Past it, a located error instead of the
 * parser or the evaluator running out of host stack.
 */
export const MAX_EXPR_NESTING = 1000;

export class ExprParser {
  toks: Token[] = [];
  pos = 0;
  private nesting = 0;

  constructor(private readonly resolver: SymbolResolver) {}

  /** Parses one full expression starting at `this.pos`. Throws AsmError when there is none. */
  parse(): Expr {
    this.nesting = 0;
    return this.binary(0);
  }

  private enter(col: number, units = 1): void {
    this.nesting += units;
    if (this.nesting > MAX_EXPR_NESTING) throw new AsmError(`expression nested too deeply (more than ${MAX_EXPR_NESTING} levels)`, col);
  }

  private binary(minRank: number): Expr {
    let left = this.unary();
    let chain = 0;
    for (;;) {
      const t = this.toks[this.pos];
      // `%` glued to a name lexes as PERCENT (a relocation operator), never as an operator here.
      if (t.kind !== Tk.PUNCT) break;
      const entry = BINARY[t.text];
      if (entry === undefined || entry[1] < minRank) break;
      this.pos++;
      this.enter(t.col);
      chain++;
      const right = this.binary(entry[1] + 1);
      left = fold(entry[0], left, right, t.col);
    }
    this.nesting -= chain;
    return left;
  }

  private unary(): Expr {
    const t = this.toks[this.pos];
    this.enter(t.col);
    const e = this.unaryNested();
    this.nesting--;
    return e;
  }

  private unaryNested(): Expr {
    const t = this.toks[this.pos];
    if (t.kind === Tk.PUNCT) {
      if (t.text === '-' || t.text === '~' || t.text === '!' || t.text === '+') {
        this.pos++;
        const v = this.unary();
        if (t.text === '+') return v;
        const op = t.text === '-' ? Op.NEG : t.text === '~' ? Op.NOT : Op.LNOT;
        return fold(op, v, 0, t.col);
      }
      if (t.text === '(') {
        this.pos++;
        const v = this.binary(0);
        this.expect(')');
        return v;
      }
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.toks[this.pos];
    switch (t.kind) {
      case Tk.NUM:
        this.pos++;
        return t.num;
      case Tk.IDENT: {
        this.pos++;
        if (t.text === '.') return symNode(this.resolver.dot(t.col), t.col);
        const r = this.resolver.symbol(t.text, t.col);
        return typeof r === 'number' ? r : symNode(r, t.col);
      }
      case Tk.LOCALREF:
        this.pos++;
        return symNode(this.resolver.numeric(t.num, t.text as 'b' | 'f', t.col), t.col);
      case Tk.PERCENT: {
        this.pos++;
        if (!RELOC_OPERATORS.has(t.text)) throw new AsmError(`unknown relocation operator '%${t.text}'`, t.col);
        this.expect('(');
        const inner = this.binary(0);
        this.expect(')');
        const n = node(Op.RELOC, inner, 0, t.col);
        n.name = t.text;
        return n;
      }
      case Tk.END:
        throw new AsmError('expected an expression', t.col);
      default:
        throw new AsmError(`unexpected '${t.kind === Tk.STR ? '"' + t.text + '"' : t.text}' in expression`, t.col);
    }
  }

  private expect(p: string): void {
    const t = this.toks[this.pos];
    if (t.kind !== Tk.PUNCT || t.text !== p) {
      throw new AsmError(t.kind === Tk.END ? `expected '${p}'` : `expected '${p}' before '${t.text}'`, t.col);
    }
    this.pos++;
  }
}

export const RELOC_OPERATORS = new Set(['hi', 'lo', 'pcrel_hi', 'pcrel_lo']);

function symNode(sym: Sym, col: number): Node {
  const n = node(Op.SYM, 0, 0, col);
  n.sym = sym;
  return n;
}

/** Applies `op` now when both sides are constants, else builds a node. */
function fold(op: Op, a: Expr, b: Expr, col: number): Expr {
  if (typeof a === 'number' && typeof b === 'number') return applyConst(op, a, b, col);
  return node(op, a, b, col);
}

const big = (x: number): bigint => BigInt(Math.trunc(x));
const small = (x: bigint): number => Number(BigInt.asIntN(64, x));

/** Evaluates `op` on constants with gas's 64-bit semantics (comparisons give -1 for true). */
export function applyConst(op: Op, a: number, b: number, col: number): number {
  switch (op) {
    case Op.NEG: return -a;
    case Op.NOT: return small(~big(a));
    case Op.LNOT: return a === 0 ? 1 : 0;
    case Op.ADD: return a + b;
    case Op.SUB: return a - b;
    case Op.MUL: return small(big(a) * big(b));
    case Op.DIV:
      if (b === 0) throw new AsmError('division by zero', col);
      return Math.trunc(a / b);
    case Op.REM:
      if (b === 0) throw new AsmError('division by zero', col);
      return a % b;
    case Op.SHL: return b >= 64 || b < 0 ? 0 : small(big(a) << big(b));
    case Op.SHR: return b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : small(big(a) >> big(b));
    case Op.OR: return small(big(a) | big(b));
    case Op.ORNOT: return small(big(a) | ~big(b));
    case Op.XOR: return small(big(a) ^ big(b));
    case Op.AND: return small(big(a) & big(b));
    case Op.EQ: return a === b ? -1 : 0;
    case Op.NE: return a !== b ? -1 : 0;
    case Op.LT: return a < b ? -1 : 0;
    case Op.LE: return a <= b ? -1 : 0;
    case Op.GE: return a >= b ? -1 : 0;
    case Op.GT: return a > b ? -1 : 0;
    case Op.LAND: return a !== 0 && b !== 0 ? 1 : 0;
    case Op.LOR: return a !== 0 || b !== 0 ? 1 : 0;
    default: throw new AsmError('invalid constant operator', col);
  }
}
