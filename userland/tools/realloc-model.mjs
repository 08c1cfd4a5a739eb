// realloc-model.mjs: a model of the dl policy's placement on mallocbench's `realloc` workload, to try
// placement rules over many seeds in milliseconds instead of one seed in seconds (the benchmark fixes
// its seed, and one seed's peak is chaotic: a small change moves it by +-0.05). The heap is a list of
// blocks in address order with boundary-tag sizes (payload + 4, rounded to 8, at least 16), immediate
// coalescing, a top chunk and page-rounded growth; best fit takes the oldest free block of the best size
// (bins are FIFO), and the old chunk of a realloc that ends in malloc+copy+free waits in a fast list as
// dl's free puts it, until malloc merges the lists back before growing the heap. Leaving those two out
// cost exactness: the model said 847,872 bytes of peak heap where the benchmark measures 823,296.
// With the current rules it reproduces the benchmark exactly (test/userland/realloc-model.test.ts runs
// both); with the old rules and a 32 KiB growth minimum, the old figures (peak heap 884,736 for peak
// live 673,531).
//
//   node userland/tools/realloc-model.mjs [SEEDS]     mean, worst and benchmark-seed peak heap / peak live
//
// Policies: `best` (before: shrinks to 3/4 or less and moves go to the best-fitting hole) and `sink`
// (now: a shrink, and a growth that must move, take the lowest hole below the block that fits first).

const PAGE = 4096;
const MIN_CHUNK = 16;
const FAST_MAX = 120; // chunks of 16..120 bytes freed by free() wait in per-size LIFO lists (dl.h)
const CONSOLIDATE_AT = 64 * 1024; // a binned free chunk this large merges the fast lists back (dl.c)
const BENCH_SEED = 0x9e3779b9;

/** Runs the workload (64 arrays, 40,000 steps) under `policy` ('best' | 'sink'); returns the peaks. */
export function runRealloc({ policy = 'sink', seed = BENCH_SEED, growMin = PAGE } = {}) {
  let rng = seed >>> 0;
  const rnd = () => {
    rng = (rng ^ (rng << 13)) >>> 0;
    rng = (rng ^ (rng >>> 17)) >>> 0;
    rng = (rng ^ (rng << 5)) >>> 0;
    return rng;
  };
  const heap = new ModelHeap(growMin);
  const sink = policy === 'sink';
  const ptr = new Array(64).fill(null);
  const size = new Array(64).fill(0);
  let live = 0;
  let peakLive = 0;
  for (let step = 0; step < 40000; step++) {
    const k = rnd() % 64;
    const old = size[k];
    let n;
    if (!ptr[k]) {
      n = 16 + (rnd() % 49);
      ptr[k] = heap.malloc(requestSize(n));
    } else {
      n = rnd() % 10 < 7 ? old + (old >>> 1) + 16 : (old >>> 1) + 1;
      if (n > 32768) n = (old >>> 2) + 1;
      ptr[k] = heap.realloc(ptr[k], requestSize(n), sink);
    }
    size[k] = n;
    live += n - old;
    if (live > peakLive) peakLive = live;
  }
  return { peakHeap: heap.peak, peakLive, ratio: heap.peak / peakLive };
}

function requestSize(n) {
  return n < 12 ? MIN_CHUNK : (n + 11) & ~7;
}

class ModelHeap {
  constructor(growMin) {
    this.growMin = growMin;
    this.blocks = []; // { addr, size, used, fast, seq } in address order, below the top chunk
    this.fast = new Map(); // chunk size -> blocks in its fast list, last pushed last (still `used`)
    this.seq = 0; // order in which free blocks entered their bins: best fit takes the oldest of a size
    this.end = 0; // the break
    this.top = 0; // the top chunk is [top, end)
    this.peak = 0;
  }

  grow(nb) {
    const need = nb + MIN_CHUNK + 8 - (this.end - this.top);
    this.end += Math.max(Math.ceil(need / PAGE) * PAGE, this.growMin);
    this.peak = Math.max(this.peak, this.end);
  }

  fromTop(nb) {
    if (this.end - this.top < nb + MIN_CHUNK) this.grow(nb);
    const b = { addr: this.top, size: nb, used: true };
    this.top += nb;
    this.blocks.push(b);
    return b;
  }

  bestFit(nb) {
    let best = null;
    for (const b of this.blocks) {
      if (!b.used && b.size >= nb && (!best || b.size < best.size || (b.size === best.size && b.seq < best.seq))) best = b;
    }
    return best;
  }

  lowestBelow(nb, limit) {
    for (const b of this.blocks) {
      if (b.addr >= limit.addr) return null;
      if (!b.used && b.size >= nb) return b;
    }
    return null;
  }

  /** Marks free block f used with nb bytes, the rest staying free after it. */
  use(f, nb) {
    f.used = true;
    if (f.size - nb >= MIN_CHUNK) {
      this.blocks.splice(this.blocks.indexOf(f) + 1, 0, { addr: f.addr + nb, size: f.size - nb, used: false, seq: this.seq++ });
      f.size = nb;
    }
    return f;
  }

