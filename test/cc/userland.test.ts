// Integration: pagoda cc builds the project's C library and its test programs (userland/), and the
// programs pass under the selected runner, exactly as their gcc builds do.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ObjectFile, ROOT, assembleText, compileC, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';

const USERLAND = join(ROOT, 'userland');
const MANIFEST = join(USERLAND, 'manifest.json');
const present = existsSync(MANIFEST);
interface Manifest {
  includeDirs: string[];
  crt0: string;
  libc: string[];
  tests: Record<string, string[]>;
}
const manifest: Manifest | null = present ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : null;

if (!pipelineAvailable || !present) console.warn(`test/cc/userland: skipped (${pipelineName}, manifest ${present ? 'present' : 'absent'})`);

/** Tests that need more than a bare kernel: script_test execs /bin/sh as an interpreter, ttyjobs_test is init
 *  on an interactive console. test/userland/jobs-pagoda.test.ts runs both in the machine they need. */
const NEEDS_MACHINE = new Set(['script_test', 'ttyjobs_test']);

describe.skipIf(!pipelineAvailable || !present)(`userland built by pagoda cc -O1 (${pipelineName})`, () => {
  const inc = (manifest?.includeDirs ?? []).map((d) => join(USERLAND, d));
  let libc: ObjectFile[] = [];
  let crt0: ObjectFile;

  function build(src: string): ObjectFile {
    const path = join(USERLAND, src);
    if (src.endsWith('.s')) return assembleText(readFileSync(path, 'utf8'), src.replace(/\//g, '_'), 'rv32imafd_zicsr');
    return assembleText(compileC(path, 1, [], inc), src.replace(/\//g, '_').replace(/\.c$/, '.s'));
  }

  beforeAll(() => {
    crt0 = build(manifest!.crt0);
    libc = manifest!.libc.map(build);
  }, 300_000);

  for (const [name, sources] of Object.entries(manifest?.tests ?? {})) {
    if (NEEDS_MACHINE.has(name)) continue;
    it(`${name} passes all its checks`, () => {
      const objs = sources.map(build);
      const r = runExecutable(linkObjects([crt0, ...objs, ...libc], false));
      expect(r.stderr + r.stdout).not.toMatch(/FAIL/);
      expect(r.status).toBe(0);
    });
  }
});
