// Expressions, from the comma operator down to primary expressions. Each function parses one grammar
// rule (written above it) and returns a typed node built through sema.ts.
import { atomicAssign, atomicBuiltin, atomicUpdate, isAtomicBuiltin } from './atomic.js';
import type { Node, NodeKind, Obj } from './ast.js';
import { CompileError } from '../diagnostics.js';
import { constExpr, tryEval } from './fold.js';
import { isTypename, typename } from './parse-decl.js';
import { keywordPrimary } from './parse-builtin.js';
import { compoundLiteral } from './parse-init.js';
import { Parser } from './parse-state.js';
import { compoundStmtBody } from './parse-stmt.js';
import { declareImplicitFunction, funcNameVar, newLocalTemp } from './parse.js';
import { parseIntegerLiteral } from './literals.js';
import { isFloatSpelling, parseFloatLiteral } from './float-literal.js';
import { formatOf } from './fold-float.js';
import { charConstantType, encodingPrefix, stringElementType } from './encoding-prefix.js';
import {
  arith, checkCondition, checkModifiable, compare, convertForAssign, decayed, explicitCast, newAdd, newCast,
  newDeref, newFNum, newMember, newNum, newSub,
} from './sema.js';
import type { Token } from './tokenize.js';
import { vlaUse, withVlaBounds } from './vla.js';
import { gnuBuiltin } from './gnu-builtins.js';
import {
  Type, alignOf, arrayOf, commonType, isArith, isCompatible, isComplete, isInteger, isRecord, isScalar, pointerTo, promote,
  sizeOf, ty, typeName,
} from './types.js';

/** expr = assign ("," expr)? */
export function expr(p: Parser): Node {
  let n = assign(p);
  let chain = 0;
  while (p.is(',')) {
    const tok = p.advance();
    p.enter(tok);
    chain++;
    const rhs = assign(p);
    n = { kind: 'comma', tok, ty: rhs.ty!.kind === 'array' ? decayed(rhs.ty!) : rhs.ty, lhs: n, rhs };
  }
  p.leave(chain);
  return n;
}

const ASSIGN_OPS: Record<string, [NodeKind, string]> = {
  '+=': ['add', '+'], '-=': ['sub', '-'], '*=': ['mul', '*'], '/=': ['div', '/'], '%=': ['mod', '%'],
  '&=': ['bitand', '&'], '|=': ['bitor', '|'], '^=': ['bitxor', '^'], '<<=': ['shl', '<<'], '>>=': ['shr', '>>'],
};

/** assign = conditional (("=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=") assign)? */
export function assign(p: Parser): Node {
  p.enter(p.tok);
  const n = assignNested(p);
  p.leave();
  return n;
}

function assignNested(p: Parser): Node {
  const lhs = conditional(p);
  const tok = p.tok;
  if (tok.kind !== 'punct') return lhs;
  if (tok.text === '=') {
    p.advance();
    const rhs = assign(p);
    checkModifiable(lhs, tok, 'left operand of assignment');
    const conv = convertForAssign(rhs, lhs.ty!, tok, 'assigning to', (m, t) => p.warn(m, t));
    if (lhs.ty!.isAtomic) return atomicAssign(p, lhs, conv, tok);
    return { kind: 'assign', tok, ty: lhs.ty, lhs, rhs: conv };
  }
  const op = ASSIGN_OPS[tok.text];
  if (!op) return lhs;
  p.advance();
  const rhs = assign(p);
  return opAssign(p, op[0], op[1], lhs, rhs, tok);
}

