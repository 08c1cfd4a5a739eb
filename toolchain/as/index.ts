// Public API of the RISC-V assembler: GNU-syntax RV32IMAFD + Zicsr source in, ELF32 ET_REL out.
// Pure: no I/O, no Node modules, so it runs in the browser too.

import { Assembler, type StatementHandler } from './assembler.js';
import { allDirectives } from './directives.js';
import type { Diagnostic } from './diagnostics.js';
import { finishAssembly } from './finish.js';
import { floatInstructions, floatPseudoInstructions } from './float.js';
import { baseInstructions, withOperands } from './instructions.js';
import { floatAbiFlags } from './attributes.js';
import { pseudoInstructions } from './pseudo.js';

export type { Diagnostic } from './diagnostics.js';
export { formatDiagnostic } from './diagnostics.js';

export interface AssembleResult {
  /** The ELF32 relocatable object; absent when there were errors. */
  object?: Uint8Array;
  /** Every error found, in source order of discovery. */
  diagnostics: Diagnostic[];
}

let tables: { directives: Map<string, StatementHandler>; mnemonics: Map<string, StatementHandler> } | null = null;

function handlerTables(): NonNullable<typeof tables> {
  if (tables === null) {
    const mnemonics = new Map<string, StatementHandler>();
    for (const [n, fn] of baseInstructions()) mnemonics.set(n, withOperands(fn));
    for (const [n, fn] of pseudoInstructions()) mnemonics.set(n, withOperands(fn));
    for (const [n, fn] of floatInstructions()) mnemonics.set(n, withOperands(fn));
    for (const [n, fn] of floatPseudoInstructions()) mnemonics.set(n, withOperands(fn));
    tables = { directives: allDirectives(), mnemonics };
  }
  return tables;
}

/** Replaces C-style block comments with spaces, keeping newlines (and so line numbers). */
function blankBlockComments(src: string): string {
  if (src.indexOf('/*') < 0) return src;
  let out = '';
  let i = 0;
  let inString = false;
  while (i < src.length) {
    const c = src[i];
    if (inString) {
      if (c === '\\') { out += src.slice(i, i + 2); i += 2; continue; }
      if (c === '"' || c === '\n') inString = false;
      out += c;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '#') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += src.slice(i, stop);
      i = stop;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** GNU as's -march= and -mabi=. */
export interface AssembleOptions {
  /** The ISA, e.g. `rv32imafd` (default: toolchain/as/attributes.ts DEFAULT_MARCH). */
  readonly march?: string;
  /** The ABI, `ilp32`, `ilp32f` or `ilp32d`: the float ABI in e_flags (default: from the final ISA). */
  readonly mabi?: string;
}

/** A bad -march= or -mabi= value, in GNU as's words; undefined when both are fine. */
export function checkAssembleOptions(options: AssembleOptions): string | undefined {
  if (options.march !== undefined && !/^rv32/i.test(options.march)) return `invalid -march= option: \`${options.march}'`;
  if (options.mabi !== undefined && floatAbiFlags(options.mabi) === undefined) return `invalid -mabi= option: \`${options.mabi}'`;
  return undefined;
}

/**
 * Assembles `source` (named `fileName` in diagnostics). Never throws for bad input: every error is
 * returned as a diagnostic with its line and column, and `object` is then absent. Bad options must be
 * refused first with checkAssembleOptions.
 */
export function assemble(source: string, fileName: string, options: AssembleOptions = {}): AssembleResult {
  const t = handlerTables();
  const asm = new Assembler(fileName, t.directives, t.mnemonics);
  if (options.march !== undefined) asm.setArch(options.march);
  if (options.mabi !== undefined) asm.floatAbi = floatAbiFlags(options.mabi);
  let object: Uint8Array | undefined;
  try {
    asm.run(blankBlockComments(source));
    object = finishAssembly(asm);
  } catch (e) {
    // A bug here must still come out as a diagnostic, never as an exception.
    asm.error(`internal assembler error: ${e instanceof Error ? e.message : String(e)}`, 0);
    object = undefined;
  }
  return object === undefined ? { diagnostics: asm.diagnostics } : { object, diagnostics: [] };
}
