// Initializers: braces, brace elision, designators (.m, [i], chained), string literals for char arrays,
// arrays of unknown size completed from their initializer. Locals become assignments; globals become
// bytes plus relocations.
import type { Node, Obj } from './ast.js';
import { tryEval, wrap } from './fold.js';
import { Parser } from './parse-state.js';
import { assign, markAddressTaken, varNode } from './parse-expr.js';
import { newGlobalAnon, newLocalTemp } from './parse.js';
import { convertForAssign, floatConst, newAdd, newCast, newDeref, newNum } from './sema.js';
import type { Token } from './tokenize.js';
import { Member, Type, arrayOf, isFloat, isRecord, sizeOf, ty, typeName } from './types.js';
import { constExpr } from './fold.js';

/** A node of the initializer tree, shaped like the type it initializes. */
interface Init {
  ty: Type;
  tok: Token | null;
  expr: Node | null;
  children: Init[] | null;
  /** Array of unknown size: children grow as elements appear. */
  open: boolean;
  /** Union: the member initialized. */
  unionMember: number;
}

function newInit(t: Type, open = false): Init {
  const init: Init = { ty: t, tok: null, expr: null, children: null, open, unionMember: 0 };
  if (t.kind === 'array') {
    const n = t.arrayLen! < 0 ? 0 : t.arrayLen!;
    init.children = [];
    for (let i = 0; i < n; i++) init.children.push(newInit(t.base!));
    init.open = t.arrayLen! < 0;
  } else if (isRecord(t)) {
    init.children = t.record!.members.map((m) => newInit(m.type));
  }
  return init;
}

function child(p: Parser, init: Init, i: number, tok: Token): Init | null {
  const kids = init.children!;
  if (i < kids.length) return kids[i];
  if (!init.open) {
    p.warn(`excess elements in ${isRecord(init.ty) ? 'struct' : 'array'} initializer`, tok);
    return null;
  }
  while (kids.length <= i) kids.push(newInit(init.ty.base!));
  return kids[i];
}

function isEnd(p: Parser): boolean {
  return p.is('}') || (p.is(',') && p.peekAt(1).text === '}');
}

function skipExcess(p: Parser): void {
  if (p.is('{')) {
    p.advance();
    while (!p.consume('}')) {
      skipExcess(p);
      p.consume(',');
    }
    return;
  }
  assign(p);
}

/** initializer = string | "{" initializer-list "}" | assign  (for the node `init` of type init.ty) */
function initializer2(p: Parser, init: Init): void {
  p.enter(p.tok);
  initializerNested(p, init);
  p.leave();
}

function initializerNested(p: Parser, init: Init): void {
  const t = init.ty;
  init.tok = p.tok;
  if (t.kind === 'array' && isCharArray(t) && (p.tok.kind === 'str' || (p.is('(') && p.peekAt(1).kind === 'str'))) {
    stringInit(p, init);
    return;
  }
  if (t.kind === 'array' && isCharArray(t) && p.is('{') && p.peekAt(1).kind === 'str') {
    // C11 6.7.9p14: the string literal may be enclosed in braces
    p.advance();
    stringInit(p, init);
    p.consume(',');
    p.expect('}');
    return;
  }
  if (t.kind === 'array') {
    if (p.is('{')) arrayInitBraced(p, init);
    else arrayInitElided(p, init, 0);
    return;
  }
  if (isRecord(t)) {
    if (p.is('{')) return recordInitBraced(p, init);
    // an expression of the same struct type initializes it whole
    const start = p.pos;
    const e = assign(p);
    if (isRecord(e.ty!) && e.ty!.record === t.record) {
      init.expr = e;
      return;
    }
    p.pos = start;
    recordInitElided(p, init, 0);
    return;
  }
  if (p.is('{')) {
    // braces around a scalar
    p.advance();
    if (p.is('}')) {
      p.advance();
      init.expr = newNum(0n, init.tok!);
      return;
    }
    initializer2(p, init);
    while (p.consume(',') && !p.is('}')) skipExcess(p);
    p.expect('}');
    return;
  }
  const e = assign(p);
  init.expr = convertForAssign(e, t, e.tok, 'initializing', (m, tk) => p.warn(m, tk));
}

function isCharArray(t: Type): boolean {
  const b = t.base!;
  return b.kind === 'char' || ((b.kind === 'int' || b.kind === 'short' || b.kind === 'long') && !!b);
}

