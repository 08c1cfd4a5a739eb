// Stage 2: the preprocessor. Directives, conditional inclusion, #include through a virtual file system,
// and macro expansion with hidesets (Prosser's algorithm, as chibicc does it).
import { CompileError, Diagnostics, SourceFile } from '../diagnostics.js';
import { evalPPExpr } from './pp-expr.js';
import { Macro, MacroTable, substitute } from './macros.js';
import { Token, copyToken, tokenize } from './tokenize.js';

/** How the preprocessor reaches files: `readFile` returns null when the file does not exist. */
export interface PreprocessOptions {
  /** Directories searched by #include "..." (after the including file's directory) and <...>. */
  includeDirs: string[];
  /** Directories searched after includeDirs (the compiler's headers, then libc's). */
  systemIncludeDirs: string[];
  /** NAME -> value ("1" when given as -DNAME). */
  defines: Map<string, string>;
  undefines: string[];
  readFile: (path: string) => string | null;
  /** Used for __DATE__ and __TIME__. */
  now?: Date;
}

/**
 * Resource limits of macro expansion, each a located error when passed (gcc has none, and runs out of time
 * or memory instead): how many macros one token may be nested in (each level copies the hideset, so a chain
 * of n macros costs n*n), how deeply macro calls may nest in the arguments of macro calls (each level is a
 * recursive expansion), and how much work all the expansions of a unit may do: each token an expansion
 * produces costs one plus its hideset's size, as rescanning it does (a macro that uses its argument twice
 * doubles with each nested call; real programs cost thousands, the pathological ones billions).
 */
export const MAX_MACRO_NESTING = 1024;
export const MAX_ARGUMENT_NESTING = 256;
export const MAX_EXPANSION_COST = 500_000;

/** A token list being read: a file (directives are recognised there) or a macro expansion. A class, not
 * object literals: literal allocation sites get pretenured mid-compile, which deoptimizes their code. */
class Frame {
  i = 0;
  lineDelta = 0;
  displayName: string | null = null;
  /** For a file: the index of the include directory it was found in (-1: none), where #include_next resumes. */
  dirIndex = -1;
  constructor(
    readonly toks: Token[],
    /** Frames that come from a file (directives are recognised there). */
    readonly isFile: boolean,
  ) {}
}

interface Cond {
  /** Some branch of this #if has been taken. */
  taken: boolean;
  /** #else seen. */
  sawElse: boolean;
  tok: Token;
}

/** Joins and normalises a path with '/' separators (no host path module: this runs in browsers). */
export function joinPath(dir: string, name: string): string {
  const full = name.startsWith('/') || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : path.slice(0, i);
}

/** Runs the preprocessor over `text` and returns the resulting tokens (ending with eof). */
export function preprocess(text: string, fileName: string, opts: PreprocessOptions, diags: Diagnostics): Token[] {
  return new Preprocessor(opts, diags).run(text, fileName);
}

class Preprocessor {
  private readonly macros: MacroTable;
  private frames: Frame[] = [];
  private readonly conds: Cond[] = [];
  private readonly pragmaOnce = new Set<string>();
  private readonly guards = new Map<string, string>();
  /** Output tokens: the first `outLen` entries (presized from the main file's token count). */
  private out: Token[] = [];
  private outLen = 0;
  private includeDepth = 0;
  /** Nesting of expandIsolated (macro arguments inside macro arguments). */
  private isolatedDepth = 0;
  /** Cost of the macro expansions so far (MAX_EXPANSION_COST). */
  private expansionCost = 0;

  constructor(
    private readonly opts: PreprocessOptions,
    private readonly diags: Diagnostics,
  ) {
    this.macros = new MacroTable(opts.now ?? new Date());
    for (const [name, value] of opts.defines) this.macros.defineFromText(name, value);
    for (const name of opts.undefines) this.macros.undef(name);
  }

