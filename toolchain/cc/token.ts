// The token representation. Every token of a compilation is alive until code generation ends, so it is
// kept small: five fields in one shape (monomorphic property accesses). Kind, flags and line share one number, and
// what few tokens need (literal payloads, macro hidesets and origins, #line file names) lives in a side
// object allocated only for them. Accessors give the plain `Token` interface the rest of the compiler uses.
import type { Location, SourceFile } from './diagnostics.js';

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

/** The rarely present parts of a token. */
class TokenExtra {
  hideset: Set<string> | null = null;
  origin: Token | undefined = undefined;
  strElems: number[] | undefined = undefined;
  charSize: number | undefined = undefined;
  charValue: number | undefined = undefined;
  invalid: string | undefined = undefined;
  /** Set by #line; null: the file's own name. */
  displayName: string | null = null;
  /** A line number too large (or odd) to pack into the token; null: the packed one. */
  line: number | null = null;
}

// `bits`: kind (3 bits) | atBol | hasSpace | line << 5 (lines that do not fit go to the side object)
const KIND_MASK = 7;
const AT_BOL = 8;
const HAS_SPACE = 16;
const LINE_SHIFT = 5;
const MAX_PACKED_LINE = (1 << (31 - LINE_SHIFT)) - 1;
const KINDS: TokenKind[] = ['ident', 'keyword', 'punct', 'str', 'num', 'char', 'eof'];
const KIND_CODE: { [k in TokenKind]: number } = { ident: 0, keyword: 1, punct: 2, str: 3, num: 4, char: 5, eof: 6 };

class CompactToken implements Token {
  text: string;
  file: SourceFile;
  pos: number;
  private bits: number;
  private extra: TokenExtra | null;

  constructor(kind: TokenKind, text: string, file: SourceFile, pos: number, line: number, flags: number) {
    this.text = text;
    this.file = file;
    this.pos = pos;
    this.extra = null;
    if (line >= 0 && line <= MAX_PACKED_LINE) this.bits = KIND_CODE[kind] | flags | (line << LINE_SHIFT);
    else {
      this.bits = KIND_CODE[kind] | flags;
      this.ext().line = line;
    }
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
    if (v >= 0 && v <= MAX_PACKED_LINE && Number.isInteger(v)) {
      this.bits = (this.bits & ((1 << LINE_SHIFT) - 1)) | (v << LINE_SHIFT);
      if (this.extra !== null) this.extra.line = null;
    } else this.ext().line = v;
  }

  private ext(): TokenExtra {
    return this.extra ?? (this.extra = new TokenExtra());
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
    if (this.extra === null && v === this.file.name) return;
    this.ext().displayName = v;
  }
  get hideset(): Set<string> | null {
    const e = this.extra;
    return e === null ? null : e.hideset;
  }
  set hideset(v: Set<string> | null) {
    if (this.extra === null && v === null) return;
    this.ext().hideset = v;
  }
  get origin(): Token | undefined {
    const e = this.extra;
    return e === null ? undefined : e.origin;
  }
  set origin(v: Token | undefined) {
    if (this.extra === null && v === undefined) return;
    this.ext().origin = v;
  }
  get strElems(): number[] | undefined {
    const e = this.extra;
    return e === null ? undefined : e.strElems;
  }
  set strElems(v: number[] | undefined) {
    if (this.extra === null && v === undefined) return;
    this.ext().strElems = v;
  }
  get charSize(): number | undefined {
    const e = this.extra;
    return e === null ? undefined : e.charSize;
  }
  set charSize(v: number | undefined) {
    if (this.extra === null && v === undefined) return;
    this.ext().charSize = v;
  }
  get charValue(): number | undefined {
    const e = this.extra;
    return e === null ? undefined : e.charValue;
  }
  set charValue(v: number | undefined) {
    if (this.extra === null && v === undefined) return;
    this.ext().charValue = v;
  }
  get invalid(): string | undefined {
    const e = this.extra;
    return e === null ? undefined : e.invalid;
  }
  set invalid(v: string | undefined) {
    if (this.extra === null && v === undefined) return;
    this.ext().invalid = v;
  }
}

/** Makes a token with no hideset, origin or literal payload. The only way tokens are created. */
export function makeToken(kind: TokenKind, text: string, file: SourceFile, pos: number, line: number, atBol: boolean, hasSpace: boolean): Token {
  return new CompactToken(kind, text, file, pos, line, (atBol ? AT_BOL : 0) | (hasSpace ? HAS_SPACE : 0));
}

/** A copy of `t` with the given fields replaced (object spread would lose the accessors). */
export function copyToken(t: Token, changes?: Partial<Token>): Token {
  const c = makeToken(t.kind, t.text, t.file, t.pos, t.line, t.atBol, t.hasSpace);
  c.displayName = t.displayName;
  c.hideset = t.hideset;
  c.origin = t.origin;
  c.strElems = t.strElems;
  c.charSize = t.charSize;
  c.charValue = t.charValue;
  c.invalid = t.invalid;
  if (changes !== undefined) Object.assign(c, changes);
  return c;
}

/** A plain location object for `t` (optionally moved by `delta` characters), e.g. to point after a token. */
export function locationOf(t: Token, delta = 0): Location {
  return { file: t.file, pos: t.pos + delta, line: t.line, displayName: t.displayName };
}
