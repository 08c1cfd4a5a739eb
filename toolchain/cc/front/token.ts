// The token representation. Every token of a compilation is alive until code generation ends, so it is
// kept small: five fields in one shape (monomorphic property accesses). Kind, flags and line share one number, and
// what few tokens need (literal payloads, macro hidesets and origins, #line file names) lives in a side
// object allocated only for them. Accessors give the plain `Token` interface the rest of the compiler uses.
import type { Location, SourceFile } from '../diagnostics.js';

export type TokenKind = 'ident' | 'keyword' | 'punct' | 'str' | 'num' | 'char' | 'eof';

/** One token. Literal payloads: `str` bytes (NUL-terminated) with `charSize`, `char` value in `num`. */
export interface Token extends Location {
  kind: TokenKind;
  text: string;
  /** First token on its line (preprocessor directives start there). */
  atBol: boolean;
  /** Whitespace precedes this token (for # stringizing). */
  hasSpace: boolean;
  /** Macro names this token may not expand into again (Prosser's algorithm); null when empty. */
  hideset: Set<string> | null;
  /** Literal bytes of a string token, without the terminating NUL, one entry per element. */
  strElems?: number[];
  /** Element size of a string (1 plain/u8, 4 for L/U, 2 for u). */
  charSize?: number;
  /** Value of a character constant. */
  charValue?: number;
  /** The macro invocation this token came from, for diagnostics. */
  origin?: Token;
  /** An unterminated literal: reported only if the token survives preprocessing (skipped #if blocks may hold one). */
  invalid?: string;
}

/** Payload of a literal token. Immutable: shared by copies. */
class LiteralData {
  constructor(
    readonly strElems: number[] | undefined,
    readonly charSize: number | undefined,
    readonly charValue: number | undefined,
    readonly invalid: string | undefined,
  ) {}
}
const NO_LITERAL = new LiteralData(undefined, undefined, undefined, undefined);

/** The rarely present parts of a token. Immutable, so the tokens of one macro expansion share one. */
class TokenExtra {
  constructor(
    readonly hideset: Set<string> | null,
    readonly origin: Token | undefined,
    /** Set by #line; null: the file's own name. */
    readonly displayName: string | null,
    /** A line number too large (or odd) to pack into the token; null: the packed one. */
    readonly line: number | null,
    readonly lit: LiteralData,
  ) {}
}
const NO_EXTRA = new TokenExtra(null, undefined, null, null, NO_LITERAL);

// `bits`: kind (3 bits) | atBol | hasSpace | line << 5 (lines that do not fit go to the side object)
const KIND_MASK = 7;
const AT_BOL = 8;
const HAS_SPACE = 16;
const LINE_SHIFT = 5;
const MAX_PACKED_LINE = (1 << (31 - LINE_SHIFT)) - 1;
const KINDS: TokenKind[] = ['ident', 'keyword', 'punct', 'str', 'num', 'char', 'eof'];
const KIND_CODE: { [k in TokenKind]: number } = { ident: 0, keyword: 1, punct: 2, str: 3, num: 4, char: 5, eof: 6 };

function packable(line: number): boolean {
  return line >= 0 && line <= MAX_PACKED_LINE && Number.isInteger(line);
}

class CompactToken implements Token {
  text: string;
  file: SourceFile;
  pos: number;
  bits: number;
  extra: TokenExtra | null;

  constructor(text: string, file: SourceFile, pos: number, bits: number, extra: TokenExtra | null) {
    this.text = text;
    this.file = file;
    this.pos = pos;
    this.bits = bits;
    this.extra = extra;
  }

  private get ex(): TokenExtra {
    return this.extra ?? NO_EXTRA;
  }

