// Symbols: labels, equates, common and undefined symbols, numeric local labels (`1:` / `1b` / `1f`)
// and the anonymous `.L0 ` labels that `la`, `lw sym` and `.` create, named as GNU as names them.

import { SymBind, SymType } from '../../abi/elf.js';
import { AsmError } from './diagnostics.js';
import type { Expr } from './expr.js';
import type { Frag, Section } from './section.js';

export const enum SymKind {
  UNDEF = 0,
  /** Defined at (section, frag, offset). */
  LABEL = 1,
  /** Absolute constant (`x = 5`, `.equ`). */
  CONST = 2,
  /** Assigned an expression that could not be reduced when assigned; evaluated after layout. */
  EXPR = 3,
  /** `.comm`: `value` holds the alignment, `size` the size. */
  COMMON = 4,
}

export class Sym {
  kind: SymKind = SymKind.UNDEF;
  section: Section | null = null;
  frag: Frag | null = null;
  offset = 0;
  value = 0;
  expr: Expr = 0;
  bind: SymBind = SymBind.LOCAL;
  /** True once `.globl`/`.weak`/`.local` said so explicitly. */
  bindSet = false;
  type: SymType = SymType.NOTYPE;
  other = 0;
  size = 0;
  sizeExpr: Expr | null = null;
  sizeLine = 0;
  /** A relocation refers to it, so it must be in the symbol table even if it is a `.L` name. */
  inReloc = false;
  /** Anonymous (`.L0 `) or numeric-local symbol: never looked up by name. */
  readonly anonymous: boolean;
  /** Where it was first referenced / defined (1-based line, 0-based col). */
  refLine = 0;
  refCol = 0;
  defLine = 0;
  /** Index in the output symbol table. */
  index = 0;
  /** Creation order, for a stable symbol table. */
  readonly serial: number;
  evaluating = false;

  constructor(public readonly name: string, serial: number, anonymous = false) {
    this.serial = serial;
    this.anonymous = anonymous;
  }

  /** Section-relative address of a LABEL (valid after layout). */
  get address(): number {
    return (this.frag as Frag).address + this.offset;
  }

  /** `.L` names (and anonymous labels) stay out of the symbol table unless a relocation needs them. */
  get isLocalLabelName(): boolean {
    return this.anonymous || this.name.startsWith('.L');
  }
}

/** Name of the n-th definition of numeric label `label`, as GNU as writes it (".L1\x022"). */
const numericName = (label: number, n: number): string => `.L${label}\u0002${n}`;

export class SymbolTable {
  readonly byName = new Map<string, Sym>();
  readonly all: Sym[] = [];
  /** Definitions so far of each numeric label. */
  private readonly numericCount = new Map<number, number>();
  /** The pending `Nf` target of each numeric label. */
  private readonly numericForward = new Map<number, Sym>();
  /** Defined numeric-label symbols by name, for `Nb`. */
  private readonly numericDefs = new Map<string, Sym>();

  /** The symbol called `name`, created (undefined) at first reference. */
  get(name: string, line: number, col: number): Sym {
    let s = this.byName.get(name);
    if (s === undefined) {
      s = this.create(name, false);
      s.refLine = line;
      s.refCol = col;
      this.byName.set(name, s);
    }
    return s;
  }

  /** A new anonymous label symbol (GNU's `.L0 `). */
  anonymousLabel(): Sym {
    return this.create('.L0 ', true);
  }

  /** The symbol a numeric-label definition `N:` defines. */
  defineNumeric(label: number): Sym {
    const n = (this.numericCount.get(label) ?? 0) + 1;
    this.numericCount.set(label, n);
    const fwd = this.numericForward.get(label);
    if (fwd !== undefined) {
      this.numericForward.delete(label);
      return fwd;
    }
    return this.create(numericName(label, n), true);
  }

  /** The symbol `Nb` or `Nf` refers to; throws when `Nb` has no earlier definition. */
  numericRef(label: number, dir: 'b' | 'f', line: number, col: number): Sym {
    const n = this.numericCount.get(label) ?? 0;
    if (dir === 'b') {
      if (n === 0) throw new AsmError(`undefined local label '${label}b'`, col);
      // The most recent definition: it exists by construction.
      return this.lastNumeric(label, n);
    }
    let fwd = this.numericForward.get(label);
    if (fwd === undefined) {
      fwd = this.create(numericName(label, n + 1), true);
      fwd.refLine = line;
      fwd.refCol = col;
      this.numericForward.set(label, fwd);
    }
    return fwd;
  }

  /** Forward references `Nf` that were never defined, for error reporting. */
  pendingForward(): Array<[number, Sym]> {
    return [...this.numericForward.entries()];
  }

  private lastNumeric(label: number, n: number): Sym {
    return this.numericDefs.get(numericName(label, n)) as Sym;
  }

  /** Records a numeric label symbol once defined, so `Nb` can find it. */
  noteNumericDefined(s: Sym): void {
    this.numericDefs.set(s.name, s);
  }

  private create(name: string, anonymous: boolean): Sym {
    const s = new Sym(name, this.all.length, anonymous);
    this.all.push(s);
    return s;
  }
}
