// The libc headers must agree with abi/, the one source of truth for the numbers the kernel and
// the C library share: syscall numbers, errno values, signal numbers, mmap flags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSCALL_NAMES } from '../../abi/syscalls.js';
import { ERRNO_NAMES } from '../../abi/errno.js';
import { SIGNAL_NAMES } from '../../abi/signals.js';
import { MapFlags, Prot } from '../../abi/mman.js';

const LIBC = join(import.meta.dirname, '../../userland/libc');

/** Every `#define NAME number` in a header, as a name -> value map. */
function defines(header: string): Map<string, number> {
  const out = new Map<string, number>();
  const text = readFileSync(join(LIBC, header), 'utf8');
  for (const m of text.matchAll(/^#define\s+(\w+)\s+\(?(-?(?:0x[0-9a-fA-F]+|\d+))\)?\s*(?:\/\*.*)?$/gm)) {
    out.set(m[1], Number(m[2]));
  }
  return out;
}

describe('libc headers and abi/', () => {
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

  it('gives every signal of abi/signals.ts the same number in signal.h', () => {
    const sig = defines('include/signal.h');
    for (const [num, name] of Object.entries(SIGNAL_NAMES)) expect(sig.get(name), name).toBe(Number(num));
  });

  it('uses the mmap protection and flag values of abi/mman.ts', () => {
    const mman = defines('include/sys/mman.h');
    const fromAbi = (prefix: string, e: Record<string, string | number>): [string, number][] =>
      Object.entries(e).filter((kv): kv is [string, number] => typeof kv[1] === 'number').map(([n, v]) => [`${prefix}${n}`, v]);
    const abi = new Map([...fromAbi('PROT_', Prot as unknown as Record<string, number>), ...fromAbi('MAP_', MapFlags as unknown as Record<string, number>)]);
    // Every number the header defines is abi's, under the same name...
    const numeric = [...mman].filter(([name]) => name.startsWith('PROT_') || name.startsWith('MAP_'));
    expect(numeric.filter(([name, value]) => abi.get(name) !== value)).toEqual([]);
    // ...and the header has the ones a program needs.
    for (const name of ['PROT_NONE', 'PROT_READ', 'PROT_WRITE', 'PROT_EXEC', 'MAP_SHARED', 'MAP_PRIVATE', 'MAP_FIXED', 'MAP_ANONYMOUS', 'MAP_FIXED_NOREPLACE']) {
      expect(mman.get(name), name).toBe(abi.get(name));
    }
  });
});
