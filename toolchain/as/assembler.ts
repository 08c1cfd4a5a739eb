// The assembler's state and its statement loop: labels, assignments, directives, instructions.
// Parsing fills sections with bytes, fragments and fixups; layout.ts then places fragments and
// resolves fixups, and object.ts writes the ELF file.

import { ShFlags, ShType, SymBind, SymType } from '../../abi/elf.js';
import { type IsaExtensions, parseIsaString } from '../../abi/isa.js';
import { DEFAULT_MARCH } from './attributes.js';
import { AsmError, type Diagnostic } from './diagnostics.js';
import { evaluate, NotYet } from './eval.js';
import { ExprParser, type Expr, type SymbolResolver } from './expr.js';
import { FixKind, type Fixup } from './fixup.js';
import { CallFrames } from './cfi.js';
import { LineTable } from './dwarf-line.js';
import { Lexer, Tk, type Token } from './lexer.js';
import { Section } from './section.js';
import { Sym, SymbolTable, SymKind } from './symbol.js';

/**
 * Lines all `.rept` blocks of a source may replay (each count is at most 1,000,000, but nested blocks
 * multiply): past it, one located error at the outermost block instead of an assembly that never ends.
 */
export const MAX_REPEATED_LINES = 500_000;
/** Errors recorded before the assembler gives up on a source. */
export const MAX_ERRORS = 1000;

/** A handler for one directive or mnemonic; `i` indexes the first operand token. */
export type StatementHandler = (asm: Assembler, toks: Token[], i: number, name: string, col: number) => void;

export interface Options {
  relax: boolean;
  rvc: boolean;
  pic: boolean;
}

export class Assembler implements SymbolResolver {
  readonly diagnostics: Diagnostic[] = [];
  readonly symbols = new SymbolTable();
  readonly sections: Section[] = [];
  readonly fixups: Fixup[] = [];
  readonly parser = new ExprParser(this);
  readonly lexer = new Lexer();
  cur: Section;
  previous: Section;
  readonly sectionStack: Array<[Section, Section]> = [];
  options: Options = { relax: true, rvc: false, pic: false };
  readonly optionStack: Options[] = [];
  /** The ISA at each `.option push`, restored by the matching pop (parallel to optionStack). */
  readonly archStack: string[] = [];
  readonly attributes = new Map<number, number | string>();
  fileSymbol: string | null = null;
  /** `.file N`/`.loc`: the line table (dwarf-line.ts). */
  readonly lines = new LineTable();
  /** `.cfi_*`: the call frame information (cfi.ts). */
  readonly cfi = new CallFrames();
  readonly idents: string[] = [];
  readonly lcomms: Array<{ sym: Sym; size: number; align: number }> = [];
  /** 1-based number of the line being assembled. */
  line = 0;
  /** The ISA string in force (-march=, then `.attribute arch` / `.option arch`), and what it enables. */
  march = DEFAULT_MARCH;
  isa: IsaExtensions = parseIsaString(DEFAULT_MARCH) as IsaExtensions;
  /**
   * True once an instruction took a CSR operand (csrr a0, fcsr): GNU as then records the privileged spec it
   * checked CSR names against (1.11) in the attributes; fixed aliases such as frcsr or rdcycle do not count.
   */
  csrUsed = false;
  /** e_flags float ABI from -mabi=; undefined: chosen from the final ISA as GNU as does. */
  floatAbi: number | undefined = undefined;
  private readonly sectionMap = new Map<string, Section>();

  constructor(
    readonly fileName: string,
    private readonly directives: Map<string, StatementHandler>,
    private readonly mnemonics: Map<string, StatementHandler>,
  ) {
    this.cur = this.getSection('.text', ShType.PROGBITS, ShFlags.ALLOC | ShFlags.EXECINSTR, 0);
    this.cur.align = 4;
    this.getSection('.data', ShType.PROGBITS, ShFlags.ALLOC | ShFlags.WRITE, 0);
    this.getSection('.bss', ShType.NOBITS, ShFlags.ALLOC | ShFlags.WRITE, 0);
    this.previous = this.cur;
  }

  /** Sets the ISA (an ISA string such as rv32imafd); false when it is not one. */
  setArch(march: string): boolean {
    const isa = parseIsaString(march);
    if (isa === undefined) return false;
    this.march = march;
    this.isa = isa;
    return true;
  }

  /** Set once MAX_ERRORS errors are recorded: the assembly stops (a .rept of bad lines made millions). */
  private stopped = false;

  /** Records an error at the current line; `col` is 0-based. */
  error(message: string, col: number, line = this.line): void {
    if (this.stopped) return;
    if (this.diagnostics.length === MAX_ERRORS) {
      this.diagnostics.push({ file: this.fileName, line, col: col + 1, message: `too many errors (${MAX_ERRORS}); stopping` });
      this.stopped = true;
      return;
    }
    this.diagnostics.push({ file: this.fileName, line, col: col + 1, message });
  }

