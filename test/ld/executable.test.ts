import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readElf, readRelocations } from '../../abi/elfread.js';
import { PhType } from '../../abi/elf.js';
import {
  GCC,
  START_AND_SYSCALLS,
  gas,
  gccObject,
  gnuLink,
  hasGas,
  hasGcc,
  hasGld,
  hasQemu,
  hasReadelf,
  linkOk,
  noteMissing,
  readelfAll,
  runQemu,
  symbolAddress,
  tempDir,
} from './tools.js';

/** The PT_LOAD program headers (PT_RISCV_ATTRIBUTES comes first when the inputs have attributes). */
const loads = (exe: Uint8Array) => readElf(exe).programHeaders.filter((p) => p.type === PhType.LOAD);

noteMissing('executable layout tests (riscv64-unknown-elf-as)', hasGas);
noteMissing('readelf checks (riscv64-unknown-elf-readelf)', hasReadelf);
noteMissing('run tests (qemu-riscv32, riscv64-unknown-elf-gcc, riscv64-unknown-elf-ld)', hasQemu && hasGcc && hasGld);

const HELLO = `
  .globl _start
_start:
  li a0, 1
  lui a1, %hi(msg)
  addi a1, a1, %lo(msg)
  li a2, 6
  li a7, 64
  ecall
  lui t0, %hi(counter)
  lw a0, %lo(counter)(t0)
  li a7, 93
  ecall
  .section .rodata
msg: .ascii "hello\\n"
  .data
counter: .word 7
  .bss
scratch: .space 100
`;