/** Builds `lhs op= rhs`: the operation is computed in the type `lhs op rhs` would have. */
function opAssign(p: Parser, kind: NodeKind, op: string, lhs: Node, rhs: Node, tok: Token): Node {
  checkModifiable(lhs, tok, 'left operand of assignment');
  const lt = lhs.ty!;
  // compute the type of `lhs op rhs` with a placeholder for lhs (no side effects evaluated twice)
  const probe: Node = { kind: 'num', tok, ty: lt, val: 0n };
  let model: Node;
  if (kind === 'add') model = newAdd(probe, rhs, tok);
  else if (kind === 'sub') model = newSub(probe, rhs, tok);
  else model = arith(kind, op, probe, rhs, tok);
  if (lt.kind === 'ptr' && (kind === 'add' || kind === 'sub')) {
    if (model.lhs !== probe && model.rhs === probe) throw p.error(`invalid operands to binary ${op}`, tok);
    if (lt.isAtomic) return atomicUpdate(p, lhs, kind, model.rhs!, tok, false);
    return { kind: 'opassign', tok, ty: lt, op: kind, opType: lt, lhs, rhs: model.rhs };
  }
  if (!isArith(lt)) throw p.error(`invalid operands to binary ${op} (have '${typeName(lt)}' and '${typeName(rhs.ty!)}')`, tok);
  if (lt.isAtomic) return atomicUpdate(p, lhs, kind, rhs, tok, false);
  if (lt.kind === 'ldouble' || model.ty!.kind === 'ldouble') return binary128Update(p, kind, op, lhs, rhs, tok, false);
  return { kind: 'opassign', tok, ty: lt, op: kind, opType: model.ty, lhs, rhs: model.rhs };
}

/**
 * `lhs op= rhs`, `++x` and `x++` where long double takes part: the code generator knows binary128 only as calls
 * to the libgcc helpers, so the update is spelled out on a pointer evaluated once:
 * `(at = &lhs, *at = *at op rhs)`, or for postfix `(at = &lhs, old = *at, *at = old op rhs, old)`.
 */
function binary128Update(p: Parser, kind: NodeKind, op: string, lhs: Node, rhs: Node, tok: Token, returnsOld: boolean): Node {
  const lt = lhs.ty!;
  const ptrT = pointerTo(lt);
  const at = newLocalTemp(p, ptrT);
  const atVar = (): Node => ({ kind: 'var', tok, ty: ptrT, obj: at });
  const target = (): Node => ({ kind: 'deref', tok, ty: lt, lhs: atVar() });
  const save: Node = { kind: 'assign', tok, ty: ptrT, lhs: atVar(), rhs: addressOf(p, lhs, tok) };
  const combine = (cur: Node): Node => (kind === 'add' ? newAdd(cur, rhs, tok) : kind === 'sub' ? newSub(cur, rhs, tok) : arith(kind, op, cur, rhs, tok));
  const comma = (a: Node, b: Node): Node => ({ kind: 'comma', tok, ty: b.ty, lhs: a, rhs: b });
  if (!returnsOld) return comma(save, { kind: 'assign', tok, ty: lt, lhs: target(), rhs: newCast(combine(target()), lt, tok) });
  const old = newLocalTemp(p, lt);
  const oldVar = (): Node => ({ kind: 'var', tok, ty: lt, obj: old });
  const keep: Node = { kind: 'assign', tok, ty: lt, lhs: oldVar(), rhs: target() };
  const store: Node = { kind: 'assign', tok, ty: lt, lhs: target(), rhs: newCast(combine(oldVar()), lt, tok) };
  return comma(comma(comma(save, keep), store), oldVar());
}

/** conditional = logor ("?" expr ":" conditional)? */
export function conditional(p: Parser): Node {
  p.enter(p.tok);
  const n = conditionalNested(p);
  p.leave();
  return n;
}

function conditionalNested(p: Parser): Node {
  const value = binary(p, 1);
  if (!p.is('?')) return value;
  const tok = p.advance();
  const c = checkCondition(value);
  if (p.is(':')) {
    // GNU a ?: b
    p.advance();
    const els = conditional(p);
    const tmp = newLocalTemp(p, decayed(value.ty!));
    const set: Node = { kind: 'assign', tok, ty: tmp.ty, lhs: varNode(tmp, tok), rhs: newCast(value, tmp.ty) };
    const inner = makeCond(p, set, varNode(tmp, tok), els, tok);
    return inner;
  }
  const then = expr(p);
  p.expect(':');
  const els = conditional(p);
  return makeCond(p, c, then, els, tok);
}

