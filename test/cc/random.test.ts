// Differential testing against gcc: seeded random integer-expression programs must print the same hash
// when built by pagoda cc (-O0 and -O1) and by gcc -O1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAndRun, gccObject, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';
import { randomProgram } from './random-programs.js';

const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233];

if (!pipelineAvailable) console.warn(`test/cc/random: skipped, toolchain for ${pipelineName} or gcc not installed`);

describe.skipIf(!pipelineAvailable)(`random programs agree with gcc (${pipelineName})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-cc-rand-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const seed of SEEDS) {
    it(`seed ${seed}: same hash at -O0 and -O1 as gcc -O1`, () => {
      const path = join(dir, `r${seed}.c`);
      writeFileSync(path, randomProgram(seed));
      const ref = runExecutable(linkObjects([gccObject(path)]));
      expect(ref.stdout).toMatch(/^H -?\d+\n$/);
      for (const opt of [0, 1]) expect(buildAndRun(path, opt).stdout).toBe(ref.stdout);
    });
  }
});