function stringInit(p: Parser, init: Init): void {
  const paren = p.consume('(');
  const tok = p.tok;
  let elems: number[] = [];
  let charSize = 1;
  while (p.tok.kind === 'str') {
    const s = p.advance();
    charSize = Math.max(charSize, s.charSize!);
    elems = elems.concat(s.strElems!);
  }
  if (paren) p.expect(')');
  const elemSize = sizeOf(init.ty.base!);
  if (elemSize !== charSize) {
    throw p.error(charSize === 1 ? 'array of inappropriate type initialized from string constant' : 'cannot initialize array of char from wide string', tok);
  }
  elems.push(0);
  if (init.open) {
    init.children = elems.map(() => newInit(init.ty.base!));
  } else if (elems.length > init.children!.length + 1) {
    p.warn('initializer-string for array of chars is too long', tok);
  }
  const n = Math.min(elems.length, init.children!.length);
  for (let i = 0; i < n; i++) init.children![i].expr = newNum(BigInt(elems[i]), tok, init.ty.base!);
}

/** "{" ( designation? initializer ("," designation? initializer)* ","? )? "}" for arrays */
function arrayInitBraced(p: Parser, init: Init): void {
  p.expect('{');
  let i = 0;
  let first = true;
  while (!p.consume('}')) {
    if (!first) {
      p.expect(',');
      if (p.consume('}')) break;
    }
    first = false;
    if (p.is('[')) {
      i = arrayDesignator(p, init);
      const c = child(p, init, i, p.tok)!;
      designation(p, c);
      i++;
      continue;
    }
    if (p.is('.')) throw p.error(`field name not in record or union initializer`, p.tok);
    const c = child(p, init, i, p.tok);
    if (c) initializer2(p, c);
    else skipExcess(p);
    i++;
  }
}

function arrayDesignator(p: Parser, init: Init): number {
  const tok = p.expect('[');
  const i = Number(constExpr(assign(p)));
  p.expect(']');
  if (i < 0 || (!init.open && i >= init.children!.length)) throw p.error('array index in initializer exceeds array bounds', tok);
  return i;
}

/** Brace elision: an array initialized from the enclosing list takes as many elements as it holds. */
function arrayInitElided(p: Parser, init: Init, start: number): void {
  for (let i = start; (init.open || i < init.children!.length) && !isEnd(p); i++) {
    const save = p.pos;
    if (i > 0) p.expect(',');
    if (p.is('[') || p.is('.')) {
      p.pos = save;
      return;
    }
    initializer2(p, child(p, init, i, p.tok)!);
  }
}

/** designation = ("[" const-expr "]" | "." ident)* "=" initializer */
function designation(p: Parser, init: Init): void {
  if (p.is('[')) {
    if (init.ty.kind !== 'array') throw p.error('array index in non-array initializer', p.tok);
    const i = arrayDesignator(p, init);
    designation(p, child(p, init, i, p.tok)!);
    if (init.ty.kind === 'array') arrayInitElided(p, init, i + 1);
    return;
  }
  if (p.is('.')) {
    if (!isRecord(init.ty)) throw p.error('field name not in record or union initializer', p.tok);
    p.advance();
    const idx = memberIndex(p, init.ty);
    if (init.ty.kind === 'union') init.unionMember = idx;
    designation(p, init.children![idx]);
    if (init.ty.kind === 'struct') recordInitElided(p, init, idx + 1);
    return;
  }
  p.consume('=');
  initializer2(p, init);
}

function memberIndex(p: Parser, t: Type): number {
  const name = p.tok;
  if (name.kind !== 'ident') throw p.expectedError('identifier');
  p.advance();
  const ms = t.record!.members;
  const idx = ms.findIndex((m) => m.name === name.text);
  if (idx < 0) {
    // anonymous member containing it: designate the anonymous member, then the field inside
    const anon = ms.findIndex((m) => m.name === null && m.type.record && hasMember(m.type, name.text));
    if (anon >= 0) {
      p.pos--;
      p.pos--; // back to '.'
      return anon;
    }
    throw p.error(`'${typeName(t)}' has no member named '${name.text}'`, name);
  }
  return idx;
}

function hasMember(t: Type, name: string): boolean {
  return t.record!.members.some((m) => m.name === name || (m.name === null && m.type.record !== undefined && hasMember(m.type, name)));
}

