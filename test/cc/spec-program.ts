// Runs one self-checking C program of test/cc/spec/ (ASSERT(expected, expr) from support/test.h) as a
// specification: it must print "OK <name> <checks>" and exit 0 when built by gcc -O1 (the reference, under
// qemu-riscv32) and by pagoda cc at -O0 and -O1, with the same output as gcc's build.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildAndRun, gccObject, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';

export const SPEC_DIR = join(ROOT, 'test/cc/spec');

/** Declares the three runs of test/cc/spec/<file> (skipped, visibly, without the reference toolchain). */
export function describeSpecProgram(file: string, what: string): void {
  const path = join(SPEC_DIR, file);
  const name = file.replace(/\.c$/, '');
  if (!pipelineAvailable) console.warn(`test/cc/spec/${file}: skipped, toolchain for ${pipelineName} or gcc not installed`);
  describe.skipIf(!pipelineAvailable)(`${what} (test/cc/spec/${file})`, () => {
    let gccOut = '';
    it('passes every check when built by gcc -O1 (the reference)', () => {
      const r = runExecutable(linkObjects([gccObject(path)]));
      expect(r.stdout).toMatch(new RegExp(`^OK ${name} \\d+\\n$`));
      expect(r.status).toBe(0);
      gccOut = r.stdout;
    });
    for (const opt of [0, 1]) {
      it(`passes every check at -O${opt}, with the same output as gcc`, () => {
        const r = buildAndRun(path, opt);
        expect(r.stdout).toMatch(new RegExp(`^OK ${name} \\d+\\n$`));
        expect(r.status).toBe(0);
        if (gccOut) expect(r.stdout).toBe(gccOut);
      });
    }
  });
}