function makeCond(p: Parser, c: Node, then: Node, els: Node, tok: Token): Node {
  const a = decayed(then.ty!);
  const b = decayed(els.ty!);
  let t: Type;
  if (a.kind === 'void' || b.kind === 'void') t = ty.void;
  else if (isArith(a) && isArith(b)) t = commonType(a, b);
  else if (a.kind === 'ptr' && b.kind === 'ptr') t = a.base!.kind === 'void' ? a : b.base!.kind === 'void' ? b : a;
  else if (a.kind === 'ptr' && isInteger(b)) t = a;
  else if (b.kind === 'ptr' && isInteger(a)) t = b;
  else if (isRecord(a) && isRecord(b) && a.record === b.record) t = a;
  else throw p.error('type mismatch in conditional expression', tok);
  const conv = (n: Node): Node => (t.kind === 'void' || isRecord(t) ? n : newCast(n, t));
  return { kind: 'cond', tok, ty: t, cond: c, then: conv(then), els: conv(els) };
}

/** Binding strength of each binary operator (C11 6.5.5-6.5.14), loosest 1 (`||`) to tightest 10 (`*`). */
function binaryPrecedence(op: string): number {
  switch (op) {
    case '||': return 1;
    case '&&': return 2;
    case '|': return 3;
    case '^': return 4;
    case '&': return 5;
    case '==': case '!=': return 6;
    case '<': case '<=': case '>': case '>=': return 7;
    case '<<': case '>>': return 8;
    case '+': case '-': return 9;
    case '*': case '/': case '%': return 10;
    default: return 0;
  }
}

/**
 * The binary-operator levels from logor down to mul, by precedence climbing (one call per operand instead
 * of one per level): logor = logand ("||" logand)*, logand = bitor ("&&" bitor)*, bitor = bitxor ("|" bitxor)*,
 * bitxor = bitand ("^" bitand)*, bitand = equality ("&" equality)*, equality = relational (("==" | "!=") relational)*,
 * relational = shift (("<" | "<=" | ">" | ">=") shift)*, shift = add (("<<" | ">>") add)*,
 * add = mul (("+" | "-") mul)*, mul = cast (("*" | "/" | "%") cast)*. All left-associative.
 */
function binary(p: Parser, minPrec: number): Node {
  let n = cast(p);
  let chain = 0;
  for (;;) {
    const tok = p.tok;
    if (tok.kind !== 'punct') break;
    const prec = binaryPrecedence(tok.text);
    if (prec === 0 || prec < minPrec) break;
    p.advance();
    p.enter(tok);
    chain++;
    const rhs = binary(p, prec + 1);
    n = binaryNode(p, tok, n, rhs);
  }
  p.leave(chain);
  return n;
}

/** Builds `lhs op rhs` for the binary operator token `tok`, with the checks and conversions of its level. */
function binaryNode(p: Parser, tok: Token, n: Node, rhs: Node): Node {
  const t = tok.text;
  switch (t) {
    case '||': return { kind: 'logor', tok, ty: ty.int, lhs: checkCondition(n), rhs: checkCondition(rhs) };
    case '&&': return { kind: 'logand', tok, ty: ty.int, lhs: checkCondition(n), rhs: checkCondition(rhs) };
    case '|': return arith('bitor', '|', n, rhs, tok);
    case '^': return arith('bitxor', '^', n, rhs, tok);
    case '&': return arith('bitand', '&', n, rhs, tok);
    case '==': return compare('eq', t, n, rhs, tok);
    case '!=': return compare('ne', t, n, rhs, tok);
    case '<': return compare('lt', t, n, rhs, tok);
    case '<=': return compare('le', t, n, rhs, tok);
    case '>': return compare('lt', t, rhs, n, tok);
    case '>=': return compare('le', t, rhs, n, tok);
    case '<<': return arith('shl', t, n, rhs, tok);
    case '>>': return arith('shr', t, n, rhs, tok);
    case '+': return newAdd(n, rhs, tok);
    case '-': return newSub(n, rhs, tok);
  }
  // * / %
  const r = arith(t === '*' ? 'mul' : t === '/' ? 'div' : 'mod', t, n, rhs, tok);
  if (r.kind !== 'mul') {
    const d = tryEval(r.rhs!);
    if (d && d.label === null && d.val === 0n) p.warn('division by zero', tok);
  }
  return r;
}

