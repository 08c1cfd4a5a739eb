// A set-associative LRU cache hierarchy, simulated for `--perf --cache SPEC`: every data access the counting
// stepper sees (stepper.ts) goes to the first level; a miss goes on to the next, and past the last to memory.
// Every level allocates on a miss, loads and stores alike (write-allocate; write-backs are not modelled).
//
// SPEC is a comma-separated list of levels, first (closest) first: NAME=SIZE:WAYS:LINE[:LATENCY], e.g.
// `l1d=32k:8:64,l2=512k:16:64`; SIZE takes k or m; SIZE / (WAYS * LINE) sets, a power of two, as are LINE
// and WAYS. LATENCY (cycles for an access served by that level) defaults to 4, 14, 40, ... by position; an
// access served by memory costs MEMORY_LATENCY. The estimate of cycles: one per instruction that is not a
// data access, plus the latency of the level that served each data access.

/** Cycles for an access served by memory (past every level). */
export const MEMORY_LATENCY = 100;
const DEFAULT_LATENCY = [4, 14, 40, 60];

/** One level as SPEC describes it. */
export interface CacheLevelSpec {
  readonly name: string;
  readonly sizeBytes: number;
  readonly ways: number;
  readonly lineBytes: number;
  readonly latency: number;
}

/** One level: tags and last-use stamps, WAYS per set, in typed arrays (no allocation per access). */
export class CacheLevel {
  hits = 0;
  misses = 0;
  private readonly tags: Int32Array;
  private readonly stamps: Float64Array;
  private readonly setMask: number;
  private readonly lineShift: number;
  private clock = 0;

  constructor(readonly spec: CacheLevelSpec) {
    const sets = spec.sizeBytes / (spec.ways * spec.lineBytes);
    this.tags = new Int32Array(sets * spec.ways).fill(-1);
    this.stamps = new Float64Array(sets * spec.ways);
    this.setMask = sets - 1;
    this.lineShift = Math.log2(spec.lineBytes);
  }

  get sets(): number { return this.setMask + 1; }

  /**
   * Looks up the line holding physical address `pa`: true on a hit. A miss fills the line, evicting the least
   * recently used way of its set. Either way the line becomes the most recently used.
   */
  access(pa: number): boolean {
    const line = pa >>> this.lineShift;
    const ways = this.spec.ways;
    const base = (line & this.setMask) * ways;
    const tag = line | 0;
    const stamp = ++this.clock;
    let victim = base;
    for (let w = base; w < base + ways; w++) {
      if (this.tags[w] === tag) {
        this.stamps[w] = stamp;
        this.hits++;
        return true;
      }
      if (this.stamps[w] < this.stamps[victim]) victim = w;
    }
    this.tags[victim] = tag;
    this.stamps[victim] = stamp;
    this.misses++;
    return false;
  }
}

/** The whole hierarchy; `memoryAccesses` counts what missed every level. */
export class CacheHierarchy {
  readonly levels: CacheLevel[];
  memoryAccesses = 0;
  /** Sum of the latencies of every access (the data-access part of the cycle estimate). */
  accessCycles = 0;

  constructor(specs: readonly CacheLevelSpec[]) {
    this.levels = specs.map((s) => new CacheLevel(s));
  }

  /** One data access of `size` bytes at physical `pa`: each line it touches goes down the levels. */
  access(pa: number, size: number): void {
    const first = this.levels[0];
    const lineBytes = first ? first.spec.lineBytes : 64;
    const last = (pa + size - 1) >>> 0;
    this.accessLine(pa >>> 0);
    if (Math.floor(last / lineBytes) !== Math.floor((pa >>> 0) / lineBytes)) this.accessLine(last);
  }

  private accessLine(pa: number): void {
    for (const level of this.levels) {
      if (level.access(pa)) {
        this.accessCycles += level.spec.latency;
        return;
      }
    }
    this.memoryAccesses++;
    this.accessCycles += MEMORY_LATENCY;
  }
}

const SIZE = /^(\d+)([kKmM]?)$/;

/** Parses SPEC (see above): the levels, or an error message naming the bad part. */
export function parseCacheSpec(spec: string): CacheLevelSpec[] | string {
  const levels: CacheLevelSpec[] = [];
  const parts = spec.split(',').filter((p) => p !== '');
  if (parts.length === 0) return 'empty cache spec';
  for (const [i, part] of parts.entries()) {
    const m = /^([A-Za-z][\w-]*)=(.*)$/.exec(part);
    if (!m) return `'${part}': expected NAME=SIZE:WAYS:LINE[:LATENCY]`;
    const fields = m[2].split(':');
    if (fields.length < 3 || fields.length > 4) return `'${part}': expected NAME=SIZE:WAYS:LINE[:LATENCY]`;
    const size = SIZE.exec(fields[0]);
    if (!size) return `'${part}': size '${fields[0]}' is not a number with an optional k or m`;
    const unit = size[2].toLowerCase();
    const sizeBytes = Number(size[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1 << 20 : 1);
    const [ways, lineBytes] = [Number(fields[1]), Number(fields[2])];
    const latency = fields[3] === undefined ? DEFAULT_LATENCY[Math.min(i, DEFAULT_LATENCY.length - 1)] : Number(fields[3]);
    const pow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
    if (!pow2(ways)) return `'${part}': ways must be a power of two, got '${fields[1]}'`;
    if (!pow2(lineBytes) || lineBytes < 4 || lineBytes > 4096) return `'${part}': line size must be a power of two from 4 to 4096, got '${fields[2]}'`;
    const sets = sizeBytes / (ways * lineBytes);
    if (!pow2(sets)) return `'${part}': ${sizeBytes} bytes / (${ways} ways x ${lineBytes} B) is not a power-of-two number of sets`;
    if (sets * ways > 1 << 22) return `'${part}': more than 4M lines`;
    if (!Number.isInteger(latency) || latency < 0) return `'${part}': latency must be a whole number of cycles`;
    levels.push({ name: m[1], sizeBytes, ways, lineBytes, latency });
  }
  return levels;
}
