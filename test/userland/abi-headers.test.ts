// The libc headers must agree with abi/, the one source of truth for the numbers the kernel and the C library
// share: syscall numbers, errno values, signals and sigaction flags, wait options, open/at/fcntl flags,
// file-type bits, lseek/access/clock/ioctl values, mmap flags. Every value is compared with what abi/ exports, never with a literal written here; and every number a
// covered header defines must come from abi/ (a constant added to a header alone fails here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRNO_NAMES } from '../../abi/errno.js';
import * as fcntl from '../../abi/fcntl.js';
import * as mman from '../../abi/mman.js';
import * as signals from '../../abi/signals.js';
import * as stat from '../../abi/stat.js';
import * as termios from '../../abi/termios.js';
import * as time from '../../abi/time.js';
import * as unistd from '../../abi/unistd.js';
import { SYSCALL_NAMES } from '../../abi/syscalls.js';
import * as wait from '../../abi/wait.js';

const LIBC = join(import.meta.dirname, '../../userland/libc');

/** A C integer constant: 0x hex, 0 octal or decimal, with an optional sign and u/l suffixes. */
function cInteger(text: string): number {
  const m = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*$/.exec(text);
  if (!m) throw new Error(`not a C integer: ${text}`);
  const digits = m[2];
  const value = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0' ? parseInt(digits, 8) : Number(digits);
  return m[1] ? -value : value;
}

/**
 * Every object-like `#define NAME value` of a header whose value is a number (possibly parenthesised or cast,
 * as `(-100)` or `((sighandler_t)1)`), as a name -> value map. Function-like macros and aliases are skipped.
 */
