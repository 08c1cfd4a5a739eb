// `objdump -S` / `-l`: what goes before the instruction at an address where a new source line starts. With -l,
// `name():` where a new function starts and `path:LINE`; with -S, the source text: the lines since the last
// one shown from that file when the code moves forward (so comments and blank lines between statements are
// kept, as GNU objdump does), else just that line. Source files come through `readSource`; a file that cannot
// be read prints nothing under -S. Pure: the host passes the reader.

import type { LineRow } from './debug-line.js';

export interface SourceOptions {
  /** -S: print source lines. */
  source: boolean;
  /** -l: print `file:line` (and `function():`). */
  lineNumbers: boolean;
  /** Returns a source file's text, or null when it cannot be read. */
  readSource: (path: string) => string | null;
}

/** Longest run of skipped lines printed to reach the next line of a file (more: only that line). */
const MAX_GAP = 10;
/** Lines shown before the first line printed from a file. */
const FIRST_CONTEXT = 5;

export class SourceAnnotator {
  /** The row that starts at each address (the last of several rows at one address wins). */
  private readonly byAddress = new Map<number, LineRow>();
  private readonly texts = new Map<string, string[] | null>();
  private readonly lastShown = new Map<string, number>();
  private current: LineRow | null = null;
  private currentFunction: string | null = null;

  constructor(rows: readonly LineRow[], private readonly opts: SourceOptions) {
    for (const r of rows) this.byAddress.set(r.address, r);
  }

  private lines(path: string): string[] | null {
    if (!this.texts.has(path)) this.texts.set(path, this.opts.readSource(path)?.split('\n') ?? null);
    return this.texts.get(path) ?? null;
  }

  /** The text to print before the unit at `addr`; `fn` is the function whose block holds it (or null). */
  before(addr: number, fn: string | null): string {
    const row = this.byAddress.get(addr);
    let out = '';
    if (this.opts.lineNumbers && fn !== null && fn !== this.currentFunction) out += `${fn}():\n`;
    this.currentFunction = fn;
    if (row === undefined || (this.current !== null && row.file === this.current.file && row.line === this.current.line)) return out;
    this.current = row;
    if (this.opts.lineNumbers) out += `${row.file}:${row.line}\n`;
    if (this.opts.source) out += this.sourceText(row);
    return out;
  }

  private sourceText(row: LineRow): string {
    const text = this.lines(row.file);
    if (text === null || row.line < 1 || row.line > text.length) return '';
    const last = this.lastShown.get(row.file) ?? 0;
    // the first line shown from a file comes with up to 5 lines before it, as in GNU objdump
    const from = last === 0 ? Math.max(1, row.line - FIRST_CONTEXT) : row.line > last && row.line - last <= MAX_GAP ? last + 1 : row.line;
    this.lastShown.set(row.file, Math.max(last, row.line));
    return text.slice(from - 1, row.line).map((l) => l + '\n').join('');
  }
}