  get kind(): TokenKind {
    return KINDS[this.bits & KIND_MASK];
  }
  set kind(k: TokenKind) {
    this.bits = (this.bits & ~KIND_MASK) | KIND_CODE[k];
  }
  get line(): number {
    const e = this.extra;
    return e !== null && e.line !== null ? e.line : this.bits >>> LINE_SHIFT;
  }
  set line(v: number) {
    const e = this.ex;
    if (packable(v)) {
      this.bits = (this.bits & ((1 << LINE_SHIFT) - 1)) | (v << LINE_SHIFT);
      if (e.line !== null) this.extra = new TokenExtra(e.hideset, e.origin, e.displayName, null, e.lit);
    } else this.extra = new TokenExtra(e.hideset, e.origin, e.displayName, v, e.lit);
  }
  get atBol(): boolean {
    return (this.bits & AT_BOL) !== 0;
  }
  set atBol(v: boolean) {
    this.bits = v ? this.bits | AT_BOL : this.bits & ~AT_BOL;
  }
  get hasSpace(): boolean {
    return (this.bits & HAS_SPACE) !== 0;
  }
  set hasSpace(v: boolean) {
    this.bits = v ? this.bits | HAS_SPACE : this.bits & ~HAS_SPACE;
  }
  get displayName(): string {
    const e = this.extra;
    return e !== null && e.displayName !== null ? e.displayName : this.file.name;
  }
  set displayName(v: string) {
    const e = this.ex;
    if (v === (e.displayName ?? this.file.name)) return;
    this.extra = new TokenExtra(e.hideset, e.origin, v, e.line, e.lit);
  }
  get hideset(): Set<string> | null {
    const e = this.extra;
    return e === null ? null : e.hideset;
  }
  set hideset(v: Set<string> | null) {
    const e = this.ex;
    if (v !== e.hideset) this.extra = new TokenExtra(v, e.origin, e.displayName, e.line, e.lit);
  }
  get origin(): Token | undefined {
    const e = this.extra;
    return e === null ? undefined : e.origin;
  }
  set origin(v: Token | undefined) {
    const e = this.ex;
    if (v !== e.origin) this.extra = new TokenExtra(e.hideset, v, e.displayName, e.line, e.lit);
  }
  private setLit(l: LiteralData): void {
    const e = this.ex;
    this.extra = new TokenExtra(e.hideset, e.origin, e.displayName, e.line, l);
  }
  get strElems(): number[] | undefined {
    const e = this.extra;
    return e === null ? undefined : e.lit.strElems;
  }
  set strElems(v: number[] | undefined) {
    const l = this.ex.lit;
    if (v !== l.strElems) this.setLit(new LiteralData(v, l.charSize, l.charValue, l.invalid));
  }
  get charSize(): number | undefined {
    const e = this.extra;
    return e === null ? undefined : e.lit.charSize;
  }
  set charSize(v: number | undefined) {
    const l = this.ex.lit;
    if (v !== l.charSize) this.setLit(new LiteralData(l.strElems, v, l.charValue, l.invalid));
  }
  get charValue(): number | undefined {
    const e = this.extra;
    return e === null ? undefined : e.lit.charValue;
  }
  set charValue(v: number | undefined) {
    const l = this.ex.lit;
    if (v !== l.charValue) this.setLit(new LiteralData(l.strElems, l.charSize, v, l.invalid));
  }
  get invalid(): string | undefined {
    const e = this.extra;
    return e === null ? undefined : e.lit.invalid;
  }
  set invalid(v: string | undefined) {
    const l = this.ex.lit;
    if (v !== l.invalid) this.setLit(new LiteralData(l.strElems, l.charSize, l.charValue, v));
  }

  static clone(t: CompactToken): CompactToken {
    return newToken(t.text, t.file, t.pos, t.bits, t.extra);
  }

  static expansionCopy(t: CompactToken, hasSpace: boolean, shared: ExpansionExtra): CompactToken {
    const bits = (t.bits & ~(AT_BOL | HAS_SPACE)) | (hasSpace ? HAS_SPACE : 0);
    const e = t.extra;
    let extra: TokenExtra;
    if (e === null) extra = shared.extra ?? (shared.extra = new TokenExtra(shared.hideset, shared.use, null, null, NO_LITERAL));
    else if (e.origin !== undefined && e.hideset !== null) extra = e;
    else extra = new TokenExtra(e.hideset ?? shared.hideset, e.origin ?? shared.use, e.displayName, e.line, e.lit);
    return newToken(t.text, t.file, t.pos, bits, extra);
  }
}

/**
 * Every token is made here. A constructor, not an object literal: V8 pretenures literal allocation sites
 * once they prove long-lived, and each such decision deoptimizes the code that allocates there (measured:
 * the literal made the bench compile's preprocessing slower).
 */
function newToken(text: string, file: SourceFile, pos: number, bits: number, extra: TokenExtra | null): CompactToken {
  return new CompactToken(text, file, pos, bits, extra);
}

/** What the tokens of one macro expansion have in common (see expansionCopy). */
export class ExpansionExtra {
  /** Made on first use: the side object of every copied token that had none. */
  extra: TokenExtra | null = null;
  constructor(
    readonly use: Token,
    readonly hideset: Set<string>,
  ) {}
}

/** Makes a token with no hideset, origin or literal payload. The only way tokens are created. */
export function makeToken(kind: TokenKind, text: string, file: SourceFile, pos: number, line: number, atBol: boolean, hasSpace: boolean): Token {
  const flags = KIND_CODE[kind] | (atBol ? AT_BOL : 0) | (hasSpace ? HAS_SPACE : 0);
  if (packable(line)) return newToken(text, file, pos, flags | (line << LINE_SHIFT), null);
  return newToken(text, file, pos, flags, new TokenExtra(null, undefined, null, line, NO_LITERAL));
}

/**
 * A copy of `t` placed by a macro expansion: not at a line start, with `hasSpace`, `expansion.use` as its
 * origin unless it has one, and `expansion.hideset` as its hideset if it has none (a hideset it has is left
 * for the caller to merge).
 */
export function expansionCopy(t: Token, hasSpace: boolean, expansion: ExpansionExtra): Token {
  return CompactToken.expansionCopy(t as CompactToken, hasSpace, expansion);
}

/** A copy of `t` with the given fields replaced (object spread would lose the accessors). */
export function copyToken(t: Token, changes?: Partial<Token>): Token {
  const c = CompactToken.clone(t as CompactToken);
  if (changes !== undefined) Object.assign(c, changes);
  return c;
}

/** A plain location object for `t` (optionally moved by `delta` characters), e.g. to point after a token. */
export function locationOf(t: Token, delta = 0): Location {
  return { file: t.file, pos: t.pos + delta, line: t.line, displayName: t.displayName };
}
