// GNU __attribute__: packed and aligned layout, section on functions and data, weak definitions and weak
// references (0 when nothing defines them), alias, constructor/destructor with priorities (run around main
// in gcc's order), used, visibility, the informative ones accepted, unknown ones warned about as gcc does,
// in every position gcc accepts a list.
import { describe, expect, it } from 'vitest';
import { ccDiagnostics, gnuProgram } from './gnu-programs.js';
import { pipelineAvailable, pipelineName } from './pipeline.js';

describe.skipIf(!pipelineAvailable)(`attributes behave as gcc's (${pipelineName})`, () => {
  gnuProgram('attributes', 'fini plain\nfini 300\nfini 101\n');
});

describe('attributes in the assembly', () => {
  const asm = ccDiagnostics(`
    __attribute__((section(".text.hot"))) int hot(void) { return 1; }
    int table[4] __attribute__((section(".data.tbl")));
    static void __attribute__((used)) keep(void) {}
    static void __attribute__((constructor(150))) early(void) {}
    static void __attribute__((destructor)) late(void) {}
    __attribute__((weak)) int w = 1;
    extern int wref __attribute__((weak));
    int get(void) { return wref; }
    void target(void) {}
    void other(void) __attribute__((alias("target")));
    __attribute__((visibility("hidden"))) int h;
  `).asm;
  it('puts a function in its section', () => expect(asm).toContain('.section .text.hot,"ax",@progbits'));
  it('puts an object in its section', () => expect(asm).toContain('.section .data.tbl,"aw",@progbits'));
  it('keeps an unreferenced static function marked used', () => expect(asm).toMatch(/^keep:$/m));
  it('adds a constructor with a priority to .init_array.00150', () => expect(asm).toContain('.section .init_array.00150,"aw"\n\t.p2align 2\n\t.word early'));
  it('adds a destructor to .fini_array', () => expect(asm).toContain('.section .fini_array,"aw"\n\t.p2align 2\n\t.word late'));
  it('binds a weak definition with .weak', () => expect(asm).toMatch(/\.weak w\n(.*\n)*w:/));
  it('declares a weak reference', () => expect(asm).toContain('\t.weak wref'));
  it('defines an alias with .set', () => expect(asm).toContain('\t.globl other\n\t.type other, @function\n\t.set other, target'));
  it('marks a hidden symbol', () => expect(asm).toContain('\t.hidden h'));
});

describe('attribute diagnostics', () => {
  it("warns about an unknown attribute as gcc does, and compiles", () => {
    const r = ccDiagnostics('int x __attribute__((frobnicate(3)));');
    expect(r.ok).toBe(true);
    expect(r.text).toContain("warning: 'frobnicate' attribute directive ignored [-Wattributes]");
  });
  const cases: [string, string][] = [
    ['int f(void) { return 1; } int f(void) __attribute__((alias("g")));', "'f' defined both normally and as 'alias' attribute"],
    ['int x __attribute__((aligned(3)));', 'requested alignment is not a positive power of 2'],
    ['void f(void) { int x __attribute__((section(".x"))); }', 'section attribute cannot be specified for local variables'],
    ['int x __attribute__((section(3)));', "'section' attribute argument not a string constant"],
    ['void f(void) { int x __attribute__((cleanup(g))); }', "'cleanup' attribute is not supported by pagoda cc"],
    ['void f(void) __attribute__((constructor(70000)));', 'constructor priorities must be integers from 0 to 65535 inclusive'],
  ];
  for (const [src, msg] of cases) {
    it(`refuses \`${src}\`: ${msg}`, () => {
      const r = ccDiagnostics(src);
      expect(r.ok).toBe(false);
      expect(r.text).toContain(`error: ${msg}`);
    });
  }
});
