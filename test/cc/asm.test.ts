// Extended asm. test/cc/asm/asm.c exercises every constraint, modifier and clobber pagoda cc knows; gcc's
// build (qemu-riscv32) and ours at -O0 and -O1 (on Pagoda) must print the same. counters.c reads
// rdinstret/rdcycle from C and checks the counts. Then the diagnostics: each mistake in an asm statement
// is a located error with gcc's wording.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, formatDiagnostic } from '../../toolchain/cc/index.js';
import { ROOT, SUPPORT, assembleText, compileC, gccObject, linkObjects, pipelineAvailable, pipelineName, runExecutable } from './pipeline.js';

const PROGRAM = join(ROOT, 'test/cc/asm/asm.c');
const COUNTERS = join(ROOT, 'test/cc/asm/counters.c');

function runOurs(path: string, opt: number): { stdout: string; status: number } {
  const obj = assembleText(compileC(path, opt, [], [SUPPORT]), path.replace(/^.*\//, '').replace(/\.c$/, '.s'));
  return runExecutable(linkObjects([obj]));
}

if (!pipelineAvailable) console.warn(`test/cc/asm: skipped, toolchain for ${pipelineName} or gcc not installed`);

describe.skipIf(!pipelineAvailable)(`extended asm (${pipelineName})`, () => {
  let reference = '';
  beforeAll(() => {
    reference = runExecutable(linkObjects([gccObject(PROGRAM, ['-march=rv32ima'])])).stdout;
  });

  it('gcc -O1 passes every check (the reference)', () => {
    expect(reference).toMatch(/^hi\nOK asm \d+\n$/);
  });

  for (const opt of [0, 1]) {
    it(`pagoda cc -O${opt} prints what gcc's build prints`, () => {
      const r = runOurs(PROGRAM, opt);
      expect(r.stdout).toBe(reference);
      expect(r.status).toBe(0);
    });
  }

  it('asm volatile("rdinstret %0" : "=r"(x)) counts the instructions retired in between', () => {
    const r = runOurs(COUNTERS, 1);
    expect(r.stdout).toBe('OK counters 3\n');
  });
});

describe('asm diagnostics', () => {
  // [what, statement inside main, the first diagnostic: at the operand's constraint or the clobber's string]
  const CASES: [string, string, string][] = [
    ['output without =', 'int x; asm("li %0, 1" : "r"(x));', "e.c:1:42: error: output operand constraint lacks '='"],
    ['input with =', 'int x = 0; asm("" : : "=r"(x));', "e.c:1:40: error: input operand constraint contains '='"],
    ['unknown constraint', 'int x = 0; asm("" : : "q"(x));', "e.c:1:40: error: invalid constraint 'q' in 'asm' operand (pagoda cc knows r i n m A I J K)"],
    ['non-constant for i', 'int x = 0; asm("" : : "i"(x));', "e.c:1:40: error: impossible constraint in 'asm': 'i' needs a constant"],
    ['constant out of I', 'asm("" : : "I"(5000));', "e.c:1:29: error: impossible constraint in 'asm': 'I' does not admit this constant"],
    ['unknown clobber', 'asm("nop" : : : "t0", "foo");', "e.c:1:40: error: unknown register name 'foo' in 'asm'"],
    ['frame pointer clobber', 'asm("nop" : : : "fp");', "e.c:1:34: error: s0 (the frame pointer) cannot be clobbered by 'asm'"],
    ['operand out of range', 'int x; asm("mv %0, %2" : "=r"(x) : "r"(1));', 'e.c:1:25: error: operand number out of range'],
    ['unknown name', 'int x; asm("mv %[y], %0" : "=r"(x));', "e.c:1:25: error: undefined named operand 'y'"],
    ['bad modifier', 'int x; asm("mv %q0, %0" : "=r"(x));', "e.c:1:25: error: invalid 'asm': invalid operand modifier '%q' (pagoda cc knows %z and %i)"],
    ['bad matching', 'int x; asm("" : "=r"(x) : "1"(2));', 'e.c:1:44: error: matching constraint references invalid operand number'],
    ['output not an lvalue', 'int x = 0; asm("" : "=r"(x + 1));', "e.c:1:38: error: invalid lvalue in 'asm' output"],
    ['const output', 'const int c = 0; asm("" : "=r"(c));', "e.c:1:44: error: assignment of read-only variable 'c'"],
    ['64-bit register operand', 'long long v = 0; asm("" : : "r"(v));', "e.c:1:46: error: impossible register constraint in 'asm': operand of type that does not fit one 32-bit register"],
    ['bad register variable', 'register int r asm("q9") = 0; (void)r;', "e.c:1:37: error: invalid register name for 'q9'"],
    ['bit-field in memory', 'struct { int b : 3; } s; asm("" : : "m"(s.b));', "e.c:1:54: error: address of bit-field 'b' requested"],
    ['bit-field output', 'struct { int b : 3; } s; asm("" : "=r"(s.b));', "e.c:1:52: error: bit-field 'b' as an 'asm' output is not supported by pagoda cc"],
    ['asm goto', 'asm goto("j %l0" : : : : out); out:;', "e.c:1:22: error: 'asm goto' is not supported"],
  ];
  for (const [what, stmt, want] of CASES) {
    it(`reports ${what}`, () => {
      const r = compile(`int main(void) { ${stmt} return 0; }\n`, 'e.c', { opt: 1 });
      expect(r.ok).toBe(false);
      expect(formatDiagnostic(r.diagnostics[0], 'pagoda cc').split('\n')[0]).toBe(`pagoda cc: ${want}`);
    });
  }

  it('reports more than 30 operands', () => {
    const ins = Array.from({ length: 31 }, (_, i) => `"r"(${i})`).join(', ');
    const r = compile(`int main(void) { asm("" : : ${ins}); return 0; }\n`, 'e.c', { opt: 1 });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toBe("more than 30 operands in 'asm'");
  });

  it('reports more register operands than registers', () => {
    const ins = Array.from({ length: 20 }, (_, i) => `"r"(${i})`).join(', ');
    const r = compile(`int main(void) { asm("" : : ${ins}); return 0; }\n`, 'e.c', { opt: 1 });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toMatch(/^'asm' operand has impossible constraints/);
  });
});
