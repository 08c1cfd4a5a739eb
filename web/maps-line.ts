// One line of /proc/PID/maps for a region, in Linux's format on a 32-bit kernel:
//   "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu " then, for a named region, padding to column 49 and the name.
// (Linux's show_map_vma pads to 25 + 6 * sizeof(void *) - 1 = 48 columns, then writes one space.)
// The web page shows it on hover; kernel II's /proc/PID/maps should print the same (see notes/web-kernel.md).

import type { Region } from '../kernel/mem/region.js';
import { protString } from '../kernel/mem/region.js';

/** Where the name starts on a 32-bit kernel's maps line (0-based: 49 characters precede it). */
export const MAPS_NAME_COLUMN = 49;

/** File placement details regions do not carry yet (offset in bytes, device, inode); zeros when absent. */
export interface MapsFileInfo {
  offset?: number;
  major?: number;
  minor?: number;
  inode?: number;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The maps line for `r` (no newline). */
export function formatMapsLine(r: Pick<Region, 'start' | 'end' | 'prot' | 'name'>, file: MapsFileInfo = {}): string {
  const head = `${hex(r.start >>> 0, 8)}-${hex(r.end >>> 0, 8)} ${protString(r.prot)} ${hex(file.offset ?? 0, 8)} ` +
    `${hex(file.major ?? 0, 2)}:${hex(file.minor ?? 0, 2)} ${file.inode ?? 0} `;
  if (!r.name) return head;
  return head.padEnd(MAPS_NAME_COLUMN - 1, ' ') + ' ' + r.name;
}
