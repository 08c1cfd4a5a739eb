// Shared by the GNU C conformance suites (vla, gnu-extensions, builtins, attributes): one self-checking
// program per suite (test/cc/gnu/NAME.c, ASSERT-style), built by gcc -O1 (the reference, run under
// qemu-riscv32) and by pagoda cc at -O0 and -O1 (run on Pagoda); all three must print "OK NAME <checks>".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { compile, formatDiagnostic } from '../../toolchain/cc/index.js';
import { CC_INCLUDE, ROOT, SUPPORT, buildAndRun, gccObject, linkObjects, runExecutable } from './pipeline.js';

/** Declares the three runs of test/cc/gnu/NAME.c; `after` is what it prints after main returns (destructors). */
export function gnuProgram(name: string, after = ''): void {
  const path = join(ROOT, 'test/cc/gnu', `${name}.c`);
  let gccOut = '';
  it(`${name}.c passes every check when built by gcc -O1 (the reference)`, () => {
    const r = runExecutable(linkObjects([gccObject(path)]));
    expect(r.stdout).toMatch(new RegExp(`^OK ${name} \\d+\\n${after}$`));
    expect(r.status).toBe(0);
    gccOut = r.stdout;
  });
  for (const opt of [0, 1]) {
    it(`${name}.c passes every check at -O${opt}, with the same output as gcc`, () => {
      const r = buildAndRun(path, opt);
      expect(r.stdout + r.stderr).toMatch(new RegExp(`^OK ${name} \\d+\\n${after}$`));
      expect(r.status).toBe(0);
      if (gccOut) expect(r.stdout).toBe(gccOut);
    });
  }
}

/** Compiles `src` with pagoda cc; returns the diagnostics as gcc-style lines (and the assembly). */
export function ccDiagnostics(src: string, opt = 0): { ok: boolean; text: string; asm: string } {
  const r = compile(src, 't.c', { systemIncludeDirs: [CC_INCLUDE, join(ROOT, 'userland/libc/include')], includeDirs: [SUPPORT], opt,
    readFile: (f) => (existsSync(f) ? readFileSync(f, 'utf8') : null) });
  return { ok: r.ok, text: r.diagnostics.map((d) => formatDiagnostic(d, 'cc')).join('\n'), asm: r.asm };
}
