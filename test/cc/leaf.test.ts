// -O1 code shape of leaf functions: variables in caller-saved registers, no frame pointer, nothing saved.
// (Correctness of the same functions at run time: test/cc/c/leaf.c in the programs suite.)
import { describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';

/** The instruction lines of function `name` in the -O1 assembly of `src`. */
function body(src: string, name: string): string[] {
  const r = compile(src, 'leaf.c', { opt: 1 });
  expect(r.diagnostics).toEqual([]);
  const lines = r.asm.split('\n');
  const start = lines.indexOf(`${name}:`);
  const end = lines.indexOf(`\t.size ${name}, .-${name}`);
  expect(start).toBeGreaterThanOrEqual(0);
  return lines.slice(start + 1, end).filter((l) => l.startsWith('\t'));
}

const FAST_ALLOC = `
struct node { struct node *next; unsigned size; };
static struct node *bins[16];
void *fast_alloc(unsigned n) {
  unsigned i = (n + 7) >> 3;
  if (i < 16) { struct node *p = bins[i]; if (p) { bins[i] = p->next; return p; } }
  return 0;
}
void *caller(unsigned n) { return fast_alloc(n + 1); }
long long ldiv(long long a, long long b) { return a / b; }
void touch(int);
int between(int n) { touch(1); int t = n * 7, u = n + 3; for (int k = 0; k < 4; k++) { t += u; u ^= k; } touch(t); return n; }
int cross(int n) { int x = n * 3; touch(x); return x + 1; }
long long helper(int n, long long a, long long b) { int x = n * 3; long long q = a / b; return q + x; }
int (*fp)(int);
int tail_ptr(int v) { return fp(v); }
int tail_after_work(int v) { int w = v * 3; touch(w); return w; }
int tail_after_call(int n) { touch(n); return tail_ptr(n); }
int two_calls(int n) { return fast_alloc(n) != 0 ? (int)caller(n) : n; }
int locals(int n) {
  int v1 = n, v2 = n + 1, v3 = n + 2, v4 = n + 3, v5 = n + 4, v6 = n + 5, v7 = n + 6, v8 = n + 7;
  for (int k = 0; k < n; k++) { v1 += v2; v2 ^= v3; v3 -= v4; v4 += v5; v5 = v6 - v1; v6 += v7; v7 = v8 + k; v8 ^= 3; }
  return v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8;
}
`;

describe('cc -O1 leaf functions', () => {
  it('keeps a leaf function\'s variables in caller-saved registers with no frame and no saves', () => {
    const b = body(FAST_ALLOC, 'fast_alloc');
    expect(b.join('\n')).not.toMatch(/\b(s\d+|sp|ra)\b/);
    expect(b[b.length - 1]).toBe('\tret');
  });

  it('gives a function that calls no frame pointer when it needs no stack slot (ra and used s-registers saved)', () => {
    const b = body(FAST_ALLOC, 'cross');
    expect(b.join('\n')).not.toMatch(/\bs0\b/);
    expect(b.filter((l) => l.startsWith('\tsw '))).toEqual(['\tsw ra, 12(sp)', '\tsw s1, 8(sp)']);
  });

  it('treats a function whose only call is a runtime helper as a non-leaf (ra saved)', () => {
    const b = body(FAST_ALLOC, 'ldiv');
    expect(b).toContain('\tcall __divdi3');
    expect(b.some((l) => /^\tsw ra, /.test(l))).toBe(true);
  });

  it('saves only the callee-saved registers taken once the caller-saved ones run out', () => {
    const b = body(FAST_ALLOC, 'locals');
    const saved = b.filter((l) => l.startsWith('\tsw ')).map((l) => l.split(' ')[1].replace(',', ''));
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.every((r) => /^s[1-9]/.test(r))).toBe(true);
    expect(b.join('\n')).not.toMatch(/\bs0\b|\bra\b/);
  });

  it('keeps a variable that is never live across a call in a caller-saved register in a function that calls', () => {
    const b = body(FAST_ALLOC, 'between');
    // n is live across every call; t is only passed to the lone call of its last statement; u and k
    // live only inside the loop, which calls nothing
    expect(b.filter((l) => l.startsWith('\tsw s'))).toEqual(['\tsw s1, 8(sp)']);
    expect(b.join('\n')).toMatch(/\bxor a\d, a\d, a\d\b/);
  });

  it('keeps a variable live across a call in a callee-saved register', () => {
    const b = body(FAST_ALLOC, 'cross');
    expect(b).toContain('\tcall touch');
    expect(b.join('\n')).toMatch(/\bmul s\d, /);
  });

  it('moves a variable live across a runtime helper call (found only by code generation) to a callee-saved register', () => {
    const b = body(FAST_ALLOC, 'helper');
    expect(b).toContain('\tcall __divdi3');
    expect(b.join('\n')).toMatch(/\bmul s\d, /);
  });

  it('turns a returned call in a frameless function into a tail call after the restores', () => {
    const c = body(FAST_ALLOC, 'caller');
    expect(c).toContain('\ttail fast_alloc');
    expect(c.join('\n')).not.toMatch(/\b(sp|ra|call)\b/);
    const w = body(FAST_ALLOC, 'tail_after_call'); // a call remains: ra saved, restored before the tail call
    const t = w.indexOf('\ttail tail_ptr');
    expect(w.slice(t - 3, t + 1)).toEqual(['\tlw ra, 12(sp)', '\tlw s1, 8(sp)', '\taddi sp, sp, 16', '\ttail tail_ptr']);
    const b = body(FAST_ALLOC, 'tail_ptr');
    expect(b.some((l) => /^\tjr t\d$/.test(l))).toBe(true);
    expect(b.some((l) => l.startsWith('\tjalr'))).toBe(false);
    expect(b.join('\n')).not.toMatch(/\b(sp|ra)\b/); // its only call became a jump: ra needs no saving
    expect(body(FAST_ALLOC, 'tail_after_work').some((l) => l.startsWith('\ttail'))).toBe(false);
  });

  it('keeps a variable passed to one of two calls in a statement in a callee-saved register', () => {
    const b = body(FAST_ALLOC, 'two_calls');
    expect(b.filter((l) => l.startsWith('\tsw s'))).toEqual(['\tsw s1, 8(sp)']);
  });
});
