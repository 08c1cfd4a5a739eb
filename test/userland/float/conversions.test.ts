// The libc's floating-point conversions against references, from one build of the libc (gcc, ILP32D, run
// under qemu-riscv32): printf's floating conversions, strtod/strtof and sscanf against the host's glibc
// (conv-check.c built both ways reads the same requests and must print the same lines), scanf on a stream
// (scan-stream.c), long double printf/strtold against libquadmath (ld-check.c), and the binary128 helpers
// against libgcc's (tf-vs-libgcc.c). Random cases scale with LONG (25,000 per kind in npm test, 1,000,000
// under test:long), plus the classic hard cases.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG } from '../../long.js';
import { execFileSync } from 'node:child_process';
import { buildHost, buildRv, buildRvLibc, differences, haveFloatTools, Rng, run, RV_FLAGS } from './build.js';
import {
  doubleHex, doubleTexts, halfwayText, HARD_STRTOD, randomDecimalText, randomDoubleBits, randomFormat, randomHexText,
  randomQuadHex, randomQuadText, randomScanCase, SCANF_CASES,
} from './cases.js';

if (!haveFloatTools) console.warn('test/userland/float: riscv64-unknown-elf-gcc, qemu-riscv32 or gcc missing: skipped');

const N = 25000 * LONG;
const HERE = import.meta.dirname;
let dir = '';
let lib = { crt0: '', libc: '' };

