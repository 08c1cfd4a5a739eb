// Differential ABI testing: seeded random programs whose callees take and return every mix of narrow
// integers, long long, structs (in registers, split, by reference), variadic tails, built as two units
// by different compilers; every combination must print gcc's hash.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ObjectFile, SUPPORT, assembleText, compileC, gccObject, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';
import { randomCallsProgram } from './random-calls.js';

const SEEDS = [1, 7, 19, 23, 31, 42];

if (!pipelineAvailable) console.warn(`test/cc/random-calls: skipped, toolchain for ${pipelineName} or gcc not installed`);

describe.skipIf(!pipelineAvailable)(`random calls across compilers (${pipelineName})`, () => {
  const root = mkdtempSync(join(tmpdir(), 'pagoda-cc-calls-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const seed of SEEDS) {
    it(`seed ${seed}: ours (-O0, -O1) and gcc agree in every caller/callee combination`, () => {
      const dir = join(root, String(seed));
      const p = randomCallsProgram(seed);
      const callees = join(dir, 'callees.c');
      const caller = join(dir, 'caller.c');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'calls.h'), p.header);
      writeFileSync(callees, p.callees);
      writeFileSync(caller, p.caller);
      const gcc = (f: string): ObjectFile => gccObject(f, ['-I', dir]);
      const ours = (f: string, opt: number): ObjectFile => assembleText(compileC(f, opt, [], [SUPPORT, dir]), f.replace(/^.*\//, '').replace(/\.c$/, '.s'));
      const ref = runExecutable(linkObjects([gcc(caller), gcc(callees)])).stdout;
      expect(ref).toMatch(/^H -?\d+\n$/);
      expect(runExecutable(linkObjects([ours(caller, 1), ours(callees, 1)])).stdout).toBe(ref);
      expect(runExecutable(linkObjects([ours(caller, 0), ours(callees, 0)])).stdout).toBe(ref);
      expect(runExecutable(linkObjects([ours(caller, 1), gcc(callees)])).stdout).toBe(ref);
      expect(runExecutable(linkObjects([gcc(caller), ours(callees, 0)])).stdout).toBe(ref);
    });
  }
});
