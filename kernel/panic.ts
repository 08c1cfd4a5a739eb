// Kernel invariants. A failed kassert is a kernel bug, never a user error: user faults become signals and bad
// syscall arguments become -errno. The message names the site, as xv6's panic("mappages: remap") does.

/** Thrown when a kernel invariant breaks. */
export class KernelPanic extends Error {
  constructor(message: string) {
    super(`kernel panic: ${message}`);
    this.name = 'KernelPanic';
  }
}

/** Throws KernelPanic(`message`). Hot paths write `if (!cond) panic(`...`)` so the message is only built on failure. */
export function panic(message: string): never {
  throw new KernelPanic(message);
}

/** Throws KernelPanic(`message`) unless `cond` holds (for messages without interpolation). */
export function kassert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new KernelPanic(message);
}

/** `0x%08x`: lower-case hex with 0x and 8 digits, the way addresses appear in every kernel message. */
export function hex8(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}
