// GNU builtins: __builtin_clz/ctz/popcount/parity/ffs/clrsb (and l/ll), bswap16/32/64, the checked
// arithmetic family (generic, _p, typed), alloca, expect, offsetof, unreachable, constant_p,
// types_compatible_p, choose_expr, each folded in constant expressions where gcc folds it.
import { describe, expect, it } from 'vitest';
import { ccDiagnostics, gnuProgram } from './gnu-programs.js';
import { pipelineAvailable, pipelineName } from './pipeline.js';

describe.skipIf(!pipelineAvailable)(`builtins behave as gcc's (${pipelineName})`, () => {
  gnuProgram('builtins');
});

describe('builtin diagnostics', () => {
  const cases: [string, string][] = [
    ['int r; void f(int *p) { __builtin_add_overflow(1, 2, &r, 4); }', "too many arguments to function '__builtin_add_overflow'"],
    ['void f(int *p) { __builtin_mul_overflow(1, 2, 3); }', "argument 3 in call to function '__builtin_mul_overflow' does not have pointer to integral type"],
    ['_Bool b; void f(void) { __builtin_add_overflow(1, 2, &b); }', "argument 3 in call to function '__builtin_add_overflow' does not have pointer to integral type"],
    ['int x; int a[__builtin_popcount(x)];', "'__builtin_popcount' with non-constant arguments outside a function"],
    ['int f(int c) { return __builtin_choose_expr(c, 1, 2); }', "first argument to '__builtin_choose_expr' not a constant"],
  ];
  for (const [src, msg] of cases) {
    it(`refuses \`${src}\`: ${msg}`, () => {
      const r = ccDiagnostics(src);
      expect(r.ok).toBe(false);
      expect(r.text).toContain(`error: ${msg}`);
    });
  }
  it('<alloca.h> maps alloca to the builtin', () => {
    const r = ccDiagnostics('#include <alloca.h>\nint f(int n) { char *p = alloca(n); p[0] = 1; return p[0]; }');
    expect(r.text).toBe('');
  });
});
