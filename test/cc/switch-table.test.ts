// switch dispatch: dense cases compile to a bounds check and a jump table in .rodata (gcc's rule: at least 5
// labels, a table at most 8 times as long), sparse ones to compares; case ranges with gcc's diagnostics.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';
import { SUPPORT, compileC, have, libgcc } from './pipeline.js';
import { SPEC_DIR, describeSpecProgram } from './spec-program.js';

describeSpecProgram('switch_table.c', 'switch jump tables and case ranges');

function asm(src: string, opt = 1): string {
  const r = compile(src, 's.c', { opt });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.asm;
}

function firstDiagnostic(src: string): string {
  const d = compile(src, 's.c', {}).diagnostics[0];
  return `${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

const cases = (values: number[]): string => values.map((v) => `case ${v}: return ${v + 1};`).join(' ');

describe('switch dispatch', () => {
  it('uses a table for 5 dense cases, with a word per value and holes going to default', () => {
    const s = asm(`int f(int x) { switch (x) { ${cases([3, 4, 5, 7, 8])} default: return 0; } }`);
    expect(s).toMatch(/\tjr t\d\n/);
    const table = /\.section \.rodata\n\t\.p2align 2\n(\.L\w+):\n\t\.word ([^\n]*)/.exec(s);
    expect(table).not.toBeNull();
    const words = table![2].split(', ');
    expect(words).toHaveLength(6); // 3..8
    expect(new Set(words).size).toBe(6); // five cases and the default (for 6)
  });

  it('keeps compares for 4 cases, or 5 spread over more than 40 values', () => {
    expect(asm(`int f(int x) { switch (x) { ${cases([1, 2, 3, 4])} } return 0; }`)).not.toMatch(/\tjr /);
    expect(asm(`int f(int x) { switch (x) { ${cases([0, 10, 20, 30, 41])} } return 0; }`)).not.toMatch(/\tjr /);
    expect(asm(`int f(int x) { switch (x) { ${cases([0, 10, 20, 30, 39])} } return 0; }`)).toMatch(/\tjr /);
  });

  it('builds the same tables at -O0', () => {
    expect(asm(`int f(int x) { switch (x) { ${cases([0, 1, 2, 3, 4])} } return 0; }`, 0)).toMatch(/\tjr t\d\n/);
  });

  it.skipIf(!(have.gcc && have.gnuBinutils && have.qemu))('links and runs with GNU as and GNU ld too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-switch-'));
    try {
      const s = join(dir, 'p.s');
      writeFileSync(s, compileC(join(SPEC_DIR, 'switch_table.c'), 1));
      writeFileSync(join(dir, 'libgcc.a'), libgcc().bytes);
      const tool = (cmd: string, args: string[]): void => {
        const r = spawnSync(cmd, args, { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
      };
      tool('riscv64-unknown-elf-as', ['-march=rv32im', '-mabi=ilp32', '-o', join(dir, 'p.o'), s]);
      tool('riscv64-unknown-elf-as', ['-march=rv32im', '-mabi=ilp32', '-o', join(dir, 'crt0.o'), join(SUPPORT, 'crt0.s')]);
      tool('riscv64-unknown-elf-ld', ['-m', 'elf32lriscv', '-o', join(dir, 'a.out'), join(dir, 'crt0.o'), join(dir, 'p.o'), join(dir, 'libgcc.a')]);
      const r = spawnSync('qemu-riscv32', [join(dir, 'a.out')], { encoding: 'utf8' });
      expect(r.stdout).toMatch(/^OK switch_table \d+\n$/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('case ranges', () => {
  it('warns about an empty range, as gcc, and no value reaches it', () => {
    expect(firstDiagnostic('int f(int x) { switch (x) { case 5 ... 1: return 1; } return 0; }')).toBe('1:29: warning: empty range specified');
  });

  it("reports a value inside an earlier range as gcc does, by the later label's kind", () => {
    expect(firstDiagnostic('int f(int x) { switch (x) { case 1 ... 3: case 3: return 1; } return 0; }')).toBe('1:43: error: duplicate case value');
    expect(firstDiagnostic('int f(int x) { switch (x) { case 1 ... 4: case 4 ... 6: return 1; } return 0; }')).toBe('1:43: error: duplicate (or overlapping) case value');
  });
});