function recordInitBraced(p: Parser, init: Init): void {
  p.expect('{');
  const ms = init.ty.record!.members;
  let i = 0;
  let first = true;
  while (!p.consume('}')) {
    if (!first) {
      p.expect(',');
      if (p.consume('}')) break;
    }
    first = false;
    if (p.is('.')) {
      p.advance();
      i = memberIndex(p, init.ty);
      if (init.ty.kind === 'union') init.unionMember = i;
      designation(p, init.children![i]);
      i++;
      continue;
    }
    if (p.is('[')) throw p.error('array index in non-array initializer', p.tok);
    while (i < ms.length && ms[i].isBitfield && ms[i].name === null) i++;
    if (i >= ms.length || (init.ty.kind === 'union' && i > 0)) {
      p.warn(`excess elements in ${init.ty.kind} initializer`, p.tok);
      skipExcess(p);
      continue;
    }
    if (init.ty.kind === 'union') init.unionMember = i;
    initializer2(p, init.children![i]);
    i++;
  }
}

function recordInitElided(p: Parser, init: Init, start: number): void {
  const ms = init.ty.record!.members;
  if (init.ty.kind === 'union') {
    if (start === 0) initializer2(p, init.children![0]);
    return;
  }
  let first = true;
  for (let i = start; i < ms.length && !isEnd(p); i++) {
    if (ms[i].isBitfield && ms[i].name === null) continue;
    const save = p.pos;
    if (!first || start > 0) p.expect(',');
    first = false;
    if (p.is('[') || p.is('.')) {
      p.pos = save;
      return;
    }
    initializer2(p, init.children![i]);
  }
}

/** Parses an initializer for type `t`; returns the tree and the type completed (arrays of unknown size). */
function parseInitializer(p: Parser, t: Type): { init: Init; ty: Type } {
  const init = newInit(t);
  initializer2(p, init);
  let full = t;
  if (t.kind === 'array' && t.arrayLen! < 0) full = arrayOf(t.base!, init.children!.length);
  else if (isRecord(t) && t.record!.isFlexible) {
    // a flexible array member initialized: the object grows (gcc extension)
    const last = init.children![init.children!.length - 1];
    const n = last.children?.length ?? 0;
    if (n > 0) {
      const extra = n * sizeOf(last.ty.base!);
      full = { ...t, record: { ...t.record!, size: t.record!.size + extra }, size: t.record!.size + extra };
    }
  }
  init.ty = full;
  return { init, ty: full };
}

// ---- locals: a sequence of assignments ----

/** declaration initializer for a local: zero-fills aggregates, then assigns each given element. */
export function localInitializer(p: Parser, v: Obj, tok: Token): Node {
  const { init, ty: full } = parseInitializer(p, v.ty);
  v.ty = full;
  const stmts: Node[] = [];
  if (full.kind === 'array' || isRecord(full)) {
    if (!(isRecord(full) && init.expr)) stmts.push({ kind: 'memzero', tok, ty: ty.void, obj: v });
    markAddressTaken(varNode(v, tok));
  }
  emitLocalInit(init, varNode(v, tok), stmts, tok);
  let n: Node = stmts[0] ?? { kind: 'nullexpr', tok, ty: ty.void };
  for (let i = 1; i < stmts.length; i++) n = { kind: 'comma', tok, ty: stmts[i].ty, lhs: n, rhs: stmts[i] };
  return n;
}

function emitLocalInit(init: Init, target: Node, out: Node[], tok: Token): void {
  const t = init.ty;
  if (init.expr) {
    out.push({ kind: 'assign', tok: init.tok ?? tok, ty: t, lhs: target, rhs: init.expr });
    return;
  }
  if (!init.children) return;
  if (t.kind === 'array') {
    init.children.forEach((c, i) => {
      if (!hasValue(c)) return;
      const el = newDeref(newAdd(target, newNum(BigInt(i), tok), tok), tok);
      emitLocalInit(c, el, out, tok);
    });
    return;
  }
  const ms = t.record!.members;
  const emitMember = (i: number): void => {
    const c = init.children![i];
    if (!hasValue(c)) return;
    const m = ms[i];
    const el: Node = { kind: 'member', tok, ty: m.type, lhs: target, member: m };
    emitLocalInit(c, el, out, tok);
  };
  if (t.kind === 'union') emitMember(init.unionMember);
  else for (let i = 0; i < ms.length; i++) emitMember(i);
}

function hasValue(init: Init): boolean {
  if (init.expr) return true;
  return !!init.children && init.children.some(hasValue);
}

// ---- globals: bytes and relocations ----