describe.skipIf(!hasGas)('executable layout', () => {
  const dir = tempDir();
  const exe = linkOk([{ name: 'hello.o', bytes: gas(dir, 'hello', HELLO) }]);
  const elf = readElf(exe);

  it('is a static RISC-V ET_EXEC entered at _start', () => {
    expect(elf.header.type).toBe(2);
    expect(elf.header.machine).toBe(243);
    expect(elf.header.entry).toBe(symbolAddress(exe, '_start'));
    expect(elf.header.flags & 0x6).toBe(0); // soft-float
  });

  it('has R-X, R-- and RW- PT_LOAD segments, page aligned, offsets congruent to addresses, never W+X', () => {
    const loads = elf.programHeaders.filter((p) => p.type === 1);
    expect(loads.map((p) => p.flags)).toEqual([5, 4, 6]);
    for (const p of loads) {
      expect(p.align).toBe(0x1000);
      expect(p.offset % 0x1000).toBe(p.vaddr % 0x1000);
      expect(p.flags & 3).not.toBe(3);
    }
    const [text, ro, data] = loads;
    expect(text.offset).toBe(0); // headers mapped: AT_PHDR points into the image
    expect(ro.vaddr % 0x1000).toBe(0);
    expect(data.vaddr % 0x1000).toBe(0);
    expect(data.memsz - data.filesz).toBeGreaterThanOrEqual(100); // bss in memsz only
  });

  it('places .text at 0x10000, then .rodata, .data and .bss in their segments', () => {
    const sec = (n: string): { addr: number; size: number } => elf.sections.find((s) => s.name === n)!;
    expect(sec('.text').addr).toBe(0x10000);
    expect(sec('.rodata').addr).toBe(0x11000);
    expect(sec('.data').addr).toBe(0x12000);
    expect(sec('.bss').addr).toBe(0x12004);
    expect(symbolAddress(exe, '_edata')).toBe(0x12004);
    expect(symbolAddress(exe, '__bss_start')).toBe(0x12004);
    expect(symbolAddress(exe, '_end')).toBe(0x12068);
    expect(symbolAddress(exe, 'end')).toBe(0x12068);
    expect(symbolAddress(exe, '__global_pointer$')).toBe(0x12800);
  });

  it('omits empty segments', () => {
    const onlyText = linkOk([{ name: 't.o', bytes: gas(dir, 't', '.globl _start\n_start: ret\n') }]);
    expect(loads(onlyText).map((p) => p.flags)).toEqual([5]);
  });

  it('moves .text with -Ttext and still maps the headers', () => {
    const moved = linkOk([{ name: 'hello.o', bytes: gas(dir, 'hello', HELLO) }], { textAddress: 0x400000 });
    expect(symbolAddress(moved, '_start')).toBe(0x400000);
    expect(loads(moved)[0]).toMatchObject({ offset: 0, vaddr: 0x3ff000 });
    const unaligned = linkOk([{ name: 'hello.o', bytes: gas(dir, 'hello', HELLO) }], { textAddress: 0x10100 });
    expect(loads(unaligned)[0]).toMatchObject({ offset: 0, vaddr: 0x10000 });
    expect(symbolAddress(unaligned, '_start')).toBe(0x10100);
  });

  it('puts __global_pointer$ 0x800 past the start of .sdata when there is small data', () => {
    const src = '.globl _start\n_start: ret\n.data\n.word 1\n.section .sdata,"aw"\nsmall: .word 2\n';
    const e = linkOk([{ name: 's.o', bytes: gas(dir, 's', src) }]);
    expect(symbolAddress(e, '__global_pointer$')).toBe(symbolAddress(e, 'small') + 0x800);
  });

  it('orders .init_array by priority and defines the array bounds', () => {
    const src =
      '.globl _start\n_start: ret\nf1: ret\nf2: ret\nf3: ret\n' +
      '.section .init_array,"aw"\n.word f3\n.section .init_array.00200,"aw"\n.word f2\n' +
      '.section .init_array.00100,"aw"\n.word f1\n.section .fini_array,"aw"\n.word f1\n';
    const e = linkOk([{ name: 'ia.o', bytes: gas(dir, 'ia', src) }]);
    const start = symbolAddress(e, '__init_array_start');
    expect(symbolAddress(e, '__init_array_end') - start).toBe(12);
    expect(symbolAddress(e, '__fini_array_end') - symbolAddress(e, '__fini_array_start')).toBe(4);
    const el = readElf(e);
    const ia = el.sections.find((s) => s.name === '.init_array')!;
    expect(ia.addr).toBe(start);
    const v = new DataView(e.buffer, e.byteOffset + ia.offset, 12);
    expect([0, 4, 8].map((o) => v.getUint32(o, true))).toEqual([0x10004, 0x10008, 0x1000c]);
  });

  it('drops .comment, .note.GNU-stack and .eh_frame with their relocations; .riscv.attributes is merged', () => {
    const src =
      '.globl _start\n_start: .cfi_startproc\n call _start\n ret\n .cfi_endproc\n' +
      '.section .comment\n.asciz "x"\n.section .note.GNU-stack,"",@progbits\n';
    const e = linkOk([{ name: 'cfi.o', bytes: gas(dir, 'cfi', src) }]);
    const names = readElf(e).sections.map((s) => s.name);
    expect(names).toEqual(['', '.text', '.riscv.attributes', '.symtab', '.strtab', '.shstrtab']);
  });
});

describe.skipIf(!hasGas || !hasReadelf)('readelf -a reads our executables without a warning', () => {
  it('prints no warnings for a three-segment program and a text-only one', () => {
    const dir = tempDir();
    for (const [name, src] of [
      ['hello', HELLO],
      ['tiny', '.globl _start\n_start: ret\n'],
    ]) {
      const exe = linkOk([{ name: name + '.o', bytes: gas(dir, name, src) }]);
      const out = readelfAll(dir, name, exe);
      expect(out.stderr).toBe('');
      expect(out.stdout).not.toMatch(/warning/i);
      expect(out.stdout).toContain('Symbol table');
    }
  });
});

const SECTION_ZOO = `
int sys_write(int fd, const void *buf, int len);
int tentative;
static int small_bss;
int data_var = 5;
const char *ro = "ro string";
long long q = 7;
static void say(const char *s) { int n = 0; while (s[n]) n++; sys_write(1, s, n); }
/* Priority 101 goes to .init_array.00101, which runs before the default .init_array (and its destructor,
 * in .fini_array.00101, after the default .fini_array's). */
__attribute__((constructor(101))) static void early(void) { say("early ctor\\n"); small_bss = 10; }
__attribute__((constructor)) static void ctor(void) { say("ctor\\n"); small_bss += 1; }
__attribute__((destructor)) static void dtor(void) { say(small_bss == 11 ? "dtor\\n" : "dtor: small_bss changed\\n"); }
__attribute__((destructor(101))) static void late(void) { say("late dtor\\n"); }
int main(int c) { say("main\\n"); return (int)(q / c) + tentative + data_var + small_bss + ro[0]; }
`;

