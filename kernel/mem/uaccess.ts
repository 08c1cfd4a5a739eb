// The only way the kernel touches user memory: through the process's page tables, with the user's
// permissions, one page at a time. An absent page inside a region is demand-faulted in exactly as the
// hardware access would have done; anything the user could not access gives -EFAULT, never a host exception.

import { Errno } from '../../abi/errno.js';
import { bytesToPageEnd, pageDown, pageOffset, ptePa } from '../../abi/pages.js';
import { Pte } from '../../abi/riscv.js';
import { Access } from '../../machine/trap.js';
import { FaultResult, type AddressSpace } from './addrspace.js';
import { KERNEL_BASE, PAGE_SIZE } from './layout.js';
import { PTE_COW } from './pagetable.js';

/**
 * Physical address of user byte `va` for a `access` (Load or Store) by the user, faulting the page in when the
 * user could; -EFAULT otherwise. Sets A (and D for stores) as the MMU would.
 */
export function userPa(as: AddressSpace, va: number, access: Access): number {
  va >>>= 0;
  if (va >= KERNEL_BASE) return -Errno.EFAULT;
  let pte = as.pageTable.lookup(va);
  if ((pte & Pte.V) === 0) {
    if (as.handleFault(va, access) !== FaultResult.MAPPED) return -Errno.EFAULT;
    pte = as.pageTable.lookup(va);
  }
  if (access === Access.Store && (pte & PTE_COW) && (pte & Pte.W) === 0) {
    // A copy-on-write page: the store the user could make would copy it first; so does the kernel's.
    if (as.handleFault(va, access) !== FaultResult.MAPPED) return -Errno.EFAULT;
    pte = as.pageTable.lookup(va);
  }
  const need = access === Access.Store ? Pte.W | Pte.U : Pte.R | Pte.U;
  if ((pte & need) !== need) return -Errno.EFAULT;
  return ptePa(pte) + pageOffset(va);
}

/** 0 when every page of [va, va+len) is accessible for `access` (faulting pages in), else -EFAULT. */
export function checkUserRange(as: AddressSpace, va: number, len: number, access: Access): number {
  va >>>= 0;
  if (len === 0) return 0;
  if (va + len > KERNEL_BASE) return -Errno.EFAULT;
  for (let page = pageDown(va); page < va + len; page += PAGE_SIZE) {
    const pa = userPa(as, Math.max(page, va), access);
    if (pa < 0) return pa;
  }
  return 0;
}

/** A copy of `len` user bytes at `va`, or -EFAULT (nothing is returned partially). */
export function copyIn(as: AddressSpace, va: number, len: number): Uint8Array | number {
  va >>>= 0;
  const out = new Uint8Array(len);
  let done = 0;
  while (done < len) {
    const pa = userPa(as, va + done, Access.Load);
    if (pa < 0) return pa;
    const n = Math.min(len - done, bytesToPageEnd(va + done));
    out.set(as.ram.u8.subarray(pa, pa + n), done);
    done += n;
  }
  return out;
}

/** Copies `bytes` to user address `va`: 0, or -EFAULT (after checking every page first, so nothing is written). */
export function copyOut(as: AddressSpace, va: number, bytes: Uint8Array): number {
  va >>>= 0;
  const ok = checkUserRange(as, va, bytes.length, Access.Store);
  if (ok < 0) return ok;
  let done = 0;
  while (done < bytes.length) {
    const pa = userPa(as, va + done, Access.Store);
    const n = Math.min(bytes.length - done, bytesToPageEnd(va + done));
    as.frames.write(pa, bytes.subarray(done, done + n));
    done += n;
  }
  return 0;
}

/**
 * The NUL-terminated user string at `va` (UTF-8 decoded), at most `max` bytes before the NUL: -EFAULT when a
 * byte before the NUL is inaccessible, -ENAMETOOLONG when no NUL comes within `max` bytes.
 */
export function copyInString(as: AddressSpace, va: number, max: number): string | number {
  va >>>= 0;
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length <= max) {
    const at = va + length;
    const pa = userPa(as, at, Access.Load);
    if (pa < 0) return pa;
    // Scan the rest of this page (at most up to the limit) for the NUL.
    const span = Math.min(bytesToPageEnd(at), max + 1 - length);
    const nul = as.ram.u8.subarray(pa, pa + span).indexOf(0);
    if (nul >= 0) {
      parts.push(as.ram.u8.subarray(pa, pa + nul));
      return decodeParts(parts, length + nul);
    }
    parts.push(as.ram.u8.subarray(pa, pa + span));
    length += span;
  }
  return -Errno.ENAMETOOLONG;
}

const utf8 = new TextDecoder();

/** The UTF-8 text of `parts` (total `length` bytes) joined. */
function decodeParts(parts: Uint8Array[], length: number): string {
  if (parts.length === 1) return utf8.decode(parts[0]);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return utf8.decode(all);
}

/** The unsigned 32-bit user word at `va` (any alignment), or -EFAULT as a negative number. */
export function copyInU32(as: AddressSpace, va: number): number {
  const b = copyIn(as, va, 4);
  if (typeof b === 'number') return b;
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
}