  run(text: string, fileName: string): Token[] {
    const toks = tokenize(new SourceFile(fileName, text));
    const eof = toks[toks.length - 1];
    this.out = new Array<Token>(toks.length + (toks.length >> 3) + 16);
    this.pushFile(toks);
    this.loop();
    this.emit(eof);
    if (this.conds.length > 0) throw new CompileError('unterminated conditional directive', this.conds[this.conds.length - 1].tok);
    this.out.length = this.outLen;
    return this.out;
  }

  private emit(t: Token): void {
    if (this.outLen < this.out.length) this.out[this.outLen] = t;
    else this.out.push(t);
    this.outLen++;
  }

  private pushFile(toks: Token[], dirIndex = -1): void {
    toks.pop(); // eof
    const f = new Frame(toks, true);
    f.dirIndex = dirIndex;
    this.frames.push(f);
  }

  /** Next raw token from the frame stack, or null at the end of all input. Applies #line renumbering. */
  private next(): Token | null {
    for (;;) {
      const f = this.frames[this.frames.length - 1];
      if (!f) return null;
      if (f.i < f.toks.length) {
        const t = f.toks[f.i++];
        if (f.isFile && (f.lineDelta !== 0 || f.displayName !== null)) {
          t.line += f.lineDelta;
          if (f.displayName !== null) t.displayName = f.displayName;
        }
        return t;
      }
      this.frames.pop();
      if (f.isFile) this.includeDepth = Math.max(0, this.includeDepth - 1);
    }
  }

