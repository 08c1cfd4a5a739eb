// Seeded random C programs for differential testing: integer expressions over every integer type with
// all operators, casts, ?:, compound assignments and ++/--, folded into a 64-bit hash that is printed.
// Division and shifts are guarded so that no program has undefined behaviour gcc could exploit.

const TYPES = ['signed char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned', 'long long',
  'unsigned long long', '_Bool', 'char', 'long'];
const BINOPS = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '<', '>', '<=', '>=', '==', '!=', '&&', '||'];

/** Returns the C source of the program for `seed`. */
export function randomProgram(seed: number, statements = 60): string {
  let s = seed >>> 0;
  const rnd = (n: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  const vars: string[] = [];
  let decl = '';
  for (let i = 0; i < 12; i++) {
    const t = TYPES[rnd(TYPES.length)];
    const v = rnd(3) === 0 ? -rnd(1000) : rnd(100000) * (rnd(2) ? 1 : 40000);
    vars.push(`v${i}`);
    decl += `  ${t} v${i} = ${v};\n`;
  }
  const expr = (d: number): string => {
    if (d <= 0 || rnd(5) === 0) {
      if (rnd(4) === 0) return String(rnd(3) ? rnd(300) : rnd(0x7fffffff)) + ['', 'u', 'LL', 'ULL'][rnd(4)];
      return vars[rnd(vars.length)];
    }
    const k = rnd(10);
    if (k === 0) return `(${TYPES[rnd(TYPES.length)]})(${expr(d - 1)})`;
    if (k === 1) return `${['-', '~', '!'][rnd(3)]}(${expr(d - 1)})`;
    if (k === 2) return `(${expr(d - 1)} ? ${expr(d - 1)} : ${expr(d - 1)})`;
    const op = BINOPS[rnd(BINOPS.length)];
    if (op === '/' || op === '%') return `(${expr(d - 1)} ${op} nz(${expr(d - 1)}))`;
    if (op === '<<' || op === '>>') return `(${expr(d - 1)} ${op} (${expr(d - 1)} & 15))`;
    return `(${expr(d - 1)} ${op} ${expr(d - 1)})`;
  };
  let body = '';
  for (let i = 0; i < statements; i++) {
    body += `  h = mix(h, (unsigned long long)(${expr(4)}));\n`;
    if (rnd(3) === 0) body += `  ${vars[rnd(vars.length)]} ${['+=', '-=', '*=', '^=', '|=', '&=', '='][rnd(7)]} ${expr(2)};\n`;
    if (rnd(6) === 0) body += `  ${vars[rnd(vars.length)]}${['++', '--'][rnd(2)]};\n`;
  }
  return `#include "test.h"
static long long nz(long long x) { return x == 0 || x == -1 ? 7 : x; }
static unsigned long long mix(unsigned long long h, unsigned long long v) { return (h ^ v) * 0x100000001b3ULL + (h >> 7); }
int main(void) {
  unsigned long long h = 1469598103934665603ULL;
${decl}${body}  t_puts("H "); t_putll((long long)h); t_puts("\\n");
  return 0;
}
`;
}
