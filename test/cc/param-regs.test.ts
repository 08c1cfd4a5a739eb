// -O1 code shape: parameters arriving in a0/a1 stay there when that is provably safe (toolchain/cc/back/param-regs.ts),
// and jumps to a bare `ret` become `ret`. (The same functions run and check their results in
// test/cc/c/param_regs.c, in the programs suite.)
import { describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';

/** The instruction lines of function `name` in the -O1 assembly of `src`. */
function body(src: string, name: string): string[] {
  const r = compile(src, 'params.c', { opt: 1 });
  expect(r.diagnostics).toEqual([]);
  const lines = r.asm.split('\n');
  const start = lines.indexOf(`${name}:`);
  const end = lines.indexOf(`\t.size ${name}, .-${name}`);
  expect(start).toBeGreaterThanOrEqual(0);
  return lines.slice(start + 1, end).filter((l) => l.startsWith('\t'));
}

/**
 * Runs straight-line code symbolically from entry (a0 = "A", a1 = "B") up to its tail call; returns the
 * argument registers at the call. Knows mv, li, addi and add, enough for argument set-up.
 */
function argsAtTailCall(lines: string[]): Record<string, string> {
  const regs: Record<string, string> = { a0: 'A', a1: 'B', zero: '0' };
  const val = (r: string): string => regs[r] ?? `?${r}`;
  for (const l of lines) {
    const [op, rest = ''] = l.trim().split(/ (.*)/);
    const a = rest.split(', ');
    if (op === 'tail') return { a0: val('a0'), a1: val('a1') };
    if (op === 'mv') regs[a[0]] = val(a[1]);
    else if (op === 'li') regs[a[0]] = a[1];
    else if (op === 'addi') regs[a[0]] = `${val(a[1])}+${a[2]}`;
    else if (op === 'add') regs[a[0]] = `${val(a[1])}+${val(a[2])}`;
    else throw new Error(`argsAtTailCall: unexpected '${l}'`);
  }
  throw new Error('no tail call');
}

const SRC = `
int sub2(int x, int y);
int swapped(int a, int b) { return sub2(b, a); }
int reads_after(int a, int b) { return sub2(b + 1, a); }
int first_arg_second(int a, int b) { return sub2(a, a + b); }
void *(*alloc_fn)(unsigned);
void *my_malloc(unsigned n) { return alloc_fn(n); }
int loop_sum(int n, int m) { int s = 0; while (n > 0) { s += n * m; n--; } return s; }
int logical(int a, int b) { int t = a && b; return t + a; }
int early(int a) { if (a > 3) return a - 3; return sub2(a, a); }
struct node { struct node *next; };
static struct node *bins[16];
void *slow_alloc(unsigned n);
void *fast_alloc(unsigned n) {
  if (n < 16) { struct node *p = bins[n]; if (p) { bins[n] = p->next; return p; } }
  return slow_alloc(n);
}
`;

describe('cc -O1 parameters in their incoming registers', () => {
  it('forwards a parameter to a call through a pointer without copying it out of a0 and back', () => {
    expect(body(SRC, 'my_malloc')).toEqual(['\tlui t0, %hi(alloc_fn)', '\tlw t0, %lo(alloc_fn)(t0)', '\tjr t0', '\tret']);
  });

  it('passes swapped arguments correctly (the parameter in a0 is saved before a0 is overwritten)', () => {
    expect(argsAtTailCall(body(SRC, 'swapped'))).toEqual({ a0: 'B', a1: 'A' });
  });

  it('keeps a parameter out of a0 when argument set-up reads it after writing a0', () => {
    expect(argsAtTailCall(body(SRC, 'reads_after'))).toEqual({ a0: 'B+1', a1: 'A' });
  });

  it('uses both parameters in place when every argument write comes after their last reads', () => {
    const b = body(SRC, 'first_arg_second');
    expect(argsAtTailCall(b)).toEqual({ a0: 'A', a1: 'A+B' });
    expect(b.filter((l) => l.startsWith('\tmv '))).toEqual([]);
  });

  it('keeps a parameter in a0 through a loop and returns through a0', () => {
    const b = body(SRC, 'loop_sum');
    expect(b.join('\n')).not.toMatch(/\bmv a\d, a[01]\b/);
    expect(b.join('\n')).toMatch(/\baddi a0, a0, -1\b/);
  });

  it('moves a parameter out of a0 when a0 is scratch for && (its value merges through a0)', () => {
    const b = body(SRC, 'logical');
    expect(b[0]).toMatch(/^\tmv a[2-7], a0$/);
    expect(b).toContain('\tli a0, 1');
  });

  it('keeps the fast path of an allocator free of copies: tail call with the parameter still in a0', () => {
    const b = body(SRC, 'fast_alloc');
    expect(b.join('\n')).not.toMatch(/\bmv a\d, a0\b/); // n never leaves a0
    expect(b.slice(-3)).toEqual(['\tret', '\ttail slow_alloc', '\tret']);
  });

  it('turns a jump to a label whose first instruction is ret into ret', () => {
    const b = body(SRC, 'early');
    expect(b.filter((l) => l.startsWith('\tj '))).toEqual([]);
    const i = b.indexOf('\taddi a0, a0, -3');
    expect(b[i + 1]).toBe('\tret');
    expect(body(SRC, 'fast_alloc').filter((l) => l.startsWith('\tj '))).toEqual([]);
  });
});
