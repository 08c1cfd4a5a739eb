// Type compatibility exactly as C11 6.2.7 and 6.7.3p10 define it, for the places where the answer is the
// program's meaning (_Generic, __builtin_types_compatible_p). types.ts's isCompatible is looser on purpose
// (it ignores qualifiers and plain/signed char), as the redeclaration and assignment checks have relied on.
import { Type, pointerTo, ty } from './types.js';

/** The type a type was copied from (qualified copies and typedefs keep their root in `origin`). */
function root(t: Type): Type {
  return t.origin ?? t;
}

/** Plain `char` is a type of its own, distinct from both `signed char` and `unsigned char` (6.2.5p15). */
function isPlainChar(t: Type): boolean {
  return t.kind === 'char' && root(t) === ty.char;
}

/** An enumerated type is compatible with its underlying type: unsigned int when no enumerator is negative (gcc). */
function enumUnderlying(t: Type): Type {
  return t.unsigned ? ty.uint : ty.int;
}

/** Drops top-level qualifiers (the type of an rvalue). */
export function unqualified(t: Type): Type {
  if (!t.isConst && !t.isVolatile) return t;
  return { ...t, isConst: false, isVolatile: false };
}

/**
 * The type of an expression after lvalue conversion (6.3.2.1): arrays and functions decay to pointers and
 * top-level qualifiers go; what _Generic's controlling expression is matched with (6.5.1.1p2).
 */
export function lvalueConverted(t: Type): Type {
  if (t.kind === 'array') return pointerTo(t.base!);
  if (t.kind === 'func') return pointerTo(t);
  return unqualified(t);
}

/** Whether `a` and `b` are compatible types (6.2.7): same qualifiers at every level, same signedness and kind. */
export function areCompatible(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (!!a.isConst !== !!b.isConst || !!a.isVolatile !== !!b.isVolatile) return false;
  if (a.kind === 'enum' && b.kind === 'enum') return root(a) === root(b);
  if (a.kind === 'enum') return areCompatible(enumUnderlying(a), unqualified(b));
  if (b.kind === 'enum') return areCompatible(unqualified(a), enumUnderlying(b));
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'char':
      return isPlainChar(a) === isPlainChar(b) && a.unsigned === b.unsigned;
    case 'short': case 'int': case 'long': case 'llong':
      return a.unsigned === b.unsigned;
    case 'bool': case 'void': case 'float': case 'double': case 'ldouble':
      return true;
    case 'ptr':
      return areCompatible(a.base!, b.base!);
    case 'array':
      return areCompatible(a.base!, b.base!) && (a.arrayLen! < 0 || b.arrayLen! < 0 || a.arrayLen === b.arrayLen);
    case 'func': {
      if (!areCompatible(a.returnType!, b.returnType!)) return false;
      if (a.oldStyle || b.oldStyle) return true;
      if (a.params!.length !== b.params!.length || !!a.variadic !== !!b.variadic) return false;
      // 6.7.6.3p15: parameters are compared with their top-level qualifiers dropped
      return a.params!.every((p, i) => areCompatible(unqualified(p), unqualified(b.params![i])));
    }
    case 'struct': case 'union':
      return a.record === b.record;
  }
}
