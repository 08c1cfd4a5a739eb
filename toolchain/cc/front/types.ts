// C types for the ilp32 psABI: sizes, alignment, integer promotion, the usual arithmetic conversions,
// and struct/union layout with bit-fields allocated as gcc does for RISC-V.
import { CompileError } from '../diagnostics.js';
import type { Token } from './tokenize.js';
import type { Node, Obj } from './ast.js';

export type TypeKind =
  | 'void' | 'bool' | 'char' | 'short' | 'int' | 'long' | 'llong' | 'enum'
  | 'float' | 'double' | 'ldouble'
  | 'ptr' | 'array' | 'func' | 'struct' | 'union';

/** A struct/union member. Bit-fields have `bitWidth` > 0 (or 0 for `:0`) and `bitOffset` within the unit at `offset`. */
export interface Member {
  name: string | null;
  type: Type;
  tok: Token | null;
  offset: number;
  isBitfield: boolean;
  bitOffset: number;
  bitWidth: number;
  /** Index in declaration order, for positional initializers. */
  index: number;
}

/** Struct/union body shared by every (qualified) copy of the type, so completing it later reaches all. */
export interface Record {
  members: Member[];
  size: number;
  align: number;
  complete: boolean;
  isFlexible: boolean;
  tag: string | null;
}

export interface Type {
  kind: TypeKind;
  size: number;
  align: number;
  unsigned: boolean;
  isConst?: boolean;
  isVolatile?: boolean;
  /** _Atomic-qualified: loads, stores and updates of the object are atomic (atomic.ts). */
  isAtomic?: boolean;
  /** Pointee / element type. */
  base?: Type;
  /** Array length; -1 for an incomplete array. */
  arrayLen?: number;
  record?: Record;
  returnType?: Type;
  params?: Type[];
  paramNames?: (Token | null)[];
  variadic?: boolean;
  /** Declared without a prototype: f() */
  oldStyle?: boolean;
  /** Declarator name (set while parsing declarators). */
  name?: Token | null;
  /** The type this one was copied from (qualifiers, typedefs): compatible types share it. */
  origin?: Type;
  /** Variably modified array (front/vla.ts): the hidden local holding its size in bytes, set when the
   * declaration is reached. Such an array has size 0 and arrayLen 0 at compile time. */
  vlaSize?: Obj;
  /** Function types: the parameters as objects (their scope holds VLA bounds such as `int a[n]`), and the
   * assignments of the parameters' VLA sizes, run at the start of a definition's body. */
  paramObjs?: Obj[];
  vlaInits?: { obj: Obj; init: Node }[];
  /** An enum defined with a body: its tag and enumerators (read only by -g). */
  enumerators?: { tag: string | null; values: Array<[string, bigint]> };
}

function scalar(kind: TypeKind, size: number, unsigned: boolean): Type {
  return { kind, size, align: size, unsigned };
}

export const ty = {
  void: { kind: 'void', size: 1, align: 1, unsigned: false } as Type,
  bool: scalar('bool', 1, true),
  char: scalar('char', 1, true), // plain char is unsigned on RISC-V
  schar: scalar('char', 1, false),
  uchar: scalar('char', 1, true),
  short: scalar('short', 2, false),
  ushort: scalar('short', 2, true),
  int: scalar('int', 4, false),
  uint: scalar('int', 4, true),
  long: scalar('long', 4, false),
  ulong: scalar('long', 4, true),
  llong: scalar('llong', 8, false),
  ullong: scalar('llong', 8, true),
  /** IEEE binary32, binary64 and (long double, as on every RISC-V psABI) binary128. */
  float: scalar('float', 4, false),
  double: scalar('double', 8, false),
  ldouble: scalar('ldouble', 16, false),
};

/** float, double or long double. */
export function isFloat(t: Type): boolean {
  const k = t.kind;
  return k === 'float' || k === 'double' || k === 'ldouble';
}
/** Integer or floating (C11 6.2.5 arithmetic types). */
export function isArith(t: Type): boolean {
  return isInteger(t) || isFloat(t);
}

export function isInteger(t: Type): boolean {
  const k = t.kind;
  return k === 'bool' || k === 'char' || k === 'short' || k === 'int' || k === 'long' || k === 'llong' || k === 'enum';
}
export function isPointerLike(t: Type): boolean {
  return t.kind === 'ptr' || t.kind === 'array';
}
export function isScalar(t: Type): boolean {
  return isInteger(t) || t.kind === 'ptr' || isFloat(t);
}
export function isRecord(t: Type): boolean {
  return t.kind === 'struct' || t.kind === 'union';
}
export function is64(t: Type): boolean {
  return t.kind === 'llong';
}

export function pointerTo(base: Type): Type {
  return { kind: 'ptr', size: 4, align: 4, unsigned: true, base };
}

export function arrayOf(base: Type, len: number): Type {
  return { kind: 'array', size: len < 0 ? 0 : base.size * len, align: base.align, unsigned: false, base, arrayLen: len };
}