  /** Assembles every line of `source` (block comments already blanked). */
  run(source: string): void {
    let start = 0;
    const n = source.length;
    while (start <= n && !this.stopped) {
      let end = source.indexOf('\n', start);
      if (end < 0) end = n;
      this.line++;
      if (this.rept === null) this.assembleLine(source, start, end);
      else this.recordReptLine(source, start, end);
      start = end + 1;
    }
    if (this.rept !== null) this.error('.rept without .endr', this.rept.col, this.rept.line);
  }

  /** Lines replayed by `.rept` blocks so far: nested blocks multiply, so the total is bounded. */
  private repeatedLines = 0;

  /** An open `.rept COUNT` block: its lines are collected until the matching `.endr`. */
  private rept: { count: number; line: number; col: number; depth: number; lines: Array<[number, number, number]> } | null = null;

  /** Starts collecting a `.rept` block (called by the directive). */
  beginRept(count: number, col: number): void {
    this.rept = { count, line: this.line, col, depth: 0, lines: [] };
  }

  private recordReptLine(source: string, start: number, end: number): void {
    const r = this.rept as NonNullable<Assembler['rept']>;
    const word = /^\s*(\.\w+)/.exec(source.slice(start, Math.min(end, start + 40)))?.[1];
    if (word === '.rept') r.depth++;
    if (word === '.endr') {
      if (r.depth === 0) {
        this.rept = null;
        const saved = this.line;
        replay: for (let k = 0; k < r.count; k++) {
          for (const [line, s, e] of r.lines) {
            if (this.repeatedLines === MAX_REPEATED_LINES || this.stopped) break replay;
            if (++this.repeatedLines === MAX_REPEATED_LINES) {
              this.error(`.rept expands to too many lines (more than ${MAX_REPEATED_LINES} in all)`, r.col, r.line);
              break replay;
            }
            this.line = line;
            if (this.rept === null) this.assembleLine(source, s, e);
            else this.recordReptLine(source, s, e);
          }
        }
        this.line = saved;
        return;
      }
      r.depth--;
    }
    r.lines.push([this.line, start, end]);
  }

  private assembleLine(source: string, lineStart: number, lineEnd: number): void {
    let pos = lineStart;
    while (pos >= 0) {
      let toks: Token[];
      try {
        toks = this.lexer.tokenize(source, pos, lineEnd, lineStart);
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        this.error(e.message, e.col);
        return;
      }
      pos = this.lexer.next;
      try {
        this.statement(toks);
      } catch (e) {
        if (e instanceof AsmError) this.error(e.message, e.col);
        else this.error(`internal assembler error: ${e instanceof Error ? e.message : String(e)}`, 0);
      }
    }
  }

  private statement(toks: Token[]): void {
    let i = 0;
    while (toks[i].kind !== Tk.END && toks[i + 1].kind === Tk.PUNCT && toks[i + 1].text === ':' &&
      (toks[i].kind === Tk.IDENT || toks[i].kind === Tk.NUM)) {
      this.label(toks[i]);
      i += 2;
    }
    const t = toks[i];
    if (t.kind === Tk.END) return;
    if (t.kind !== Tk.IDENT) throw new AsmError(`expected an instruction or directive, got '${t.text}'`, t.col);
    if (toks[i + 1].kind === Tk.PUNCT && toks[i + 1].text === '=') {
      this.assign(t.text, toks, i + 2, t.col, true);
      return;
    }
    if (t.text.charCodeAt(0) === 46) {
      const d = this.directives.get(t.text) ?? this.directives.get(t.text.toLowerCase());
      if (d === undefined) throw new AsmError(`unknown directive '${t.text}'`, t.col);
      d(this, toks, i + 1, t.text, t.col);
      return;
    }
    const m = this.mnemonics.get(t.text) ?? this.mnemonics.get(t.text.toLowerCase());
    if (m === undefined) throw new AsmError(`unknown instruction '${t.text}'`, t.col);
    this.lines.flush(this);
    m(this, toks, i + 1, t.text.toLowerCase(), t.col);
  }

  private label(t: Token): void {
    if (t.kind === Tk.NUM) {
      if (!/^[0-9]+$/.test(t.text)) throw new AsmError(`invalid local label '${t.text}'`, t.col);
      const s = this.symbols.defineNumeric(t.num);
      this.defineLabelHere(s, t.col);
      this.symbols.noteNumericDefined(s);
      return;
    }
    this.defineLabelHere(this.symbols.get(t.text, this.line, t.col), t.col);
  }

