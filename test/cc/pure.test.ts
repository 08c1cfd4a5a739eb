// A compile is a function of its inputs: the compiler keeps no state between compiles, so the same source
// gives the same assembly byte for byte however many times, and after whatever other units, it is compiled
// in one process (the in-machine `cc` runs the compiler many times in one process).
import { describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';

/** A unit that uses every kind of unit-numbered name: block-scope statics (`n.0`), `__func__`, file-scope
 * compound literals, branch labels, block copy/fill loops, and a branch relaxed over more than 4 KiB. */
function numberedNames(tag: string): string {
  const far = Array.from({ length: 700 }, (_, i) => `    a[${i % 64}] += a[${(i * 7) % 64}] ^ ${i};`).join('\n');
  return `
struct big { int w[40]; };
static int *table = (int[]){ 1, 2, 3 };
int count_${tag}(void) { static int n; return ++n; }
const char *name_${tag}(void) { return __func__; }
int again_${tag}(void) { static int n = 5; return n += *table; }
void copy_${tag}(struct big *d, struct big *s) { *d = *s; }
void clear_${tag}(void) { struct big z = {0}; copy_${tag}(&z, &z); }
int far_${tag}(int *a, int c) {
  if (c) {
${far}
  }
  return a[0];
}
int leaf_${tag}(int x) { return x * 3 + 1; }
`;
}

function asmOf(src: string, opt: number): string {
  const r = compile(src, 'unit.c', { opt });
  expect(r.diagnostics).toEqual([]);
  expect(r.ok).toBe(true);
  return r.asm;
}

describe('a compile is a pure function of its inputs', () => {
  for (const opt of [0, 1]) {
    it(`gives the same assembly for the same source, compiled twice with another unit in between (-O${opt})`, () => {
      const a = numberedNames('a');
      const b = numberedNames('b');
      const first = asmOf(a, opt);
      const other = asmOf(b, opt);
      const second = asmOf(a, opt);
      expect(second).toBe(first);
      // the other unit, compiled once more after the first one's second compile, is also unchanged
      expect(asmOf(b, opt)).toBe(other);
    });
  }

  it('numbers each unit\'s names from 0 (a unit never sees how many units came before)', () => {
    asmOf(numberedNames('x'), 1);
    const asm = asmOf(numberedNames('y'), 1);
    // statics and __func__ share one counter, in order of appearance: n.1 follows .Lanon.0
    expect(asm).toContain('.Lanon.0:');
    expect(asm).toContain('n.1:');
    expect(asm).toContain('__func__.2:');
    expect(asm).toContain('n.3:');
    expect(asm).toContain('.Lfar0');
    expect(asm).toMatch(/\.Lcopy0_copy_y/);
    expect(asm).toContain('\n.L0:');
  });

  it('gives the same -O1 leaf decisions whatever unit was folded before', () => {
    // same function names, different bodies: facts about one unit's folded bodies must not reach the next
    const calls = 'int g(int); int f(int x) { return g(x) + 1; } int h(int x) { return x + 2; }';
    const leaf = 'int g(int x) { return x; } int f(int x) { return x * 5; } int h(int x) { return g(x); }';
    const alone = asmOf(leaf, 1);
    asmOf(calls, 1);
    expect(asmOf(leaf, 1)).toBe(alone);
    asmOf(leaf, 0);
    expect(asmOf(calls, 1)).toBe(asmOf(calls, 1));
  });
});
