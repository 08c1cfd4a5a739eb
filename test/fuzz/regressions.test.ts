// Every bug the toolchain fuzzer found, as the smallest input that showed it: each one a host exception,
// a hang or an unbounded allocation before its fix, and a located diagnostic (or a success) now.

import { describe, expect, it } from 'vitest';
import { ElfFormatError, readElf } from '../../abi/elfread.js';
import { Shdr } from '../../abi/elf.js';
import { readArchive, writeArchive } from '../../toolchain/ar.js';
import { assemble } from '../../toolchain/as/index.js';
import { link } from '../../toolchain/ld/index.js';
import { compile } from '../../toolchain/cc/index.js';
import { objdumpDisassemble } from '../../toolchain/objdump.js';
import { formatInternalError } from '../../cli/internal-error.js';

/** Compiles `source`; returns its diagnostics as `LINE:COL: MESSAGE` and the time taken. */
function cc(source: string): { errors: string[]; ms: number } {
  const t = performance.now();
  const r = compile(source, 'fuzz.c', { readFile: (p) => (p === 'fuzz.c' ? source : null) });
  return {
    errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col}: ${d.message}`),
    ms: performance.now() - t,
  };
}

function as(source: string): string[] {
  const r = assemble(source, 'fuzz.s');
  return r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
}

describe('cc', () => {
  it('10,000 nested parentheses: a located "nesting too deep", not a stack overflow', () => {
    const { errors } = cc(`int x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^1:\d+: nesting too deep: more than 512 levels/);
  });

  it('a 10,000-term sum (a tree as deep as it is long): located error; a 300-term one compiles', () => {
    expect(cc(`int f(int a) { return a${' + a'.repeat(10_000)}; }\n`).errors[0]).toMatch(/^1:\d+: nesting too deep/);
    expect(cc(`int f(int a) { return a${' + a'.repeat(300)}; }\n`).errors).toEqual([]);
  });

  it('10,000 nested blocks, statements, initializer braces, declarators, struct bodies and member accesses', () => {
    const sources = [
      `void f(void) ${'{'.repeat(10_000)}${'}'.repeat(10_000)}\n`,
      `int f(int a) { ${'if (a) '.repeat(10_000)}a++; return a; }\n`,
      `int x = ${'{'.repeat(10_000)}1${'}'.repeat(10_000)};\n`,
      `int a${'[1]'.repeat(10_000)};\n`,
      `${'struct { '.repeat(10_000)}int x;${' } a;'.repeat(10_000)}\n`,
      `struct s { struct s *p; int v; }; int f(struct s *a) { return a${'->p'.repeat(10_000)}->v; }\n`,
      `int x = ${'sizeof '.repeat(10_000)}1;\n`,
    ];
    for (const s of sources) expect(cc(s).errors[0], s.slice(0, 40)).toMatch(/^1:\d+: nesting too deep/);
  });

  it('a parenthesised declarator is parsed once per level (it was twice: exponential in the depth)', () => {
    const { errors, ms } = cc(`int ${'(*'.repeat(40)}f${')(void)'.repeat(40)};\nint ${'('.repeat(60)}x${')'.repeat(60)};\n`);
    expect(errors).toEqual([]);
    expect(ms).toBeLessThan(5000);
  });

  it('a chain of 10,000 macros, each naming the previous: a located error (each level copies the hideset)', () => {
    const defs = Array.from({ length: 10_000 }, (_, i) => `#define M${i + 1} M${i}`).join('\n');
    const { errors, ms } = cc(`#define M0 1\n${defs}\nint x = M10000;\n`);
    expect(errors).toEqual([expect.stringMatching(/^\d+:15: macro expansion too large/)]);
    expect(ms).toBeLessThan(20_000);
  });

  it('macro calls nested 10,000 deep in arguments: a located error, not a stack overflow', () => {
    const { errors } = cc(`#define F(x) (x)\nint x = ${'F('.repeat(10_000)}1${')'.repeat(10_000)};\n`);
    expect(errors[0]).toMatch(/^2:\d+: macro arguments nested too deeply: more than 256 levels$/);
  });

  it('a macro using its argument twice, nested: the expansion doubles per level; stops with a located error', () => {
    const dbl = Array.from({ length: 30 }, (_, i) => `#define A${i + 1} A${i}+A${i}`).join('\n');
    expect(cc(`#define A0 1\n${dbl}\nint x = A30;\n`).errors[0]).toMatch(/^\d+:\d+: macro expansion too large/);
    const { errors, ms } = cc(`#define F(x) F(x) + x\nint x = ${'F('.repeat(200)}1${')'.repeat(200)};\n`);
    expect(errors[0]).toMatch(/^2:\d+: macro expansion too large/);
    expect(ms).toBeLessThan(20_000);
  });

  it('#if with 10,000 parentheses, unary operators or ?: arms: a located error', () => {
    for (const e of [`${'('.repeat(10_000)}1${')'.repeat(10_000)}`, `${'- '.repeat(10_000)}1`, `${'1 ? 1 : '.repeat(10_000)}1`]) {
      expect(cc(`#if ${e}\nint x;\n#endif\n`).errors[0]).toMatch(/^1:\d+: #if expression nesting too deep: more than 512 levels$/);
    }
  });

  it('a file including itself stops at depth 200 (a guarded one compiles)', () => {
    expect(cc('#include "fuzz.c"\nint x;\n').errors).toEqual(['1:2: #include nested depth 200 exceeds maximum']);
    expect(cc('#ifndef G\n#define G\n#include "fuzz.c"\n#endif\nint x;\n').errors).toEqual([]);
  });

  it('arrays over 2^31-1 bytes and alignments over 2^16 are refused (the assembler refused the output)', () => {
    expect(cc('char b[0x10000][0x10000];\n').errors).toEqual(['1:8: size of array is too large']);
    expect(cc('int c[0x20000000];\n').errors).toEqual(['1:7: size of array is too large']);
    expect(cc('_Alignas(1 << 30) char y;\n').errors).toEqual(['1:1: requested alignment 1073741824 exceeds the maximum 65536']);
    expect(cc('char z __attribute__((aligned(1 << 20)));\n').errors[0]).toMatch(/requested alignment 1048576 exceeds the maximum 65536/);
    expect(cc('char a[0x7fffffff]; _Alignas(65536) char y;\n').errors).toEqual([]);
  });
});