  /** Defines `s` as a label at the current position; throws if it is already defined. */
  defineLabelHere(s: Sym, col: number): void {
    if (s.kind !== SymKind.UNDEF) {
      throw new AsmError(`symbol '${s.name}' is already defined (line ${s.defLine})`, col);
    }
    s.kind = SymKind.LABEL;
    s.section = this.cur;
    s.frag = this.cur.curFrag;
    s.offset = this.cur.fragOffset;
    s.defLine = this.line;
  }

  /**
   * `name = expr`, `.set name, expr`, `.equ`: a constant becomes an absolute symbol, a label plus a
   * constant becomes a label at that place (as GNU as does for `.set .LANCHOR0, . + 0`), anything
   * else is evaluated after layout.
   */
  assign(name: string, toks: Token[], i: number, col: number, redefinable: boolean): void {
    this.parser.toks = toks;
    this.parser.pos = i;
    const e = this.parser.parse();
    this.expectEnd(toks, this.parser.pos);
    const s = this.symbols.get(name, this.line, col);
    const redefining = s.kind === SymKind.CONST || s.kind === SymKind.EXPR;
    if (s.kind !== SymKind.UNDEF && !(redefinable && redefining)) {
      throw new AsmError(`symbol '${name}' is already defined (line ${s.defLine})`, col);
    }
    s.defLine = this.line;
    this.setSymbolValue(s, e);
  }

  private setSymbolValue(s: Sym, e: Expr): void {
    try {
      const v = evaluate(e, false);
      if (v.sym === null && v.sub === null) {
        s.kind = SymKind.CONST;
        s.value = v.add;
        return;
      }
      if (v.sub === null && v.sym !== null && v.sym.kind === SymKind.LABEL) {
        s.kind = SymKind.LABEL;
        s.section = v.sym.section;
        s.frag = v.sym.frag;
        s.offset = v.sym.offset + v.add;
        return;
      }
    } catch (err) {
      if (!(err instanceof NotYet)) throw err;
    }
    s.kind = SymKind.EXPR;
    s.expr = e;
  }

  /** Throws unless `toks[i]` ends the statement. */
  expectEnd(toks: Token[], i: number): void {
    const t = toks[i];
    if (t.kind !== Tk.END) throw new AsmError(`unexpected '${t.text}' at end of statement`, t.col);
  }

  // ---- SymbolResolver ----
  symbol(name: string, col: number): Sym | number {
    const s = this.symbols.get(name, this.line, col);
    return s.kind === SymKind.CONST ? s.value : s;
  }

  numeric(label: number, dir: 'b' | 'f', col: number): Sym {
    return this.symbols.numericRef(label, dir, this.line, col);
  }

  dot(col: number): Sym {
    const s = this.symbols.anonymousLabel();
    this.defineLabelHere(s, col);
    return s;
  }

  // ---- Sections ----
  /** The section called `name`, created with the given attributes when new. */
  getSection(name: string, type: number, flags: number, entsize: number): Section {
    let s = this.sectionMap.get(name);
    if (s === undefined) {
      s = new Section(name, type, flags, entsize);
      const sym = new Sym(name, -1, true);
      sym.kind = SymKind.LABEL;
      sym.type = SymType.SECTION;
      sym.section = s;
      sym.frag = s.frags[0];
      s.sym = sym;
      this.sections.push(s);
      this.sectionMap.set(name, s);
    }
    return s;
  }

  findSection(name: string): Section | undefined {
    return this.sectionMap.get(name);
  }

  /** Switches the current section, remembering the previous one for `.previous`. */
  switchTo(s: Section): void {
    if (s !== this.cur) {
      this.previous = this.cur;
      this.cur = s;
    }
  }

  // ---- Emission ----
  /** Appends one instruction word; instructions need a section with contents. */
  emitInstr(word: number, col: number): void {
    if (this.cur.isNobits) throw new AsmError(`instruction in section '${this.cur.name}' without contents`, col);
    this.cur.emit32(word);
  }

  /** Records a fixup at the current position, `back` bytes before the end of the fixed part. */
  fixup(kind: FixKind, expr: Expr, col: number, back = 0, size = 4): void {
    const sec = this.cur;
    this.fixups.push({
      kind, section: sec, frag: sec.curFrag, offset: sec.fragOffset - back, size, expr, line: this.line, col,
    });
    // GNU as ends its fragment after an instruction the linker may relax away (cfi.ts counts them).
    if (kind === FixKind.HI20 || kind === FixKind.PCREL_HI20) sec.gnuFrags++;
  }

  /** Marks `s` global/weak/local as `.globl`/`.weak`/`.local` do. */
  bind(s: Sym, bind: SymBind): void {
    s.bind = bind;
    s.bindSet = true;
  }
}
