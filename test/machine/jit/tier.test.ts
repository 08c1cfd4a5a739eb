// Choosing the CPU tier: the translator by default, the interpreter with PAGODA_JIT=0 (the environment),
// --no-jit (pagoda run, pagoda boot: before PROG only) or a Machine built with { jit: false }.

import { afterEach, describe, expect, it } from 'vitest';
import { parseConsoleArgs } from '../../../cli/console-host.js';
import { parseRunArgs } from '../../../cli/run.js';
import { Machine } from '../../../machine/machine.js';
import { hotVisitsByDefault, translatorByDefault } from '../../../machine/tier.js';

const saved = process.env.PAGODA_JIT;
afterEach(() => {
  if (saved === undefined) delete process.env.PAGODA_JIT;
  else process.env.PAGODA_JIT = saved;
});

describe('the CPU tier', () => {
  it('is the translator unless PAGODA_JIT=0; PAGODA_JIT=eager compiles code the first time it runs', () => {
    process.env.PAGODA_JIT = '1';
    expect([translatorByDefault(), hotVisitsByDefault()]).toEqual([true, undefined]);
    expect(new Machine({ ramBytes: 16 << 20 }).cpu.jit).toBeDefined();
    process.env.PAGODA_JIT = '0';
    expect(translatorByDefault()).toBe(false);
    expect(new Machine({ ramBytes: 16 << 20 }).cpu.jit).toBeUndefined();
    process.env.PAGODA_JIT = 'eager';
    expect([translatorByDefault(), hotVisitsByDefault()]).toEqual([true, 1]);
  });

  it('a Machine option overrides the environment', () => {
    process.env.PAGODA_JIT = '0';
    expect(new Machine({ ramBytes: 16 << 20, jit: true }).cpu.jit).toBeDefined();
    delete process.env.PAGODA_JIT;
    expect(new Machine({ ramBytes: 16 << 20, jit: false }).cpu.jit).toBeUndefined();
  });

  it('--no-jit selects the interpreter in pagoda run (an argument after PROG is the program\'s) and pagoda boot', () => {
    const run = parseRunArgs(['--no-jit', 'prog', '--no-jit'], '/');
    expect(typeof run === 'object' && [run.jit, run.args]).toEqual([false, ['--no-jit']]);
    const plain = parseRunArgs(['prog'], '/');
    expect(typeof plain === 'object' && plain.jit).toBe(true);
    expect(parseConsoleArgs(['--no-jit'])).toEqual({ memMiB: 128, jit: false });
  });
});
