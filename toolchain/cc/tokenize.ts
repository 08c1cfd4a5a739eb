// Stage 1: source text -> tokens. Handles comments, line splices, pp-numbers, character and string
// literals with every C escape, punctuators (longest match), and marks line starts for the preprocessor.
import { CompileError, Location, SourceFile } from './diagnostics.js';

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

const PUNCTS3 = ['<<=', '>>=', '...'];
const PUNCTS2 = ['==', '!=', '<=', '>=', '->', '+=', '-=', '*=', '/=', '++', '--', '%=', '&=', '|=', '^=', '&&', '||', '<<', '>>', '##'];
const PUNCT1 = '+-*/%&|^~!<>=?:;,.()[]{}#\\';
/** Punctuator spellings by character code(s), so lexing them allocates no strings. */
const PUNCT1_BY_CODE: (string | undefined)[] = [];
for (const ch of PUNCT1) PUNCT1_BY_CODE[ch.charCodeAt(0)] = ch;
const PUNCT2_BY_CODE = new Map<number, string>();
for (const p2 of PUNCTS2) PUNCT2_BY_CODE.set(p2.charCodeAt(0) * 128 + p2.charCodeAt(1), p2);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 0x80;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Removes backslash-newline splices, keeping a map is unnecessary: we replace each splice by nothing
 * but pad the line count by re-inserting the newlines after the spliced logical line. */
function removeSplices(text: string): string {
  if (text.indexOf('\\') < 0) return text;
  let out = '';
  let pending = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      let j = i + 1;
      if (text.charCodeAt(j) === 13) j++;
      if (text.charCodeAt(j) === 10) {
        out += text.slice(last, i);
        last = j + 1;
        i = j;
        pending++;
      }
    } else if (c === 10 && pending > 0) {
      out += text.slice(last, i + 1) + '\n'.repeat(pending);
      last = i + 1;
      pending = 0;
    }
  }
  out += text.slice(last);
  if (pending > 0) out += '\n'.repeat(pending);
  return out;
}

