// The C compiler's pure API (no host access: files come through `readFile`, so it runs in browsers).
//   compile(source, fileName, options) -> { ok, asm, diagnostics }
//   preprocessOnly(source, fileName, options) -> { ok, text, diagnostics }      (gcc -E)
// The stages, one folder each, importing one way (front -> opt -> back; test/layers.test.ts checks it):
//   front/  tokenize -> preprocess (macros, pp-expr) -> parse (parse-decl, parse-expr, parse-builtin,
//           parse-init, parse-stmt, sema, types, fold: constant expressions) -> the AST (ast.ts: Program)
//   opt/    optimize: -O1 constant folding over the AST; returns what it learned (FoldFacts)
//   back/   codegen (gen-func, gen-stmt, gen-expr, gen-arith, gen-assign, gen-lval, gen-call, gen-data,
//           call-ranges), then the passes over each function's text (peephole, param-regs), which read
//           it back through one instruction table (insn-info)
//   debug/  -g only, called by back/: `.loc` line marks, prologue `.cfi_*` notes, and the DWARF unit
//           (debug-info, type-dies, die-writer, abbrev) written as assembly data
// diagnostics.ts (located errors and warnings) serves every stage; this driver is the only file that sees
// them all. A compile is a function of its inputs: every counter and table it fills is made per call
// (the parser, FoldFacts, UnitLabels), so compiling a source twice in one process gives the same text.
// The only module-level tables are memos of pure functions (identifier interning, integer literals,
// split assembly lines), which can change how fast a compile runs, never what it produces.
// Language: C11 with float and double (ILP32D hard float; long double through libgcc's binary128 helpers), VLAs
// included (front/vla.ts). GNU extensions: statement expressions, `?:` with omitted middle, case ranges,
// `, ## __VA_ARGS__`, typeof, __auto_type, __attribute__ (front/attributes.ts), alloca and the bit/overflow
// builtins (front/gnu-builtins.ts). Target: RV32IMAFD, ilp32d psABI (ilp32 with -mabi=ilp32),
// plain char unsigned; 64-bit division and variable shifts call libgcc's __divdi3 family.
// The compiler's freestanding headers live in ./include (stdarg, stddef, stdbool, stdint, limits, stdalign,
// stdnoreturn, iso646); hosts pass that directory first in systemIncludeDirs, then libc's.
import { CompileError, Diagnostic, Diagnostics, formatDiagnostic, makeDiagnostic } from './diagnostics.js';
import { codegen } from './back/codegen.js';
import { foldProgram } from './opt/optimize.js';
import { parse } from './front/parse.js';
import { preprocess } from './front/preprocess.js';
import type { Token } from './front/tokenize.js';

export interface CompileOptions {
  /** -I directories, searched for "..." (after the including file's directory) and <...>. */
  includeDirs?: string[];
  /** System directories searched after includeDirs: the compiler's headers, then libc's. */
  systemIncludeDirs?: string[];
  /** -D NAME[=VALUE] in order; value "1" when absent. */
  defines?: [string, string][];
  /** -U NAME */
  undefines?: string[];
  /** Returns a file's text, or null when it does not exist. */
  readFile?: (path: string) => string | null;
  /** Optimisation level: 0 or 1 (higher values act as 1). */
  opt?: number;
  now?: Date;
  /** -mabi=ilp32 (soft-float objects): any floating type or constant is a located error, and the
   * predefined macros are gcc's soft-float ones. The default is ILP32D hard float. */
  softFloat?: boolean;
  /** -g: debug information (DWARF 5 lines, frames, types and variables); `compDir` is the compile's
   * working directory as the unit records it (DW_AT_comp_dir). */
  debug?: { compDir: string } | null;
}

/** The target pagoda cc's objects are assembled for by default: gcc's rv32 hard-float ISA and ABI. */
export const DEFAULT_TARGET = { march: 'rv32imafd', mabi: 'ilp32d' } as const;

/** Predefined macros of hard float that -mabi=ilp32 removes. */
const HARD_FLOAT_MACROS = ['__riscv_float_abi_double', '__riscv_flen', '__riscv_fdiv', '__riscv_fsqrt', '__riscv_f', '__riscv_d'];

export interface CompileResult {
  ok: boolean;
  /** GNU assembler text (empty when !ok). */
  asm: string;
  /** Warnings, and the error when !ok, in order. */
  diagnostics: Diagnostic[];
}

export { formatDiagnostic };
export type { Diagnostic };

function ppOptions(opts: CompileOptions) {
  return {
    includeDirs: opts.includeDirs ?? [],
    systemIncludeDirs: opts.systemIncludeDirs ?? [],
    defines: new Map(opts.softFloat ? [['__riscv_float_abi_soft', '1'], ...(opts.defines ?? [])] : opts.defines ?? []),
    undefines: opts.softFloat ? [...HARD_FLOAT_MACROS, ...(opts.undefines ?? [])] : opts.undefines ?? [],
    readFile: opts.readFile ?? ((): string | null => null),
    now: opts.now,
  };
}

/** Runs one stage, turning any exception into a diagnostic (internal errors included, never a throw). */
function guarded<T>(diags: Diagnostics, where: () => Token | null, fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CompileError) {
      diags.list.push(makeDiagnostic('error', e.message, e.loc ?? where()));
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
      if (env?.PAGODA_CC_DEBUG && e instanceof Error) console.error(e.stack);
      diags.list.push(makeDiagnostic('error', `internal compiler error: ${msg}`, where()));
    }
    return null;
  }
}

/** Compiles one C translation unit to assembly. */
export function compile(source: string, fileName: string, opts: CompileOptions = {}): CompileResult {
  const diags = new Diagnostics();
  let last: Token | null = null;
  const toks = guarded(diags, () => null, () => preprocess(source, fileName, ppOptions(opts), diags));
  if (!toks) return { ok: false, asm: '', diagnostics: diags.list };
  last = toks[toks.length - 1] ?? null;
  const prog = guarded(diags, () => last, () => parse(toks, diags, opts.softFloat ?? false));
  if (!prog) return { ok: false, asm: '', diagnostics: diags.list };
  const opt = Math.min(opts.opt ?? 0, 1);
  const asm = guarded(diags, () => last, () => {
    const folded = opt > 0 ? foldProgram(prog.globals) : null;
    const debug = opts.debug ? { compDir: opts.debug.compDir, producer: `Pagoda cc -g -O${opt}` } : null;
    return codegen(prog, { opt, fileName, folded, debug });
  });
  if (asm === null) return { ok: false, asm: '', diagnostics: diags.list };
  return { ok: true, asm, diagnostics: diags.list };
}

/** Preprocesses only (gcc -E): tokens joined with the original spacing approximated, one line per source line. */
export function preprocessOnly(source: string, fileName: string, opts: CompileOptions = {}): { ok: boolean; text: string; diagnostics: Diagnostic[] } {
  const diags = new Diagnostics();
  const toks = guarded(diags, () => null, () => preprocess(source, fileName, ppOptions(opts), diags));
  if (!toks) return { ok: false, text: '', diagnostics: diags.list };
  let text = '';
  let line = -1;
  let file = '';
  for (const tok of toks) {
    if (tok.kind === 'eof') break;
    // tokens from macro expansions print on the line of the outermost invocation
    let t = tok;
    while (t.origin) t = t.origin;
    if (t.displayName !== file || t.line !== line) {
      if (text) text += '\n';
      file = t.displayName;
      line = t.line;
    } else if (tok.hasSpace) text += ' ';
    text += tok.text;
  }
  return { ok: true, text: text + '\n', diagnostics: diags.list };
}
