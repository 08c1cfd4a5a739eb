// The messages between the page (web/main.ts) and the worker running the machine (web/worker.ts). Everything
// crosses by structured clone; byte arrays are transferred, not copied.

import type { HomeEntry } from './home-files.js';
import type { HeapSnapshot } from './heapview-model.js';
import type { MemorySnapshot } from './memview-model.js';

/** Page -> worker. */
export type ToWorker =
  /** Boot: the terminal's size; `init` overrides the boot program; `memMiB` the RAM size; `audit` (page URL `?audit=1`) runs the kernel auditor after every process exit. */
  | { type: 'boot'; cols: number; rows: number; memMiB?: number; init?: string; audit?: boolean; jit?: boolean;
    /** /home as an earlier visit left it (IndexedDB), to replace the boot image's. */
    home?: HomeEntry[] }
  /** Keys typed. */
  | { type: 'input'; bytes: Uint8Array }
  /** The terminal was resized. */
  | { type: 'resize'; cols: number; rows: number }
  /** `bytes` of output have been parsed by the terminal (flow control credit). */
  | { type: 'ack'; bytes: number }
  /** A file dropped onto the page, to go into /home. */
  | { type: 'file'; name: string; bytes: Uint8Array }
  /** Send a memory snapshot now (besides the periodic ones). */
  | { type: 'snapshot' }
  /** Send /home now if it changed (the page is being hidden or closed). */
  | { type: 'sync-home' }
  /** The heap panel shows process `pid` (undefined: none): its heap comes with every memory snapshot. */
  | { type: 'heap-pid'; pid: number | undefined };

/** Worker -> page. */
export type FromWorker =
  /** Console output, in order. */
  | { type: 'output'; bytes: Uint8Array }
  /** The live memory views' data, a few times per second while anything changes. */
  | { type: 'memory'; snapshot: MemorySnapshot; winsize: { cols: number; rows: number }; mips?: number }
  /** The heap panel's process, block by block (sent with each memory snapshot; the arrays are transferred). */
  | { type: 'heap'; heap: HeapSnapshot | undefined }
  /** A dropped file landed at `path`; `ran` when it was started because nothing else was running. */
  | { type: 'file-added'; path: string; bytes: number; ran: boolean }
  /** The boot program (or a dropped file run in its place) started as `pid`. */
  | { type: 'started'; path: string; pid: number }
  /** /home changed: all of it, for the page to keep (sent at most every HOME_SYNC_INTERVAL_MS). */
  | { type: 'home'; entries: HomeEntry[] }
  /** /home grew past what is kept (HOME_KEEP_MAX_BYTES): the last kept state stays. */
  | { type: 'home-too-big' }
  /** A program handed the file at `path` to the host (host_export, `download FILE`): the page downloads it. */
  | { type: 'download'; path: string; bytes: Uint8Array }
  /** The session ended (init exited, or there was no boot program). */
  | { type: 'ended'; how: string }
  /** The worker failed (a kernel panic, a bad boot image): one line. */
  | { type: 'fatal'; message: string };

/** Flow control: the worker stops running the guest while this many output bytes are unparsed... */
export const OUTPUT_HIGH_WATER = 256 * 1024;
/** ...and runs it again once fewer than this many are. */
export const OUTPUT_LOW_WATER = 64 * 1024;
/** Output is posted at least at the end of every slice, and at once when a batch reaches this size. */
export const OUTPUT_BATCH_BYTES = 64 * 1024;
/** How often (ms) the worker sends a memory snapshot while the machine runs. */
export const SNAPSHOT_INTERVAL_MS = 250;
/** How often (ms) the worker looks for changes in /home to send for keeping. */
export const HOME_SYNC_INTERVAL_MS = 1000;
