// heap_register (Pagoda's 1001): the libc says where its heap structures are, so that /proc/PID/heap and the
// page's heap panel can walk its blocks (kernel/mem/heap/). Arguments: the policy id (1 dl .. 6 quick, 0 to
// forget) and the address of a version-1 descriptor (userland/libc/malloc/heap_desc.h). The descriptor is
// checked now (magic, version, policy) and its variables are read at every walk.

import { Errno } from '../../abi/errno.js';
import { HEAP_POLICY_NAMES, readDescriptor } from '../mem/heap/descriptor.js';
import { GuestPeek } from '../mem/heap/peek.js';
import type { SysContext } from './context.js';

/** heap_register(policy, desc): 0, or -EINVAL for an unknown policy or a descriptor that does not check. */
export function sysHeapRegister(ctx: SysContext, policy: number, descVa: number): number {
  policy >>>= 0;
  descVa >>>= 0;
  if (policy === 0 && descVa === 0) {
    ctx.proc.heap = undefined;
    return 0;
  }
  if (policy >= HEAP_POLICY_NAMES.length) return -Errno.EINVAL;
  if (typeof readDescriptor(new GuestPeek(ctx.proc.space), descVa, policy) === 'string') return -Errno.EINVAL;
  ctx.proc.heap = { policy, descVa };
  return 0;
}