describe('as', () => {
  it('10,000 nested parentheses or unary operators: a located error, not a stack overflow', () => {
    expect(as(` li a0, ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n`)).toEqual(['1:1009: expression nested too deeply (more than 1000 levels)']);
    expect(as(` .word ${'~'.repeat(10_000)}1\n`)).toEqual(['1:1008: expression nested too deeply (more than 1000 levels)']);
  });

  it('a chain of 2,100 .set symbols, each defined by the previous: a located error', () => {
    const chain = Array.from({ length: 2100 }, (_, i) => ` .set s${i + 1}, s${i} + 1\n`).join('');
    const errors = as(`${chain} .set s0, 1\n .word s2100\n`);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/^\d+:\d+: expression too deep to evaluate \(more than 2000 levels/);
  });

  it('nested .rept blocks multiplying to 10^10 lines stop with one located error', () => {
    expect(as(' .rept 100000\n .rept 100000\n nop\n .endr\n .endr\n')).toEqual(['2:8: .rept expands to too many lines (more than 500000 in all)']);
  });

  it('a .rept of bad lines stops after 1000 errors (400,000 of them took 20 s: fuzz seed 777, input 1622)', () => {
    const t = performance.now();
    const errors = as(" .rept 100000\n  .align .rept  flw 100000\n nopx32.endr\n 4\n\t.globl g2\n\t.set g2, loc\nloc:\tnop\n.endr\n");
    expect(errors).toHaveLength(1001);
    expect(errors[1000]).toMatch(/^\d+:\d+: too many errors \(1000\); stopping$/);
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('.space, .zero and .fill past the section limit are located errors (they allocated gigabytes)', () => {
    expect(as(' .space 0x7fffffff\n')).toEqual(["1:9: section '.text' would grow past 67108864 bytes (by 2147483647 at 0)"]);
    expect(as(' nop\n .zero 0xffffffff\n')).toEqual(["2:8: section '.text' would grow past 67108864 bytes (by 4294967295 at 4)"]);
    expect(as(' .fill 0x7fffffff, 8, 1\n')).toEqual(["1:8: section '.text' would grow past 67108864 bytes (by 17179869176 at 0)"]);
    // .bss only counts: 1 GiB of it is fine.
    expect(as(' .bss\n .space 0x40000000\n')).toEqual([]);
  });
});

describe('objdump', () => {
  it("a code section whose sh_size passes the end of the file: an ElfFormatError naming it (it ran out of memory)", () => {
    const object = assemble(' nop\n ret\n', 'x.s').object!;
    const bytes = object.slice();
    const elf = readElf(bytes);
    // As the fuzzer left it: the null section header (which the ELF reader does not bound-check) turned
    // into an executable section of 68 MB at an offset past the end of a 1 KB file.
    const view = new DataView(bytes.buffer);
    const null0 = elf.header.shoff;
    view.setUint32(null0 + Shdr.TYPE, 0x90734c30, true);
    view.setUint32(null0 + Shdr.FLAGS, 0x50730025, true);
    view.setUint32(null0 + Shdr.OFFSET, 0x1c0000, true);
    view.setUint32(null0 + Shdr.SIZE, 0x4170000, true);
    expect(() => objdumpDisassemble('x.o', bytes)).toThrow(ElfFormatError);
    expect(() => objdumpDisassemble('x.o', bytes)).toThrow(/^section 0 \(\): sh_offset 0x1c0000 \+ sh_size 0x4170000 extends past the end of the file \(0x[0-9a-f]+ bytes\)$/);
  });
});

describe('ar', () => {
  it('a member with an empty name survives a rewrite (its short header read back as the symbol index)', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const back = readArchive(writeArchive([{ name: '', bytes }, { name: 'b.o', bytes }], true));
    expect(back.members.map((m) => m.name)).toEqual(['', 'b.o']);
    expect([...back.members[0].bytes]).toEqual([1, 2, 3, 4]);
  });
});

describe('CLI internal errors', () => {
  it('are one line naming the tool and the exception, with the stack only on request', () => {
    const e = new TypeError('x is undefined');
    expect(formatInternalError('pagoda ld', e)).toBe(
      'pagoda ld: internal error: TypeError: x is undefined (this is a bug; PAGODA_DEBUG=1 shows where)',
    );
    expect(formatInternalError('pagoda ld', e, true).split('\n').length).toBeGreaterThan(1);
  });
});

describe('ld', () => {
  it('an odd attribute tag below 32 (read back as a string) is written back, not looped on (ld seed 20261207 index 170)', () => {
    const obj = assemble('\t.attribute arch, "rv32i2p1"\n\t.globl _start\n_start:\n\tret\n', 'odd.s').object!;
    const at = new TextDecoder('latin1').decode(obj).indexOf('\x05rv32i2p1\0');
    expect(at).toBeGreaterThan(0);
    obj[at] = 7; // the arch string now sits under tag 7, which the encoder knew only as a number tag
    const r = link([{ name: 'odd.o', bytes: obj }]);
    expect(r.executable).toBeDefined();
    expect(new TextDecoder('latin1').decode(r.executable!)).toContain('\x07rv32i2p1\0');
  });
});