/** cast = "(" type-name ")" cast | unary */
export function cast(p: Parser): Node {
  if (p.is('(') && isTypename(p, p.peekAt(1))) {
    const start = p.pos;
    const tok = p.advance();
    const t = typename(p);
    p.expect(')');
    if (p.is('{')) {
      // compound literal
      p.pos = start;
      return unary(p);
    }
    p.enter(tok);
    const operand = cast(p);
    p.leave();
    if (p.vlaPending.length > 0) return withVlaBounds(p, explicitCast(operand, t, tok)); // (int (*)[n]) q
    return explicitCast(operand, t, tok);
  }
  return unary(p);
}

/** unary = ("+" | "-" | "*" | "&" | "!" | "~") cast | ("++" | "--") unary | postfix */
export function unary(p: Parser): Node {
  p.enter(p.tok);
  const n = unaryNested(p);
  p.leave();
  return n;
}

function unaryNested(p: Parser): Node {
  const tok = p.tok;
  if (tok.kind === 'punct') {
    switch (tok.text) {
      case '+': {
        p.advance();
        const n = cast(p);
        if (!isArith(n.ty!)) throw p.error("wrong type argument to unary plus", tok);
        return newCast(n, promote(n.ty!));
      }
      case '-': {
        p.advance();
        const n = cast(p);
        if (!isArith(n.ty!)) throw p.error("wrong type argument to unary minus", tok);
        const t = promote(n.ty!);
        if (n.kind === 'fnum') return newFNum(n.fbits! ^ (1n << BigInt(formatOf(t).p - 1 + formatOf(t).expBits)), n.tok, t);
        return { kind: 'neg', tok, ty: t, lhs: newCast(n, t) };
      }
      case '&': {
        p.advance();
        const n = cast(p);
        return addressOf(p, n, tok);
      }
      case '*': {
        p.advance();
        const n = cast(p);
        if (n.ty!.kind === 'func') return n; // *f is f
        return newDeref(n, tok);
      }
      case '!': {
        p.advance();
        const n = checkCondition(cast(p));
        return { kind: 'not', tok, ty: ty.int, lhs: n };
      }
      case '~': {
        p.advance();
        const n = cast(p);
        if (!isInteger(n.ty!)) throw p.error("wrong type argument to bit-complement", tok);
        const t = promote(n.ty!);
        return { kind: 'bitnot', tok, ty: t, lhs: newCast(n, t) };
      }
      case '++':
      case '--': {
        p.advance();
        const n = unary(p);
        const what = tok.text === '++' ? 'increment operand' : 'decrement operand';
        checkModifiable(n, tok, what);
        checkIncrementable(p, n, tok);
        return opAssign(p, tok.text === '++' ? 'add' : 'sub', tok.text[0], n, newNum(1n, tok), tok);
      }
      case '&&': {
        // GNU labels as values: &&label is the label's address (void *)
        p.advance();
        const name = p.tok;
        if (name.kind !== 'ident') throw p.expectedError('identifier');
        p.advance();
        if (!p.curFn) throw p.error(`label '${name.text}' referenced outside of any function`, name);
        const n: Node = { kind: 'label_addr', tok: name, ty: pointerTo(ty.void), label: name.text, uniqueLabel: p.labelId(name.text) };
        p.gotos.push(n); // checked like a goto: the label must exist
        return n;
      }
    }
  }
  return postfix(p);
}

function checkIncrementable(p: Parser, n: Node, tok: Token): void {
  const t = n.ty!;
  if (!isScalar(t)) throw p.error(`wrong type argument to ${tok.text === '++' ? 'increment' : 'decrement'}`, tok);
  if (t.kind === 'ptr' && !isComplete(t.base!) && t.base!.kind !== 'void') {
    throw p.error(`invalid use of undefined type '${typeName(t.base!)}'`, tok);
  }
}

