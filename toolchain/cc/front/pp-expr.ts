// The constant expression of #if/#elif, evaluated in intmax_t/uintmax_t (64-bit) as C11 6.10.1 says.
// Input: the directive's tokens after macro expansion, with `defined` already replaced by 0/1 and
// every remaining identifier by 0.
import { CompileError } from '../diagnostics.js';
import type { Token } from './tokenize.js';
import { parseIntegerLiteral } from './literals.js';
import { isFloatSpelling } from './float-literal.js';

interface PPValue {
  v: bigint;
  unsigned: boolean;
}

const M64 = (1n << 64n) - 1n;
/** Nested parentheses, unary operators and ?: arms a #if may hold before a located "nesting too deep" error
 * (the evaluator recurses on them; the limit keeps it far from the host's stack size). */
export const MAX_PP_NESTING = 512;
const norm = (v: bigint, unsigned: boolean): PPValue => ({ v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned });

/** Evaluates a #if expression; `where` locates errors (the directive name). */
export function evalPPExpr(toks: Token[], where: Token): boolean {
  if (toks.length === 0) throw new CompileError('#if with no expression', where);
  const e = new PPEval(toks, where);
  const r = e.conditional();
  if (e.pos < toks.length) throw new CompileError(`missing binary operator before token "${toks[e.pos].text}"`, toks[e.pos]);
  return r.v !== 0n;
}

class PPEval {
  pos = 0;
  /** > 0 inside an operand that is not evaluated (right of a decided && / ||, unused ?: arm). */
  private skipping = 0;
  constructor(
    private readonly toks: Token[],
    private readonly where: Token,
  ) {}

  private peek(): string {
    const t = this.toks[this.pos];
    return t && (t.kind === 'punct') ? t.text : '';
  }
  private tok(): Token {
    return this.toks[this.pos] ?? this.toks[this.toks.length - 1] ?? this.where;
  }
  private expect(s: string): void {
    if (this.peek() !== s) throw new CompileError(`expected '${s}' in preprocessor expression`, this.tok());
    this.pos++;
  }

  /** Recursion depth of conditional() and unary(). */
  private depth = 0;

  private enter(): void {
    if (++this.depth > MAX_PP_NESTING) {
      throw new CompileError(`#if expression nesting too deep: more than ${MAX_PP_NESTING} levels`, this.tok());
    }
  }

  conditional(): PPValue {
    this.enter();
    const v = this.conditionalNested();
    this.depth--;
    return v;
  }

  private conditionalNested(): PPValue {
    const c = this.binary(0);
    if (this.peek() !== '?') return c;
    this.pos++;
    if (c.v === 0n) this.skipping++;
    const a = this.conditional();
    if (c.v === 0n) this.skipping--;
    this.expect(':');
    if (c.v !== 0n) this.skipping++;
    const b = this.conditional();
    if (c.v !== 0n) this.skipping--;
    const unsigned = a.unsigned || b.unsigned;
    return norm(c.v !== 0n ? a.v : b.v, unsigned);
  }

  private static readonly PREC: Record<string, number> = {
    '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8,
    '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
  };

  private binary(minPrec: number): PPValue {
    let lhs = this.unary();
    for (;;) {
      const op = this.peek();
      const prec = PPEval.PREC[op];
      if (prec === undefined || prec <= minPrec) return lhs;
      const opTok = this.tok();
      this.pos++;
      if (op === '&&' || op === '||') {
        const decided = op === '&&' ? lhs.v === 0n : lhs.v !== 0n;
        if (decided) this.skipping++;
        const rhs = this.binary(prec);
        if (decided) this.skipping--;
        const r = op === '&&' ? lhs.v !== 0n && rhs.v !== 0n : lhs.v !== 0n || rhs.v !== 0n;
        lhs = { v: r ? 1n : 0n, unsigned: false };
        continue;
      }
      const rhs = this.binary(prec);
      lhs = this.apply(op, lhs, rhs, opTok);
    }
  }

  private apply(op: string, a: PPValue, b: PPValue, opTok: Token): PPValue {
    const u = a.unsigned || b.unsigned;
    const x = u ? BigInt.asUintN(64, a.v) : a.v;
    const y = u ? BigInt.asUintN(64, b.v) : b.v;
    switch (op) {
      case '+': return norm(x + y, u);
      case '-': return norm(x - y, u);
      case '*': return norm(x * y, u);
      case '/':
      case '%':
        if (y === 0n) {
          if (this.skipping > 0) return { v: 0n, unsigned: u };
          throw new CompileError('division by zero in #if', opTok);
        }
        return norm(op === '/' ? x / y : x % y, u);
      case '<<': return norm(a.v << (b.v & 63n), a.unsigned);
      case '>>': return norm((a.unsigned ? BigInt.asUintN(64, a.v) : a.v) >> (b.v & 63n), a.unsigned);
      case '&': return norm(x & y, u);
      case '|': return norm(x | y, u);
      case '^': return norm(x ^ y, u);
      case '==': return { v: x === y ? 1n : 0n, unsigned: false };
      case '!=': return { v: x !== y ? 1n : 0n, unsigned: false };
      case '<': return { v: x < y ? 1n : 0n, unsigned: false };
      case '>': return { v: x > y ? 1n : 0n, unsigned: false };
      case '<=': return { v: x <= y ? 1n : 0n, unsigned: false };
      case '>=': return { v: x >= y ? 1n : 0n, unsigned: false };
    }
    throw new CompileError(`bad operator '${op}' in #if`, opTok);
  }

  private unary(): PPValue {
    this.enter();
    const v = this.unaryNested();
    this.depth--;
    return v;
  }

  private unaryNested(): PPValue {
    const op = this.peek();
    if (op === '+' || op === '-' || op === '~' || op === '!') {
      this.pos++;
      const v = this.unary();
      if (op === '+') return v;
      if (op === '-') return norm(-v.v, v.unsigned);
      if (op === '~') return norm(~v.v & M64, v.unsigned);
      return { v: v.v === 0n ? 1n : 0n, unsigned: false };
    }
    if (op === '(') {
      this.pos++;
      const v = this.conditional();
      this.expect(')');
      return v;
    }
    const t = this.toks[this.pos];
    if (!t) throw new CompileError('expected value in expression', this.tok());
    this.pos++;
    if (t.kind === 'num') {
      if (isFloatSpelling(t.text)) throw new CompileError('floating constant in preprocessor expression', t);
      const lit = parseIntegerLiteral(t);
      return norm(lit.value, lit.unsigned && lit.size === 8 ? true : lit.unsigned);
    }
    if (t.kind === 'char') return { v: BigInt(t.charValue!), unsigned: false };
    if (t.kind === 'ident' || t.kind === 'keyword') return { v: 0n, unsigned: false };
    throw new CompileError(`token "${t.text}" is not valid in preprocessor expressions`, t);
  }
}
