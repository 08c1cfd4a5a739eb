// Stage 1: source text -> tokens. Handles comments, line splices, pp-numbers, character and string
// literals with every C escape, punctuators (longest match), and marks line starts for the preprocessor.
import { CompileError, SourceFile } from '../diagnostics.js';
import { Token, TokenKind, makeToken } from './token.js';

export { ExpansionExtra, copyToken, expansionCopy, locationOf, makeToken } from './token.js';
export type { Token, TokenKind } from './token.js';

/** Two-character punctuators indexed by `first * 128 + second`, so lexing them allocates no strings. */
const PUNCT2_BY_CODE: (string | undefined)[] = new Array(128 * 128).fill(undefined);
for (const p2 of ['==', '!=', '<=', '>=', '->', '+=', '-=', '*=', '/=', '++', '--', '%=', '&=', '|=', '^=', '&&', '||', '<<', '>>', '##']) {
  PUNCT2_BY_CODE[p2.charCodeAt(0) * 128 + p2.charCodeAt(1)] = p2;
}
/** One-character punctuators by character code. */
const PUNCT1_BY_CODE: (string | undefined)[] = new Array(128).fill(undefined);
for (const ch of '+-*/%&|^~!<>=?:;,.()[]{}#\\') PUNCT1_BY_CODE[ch.charCodeAt(0)] = ch;

/** Character classes of ASCII codes: bit 1 identifier start, bit 2 identifier continuation. */
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
  CHAR_CLASS[c] = (start ? 1 : 0) | (start || (c >= 48 && c <= 57) ? 2 : 0);
}

/**
 * Interned identifier and number spellings, found by a hash of the characters without slicing the source first, so
 * lexing allocates nothing but the tokens themselves (and their pages stay dense for the garbage collector).
 * Open addressing; emptied when full.
 */
const INTERN_SIZE = 1 << 15;
const internKeys: (string | undefined)[] = new Array(INTERN_SIZE).fill(undefined);
const internHashes = new Int32Array(INTERN_SIZE);
let internCount = 0;

function internSpelling(text: string, start: number, end: number, hash: number): string {
  const len = end - start;
  let i = hash & (INTERN_SIZE - 1);
  for (;;) {
    const k = internKeys[i];
    if (k === undefined) break;
    if (internHashes[i] === hash && k.length === len && text.startsWith(k, start)) return k;
    i = (i + 1) & (INTERN_SIZE - 1);
  }
  if (internCount >= INTERN_SIZE >> 1) {
    internKeys.fill(undefined);
    internCount = 0;
    i = hash & (INTERN_SIZE - 1);
  }
  const s = text.slice(start, end);
  internKeys[i] = s;
  internHashes[i] = hash;
  internCount++;
  return s;
}

function isIdentStart(c: number): boolean {
  return c < 128 ? (CHAR_CLASS[c] & 1) !== 0 : c === c; // NaN (past the end) is not
}
function isIdentChar(c: number): boolean {
  return c < 128 ? (CHAR_CLASS[c] & 2) !== 0 : c === c;
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

/** Appends a code point as UTF-16 code units: u"" literals hold a surrogate pair past U+FFFF. */
function pushUtf16(out: number[], cp: number): void {
  if (cp <= 0xffff) out.push(cp);
  else out.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
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
  /** Presized from the text length (about 3 characters per token), so the array rarely grows by copying. */
  private readonly out: Token[];
  private count = 0;
  private readonly text: string;

  constructor(private readonly file: SourceFile) {
    this.text = file.text;
    this.out = new Array<Token>(Math.floor(this.text.length / 3) + 16);
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
    this.out.length = this.count;
    return this.out;
  }

  private lexToken(c: number): void {
    const t = this.text;
    const start = this.pos;
    // pp-number: digit or .digit, then [0-9a-zA-Z_.] and e+ e- p+ p-
    if (isDigit(c) || (c === 46 && isDigit(t.charCodeAt(start + 1)))) {
      let p = start + 1;
      let h = c;
      for (;;) {
        const d = t.charCodeAt(p);
        if (d < 128 && (CHAR_CLASS[d] & 2) !== 0) p++;
        else if (d === 46) p++;
        else if ((d === 43 || d === 45) && ((t.charCodeAt(p - 1) | 0x20) === 101 || (t.charCodeAt(p - 1) | 0x20) === 112)) p++;
        else if (d >= 128) p++;
        else break;
        h = (Math.imul(h, 31) + d) | 0;
      }
      this.pos = p;
      this.push('num', internSpelling(t, start, p, h), start);
      return;
    }
    // string / char literal with optional prefix ('', u8, L, u, U)
    if (c === 34) return this.lexString(start, '');
    if (c === 39) return this.lexChar(start, '');
    if (c === 76 /* L */ || c === 85 /* U */ || c === 117 /* u */) {
      const c1 = t.charCodeAt(start + 1);
      const pre = c === 76 ? 'L' : c === 85 ? 'U' : 'u';
      if (c1 === 34) return this.lexString(start, pre);
      if (c1 === 39) return this.lexChar(start, pre);
      if (c === 117 && c1 === 56 /* 8 */ && t.charCodeAt(start + 2) === 34) return this.lexString(start, 'u8');
    }
    if (c < 128 ? (CHAR_CLASS[c] & 1) !== 0 : true) {
      let p = start + 1;
      let h = c;
      for (;;) {
        const d = t.charCodeAt(p);
        if (d < 128 ? (CHAR_CLASS[d] & 2) === 0 : d !== d) break;
        h = (Math.imul(h, 31) + d) | 0;
        p++;
      }
      this.pos = p;
      this.push('ident', internSpelling(t, start, p, h), start);
      return;
    }
    const c1 = t.charCodeAt(start + 1);
    if (c1 === c || c === 46 || c1 === 61) {
      const c2 = t.charCodeAt(start + 2);
      const three = c === 46 ? (c1 === 46 && c2 === 46 ? '...' : null) : c2 !== 61 || c1 !== c ? null : c === 60 ? '<<=' : c === 62 ? '>>=' : null;
      if (three !== null) {
        this.pos += 3;
        this.push('punct', three, start);
        return;
      }
    }
    // two-character punctuators, looked up without allocating
    const two = c < 128 && c1 < 128 ? PUNCT2_BY_CODE[c * 128 + c1] : undefined;
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
    // A stray character is an error only if the token survives preprocessing: text in a skipped #if group
    // is only scanned for directives (C11 6.10p4), and `#x` may stringize it, as gcc does.
    this.pos++;
    const stray = this.push('punct', t[start], start);
    stray.invalid = `stray '${t[start]}' in program`;
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
        else if (ucn && prefix === 'u') pushUtf16(elems, r.value);
        else elems.push(r.value);
        p = r.end;
      } else if (wide) {
        const cp = t.codePointAt(p)!;
        if (prefix === 'u') pushUtf16(elems, cp);
        else elems.push(cp);
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
    const tok = makeToken(kind, text, this.file, pos, this.line, this.atBol, this.hasSpace);
    this.atBol = false;
    this.hasSpace = false;
    if (this.count < this.out.length) this.out[this.count] = tok;
    else this.out.push(tok);
    this.count++;
    return tok;
  }

  private error(msg: string, pos: number): CompileError {
    const { line } = this.file.locate(pos);
    return new CompileError(msg, { file: this.file, pos, line, displayName: this.file.name });
  }
}
