// -g: the `.file N` numbering of a unit's source files and the `.loc FILE LINE COLUMN` line that marks where a
// statement's code starts (the assembler turns them into .debug_line, toolchain/as/dwarf-line.ts). The code
// generator emits one mark per statement (gen-stmt.ts) and one at each function's opening line; the passes
// over the generated text treat these directive lines as taking no bytes and doing nothing (insn-info.ts).

import type { Token } from '../front/token.js';

/** Where a token came from: the outermost macro invocation (as gcc reports expanded code). */
function sourceOf(tok: Token): Token {
  let t = tok;
  while (t.origin) t = t.origin;
  return t;
}

/** The source files of one compile, numbered from 1 in order of first use (1 is the main file). */
export class LineMarks {
  private readonly numbers = new Map<string, number>();

  constructor(readonly mainFile: string) {
    this.numbers.set(mainFile, 1);
  }

  /** The `.file` number of `name`, giving it the next one when new. */
  fileNumber(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) this.numbers.set(name, n = this.numbers.size + 1);
    return n;
  }

  /** `\t.loc F L C` for the start of `tok` (column 1-based, as gcc counts). */
  loc(tok: Token): string {
    const t = sourceOf(tok);
    const col = t.file.locate(t.pos).col;
    return `\t.loc ${this.fileNumber(t.displayName)} ${t.line} ${col}`;
  }

  /** The file number and line of a declaration's token (DW_AT_decl_file / decl_line). */
  declPlace(tok: Token): [number, number] {
    const t = sourceOf(tok);
    return [this.fileNumber(t.displayName), t.line];
  }

  /** `.file N "name"` for every file used, in number order (after `.file 0`, which the caller writes). */
  fileDirectives(): string[] {
    const out: string[] = [];
    for (const [name, n] of this.numbers) out.push(`\t.file ${n} "${escapeString(name)}"`);
    return out;
  }
}

/** A string as the assembler's `"..."` syntax needs it. */
export function escapeString(s: string): string {
  return s.replace(/[\\"]/g, (c) => '\\' + c).replace(/\n/g, '\\n');
}
