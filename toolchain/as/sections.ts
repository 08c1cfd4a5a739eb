// Section directives: .text .data .bss .rodata .section .pushsection .popsection .previous,
// with GNU as's default types and flags for well-known section names.

import { ShFlags, ShType } from '../../abi/elf.js';
import type { Assembler, StatementHandler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { Tk, type Token } from './lexer.js';

const A = ShFlags.ALLOC;
const W = ShFlags.WRITE;
const X = ShFlags.EXECINSTR;
const TLS = 0x400;

interface SectionDefaults {
  type: number;
  flags: number;
  entsize: number;
}

const startsWithAny = (name: string, prefixes: string[]): boolean =>
  prefixes.some((p) => name === p || name.startsWith(p + '.'));

/** Type, flags and entry size GNU as gives a section when `.section NAME` has no flags. */
export function sectionDefaults(name: string): SectionDefaults {
  if (startsWithAny(name, ['.text'])) return { type: ShType.PROGBITS, flags: A | X, entsize: 0 };
  if (startsWithAny(name, ['.bss', '.sbss'])) return { type: ShType.NOBITS, flags: A | W, entsize: 0 };
  if (startsWithAny(name, ['.tbss'])) return { type: ShType.NOBITS, flags: A | W | TLS, entsize: 0 };
  if (startsWithAny(name, ['.tdata'])) return { type: ShType.PROGBITS, flags: A | W | TLS, entsize: 0 };
  if (startsWithAny(name, ['.data', '.sdata'])) return { type: ShType.PROGBITS, flags: A | W, entsize: 0 };
  if (startsWithAny(name, ['.rodata', '.srodata', '.eh_frame'])) return { type: ShType.PROGBITS, flags: A, entsize: 0 };
  if (startsWithAny(name, ['.init_array'])) return { type: ShType.INIT_ARRAY, flags: A | W, entsize: 4 };
  if (startsWithAny(name, ['.fini_array'])) return { type: ShType.FINI_ARRAY, flags: A | W, entsize: 4 };
  if (startsWithAny(name, ['.preinit_array'])) return { type: ShType.PREINIT_ARRAY, flags: A | W, entsize: 4 };
  if (name === '.comment') return { type: ShType.PROGBITS, flags: ShFlags.MERGE | ShFlags.STRINGS, entsize: 1 };
  if (name.startsWith('.note')) return { type: ShType.NOTE, flags: 0, entsize: 0 };
  return { type: ShType.PROGBITS, flags: 0, entsize: 0 };
}

const FLAG_CHARS: Record<string, number> = {
  a: A, w: W, x: X, M: ShFlags.MERGE, S: ShFlags.STRINGS, T: TLS, G: ShFlags.GROUP, R: 0x200000,
};

const TYPE_NAMES: Record<string, number> = {
  progbits: ShType.PROGBITS, nobits: ShType.NOBITS, note: ShType.NOTE, init_array: ShType.INIT_ARRAY,
  fini_array: ShType.FINI_ARRAY, preinit_array: ShType.PREINIT_ARRAY,
};

const isComma = (t: Token): boolean => t.kind === Tk.PUNCT && t.text === ',';

/** Reads a section name (which may contain '-' and so span tokens); returns it and the next index. */
function sectionName(toks: Token[], i: number): [string, number] {
  const t = toks[i];
  if (t.kind === Tk.STR) return [t.text, i + 1];
  if (t.kind !== Tk.IDENT && t.kind !== Tk.NUM) throw new AsmError('expected a section name', t.col);
  let name = '';
  let end = t.col;
  while (toks[i].kind !== Tk.END && !isComma(toks[i]) && toks[i].col === end) {
    name += toks[i].text;
    end = toks[i].col + toks[i].text.length;
    i++;
  }
  return [name, i];
}

/** `.section NAME[, "flags"[, @type[, entsize]]]`. */
function selectSection(asm: Assembler, toks: Token[], i: number): void {
  const [name, j0] = sectionName(toks, i);
  let j = j0;
  const def = sectionDefaults(name);
  let { type, flags, entsize } = def;
  if (isComma(toks[j])) {
    const f = toks[j + 1];
    if (f.kind !== Tk.STR) throw new AsmError('expected a flags string such as "aw"', f.col);
    flags = 0;
    for (const ch of f.text) {
      const bit = FLAG_CHARS[ch];
      if (bit === undefined) throw new AsmError(`unknown section flag '${ch}'`, f.col);
      flags |= bit;
    }
    j += 2;
    if (isComma(toks[j])) {
      const t = toks[j + 1];
      const word = t.kind === Tk.IDENT && t.text.startsWith('@') ? t.text.slice(1)
        : t.kind === Tk.PERCENT || t.kind === Tk.STR ? t.text : null;
      const ty = word === null ? undefined : TYPE_NAMES[word];
      if (ty === undefined) throw new AsmError(`unknown section type '${t.text}'`, t.col);
      type = ty;
      j += 2;
      if (isComma(toks[j])) {
        const e = toks[j + 1];
        if (e.kind !== Tk.NUM) throw new AsmError('expected an entry size', e.col);
        entsize = e.num;
        j += 2;
      }
    }
  }
  asm.expectEnd(toks, j);
  const sec = asm.getSection(name, type, flags, entsize);
  asm.switchTo(sec);
}

function fixedSection(name: string): StatementHandler {
  return (asm, toks, i) => {
    if (toks[i].kind === Tk.NUM) i++; // subsection numbers are accepted and ignored
    asm.expectEnd(toks, i);
    const d = sectionDefaults(name);
    asm.switchTo(asm.getSection(name, d.type, d.flags, d.entsize));
  };
}

/** Section-switching directives, by name. */
export function sectionDirectives(): Map<string, StatementHandler> {
  const m = new Map<string, StatementHandler>();
  for (const n of ['.text', '.data', '.bss', '.rodata', '.sdata', '.sbss', '.srodata']) m.set(n, fixedSection(n));
  m.set('.section', selectSection);
  m.set('.pushsection', (asm, toks, i) => {
    asm.sectionStack.push([asm.cur, asm.previous]);
    selectSection(asm, toks, i);
  });
  m.set('.popsection', (asm, toks, i, name, col) => {
    asm.expectEnd(toks, i);
    const top = asm.sectionStack.pop();
    if (top === undefined) throw new AsmError('.popsection without .pushsection', col);
    [asm.cur, asm.previous] = top;
  });
  m.set('.previous', (asm, toks, i) => {
    asm.expectEnd(toks, i);
    asm.switchTo(asm.previous);
  });
  return m;
}
