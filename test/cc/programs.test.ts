// Every test/cc/c/*.c program (and test/cc/bench/*.c, the instruction-count workloads) asserts its own
// results (ASSERT(expected, expr)); it must print "OK <name> <checks>" and exit 0 when compiled by
// pagoda cc at -O0 and -O1, and gcc's build must agree.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildAndRun, gccObject, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';

const DIRS = [join(ROOT, 'test/cc/c'), join(ROOT, 'test/cc/bench')];
const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.c')).sort().map((f) => join(d, f)));

if (!pipelineAvailable) console.warn(`test/cc/programs: skipped, toolchain for ${pipelineName} or gcc not installed`);

describe.skipIf(!pipelineAvailable)(`C test programs (${pipelineName})`, () => {
  for (const path of files) {
    const f = path.slice(ROOT.length + 1);
    const name = path.replace(/^.*\//, '').replace(/\.c$/, '');
    describe(f, () => {
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
});
