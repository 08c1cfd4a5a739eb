// What a heap walk yields: every block of a process's malloc heap in address order, in columns (typed arrays,
// so that 100,000 blocks cost a few hundred KB and cross to the page's worker as a transfer), plus the
// "corrupt at ADDR" findings of a walk over headers the program may have scribbled on.

/** A block's state. */
export const enum BlockState {
  /** Handed out by malloc and not freed. */
  USED = 0,
  /** Free, in one of the policy's free lists (bins, the fit list, a buddy order list). */
  FREE = 1,
  /** Freed by the program but parked in a cache without coalescing (dl's fast lists, quick's lists). */
  CACHED = 2,
  /** The top chunk: free memory at the end of the heap that grows and shrinks with the break. */
  TOP = 3,
  /** A block with its own anonymous mapping (requests of MALLOC_MMAP_THRESHOLD bytes and more). */
  MMAPPED = 4,
  /** A pseudo-block covering a hole where the break moved behind the allocator's back (never handed out). */
  GAP = 5,
}

export const BLOCK_STATE_NAMES = ['used', 'free', 'cached', 'top', 'mmapped', 'gap'] as const;

/** Which list a block is on (or, for buddy, which order it is): kind in bits 31:24, index in 23:0. */
export const enum ListKind {
  NONE = 0,
  /** dl: bin i (exact small bins below 64, sorted large bins from 64). */
  BIN = 1,
  /** dl: the fast list of chunk size 8 * i. */
  FAST = 2,
  /** first/next/best/quick: the one free list of the sequential-fit heap. */
  LIST = 3,
  /** quick: the quick list of chunk size 8 * i. */
  QUICK = 4,
  /** buddy: a block of order i (2^i bytes), on order list i when free. */
  ORDER = 5,
}

const LIST_NAMES = ['', 'bin', 'fast', 'list', 'quick', 'order'];

export const listCode = (kind: ListKind, index: number): number => ((kind << 24) | (index & 0xffffff)) >>> 0;
export const listKind = (code: number): ListKind => (code >>> 24) as ListKind;

/** How a list code reads in /proc/PID/heap and the panel: "bin 12", "fast 3", "list", "order 7", or ''. */
export function listLabel(code: number): string {
  const kind = listKind(code);
  if (kind === ListKind.NONE) return '';
  return kind === ListKind.LIST ? 'list' : `${LIST_NAMES[kind] ?? '?'} ${code & 0xffffff}`;
}

/** One finding: the address where the walk saw something impossible, and what. */
export interface Corruption {
  addr: number;
  what: string;
}

/** The blocks in columns: block i is (addr[i], size[i], state[i], list[i]) for i < count. */
export interface HeapBlocks {
  count: number;
  addr: Uint32Array;
  size: Uint32Array;
  state: Uint8Array;
  list: Uint32Array;
}

/** A whole walk of one process's heap. */
export interface HeapWalk {
  /** The policy's name (dl, first, next, best, buddy, quick), or 'none' when the libc registered nothing. */
  policy: string;
  /** The heap's span in the break area, [start, end) (0, 0 before the first sbrk). */
  start: number;
  end: number;
  blocks: HeapBlocks;
  corrupt: Corruption[];
}

/** No walk goes past this many blocks or list members: a loop made by a scribbled link ends here. */
export const WALK_LIMIT = 1 << 21;

/** Collects blocks into growing columns. */
export class BlockBuilder {
  private n = 0;
  private addr = new Uint32Array(256);
  private size = new Uint32Array(256);
  private state = new Uint8Array(256);
  private list = new Uint32Array(256);
  readonly corrupt: Corruption[] = [];

  get count(): number { return this.n; }

  /** Appends a block; false (appending nothing, noting a corruption) once WALK_LIMIT blocks are there. */
  push(addr: number, size: number, state: BlockState, list: number): boolean {
    if (this.n >= WALK_LIMIT) {
      if (this.n === WALK_LIMIT) this.fail(addr, `walk stopped after ${WALK_LIMIT} blocks`);
      return false;
    }
    if (this.n === this.addr.length) this.grow();
    this.addr[this.n] = addr;
    this.size[this.n] = size;
    this.state[this.n] = state;
    this.list[this.n] = list;
    this.n++;
    return true;
  }

  /** Notes a corruption at `addr` (at most 100 are kept: the rest say nothing new). */
  fail(addr: number, what: string): void {
    if (this.corrupt.length < 100) this.corrupt.push({ addr: addr >>> 0, what });
  }

  private grow(): void {
    const cap = this.addr.length * 2;
    const widen = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.addr = widen(this.addr, (n) => new Uint32Array(n));
    this.size = widen(this.size, (n) => new Uint32Array(n));
    this.state = widen(this.state, (n) => new Uint8Array(n));
    this.list = widen(this.list, (n) => new Uint32Array(n));
  }

  /** The blocks sorted by address (walkers add mapped blocks after the heap's), trimmed to their count. */
  finish(): HeapBlocks {
    let sorted = true;
    for (let i = 1; i < this.n && sorted; i++) sorted = this.addr[i - 1] <= this.addr[i];
    if (sorted) {
      return {
        count: this.n, addr: this.addr.slice(0, this.n), size: this.size.slice(0, this.n),
        state: this.state.slice(0, this.n), list: this.list.slice(0, this.n),
      };
    }
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    order.sort((a, b) => this.addr[a] - this.addr[b]);
    const pick = <T extends Uint32Array | Uint8Array>(a: T, out: T): T => {
      for (let i = 0; i < this.n; i++) out[i] = a[order[i]];
      return out;
    };
    return {
      count: this.n,
      addr: pick(this.addr, new Uint32Array(this.n)),
      size: pick(this.size, new Uint32Array(this.n)),
      state: pick(this.state, new Uint8Array(this.n)),
      list: pick(this.list, new Uint32Array(this.n)),
    };
  }
}
