// Declarations: specifiers, declarators, struct/union/enum bodies, type names, attributes.
import { constExpr, tryEval } from './fold.js';
import { isVariablyModified, vlaArray, vlaBound } from './vla.js';
import { Attrs, mergeAttrs, noAttrs, parseAttributes } from './attributes.js';
import { Parser, VarAttr } from './parse-state.js';
import { conditional, expr } from './parse-expr.js';
import { paramObj } from './parse.js';
import type { Token } from './tokenize.js';
import {
  MemberDecl, Type, alignOf, arrayOf, copyType, enumType, funcType, isInteger, layoutStruct, layoutUnion,
  pointerTo, recordType, sizeOf, ty, typeName,
} from './types.js';

const TYPE_WORDS = new Set([
  'void', '_Bool', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', 'struct', 'union',
  'enum', 'typedef', 'static', 'extern', 'inline', '_Noreturn', 'const', 'volatile', 'auto', 'register',
  'restrict', '_Alignas', '_Atomic', '_Thread_local', '__attribute__', 'typeof', '_Complex', '__auto_type',
]);

/** The type `__auto_type` stands for until the declaration's initializer gives it (parse-stmt.ts). */
export const AUTO_TYPE: Type = Object.freeze({ kind: 'int', size: 4, align: 4, unsigned: false }) as Type;

/** True when the current token starts a type name or declaration. */
export function isTypename(p: Parser, t: Token = p.tok): boolean {
  if (t.kind === 'keyword') return TYPE_WORDS.has(t.text);
  if (t.kind !== 'ident') return false;
  return p.findVar(t.text)?.typedef !== undefined;
}

/** The largest alignment an object may ask for: what the assembler's .p2align takes (2^16). */
const MAX_ALIGNMENT = 1 << 16;

function checkAlignment(p: Parser, a: number, tok: Token): number {
  if (a > MAX_ALIGNMENT) throw p.error(`requested alignment ${a} exceeds the maximum ${MAX_ALIGNMENT}`, tok);
  return a;
}

/** The record of a place without attributes (shared, never written). */
export const NO_ATTRIBUTES: Attrs = Object.freeze(noAttrs());

/** Parses `__attribute__((...))` lists (front/attributes.ts); the shared empty record when there are none. */
export function attributes(p: Parser): Attrs {
  if (!p.is('__attribute__')) return NO_ATTRIBUTES; // the usual case: nothing to allocate
  return parseAttributes(p);
}

/** The attributes of one declarator: its specifiers', its own, and those after it. */
export function declAttrs(attr: VarAttr, d: Decl, after: Attrs): Attrs {
  return mergeAttrs(mergeAttrs(mergeAttrs(noAttrs(), attr.gnu), d.attrs), after);
}

const enum W {
  VOID = 1 << 0, BOOL = 1 << 2, CHAR = 1 << 4, SHORT = 1 << 6, INT = 1 << 8, LONG = 1 << 10,
  OTHER = 1 << 12, SIGNED = 1 << 13, UNSIGNED = 1 << 14, FLOAT = 1 << 16, DOUBLE = 1 << 18,
}

/**
 * declspec = ("void" | "_Bool" | "char" | "short" | "int" | "long" | "signed" | "unsigned"
 *            | struct-decl | union-decl | enum-decl | typedef-name | typeof
 *            | "typedef" | "static" | "extern" | "inline" | "_Noreturn" | "_Alignas" ...
 *            | "const" | "volatile" | "restrict" | attribute)+
 */
