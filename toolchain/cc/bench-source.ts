// A generated C translation unit for measuring compile speed (pagoda bench row `toolchain`/`cc`):
// realistic mix of structs, loops, switch, pointers, calls and macros. Pure, no host access.
import { compile } from './index.js';

const HEADER = `
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define SQUARE(x) ((x) * (x))
typedef unsigned int u32;
struct item { int key; int value; struct item *next; char name[16]; };
static int table[256];
int printf(const char *, ...);
`;

function unit(i: number): string {
  return `
/* function group ${i} */
static int helper_${i}(int a, int b) {
  int r = 0;
  for (int k = 0; k < a; k++) {
    r += MAX(k, b) * SQUARE(k & 7);
    if (r > 100000) r -= 12345;
  }
  return r;
}
int lookup_${i}(struct item *head, int key) {
  while (head) {
    if (head->key == key) return head->value;
    head = head->next;
  }
  return -1;
}
u32 mix_${i}(u32 x, const char *s) {
  switch (x & 3) {
  case 0: x ^= 0x9e3779b9u; break;
  case 1: x = (x << 5) | (x >> 27); break;
  case 2: x *= 2654435761u; /* fall through */
  default: x += (u32)table[x & 255];
  }
  while (*s) x = x * 31 + (unsigned char)*s++;
  return x + (u32)helper_${i}((int)(x & 15), ${i});
}
`;
}

/** Builds a unit of roughly `lines` lines; its function groups are numbered from `firstGroup` (units with
 * different numbers share no function names, so one compiling cannot warm caches for the other). */
export function generateBenchSource(lines: number, firstGroup = 0): string {
  const newlines = (x: string): number => x.split('\n').length - 1;
  let src = HEADER;
  let n = firstGroup;
  let count = newlines(HEADER) + 1;
  const per = newlines(unit(firstGroup));
  while (count < lines) {
    src += unit(n++);
    count += per;
  }
  return src;
}

/** Compiles a generated unit of about `lines` lines at -O1; returns lines per second (preprocessing included). */
export function measureCompileSpeed(lines = 50_000, now: () => number = () => Date.now()): { lines: number; seconds: number; linesPerSecond: number } {
  const src = generateBenchSource(lines);
  const actual = src.split('\n').length;
  compile(generateBenchSource(2000), 'warmup.c', { opt: 1 });
  const t0 = now();
  const r = compile(src, 'bench.c', { opt: 1 });
  const seconds = (now() - t0) / 1000;
  if (!r.ok) throw new Error(`bench source failed to compile: ${r.diagnostics[0]?.message}`);
  return { lines: actual, seconds, linesPerSecond: Math.round(actual / seconds) };
}
