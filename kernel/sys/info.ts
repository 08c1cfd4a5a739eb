// uname(buf): struct utsname, six fields of 65 bytes each (sysname, nodename, release, version, machine,
// domainname).

import { copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';

const FIELD = 65;
/** The uname fields, in struct order. */
export const UTSNAME = ['Pagoda', 'pagoda', '0.1.0', '#1 Pagoda', 'riscv32', '(none)'];

/** uname(buf): 0 or -EFAULT. */
export function sysUname(ctx: SysContext, buf: number): number {
  const out = new Uint8Array(FIELD * UTSNAME.length);
  const enc = new TextEncoder();
  UTSNAME.forEach((s, i) => out.set(enc.encode(s).subarray(0, FIELD - 1), i * FIELD));
  return copyOut(ctx.proc.space, buf, out);
}
