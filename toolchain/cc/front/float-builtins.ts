// gcc's floating builtins that map to one F/D instruction or to a constant: __builtin_sqrt (fsqrt),
// __builtin_fabs (fabs = fsgnjx), __builtin_copysign (fsgnj), __builtin_fmin/fmax (fmin/fmax: C's fmin
// semantics, a NaN operand loses), each with its f-suffixed float form; __builtin_inf / __builtin_huge_val and
// __builtin_nan("payload") as constants; __builtin_isnan(x) as x != x. The <math.h> of the libc may define
// sqrt() and friends through these.
import type { Node } from './ast.js';
import { CompileError } from '../diagnostics.js';
import { assign } from './parse-expr.js';
import { Parser } from './parse-state.js';
import { compare, newCast, newFNum } from './sema.js';
import type { Token } from './tokenize.js';
import { Type, isArith, ty } from './types.js';

import { CONSTS, FLOAT_BUILTINS, OPS } from './float-builtin-names.js';

export { FLOAT_BUILTINS };

function split(name: string): { base: string; t: Type } {
  const b = name.slice('__builtin_'.length);
  if (OPS[b] || CONSTS.has(b)) return { base: b, t: ty.double };
  return { base: b.slice(0, -1), t: ty.float };
}

function operand(p: Parser, t: Type, tok: Token, name: string): Node {
  const a = assign(p);
  if (!isArith(a.ty!)) throw new CompileError(`incompatible type for argument of '${name}'`, a.tok ?? tok);
  return newCast(a, t);
}

/** The bits of a quiet NaN whose payload is the number spelled `s` ("" or "0x..." or decimal), in t. */
function nanBits(s: string, t: Type, tok: Token): bigint {
  let payload = 0n;
  if (s !== '') {
    if (!/^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(s)) throw new CompileError(`invalid NaN payload "${s}"`, tok);
    payload = BigInt(s);
  }
  if (t.kind === 'float') return 0x7fc00000n | (payload & 0x3fffffn);
  return 0x7ff8000000000000n | (payload & 0x7ffffffffffffn);
}

/** Parses `name(args)` for a floating builtin (the current token is the name). */
export function floatBuiltin(p: Parser, tok: Token): Node {
  p.advance();
  p.expect('(');
  if (tok.text === '__builtin_isnan') {
    const a = assign(p);
    p.expect(')');
    if (!isArith(a.ty!)) throw new CompileError("non-floating-point argument in call to function '__builtin_isnan'", tok);
    return compare('ne', '!=', a, a, tok);
  }
  const { base, t } = split(tok.text);
  if (CONSTS.has(base)) {
    let bits = t.kind === 'float' ? 0x7f800000n : 0x7ff0000000000000n;
    if (base === 'nan') {
      const s = p.tok;
      if (s.kind !== 'str' || !s.strElems) throw p.expectedError('string literal');
      p.advance();
      bits = nanBits(String.fromCharCode(...s.strElems), t, s);
    }
    p.expect(')');
    return newFNum(bits, tok, t);
  }
  const [op, arity] = OPS[base];
  const lhs = operand(p, t, tok, tok.text);
  let rhs: Node | undefined;
  if (arity === 2) {
    p.expect(',');
    rhs = operand(p, t, tok, tok.text);
  }
  p.expect(')');
  return { kind: 'fintrinsic', tok, ty: t, lhs, rhs, asmText: op };
}