export function declspec(p: Parser, attr: VarAttr | null): Type {
  let t: Type = ty.int;
  let counter = 0;
  let isConst = false;
  let isVolatile = false;
  let isAtomic = false;
  const start = p.tok;
  for (;;) {
    const tok = p.tok;
    if (!isTypename(p)) break;
    const s = tok.text;
    if (s === 'typedef' || s === 'static' || s === 'extern' || s === 'inline' || s === '_Noreturn' || s === 'auto' || s === 'register' || s === '_Thread_local') {
      if (!attr) throw p.error('storage class specified in a type name or parameter list', tok);
      p.advance();
      if (s === 'typedef') attr.isTypedef = true;
      else if (s === 'static') attr.isStatic = true;
      else if (s === 'extern') attr.isExtern = true;
      else if (s === 'inline') attr.isInline = true;
      else if (s === '_Noreturn') attr.isNoreturn = true;
      if ([attr.isTypedef, attr.isStatic, attr.isExtern].filter(Boolean).length > 1) {
        throw p.error('multiple storage classes in declaration specifiers', tok);
      }
      continue;
    }
    if (s === '_Atomic' && p.peekAt(1).text === '(') {
      // _Atomic ( type-name ): a type specifier
      if (counter) break;
      t = atomicSpecifier(p);
      counter += W.OTHER;
      continue;
    }
    if (s === 'const' || s === 'volatile' || s === 'restrict' || s === '_Atomic') {
      p.advance();
      if (s === 'const') isConst = true;
      if (s === 'volatile') isVolatile = true;
      if (s === '_Atomic') isAtomic = true;
      continue;
    }
    if (s === '__attribute__') {
      const a = attributes(p);
      if (attr && a.aligned) attr.align = Math.max(attr.align, a.aligned);
      if (attr) attr.gnu = mergeAttrs(attr.gnu ?? noAttrs(), a);
      continue;
    }
    if (s === '_Alignas') {
      if (!attr) throw p.error("'_Alignas' is not allowed here", tok);
      p.advance();
      p.expect('(');
      const a = checkAlignment(p, isTypename(p) ? alignOf(typename(p)) : Number(constExpr(conditional(p))), tok);
      p.expect(')');
      if (a & (a - 1)) throw p.error('requested alignment is not a positive power of 2', tok);
      attr.align = Math.max(attr.align, a);
      continue;
    }
    if (s === '_Complex') throw p.error(`'${s}' is not supported by pagoda cc`, tok);
    if ((s === 'float' || s === 'double') && p.softFloat) throw p.error('floating point needs -mabi=ilp32d', tok);
    if (s === '__auto_type') {
      if (counter) break;
      p.advance();
      t = AUTO_TYPE;
      counter += W.OTHER;
      continue;
    }
    const isUserType = tok.kind === 'ident' || s === 'struct' || s === 'union' || s === 'enum' || s === 'typeof';
    if (isUserType) {
      if (counter) break;
      p.advance();
      if (s === 'struct' || s === 'union') t = recordDecl(p, s);
      else if (s === 'enum') t = enumDecl(p);
      else if (s === 'typeof') t = typeofSpec(p);
      else t = p.findVar(s)!.typedef!;
      counter += W.OTHER;
      continue;
    }
    p.advance();
    switch (s) {
      case 'void': counter += W.VOID; break;
      case '_Bool': counter += W.BOOL; break;
      case 'char': counter += W.CHAR; break;
      case 'short': counter += W.SHORT; break;
      case 'int': counter += W.INT; break;
      case 'long': counter += W.LONG; break;
      case 'float': counter += W.FLOAT; break;
      case 'double': counter += W.DOUBLE; break;
      case 'signed': counter |= W.SIGNED; break;
      case 'unsigned': counter |= W.UNSIGNED; break;
    }
    const r = basicType(counter);
    if (!r) throw p.error(`invalid combination of type specifiers`, tok);
    t = r;
  }
  if (counter === 0 && start === p.tok) throw p.expectedError('declaration specifiers');
  if (counter === 0 && !(attr && (attr.isTypedef || attr.isStatic || attr.isExtern || attr.isInline))) {
    // "const x;" style implicit int: accept as gcc does (with a warning)
    p.warn(`type defaults to 'int' in declaration`, start);
  }
  // a qualified struct is a copy sharing the body (Record), so completing the struct later reaches it
  // (_Atomic still marks scalars and pointers only, as the atomics code expects)
  const atomic = isAtomic && !t.record;
  if ((isConst || isVolatile || atomic) && t !== AUTO_TYPE) {
    t = copyType(t);
    if (isConst) t.isConst = true;
    if (isVolatile) t.isVolatile = true;
    if (atomic) t.isAtomic = true;
  }
  return t;
}