/** `&n`: marks variables as living in memory. */
function addressOf(p: Parser, n: Node, tok: Token): Node {
  if (n.kind === 'member' && n.member!.isBitfield) throw p.error(`cannot take address of bit-field '${n.member!.name}'`, tok);
  if (n.ty!.kind === 'func' && n.kind === 'var') {
    return { kind: 'addr', tok, ty: pointerTo(n.ty!), lhs: n };
  }
  if (n.kind === 'comma' && n.rhs!.kind === 'var') {
    // compound literal: (init, object)
    const a = addressOf(p, n.rhs!, tok);
    return { kind: 'comma', tok, ty: a.ty, lhs: n.lhs, rhs: a };
  }
  if (!(n.kind === 'var' || n.kind === 'deref' || n.kind === 'member' || n.kind === 'str' || ((n.kind === 'stmtexpr' || n.kind === 'call') && isRecord(n.ty!)))) {
    throw p.error('lvalue required as unary \'&\' operand', tok);
  }
  markAddressTaken(n);
  return { kind: 'addr', tok, ty: pointerTo(n.ty!), lhs: n };
}

/** Any variable whose address escapes must live in memory. */
export function markAddressTaken(n: Node): void {
  let x: Node | undefined = n;
  while (x && x.kind === 'member') x = x.lhs;
  if (x && x.kind === 'var') x.obj!.addrTaken = true;
}

/** postfix = "(" type-name ")" "{" initializer-list "}" postfix-ops | primary postfix-ops
 *  postfix-ops = ("[" expr "]" | "." ident | "->" ident | "++" | "--" | "(" args ")")* */
function postfix(p: Parser): Node {
  let n: Node;
  if (p.is('(') && isTypename(p, p.peekAt(1))) {
    const tok = p.advance();
    const t = typename(p);
    p.expect(')');
    n = compoundLiteral(p, t, tok);
  } else n = primary(p);
  // Each postfix operator deepens the tree by one, like an operand of a binary chain.
  let chain = 0;
  for (;;) {
    const tok = p.tok;
    if (tok.kind !== 'punct') break;
    if (POSTFIX_OPERATORS.has(tok.text)) {
      p.enter(tok);
      chain++;
    }
    if (tok.text === '[') {
      p.advance();
      const idx = expr(p);
      p.expect(']');
      const a = decayed(n.ty!);
      const b = decayed(idx.ty!);
      if (a.kind !== 'ptr' && b.kind !== 'ptr') throw p.error('subscripted value is neither array nor pointer nor vector', tok);
      if (!isInteger(a.kind === 'ptr' ? b : a)) throw p.error('array subscript is not an integer', tok);
      n = newDeref(newAdd(n, idx, tok), tok);
      continue;
    }
    if (tok.text === '.') {
      p.advance();
      const name = p.tok;
      if (name.kind !== 'ident') throw p.expectedError('identifier');
      p.advance();
      n = newMember(n, name);
      continue;
    }
    if (tok.text === '->') {
      p.advance();
      const name = p.tok;
      if (name.kind !== 'ident') throw p.expectedError('identifier');
      p.advance();
      const t = decayed(n.ty!);
      if (t.kind !== 'ptr') throw p.error(`invalid type argument of '->' (have '${typeName(n.ty!)}')`, tok);
      n = newMember(newDeref(n, tok), name);
      continue;
    }
    if (tok.text === '++' || tok.text === '--') {
      p.advance();
      checkModifiable(n, tok, tok.text === '++' ? 'increment operand' : 'decrement operand');
      checkIncrementable(p, n, tok);
      const t = n.ty!;
      if (t.kind === 'ptr' && t.base!.vlaSize) {
        // pointer to a VLA: (p += 1) - 1, the step being known only at run time
        const inc = tok.text === '++';
        const one = newNum(1n, tok);
        const updated = opAssign(p, inc ? 'add' : 'sub', tok.text[0], n, one, tok);
        n = inc ? newSub(updated, one, tok) : newAdd(updated, one, tok);
        continue;
      }
      if (t.kind === 'ldouble') {
        n = binary128Update(p, tok.text === '++' ? 'add' : 'sub', tok.text[0], n, newNum(1n, tok), tok, true);
        continue;
      }
      const step = t.kind === 'ptr' ? BigInt(t.base!.kind === 'void' ? 1 : sizeOf(t.base!)) : 1n;
      n = t.isAtomic ? atomicUpdate(p, n, tok.text === '++' ? 'add' : 'sub', newNum(t.kind === 'ptr' ? step : 1n, tok), tok, true)
        : { kind: 'postinc', tok, ty: t, lhs: n, val: tok.text === '++' ? step : -step };
      continue;
    }
    if (tok.text === '(') {
      p.advance();
      n = funcall(p, n, tok);
      continue;
    }
    break;
  }
  p.leave(chain);
  return n;
}

