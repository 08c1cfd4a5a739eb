// pagoda/harness as a user sees it: the package export resolves to a typed module, and its helpers build a C
// program in memory, run it and a shell command line, read /proc, and check that nothing leaked. This is the
// README's example test.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError, assembleProgram, assertNothingLeaked, bootImage, bootTestKernel, compileC, readProc, runShell } from '../harness/index.js';

const ROOT = resolve(__dirname, '..');
const built = existsSync(join(ROOT, 'dist', 'boot.cpio')) && existsSync(join(ROOT, 'dist', 'userland', 'libc.a'));

describe('pagoda/harness', () => {
  it('is exported by the package, with types', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['./harness']).toEqual({ types: './dist/harness/index.d.ts', import: './dist/harness/index.js' });
  });

  it.skipIf(!built)('the README example: compile C in memory, run it, run a shell line, read /proc, nothing leaked', async () => {
    const k = bootTestKernel({ bootImage: bootImage() });
    const prog = compileC(`
      #include <stdio.h>
      #include <stdlib.h>
      int main(int argc, char **argv) {
        char *p = malloc(100000);
        p[99999] = 1;
        printf("hello %s\\n", argc > 1 ? argv[1] : "nobody");
        free(p);
        return 3;
      }`);
    const r = await k.run(prog, { argv: ['hello', 'harness'] });
    expect(r.stdout).toBe('hello harness\n');
    expect(r.status).toBe(3);
    const sh = await runShell(k, 'echo one two | wc -w');
    expect(sh.stdout.trim()).toBe('2');
    expect(readProc(k, '/proc/meminfo')).toMatch(/^MemTotal:/m);
    assertNothingLeaked(k);
  }, 60_000);

  it.skipIf(!built)('assembles a bare program, and reports a build error with its location', async () => {
    const k = bootTestKernel();
    const r = await k.run(assembleProgram('.globl _start\n_start:\n  li a0, 7\n  li a7, 93\n  ecall\n'));
    expect(r.status).toBe(7);
    expect(() => compileC('int main(void) { return x; }', { fileName: 'bad.c' })).toThrow(BuildError);
    expect(() => compileC('int main(void) { return x; }', { fileName: 'bad.c' })).toThrow(/bad\.c:1:\d+: error/);
  });

  it('assertNothingLeaked names what leaked', () => {
    const k = bootTestKernel();
    k.kernel.commit.reserve(3);
    expect(() => assertNothingLeaked(k)).toThrow(/commit: the ledger holds 3 pages/);
  });
});
