// Primary expressions introduced by keywords: sizeof, _Alignof, _Generic and the __builtin_* family
// (va_start/va_arg/va_end/va_copy, offsetof, expect, constant_p, types_compatible_p, trap, unreachable).
import type { Node } from './ast.js';
import { FLOAT_BUILTINS, floatBuiltin } from './float-builtins.js';
import { tryEval } from './fold.js';
import { isTypename, typename } from './parse-decl.js';
import { assign, expr, markAddressTaken, unary } from './parse-expr.js';
import { compoundLiteral } from './parse-init.js';
import { Parser } from './parse-state.js';
import { newLocalTemp } from './parse.js';
import { areCompatible, lvalueConverted, unqualified } from './compat.js';
import { decayed, newAdd, newCast, newDeref, newMember, newNum } from './sema.js';
import type { Token } from './tokenize.js';
import { gnuBuiltin } from './gnu-builtins.js';
import { flushVla, sizeNode, withVlaBounds } from './vla.js';
import { Type, alignOf, isCompatible, isComplete, isRecord, pointerTo, sizeOf, ty, typeName } from './types.js';

/** keyword-primary = "sizeof" ... | "_Alignof" ... | "_Generic" ... | builtin "(" ... ")" */
export function keywordPrimary(p: Parser, tok: Token): Node {
  switch (tok.text) {
    case 'sizeof': {
      p.advance();
      let t: Type;
      if (p.is('(') && isTypename(p, p.peekAt(1))) {
        p.advance();
        t = typename(p);
        p.expect(')');
        if (p.is('{')) {
          // sizeof (T){...}
          const lit = compoundLiteral(p, t, tok);
          t = lit.ty!;
        }
      } else t = unary(p).ty!;
      if (t.vlaSize) return withVlaBounds(p, sizeNode(t, tok)); // evaluated at run time
      flushVla(p); // sizeof (int (*)[n]): a constant, the bound is not evaluated
      if (t.kind === 'func') return newNum(1n, tok, ty.uint);
      if (!isComplete(t)) throw p.error(`invalid application of 'sizeof' to incomplete type '${typeName(t)}'`, tok);
      return newNum(BigInt(sizeOf(t)), tok, ty.uint);
    }
    case '_Alignof': {
      p.advance();
      let t: Type;
      if (p.is('(') && isTypename(p, p.peekAt(1))) {
        p.advance();
        t = typename(p);
        p.expect(')');
      } else t = unary(p).ty!;
      return newNum(BigInt(alignOf(t)), tok, ty.uint);
    }
    case '_Generic':
      return genericSelection(p);
    case '__builtin_va_start': {
      p.advance();
      p.expect('(');
      const ap = assign(p);
      p.expect(',');
      assign(p);
      p.expect(')');
      if (!p.curFn?.ty.variadic) throw p.error("'va_start' used in function with fixed arguments", tok);
      markAddressTaken(ap);
      return { kind: 'va_start', tok, ty: ty.void, lhs: ap };
    }
    case '__builtin_va_end': {
      p.advance();
      p.expect('(');
      const ap = assign(p);
      p.expect(')');
      return { kind: 'cast', tok, ty: ty.void, lhs: ap };
    }
    case '__builtin_va_copy': {
      p.advance();
      p.expect('(');
      const dst = assign(p);
      p.expect(',');
      const src = assign(p);
      p.expect(')');
      return { kind: 'assign', tok, ty: dst.ty, lhs: dst, rhs: newCast(src, dst.ty!) };
    }
    case '__builtin_va_arg': {
      p.advance();
      p.expect('(');
      const ap = assign(p);
      p.expect(',');
      const t = typename(p);
      p.expect(')');
      return { kind: 'va_arg', tok, ty: t, lhs: ap, tmp: isRecord(t) ? newLocalTemp(p, t) : undefined };
    }
    case '__builtin_offsetof': {
      p.advance();
      p.expect('(');
      const t = typename(p);
      p.expect(',');
      let n: Node = newDeref(newCast(newNum(0n, tok), pointerTo(t)), tok);
      const first = p.advance();
      n = newMember(n, first);
      for (;;) {
        if (p.consume('.')) n = newMember(n, p.advance());
        else if (p.is('[')) {
          const b = p.advance();
          const idx = expr(p);
          p.expect(']');
          n = newDeref(newAdd(n, idx, b), b);
        } else break;
      }
      p.expect(')');
      const off = tryEval({ kind: 'addr', tok, ty: pointerTo(n.ty!), lhs: n });
      if (!off || off.label !== null) throw p.error('offsetof needs a constant designator', tok);
      return newNum(off.val, tok, ty.uint);
    }
    case '__builtin_expect': {
      p.advance();
      p.expect('(');
      const a = assign(p);
      p.expect(',');
      assign(p);
      p.expect(')');
      return a;
    }
    case '__builtin_constant_p': {
      p.advance();
      p.expect('(');
      const a = assign(p);
      p.expect(')');
      const c = tryEval(a);
      return newNum(c && c.label === null ? 1n : 0n, tok);
    }
    case '__builtin_types_compatible_p': {
      p.advance();
      p.expect('(');
      const a = typename(p);
      p.expect(',');
      const b = typename(p);
      p.expect(')');
      // gcc ignores top-level qualifiers here
      return newNum(areCompatible(unqualified(a), unqualified(b)) ? 1n : 0n, tok);
    }
    case '__builtin_trap':
    case '__builtin_unreachable': {
      p.advance();
      p.expect('(');
      p.expect(')');
      return { kind: 'asm', tok, ty: ty.void, asmText: tok.text === '__builtin_trap' ? 'ebreak' : '' };
    }
    case '__builtin_alloca':
      p.advance();
      return gnuBuiltin(p, tok)!;
  }
  if (tok.text.startsWith('__builtin_') && FLOAT_BUILTINS.includes(tok.text)) return floatBuiltin(p, tok);
  throw p.expectedError('expression');
}

/** generic-selection = "(" assign ("," (type-name | "default") ":" assign)* ")" */
function genericSelection(p: Parser): Node {
  const tok = p.advance();
  p.expect('(');
  const ctrl = assign(p);
  const t = lvalueConverted(ctrl.ty!);
  const seen: Type[] = [];
  let chosen: Node | null = null;
  let dflt: Node | null = null;
  while (p.consume(',')) {
    if (p.consume('default')) {
      p.expect(':');
      dflt = assign(p);
      continue;
    }
    const atTok = p.tok;
    const at = typename(p);
    if (seen.some((s) => areCompatible(s, at))) throw p.error("'_Generic' specifies two compatible types", atTok);
    seen.push(at);
    p.expect(':');
    const e = assign(p);
    if (!chosen && areCompatible(t, at)) chosen = e;
  }
  p.expect(')');
  const r = chosen ?? dflt;
  if (!r) throw p.error(`'_Generic' selector of type '${typeName(t)}' is not compatible with any association`, tok);
  return r;
}

