// -g: DWARF type entries for C types (DWARF 5 chapter 5): base, pointer, array, struct/union (with bit-field
// members), enum, function types, const/volatile. A type asks for its entry's label (`ref`) and gets it at
// once; the entry itself is written later, as a child of the unit, so recursive types (a struct holding a
// pointer to itself) and the order of first use never nest one entry inside another.

import { ty, type Record as RecordBody, type Type } from '../front/types.js';
import { Abbrev } from './abbrev.js';
import type { DieWriter } from './die-writer.js';

// DW_ATE_* base type encodings (DWARF 5 table 5.2).
const enum Ate { BOOLEAN = 0x02, FLOAT = 0x04, SIGNED = 0x05, SIGNED_CHAR = 0x06, UNSIGNED = 0x07, UNSIGNED_CHAR = 0x08 }

/** The C name and DWARF encoding of a scalar type (plain char is unsigned on RISC-V, as gcc names it "char"). */
function baseName(t: Type): [string, Ate] | null {
  const u = t.unsigned;
  switch (t.kind) {
    case 'bool': return ['_Bool', Ate.BOOLEAN];
    // plain char and unsigned char are one type here but for identity (copies made by qualifiers lose it)
    case 'char': return u ? [t === ty.uchar ? 'unsigned char' : 'char', Ate.UNSIGNED_CHAR] : ['signed char', Ate.SIGNED_CHAR];
    case 'short': return u ? ['short unsigned int', Ate.UNSIGNED] : ['short int', Ate.SIGNED];
    case 'int': return u ? ['unsigned int', Ate.UNSIGNED] : ['int', Ate.SIGNED];
    case 'long': return u ? ['long unsigned int', Ate.UNSIGNED] : ['long int', Ate.SIGNED];
    case 'llong': return u ? ['long long unsigned int', Ate.UNSIGNED] : ['long long int', Ate.SIGNED];
    case 'float': return ['float', Ate.FLOAT];
    case 'double': return ['double', Ate.FLOAT];
    case 'ldouble': return ['long double', Ate.FLOAT];
    default: return null;
  }
}

/** Builds the type entries of one unit. */
export class TypeDies {
  private readonly labels = new Map<string, string>();
  private readonly pending: Array<() => void> = [];
  private readonly ids = new Map<object, number>();

  constructor(private readonly w: DieWriter) {}

  /** A stable key per distinct type (records and enums by identity, the rest by structure). */
  private key(t: Type): string {
    const q = (t.isConst ? 'c' : '') + (t.isVolatile ? 'v' : '');
    if (q) return q + ':' + this.key(unqualified(t));
    switch (t.kind) {
      case 'void': return 'void';
      case 'ptr': return 'p:' + this.key(t.base!);
      case 'array': return `a${t.arrayLen ?? -1}:` + this.key(t.base!);
      case 'func': return 'f:' + this.key(t.returnType!);
      case 'struct': case 'union': return `r${this.id(t.record!)}`;
      case 'enum': return `e${this.id(t.enumerators ?? t)}`;
      default: return baseName(t)![0];
    }
  }

  private id(o: object): number {
    let n = this.ids.get(o);
    if (n === undefined) this.ids.set(o, n = this.ids.size);
    return n;
  }

  /** The label of `t`'s entry, or null for void (which DWARF leaves without an entry). */
  ref(t: Type): string | null {
    if (t.kind === 'void' && !t.isConst && !t.isVolatile) return null;
    const k = this.key(t);
    let label = this.labels.get(k);
    if (label === undefined) {
      label = this.w.newLabel();
      this.labels.set(k, label);
      const at = label;
      this.pending.push(() => this.write(t, at));
    }
    return label;
  }

  /** Writes every entry asked for so far (and those they ask for in turn). */
  flush(): void {
    while (this.pending.length > 0) this.pending.shift()!();
  }

