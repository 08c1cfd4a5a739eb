// Variable length arrays: automatic arrays of run-time size (multi-dimensional, of structs), VLA parameters
// and `[*]`, sizeof at run time with the bound evaluated once, VLA typedefs, pointers to VLAs, stack space
// given back when the scope is left; and the errors gcc gives.
import { describe, expect, it } from 'vitest';
import { ccDiagnostics, gnuProgram } from './gnu-programs.js';
import { pipelineAvailable, pipelineName } from './pipeline.js';

describe.skipIf(!pipelineAvailable)(`VLAs behave as gcc's (${pipelineName})`, () => {
  gnuProgram('vla');
});

describe('VLA diagnostics', () => {
  const cases: [string, string][] = [
    ['int n = 3; int a[n];', "variably modified 'a' at file scope"],
    ['int n = 3; typedef int t[n];', "variably modified 't' at file scope"],
    ['void f(int n) { static int a[n]; }', "storage size of 'a' isn't constant"],
    ['void f(int n) { extern int a[n]; }', 'object with variably modified type must have no linkage'],
    ['void f(int n) { int a[n] = {0}; }', 'variable-sized object may not be initialized'],
    ['void f(int n) { goto l; int a[n]; l: a[0] = 1; }', 'jump into scope of identifier with variably modified type'],
    ['void f(int n) { { int a[n]; l: a[0] = 1; } goto l; }', 'jump into scope of identifier with variably modified type'],
    ['void f(int n, int k) { switch (k) { int a[n]; case 1: a[0] = 1; } }', 'switch jumps into scope of identifier with variably modified type'],
    ['void f(int n, int k) { switch (k) { int a[n]; default: a[0] = 1; } }', 'switch jumps into scope of identifier with variably modified type'],
    ['void f(int n) { int a[*]; }', "'[*]' not allowed in other than function prototype scope"],
    ['void f(int n) { struct s { int a[n]; } x; }', 'a member of a structure or union cannot have a variably modified type'],
  ];
  for (const [src, msg] of cases) {
    it(`refuses \`${src}\`: ${msg}`, () => {
      const r = ccDiagnostics(src);
      expect(r.ok).toBe(false);
      expect(r.text).toContain(`error: ${msg}`);
    });
  }
  it('accepts a goto out of a VLA scope and back to a label before the declaration', () => {
    expect(ccDiagnostics('void f(int n) { l: { int a[n]; a[0] = 0; if (n--) goto l; } }').ok).toBe(true);
  });
  it('no longer defines __STDC_NO_VLA__', () => {
    expect(ccDiagnostics('#ifdef __STDC_NO_VLA__\n#error vla\n#endif\n').ok).toBe(true);
  });
});
