// Compiler diagnostics: source files, locations, errors and warnings formatted as gcc does:
//   FILE:LINE:COL: error: MESSAGE
//    <source line>
//        ^
// A CompileError carries one fatal diagnostic; warnings are collected in a Diagnostics list.

/** One input file as the tokenizer sees it. `lineStarts` is filled lazily for column lookup. */
export class SourceFile {
  private lineStarts: number[] | null = null;
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  /** Returns the 1-based line and column of character offset `pos`. */
  locate(pos: number): { line: number; col: number } {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: pos - starts[lo] + 1 };
  }

  /** The text of 1-based line `line`, without its newline. */
  lineText(line: number): string {
    const starts = this.starts();
    const start = starts[line - 1] ?? this.text.length;
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
    return starts;
  }
}

/** A position in a source file: where a token starts. `line` may differ from the physical line after #line. */
export interface Location {
  file: SourceFile;
  pos: number;
  /** Line number to report (honours #line); the physical line is computed from pos. */
  line: number;
  /** File name to report (honours #line). */
  displayName: string;
}

export type Severity = 'error' | 'warning' | 'note';

/** A formatted-ready diagnostic. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  fileName: string;
  line: number;
  col: number;
  /** The source line and caret, already formatted (two lines), or '' without a location. */
  excerpt: string;
}

/** Thrown for the first fatal error; the driver turns it into a Diagnostic. */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly loc: Location | null,
  ) {
    super(message);
  }
}

/** Builds a Diagnostic for `loc`, with the source line and a caret under the column. */
export function makeDiagnostic(severity: Severity, message: string, loc: Location | null): Diagnostic {
  if (!loc) return { severity, message, fileName: '', line: 0, col: 0, excerpt: '' };
  const phys = loc.file.locate(loc.pos);
  const src = loc.file.lineText(phys.line);
  let pad = '';
  for (let i = 0; i < phys.col - 1 && i < src.length; i++) pad += src[i] === '\t' ? '\t' : ' ';
  const excerpt = ` ${src}\n ${pad}^`;
  return { severity, message, fileName: loc.displayName, line: loc.line, col: phys.col, excerpt };
}

/** Renders a diagnostic the way gcc does, prefixed by `tool` (e.g. "pagoda cc"). */
export function formatDiagnostic(d: Diagnostic, tool: string): string {
  const where = d.fileName ? `${d.fileName}:${d.line}:${d.col}: ` : '';
  const head = `${tool}: ${where}${d.severity}: ${d.message}`;
  return d.excerpt ? `${head}\n${d.excerpt}` : head;
}

/** Collects warnings during one compilation. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  warn(message: string, loc: Location | null): void {
    this.list.push(makeDiagnostic('warning', message, loc));
  }
}
