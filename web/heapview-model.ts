// What the heap panel shows, computed in the worker between slices: the chosen process's malloc heap block by
// block, decoded by the kernel's walkers (kernel/mem/heap/) exactly as /proc/PID/heap prints it, in columns of
// typed arrays that are transferred to the page (100,000 blocks are 1.3 MB, not 100,000 objects).

import { type Corruption } from '../kernel/mem/heap/blocks.js';
import { summarize, type HeapSummary } from '../kernel/mem/heap/summary.js';
import { walkHeap } from '../kernel/mem/heap/walk.js';
import type { Kernel } from '../kernel/kernel.js';

export interface HeapSnapshot {
  pid: number;
  name: string;
  /** The policy's name, or 'none' while the process's libc has registered no heap. */
  policy: string;
  /** The heap's span in the break area (mapped blocks lie elsewhere). */
  start: number;
  end: number;
  /** Block i is (addr[i], size[i], state[i] (BlockState), list[i] (a list code)) for i < count, by address. */
  count: number;
  addr: Uint32Array;
  size: Uint32Array;
  state: Uint8Array;
  list: Uint32Array;
  summary: HeapSummary;
  corrupt: Corruption[];
}

/** The heap of live process `pid` now, or undefined when there is no such process. Reads only. */
export function snapshotHeap(k: Kernel, pid: number): HeapSnapshot | undefined {
  const p = k.processes.get(pid);
  if (!p || !p.alive) return undefined;
  const w = walkHeap(p.space, p.heap);
  const b = w.blocks;
  return {
    pid, name: p.name, policy: w.policy, start: w.start, end: w.end,
    count: b.count, addr: b.addr, size: b.size, state: b.state, list: b.list,
    summary: summarize(b), corrupt: w.corrupt,
  };
}

/** The buffers of `h` (to transfer rather than copy). */
export const heapBuffers = (h: HeapSnapshot): ArrayBuffer[] =>
  [h.addr.buffer, h.size.buffer, h.state.buffer, h.list.buffer] as ArrayBuffer[];