function defines(header: string): Map<string, number> {
  const out = new Map<string, number>();
  const text = readFileSync(join(LIBC, header), 'utf8');
  for (const m of text.matchAll(/^#define[ \t]+(\w+)[ \t]+([^\n]*?)[ \t]*(?:\/\*.*)?$/gm)) {
    const value = /^\(*(?:\([\w\s*]+\))?(-?\w+)\)*$/.exec(m[2]);
    if (value && /^-?[0-9]/.test(value[1])) out.set(m[1], cInteger(value[1]));
  }
  return out;
}

/** The numeric exports of an abi/ module, by name. */
const numbersOf = (module: object): Map<string, number> =>
  new Map(Object.entries(module).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** Values compared as 32-bit words: MAP_FAILED is -1 in C and 0xffffffff in abi/. */
const word = (v: number | undefined): number | undefined => (v === undefined ? undefined : v >>> 0);

/** Every number `header` defines, except `libcOnly`, has the same value in `abi`. */
function expectHeaderFromAbi(header: string, abi: Map<string, number>, libcOnly: readonly string[] = []): void {
  const defs = defines(header);
  expect(defs.size).toBeGreaterThan(0);
  for (const [name, value] of defs) {
    if (libcOnly.includes(name)) continue;
    expect(`${name}=${word(abi.get(name))}`, `${header}: ${name} is not in abi/ or differs`).toBe(`${name}=${word(value)}`);
  }
}

/** Every constant of `abi` is defined by `header`, with the same value. */
function expectAbiInHeader(header: string, abi: Map<string, number>): void {
  const defs = defines(header);
  for (const [name, value] of abi) expect(`${name}=${word(defs.get(name))}`, `${header} lacks ${name}`).toBe(`${name}=${word(value)}`);
}

describe('libc headers and abi/', () => {
  it('reads C constants the way a C compiler does (octal, hex, casts), so the comparisons below mean something', () => {
    expect([cInteger('0100'), cInteger('0x1f'), cInteger('00'), cInteger('-100'), cInteger('4096UL')]).toEqual([64, 31, 0, -100, 4096]);
    const fcntlH = defines('include/fcntl.h');
    expect(fcntlH.get('O_CREAT')).toBe(0o100);
    expect(fcntlH.get('AT_FDCWD')).toBe(-100);
    expect(defines('include/signal.h').get('SIG_IGN')).toBe(1);
  });

  it('defines SYS_<name> for every system call in abi/syscalls.ts, with its number', () => {
    const sys = defines('arch/riscv32/syscall_arch.h');
    for (const [num, name] of Object.entries(SYSCALL_NAMES)) expect(sys.get(`SYS_${name}`), name).toBe(Number(num));
    for (const [name, num] of sys) {
      if (name.startsWith('SYS_')) expect(SYSCALL_NAMES[num], name).toBe(name.slice(4));
    }
  });

  it('gives every errno of abi/errno.ts the same value in errno.h', () => {
    const errno = defines('include/errno.h');
    for (const [num, name] of Object.entries(ERRNO_NAMES)) expect(errno.get(name), name).toBe(Number(num));
  });

  it('signal.h: every signal, disposition, sigprocmask operation and sigaction flag is abi/signals.ts', () => {
    const abi = numbersOf(signals);
    for (const [num, name] of Object.entries(signals.SIGNAL_NAMES)) abi.set(name, Number(num));
    expectAbiInHeader('include/signal.h', abi);
    // SIG_ERR is the C library's error return, never seen by the kernel.
    expectHeaderFromAbi('include/signal.h', abi, ['SIG_ERR']);
  });

  it('sys/wait.h: the wait options and id types are abi/wait.ts', () => {
    const abi = numbersOf(wait);
    expectHeaderFromAbi('include/sys/wait.h', abi);
    // CLD_* (waitid's si_code) have no place in sys/wait.h; every other constant must be there.
    expectAbiInHeader('include/sys/wait.h', new Map([...abi].filter(([name]) => !name.startsWith('CLD_'))));
  });

  it('fcntl.h: open, *at and fcntl flags are abi/fcntl.ts, both ways', () => {
    const abi = numbersOf(fcntl);
    expectHeaderFromAbi('include/fcntl.h', abi);
    expectAbiInHeader('include/fcntl.h', abi);
  });

  it('sys/stat.h: the file-type bits are abi/stat.ts, both ways', () => {
    const abi = numbersOf(stat);
    expectHeaderFromAbi('include/sys/stat.h', abi);
    expectAbiInHeader('include/sys/stat.h', abi);
  });

  it('unistd.h: standard descriptors, lseek whence and access modes are abi/unistd.ts, both ways; stdio.h agrees', () => {
    const abi = numbersOf(unistd);
    expectHeaderFromAbi('include/unistd.h', abi);
    expectAbiInHeader('include/unistd.h', abi);
    // stdio.h's own constants (BUFSIZ, _IOFBF...) are the C library's; its SEEK_* must be abi/'s.
    const seek = new Map([...abi].filter(([name]) => name.startsWith('SEEK_')));
    expectAbiInHeader('include/stdio.h', seek);
  });

  it('time.h: the clock ids and TIMER_ABSTIME are abi/time.ts, both ways', () => {
    const abi = numbersOf(time);
    expectHeaderFromAbi('include/time.h', abi, ['CLOCKS_PER_SEC', 'TIME_UTC']);
    expectAbiInHeader('include/time.h', abi);
  });

  it('sys/ioctl.h: the terminal ioctl requests are abi/termios.ts', () => {
    const abi = numbersOf(termios);
    expectHeaderFromAbi('include/sys/ioctl.h', abi);
    expectAbiInHeader('include/sys/ioctl.h', new Map([...abi].filter(([name]) => /^(TC|TIOC)/.test(name) && !/FLUSH$/.test(name))));
  });

  it('termios.h: the flag bits, c_cc indices and tcflush queues are abi/termios.ts', () => {
    // NCCS differs on purpose: the kernel's struct has 19 control characters, glibc's struct termios 32
    const abi = new Map([...numbersOf(termios)].filter(([name]) => !/^(TCGETS|TCSETS|TIOC|TCSBRK|TCFLSH|TERMIOS_BYTES|NCCS)/.test(name)));
    expect(abi.get('TCIFLUSH')).toBe(0);
    expectAbiInHeader('include/termios.h', abi);
  });

  it('sys/mman.h: the protection and flag values are abi/mman.ts', () => {
    const abi = numbersOf(mman);
    for (const [name, value] of Object.entries(mman.Prot)) if (typeof value === 'number') abi.set(`PROT_${name}`, value);
    for (const [name, value] of Object.entries(mman.MapFlags)) if (typeof value === 'number') abi.set(`MAP_${name}`, value);
    expectHeaderFromAbi('include/sys/mman.h', abi);
    for (const name of ['PROT_READ', 'PROT_WRITE', 'PROT_EXEC', 'MAP_PRIVATE', 'MAP_FIXED', 'MAP_ANONYMOUS', 'MAP_FIXED_NOREPLACE']) {
      expect(defines('include/sys/mman.h').has(name), name).toBe(true);
    }
  });
});