  // Dispatch over type kinds: one case per kind of entry.
  private write(t: Type, label: string): void {
    const w = this.w;
    if (t.isConst || t.isVolatile) {
      const inner = t.isConst && t.isVolatile ? { ...unqualified(t), isVolatile: true } : unqualified(t);
      const r = this.ref(inner);
      w.die(label, t.isConst ? Abbrev.CONST : Abbrev.VOLATILE);
      w.ref(r ?? this.voidFallback());
      return;
    }
    switch (t.kind) {
      case 'ptr': {
        const r = this.ref(t.base!);
        w.die(label, r === null ? Abbrev.POINTER_VOID : Abbrev.POINTER);
        w.data1(4);
        if (r !== null) w.ref(r);
        return;
      }
      case 'array': return this.array(t, label);
      case 'func': {
        const r = this.ref(t.returnType!);
        w.die(label, r === null ? Abbrev.SUBROUTINE_VOID : Abbrev.SUBROUTINE);
        if (r !== null) w.ref(r);
        return;
      }
      case 'struct': case 'union': return this.record(t, t.record!, label);
      case 'enum': return this.enumeration(t, label);
      case 'void': return; // only reached through a qualifier: see voidFallback
      default: {
        const [name, ate] = baseName(t)!;
        w.die(label, Abbrev.BASE_TYPE);
        w.data1(t.size);
        w.data1(ate);
        w.strp(name);
      }
    }
  }

  /** `const void` has no entry of its own: its qualifier entry points at an unsigned char instead. */
  private voidFallback(): string {
    return this.ref({ kind: 'char', size: 1, align: 1, unsigned: true })!;
  }

  private array(t: Type, label: string): void {
    const w = this.w;
    const el = this.ref(t.base!) ?? this.voidFallback();
    const index = this.ref({ kind: 'int', size: 4, align: 4, unsigned: true })!;
    w.die(label, Abbrev.ARRAY);
    w.ref(el);
    const len = t.arrayLen ?? -1;
    if (len > 0) {
      w.die(null, Abbrev.SUBRANGE);
      w.ref(index);
      w.udata(len - 1);
    } else {
      w.die(null, Abbrev.SUBRANGE_UNBOUNDED);
      w.ref(index);
    }
    w.end();
  }

  private record(t: Type, rec: RecordBody, label: string): void {
    const w = this.w;
    const isUnion = t.kind === 'union';
    if (!rec.complete) {
      w.die(label, isUnion ? Abbrev.UNION_DECL : Abbrev.STRUCT_DECL);
      w.strp(rec.tag ?? '');
      return;
    }
    const named = rec.tag !== null;
    w.die(label, isUnion ? (named ? Abbrev.UNION : Abbrev.UNION_ANON) : (named ? Abbrev.STRUCT : Abbrev.STRUCT_ANON));
    if (named) w.strp(rec.tag!);
    w.data4(rec.size);
    for (const m of rec.members) {
      const r = this.ref(m.type) ?? this.voidFallback();
      if (m.isBitfield) {
        if (m.name === null) continue; // unnamed padding bit-fields have no member entry (as in gcc)
        w.die(null, Abbrev.MEMBER_BITS);
        w.strp(m.name);
        w.ref(r);
        w.udata(m.bitWidth);
        w.udata(m.offset * 8 + m.bitOffset);
        continue;
      }
      w.die(null, Abbrev.MEMBER);
      w.strp(m.name ?? '');
      w.ref(r);
      w.udata(m.offset);
    }
    w.end();
  }

  private enumeration(t: Type, label: string): void {
    const w = this.w;
    const info = t.enumerators;
    const under = this.ref({ kind: 'int', size: 4, align: 4, unsigned: t.unsigned })!;
    w.die(label, info?.tag ? Abbrev.ENUM : Abbrev.ENUM_ANON);
    if (info?.tag) w.strp(info.tag);
    w.data1(t.size);
    w.ref(under);
    for (const [name, value] of info?.values ?? []) {
      w.die(null, Abbrev.ENUMERATOR);
      w.strp(name);
      w.sdata(value);
    }
    w.end();
  }
}

/** `t` without const/volatile/_Atomic (a view for naming its entry; never stored in the AST). */
function unqualified(t: Type): Type {
  return { ...t, isConst: false, isVolatile: false, isAtomic: false };
}