  /** Peeks the next token without consuming it (crossing frame ends). */
  private peek(): Token | null {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k];
      if (f.i < f.toks.length) return f.toks[f.i];
    }
    return null;
  }

  private atDirectiveStart(t: Token): boolean {
    const f = this.frames[this.frames.length - 1];
    return t.atBol && t.kind === 'punct' && t.text === '#' && f !== undefined && f.isFile && f.toks[f.i - 1] === t;
  }

  /** The rest of the current line (tokens of the same file frame until the next line start). */
  private readLine(): Token[] {
    const f = this.frames[this.frames.length - 1];
    const line: Token[] = [];
    if (!f || !f.isFile) return line;
    while (f.i < f.toks.length && !f.toks[f.i].atBol) line.push(this.next()!);
    return line;
  }

  private loop(): void {
    for (;;) {
      // fast path: plain tokens of a file frame without #line renumbering
      const f = this.frames[this.frames.length - 1];
      if (f && f.isFile && f.lineDelta === 0 && f.displayName === null) {
        const toks = f.toks;
        let i = f.i;
        while (i < toks.length) {
          const t = toks[i];
          if (t.atBol && t.kind === 'punct' && t.text === '#') break;
          if (t.kind === 'ident' && (this.macros.get(t.text) !== undefined || t.text === '_Pragma')) break;
          if (t.invalid) break;
          this.emit(t);
          i++;
        }
        f.i = i;
      }
      const t = this.next();
      if (!t) return;
      if (this.atDirectiveStart(t)) {
        this.directive(t);
        continue;
      }
      if (t.kind === 'ident' && t.text === '_Pragma') {
        this.pragmaOperator(t);
        continue;
      }
      if (t.kind === 'ident' && this.expandMacro(t)) continue;
      if (t.invalid) throw new CompileError(t.invalid, t);
      this.emit(t);
    }
  }

  /** If `t` names a macro that may expand here, pushes its expansion and returns true. */
  private expandMacro(t: Token): boolean {
    if (t.hideset && t.hideset.has(t.text)) return false;
    const m = this.macros.get(t.text);
    if (!m) return false;
    if (m.builtin) {
      const r = m.builtin(t, this.includeDepth);
      this.frames.push(new Frame([r], false));
      return true;
    }
    if (t.hideset && t.hideset.size >= MAX_MACRO_NESTING) {
      throw new CompileError(`macro expansion nested too deeply: more than ${MAX_MACRO_NESTING} macros`, t);
    }
    if (m.params === null) {
      const hs = new Set(t.hideset ?? []);
      hs.add(m.name);
      const body = substitute(m, [], t, hs, this.macros, (toks) => this.expandIsolated(toks, t));
      this.pushExpansion(body, t, hs.size);
      return true;
    }
    const after = this.peek();
    if (!after || after.kind !== 'punct' || after.text !== '(') return false;
    this.next();
    const { args, rparen } = this.readArgs(m, t);
    const hs = new Set<string>();
    if (t.hideset && rparen.hideset) for (const n of t.hideset) if (rparen.hideset.has(n)) hs.add(n);
    hs.add(m.name);
    const body = substitute(m, args, t, hs, this.macros, (toks) => this.expandIsolated(toks, t));
    this.pushExpansion(body, t, hs.size);
    return true;
  }

  private pushExpansion(body: Token[], use: Token, hidesetSize: number): void {
    this.expansionCost += body.length * (1 + hidesetSize);
    if (this.expansionCost > MAX_EXPANSION_COST) {
      throw new CompileError('macro expansion too large: the unit expands to too many tokens (or nests them too deeply)', use);
    }
    if (body.length > 0) this.frames.push(new Frame(body, false));
  }

  /** Reads the arguments of a function-like macro call; the '(' has been consumed. */
  private readArgs(m: Macro, nameTok: Token): { args: Token[][]; rparen: Token } {
    const args: Token[][] = [];
    let cur: Token[] = [];
    let depth = 0;
    const nparams = m.params!.length;
    for (;;) {
      const t = this.next();
      if (!t) throw new CompileError(`unterminated argument list invoking macro "${m.name}"`, nameTok);
      if (t.kind === 'punct' && t.atBol && t.text === '#' && this.atDirectiveStart(t)) {
        this.directive(t);
        continue;
      }
      if (t.kind === 'punct') {
        if (t.text === '(') depth++;
        else if (t.text === ')') {
          if (depth === 0) {
            args.push(cur);
            return { args: this.checkArgs(m, args, nameTok), rparen: t };
          }
          depth--;
        } else if (t.text === ',' && depth === 0 && !(m.variadic && args.length === nparams)) {
          args.push(cur);
          cur = [];
          continue;
        }
      }
      cur.push(t);
    }
  }

  private checkArgs(m: Macro, args: Token[][], nameTok: Token): Token[][] {
    const n = m.params!.length;
    if (n === 0 && !m.variadic && args.length === 1 && args[0].length === 0) return [];
    if (m.variadic) {
      if (args.length === n) args.push([]);
      if (args.length === n + 1) return args;
      if (args.length < n) throw new CompileError(`macro "${m.name}" requires ${n} arguments, but only ${args.length} given`, nameTok);
    } else if (args.length === n) return args;
    if (args.length > n) throw new CompileError(`macro "${m.name}" passed ${args.length} arguments, but takes just ${n}`, nameTok);
    throw new CompileError(`macro "${m.name}" requires ${n} arguments, but only ${args.length} given`, nameTok);
  }

  /** Fully macro-expands a token list on its own (macro arguments, #if lines). */
  private expandIsolated(toks: Token[], use: Token | null = null): Token[] {
    if (this.isolatedDepth >= MAX_ARGUMENT_NESTING) {
      throw new CompileError(`macro arguments nested too deeply: more than ${MAX_ARGUMENT_NESTING} levels`, use ?? toks[0] ?? null);
    }
    this.isolatedDepth++;
    const saved = this.frames;
    const savedOut = this.outLen;
    this.frames = [new Frame(toks, false)];
    const result: Token[] = [];
    try {
      for (;;) {
        const t = this.next();
        if (!t) break;
        if (t.kind === 'ident' && this.expandMacro(t)) continue;
        result.push(t);
      }
    } finally {
      this.frames = saved;
      this.outLen = savedOut;
      this.isolatedDepth--;
    }
    return result;
  }

  // ---- directives ----

  private directive(hash: Token): void {
    const nameTok = this.next();
    if (!nameTok || nameTok.atBol) {
      if (nameTok) this.frames[this.frames.length - 1].i--; // null directive: '#' alone
      return;
    }
    const name = nameTok.text;
    switch (name) {
      case 'include':
        return this.include(nameTok);
      case 'include_next':
        return this.include(nameTok, true);
      case 'define':
        return this.macros.define(this.readLine(), nameTok);
      case 'undef': {
        const line = this.readLine();
        if (line.length === 0 || line[0].kind !== 'ident') throw new CompileError('macro names must be identifiers', line[0] ?? nameTok);
        this.macros.undef(line[0].text);
        return;
      }
      case 'if':
        return this.startIf(nameTok, this.evalIf(nameTok));
      case 'ifdef':
      case 'ifndef': {
        const line = this.readLine();
        if (line.length === 0 || line[0].kind !== 'ident') throw new CompileError(`no macro name given in #${name} directive`, nameTok);
        const def = this.isDefined(line[0].text);
        return this.startIf(nameTok, name === 'ifdef' ? def : !def);
      }
      case 'elif':
      case 'else':
        return this.elseBranch(nameTok);
      case 'endif':
        this.readLine();
        if (this.conds.length === 0) throw new CompileError('#endif without #if', nameTok);
        this.conds.pop();
        return;
      case 'error':
        throw new CompileError(`#error ${this.restOfLineText(nameTok)}`, nameTok);
      case 'warning':
        this.diags.warn(`#warning ${this.restOfLineText(nameTok)}`, nameTok);
        return;
      case 'line':
        return this.lineDirective(nameTok);
      case 'pragma':
        return this.pragma(nameTok);
      case 'ident':
      case 'sccs':
        this.readLine();
        return;
    }
    if (nameTok.kind === 'num') return this.lineDirective(nameTok, true); // GNU linemarker "# 12 file"
    throw new CompileError(`invalid preprocessing directive #${name}`, nameTok);
  }

  private restOfLineText(nameTok: Token): string {
    const line = this.readLine();
    if (line.length === 0) return '';
    const text = nameTok.file.text;
    const start = line[0].pos;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    return text.slice(start, end).trim();
  }

  /** `defined NAME`: a macro, or one of the operators gcc also reports as defined (__has_include). */
  private isDefined(name: string): boolean {
    return this.macros.get(name) !== undefined || name === '__has_include' || name === '__has_include_next';
  }

  private evalIf(nameTok: Token): boolean {
    const line = this.readLine();
    // replace defined X / defined(X) before expansion
    const pre: Token[] = [];
    for (let i = 0; i < line.length; i++) {
      const t = line[i];
      if (t.kind === 'ident' && t.text === 'defined') {
        let j = i + 1;
        const paren = line[j]?.text === '(';
        if (paren) j++;
        const nm = line[j];
        if (!nm || nm.kind !== 'ident') throw new CompileError('macro names must be identifiers', nm ?? t);
        if (paren && line[j + 1]?.text !== ')') throw new CompileError("missing ')' after \"defined\"", nm);
        i = paren ? j + 1 : j;
        pre.push(copyToken(t, { kind: 'num', text: this.isDefined(nm.text) ? '1' : '0' }));
        continue;
      }
      if (t.kind === 'ident' && (t.text === '__has_include' || t.text === '__has_include_next')) {
        const r = this.hasInclude(line, i);
        i = r.end;
        pre.push(copyToken(t, { kind: 'num', text: r.value ? '1' : '0' }));
        continue;
      }
      pre.push(t);
    }
    const expanded = this.expandIsolated(pre).map((t) => (t.kind === 'ident' ? copyToken(t, { kind: 'num', text: '0' }) : t));
    return evalPPExpr(expanded, nameTok);
  }

  private startIf(tok: Token, cond: boolean): void {
    this.conds.push({ taken: cond, sawElse: false, tok });
    if (!cond) this.skip();
  }

  private elseBranch(nameTok: Token): void {
    const c = this.conds[this.conds.length - 1];
    if (!c) throw new CompileError(`#${nameTok.text} without #if`, nameTok);
    if (c.sawElse) throw new CompileError(`#${nameTok.text} after #else`, nameTok);
    // we were in a taken branch: skip everything to #endif
    if (nameTok.text === 'else') c.sawElse = true;
    this.readLine();
    this.skip(true);
  }

  /** Skips a false branch. With `toEnd`, skips all remaining branches. Stops before #endif (consumed). */
  private skip(toEnd = false): void {
    const c = this.conds[this.conds.length - 1];
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (!t) return;
      if (!this.atDirectiveStart(t)) continue;
      const d = this.peek();
      if (!d || d.atBol) continue;
      const name = d.text;
      if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
        depth++;
        continue;
      }
      if (depth > 0) {
        if (name === 'endif') depth--;
        continue;
      }
      if (name === 'endif') {
        this.next();
        this.readLine();
        this.conds.pop();
        return;
      }
      if (name === 'else' || name === 'elif') {
        this.next();
        if (c.sawElse) throw new CompileError(`#${name} after #else`, d);
        if (toEnd || c.taken) {
          if (name === 'else') c.sawElse = true;
          this.readLine();
          continue;
        }
        if (name === 'else') {
          c.sawElse = true;
          c.taken = true;
          this.readLine();
          return;
        }
        if (this.evalIf(d)) {
          c.taken = true;
          return;
        }
      }
    }
  }

  /** Reads the operand of #include / __has_include: a "name", a <name>, or macros expanding to one. */
  private includeSpec(line: Token[], at: Token): { name: string; quoted: boolean; tok: Token } {
    let spec: Token[] = line;
    if (line.length > 0 && line[0].kind === 'ident') spec = this.expandIsolated(line);
    if (spec.length === 0) throw new CompileError(`#${at.text} expects "FILENAME" or <FILENAME>`, at);
    if (spec[0].kind === 'str') return { name: spec[0].text.slice(1, -1), quoted: true, tok: spec[0] };
    if (spec[0].text !== '<') throw new CompileError(`#${at.text} expects "FILENAME" or <FILENAME>`, spec[0]);
    const end = spec.findIndex((t) => t.text === '>');
    if (end < 0) throw new CompileError('missing terminating > character', spec[0]);
    let name = '';
    for (let i = 1; i < end; i++) name += (spec[i].hasSpace && i > 1 ? ' ' : '') + spec[i].text;
    return { name, quoted: false, tok: spec[0] };
  }

  /**
   * Finds an included file: "name" first in the including file's directory, then the -I directories, then the
   * system ones. `next` (#include_next) starts after the directory the including file was found in.
   * Returns null when no directory has it.
   */
  private findInclude(name: string, quoted: boolean, from: Token, next: boolean): { path: string; text: string | null; dirIndex: number } | null {
    const dirs = [...this.opts.includeDirs, ...this.opts.systemIncludeDirs];
    const current = this.frames[this.frames.length - 1];
    const first = next && current && current.dirIndex >= 0 ? current.dirIndex + 1 : 0;
    const candidates: [string, number][] = [];
    if (quoted && !(next && first > 0)) candidates.push([dirName(from.file.name), -1]);
    for (let i = first; i < dirs.length; i++) candidates.push([dirs[i], i]);
    for (const [dir, dirIndex] of candidates) {
      const path = name.startsWith('/') ? name : joinPath(dir, name);
      if (this.pragmaOnce.has(path)) return { path, text: null, dirIndex };
      const guard = this.guards.get(path);
      if (guard !== undefined && this.macros.get(guard)) return { path, text: null, dirIndex };
      const text = this.opts.readFile(path);
      if (text !== null) return { path, text, dirIndex };
    }
    return null;
  }

  private include(nameTok: Token, next = false): void {
    const { name, quoted, tok } = this.includeSpec(this.readLine(), nameTok);
    const found = this.findInclude(name, quoted, nameTok, next);
    if (!found) throw new CompileError(`${name}: No such file or directory`, tok);
    if (found.text === null) return; // #pragma once, or its include guard is defined
    if (this.includeDepth >= 200) throw new CompileError('#include nested depth 200 exceeds maximum', nameTok);
    const toks = tokenize(new SourceFile(found.path, found.text));
    const g = detectGuard(toks);
    if (g) this.guards.set(found.path, g);
    this.includeDepth++;
    this.pushFile(toks, found.dirIndex);
  }

  /** __has_include(...) / __has_include_next(...) at line[i] of an #if: returns the 0/1 and where it ended. */
  private hasInclude(line: Token[], i: number): { value: boolean; end: number } {
    const op = line[i];
    if (line[i + 1]?.text !== '(') throw new CompileError(`missing '(' after "${op.text}"`, op);
    let depth = 0;
    let j = i + 1;
    for (; j < line.length; j++) {
      if (line[j].text === '(') depth++;
      else if (line[j].text === ')' && --depth === 0) break;
    }
    if (j >= line.length) throw new CompileError(`missing ')' after "${op.text}" operand`, op);
    const { name, quoted } = this.includeSpec(line.slice(i + 2, j), op);
    return { value: this.findInclude(name, quoted, op, op.text === '__has_include_next') !== null, end: j };
  }

  private lineDirective(nameTok: Token, marker = false): void {
    const line = marker ? [nameTok, ...this.readLine()] : this.expandIsolated(this.readLine());
    if (line.length === 0 || line[0].kind !== 'num' || !/^[0-9]+$/.test(line[0].text)) {
      throw new CompileError(`"${line[0]?.text ?? ''}" after #line is not a positive integer`, line[0] ?? nameTok);
    }
    const f = this.frames[this.frames.length - 1];
    const nextTok = f.toks[f.i];
    if (!nextTok) return;
    // the line after the directive gets number N
    const physLineAfter = nameTok.file.locate(nameTok.pos).line + 1;
    f.lineDelta = Number(line[0].text) - physLineAfter;
    if (line[1]?.kind === 'str') f.displayName = line[1].text.slice(1, -1);
  }

  /** _Pragma("...") (C99 6.10.9): the destringized text is handled as a #pragma line. */
  private pragmaOperator(t: Token): void {
    const open = this.next();
    const str = this.next();
    const close = this.next();
    if (!open || open.text !== '(' || !str || str.kind !== 'str' || !close || close.text !== ')') {
      throw new CompileError('_Pragma takes a parenthesized string literal', t);
    }
    const text = str.text.slice(str.text.indexOf('"') + 1, -1).replace(/\\(["\\])/g, '$1');
    const line = tokenize(new SourceFile(t.file.name, text));
    line.pop();
    this.pragmaLine(line, t);
  }

  private pragma(nameTok: Token): void {
    this.pragmaLine(this.readLine(), nameTok);
  }

  /** once, push_macro("NAME") and pop_macro("NAME"); other pragmas are ignored, as gcc does unknown ones. */
  private pragmaLine(line: Token[], at: Token): void {
    const what = line[0]?.text;
    if (what === 'once') this.pragmaOnce.add(at.file.name);
    else if (what === 'push_macro' || what === 'pop_macro') {
      const arg = line[2];
      if (line[1]?.text !== '(' || arg?.kind !== 'str' || line[3]?.text !== ')') {
        this.diags.warn(`invalid #pragma ${what} directive: expected ${what}("NAME")`, line[0]);
        return;
      }
      const name = arg.text.slice(1, -1);
      if (what === 'push_macro') this.macros.pushMacro(name);
      else this.macros.popMacro(name);
    }
  }
}

/** Recognises the `#ifndef X / #define X ... #endif` include-guard idiom; returns X. */
function detectGuard(toks: Token[]): string | null {
  const n = toks.length - 1; // before eof
  if (n < 5) return null;
  const t = toks;
  if (!(t[0].text === '#' && t[1].text === 'ifndef' && t[2].kind === 'ident' && t[3].text === '#' && t[4].text === 'define' && t[5]?.text === t[2].text)) return null;
  // the final #endif must close the first #ifndef: check nesting
  let depth = 0;
  for (let i = 0; i < n; i++) {
    if (!(t[i].atBol && t[i].text === '#')) continue;
    const d = t[i + 1]?.text;
    if (d === 'if' || d === 'ifdef' || d === 'ifndef') depth++;
    else if (d === 'endif') {
      depth--;
      if (depth === 0) {
        // must be last tokens of file
        let j = i + 2;
        while (j < n && !t[j].atBol) j++;
        return j === n ? t[2].text : null;
      }
    }
  }
  return null;
}

