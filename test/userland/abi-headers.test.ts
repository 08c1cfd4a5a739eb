// The libc headers must agree with abi/, the one source of truth for the numbers the kernel and
// the C library share: syscall numbers, errno values, signal numbers, mmap flags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSCALL_NAMES } from '../../abi/syscalls.js';
import { ERRNO_NAMES } from '../../abi/errno.js';
import { SIGNAL_NAMES } from '../../abi/signals.js';

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
    expect(mman.get('PROT_READ')).toBe(1);
    expect(mman.get('PROT_WRITE')).toBe(2);
    expect(mman.get('PROT_EXEC')).toBe(4);
    expect(mman.get('MAP_PRIVATE')).toBe(0x02);
    expect(mman.get('MAP_FIXED')).toBe(0x10);
    expect(mman.get('MAP_ANONYMOUS')).toBe(0x20);
    expect(mman.get('MAP_FIXED_NOREPLACE')).toBe(0x100000);
  });
});