const POSTFIX_OPERATORS = new Set(['[', '.', '->', '++', '--', '(']);

/** funcall = (assign ("," assign)*)? ")" */
function funcall(p: Parser, fn: Node, tok: Token): Node {
  let ft = fn.ty!;
  if (ft.kind === 'ptr' && ft.base!.kind === 'func') ft = ft.base!;
  if (ft.kind !== 'func') throw p.error('called object is not a function or function pointer', fn.tok);
  const args: Node[] = [];
  const params = ft.params!;
  const fname = fn.kind === 'var' ? fn.obj!.name : null;
  if (!p.is(')')) {
    for (;;) {
      const a = assign(p);
      const i = args.length;
      if (i < params.length) {
        const ctx = `passing argument ${i + 1} of '${fname ?? 'function'}'`;
        args.push(convertArg(p, a, params[i], ctx, fname, i));
      } else {
        if (!ft.variadic && !ft.oldStyle) {
          throw p.error(`too many arguments to function '${fname ?? typeName(ft)}'`, a.tok);
        }
        if (a.ty!.kind === 'void') throw p.error('void value not ignored as it ought to be', a.tok);
        const t = decayed(a.ty!);
        // default argument promotions: small integers to int, float to double (C11 6.5.2.2)
        args.push(isInteger(t) ? newCast(a, promote(t)) : t.kind === 'float' ? newCast(a, ty.double) : newCast(a, t));
      }
      if (!p.consume(',')) break;
    }
  }
  const close = p.expect(')');
  if (args.length < params.length) throw p.error(`too few arguments to function '${fname ?? typeName(ft)}'`, close);
  const ret = ft.returnType!;
  const node: Node = { kind: 'call', tok, ty: ret, lhs: fn, args, funcType: ft };
  if ((isRecord(ret) || ret.kind === 'ldouble') && p.curFn) node.tmp = newLocalTemp(p, ret);
  return node;
}

function convertArg(p: Parser, a: Node, t: Type, ctx: string, fname: string | null, i: number): Node {
  const from = decayed(a.ty!);
  if ((isRecord(t) || isRecord(from)) && !(isRecord(t) && isRecord(from) && t.record === from.record)) {
    throw p.error(`incompatible type for argument ${i + 1} of '${fname ?? 'function'}'`, a.tok);
  }
  return convertForAssign(a, t, a.tok, ctx, (m, tk) => p.warn(m, tk));
}

/** Records that function `f` refers to function `name` (the set is made on the first reference). */
function addRef(f: Obj, name: string): void {
  (f.refs ?? (f.refs = new Set())).add(name);
}

/**
 * A variable use, the most common node. Made by a constructor rather than an object literal: V8 pretenures a
 * literal's allocation site once its objects prove long-lived and then deoptimizes every function the
 * allocation was inlined into (identifier, primary, unary, ...), mid-compile.
 */
class VarUse implements Node {
  kind: NodeKind = 'var';
  constructor(
    public tok: Token,
    public ty: Type,
    public obj: Obj,
  ) {}
}

export function varNode(obj: Obj, tok: Token): Node {
  return new VarUse(tok, obj.ty, obj);
}

/**
 * primary = "(" "{" stmt+ "}" ")" | "(" expr ")" | "sizeof" "(" type-name ")" | "sizeof" unary
 *         | "_Alignof" "(" type-name ")" | "_Generic" generic-selection | builtin | ident | str+ | num | char
 */