export function funcType(ret: Type): Type {
  return { kind: 'func', size: 1, align: 1, unsigned: false, returnType: ret, params: [], paramNames: [], variadic: false };
}

export function enumType(): Type {
  return { kind: 'enum', size: 4, align: 4, unsigned: false };
}

export function recordType(kind: 'struct' | 'union', tag: string | null): Type {
  const record: Record = { members: [], size: 0, align: 1, complete: false, isFlexible: false, tag };
  return { kind, size: 0, align: 1, unsigned: false, record };
}

/** A shallow copy remembering its origin (for typedef names and qualifiers). */
export function copyType(t: Type): Type {
  return { ...t, origin: t.origin ?? t, name: undefined };
}

/** Size of a type, reading the shared record of structs. */
export function sizeOf(t: Type): number {
  return t.record ? t.record.size : t.size;
}
export function alignOf(t: Type): number {
  return t.record ? t.record.align : t.align;
}

/** True when the struct/union/array type has a known size. */
export function isComplete(t: Type): boolean {
  if (t.record) return t.record.complete;
  if (t.kind === 'array') return t.arrayLen! >= 0;
  return t.kind !== 'void';
}

function rank(t: Type): number {
  switch (t.kind) {
    case 'bool': return 0;
    case 'char': return 1;
    case 'short': return 2;
    case 'int': case 'enum': return 3;
    case 'long': return 4;
    case 'llong': return 5;
  }
  return 3;
}

/** Integer promotion (C11 6.3.1.1): types narrower than int become int. */
export function promote(t: Type): Type {
  if (t.kind === 'bool' || t.kind === 'char' || t.kind === 'short') return ty.int;
  if (t.kind === 'enum') return t.unsigned ? ty.uint : ty.int;
  return t;
}

/** The usual arithmetic conversions (C11 6.3.1.8) for two integer types. */
export function commonType(a: Type, b: Type): Type {
  if (a.kind === 'ptr' || a.kind === 'array') return pointerTo(a.base!);
  if (b.kind === 'ptr') return b;
  // a floating operand decides: the wider floating type (C11 6.3.1.8)
  if (a.kind === 'ldouble' || b.kind === 'ldouble') return ty.ldouble;
  if (a.kind === 'double' || b.kind === 'double') return ty.double;
  if (a.kind === 'float' || b.kind === 'float') return ty.float;
  const x = promote(a);
  const y = promote(b);
  if (x.size !== y.size) return x.size > y.size ? x : y;
  if (x.unsigned === y.unsigned) return rank(x) >= rank(y) ? x : y;
  const u = x.unsigned ? x : y;
  const s = x.unsigned ? y : x;
  if (rank(u) >= rank(s)) return u;
  // the signed type has greater rank but same size: its unsigned counterpart
  return s.kind === 'long' ? ty.ulong : s.kind === 'llong' ? ty.ullong : ty.uint;
}

/** Spelling of a type for diagnostics, as gcc writes it. */
export function typeName(t: Type): string {
  const q = (t.isConst ? 'const ' : '') + (t.isVolatile ? 'volatile ' : '');
  switch (t.kind) {
    case 'void': return q + 'void';
    case 'bool': return q + '_Bool';
    case 'char': return q + (t === ty.char || (t.origin === ty.char) ? 'char' : t.unsigned ? 'unsigned char' : 'signed char');
    case 'short': return q + (t.unsigned ? 'short unsigned int' : 'short int');
    case 'int': return q + (t.unsigned ? 'unsigned int' : 'int');
    case 'long': return q + (t.unsigned ? 'long unsigned int' : 'long int');
    case 'llong': return q + (t.unsigned ? 'long long unsigned int' : 'long long int');
    case 'enum': return q + 'enum';
    case 'float': return q + 'float';
    case 'double': return q + 'double';
    case 'ldouble': return q + 'long double';
    case 'ptr':
      if (t.base!.kind === 'func') return `${typeName(t.base!.returnType!)} (*)(${funcParamsName(t.base!)})`;
      return `${typeName(t.base!)} *${t.isConst ? 'const' : ''}`.replace(/\* \*/g, '**');
    case 'array': return `${typeName(t.base!)}[${t.vlaSize ? '*' : t.arrayLen! >= 0 ? t.arrayLen : ''}]`;
    case 'func': return `${typeName(t.returnType!)}(${funcParamsName(t)})`;
    case 'struct':
    case 'union': return `${q}${t.kind} ${t.record!.tag ?? '<anonymous>'}`;
  }
}

function funcParamsName(f: Type): string {
  const ps = f.params!.map(typeName);
  if (f.variadic) ps.push('...');
  if (ps.length === 0) return f.oldStyle ? '' : 'void';
  return ps.join(', ');
}