  free(b) {
    b.used = false;
    let i = this.blocks.indexOf(b);
    const next = this.blocks[i + 1];
    const prev = this.blocks[i - 1];
    if (next && !next.used) b.size += this.blocks.splice(i + 1, 1)[0].size;
    if (prev && !prev.used) {
      prev.size += b.size;
      this.blocks.splice(i--, 1);
      b = prev;
    }
    if (i === this.blocks.length - 1) {
      this.top = b.addr;
      this.blocks.pop();
      return;
    }
    b.seq = this.seq++;
    if (b.size >= CONSOLIDATE_AT) this.consolidate();
  }

  /** free(): a small chunk waits in its fast list, still in use for its neighbours; others are freed. */
  freeCall(b) {
    if (b.size > FAST_MAX) return this.free(b);
    b.fast = true;
    if (!this.fast.has(b.size)) this.fast.set(b.size, []);
    this.fast.get(b.size).push(b);
  }

  /** Frees every fast-list chunk, smallest size first, each list from its last push. */
  consolidate() {
    const sizes = [...this.fast.keys()].sort((a, b) => a - b);
    for (const size of sizes) {
      const list = this.fast.get(size);
      this.fast.delete(size);
      while (list.length) {
        const b = list.pop();
        b.fast = false;
        this.free(b);
      }
    }
  }

  /** Cuts used block b to nb bytes, freeing the tail. */
  cut(b, nb) {
    if (b.size - nb < MIN_CHUNK) return;
    const tail = { addr: b.addr + nb, size: b.size - nb, used: true };
    b.size = nb;
    this.blocks.splice(this.blocks.indexOf(b) + 1, 0, tail);
    this.free(tail);
  }

  move(b, f, nb) {
    const fresh = this.use(f, nb);
    this.free(b);
    return fresh;
  }

  /** malloc(): its fast list first, then the best fit, the top chunk, the fast lists merged back, growth. */
  malloc(nb) {
    const list = nb <= FAST_MAX ? this.fast.get(nb) : undefined;
    if (list && list.length) {
      const b = list.pop();
      b.fast = false;
      return b;
    }
    for (;;) {
      const f = this.bestFit(nb);
      if (f) return this.use(f, nb);
      if (this.end - this.top >= nb + MIN_CHUNK || this.fast.size === 0) return this.fromTop(nb);
      this.consolidate();
    }
  }

  realloc(b, nb, sink) {
    const cs = b.size;
    const i = this.blocks.indexOf(b);
    if (nb <= cs) {
      const low = sink ? this.lowestBelow(nb, b) : null;
      if (low) return this.move(b, low, nb);
      const f = nb <= cs - (cs >>> 2) ? this.bestFit(nb) : null;
      if (f) return this.move(b, f, nb);
      this.cut(b, nb);
      return b;
    }
    const next = this.blocks[i + 1];
    if (!next) {
      if (this.end - this.top + cs < nb + MIN_CHUNK) this.grow(nb - cs);
      this.top = b.addr + nb;
      b.size = nb;
      return b;
    }
    if (!next.used && cs + next.size >= nb) {
      b.size += this.blocks.splice(i + 1, 1)[0].size;
      this.cut(b, nb);
      return b;
    }
    const f = (sink ? this.lowestBelow(nb, b) : null) ?? this.bestFit(nb);
    if (f) return this.move(b, f, nb);
    const prev = this.blocks[i - 1];
    const after = !next.used ? next.size : 0;
    if (prev && !prev.used && prev.size + cs + after >= nb) {
      prev.used = true;
      prev.size += cs + after;
      this.blocks.splice(i, after ? 2 : 1);
      this.cut(prev, nb);
      return prev;
    }
    // malloc, copy, free: the old chunk may wait in a fast list
    const fresh = this.malloc(nb);
    this.freeCall(b);
    return fresh;
  }
}

/** Mean and worst ratio over `count` seeds (the benchmark's first), and the benchmark seed's. */
export function compareSeeds(options, count = 48) {
  const ratios = [];
  for (let k = 0; k < count; k++) {
    const seed = k === 0 ? BENCH_SEED : Math.imul(k, 2654435761) >>> 0;
    ratios.push(runRealloc({ ...options, seed }).ratio);
  }
  return { mean: ratios.reduce((a, b) => a + b) / count, worst: Math.max(...ratios), bench: ratios[0] };
}

if (process.argv[1] && process.argv[1].endsWith('realloc-model.mjs')) {
  const count = Number(process.argv[2] ?? 48);
  for (const [label, options] of [
    ['best, grow >= 32 KiB', { policy: 'best', growMin: 32768 }],
    ['best, grow >= 4 KiB', { policy: 'best', growMin: PAGE }],
    ['sink, grow >= 4 KiB', { policy: 'sink', growMin: PAGE }],
  ]) {
    const r = compareSeeds(options, count);
    console.log(`${label.padEnd(22)} mean ${r.mean.toFixed(3)}  worst ${r.worst.toFixed(3)}  benchmark seed ${r.bench.toFixed(3)}`);
  }
}