function primary(p: Parser): Node {
  const tok = p.tok;
  if (p.is('(') && p.peekAt(1).text === '{' && p.peekAt(1).kind === 'punct') {
    if (!p.curFn) throw p.error('braced-group within expression allowed only inside a function', tok);
    p.advance();
    p.advance();
    const body = compoundStmtBody(p, true);
    p.expect(')');
    const last = body.body![body.body!.length - 1];
    const t = last && last.kind === 'expr_stmt' ? decayed(last.lhs!.ty!) : ty.void;
    const n: Node = { kind: 'stmtexpr', tok, ty: t, body: body.body };
    if (isRecord(t)) n.tmp = newLocalTemp(p, t);
    return n;
  }
  if (p.is('(')) {
    p.advance();
    const n = expr(p);
    p.expect(')');
    return n;
  }
  if (tok.kind === 'keyword') return keywordPrimary(p, tok);
  if (tok.kind === 'ident') return isAtomicBuiltin(tok.text) ? atomicBuiltin(p, tok) : identifier(p, tok);
  if (tok.kind === 'str') return stringLiteral(p);
  if (tok.kind === 'num') {
    p.advance();
    if (isFloatSpelling(tok.text)) {
      if (p.softFloat) throw p.error('floating point needs -mabi=ilp32d', tok);
      const f = parseFloatLiteral(tok);
      return newFNum(f.bits, tok, ty[f.kind]);
    }
    const lit = parseIntegerLiteral(tok);
    const t = lit.size === 8 ? (lit.unsigned ? ty.ullong : ty.llong) : lit.isLong ? (lit.unsigned ? ty.ulong : ty.long) : lit.unsigned ? ty.uint : ty.int;
    return newNum(lit.value, tok, t);
  }
  if (tok.kind === 'char') {
    p.advance();
    const t = charConstantType(tok);
    return newNum(t.unsigned ? BigInt(tok.charValue! >>> 0) : BigInt(tok.charValue!), tok, t);
  }
  throw p.expectedError('expression');
}

function identifier(p: Parser, tok: Token): Node {
  p.advance();
  const e = p.findVar(tok.text);
  if (e && e.obj) {
    const o = e.obj;
    if (o.vlaPtr) return vlaUse(o, tok);
    o.uses = (o.uses ?? 0) + (p.loopDepth > 0 ? 8 * p.loopDepth : 1);
    if (o.isFunction && p.curFn) addRef(p.curFn, o.name);
    if (o.isFunction) o.isReferenced = true;
    return varNode(o, tok);
  }
  if (e && e.enumVal !== undefined) return newNum(e.enumVal, tok, enumConstantType(e.enumVal));
  if (e && e.typedef) throw p.expectedError('expression');
  if (tok.text === '__func__' || tok.text === '__FUNCTION__') {
    const fv = funcNameVar(p, tok);
    if (fv) return varNode(fv, tok);
  }
  if (tok.text.startsWith('__builtin_')) {
    const b = gnuBuiltin(p, tok);
    if (b) return b;
  }
  if (p.is('(')) {
    p.warn(`implicit declaration of function '${tok.text}' [-Wimplicit-function-declaration]`, tok);
    const o = declareImplicitFunction(p, tok);
    if (p.curFn) addRef(p.curFn, o.name);
    return varNode(o, tok);
  }
  if (p.curFn) throw p.error(`'${tok.text}' undeclared (first use in this function)`, tok);
  throw p.error(`'${tok.text}' undeclared here (not in a function)`, tok);
}

/** An enumeration constant's type, as gcc gives it: int when the value fits, else the first of unsigned int,
 * long long and unsigned long long that holds it. */
function enumConstantType(v: bigint): Type {
  if (v >= -0x80000000n && v <= 0x7fffffffn) return ty.int;
  if (v >= 0n && v <= 0xffffffffn) return ty.uint;
  if (v >= -(1n << 63n) && v < 1n << 63n) return ty.llong;
  return ty.ullong;
}

/** str+ : adjacent literals concatenate; a wide literal makes the whole result wide. */
function stringLiteral(p: Parser): Node {
  const tok = p.tok;
  let elems: number[] = [];
  let charSize = 1;
  let prefix = encodingPrefix(tok);
  while (p.tok.kind === 'str') {
    const t = p.advance();
    if (t.charSize! > charSize) {
      charSize = t.charSize!;
      prefix = encodingPrefix(t);
    }
    elems = elems.concat(t.strElems!);
  }
  const idx = p.addString(elems, charSize);
  const elemTy = stringElementType(prefix);
  return { kind: 'str', tok, ty: arrayOf(elemTy, elems.length + 1), strIndex: idx };
}

export { constExpr, CompileError };
