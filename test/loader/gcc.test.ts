// The loader on executables GNU gcc 12 / binutils 2.40 really produce for each -march/-mabi: what the hart can
// run (rv32imafd, soft- or double-float ABI) is accepted; RVC, ilp32f, RVE, V and Zba are refused with the code
// that names why. The crafted-file cases (check.test.ts) cover each field alone; these prove that the
// fields real toolchains write are read the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planLoad } from '../../loader/plan.js';
import { LoadRefusal, Refusal, type RefusalCode } from '../../loader/refusal.js';
import { hasGcc } from '../kernel/progs/build.js';

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping the loader tests on gcc-built executables');

const dir = mkdtempSync(join(tmpdir(), 'pagoda-loader-gcc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A static executable of a function that does some float work, built for `march`/`mabi`. */
function build(march: string, mabi: string): Uint8Array {
  const src = join(dir, 'prog.c');
  writeFileSync(src, 'volatile int sink; void _start(void) { sink = sink * 3; for (;;) ; }\n');
  const out = join(dir, `${march}-${mabi}`);
  execFileSync('riscv64-unknown-elf-gcc', [`-march=${march}`, `-mabi=${mabi}`, '-O2', '-nostdlib', '-static', '-o', out, src], { stdio: 'pipe' });
  return new Uint8Array(readFileSync(out));
}

function outcome(bytes: Uint8Array): RefusalCode | 'accepted' {
  try {
    planLoad(bytes);
    return 'accepted';
  } catch (e) {
    if (e instanceof LoadRefusal) return e.code;
    throw e;
  }
}

const CASES: [march: string, mabi: string, expected: RefusalCode | 'accepted'][] = [
  ['rv32imafd', 'ilp32d', 'accepted'],
  ['rv32imafd', 'ilp32', 'accepted'],
  ['rv32imf', 'ilp32', 'accepted'],
  ['rv32ima', 'ilp32', 'accepted'],
  ['rv32g', 'ilp32d', 'accepted'],
  ['rv32imac', 'ilp32', Refusal.COMPRESSED],
  ['rv32imafdc', 'ilp32d', Refusal.COMPRESSED],
  ['rv32imf', 'ilp32f', Refusal.FLOAT_ABI],
  ['rv32e', 'ilp32e', Refusal.EMBEDDED],
  ['rv32imv', 'ilp32', Refusal.MISSING_EXTENSION],
  ['rv32im_zba', 'ilp32', Refusal.MISSING_EXTENSION],
];

describe.skipIf(!hasGcc)('the loader on gcc-built executables', () => {
  for (const [march, mabi, expected] of CASES) {
    it(`-march=${march} -mabi=${mabi}: ${expected}`, () => {
      expect(outcome(build(march, mabi))).toBe(expected);
    });
  }

  it('names the missing extensions of an rv32imv executable', () => {
    expect(() => planLoad(build('rv32imv', 'ilp32'))).toThrow(/asks for V, Zve32f, .*which the machine lacks/);
  });
});