/** Whether two types are compatible (C11 6.2.7), loosely: same kind, same signedness, compatible bases. */
export function isCompatible(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.origin) return isCompatible(a.origin, b);
  if (b.origin) return isCompatible(a, b.origin);
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'char': case 'short': case 'int': case 'long': case 'llong':
      return a.unsigned === b.unsigned;
    case 'bool': case 'void': case 'float': case 'double': case 'ldouble': return true;
    case 'ptr': return isCompatible(a.base!, b.base!);
    case 'array':
      if (!isCompatible(a.base!, b.base!)) return false;
      // a VLA's length is known only at run time: compatible with any length (C11 6.7.6.2p6)
      return a.arrayLen! < 0 || b.arrayLen! < 0 || a.arrayLen === b.arrayLen || !!a.vlaSize || !!b.vlaSize;
    case 'func': {
      if (!isCompatible(a.returnType!, b.returnType!)) return false;
      if (a.oldStyle || b.oldStyle) return true;
      if (a.params!.length !== b.params!.length || a.variadic !== b.variadic) return false;
      return a.params!.every((p, i) => isCompatible(p, b.params![i]));
    }
    case 'struct': case 'union': return a.record === b.record;
    case 'enum': return true;
  }
}

/** One member declaration handed to layout. */
export interface MemberDecl {
  name: string | null;
  type: Type;
  tok: Token | null;
  /** Bit-field width, or -1 for an ordinary member. */
  bitWidth: number;
  /** _Alignas on the member (0 when absent). */
  alignas: number;
  /** __attribute__((packed)) on the member: alignment 1. */
  packed?: boolean;
}

/**
 * Lays out a struct as gcc does for ilp32: members at their alignment; a bit-field goes at the next free
 * bit unless it would cross a boundary of its declared type's size, then it starts at the next such unit;
 * `:0` pads to the next unit of its type; unnamed bit-fields do not raise the struct's alignment.
 */
export function layoutStruct(t: Type, decls: MemberDecl[], packed: boolean): void {
  const rec = t.record!;
  let bits = 0; // current offset in bits
  let align = 1;
  const members: Member[] = [];
  decls.forEach((d, index) => {
    const mt = d.type;
    const msize = sizeOf(mt);
    const malign = packed || d.packed ? Math.max(1, d.alignas) : Math.max(alignOf(mt), d.alignas);
    if (d.bitWidth >= 0) {
      const unitBits = msize * 8;
      if (d.bitWidth === 0) {
        bits = Math.ceil(bits / unitBits) * unitBits;
        return;
      }
      if (!packed && Math.floor(bits / unitBits) !== Math.floor((bits + d.bitWidth - 1) / unitBits)) {
        bits = Math.ceil(bits / unitBits) * unitBits;
      }
      const unitStart = packed ? Math.floor(bits / 8) : Math.floor(bits / unitBits) * msize;
      members.push({
        name: d.name, type: mt, tok: d.tok, offset: unitStart, isBitfield: true,
        bitOffset: bits - unitStart * 8, bitWidth: d.bitWidth, index,
      });
      bits += d.bitWidth;
      if (d.name !== null) align = Math.max(align, malign);
      return;
    }
    bits = Math.ceil(bits / (malign * 8)) * malign * 8;
    members.push({ name: d.name, type: mt, tok: d.tok, offset: bits / 8, isBitfield: false, bitOffset: 0, bitWidth: 0, index });
    bits += msize * 8;
    align = Math.max(align, malign);
  });
  rec.members = members;
  rec.align = align;
  rec.size = Math.ceil(Math.ceil(bits / 8) / align) * align;
  rec.complete = true;
  const last = decls[decls.length - 1];
  rec.isFlexible = !!last && last.type.kind === 'array' && last.type.arrayLen! < 0;
  t.size = rec.size;
  t.align = rec.align;
}

/** Lays out a union: every member at offset 0; size is the largest member rounded to the alignment. */
export function layoutUnion(t: Type, decls: MemberDecl[], packed: boolean): void {
  const rec = t.record!;
  let size = 0;
  let align = 1;
  rec.members = decls
    .map((d, index): Member => {
      const malign = packed ? 1 : Math.max(alignOf(d.type), d.alignas);
      const sz = d.bitWidth >= 0 ? Math.ceil(d.bitWidth / 8) : sizeOf(d.type);
      size = Math.max(size, sz);
      if (d.name !== null || d.bitWidth < 0) align = Math.max(align, malign);
      return { name: d.name, type: d.type, tok: d.tok, offset: 0, isBitfield: d.bitWidth >= 0, bitOffset: 0, bitWidth: Math.max(0, d.bitWidth), index };
    })
    .filter((m) => !(m.isBitfield && m.bitWidth === 0));
  rec.align = align;
  rec.size = Math.ceil(size / align) * align;
  rec.complete = true;
  t.size = rec.size;
  t.align = rec.align;
}

/** Throws unless `t` is a complete object type (for sizeof, arithmetic on pointers, definitions). */
export function requireComplete(t: Type, tok: Token, what: string): void {
  if (!isComplete(t)) throw new CompileError(`${what} incomplete type '${typeName(t)}'`, tok);
}
