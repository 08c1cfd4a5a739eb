// The cache simulation of `--perf --cache` (machine/perf/cache.ts): LRU within a set, associativity, lines
// spanning two lines, the hierarchy's latencies, and the SPEC grammar with its errors.
import { describe, expect, it } from 'vitest';
import { CacheHierarchy, CacheLevel, MEMORY_LATENCY, parseCacheSpec } from '../../../machine/perf/cache.js';

const level = (sizeBytes: number, ways: number, lineBytes: number) => new CacheLevel({ name: 't', sizeBytes, ways, lineBytes, latency: 1 });

describe('a cache level', () => {
  it('hits on a line it holds, anywhere in the line, and misses on the next line', () => {
    const c = level(1024, 2, 64);
    expect(c.access(0x1000)).toBe(false);
    expect(c.access(0x1000 + 63)).toBe(true);
    expect(c.access(0x1000 + 64)).toBe(false);
    expect([c.hits, c.misses]).toEqual([1, 2]);
  });

  it('keeps WAYS lines of one set and evicts the least recently used', () => {
    const c = level(1024, 2, 64); // 8 sets: addresses 512 bytes apart share a set
    const [a, b, d] = [0, 512, 1024];
    c.access(a);
    c.access(b);
    expect(c.access(a)).toBe(true); // a is now the most recent
    expect(c.access(d)).toBe(false); // evicts b, the least recent
    expect(c.access(a)).toBe(true);
    expect(c.access(b)).toBe(false);
  });

  it('a direct-mapped cache thrashes on two lines of one set where a 2-way one does not', () => {
    const direct = level(1024, 1, 64);
    const twoWay = level(1024, 2, 64);
    for (let i = 0; i < 10; i++) for (const addr of [0, 1024]) { direct.access(addr); twoWay.access(addr); }
    expect(direct.misses).toBe(20);
    expect(twoWay.misses).toBe(2);
  });

  it('a fully used set of a working set larger than the cache misses every time under LRU (cyclic access)', () => {
    const c = level(256, 4, 64); // one set of 4 ways
    for (let r = 0; r < 3; r++) for (let i = 0; i < 5; i++) c.access(i * 64);
    expect(c.hits).toBe(0);
  });
});

describe('the hierarchy', () => {
  it('sends misses down the levels and adds the latency of the level that served each access', () => {
    const h = new CacheHierarchy([
      { name: 'l1', sizeBytes: 128, ways: 1, lineBytes: 64, latency: 4 },
      { name: 'l2', sizeBytes: 1024, ways: 2, lineBytes: 64, latency: 14 },
    ]);
    h.access(0, 4); // memory
    h.access(0, 4); // l1
    h.access(128, 4); // memory; evicts line 0 from l1 (2 sets)
    h.access(0, 4); // l2
    expect(h.levels.map((l) => [l.hits, l.misses])).toEqual([[1, 3], [1, 2]]);
    expect(h.memoryAccesses).toBe(2);
    expect(h.accessCycles).toBe(2 * MEMORY_LATENCY + 4 + 14);
  });

  it('counts an access that straddles two lines as two', () => {
    const h = new CacheHierarchy([{ name: 'l1', sizeBytes: 1024, ways: 2, lineBytes: 64, latency: 4 }]);
    h.access(60, 8);
    expect(h.levels[0].misses).toBe(2);
  });
});

describe('cache SPEC', () => {
  it('reads levels with k/m sizes and default latencies by position', () => {
    expect(parseCacheSpec('l1d=32k:8:64,l2=512k:16:64,l3=4m:16:64:50')).toEqual([
      { name: 'l1d', sizeBytes: 32768, ways: 8, lineBytes: 64, latency: 4 },
      { name: 'l2', sizeBytes: 524288, ways: 16, lineBytes: 64, latency: 14 },
      { name: 'l3', sizeBytes: 4 << 20, ways: 16, lineBytes: 64, latency: 50 },
    ]);
  });

  it.each([
    ['', 'empty cache spec'],
    ['l1=32k:8', "'l1=32k:8': expected NAME=SIZE:WAYS:LINE[:LATENCY]"],
    ['l1=32q:8:64', "'l1=32q:8:64': size '32q' is not a number with an optional k or m"],
    ['l1=32k:3:64', "'l1=32k:3:64': ways must be a power of two, got '3'"],
    ['l1=32k:8:48', "'l1=32k:8:48': line size must be a power of two from 4 to 4096, got '48'"],
    ['l1=48k:8:64', "'l1=48k:8:64': 49152 bytes / (8 ways x 64 B) is not a power-of-two number of sets"],
  ])('refuses %j with a message naming the part', (spec, message) => {
    expect(parseCacheSpec(spec)).toBe(message);
  });
});
