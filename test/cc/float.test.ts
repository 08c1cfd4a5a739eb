// The C float conformance suite: every test/cc/float program prints its results by their IEEE bits (no printf
// %f needed), built by pagoda cc (-O0 and -O1, linked with the libc's 64-bit conversion helpers
// userland/libc/math64/fp-int64.c, and libgcc's binary128 helpers for long double) and by riscv64-unknown-elf-gcc -march=rv32imafd -mabi=ilp32d
// -ffp-contract=off under qemu-riscv32: the outputs must be the same, byte for byte. The hard-float calling
// convention is proven both ways: our caller with gcc's callees and gcc's caller with ours (abi_main.c /
// abi_lib.c, every argument and result shape). Then the errors: what the compiler cannot do is a located error.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';
import { LONG } from '../long.js';
import {
  ObjectFile, ROOT, SUPPORT, assembleText, compileC, gccObject, linkObjects, pipelineAvailable, pipelineName,
  runExecutable,
} from './pipeline.js';

const DIR = join(ROOT, 'test/cc/float');
const HELPERS = join(ROOT, 'userland/libc/math64/fp-int64.c');

function ours(path: string, opt: number): ObjectFile {
  return assembleText(compileC(path, opt, [], [SUPPORT, DIR]), path.replace(/^.*\//, '').replace(/\.c$/, '.s'));
}
function gcc(path: string): ObjectFile {
  return gccObject(path, ['-ffp-contract=off', '-fno-math-errno', '-I', DIR]);
}

if (!pipelineAvailable) console.warn(`test/cc/float: skipped, toolchain for ${pipelineName} or gcc not installed`);

describe.skipIf(!pipelineAvailable)(`float and double against gcc -mabi=ilp32d (${pipelineName})`, () => {
  let helpers: ObjectFile;
  beforeAll(() => {
    helpers = ours(HELPERS, 1);
  });
  for (const name of ['arith', 'convert', 'literals', 'ldouble', 'builtins']) {
    describe(`${name}.c`, () => {
      const path = join(DIR, `${name}.c`);
      let reference = '';
      it('runs to the end when built by gcc (the reference)', () => {
        const r = runExecutable(linkObjects([gcc(path)]));
        expect(r.stdout).toMatch(new RegExp(`OK ${name} 0\\n$`));
        expect(r.stdout.split('\n').length).toBeGreaterThan(8);
        reference = r.stdout;
      });
      // -O0 for every program under `npm run test:long`; in `npm test` for arith.c (the generator's paths
      // without register allocation; test/cc/programs covers -O0 broadly), -O1 always
      for (const opt of LONG > 1 || name === 'arith' ? [0, 1] : [1]) {
        it(`prints the same bits at -O${opt}`, () => {
          const r = runExecutable(linkObjects([ours(path, opt), helpers]));
          expect(r.status).toBe(0);
          expect(r.stdout).toBe(reference);
        });
      }
    });
  }

  describe('the ILP32D calling convention, every shape, both ways', () => {
    const main = join(DIR, 'abi_main.c');
    const lib = join(DIR, 'abi_lib.c');
    let reference = '';
    it('the reference: gcc on both sides', () => {
      const r = runExecutable(linkObjects([gcc(main), gcc(lib)]));
      expect(r.stdout).toMatch(/OK abi-float 0\n$/);
      reference = r.stdout;
    });
    for (const opt of [0, 1]) {
      it(`our -O${opt} caller with gcc's callees`, () => {
        expect(runExecutable(linkObjects([ours(main, opt), gcc(lib)])).stdout).toBe(reference);
      });
      it(`gcc's caller with our -O${opt} callees`, () => {
        expect(runExecutable(linkObjects([gcc(main), ours(lib, opt)])).stdout).toBe(reference);
      });
    }
  });
});

describe('floating builtins', () => {
  it('__builtin_sqrt, fabs, copysign, fmin and fmax are one instruction each (no libm call, no errno)', () => {
    const r = compile('double f(double a, double b) { return __builtin_sqrt(a) + __builtin_fabs(b) + __builtin_copysign(a, b)' +
      ' + __builtin_fmin(a, b) + __builtin_fmax(a, b); }\nfloat g(float x) { return __builtin_sqrtf(x); }\n', 'b.c', { opt: 1 });
    expect(r.ok).toBe(true);
    for (const insn of ['fsqrt.d', 'fabs.d', 'fsgnj.d', 'fmin.d', 'fmax.d', 'fsqrt.s']) expect(r.asm).toContain(`\t${insn} `);
    expect(r.asm).not.toMatch(/call/);
  });
});

describe('floating-point errors are located, never a crash', () => {
  const error = (src: string, softFloat = false): string => {
    const r = compile(src, 'e.c', { softFloat, opt: 1 });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    return `${d.line}:${d.col}: ${d.message}`;
  };
  it('refuses float under -mabi=ilp32 at the type and at a constant', () => {
    expect(error('float f;\n', true)).toBe('1:1: floating point needs -mabi=ilp32d');
    expect(error('int x = 1.5;\n', true)).toBe('1:9: floating point needs -mabi=ilp32d');
  });
  it('predefines gcc soft-float macros under -mabi=ilp32 and hard-float ones by default', () => {
    const src = '#if defined(__riscv_float_abi_soft) && !defined(__riscv_flen)\nint soft;\n#endif\n' +
      '#if __riscv_float_abi_double && __riscv_flen == 64 && __FLT_EVAL_METHOD__ == 0 && __DBL_MANT_DIG__ == 53\nint hard;\n#endif\n';
    expect(compile(src, 'm.c', { softFloat: true }).asm).toMatch(/soft/);
    expect(compile(src, 'm.c', { softFloat: true }).asm).not.toMatch(/hard/);
    expect(compile(src, 'm.c', {}).asm).toMatch(/hard/);
  });
  it('refuses ++ and compound assignment on a long double that is not an lvalue, as gcc', () => {
    expect(error('long double g(void);\nvoid f(void) {\n  g() += 1;\n}\n')).toBe('3:7: lvalue required as left operand of assignment');
    expect(error('void f(long double a) {\n  (a + 1)++;\n}\n')).toBe('2:10: lvalue required as increment operand');
  });
  it('reports malformed floating constants', () => {
    expect(error('double x = 1e+;\n')).toBe('1:12: exponent has no digits');
    expect(error('double x = 0x1.8;\n')).toBe('1:12: hexadecimal floating constants require an exponent');
    expect(error('double x = 1.5q;\n')).toBe('1:12: invalid suffix "q" on floating constant');
    expect(error('int x = 1f;\n')).toBe('1:9: invalid suffix "f" on integer constant');
    expect(error('#if 1.5\n#endif\n')).toBe('1:5: floating constant in preprocessor expression');
  });
  it('rejects operators C does not define on floating operands, as gcc words it', () => {
    expect(error('int f(double a) { return ~a; }\n')).toBe('1:26: wrong type argument to bit-complement');
    expect(error('double f(double a) { return a & 1; }\n')).toBe("1:31: invalid operands to binary & (have 'double' and 'int')");
    expect(error('void f(double *p, double d) { p = d; }\n')).toBe("1:33: incompatible types when assigning to type 'double *' from type 'double'");
  });
});
