// The names of the floating builtins (float-builtins.ts parses them), in a module of their own so that the
// parser's keyword table can list them without importing the parser.

/** Operation name (the instruction without its .s/.d suffix) and arity of the one-instruction builtins. */
export const OPS: Readonly<Record<string, [string, number]>> = {
  sqrt: ['fsqrt', 1], fabs: ['fabs', 1], copysign: ['fsgnj', 2], fmin: ['fmin', 2], fmax: ['fmax', 2],
};
/** Builtins that are constants. */
export const CONSTS: ReadonlySet<string> = new Set(['inf', 'huge_val', 'nan']);

/** Every floating builtin name: each with its f-suffixed float form. */
export const FLOAT_BUILTINS: readonly string[] = [
  ...[...Object.keys(OPS), ...CONSTS].flatMap((b) => [`__builtin_${b}`, `__builtin_${b}f`]),
  '__builtin_isnan',
];