/**
 * Start-up code that does what a libc's does around main: runs .init_array in order before it and
 * .fini_array in reverse after it (the linker's __init_array_start/end and __fini_array_start/end), then
 * exits with main's result.
 */
const START_WITH_ARRAYS = `
  .text
  .globl _start
_start:
  lui gp, %hi(__global_pointer$)
  addi gp, gp, %lo(__global_pointer$)
  lw s0, 0(sp)
  addi s1, sp, 4
  lui s2, %hi(__init_array_start)
  addi s2, s2, %lo(__init_array_start)
  lui s3, %hi(__init_array_end)
  addi s3, s3, %lo(__init_array_end)
1:
  bgeu s2, s3, 2f
  lw t0, 0(s2)
  jalr t0
  addi s2, s2, 4
  j 1b
2:
  mv a0, s0
  mv a1, s1
  call main
  mv s0, a0
  lui s2, %hi(__fini_array_start)
  addi s2, s2, %lo(__fini_array_start)
  lui s3, %hi(__fini_array_end)
  addi s3, s3, %lo(__fini_array_end)
3:
  bgeu s2, s3, 4f
  addi s3, s3, -4
  lw t0, 0(s3)
  jalr t0
  j 3b
4:
  mv a0, s0
  li a7, 93
  ecall
  .globl sys_write
sys_write:
  li a7, 64
  ecall
  ret
`;

describe.skipIf(!hasGas || !hasGcc || !hasReadelf || !hasQemu || !hasGld)('a C file with every kind of section', () => {
  it('links with libgcc into an executable readelf accepts, whose constructors and destructors run in order', () => {
    const dir = tempDir();
    const libgcc = execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-print-libgcc-file-name'], {
      encoding: 'utf8',
    }).trim();
    gas(dir, 'crt', START_WITH_ARRAYS);
    const obj = gccObject(dir, 'zoo', SECTION_ZOO, ['-fcommon', '-msmall-data-limit=8']);
    const exe = linkOk([
      { name: 'crt.o', bytes: readFileSync(join(dir, 'crt.o')) },
      { name: 'zoo.o', bytes: obj },
      { name: 'libgcc.a', bytes: readFileSync(libgcc) },
    ]);
    const names = readElf(exe).sections.map((s) => s.name);
    expect(names.filter((n) => !n.startsWith('.debug_'))).toEqual(['', '.text', '.rodata', '.init_array', '.fini_array',
      '.sdata', '.sbss', '.bss', '.riscv.attributes', '.symtab', '.strtab', '.shstrtab']);
    // libgcc's members carry DWARF: kept (not loaded) and relocated as GNU ld does, and readelf reads it cleanly
    expect(names).toContain('.debug_info');
    const out = readelfAll(dir, 'zoo', exe);
    const dwarf = spawnSync('riscv64-unknown-elf-readelf', ['--debug-dump=info,rawline,frames,aranges', join(dir, 'zoo')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(dwarf.stderr).toBe('');
    expect(out.stderr).toBe('');
    expect(out.stdout).not.toMatch(/warning/i);
    // 7 / 3 + 0 + 5 + (10 + 1) + 'r': the status needs both constructors, the output every function.
    const expected = { stdout: 'early ctor\nctor\nmain\ndtor\nlate dtor\n', status: 2 + 0 + 5 + 11 + 'r'.charCodeAt(0) };
    expect(runQemu(dir, 'zoo.ours', exe, ['a', 'b'])).toEqual(expected);
    const theirs = gnuLink(dir, 'zoo.gnu', [join(dir, 'crt.o'), join(dir, 'zoo.o'), libgcc], false);
    expect(runQemu(dir, 'zoo.theirs', theirs, ['a', 'b'])).toEqual(expected);
  });
});

