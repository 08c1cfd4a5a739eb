// Page and Sv32 page-table arithmetic, defined once for every layer that does it: the MMU's walk, the
// kernel's page tables and user copies, the loader's segment plan, the linker's layout, the page's memory
// view and the benchmarks' hand-built tables (RISC-V Privileged ISA 4.3).
//   va:  | VPN[1] 31:22 | VPN[0] 21:12 | offset 11:0 |
//   PTE: | PPN 31:10 | RSW 9:8 | D A G U X W R V |
// Addresses are plain numbers below 2^32; nothing here checks ranges. This file imports only abi/.

import { PAGE_SHIFT, PAGE_SIZE, Pte } from './riscv.js';

/** `n` rounded up to a multiple of `align` (> 0); exact for n < 2^53. */
export const alignUp = (n: number, align: number): number => Math.ceil(n / align) * align;
/** `n` (0 <= n < 2^32) rounded down to a page boundary. */
export const pageDown = (n: number): number => n - (n % PAGE_SIZE);
/** `n` rounded up to a page boundary; may return 2^32 for n near the top (callers check). */
export const pageUp = (n: number): number => alignUp(n, PAGE_SIZE);
/** The byte offset of `va` inside its page. */
export const pageOffset = (va: number): number => (va >>> 0) % PAGE_SIZE;
/** Bytes from `a` to the end of its page (1..PAGE_SIZE). */
export const bytesToPageEnd = (a: number): number => PAGE_SIZE - pageOffset(a);
/** Pages in [start, end), both page aligned. */
export const pagesIn = (start: number, end: number): number => (end - start) / PAGE_SIZE;
/** The number of the 4 KiB page (virtual) or frame (physical) holding address `a`. */
export const pageNumber = (a: number): number => (a >>> 0) >>> PAGE_SHIFT;

/** VPN[1]: the index into the root table (a 4 MiB slice of the address space). */
export const vpn1 = (va: number): number => va >>> 22;
/** VPN[0]: the index into a second-level table. */
export const vpn0 = (va: number): number => (va >>> 12) & 0x3ff;

/** The physical page number a PTE holds. */
export const ptePpn = (pte: number): number => pte >>> Pte.PPN_SHIFT;
/** The physical address a PTE points at: the next table, or the frame of a 4 KiB leaf. */
export const ptePa = (pte: number): number => ptePpn(pte) * PAGE_SIZE;
/** A PTE (unsigned) pointing at page-aligned physical address `pa` with `flags` (V is the caller's). */
export const makePte = (pa: number, flags: number): number => ((pageNumber(pa) << Pte.PPN_SHIFT) | flags) >>> 0;
