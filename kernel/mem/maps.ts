// A process's regions in the format of Linux's /proc/PID/maps (fs/proc/task_mmu.c show_map_vma):
//   "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu " then, for named regions, spaces up to column 49
//   (25 + 6 * sizeof(void *) on 32-bit) and the name. Anonymous regions end after the inode's trailing space.
//   Offsets, devices and inodes are 0 until files can be mapped.

import { protString, type Region } from './region.js';

/** `%08lx`: 8 lower-case hex digits without 0x (panic.ts's hex8 is the 0x form of kernel messages). */
const hexDigits8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** One maps line for region `r` (no trailing newline). */
export function mapsLine(r: Region): string {
  const head = `${hexDigits8(r.start)}-${hexDigits8(r.end)} ${protString(r.prot)} 00000000 00:00 0 `;
  return r.name ? head.padEnd(49, ' ') + r.name : head;
}

/** The whole maps text for `regions`, one line each, in address order. */
export function formatMaps(regions: readonly Region[]): string {
  return regions.map((r) => mapsLine(r) + '\n').join('');
}