/** Decodes UTF-8 code points of a JS string into bytes. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const b of new TextEncoder().encode(s)) out.push(b);
  return out;
}

/** Tokenizes one file. Throws CompileError on an unterminated literal or stray character. */
export function tokenize(file: SourceFile): Token[] {
  const text = removeSplices(file.text);
  const src = text === file.text ? file : new SourceFile(file.name, text);
  return new Lexer(src).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private atBol = true;
  private hasSpace = false;
  private readonly out: Token[] = [];
  private readonly text: string;

  constructor(private readonly file: SourceFile) {
    this.text = file.text;
  }

  run(): Token[] {
    const t = this.text;
    const n = t.length;
    while (this.pos < n) {
      const c = t.charCodeAt(this.pos);
      if (c === 10) {
        this.pos++;
        this.line++;
        this.atBol = true;
        this.hasSpace = false;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
        this.pos++;
        this.hasSpace = true;
        continue;
      }
      if (c === 47 /* / */ && t.charCodeAt(this.pos + 1) === 47) {
        const e = t.indexOf('\n', this.pos);
        this.pos = e < 0 ? n : e;
        this.hasSpace = true;
        continue;
      }
      if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const e = t.indexOf('*/', this.pos + 2);
        if (e < 0) throw this.error('unterminated comment', this.pos);
        for (let i = this.pos; i < e; i++) if (t.charCodeAt(i) === 10) this.line++;
        this.pos = e + 2;
        this.hasSpace = true;
        continue;
      }
      this.lexToken(c);
    }
    this.push('eof', '', this.pos);
    return this.out;
  }

  private lexToken(c: number): void {
    const t = this.text;
    const start = this.pos;
    // pp-number: digit or .digit, then [0-9a-zA-Z_.] and e+ e- p+ p-
    if (isDigit(c) || (c === 46 && isDigit(t.charCodeAt(start + 1)))) {
      let p = start + 1;
      for (;;) {
        const d = t.charCodeAt(p);
        const prev = t.charCodeAt(p - 1) | 0x20;
        if ((d === 43 || d === 45) && (prev === 101 || prev === 112)) p++;
        else if (isIdentChar(d) || d === 46) p++;
        else break;
      }
      this.pos = p;
      this.push('num', t.slice(start, p), start);
      return;
    }
    // string / char literal with optional prefix
    const prefix = this.literalPrefix(start);
    if (prefix !== null) {
      const q = t.charCodeAt(start + prefix.length);
      if (q === 34) return this.lexString(start, prefix);
      return this.lexChar(start, prefix);
    }
    if (isIdentStart(c)) {
      let p = start + 1;
      while (p < t.length && isIdentChar(t.charCodeAt(p))) p++;
      this.pos = p;
      this.push('ident', t.slice(start, p), start);
      return;
    }
    const c1 = t.charCodeAt(start + 1);
    if (c1 === 61 || c1 === 46 || c1 === 60 || c1 === 62) {
      const three = t.substr(start, 3);
      if (PUNCTS3.includes(three)) {
        this.pos += 3;
        this.push('punct', three, start);
        return;
      }
    }
    // two-character punctuators, looked up without allocating
    const two = c < 128 && c1 < 128 ? PUNCT2_BY_CODE.get(c * 128 + c1) : undefined;
    if (two !== undefined) {
      this.pos += 2;
      this.push('punct', two, start);
      return;
    }
    const one = c < 128 ? PUNCT1_BY_CODE[c] : undefined;
    if (one !== undefined) {
      this.pos++;
      this.push('punct', one, start);
      return;
    }
    throw this.error(`stray '${t[start]}' in program`, start);
  }

  /** Returns the prefix ('', 'L', 'u', 'U', 'u8') when a literal starts at `p`, else null. */
  private literalPrefix(p: number): string | null {
    const t = this.text;
    const c0 = t.charCodeAt(p);
    // only '"', '\'', u, U, L can start a literal
    if (c0 !== 34 && c0 !== 39 && c0 !== 117 && c0 !== 85 && c0 !== 76) return null;
    for (const pre of ['', 'u8', 'L', 'u', 'U']) {
      if (!t.startsWith(pre, p)) continue;
      const q = t.charCodeAt(p + pre.length);
      if (q === 34 || (q === 39 && pre !== 'u8')) return pre;
    }
    return null;
  }

  private lexString(start: number, prefix: string): void {
    const t = this.text;
    let p = start + prefix.length + 1;
    const elems: number[] = [];
    const wide = prefix === 'L' || prefix === 'U' || prefix === 'u';
    for (;;) {
      if (p >= t.length || t.charCodeAt(p) === 10) return this.badLiteral(start, prefix, 'missing terminating " character');
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        const r = this.readEscape(p + 1);
        const ucn = t[p + 1] === 'u' || t[p + 1] === 'U';
        if (ucn && !wide) for (const b of utf8Bytes(String.fromCodePoint(r.value))) elems.push(b);
        else elems.push(r.value);
        p = r.end;
      } else if (wide) {
        const cp = t.codePointAt(p)!;
        elems.push(cp);
        p += cp > 0xffff ? 2 : 1;
      } else if (c < 0x80) {
        elems.push(c);
        p++;
      } else {
        const cp = t.codePointAt(p)!;
        const len = cp > 0xffff ? 2 : 1;
        for (const b of utf8Bytes(t.substr(p, len))) elems.push(b);
        p += len;
      }
    }
    this.pos = p + 1;
    const tok = this.push('str', t.slice(start, p + 1), start);
    tok.strElems = elems;
    tok.charSize = prefix === 'L' || prefix === 'U' ? 4 : prefix === 'u' ? 2 : 1;
  }

  private lexChar(start: number, prefix: string): void {
    const t = this.text;
    let p = start + prefix.length + 1;
    const vals: number[] = [];
    for (;;) {
      if (p >= t.length || t.charCodeAt(p) === 10) return this.badLiteral(start, prefix, "missing terminating ' character");
      const c = t.charCodeAt(p);
      if (c === 39) break;
      if (c === 92) {
        const r = this.readEscape(p + 1);
        vals.push(r.value);
        p = r.end;
      } else if (c < 0x80 || prefix !== '') {
        const cp = t.codePointAt(p)!;
        vals.push(cp);
        p += cp > 0xffff ? 2 : 1;
      } else {
        const cp = t.codePointAt(p)!;
        const len = cp > 0xffff ? 2 : 1;
        for (const b of utf8Bytes(t.substr(p, len))) vals.push(b);
        p += len;
      }
    }
    if (vals.length === 0) throw this.error('empty character constant', start);
    this.pos = p + 1;
    const tok = this.push('char', t.slice(start, p + 1), start);
    let v: number;
    if (prefix !== '') v = vals[0] | 0;
    else if (vals.length === 1) v = vals[0] & 0xff; // plain char is unsigned on RISC-V
    else {
      v = 0; // gcc: multi-character constant, big-endian packing of the last 4
      for (const b of vals) v = ((v << 8) | (b & 0xff)) | 0;
    }
    tok.charValue = v;
    tok.charSize = prefix === 'L' || prefix === 'U' ? 4 : prefix === 'u' ? 2 : 1;
  }

  /** Emits a placeholder for an unterminated literal and skips to the end of its line. */
  private badLiteral(start: number, prefix: string, message: string): void {
    let e = this.text.indexOf('\n', start);
    if (e < 0) e = this.text.length;
    const tok = this.push('punct', this.text.slice(start + prefix.length, start + prefix.length + 1), start);
    tok.invalid = message;
    this.pos = e;
  }

  /** Reads an escape sequence after the backslash at `p`. */
  private readEscape(p: number): { value: number; end: number } {
    const t = this.text;
    const c = t[p];
    if (c >= '0' && c <= '7') {
      let v = 0;
      let q = p;
      while (q < p + 3 && t[q] >= '0' && t[q] <= '7') v = v * 8 + (t.charCodeAt(q++) - 48);
      return { value: v, end: q };
    }
    if (c === 'x') {
      let q = p + 1;
      let v = 0;
      if (!/[0-9a-fA-F]/.test(t[q] ?? '')) throw this.error('\\x used with no following hex digits', p - 1);
      while (/[0-9a-fA-F]/.test(t[q] ?? '')) v = ((v * 16) + parseInt(t[q++], 16)) >>> 0;
      return { value: v, end: q };
    }
    if (c === 'u' || c === 'U') {
      const len = c === 'u' ? 4 : 8;
      const hex = t.substr(p + 1, len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw this.error('incomplete universal character name', p - 1);
      return { value: parseInt(hex, 16), end: p + 1 + len };
    }
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };
    if (c in simple) return { value: simple[c], end: p + 1 };
    if (c === undefined || c === '\n') throw this.error('missing terminating character', p - 1);
    // gcc accepts unknown escapes with a warning; the character stands for itself
    return { value: t.charCodeAt(p), end: p + 1 };
  }

  private push(kind: TokenKind, text: string, pos: number): Token {
    const tok: Token = {
      kind,
      text,
      file: this.file,
      pos,
      line: this.line,
      displayName: this.file.name,
      atBol: this.atBol,
      hasSpace: this.hasSpace,
      hideset: null,
      strElems: undefined,
      charSize: undefined,
      charValue: undefined,
      origin: undefined,
      invalid: undefined,
    };
    this.atBol = false;
    this.hasSpace = false;
    this.out.push(tok);
    return tok;
  }

  private error(msg: string, pos: number): CompileError {
    const { line } = this.file.locate(pos);
    return new CompileError(msg, { file: this.file, pos, line, displayName: this.file.name });
  }
}
