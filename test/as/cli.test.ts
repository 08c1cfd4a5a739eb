// `pagoda as` on the host: reads FILE.s, writes the object, prints every error as
// `pagoda as: FILE:LINE:COL: error: MESSAGE` and exits 1, never with a stack trace.

import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/as.js';
import { readElf } from './elf-reader.js';

let dir: string;
let stderr: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pagoda-as-cli-'));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => vi.restoreAllMocks());

function source(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('pagoda as', () => {
  it('writes the object named by -o and exits 0', async () => {
    const input = source('ok.s', '\t.globl _start\n_start:\n\tli a7, 93\n\tecall\n');
    const out = join(dir, 'ok.o');
    expect(await main(['-o', out, input])).toBe(0);
    expect(stderr).toEqual([]);
    expect(readElf(new Uint8Array(readFileSync(out))).symbol('_start').bind).toBe(1);
  });

  it('accepts the GNU options gcc passes (-march, -mabi, -mno-relax)', async () => {
    const input = source('opt.s', '\tnop\n');
    const out = join(dir, 'opt.o');
    expect(await main(['-march=rv32ima_zicsr', '-mabi=ilp32', '-mno-relax', input, '-o', out])).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('takes the ISA from -march= and the float ABI from -mabi= (or from the ISA), as GNU as does', async () => {
    const input = source('fp.s', '\tfadd.d fa0, fa1, fa2\n');
    const flags = (out: string): number => readElf(new Uint8Array(readFileSync(out))).header.getUint32(36, true);
    expect(await main(['-march=rv32imafd', '-mabi=ilp32d', input, '-o', join(dir, 'd.o')])).toBe(0);
    expect(flags(join(dir, 'd.o'))).toBe(0x4);
    expect(await main(['-march=rv32imafd', input, '-o', join(dir, 'implied.o')])).toBe(0);
    expect(flags(join(dir, 'implied.o'))).toBe(0x4);
    expect(await main(['-march=rv32imafd', '-mabi=ilp32', input, '-o', join(dir, 'soft.o')])).toBe(0);
    expect(flags(join(dir, 'soft.o'))).toBe(0x0);
    expect(stderr).toEqual([]);
    expect(await main(['-march=rv32imaf', input, '-o', join(dir, 'f.o')])).toBe(1);
    expect(stderr.join('')).toContain("unrecognized opcode `fadd.d', extension `d' or `zdinx' required");
    expect(await main(['-mabi=lp64', input, '-o', join(dir, 'x.o')])).toBe(1);
    expect(stderr.join('')).toContain("invalid -mabi= option: `lp64'");
  });

  it('prints every error with file, line and column, writes nothing and exits 1', async () => {
    const input = source('bad.s', '\tnop\n\tfoo a0\n\taddi a0, a0, 5000\n');
    const out = join(dir, 'bad.o');
    expect(await main(['-o', out, input])).toBe(1);
    expect(stderr.join('')).toBe(
      `pagoda as: ${input}:2:2: error: unknown instruction 'foo'\n` +
      `pagoda as: ${input}:3:15: error: immediate 5000 out of range for addi (-2048..2047)\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a missing input file without a stack trace', async () => {
    expect(await main([join(dir, 'missing.s')])).toBe(1);
    expect(stderr.join('')).toMatch(/^pagoda as: error: cannot read '.*missing\.s': ENOENT\n$/);
  });

  it('reports usage errors', async () => {
    expect(await main([])).toBe(1);
    expect(stderr.join('')).toContain('pagoda as: error: no input file');
    stderr.length = 0;
    expect(await main(['-o'])).toBe(1);
    expect(stderr.join('')).toContain('-o needs a file name');
    stderr.length = 0;
    expect(await main(['--bogus', 'x.s'])).toBe(1);
    expect(stderr.join('')).toContain("unknown option '--bogus'");
  });
});