function basicType(c: number): Type | null {
  const signed = (c & W.SIGNED) !== 0;
  const unsigned = (c & W.UNSIGNED) !== 0;
  if (signed && unsigned) return null;
  const base = c & ~(W.SIGNED | W.UNSIGNED);
  switch (base) {
    case W.VOID: return signed || unsigned ? null : ty.void;
    case W.BOOL: return signed || unsigned ? null : ty.bool;
    case W.CHAR: return signed ? ty.schar : unsigned ? ty.uchar : ty.char;
    case W.SHORT: case W.SHORT + W.INT: return unsigned ? ty.ushort : ty.short;
    case 0: case W.INT: return unsigned ? ty.uint : ty.int;
    case W.LONG: case W.LONG + W.INT: return unsigned ? ty.ulong : ty.long;
    case 2 * W.LONG: case 2 * W.LONG + W.INT: return unsigned ? ty.ullong : ty.llong;
    case W.FLOAT: return signed || unsigned ? null : ty.float;
    case W.DOUBLE: return signed || unsigned ? null : ty.double;
    case W.DOUBLE + W.LONG: return signed || unsigned ? null : ty.ldouble;
  }
  return null;
}

/** atomic-spec = "_Atomic" "(" type-name ")": the type, _Atomic-qualified (structs stay plain: see atomic.ts). */
function atomicSpecifier(p: Parser): Type {
  const tok = p.advance();
  p.expect('(');
  const inner = typename(p);
  p.expect(')');
  if (inner.kind === 'array' || inner.kind === 'func') throw p.error(`_Atomic applied to ${inner.kind === 'array' ? 'an array' : 'a function'} type`, tok);
  if (inner.record) return inner;
  const t = copyType(inner);
  t.isAtomic = true;
  return t;
}

/** typeof-spec = "typeof" "(" (typename | expr) ")" */
function typeofSpec(p: Parser): Type {
  p.expect('(');
  let t: Type;
  if (isTypename(p)) t = typename(p);
  else {
    const saved = p.curFn;
    t = exprType(p);
    p.curFn = saved;
  }
  p.expect(')');
  return t;
}

function exprType(p: Parser): Type {
  return expr(p).ty!;
}

/** A declarator's result: the declared type and the name (null for abstract declarators). */
export interface Decl {
  type: Type;
  name: Token | null;
  /** Attributes written after the declarator (absent when none). */
  attrs?: Attrs;
}

/**
 * declarator = pointers ("(" declarator ")" | ident?) type-suffix
 * pointers = ("*" ("const" | "volatile" | "restrict" | attribute)*)*
 */
export function declarator(p: Parser, base: Type, abstract = false): Decl {
  p.enter(p.tok);
  const d = declaratorNested(p, base, abstract);
  p.leave();
  return d;
}

function declaratorNested(p: Parser, base: Type, abstract: boolean): Decl {
  const t = pointers(p, base);
  if (p.is('(') && (abstract ? isAbstractNested(p) : true)) {
    // nested declarator: skip to its ')' to find the suffix, then parse it against the suffixed type
    // (skipping by bracket count, not by parsing it: parsing each level twice was exponential in the depth)
    const start = p.pos;
    skipParenthesized(p);
    const suffixed = typeSuffix(p, t);
    const end = p.pos;
    p.pos = start + 1;
    const inner = declarator(p, suffixed, abstract);
    p.expect(')');
    p.pos = end;
    return inner;
  }
  let name: Token | null = null;
  if (p.tok.kind === 'ident') {
    name = p.advance();
  } else if (!abstract) {
    throw p.expectedError("identifier or '('");
  }
  const full = typeSuffix(p, t);
  if (!p.is('__attribute__')) return { type: full, name };
  return { type: full, name, attrs: attributes(p) };
}

/** Moves past the ')' matching the '(' at the current token; a located error at the end of input. */
function skipParenthesized(p: Parser): void {
  const open = p.expect('(');
  for (let depth = 1; depth > 0; ) {
    const t = p.tok;
    if (t.kind === 'eof') throw p.error("expected ')' before end of input", open);
    p.advance();
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
  }
}

/**
 * In an abstract declarator, "(" starts a nested declarator when followed by '*' or '[' (`int (*)[4]`,
 * `int ([4])`); followed by a type or ')' it is a parameter list (C11 6.7.7).
 */
function isAbstractNested(p: Parser): boolean {
  const n = p.peekAt(1);
  return n.text === '*' || n.text === '^' || n.text === '[';
}

function pointers(p: Parser, t: Type): Type {
  while (p.consume('*')) {
    t = pointerTo(t);
    for (;;) {
      if (p.consume('const')) {
        t = { ...t, isConst: true };
      } else if (p.consume('_Atomic')) {
        t = { ...t, isAtomic: true };
      } else if (p.consume('volatile') || p.consume('restrict')) {
        continue;
      } else if (p.is('__attribute__')) attributes(p);
      else break;
    }
  }
  return t;
}