describe.skipIf(!hasGas || !hasQemu)('programs linked by us run under qemu-riscv32', () => {
  it('prints and exits with the status from .data', () => {
    const dir = tempDir();
    const exe = linkOk([{ name: 'hello.o', bytes: gas(dir, 'hello', HELLO) }]);
    expect(runQemu(dir, 'hello', exe)).toEqual({ stdout: 'hello\n', status: 7 });
  });
});

const C_PROGRAM = `
int sys_write(int fd, const void *buf, int len);
static char buf[64];
static int counter = 3;
int squares[8];
const char *names[] = { "zero", "one", "two", "three" };
static int put(const char *s) { int n = 0; while (s[n]) n++; return sys_write(1, s, n); }
static char *utoa(unsigned v, char *p) { char t[12]; int n = 0; do { t[n++] = '0' + v % 10; v /= 10; } while (v);
  while (n) *p++ = t[--n]; *p = 0; return p; }
int main(int argc, char **argv) {
  for (int i = 0; i < 8; i++) squares[i] = i * i * counter;
  char *p = utoa(squares[7], buf); *p++ = ' '; p = utoa(argc, p); *p++ = '\\n'; *p = 0;
  put(buf); put(names[counter]); put("\\n");
  switch (argc) { case 1: put("one arg\\n"); break; case 2: put("two\\n"); break; case 3: put("three\\n"); break;
    case 4: put("four\\n"); break; case 5: put("five\\n"); break; default: put("many\\n"); }
  return counter + 40;
}
`;

const C_DIVISION = `
int sys_write(int fd, const void *buf, int len);
volatile unsigned long long big = 123456789012345ULL;
volatile long long neg = -98765432109LL;
static void put_u64(unsigned long long v) { char t[24]; int n = 0; do { t[n++] = '0' + (int)(v % 10); v /= 10; } while (v);
  char o[24]; int k = 0; while (n) o[k++] = t[--n]; o[k++] = '\\n'; sys_write(1, o, k); }
int main(void) { put_u64(big / 1000003); put_u64(big % 1000003); put_u64((unsigned long long)(neg / 7 * -1)); return 0; }
`;

const C_HARD_FLOAT = `
int sys_write(int fd, const void *buf, int len);
static double pos[3] = { 1.0, -2.5, 0.125 };
volatile float scale = 1.75f;
static void put_int(long long v) { char t[24]; int n = 0; unsigned long long u = v < 0 ? -v : v;
  do { t[n++] = '0' + (int)(u % 10); u /= 10; } while (u); if (v < 0) t[n++] = '-';
  char o[26]; int k = 0; while (n) o[k++] = t[--n]; o[k++] = '\\n'; sys_write(1, o, k); }
static double norm2(const double *p) { return p[0] * p[0] + p[1] * p[1] + p[2] * p[2]; }
int main(void) {
  double e = 0;
  for (int i = 0; i < 100; i++) { for (int k = 0; k < 3; k++) pos[k] = pos[k] * 0.99 + scale * 0.01; e += norm2(pos); }
  put_int((long long)(e * 1000.0));
  put_int((long long)(pos[1] * 1e9));
  put_int((int)(scale * 3.0f));
  return (int)e & 0x7f;
}
`;

describe.skipIf(!hasGas || !hasGcc || !hasGld || !hasQemu)('hard-float (ilp32d) objects', () => {
  const dir = tempDir();
  const hard = ['-march=rv32imafd', '-mabi=ilp32d'];
  const start = gas(dir, 'crtd', START_AND_SYSCALLS, hard);
  const obj = gccObject(dir, 'hardfloat', C_HARD_FLOAT, hard);
  const libgcc = execFileSync(GCC, [...hard, '-print-libgcc-file-name'], { encoding: 'utf8' }).trim();

  it('link into a double-float executable (e_flags 0x4) that runs under qemu like the GNU-linked one', () => {
    const ours = linkOk([
      { name: 'crtd.o', bytes: start }, { name: 'hardfloat.o', bytes: obj }, { name: 'libgcc.a', bytes: readFileSync(libgcc) },
    ]);
    expect(readElf(ours).header.flags).toBe(0x4);
    const theirs = gnuLink(dir, 'hardfloat.gnu', [join(dir, 'crtd.o'), join(dir, 'hardfloat.o'), libgcc], false);
    const run = runQemu(dir, 'hardfloat.ours', ours);
    expect(run.stdout.split('\n').length).toBe(4);
    expect(run).toEqual(runQemu(dir, 'hardfloat.theirs', theirs));
  });
});

