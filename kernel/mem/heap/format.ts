// /proc/PID/heap: a summary, a blank line, then one line per block in address order.
//   policy: dl
//   heap: 0x00025000-0x00035000                       (the span of the break area the heap uses; mapped blocks lie elsewhere)
//   blocks: 41 used 30 free 5 cached 4 top 1 mmapped 1 gap 0
//   in use: 20480 bytes                                (summary.ts says what each figure counts)
//   free: 40960 bytes
//   cached: 96 bytes
//   largest free: 36864 bytes
//   fragmentation: 10.0%
//   class <=16: used 3 free 0                          (one line per size class from the smallest to the largest seen)
//   corrupt at 0x00025010: chunk size 0 is out of range (heap ends at 0x35000)   (one line per finding, if any)
//
//   0x00025008 32 used
//   0x00025028 48 free bin 6                           (address of the block's header, its size in bytes, its state,
//   0x00025058 24 cached fast 3                         the list it is on: bin N, fast N, list, quick N, order N)
// A process whose libc registered nothing has "policy: none" and no blocks.

import { BLOCK_STATE_NAMES, listLabel, type HeapWalk } from './blocks.js';
import { sizeClassLimit, summarize } from './summary.js';

const hex8 = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');

/** The summary lines of `w` (each ending in a newline). */
export function formatHeapSummary(w: HeapWalk): string {
  const s = summarize(w.blocks);
  const lines = [
    `policy: ${w.policy}`,
    `heap: ${hex8(w.start)}-${hex8(w.end)}`,
    `blocks: ${w.blocks.count} ` + BLOCK_STATE_NAMES.map((name, i) => `${name} ${s.counts[i]}`).join(' '),
    `in use: ${s.inUseBytes} bytes`,
    `free: ${s.freeBytes} bytes`,
    `cached: ${s.cachedBytes} bytes`,
    `largest free: ${s.largestFree} bytes`,
    `fragmentation: ${s.fragmentation.toFixed(1)}%`,
  ];
  for (let c = 0; c < s.classUsed.length; c++) {
    if (s.classUsed[c] + s.classFree[c] > 0) lines.push(`class <=${sizeClassLimit(c)}: used ${s.classUsed[c]} free ${s.classFree[c]}`);
  }
  for (const f of w.corrupt) lines.push(`corrupt at ${hex8(f.addr)}: ${f.what}`);
  return lines.map((l) => l + '\n').join('');
}

/** The whole /proc/PID/heap text of `w`. */
export function formatHeap(w: HeapWalk): string {
  const b = w.blocks;
  const rows: string[] = [formatHeapSummary(w), '\n'];
  for (let i = 0; i < b.count; i++) {
    const where = listLabel(b.list[i]);
    rows.push(`${hex8(b.addr[i])} ${b.size[i]} ${BLOCK_STATE_NAMES[b.state[i]]}${where ? ' ' + where : ''}\n`);
  }
  return rows.join('');
}
