// GNU C extensions: statement expressions (the value of the last expression statement, local
// declarations in macros, break/continue/goto/return inside, nesting, struct values), typeof in its
// spellings over expressions, types and VLAs, __auto_type, __extension__ and the other GNU spellings.
import { describe, expect, it } from 'vitest';
import { ccDiagnostics, gnuProgram } from './gnu-programs.js';
import { pipelineAvailable, pipelineName } from './pipeline.js';

describe.skipIf(!pipelineAvailable)(`GNU extensions behave as gcc's (${pipelineName})`, () => {
  gnuProgram('gnu_extensions');
});

describe('GNU extension diagnostics', () => {
  const cases: [string, string][] = [
    ['int x = ({ 1; });', 'braced-group within expression allowed only inside a function'],
    ['void f(void) { __auto_type x; }', "'__auto_type' requires an initialized data declaration"],
    ['void f(void) { __auto_type x = 1, y = 2; }', "'__auto_type' may only be used with a single declarator"],
  ];
  for (const [src, msg] of cases) {
    it(`refuses \`${src}\`: ${msg}`, () => {
      const r = ccDiagnostics(src);
      expect(r.ok).toBe(false);
      expect(r.text).toContain(`error: ${msg}`);
    });
  }
});