describe.skipIf(!hasGas || !hasGcc || !hasGld || !hasQemu)('gcc-compiled C with our linker versus GNU ld', () => {
  const dir = tempDir();
  const start = gas(dir, 'crt', START_AND_SYSCALLS);

  function both(name: string, src: string, libs: string[] = []): { ours: Uint8Array; theirs: Uint8Array } {
    const obj = gccObject(dir, name, src);
    const libInputs = libs.map((l) => ({ name: l, bytes: new Uint8Array(readFileSync(l)) }));
    const ours = linkOk([{ name: 'crt.o', bytes: start }, { name: name + '.o', bytes: obj }, ...libInputs]);
    const theirs = gnuLink(dir, name + '.gnu', [join(dir, 'crt.o'), join(dir, name + '.o'), ...libs], false);
    return { ours, theirs };
  }

  it('prints the same and exits with the same status (data, rodata, bss, switch tables)', () => {
    const { ours, theirs } = both('prog', C_PROGRAM);
    for (const args of [[], ['a'], ['a', 'b', 'c', 'd', 'e', 'f']]) {
      const a = runQemu(dir, 'prog.ours', ours, args);
      expect(a).toEqual(runQemu(dir, 'prog.theirs', theirs, args));
      expect(a.status).toBe(43);
    }
  });

  it('links relaxable gcc output (R_RISCV_RELAX, R_RISCV_ALIGN) without relaxing it, and it still runs', () => {
    const obj = gccObject(dir, 'relaxed', C_PROGRAM, ['-mrelax', '-falign-functions=16', '-falign-loops=16']);
    const types = new Set<number>();
    const elf = readElf(obj);
    for (const s of elf.sections) if (s.type === 4) readRelocations(elf, s).forEach((r) => types.add(r.type));
    expect(types.has(51)).toBe(true); // RELAX
    expect(types.has(43)).toBe(true); // ALIGN
    const ours = linkOk([{ name: 'crt.o', bytes: start }, { name: 'relaxed.o', bytes: obj }]);
    const theirs = gnuLink(dir, 'relaxed.gnu', [join(dir, 'crt.o'), join(dir, 'relaxed.o')], false);
    expect(runQemu(dir, 'relaxed.ours', ours, ['x'])).toEqual(runQemu(dir, 'relaxed.theirs', theirs, ['x']));
  });

  it('links against gcc libgcc.a for 64-bit division', () => {
    const libgcc = execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-print-libgcc-file-name'], {
      encoding: 'utf8',
    }).trim();
    const { ours, theirs } = both('div', C_DIVISION, [libgcc]);
    const a = runQemu(dir, 'div.ours', ours);
    expect(a).toEqual(runQemu(dir, 'div.theirs', theirs));
    expect(a.stdout.split('\n').slice(0, 3)).toEqual([
      String(123456789012345n / 1000003n),
      String(123456789012345n % 1000003n),
      String((-98765432109n / 7n) * -1n),
    ]);
  });

  it('the same sections carry the same bytes as GNU ld with an identical layout', () => {
    // GNU ld merges SHF_MERGE strings (we do not), so compile without mergeable constants here.
    const obj = gccObject(dir, 'same', C_PROGRAM, ['-fno-merge-constants']);
    const ours = linkOk([{ name: 'crt.o', bytes: start }, { name: 'same.o', bytes: obj }]);
    const theirs = gnuLink(dir, 'same.gnu', [join(dir, 'crt.o'), join(dir, 'same.o')], true);
    const text = (b: Uint8Array, n: string): string => {
      const e = readElf(b);
      const s = e.sections.find((x) => x.name === n)!;
      return Buffer.from(b.subarray(s.offset, s.offset + s.size)).toString('hex');
    };
    for (const n of ['.text', '.rodata', '.data']) expect(text(ours, n), n).toBe(text(theirs, n));
  });
});