/** Parses the initializer of a global (or static local) and fills `v.initData` and `v.relocs`. */
export function globalInitializer(p: Parser, v: Obj): void {
  p.inStaticInit++;
  let parsed: { init: Init; ty: Type };
  try {
    parsed = parseInitializer(p, v.ty);
  } finally {
    p.inStaticInit--;
  }
  const { init, ty: full } = parsed;
  v.ty = full;
  const buf = new Uint8Array(sizeOf(full));
  v.relocs = [];
  writeGlobal(p, init, buf, 0, v);
  v.initData = buf;
}

function writeGlobal(p: Parser, init: Init, buf: Uint8Array, offset: number, v: Obj, bitMember?: Member): void {
  const t = init.ty;
  if (init.expr) {
    const e = init.expr;
    const lit = staticCompoundLiteral(e);
    if (lit && sizeOf(lit.ty) === sizeOf(t) && !bitMember) {
      // gcc: a compound literal of constants initializes a static object as its initializer list would
      buf.set(lit.initData!.subarray(0, buf.length - offset), offset);
      for (const r of lit.relocs ?? []) v.relocs!.push({ ...r, offset: offset + r.offset });
      return;
    }
    if (isRecord(t)) {
      // struct copy from a constant object is not a constant expression in C
      throw p.error('initializer element is not constant', e.tok);
    }
    if (isFloat(t)) {
      // the expression is already converted to t: its bits, folded exactly in t's format
      const bits = floatConst(e);
      if (bits === null) throw p.error('initializer element is not constant', e.tok);
      writeInt(buf, offset, sizeOf(t), bits);
      return;
    }
    const c = tryEval(e);
    if (!c) throw p.error('initializer element is not constant', e.tok);
    if (c.label !== null) {
      if (sizeOf(t) !== 4) throw p.error('initializer element is not computable at load time', e.tok);
      v.relocs!.push({ offset, label: c.label, addend: Number(c.val) });
      return;
    }
    if (bitMember) {
      writeBits(buf, offset, bitMember, c.val);
      return;
    }
    writeInt(buf, offset, sizeOf(t), wrap(c.val, t));
    return;
  }
  if (!init.children) return;
  if (t.kind === 'array') {
    const es = sizeOf(t.base!);
    init.children.forEach((c, i) => writeGlobal(p, c, buf, offset + i * es, v));
    return;
  }
  const ms = t.record!.members;
  const one = (i: number): void => {
    const m = ms[i];
    writeGlobal(p, init.children![i], buf, offset + m.offset, v, m.isBitfield ? m : undefined);
  };
  if (t.kind === 'union') one(init.unionMember);
  else for (let i = 0; i < ms.length; i++) one(i);
}

/** The static compound literal an initializer expression reads whole (a struct, or a scalar's value), if any. */
function staticCompoundLiteral(e: Node): Obj | null {
  while (e.kind === 'cast' && e.lhs && sizeOf(e.lhs.ty!) === sizeOf(e.ty!) && e.lhs.ty!.kind === e.ty!.kind) e = e.lhs;
  if (e.kind !== 'var' || !e.obj?.isCompoundLiteral || !e.obj.initData) return null;
  return e.obj.ty.kind === 'array' ? null : e.obj;
}

function writeInt(buf: Uint8Array, offset: number, size: number, v: bigint): void {
  let x = BigInt.asUintN(size * 8, v);
  for (let i = 0; i < size && offset + i < buf.length; i++) {
    buf[offset + i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

function writeBits(buf: Uint8Array, unitOffset: number, m: Member, v: bigint): void {
  const size = sizeOf(m.type);
  let unit = 0n;
  for (let i = size - 1; i >= 0; i--) unit = (unit << 8n) | BigInt(buf[unitOffset + i] ?? 0);
  const mask = ((1n << BigInt(m.bitWidth)) - 1n) << BigInt(m.bitOffset);
  unit = (unit & ~mask) | ((BigInt.asUintN(m.bitWidth, v) << BigInt(m.bitOffset)) & mask);
  writeInt(buf, unitOffset, size, unit);
}

/** compound-literal = "(" type-name ")" "{" initializer-list "}" (the type is already parsed) */
export function compoundLiteral(p: Parser, t: Type, tok: Token): Node {
  if (!p.curFn || p.inStaticInit > 0) {
    const g = newGlobalAnon(p, t, tok);
    g.isCompoundLiteral = true;
    globalInitializer(p, g);
    return varNode(g, tok);
  }
  const v = newLocalTemp(p, t);
  const initExpr = localInitializer(p, v, tok);
  v.addrTaken = true;
  const ref = varNode(v, tok);
  return { kind: 'comma', tok, ty: v.ty, lhs: initExpr, rhs: ref };
}

export { newCast };
