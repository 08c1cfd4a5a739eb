// The psABI both ways: abi_main.c (caller) and abi_lib.c (callees) are built by different compilers
// (ours and gcc -mno-relax) and linked together; every argument and result shape must survive.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, assembleText, compileC, gccObject, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';

const DIR = join(ROOT, 'test/cc/abi');
const MAIN = join(DIR, 'abi_main.c');
const LIB = join(DIR, 'abi_lib.c');

if (!pipelineAvailable) console.warn(`test/cc/abi: skipped, toolchain for ${pipelineName} or gcc not installed`);

function ours(path: string, opt: number) {
  return assembleText(compileC(path, opt), path.replace(/^.*\//, '').replace(/\.c$/, '.s'));
}
function gcc(path: string) {
  return gccObject(path, ['-I', DIR]);
}

describe.skipIf(!pipelineAvailable)(`ilp32 calling convention against gcc (${pipelineName})`, () => {
  for (const opt of [0, 1]) {
    it(`our -O${opt} caller passes and receives every shape correctly from gcc's callees`, () => {
      const r = runExecutable(linkObjects([ours(MAIN, opt), gcc(LIB)]));
      expect(r.stdout).toMatch(/^OK abi \d+\n$/);
      expect(r.status).toBe(0);
    });
    it(`gcc's caller passes and receives every shape correctly from our -O${opt} callees`, () => {
      const r = runExecutable(linkObjects([gcc(MAIN), ours(LIB, opt)]));
      expect(r.stdout).toMatch(/^OK abi \d+\n$/);
      expect(r.status).toBe(0);
    });
  }
  it('agrees with itself: our caller and our callees', () => {
    const r = runExecutable(linkObjects([ours(MAIN, 1), ours(LIB, 0)]));
    expect(r.stdout).toMatch(/^OK abi \d+\n$/);
  });
  it('the reference: gcc on both sides', () => {
    const r = runExecutable(linkObjects([gcc(MAIN), gcc(LIB)]));
    expect(r.stdout).toMatch(/^OK abi \d+\n$/);
  });
});