beforeAll(() => {
  if (!haveFloatTools) return;
  dir = mkdtempSync(join(tmpdir(), 'pagoda-fmtfloat-'));
  lib = buildRvLibc(dir);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveFloatTools)('printf, strtod and sscanf against glibc', () => {
  let ours = '';
  let glibc = '';

  beforeAll(() => {
    ours = buildRv(dir, 'conv-check', [join(HERE, 'conv-check.c')], lib);
    glibc = buildHost(dir, 'conv-check-host', [join(HERE, 'conv-check.c')], ['-lm']);
  }, 300_000);

  const compare = (requests: string[]): void => {
    const input = requests.join('\n') + '\n';
    const want = run(glibc, input, false);
    const got = run(ours, input, true);
    expect(differences(requests, want, got)).toEqual([]);
    expect(got.split('\n').length).toBe(requests.length + 1);
  };

  it(`prints ${N} random doubles in random conversions (flags, width, precision) exactly as glibc`, () => {
    const r = new Rng(0x5eed0001);
    const requests: string[] = [];
    for (let i = 0; i < N; i++) requests.push(`p ${randomFormat(r)} ${doubleHex(randomDoubleBits(r))}`);
    compare(requests);
  });

  it(`prints ${N} random doubles in %.17g, %a and %.60f as glibc (round trip digits, hex, long fractions)`, () => {
    const r = new Rng(0x5eed0002);
    const requests: string[] = [];
    for (let i = 0; i < N; i++) requests.push(`p ${r.pick(['%.17g', '%a', '%.60f', '%#.0e', '%g', '%#g'])} ${doubleHex(randomDoubleBits(r))}`);
    compare(requests);
  });

  it('prints the extremes: DBL_MAX in %f, DBL_TRUE_MIN in %.1100e, ties, zeros, inf and nan with every flag', () => {
    const values = ['7fefffffffffffff', '0000000000000001', '000fffffffffffff', '0010000000000000', '3ff0000000000000',
      '8000000000000000', '0000000000000000', '7ff0000000000000', 'fff0000000000000', '7ff8000000000000', 'fff8000000000000',
      '7ff0000000000001', '3fb999999999999a', '4004000000000000', '400c000000000000', '3fc0000000000000', '3ff8000000000000',
      '3fe0000000000000', '4415af1d78b58c40', '44b52d02c7e14af6', '3fefffffffffffff', '408f400000000000'];
    const formats = ['%f', '%.0f', '%.1f', '%.2f', '%.1100e', '%.1074f', '%e', '%.0e', '%g', '%.0g', '%#.0g', '%.17g', '%a', '%.0a',
      '%.1a', '%.12a', '%.20a', '%A', '%#a', '%+015.3f', '%-+15.3e|', '% 010g', '%#010.3g', '%010f', '%-010f|', '%+F', '% E', '%5.0e',
      '%#.3a', '%08.3a', '%G', '%#G', '%.3G', '%.100g'];
    compare(values.flatMap((v) => formats.map((f) => `p ${f} ${v}`)));
  });

  it(`parses ${N} texts near doubles (digits of random doubles, halfway points, Paxson-style truncations) as glibc`, () => {
    const r = new Rng(0x5eed0003);
    const requests: string[] = [];
    while (requests.length < N) {
      const bits = randomDoubleBits(r);
      const kind = r.below(3);
      if (kind === 0) requests.push(...doubleTexts(r, bits).map((t) => `s ${t}`));
      else requests.push(`s ${halfwayText(r, bits)}`);
    }
    compare(requests);
  });

  it(`parses ${N} random decimal and hex texts (long digit strings, exponents past the range, junk after) as glibc`, () => {
    const r = new Rng(0x5eed0004);
    const requests: string[] = [];
    for (let i = 0; i < N; i++) {
      const text = r.below(4) === 0 ? randomHexText(r) : randomDecimalText(r);
      requests.push(`s ${text}${r.below(4) === 0 ? r.pick(['x', ' 1', 'e', '.5', 'p3', '(']) : ''}`);
    }
    compare(requests);
  });

  it(`prints and parses ${N / 5} random doubles and texts in each directed rounding mode as glibc`, () => {
    const r = new Rng(0x5eed000a);
    const requests: string[] = [];
    for (const mode of [1, 2, 3]) {
      requests.push(`m ${mode}`);
      for (let i = 0; i < N / 5; i++) {
        requests.push(`p ${randomFormat(r)} ${doubleHex(randomDoubleBits(r))}`);
        requests.push(`s ${r.below(2) ? halfwayText(r, randomDoubleBits(r)) : randomDecimalText(r)}`);
      }
      requests.push(...HARD_STRTOD.map((t) => `s ${t}`));
    }
    requests.push('m 0');
    compare(requests);
  });

  it(`parses the classic hard cases (${HARD_STRTOD.length}: DBL_MAX, DBL_TRUE_MIN, 2^-1075 halfway, 9007199254740993, Paxson's) as glibc`, () => {
    compare(HARD_STRTOD.map((t) => `s ${t}`));
  });

  it('round-trips %.17g and %a through strtod for every random double', () => {
    // our printf's output fed to our strtod must give the value back (NaN aside)
    const r = new Rng(0x5eed0005);
    const bits: string[] = [];
    for (let i = 0; i < Math.min(N, 5000); i++) {
      const b = randomDoubleBits(r);
      if (((b >> 52n) & 0x7ffn) !== 0x7ffn) bits.push(doubleHex(b));
    }
    const printed = run(ours, bits.map((b) => `p %.17g ${b}\np %a ${b}`).join('\n') + '\n', true).trim().split('\n');
    const parsed = run(ours, printed.map((t) => `s ${t}`).join('\n') + '\n', true).trim().split('\n');
    const wrong = parsed.map((line, i) => [line.slice(0, 16), bits[i >> 1], printed[i]]).filter(([got, want]) => got !== want);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it(`scans the ${SCANF_CASES.length} sscanf edge cases (EOF and matching failures, sets, widths, %n, lengths, float grammar) as glibc`, () => {
    compare(SCANF_CASES.map(([fmt, text]) => `c ${fmt}\t${text}`));
  });

  it(`scans ${N} random integers and floats with widths and lengths as glibc`, () => {
    const r = new Rng(0x5eed0006);
    const requests: string[] = [];
    for (let i = 0; i < N; i++) requests.push(randomScanCase(r));
    compare(requests);
  });
});

describe.skipIf(!haveFloatTools)('scanf on a stream against glibc', () => {
  it('leaves the same one character of pushback after every conversion, through a cycle of formats to EOF', () => {
    const src = join(HERE, 'scan-stream.c');
    const ours = buildRv(dir, 'scan-stream', [src], lib);
    const glibc = buildHost(dir, 'scan-stream-host', [src]);
    const inputs = [
      '12 3.5e2 hello world 0x1f -7 abc12 0x 1e5 nan inf 99 % 5 x 42\n  -0.5e-3xyz 077 1e 1e+ .5 - + abc\t\t 123456789 ff  ',
      '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32',
      'a1b2c3 0x1p3 0x 0xg -0x10 %%%% x x x 1.5e+ 1e- 7e7 infinity nan(1) z',
      '',
    ];
    for (const input of inputs) {
      const want = run(glibc, input, false);
      const got = run(ours, input, true);
      expect(got).toBe(want);
    }
  });
});

describe.skipIf(!haveFloatTools)('long double (binary128) printf and strtold against libquadmath', () => {
  const NQ = 2000 * LONG;
  let ours = '';
  let quadmath = '';

  beforeAll(() => {
    const src = join(HERE, 'ld-check.c');
    ours = buildRv(dir, 'ld-check', [src], lib);
    quadmath = buildHost(dir, 'ld-check-host', [src], ['-DUSE_QUADMATH', '-lquadmath']);
  }, 300_000);

  const compare = (requests: string[]): void => {
    const input = requests.join('\n') + '\n';
    expect(differences(requests, run(quadmath, input, false), run(ours, input, true))).toEqual([]);
  };

  it(`prints ${NQ} random long doubles with %Lf %Le %Lg %La in random flags and precisions as glibc`, () => {
    const r = new Rng(0x5eed0007);
    const requests: string[] = [];
    for (let i = 0; i < NQ; i++) requests.push(`p ${randomFormat(r).replace(/([a-zA-Z])$/, 'L$1')} ${randomQuadHex(r)}`);
    compare(requests);
  });

  it('prints the binary128 extremes: LDBL_MAX in %Lf, the least subnormal in %.11600Le, %La of subnormals', () => {
    const values = ['7ffeffffffffffffffffffffffffffff', '00000000000000000000000000000001', '0000ffffffffffffffffffffffffffff',
      '00010000000000000000000000000000', '3fff0000000000000000000000000000', '80000000000000000000000000000000',
      '7fff0000000000000000000000000000', 'ffff8000000000000000000000000000', '3ffd5555555555555555555555555555'];
    const formats = ['%Lf', '%.11600Le', '%La', '%.0La', '%.5La', '%LA', '%.36Lg', '%#Lg', '%+.3Le', '%-40.20La', '%.20La'];
    compare(values.flatMap((v) => formats.map((f) => `p ${f} ${v}`)));
  });

  it(`parses ${NQ / 2} texts (binary128 halfway points, long digit strings, hex) with strtold as glibc`, () => {
    const r = new Rng(0x5eed0008);
    const requests: string[] = [];
    for (let i = 0; i < NQ / 2; i++) requests.push(`s ${randomQuadText(r)}`);
    compare([...requests, 's 1.18973149535723176508575932662800702e4932', 's 1.18973149535723176508575932662800703e4932',
      's 6.4751751194380251109244389582276465524996e-4966', 's 3.2e-4966', 's 0x1p-16494', 's 0x1.0000000001p-16495', 's 1e-5000',
      's 1e5000']);
  });

  it('rounds 0x1p-16495, half the least subnormal, to +0 (ties to even), where libquadmath gives the least subnormal', () => {
    // glibc's strtod gives 0 for the binary64 analogue 0x1p-1075 (checked with the hard cases above)
    expect(run(ours, 's 0x1p-16495\ns 0x1.8p-16495\ns 0x3p-16496\n', true)).toBe(
      '00000000000000000000000000000000 10\n00000000000000000000000000000001 12\n00000000000000000000000000000001 10\n');
  });
});

describe.skipIf(!haveFloatTools)('binary128 helpers against libgcc', () => {
  it(`agree with libgcc's __addtf3 .. __floatunditf in bits and fflags on ${5000 * LONG} random and edge cases x 4 rounding modes`, () => {
    // ours are compiled again under an our_ prefix and linked beside libgcc's (the test calls both)
    const rename = ['addtf3', 'subtf3', 'multf3', 'divtf3', 'negtf2', 'eqtf2', 'netf2', 'lttf2', 'letf2', 'gttf2', 'getf2',
      'unordtf2', 'extenddftf2', 'extendsftf2', 'trunctfdf2', 'trunctfsf2', 'fixtfsi', 'fixunstfsi', 'fixtfdi', 'fixunstfdi',
      'floatsitf', 'floatunsitf', 'floatditf', 'floatunditf'].map((n) => `-D__${n}=our_${n}`);
    const softfp = join(HERE, '../../../userland/libc/softfp');
    const objects = ['addtf3', 'multf3', 'divtf3', 'cmptf2', 'fixtf', 'floattf', 'convtf'].map((name) => {
      const obj = join(dir, `our_${name}.o`);
      execFileSync('riscv64-unknown-elf-gcc', [...RV_FLAGS, ...rename, '-c', join(softfp, `${name}.c`), '-o', obj]);
      return obj;
    });
    const program = buildRv(dir, 'tf-vs-libgcc', [join(HERE, 'tf-vs-libgcc.c'), ...objects], lib);
    const out = run(program, '', true, [String(5000 * LONG), '88172645463325252']);
    expect(out).toContain(`${5000 * LONG} cases x 25 helpers, 0 mismatches`);
  });
});

// The same libc as the boot image has it: compiled by pagoda cc and run by the kernel through `pagoda run`
// (needs `npm run build`). conv-check.c itself is compiled by pagoda cc too, with doubles in f registers.
const ROOT = join(HERE, '../../..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'userland', 'libc.a'));
if (!built) console.warn('test/userland/float: dist not built: the pagoda cc libc checks are skipped');

describe.skipIf(!haveFloatTools || !built)('the libc as pagoda cc builds it, under the kernel, against glibc', () => {
  const pagoda = (args: string[], input = ''): string => {
    const r = spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), ...args], { input, encoding: 'latin1', maxBuffer: 1 << 28, timeout: 300_000 });
    if (r.status !== 0) throw new Error(`pagoda ${args.join(' ')}: ${r.status}: ${r.stderr}`);
    return r.stdout;
  };

  it('passes /tests/float_conv_test (printf of bit patterns, scanf into them) in the boot image', () => {
    expect(pagoda(['run', '/tests/float_conv_test'])).toMatch(/^float_conv_test: \d+ checks ok\n$/);
  });

  it(`prints, parses and scans ${400 * LONG} random doubles and texts each as glibc, built by pagoda cc -O1`, () => {
    const src = join(HERE, 'conv-check.c');
    const exe = join(dir, 'conv-check-pagoda');
    pagoda(['cc', '-O1', '-o', exe, src]);
    const glibc = buildHost(dir, 'conv-check-host2', [src], ['-lm']);
    const r = new Rng(0x5eed0009);
    const requests: string[] = [];
    for (let i = 0; i < 400 * LONG; i++) {
      requests.push(`p ${randomFormat(r)} ${doubleHex(randomDoubleBits(r))}`);
      const text = r.below(2) ? halfwayText(r, randomDoubleBits(r)) : randomDecimalText(r).slice(0, 300);
      requests.push(`S ${text}`);
      requests.push(`s ${text}`);
    }
    requests.push(...SCANF_CASES.map(([fmt, text]) => `c ${fmt}\t${text}`));
    const input = requests.join('\n') + '\n';
    expect(differences(requests, run(glibc, input, false), pagoda(['run', exe], input))).toEqual([]);
  });
});