/** abstract-declarator, for type names: pointers ("(" abstract-declarator ")")? type-suffix */
export function abstractDeclarator(p: Parser, base: Type): Type {
  return declarator(p, base, true).type;
}

/** typename = declspec abstract-declarator */
export function typename(p: Parser): Type {
  const base = declspec(p, null);
  return abstractDeclarator(p, base);
}

/**
 * type-suffix = "(" func-params | "[" array-dimensions | ε
 * array-dimensions = ("static" | "restrict" | "const")* const-expr? "]" type-suffix
 */
function typeSuffix(p: Parser, t: Type): Type {
  p.enter(p.tok);
  const suffixed = typeSuffixNested(p, t);
  p.leave();
  return suffixed;
}

function typeSuffixNested(p: Parser, t: Type): Type {
  if (p.is('(')) {
    p.advance();
    return funcParams(p, t);
  }
  if (p.is('[')) {
    const open = p.advance();
    while (p.consume('static') || p.consume('restrict') || p.consume('const') || p.consume('volatile') || p.consume('_Atomic'));
    if (p.consume(']')) {
      const elem = typeSuffix(p, t);
      return arrayOf(elem, -1);
    }
    if (p.is('*') && p.peekAt(1).text === ']') {
      // [*]: a VLA of unspecified size, in prototypes
      const star = p.advance();
      p.advance();
      vlaBound(p, null, star);
      return vlaArray(p, null, typeSuffix(p, t), star);
    }
    const e = conditional(p);
    const lenTok = p.tok;
    p.expect(']');
    if (!isInteger(e.ty!)) throw p.error("size of array has non-integer type", open);
    const c = tryEval(e);
    if (!c || c.label !== null) {
      const count = vlaBound(p, e, open);
      return vlaArray(p, count, typeSuffix(p, t), open);
    }
    const len = c.val;
    const elem = typeSuffix(p, t);
    if (elem.vlaSize) return vlaArray(p, Number(len), elem, open);
    if (len < 0n) throw p.error('size of array is negative', e.tok);
    // The object must be addressable in ilp32 (and its size fit the assembler's directives).
    if (len * BigInt(sizeOf(elem)) > 0x7fffffffn) throw p.error('size of array is too large', e.tok);
    if (elem.kind === 'func') throw p.error('declaration of array of functions', lenTok);
    if (sizeOf(elem) === 0 && elem.kind !== 'array' && !(elem.record && !elem.record.complete)) {
      if (elem.kind === 'void') throw p.error("declaration of array of 'void'", open);
    }
    return arrayOf(elem, Number(len));
  }
  return t;
}

/** func-params = ("void" | param ("," param)* ("," "...")?)? ")"   param = declspec declarator */
function funcParams(p: Parser, ret: Type): Type {
  const f = funcType(ret);
  if (ret.kind === 'array') throw p.error("function cannot return array type", p.tok);
  if (ret.kind === 'func') throw p.error("function cannot return function type", p.tok);
  if (p.is('void') && p.peekAt(1).text === ')') {
    p.advance();
    p.advance();
    return f;
  }
  if (p.consume(')')) {
    f.oldStyle = true;
    return f;
  }
  // Parameters get objects in a prototype scope, so later bounds can name them (`int n, int a[n]`);
  // bounds are evaluated only by a definition (f.vlaInits), never by a declaration.
  p.enterScope();
  const scope = p.scope;
  const outerPending = p.vlaPending;
  p.vlaPending = [];
  p.paramDepth++;
  f.paramObjs = [];
  try {
    paramList(p, f);
  } finally {
    p.paramDepth--;
    p.leaveScope();
  }
  if (p.vlaPending.length > 0) f.vlaInits = p.vlaPending;
  p.vlaPending = outerPending;
  // tags first declared in the list stay visible after it (as they always have here; gcc warns)
  if (scope.tags.size > 0) for (const [tag, t] of scope.tags) if (!p.scope.findTagHere(tag)) p.scope.tags.set(tag, t);
  return f;
}

function paramList(p: Parser, f: Type): void {
  // K&R identifier list: f(a, b) — types come after ')'; accepted as int parameters
  for (;;) {
    if (p.consume('...')) {
      f.variadic = true;
      p.expect(')');
      break;
    }
    const attr: VarAttr = { isTypedef: false, isStatic: false, isExtern: false, isInline: false, isNoreturn: false, align: 0 };
    let pt: Type;
    let name: Token | null;
    const ptok = p.tok;
    if (!isTypename(p) && p.tok.kind === 'ident') {
      pt = ty.int;
      name = p.advance();
      f.oldStyle = true;
    } else {
      const base = declspec(p, attr);
      const d = declarator(p, base, true);
      pt = d.type;
      name = d.name;
    }
    if (pt.kind === 'void') throw p.error("'void' must be the only parameter", ptok);
    // parameter adjustments (C11 6.7.6.3): arrays and functions become pointers
    if (pt.kind === 'array') pt = pointerTo(pt.base!);
    else if (pt.kind === 'func') pt = pointerTo(pt);
    f.params!.push(pt);
    f.paramNames!.push(name);
    if (name) {
      const obj = paramObj(pt, name, attr.align);
      f.paramObjs!.push(obj);
      p.declare(name.text, { obj });
    }
    if (p.consume(')')) break;
    p.expect(',');
  }
}

/**
 * struct-decl = attribute? ident? ("{" struct-members "}")? attribute?
 * struct-members = (declspec declarator ("," declarator)* ";")*  with bit-fields "ident? : const-expr"
 */
function recordDecl(p: Parser, kind: 'struct' | 'union'): Type {
  p.enter(p.tok);
  const t = recordDeclNested(p, kind);
  p.leave();
  return t;
}

function recordDeclNested(p: Parser, kind: 'struct' | 'union'): Type {
  const a1 = attributes(p);
  let tag: Token | null = null;
  if (p.tok.kind === 'ident') tag = p.advance();
  if (tag && !p.is('{')) {
    const existing = p.findTag(tag.text);
    if (existing) {
      if (existing.kind !== kind) throw p.error(`'${tag.text}' defined as wrong kind of tag`, tag);
      return existing;
    }
    const t = recordType(kind, tag.text);
    p.scope.tags.set(tag.text, t);
    return t;
  }
  if (!tag && !p.is('{')) throw p.expectedError("'{'");
  p.expect('{');
  let t: Type;
  const prev = tag ? p.scope.tags.get(tag.text) : undefined;
  if (prev && prev.kind === kind && !prev.record!.complete) t = prev;
  else {
    if (prev && prev.record!.complete) throw p.error(`redefinition of '${kind} ${tag!.text}'`, tag!);
    t = recordType(kind, tag ? tag.text : null);
    if (tag) p.scope.tags.set(tag.text, t);
  }
  const decls = members(p);
  const a2 = attributes(p);
  const packed = a1.packed || a2.packed;
  if (kind === 'struct') layoutStruct(t, decls, packed);
  else layoutUnion(t, decls, packed);
  const al = Math.max(a1.aligned, a2.aligned);
  if (al > t.record!.align) {
    t.record!.align = al;
    t.record!.size = Math.ceil(t.record!.size / al) * al;
    t.size = t.record!.size;
    t.align = al;
  }
  checkDuplicateMembers(p, t);
  return t;
}

function members(p: Parser): MemberDecl[] {
  const out: MemberDecl[] = [];
  while (!p.consume('}')) {
    if (p.is('_Static_assert')) {
      staticAssert(p);
      continue;
    }
    if (p.consume(';')) continue;
    const attr: VarAttr = { isTypedef: false, isStatic: false, isExtern: false, isInline: false, isNoreturn: false, align: 0 };
    const declTok = p.tok;
    const base = declspec(p, attr);
    // anonymous struct/union member
    if ((base.kind === 'struct' || base.kind === 'union') && p.consume(';')) {
      out.push({ name: null, type: base, tok: declTok, bitWidth: -1, alignas: attr.align });
      continue;
    }
    let first = true;
    while (!p.consume(';')) {
      if (!first) p.expect(',');
      first = false;
      let mt: Type;
      let name: Token | null = null;
      let declared: Attrs | undefined;
      if (p.is(':')) mt = base;
      else {
        const d = declarator(p, base);
        mt = d.type;
        name = d.name;
        declared = d.attrs;
      }
      let width = -1;
      if (p.consume(':')) {
        const wtok = p.tok;
        width = Number(constExpr(conditional(p)));
        if (!isInteger(mt)) throw p.error(`bit-field '${name?.text ?? '<anonymous>'}' has invalid type`, name ?? wtok);
        if (width < 0) throw p.error(`negative width in bit-field '${name?.text ?? '<anonymous>'}'`, wtok);
        if (width > sizeOf(mt) * 8) throw p.error(`width of '${name?.text ?? '<anonymous>'}' exceeds its type`, wtok);
        if (width === 0 && name) throw p.error(`zero width for bit-field '${name.text}'`, name);
      } else if (mt.kind === 'func') {
        throw p.error(`field '${name?.text}' declared as a function`, name ?? declTok);
      } else if (isVariablyModified(mt)) {
        throw p.error('a member of a structure or union cannot have a variably modified type', name ?? declTok);
      } else if (mt.record && !mt.record.complete) {
        throw p.error(`field '${name?.text}' has incomplete type`, name ?? declTok);
      } else if (mt.kind === 'void') {
        throw p.error(`field '${name?.text}' has incomplete type`, name ?? declTok);
      }
      const ma = mergeAttrs(mergeAttrs(noAttrs(), declared), attributes(p));
      const packed = ma.packed || !!attr.gnu?.packed;
      out.push({ name: name ? name.text : null, type: mt, tok: name ?? declTok, bitWidth: width, alignas: Math.max(attr.align, ma.aligned), packed });
    }
  }
  // flexible array member must be last
  out.forEach((d, i) => {
    if (d.type.kind === 'array' && d.type.arrayLen! < 0 && i !== out.length - 1) {
      throw p.error('flexible array member not at end of struct', d.tok!);
    }
  });
  return out;
}

function checkDuplicateMembers(p: Parser, t: Type): void {
  const seen = new Set<string>();
  const visit = (rt: Type): void => {
    for (const m of rt.record!.members) {
      if (m.name === null) {
        if (m.type.record) visit(m.type);
        continue;
      }
      if (seen.has(m.name)) throw p.error(`duplicate member '${m.name}'`, m.tok!);
      seen.add(m.name);
    }
  };
  visit(t);
}

/** enum-decl = ident? "{" enum-list? "}" | ident   enum-list = ident ("=" const-expr)? ("," ident ("=" const-expr)?)* ","? */
function enumDecl(p: Parser): Type {
  attributes(p);
  let tag: Token | null = null;
  if (p.tok.kind === 'ident') tag = p.advance();
  if (tag && !p.is('{')) {
    const existing = p.findTag(tag.text);
    if (existing) {
      if (existing.kind !== 'enum') throw p.error(`'${tag.text}' defined as wrong kind of tag`, tag);
      return existing;
    }
    const t = enumType();
    p.scope.tags.set(tag.text, t);
    return t;
  }
  const t = enumType();
  t.enumerators = { tag: tag?.text ?? null, values: [] };
  p.expect('{');
  let val = 0n;
  let first = true;
  let anyNegative = false;
  while (!p.consume('}')) {
    if (!first) {
      p.expect(',');
      if (p.consume('}')) break;
    }
    first = false;
    const name = p.tok;
    if (name.kind !== 'ident') throw p.expectedError('identifier');
    p.advance();
    if (p.consume('=')) val = constExpr(conditional(p));
    const cur = p.scope.vars.get(name.text);
    if (cur) throw p.error(`redeclaration of enumerator '${name.text}'`, name);
    p.declare(name.text, { enumType: t, enumVal: val });
    t.enumerators.values.push([name.text, val]);
    if (val < 0n) anyNegative = true;
    val++;
  }
  // gcc: with no negative enumerator the underlying type is unsigned int (bit-fields of it read unsigned)
  t.unsigned = !anyNegative;
  attributes(p);
  if (tag) p.scope.tags.set(tag.text, t);
  return t;
}

/** static-assert = "_Static_assert" "(" const-expr ("," string)? ")" ";" */
export function staticAssert(p: Parser): void {
  const kw = p.advance();
  p.expect('(');
  const e = conditional(p);
  let msg = '';
  if (p.consume(',')) {
    const s = p.tok;
    if (s.kind !== 'str') throw p.expectedError('string literal');
    p.advance();
    msg = s.text;
  }
  p.expect(')');
  p.expect(';');
  if (constExpr(e) === 0n) throw p.error(msg ? `static assertion failed: ${msg}` : 'static assertion failed', kw);
}

/** Default attribute record. */
export function newAttr(): VarAttr {
  return { isTypedef: false, isStatic: false, isExtern: false, isInline: false, isNoreturn: false, align: 0 };
}

export { typeName };
